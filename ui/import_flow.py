"""Getting articles in: the file dialog, dropped files, pasted text; progress and a final report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QStatusBar, QWidget

from factcheck.errors import FactcheckError
from factcheck.records import ImportReport
from ui.import_report_dialog import ImportReportDialog, summary
from ui.paste_dialog import PasteArticleDialog
from ui.settings import Settings
from ui.tasks import Cancelled, Progress, Task

if TYPE_CHECKING:
    from factcheck.store import Store



def file_filter() -> str:
    """The file dialog's filter: what the importer reads (asked of the store when the dialog opens)."""
    from factcheck.store import IMPORTABLE_SUFFIXES

    return "Articles (" + " ".join(f"*{s}" for s in IMPORTABLE_SUFFIXES) + ");;All files (*)"


class ImportHost(Protocol):
    """What an import needs from the window the articles go into."""

    @property
    def store(self) -> Store: ...

    @property
    def settings(self) -> Settings: ...

    def window(self) -> QWidget: ...  # Qt's own: the top-level widget, parent of the dialogs

    def statusBar(self) -> QStatusBar: ...

    def show_import(self, report: ImportReport) -> None: ...

    def refresh_articles(self) -> None: ...


class ImportFlow(QObject):
    importFinished = Signal(object)  # ImportReport, once the window shows what it brought in

    def __init__(self, host: ImportHost) -> None:
        super().__init__(host.window())
        self._host = host
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.report_box: QMessageBox | ImportReportDialog | None = None

    def choose_files(self) -> None:
        settings = self._host.settings
        files, _ = QFileDialog.getOpenFileNames(self._host.window(), "Import articles", settings.last_folder,
                                                file_filter())
        if files:
            settings.last_folder = str(Path(files[0]).parent)
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        if self.task is not None:
            self._host.statusBar().showMessage("An import is already running.", 4000)
            return
        self.progress = QProgressDialog("Importing…", "Cancel", 0, len(files), self._host.window())
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a single quick file should not flash a dialog
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        store = self._host.store

        def work(progress: Progress, cancelled: Cancelled) -> ImportReport:
            return store.import_paths(files, progress=progress, cancelled=cancelled)

        self.task = Task(work)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.progress.canceled.connect(self.task.cancel)
        self.task.start()

    def _progressed(self, done: int, total: int, name: str) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setMaximum(total)
        if name:
            progress.setLabelText(f"Importing {Path(name).name} ({done + 1} of {total})")
        # Last: a modal dialog's setValue runs the event loop, in which the import can end and the
        # dialog be closed and let go (_reset).
        progress.setValue(done)

    def _reset(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None

    def _finished(self, report: ImportReport) -> None:
        self._reset()
        self._after_import(report)

    def _failed(self, error: BaseException) -> None:
        """The import stopped part way: what it stored is kept, so show it; say why it stopped."""
        self._reset()
        self._host.refresh_articles()
        if isinstance(error, FactcheckError):
            self.report_box = QMessageBox(QMessageBox.Icon.Warning, "Import", f"The import stopped: {error}",
                                          QMessageBox.StandardButton.Ok, self._host.window())
            self.report_box.open()
        else:  # a bug: reported like any other, with its details logged
            sys.excepthook(type(error), error, error.__traceback__)

    def _after_import(self, report: ImportReport) -> None:
        self._host.show_import(report)
        self._host.statusBar().showMessage(summary(report), 8000)
        if report.failed or any(r.duplicate for _, r in report.imported):
            self.report_box = ImportReportDialog(report, self._host.window())
            self.report_box.open()  # not exec(): the window stays usable and tests are not blocked
        self.importFinished.emit(report)

    def paste_article(self) -> None:
        dialog = PasteArticleDialog(self._host.store, self._host.window())
        dialog.imported.connect(self._after_import)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # not exec(): like the report, it leaves the event loop (and tests) running
