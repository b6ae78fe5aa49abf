"""When the window backs up its database: on open, every 30 minutes of use while it changes, on quit.

Every backup runs on the one background runner (ui.tasks), never on the GUI thread: a large
database takes seconds to copy and check. The window shows when one runs and ends; a failed
backup is a banner, and the work goes on.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ui.backups_banner import BackupBanner
from ui.formatting import clock_time
from ui.tasks import Task

if TYPE_CHECKING:
    from factcheck.records import BackupRecord
    from factcheck.store import Store


class BackupHost(Protocol):
    @property
    def store(self) -> Store: ...


class BackupSchedule(QObject):
    """Starts the automatic backups of the host's current store; at most one runs at a time."""

    backupStarted = Signal()
    backupFinished = Signal(object)  # the BackupRecord made, or None when none was due
    backupFailed = Signal(str)  # the reason, worded for the reviewer

    def __init__(self, host: BackupHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._task: Task | None = None
        self._timer = QTimer(self)
        self._interval = dt.timedelta(0)
        self._timer.timeout.connect(lambda: self.run_if_due(self._interval))

    def report_to(self, label: QLabel, banner: BackupBanner) -> None:
        """Show each backup in a status-bar label as it starts and ends, and a failure in the banner."""
        def finished(made: BackupRecord | None) -> None:
            label.setText(f"backed up {clock_time()}" if made is not None else "")
            label.setToolTip(made.path if made is not None else "")

        def failed(message: str) -> None:
            label.setText("backup failed")
            banner.show_problem(f"The automatic backup failed, and your work goes on: {message}")

        self.backupStarted.connect(lambda: label.setText("backing up…"))
        self.backupFinished.connect(finished)
        self.backupFailed.connect(failed)

    @property
    def running(self) -> bool:
        return self._task is not None

    def on_open(self) -> None:
        """The backup of a database just opened, once the window has painted; then one whenever the
        database changed and the last is BACKUP_INTERVAL old."""
        from factcheck.store import BACKUP_INTERVAL  # the store is loaded by now: this backs it up

        self._interval = BACKUP_INTERVAL
        self._timer.setInterval(int(BACKUP_INTERVAL.total_seconds() * 1000))
        self._timer.start()
        QTimer.singleShot(0, self.run_if_due)

    def run_if_due(self, min_age: dt.timedelta = dt.timedelta(0)) -> bool:
        """Back up in the background if the database changed since its last backup (made at least
        `min_age` ago); False when one is already running."""
        if self._task is not None:
            return False
        store = self._host.store

        def work(_progress: object, _cancelled: object) -> BackupRecord | None:
            return store.automatic_backup() if store.backup_due(min_age) else None

        self._task = task = Task(work)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        self.backupStarted.emit()
        task.start()
        return True

    def finish_on_quit(self) -> None:
        """Wait for a running backup, then take the last one if anything changed since: the event
        loop keeps turning meanwhile, the copying happens on the runner."""
        self._timer.stop()
        self._wait()
        if self.run_if_due():
            self._wait()

    def _wait(self) -> None:
        if self._task is None:
            return
        loop = QEventLoop()
        self.backupFinished.connect(loop.quit)
        self.backupFailed.connect(loop.quit)
        if self._task is not None:
            loop.exec()
        self.backupFinished.disconnect(loop.quit)
        self.backupFailed.disconnect(loop.quit)

    def _succeeded(self, made: BackupRecord | None) -> None:
        self._task = None
        self.backupFinished.emit(made)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.backupFailed.emit(str(error))
