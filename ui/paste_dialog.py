"""Paste Article: an article from the clipboard, with the metadata a file header would carry.

Import imports at once, in the store, and closes; text the store refuses keeps the dialog open
with the reason, so nothing typed or pasted is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from factcheck.store import Store


class PasteArticleDialog(QDialog):
    imported = Signal(object)  # ImportReport, once the dialog has closed

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("Paste Article")
        self.resize(640, 520)
        self.title = QLineEdit()
        self.outlet = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.known_date = QCheckBox("Published on")
        self.published = QDateEdit(QDate.currentDate())
        self.published.setCalendarPopup(True)
        self.published.setDisplayFormat("yyyy-MM-dd")
        self.published.setEnabled(False)
        self.known_date.toggled.connect(self.published.setEnabled)
        self.language = QComboBox()
        for text, code in (("Detect", "auto"), ("English", "en"), ("Spanish", "es")):
            self.language.addItem(text, code)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("Paste the article text here.")
        clip = QGuiApplication.clipboard().text()
        if len(clip.strip()) > 80:
            self.body.setPlainText(clip)
        self.error = QLabel()
        self.error.setStyleSheet("color: palette(highlighted-text); background: #b3261e; padding: 4px;")
        self.error.setWordWrap(True)
        self.error.hide()
        # The error was about the text as it was: once the reviewer changes it, it no longer holds.
        self.body.textChanged.connect(self.error.hide)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&URL", self.url)
        dates = QHBoxLayout()
        dates.addWidget(self.known_date)
        dates.addWidget(self.published)
        dates.addStretch()
        form.addRow("Date", dates)
        form.addRow("&Language", self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Import the text; if the store refuses it, stay open and say why."""
        published = self.published.date().toString("yyyy-MM-dd") if self.known_date.isChecked() else None
        try:
            report = self._store.import_pasted(
                self.body.toPlainText(), title=self.title.text(), outlet=self.outlet.text(),
                url=self.url.text().strip(), published=published, language=self.language.currentData(),
            )
        except FactcheckError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
        self.imported.emit(report)
