"""Edit → Article Details…: correct the title, outlet, date, URL and language of an article.

The dialog only gathers the fields; the window runs them as one undoable operation, whose
refusal (a date that is not one, a URL that is not a web address) is shown here, under the
fields, with the dialog left open for the correction.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import ArticleRecord

LANGUAGES = (("en", "English"), ("es", "Spanish"))


class ArticleDetailsDialog(QDialog):
    def __init__(self, article: ArticleRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article Details")
        self.setMinimumWidth(560)
        self.title = QLineEdit(article.title)
        self.outlet = QLineEdit(article.outlet)
        self.published = QLineEdit(article.published or "")
        self.published.setPlaceholderText("2025-05-03, 3 May 2025, May 3, 2025 — empty when unknown")
        self.url = QLineEdit(article.url)
        self.url.setPlaceholderText("https://…")
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(article.language)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Published", self.published)
        form.addRow("&URL", self.url)
        form.addRow("&Language", self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, str]:
        return {"title": self.title.text(), "outlet": self.outlet.text(), "url": self.url.text(),
                "published": self.published.text(), "language": str(self.language.currentData())}

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
