"""Adding or editing one source behind a verdict.

The address is checked with the same rule the core applies (`check_source_url`), while typing, so
the reviewer sees why OK is unavailable instead of meeting an error after pressing it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import SourceInput, SourceRecord

EMPTY_URL_HINT = "Enter the source's http or https address."


def web_address(text: str | None) -> str | None:
    """The text as an http(s) address if that is all it is, else None (for clipboard prefill)."""
    if not text:
        return None
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    from factcheck.ops import OperationError, check_source_url  # the operations load after the first paint

    try:
        return check_source_url(text)
    except OperationError:
        return None


class SourceDialog(QDialog):
    """Asks for a source; `source()` gives the validated SourceInput after accept."""

    def __init__(self, parent: QWidget | None = None, existing: SourceRecord | SourceInput | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Source" if existing is not None else "Add Source")
        self.setMinimumWidth(520)

        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.url_error = QLabel()
        self.url_error.setWordWrap(True)
        self.url_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_edit = QLineEdit()
        self.publisher_edit = QLineEdit()
        self.excerpt_edit = QPlainTextEdit()
        self.excerpt_edit.setPlaceholderText("The passage that backs the verdict, quoted exactly")
        self.excerpt_edit.setTabChangesFocus(True)
        self.excerpt_edit.setFixedHeight(96)
        self.accessed_edit = QDateEdit(QDate.currentDate())
        self.accessed_edit.setCalendarPopup(True)
        self.accessed_edit.setDisplayFormat("yyyy-MM-dd")

        form = QFormLayout()
        form.addRow("&URL", self.url_edit)
        form.addRow("", self.url_error)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Publisher", self.publisher_edit)
        form.addRow("&Excerpt", self.excerpt_edit)
        form.addRow("&Accessed", self.accessed_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if existing is not None:
            self._fill(existing)
        else:
            clipboard = QGuiApplication.clipboard()
            self.url_edit.setText(web_address(clipboard.text() if clipboard else None) or "")
        self.url_edit.textChanged.connect(self._validate)
        self._validate()
        # With an address already there, the reviewer most likely wants to give it a title next.
        (self.title_edit if self.url_edit.text() else self.url_edit).setFocus()

    def _fill(self, source: SourceRecord | SourceInput) -> None:
        self.url_edit.setText(source.url)
        self.title_edit.setText(source.title)
        self.publisher_edit.setText(source.publisher)
        self.excerpt_edit.setPlainText(source.excerpt)
        accessed = QDate.fromString(source.accessed or "", Qt.DateFormat.ISODate)
        if accessed.isValid():
            self.accessed_edit.setDate(accessed)

    def url_problem(self) -> str | None:
        """Why the address cannot be used yet, in the reviewer's words; None when it is fine."""
        text = self.url_edit.text().strip()
        if not text:
            return EMPTY_URL_HINT
        from factcheck.ops import OperationError, check_source_url

        try:
            check_source_url(text)
        except OperationError as exc:
            return str(exc)
        return None

    def _validate(self) -> None:
        problem = self.url_problem()
        self.url_error.setText(f"⚠ {problem}" if problem and problem != EMPTY_URL_HINT else (problem or ""))
        self.url_error.setVisible(problem is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def accept(self) -> None:
        if self.url_problem() is None:  # Enter in a field must not slip past the disabled OK
            super().accept()

    def source(self) -> SourceInput:
        """The entered source, trimmed; only valid once url_problem() is None."""
        from factcheck.ops import check_source_url

        return SourceInput(
            url=check_source_url(self.url_edit.text()),
            title=self.title_edit.text().strip(),
            publisher=self.publisher_edit.text().strip(),
            excerpt=self.excerpt_edit.toPlainText().strip(),
            accessed=self.accessed_edit.date().toString(Qt.DateFormat.ISODate),
        )
