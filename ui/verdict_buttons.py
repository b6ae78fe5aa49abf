"""The three large verdict buttons, showing the claim's current verdict by mark, colour and state.

The buttons can be bound to the main window's actions so the window owns the shortcuts and the
verdict logic; a click then just triggers the action, like pressing its key would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from factcheck.records import VERDICT_LABELS
from ui import theme


class VerdictButtons(QWidget):
    """Emits verdictRequested(name) on a click, or triggers the bound action instead."""

    verdictRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._verdict: str | None = None
        self._actions: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name in VERDICT_LABELS:
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(40)
            # Taking focus on click makes a text field lose it first, so its edit is committed
            # before the verdict is recorded and the window's single-key actions are live again.
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, n=name: self._clicked(n))
            layout.addWidget(button)
            self.buttons[name] = button
        self._restyle()

    def set_actions(self, verified: QAction, disputed: QAction, unclear: QAction) -> None:
        """Route clicks to the window's actions and show their shortcuts on the buttons."""
        self._actions = {"verified": verified, "disputed": disputed, "unclear": unclear}
        self._restyle()

    def set_verdict(self, verdict: str | None) -> None:
        self._verdict = verdict
        for name, button in self.buttons.items():
            button.setChecked(name == verdict)

    def verdict(self) -> str | None:
        return self._verdict

    def _clicked(self, name: str) -> None:
        # The button shows the stored verdict, not the click: the refresh after the change moves it.
        self.set_verdict(self._verdict)
        action = self._actions.get(name)
        if action is not None:
            action.trigger()
        else:
            self.verdictRequested.emit(name)

    def _shortcut(self, name: str) -> str:
        action = self._actions.get(name)
        if action is not None and not action.shortcut().isEmpty():
            return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return theme.style_for(name).key

    def _restyle(self) -> None:
        """Text and colours from the theme; called again when the palette turns light or dark."""
        for name, button in self.buttons.items():
            style = theme.style_for(name)
            key = self._shortcut(name)
            button.setText(f"{style.mark} {name.capitalize()} ({key})" if key else f"{style.mark} {name.capitalize()}")
            action = self._actions.get(name)
            button.setToolTip(action.toolTip() if action is not None else f"Mark the claim {name}")
            fill = theme.background(name)
            edge = fill.lighter(170) if theme.is_dark() else fill.darker(150)
            button.setStyleSheet(
                f"QToolButton {{ border: 1px solid {edge.name()}; border-radius: 5px; padding: 6px 4px;"
                f" font-size: 10.5pt; }}"
                f"QToolButton:hover {{ border-width: 2px; }}"
                f"QToolButton:checked {{ background: {fill.name()}; border: 3px solid {edge.name()}; }}"
                f"QToolButton:focus {{ border-style: dashed; }}"
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)
