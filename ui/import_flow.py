"""Getting articles in: the file dialog, dropped files, pasted text; progress and a final report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from factcheck.importing.reading import SUPPORTED_SUFFIXES
from factcheck.store import StoreError
from ui.import_worker import ImportJob, ImportReport, start_import
from ui.paste_dialog import PasteArticleDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = "Articles (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ");;All files (*)"


class ImportFlow(QObject):
    importFinished = Signal(object)  # ImportReport

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: ImportJob | None = None
        self.progress: QProgressDialog | None = None
        self.report_box: QMessageBox | None = None

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", self.window.settings.last_folder,
                                                FILE_FILTER)
        if files:
            self.window.settings.last_folder = str(Path(files[0]).parent)
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        if self.job is not None:
            self.window.statusBar().showMessage("An import is already running.", 4000)
            return
        self.progress = QProgressDialog("Importing…", "Cancel", 0, len(files), self.window)
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a single quick file should not flash a dialog
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.job = start_import(self.window.store, files)
        self.progress.canceled.connect(self.job.cancel)
        self.job.signals.progressed.connect(self._progressed)
        self.job.signals.finished.connect(self._finished)

    def _progressed(self, done: int, total: int, name: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            if name:
                self.progress.setLabelText(f"Importing {Path(name).name} ({done + 1} of {total})")

    def _finished(self, report: ImportReport) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.job = None
        self._after_import(report)

    def _after_import(self, report: ImportReport) -> None:
        window = self.window
        window.article_list.reload()
        new = report.new_article_ids
        if new:
            window.show_article(new[0])
        elif report.imported:
            window.show_article(report.imported[0][1].article_id)
        window._update_status_labels()
        summary = f"Imported {len(new)} of {len(report.imported) + len(report.failed)} files"
        duplicates = [(n, r) for n, r in report.imported if r.duplicate]
        if report.cancelled:
            summary += " (cancelled; the files already imported are kept)"
        window.statusBar().showMessage(summary + ".", 8000)
        if report.failed or duplicates:
            lines = [f"{Path(n).name}: {message}" for n, message in report.failed]
            lines += [f"{Path(n).name}: already imported as article {r.article_id} ({r.title})"
                      for n, r in duplicates]
            self.report_box = QMessageBox(QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information,
                                          "Import", summary + ".", QMessageBox.StandardButton.Ok, window)
            self.report_box.setInformativeText("\n".join(lines))
            self.report_box.open()  # not exec(): the window stays usable and tests are not blocked
        self.importFinished.emit(report)

    def paste_article(self) -> None:
        dialog = PasteArticleDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.article() is None:
            return
        self.import_pasted(dialog)

    def import_pasted(self, dialog: PasteArticleDialog) -> None:
        article = dialog.article()
        assert article is not None
        try:
            result = self.window.store.import_input(article)
        except StoreError as exc:
            self.window.show_error(str(exc))
            return
        report = ImportReport(imported=[("pasted text", result)])
        self._after_import(report)
