"""Importing files off the GUI thread, with progress, Cancel and a per-file report.

Each article is its own transaction in the store, so a cancel or a bad file keeps what was done.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from factcheck.importing.reading import ArticleInput, IngestError, read_file
from factcheck.records import ImportResult
from factcheck.store import Store, StoreError


@dataclass
class ImportReport:
    imported: list[tuple[str, ImportResult]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    cancelled: bool = False

    @property
    def new_article_ids(self) -> list[int]:
        return [r.article_id for _, r in self.imported if not r.duplicate]


class ImportSignals(QObject):
    progressed = Signal(int, int, str)  # done, total, file being read
    finished = Signal(object)  # ImportReport


class ImportJob(QRunnable):
    def __init__(self, store: Store, files: list[str]) -> None:
        super().__init__()
        self.store, self.files = store, files
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        report = ImportReport()
        total = len(self.files)
        readable: list[tuple[str, ArticleInput]] = []
        for done, name in enumerate(self.files):  # reading is quick: checks, encoding, front matter
            if self._cancel.is_set():
                report.cancelled = True
                break
            self.signals.progressed.emit(done, total, name)
            try:
                readable.append((name, read_file(name)))
            except IngestError as exc:
                report.failed.append((name, str(exc)))
        names = iter(name for name, _ in readable)
        try:  # analysing is the long part: a batch runs it in worker processes
            for result in self.store.import_many([item for _, item in readable], cancelled=self._cancel.is_set):
                report.imported.append((next(names), result))
                self.signals.progressed.emit(len(report.imported) + len(report.failed), total,
                                             report.imported[-1][0])
        except StoreError as exc:
            report.failed.extend((name, str(exc)) for name in names)
        except Exception as exc:  # a bug must not kill the batch or the app
            report.failed.extend((name, f"unexpected error ({type(exc).__name__}: {exc})") for name in names)
        if self._cancel.is_set() and len(report.imported) + len(report.failed) < total:
            report.cancelled = True
        self.signals.progressed.emit(len(report.imported) + len(report.failed), total, "")
        self.signals.finished.emit(report)


def start_import(store: Store, files: list[str]) -> ImportJob:
    job = ImportJob(store, files)
    QThreadPool.globalInstance().start(job)
    return job
