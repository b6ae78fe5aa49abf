"""A plain-text field that reports when its text should be saved.

Every change is saved the moment it is made, but saving on each keystroke would flood the undo
history; so a field commits when the reviewer leaves it, presses Ctrl+Enter, or (optionally) stops
typing for a moment. It emits `committed(text)` only when the text differs from what was last
loaded or committed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class CommittingTextEdit(QPlainTextEdit):
    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, idle_ms: int | None = None,
                 lines: tuple[int, int] = (3, 6)) -> None:
        super().__init__(parent)
        self._lines = lines
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()
        self.setTabChangesFocus(True)
        self._baseline = ""
        self._loading = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms or 0)
        self.idle_timer.timeout.connect(self.commit)
        self._debounce = idle_ms is not None
        self.textChanged.connect(self._text_changed)

    def _fit_height(self) -> None:
        """Grow with the text between a few lines and a limit, so a long claim is read whole."""
        fewest, most = self._lines
        wrapped_lines = int(self.document().size().height())  # a plain-text layout counts lines
        shown = max(fewest, min(most, wrapped_lines))
        frame = int(self.document().documentMargin() * 2) + self.frameWidth() * 2 + 2
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + frame)

    def load(self, text: str, *, keep_typing: bool = False) -> None:
        """Show stored text; with keep_typing, a reviewer mid-edit keeps their words on screen."""
        self._baseline = text
        if keep_typing and self.hasFocus():
            return
        self.idle_timer.stop()
        if self.toPlainText() != text:
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False

    def discard(self) -> None:
        """Forget uncommitted typing (the claim it belonged to is gone from the screen)."""
        self.load(self._baseline)

    def commit(self) -> None:
        self.idle_timer.stop()
        text = self.toPlainText()
        if text != self._baseline:
            self._baseline = text  # before emitting: the handler may reload this field
            self.committed.emit(text)

    def _text_changed(self) -> None:
        if not self._loading and self._debounce:
            self.idle_timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        # A context menu is not the reviewer leaving the field; switching windows is.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit()
            event.accept()
            return
        super().keyPressEvent(event)
