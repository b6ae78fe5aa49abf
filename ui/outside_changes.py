"""Noticing that the command line or another window wrote to the database while this one is open.

The store's data_version changes whenever any connection commits; the window notes the value
after each of its own changes, so only changes made elsewhere emit `changed`. It looks on a
timer and whenever the window comes back to the front.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

WATCH_MS = 1500


class OutsideChanges(QObject):
    changed = Signal()

    def __init__(self, version: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._version = version
        self._seen = version()
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def note(self) -> None:
        """What the database holds now is on screen (after our own change or a refresh)."""
        self._seen = self._version()

    def check(self) -> None:
        current = self._version()
        if current is not None and current != self._seen:
            self._seen = current
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()
