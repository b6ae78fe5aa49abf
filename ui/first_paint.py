"""Running something once a widget's next paint is on screen: how the window starts quickly.

The window shows its frame and paints it before building its panels, and paints its first screen
before loading the Store; each next step waits for the paint before it (a zero timer alone can run
before a paint that Qt has only scheduled).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            watched.removeEventFilter(self)
            # The paint event is delivered before the widget draws; the turn after it, it is drawn.
            QTimer.singleShot(0, self, self._then)  # dropped if the widget is gone by then
        return False


def after_next_paint(widget: QWidget, then: Callable[[], None], *, at_most_ms: int | None = None) -> None:
    """Call `then` once, on the event loop's turn after `widget` is next painted; or after `at_most_ms`
    if it has not been painted by then (a window kept hidden, minimised)."""
    watcher = _AfterPaint(widget, then)
    if at_most_ms is not None:
        def late() -> None:
            if not watcher._done:
                watcher._done = True
                widget.removeEventFilter(watcher)
                then()

        QTimer.singleShot(at_most_ms, watcher, late)  # owned by the watcher: gone with the widget
