"""Esc in a text field hands the keys back to the article text, where the next key is a command.

The filter claims Esc before any window shortcut sees it (ShortcutOverride), so Esc in the filter
box, the claim text or the rationale always means "done typing", even while a search is open and
Esc elsewhere returns to its results. Leaving the field commits it as any focus change does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class EscapeToReading(QObject):
    def __init__(self, back_to_reading: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._back = back_to_reading

    def watch(self, *fields: QWidget) -> None:
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._back()
            return True
        return False
