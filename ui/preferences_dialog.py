"""Preferences: who is reviewing, whether a verdict moves on, which database is open and where its backups are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class PreferencesDialog(QDialog):
    def __init__(self, reviewer: str, advance: bool, database: str, parent: QWidget | None = None,
                 backups: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.reviewer = QLineEdit(reviewer)
        self.advance = QCheckBox("Move to the next claim after a verdict (V, D, U)")
        self.advance.setChecked(advance)
        self.database = QLineEdit(database)
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_database)
        row = QHBoxLayout()
        row.addWidget(self.database, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("&Reviewer name", self.reviewer)
        form.addRow("", self.advance)
        # A row holding a layout gets no buddy, so its "&" would show: the label names its field.
        database_label = QLabel("&Database")
        database_label.setBuddy(self.database)
        form.addRow(database_label, row)
        self.backups = QLabel(backups or "none: this database is not a file")
        self.backups.setToolTip("Automatic backups: on opening, every 30 minutes of work, and on quitting "
                                "(File → Backups… lists and restores them)")
        self.backups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Backups", self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Database file", self.database.text(), "factcheck database (*.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)
