"""Work off the GUI thread: the one runner behind imports, exports and backups (after Anki's QueryOp).

A task is a function `work(progress, cancelled) -> result`. `Task` runs it on the global
QThreadPool and reports back on the GUI thread, so its signals can drive any widget:

    task = Task(lambda progress, cancelled: store.import_paths(files, progress=progress,
                                                                cancelled=cancelled))
    task.progressed.connect(show_progress)  # (done, total, label)
    task.succeeded.connect(show_result)     # what `work` returned
    task.failed.connect(show_error)         # what `work` raised, of any kind
    progress_dialog.canceled.connect(task.cancel)
    task.start()

Exactly one of `succeeded` and `failed` follows every start: an exception is delivered, never
left to end the thread or the app. Connect before `start()`; a task can end before the next line
of the caller runs.

Never do inside `work`, because it runs on another thread:
- touch a widget, an item model or any other object of the window, not even to read it; take
  what it needs as arguments and hand results back through the return value;
- open a dialog or a message box, or call a method of the window;
- call `progress` with anything but (done, total, label);
- ignore `cancelled()`: check it between steps and return what was done so far.
The store may be used: every call of it opens its own connection and transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

# Running tasks, so one whose caller keeps no reference still reports back.
_running: set[Task] = set()


class _Relay(QObject):
    """Emitted from the pool thread; queued connections carry each report to the GUI thread."""

    progressed = Signal(int, int, str)
    returned = Signal(object)
    raised = Signal(object)


class Task(QObject):
    """One run of `work` in the background, with Cancel; its signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, what is being worked on
    succeeded = Signal(object)  # the return value of `work`
    failed = Signal(object)  # the exception `work` raised

    def __init__(self, work: Work) -> None:
        super().__init__()  # no parent: a closing window must not delete a task its thread still reports to
        self._work = work
        self._cancel = threading.Event()
        self._started = False
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progressed.connect(self.progressed, queued)
        self._relay.returned.connect(self._returned, queued)
        self._relay.raised.connect(self._raised, queued)

    def start(self) -> Task:
        if self._started:
            raise RuntimeError("a task runs once; make another Task to run it again")
        self._started = True
        _running.add(self)
        QThreadPool.globalInstance().start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it returns what it did so far, through `succeeded` as usual."""
        self._cancel.set()

    def _run(self) -> None:  # on the pool thread
        try:
            result = self._work(self._relay.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # any failure, even a bug, must reach the window
            self._relay.raised.emit(exc)
        else:
            self._relay.returned.emit(result)

    def _returned(self, result: object) -> None:
        self._done()
        self.succeeded.emit(result)

    def _raised(self, error: BaseException) -> None:
        self._done()
        self.failed.emit(error)

    def _done(self) -> None:
        # Before the result is announced: a handler may start the next task at once.
        _running.discard(self)
