"""Tools → Retrain Claim Proposal from My Decisions, and back to the shipped model.

The fit runs on the background runner with a progress dialog and Cancel; the window stays usable
and the result is said in the status bar. Only later imports and added claims use the new model:
what is already proposed stays as the reviewer left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from ui.tasks import Task

if TYPE_CHECKING:
    from factcheck.records import RetrainReport
    from factcheck.store import Store


class ClaimRetraining(QObject):
    def __init__(self, window: QMainWindow, store: Store) -> None:
        super().__init__(window)
        self._window, self._store = window, store
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None

    def set_store(self, store: Store) -> None:
        self._store = store

    @property
    def running(self) -> bool:
        return self.task is not None

    def retrain(self) -> None:
        if self.task is not None:
            return  # one fit at a time; the dialog of the running one is on screen
        store = self._store
        self.progress = dialog = QProgressDialog("Retraining the claim proposal on this desk's decisions…",
                                                 "Cancel", 0, 100, self._window)
        dialog.setWindowTitle("Retrain Claim Proposal")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.task = task = Task(lambda progress, cancelled: store.retrain_claim_model(
            lambda done, total: progress(done, total, ""), cancelled))
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        dialog.canceled.connect(task.cancel)
        dialog.show()
        task.start()

    def reset(self) -> None:
        answer = QMessageBox.question(
            self._window, "Use the Shipped Claim Proposal",
            "Forget the claim proposal retrained on this database's decisions? Later imports will be "
            "scored by the model factcheck ships with. Your decisions are kept, so you can retrain again.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = self._store.reset_claim_model()
        self._say("Back to the shipped claim proposal model." if removed
                  else "This database already uses the shipped claim proposal model.")

    def _progressed(self, done: int, total: int, _label: str) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finished(self, report: RetrainReport) -> None:
        self._close()
        self._say(report.describe())

    def _failed(self, error: BaseException) -> None:
        self._close()
        self._say(f"Retraining failed: {error}")

    def _close(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 10000)
