"""File → Export… (Ctrl+E): format, scope and destination, run on the background runner.

The export is written under a temporary name beside the destination and renamed when complete,
so Cancel (or an error) leaves no file. When it is done the dialog offers to open the file or its
folder. HTML and PDF can be previewed first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from factcheck import preferences
from factcheck.errors import FactcheckError
from factcheck.records import ExportResult
from ui.export_preview import HtmlPreviewDialog, PdfPreviewDialog
from ui.tasks import Cancelled, Progress, Task, Work

# (name the store or the renderer knows, what the reviewer reads, file suffix)
FORMATS = (
    ("html", "HTML report", ".html"),
    ("pdf", "PDF report", ".pdf"),
    ("md", "Markdown", ".md"),
    ("csv", "CSV, one row per claim", ".csv"),
    ("json", "JSON backup (everything; import it back)", ".json"),
    ("claimreview", "ClaimReview JSON-LD (schema.org)", ".jsonld"),
)

if TYPE_CHECKING:
    from factcheck.store import Store
SUFFIXES = {suffix for _, _, suffix in FORMATS}
PREVIEWABLE = ("html", "pdf")
SCOPES = ("database", "article", "search", "claims")


@dataclass(frozen=True)
class ExportScopes:
    """What the window has on screen that an export may cover."""

    article_id: int | None = None
    article_title: str = ""
    query: str = ""
    claim_ids: tuple[int, ...] = ()


class ExportDialog(QDialog):
    exportFinished = Signal(object)  # the ExportResult, cancelled or not
    previewOpened = Signal(object)  # the preview dialog

    def __init__(self, store: Store, scopes: ExportScopes, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.store, self.scopes = store, scopes
        self.task: Task | None = None
        self.result: ExportResult | None = None
        self.preview: QDialog | None = None
        self._preview_format = "html"

        self.format_box = QComboBox()
        for name, label, _suffix in FORMATS:
            self.format_box.addItem(label, name)
        self.format_box.currentIndexChanged.connect(self._format_changed)

        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        scope_box = QVBoxLayout()
        texts = {
            "database": f"Whole database ({store.article_count()} articles)",
            "article": f"Current article: {_short(scopes.article_title)}" if scopes.article_id else "Current article",
            "search": f"Current search: {_short(scopes.query)}" if scopes.query else "Current search (none open)",
            "claims": f"Selected claims ({len(scopes.claim_ids)})" if scopes.claim_ids else "Selected claims (none)",
        }
        available = {"database": True, "article": scopes.article_id is not None, "search": bool(scopes.query),
                     "claims": bool(scopes.claim_ids)}
        for scope in SCOPES:
            button = QRadioButton(texts[scope])
            button.setEnabled(available[scope])
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            scope_box.addWidget(button)
        self.scope_buttons["database"].setChecked(True)

        self.destination = QLineEdit(str(Path(folder or Path.home()) / "verdict-report.html"))
        self.destination.setToolTip("The file to write; it appears only once the export is complete")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_destination)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(choose)

        form = QFormLayout()
        form.addRow("Format:", self.format_box)
        form.addRow("Scope:", scope_box)
        form.addRow("Save as:", where)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_button = QPushButton("Preview…")
        self.preview_button.setToolTip("See the HTML or PDF report before saving it")
        self.preview_button.clicked.connect(self.show_preview)
        self.open_file_button = QPushButton("Open File")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton("Open Folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("Close")
        self.cancel_button.clicked.connect(self._cancel_or_close)
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addStretch(1)
        for button in (self.open_file_button, self.open_folder_button, self.export_button, self.cancel_button):
            row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(620, self.sizeHint().height())
        self._format_changed()

    # -- choices ---------------------------------------------------------------------------

    @property
    def format(self) -> str:
        return str(self.format_box.currentData())

    @property
    def scope(self) -> str:
        return next(scope for scope, button in self.scope_buttons.items() if button.isChecked())

    def set_choice(self, fmt: str, scope: str = "database") -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))
        self.scope_buttons[scope].setChecked(True)

    def _format_changed(self) -> None:
        suffix = dict((name, s) for name, _, s in FORMATS)[self.format]
        path = Path(self.destination.text())
        if path.suffix in SUFFIXES or not path.suffix:
            self.destination.setText(str(path.with_suffix(suffix)))
        self.preview_button.setEnabled(self.format in PREVIEWABLE and self.task is None)

    def choose_destination(self) -> None:
        suffix = dict((name, s) for name, _, s in FORMATS)[self.format]
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.destination.text(),
                                                f"{self.format_box.currentText()} (*{suffix});;All files (*)")
        if chosen:
            self.destination.setText(chosen if Path(chosen).suffix else chosen + suffix)

    def _scope_arguments(self) -> dict[str, object]:
        scope = self.scope
        if scope == "article":
            return {"article_id": self.scopes.article_id}
        if scope == "search":
            return {"query": self.scopes.query}
        if scope == "claims":
            return {"claim_ids": self.scopes.claim_ids}
        return {}

    # -- running ---------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.task is not None:
            return
        target = self.destination.text().strip()
        if not target:
            self._show_error("Choose where to save the export.")
            return
        store, fmt, scope = self.store, self.format, self._scope_arguments()
        page_size = preferences.load().page_size

        def work(progress: Progress, cancelled: Cancelled) -> ExportResult:
            if fmt == "pdf":
                from ui.pdf_export import export_pdf

                return export_pdf(store, target, page_size=page_size, progress=progress, cancelled=cancelled,
                                  **scope)  # type: ignore[arg-type]
            return store.export(fmt, target, progress=progress, cancelled=cancelled, **scope)  # type: ignore[arg-type]

        self._run(work, self._exported, "Exporting…")

    def show_preview(self) -> None:
        if self.task is not None or self.format not in PREVIEWABLE:
            return
        store, scope, fmt = self.store, self._scope_arguments(), self.format

        def work(progress: Progress, cancelled: Cancelled) -> str:
            from ui.pdf_export import report_html

            html, _ = report_html(store, progress=progress, cancelled=cancelled, **scope)  # type: ignore[arg-type]
            return html

        self._preview_format = fmt
        self._run(work, self._previewed, "Preparing the preview…")

    def _run(self, work: Work, done: Callable[[Any], None], label: str) -> None:
        # `done` is a method of this dialog: Qt drops the connection if the dialog is closed first.
        self.result = None
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(False)
        self.status.setStyleSheet("")
        self.status.setText(label)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for widget in (self.export_button, self.preview_button, self.format_box):
            widget.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.task = Task(work)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if name:
            self.status.setText(f"Exporting {done + 1} of {total}: {_short(name)}")

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setText("Close")
        self.export_button.setEnabled(True)
        self.format_box.setEnabled(True)
        self.preview_button.setEnabled(self.format in PREVIEWABLE)

    def _exported(self, result: ExportResult) -> None:
        self._finish()
        self.result = result
        if result.cancelled:
            self.status.setText("Export cancelled; no file was written.")
        else:
            self.status.setText(f"Exported {result.claims} claims of {result.articles} articles to {result.path}.")
            for button in (self.open_file_button, self.open_folder_button):
                button.setVisible(True)
            self.open_file_button.setFocus()
        self.exportFinished.emit(result)

    def _previewed(self, html: str) -> None:
        fmt = self._preview_format
        self._finish()
        if not html:
            self.status.setText("Preview cancelled.")
            return
        self.status.setText("")
        preferred = preferences.load().page_size
        self.preview = HtmlPreviewDialog(html, self) if fmt == "html" else PdfPreviewDialog(html, preferred, self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.show()
        self.previewOpened.emit(self.preview)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, FactcheckError):
            self._show_error(str(error))
        else:
            self._show_error(f"The export failed unexpectedly ({type(error).__name__}: {error}). No file was written.")
        self.exportFinished.emit(None)

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet("color: #9b1c1c;")
        self.status.setText(message)

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText("Cancelling…")
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None:  # closing while it runs: stop it; its file never appears
            self.task.cancel()
        super().reject()

    # -- after -----------------------------------------------------------------------------

    def open_file(self) -> None:
        if self.result is not None and self.result.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result.path))

    def open_folder(self) -> None:
        if self.result is not None and self.result.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result.path).parent)))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f"“{flat}”" if len(flat) <= limit else f"“{flat[:limit - 1]}…”"
