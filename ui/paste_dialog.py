"""Paste Article: an article from the clipboard, with the metadata a file header would carry."""

from __future__ import annotations

from PySide6.QtCore import QDate
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

from factcheck.importing.reading import ArticleInput, IngestError, from_text


class PasteArticleDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._article: ArticleInput | None = None

    def article(self) -> ArticleInput | None:
        return self._article

    def accept(self) -> None:
        """Validate like a file import would, and keep the dialog open with the reason if not."""
        published = self.published.date().toString("yyyy-MM-dd") if self.known_date.isChecked() else None
        try:
            self._article = from_text(
                self.body.toPlainText(), origin="pasted", title=self.title.text(), outlet=self.outlet.text(),
                url=self.url.text().strip(), published=published, language=self.language.currentData(),
            )
        except IngestError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
