"""The strip above the window's panels that tells of a backup problem until it is dismissed."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class BackupBanner(QFrame):
    """Hidden until `show_problem`; the reviewer keeps working while it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A warning's amber in light and dark themes alike: it must not pass for part of the text.
        self.setStyleSheet("#backupBanner { background: #fff3cd; border: 1px solid #e0b84a; }"
                           "#backupBanner QLabel { color: #5c4400; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.message, 1)
        row.addWidget(dismiss)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.show()
