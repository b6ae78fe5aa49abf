"""Edit → Article Details…: correct the title, outlet, date, URL and language of an article.

The dialog only gathers the fields; the window runs them as one undoable operation, whose
refusal (a date that is not one, a URL that is not a web address) is shown here, under the
fields, with the dialog left open for the correction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from factcheck.errors import FactcheckError
from factcheck.records import ArticleRecord, Changes

if TYPE_CHECKING:
    from factcheck import ops
    from factcheck.store import Store

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


class DetailsHost(Protocol):
    """What editing an article's details needs from the window."""

    @property
    def store(self) -> Store: ...

    article_id: int | None
    claim_id: int | None

    def window(self) -> QWidget: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt API

    def run_op(self, op: ops.Operation) -> Changes | None: ...

    def show_article(self, article_id: int, claim_id: int | None = None) -> None: ...


def edit_article_details(host: DetailsHost) -> None:
    """Edit → Article Details…: one undoable step; a refusal keeps the dialog open to correct."""
    article = host.store.article(host.article_id) if host.article_id is not None else None
    if article is None:
        host.statusBar().showMessage("Open an article first.", 4000)
        return
    from factcheck import ops  # the operations load after the first paint, or here at the latest

    dialog = ArticleDetailsDialog(article, host.window())
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            op = ops.EditArticleDetails(article.id, **dialog.fields())
        except FactcheckError as exc:
            dialog.show_error(str(exc))
            continue
        if host.run_op(op) is not None:
            host.show_article(article.id, host.claim_id)  # the dates in the text were resolved again
            host.statusBar().showMessage(f"Details saved: {op.title}", 4000)
        break
