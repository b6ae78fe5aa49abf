"""The panel where the reviewer judges the current claim: verdict, rationale, sources, history.

It holds no business rules: each edit leaves as a signal carrying plain data, the main window turns
it into an undoable operation, and then calls `show_claim` again with the fresh record. That
refresh must not disturb a reviewer who is still typing, so editors with focus keep their text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import ClaimRecord, SourceInput, SourceRecord, VerdictRecord
from ui import theme
from ui.article_view import describe_date
from ui.committing_text_edit import CommittingTextEdit
from ui.formatting import local_time
from ui.models import source_table_model as source_columns
from ui.models.history_model import HistoryModel
from ui.models.source_table_model import SourceTableModel
from ui.source_dialog import SourceDialog, web_address
from ui.verdict_buttons import VerdictButtons

if TYPE_CHECKING:
    from factcheck import ops

RATIONALE_IDLE_MS = 800
POINT_MS = 1500  # how long a field an undo or redo changed stays marked


def changed_field(op: ops.Operation) -> str:
    """Which part of the panel an operation changes: "verdict", "rationale", "sources" or "claim"."""
    from factcheck import ops  # loaded by now: `op` is one

    if isinstance(op, ops.EditRationale):
        return "rationale"
    if isinstance(op, ops.AddSource | ops.EditSource | ops.RemoveSource):
        return "sources"
    if isinstance(op, ops.SetVerdict | ops.ReuseVerdict):
        return "verdict"
    return "claim"
CLAIM_LINES = 5


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _compact_table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _rows_height(table: QTableView, rows: int) -> int:
    """Room for the header and a few rows: enough to scan, small enough to keep the panel on screen."""
    return table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() + 4


class ReviewPanel(QWidget):
    """Shows one claim for review and reports the reviewer's edits as signals."""

    verdictRequested = Signal(str)
    claimTextEdited = Signal(str)
    rationaleEdited = Signal(str)
    sourceAddRequested = Signal(object)  # SourceInput
    sourceEditRequested = Signal(int, object)  # source id, SourceInput
    sourceRemoveRequested = Signal(int)
    sourceOpenRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimRecord | None = None
        self._add_source_action: QAction | None = None

        self.state_label = QLabel()
        # A fixed height: the verdict buttons below stay where the reviewer's eye and mouse expect
        # them, claim after claim; a longer claim scrolls inside its box.
        self.claim_edit = CommittingTextEdit(lines=(CLAIM_LINES, CLAIM_LINES))
        self.claim_edit.setPlaceholderText("Claim text (Ctrl+Enter saves)")
        self.claim_edit.committed.connect(self._claim_text_committed)

        self.reasons_label = QLabel()
        self.speaker_label = QLabel()
        self.dates_label = QLabel()
        for label in (self.reasons_label, self.speaker_label, self.dates_label):
            label.setWordWrap(True)
        # One line whatever its length (it sits above the claim box, whose place must not move),
        # and never a reason for the panel to be wider.
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.reasons_label, self.speaker_label, self.dates_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QFormLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.addRow("Why proposed:", self.reasons_label)
        facts.addRow("Speaker:", self.speaker_label)
        facts.addRow("Dates:", self.dates_label)

        self.pointed: str | None = None  # the field an undo or redo just changed, outlined a moment
        self._point_timer = QTimer(self)
        self._point_timer.setSingleShot(True)
        self._point_timer.setInterval(POINT_MS)
        self._point_timer.timeout.connect(self._unpoint)

        self.verdict_buttons = VerdictButtons()
        self.verdict_buttons.verdictRequested.connect(self.verdictRequested)

        self.rationale_edit = CommittingTextEdit(idle_ms=RATIONALE_IDLE_MS, lines=(4, 10))
        self.rationale_edit.setPlaceholderText("Why this verdict? (R)")
        self.rationale_edit.committed.connect(self.rationaleEdited)

        self.sources_heading = _heading("Sources")
        self.sources_model = SourceTableModel(self)
        self.sources_table = _compact_table()
        self.sources_table.setModel(self.sources_model)
        header = self.sources_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in ((source_columns.URL, QHeaderView.ResizeMode.Stretch),
                             (source_columns.TITLE, QHeaderView.ResizeMode.Stretch),
                             (source_columns.PUBLISHER, QHeaderView.ResizeMode.ResizeToContents),
                             (source_columns.ACCESSED, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.sources_table.hideColumn(source_columns.EXCERPT)  # long; its tooltip and Edit show it
        self.sources_table.setFixedHeight(_rows_height(self.sources_table, 3))
        self.sources_table.doubleClicked.connect(lambda _index: self.edit_selected_source())
        self.sources_table.selectionModel().selectionChanged.connect(self._update_source_buttons)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.sources_table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self._paste_from_clipboard)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.sources_table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected_source)
        self.sources_note = QLabel()
        self.sources_note.setWordWrap(True)
        self.sources_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.add_source_button = QPushButton("Add (S)")
        self.add_source_button.clicked.connect(self._add_clicked)
        self.edit_source_button = QPushButton("Edit")
        self.edit_source_button.clicked.connect(self.edit_selected_source)
        self.remove_source_button = QPushButton("Remove")
        self.remove_source_button.clicked.connect(self.remove_selected_source)
        self.open_source_button = QPushButton("Open")
        self.open_source_button.setToolTip("Open the source in the web browser")
        self.open_source_button.clicked.connect(self.open_selected_source)
        source_buttons = QHBoxLayout()
        for button in (self.add_source_button, self.edit_source_button, self.remove_source_button,
                       self.open_source_button):
            source_buttons.addWidget(button)
        source_buttons.addStretch(1)

        self.history_model = HistoryModel(self)
        self.history_table = _compact_table()
        self.history_table.setModel(self.history_model)
        self.history_table.setMinimumHeight(_rows_height(self.history_table, 3))
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.state_label)
        self.claim_heading = _heading("Claim")
        column.addWidget(self.claim_heading)
        column.addWidget(self.claim_edit)
        # The buttons right under the fixed-height claim box, so they never move; the facts about
        # the claim, whose length varies, come after the rationale.
        column.addWidget(self.verdict_buttons)
        column.addWidget(self.rationale_edit)
        column.addLayout(facts)
        column.addSpacing(6)
        column.addWidget(self.sources_heading)
        column.addWidget(self.sources_table)
        column.addLayout(source_buttons)
        column.addWidget(self.sources_note)
        column.addSpacing(6)
        self._history_heading = _heading("History")
        column.addWidget(self._history_heading)
        column.addWidget(self.history_table, 1)
        self._column = column
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Never sideways: the window keeps the panel as wide as its content needs (minimum_width).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = content
        self._scroll = scroll
        self.outline = QFrame(content)  # see point_at
        self.outline.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.outline.hide()
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.empty_label = QLabel("No claim selected")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty_label)
        self._pages.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        self._update_source_buttons()

    def minimum_width(self) -> int:
        """The narrowest the panel can be with every button's text whole and nothing scrolling sideways."""
        return self._content.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width() + 4

    # -- binding to the window's actions -------------------------------------------------------

    def set_verdict_actions(self, verified: QAction, disputed: QAction, unclear: QAction) -> None:
        """Let the window's actions own the verdict shortcuts; the buttons then trigger them."""
        self.verdict_buttons.set_actions(verified, disputed, unclear)

    def set_similar_panel(self, panel: QWidget) -> None:
        """Place the similar past verdicts above the history; the window feeds it the claim on screen."""
        self._column.insertWidget(self._column.indexOf(self._history_heading), panel)

    def set_add_source_action(self, action: QAction) -> None:
        """Route the Add button through the window's action (whose trigger opens the dialog)."""
        self._add_source_action = action

    # -- showing a claim -----------------------------------------------------------------------

    def show_claim(self, claim: ClaimRecord | None, history: list[VerdictRecord]) -> None:
        """Show a claim; re-showing the same claim keeps what the reviewer is typing."""
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        if not same:
            # Edits belong to the claim they were typed for; the window commits them before it
            # moves on (commit_pending_edits), so whatever is left here cannot be attributed safely.
            self.claim_edit.discard()
            self.rationale_edit.discard()
        self._claim = claim
        if claim is None:
            self._pages.setCurrentIndex(0)
            self.claim_edit.load("")
            self.rationale_edit.load("")
            self.sources_model.set_sources(())
            self.history_model.set_history([])
            self._update_source_buttons()
            return
        self._pages.setCurrentIndex(1)
        # The id is what `factcheck verdict CLAIM_ID` and `factcheck similar CLAIM_ID` take.
        self.claim_heading.setText(f"Claim · id {claim.id}")
        self.claim_heading.setToolTip(f"On the command line: factcheck verdict {claim.id} verified|disputed|unclear")
        self.claim_edit.load(claim.text, keep_typing=same)
        self.rationale_edit.load(claim.rationale, keep_typing=same)
        self.state_label.setText(self._state_text(claim))
        self.reasons_label.setText(self._reasons_text(claim))
        self.speaker_label.setText(claim.speaker or "— (not attributed)")
        self.dates_label.setText("\n".join(describe_date(d) for d in claim.dates) or "—")
        self.verdict_buttons.set_verdict(claim.verdict)
        self._show_sources(claim.sources, keep_selection=same)
        self.history_model.set_history(history)

    def commit_pending_edits(self) -> None:
        """Emit edits still waiting for focus-out or the idle timer (before switching or closing)."""
        self.claim_edit.commit()
        self.rationale_edit.commit()

    def point_at(self, field: str) -> None:
        """Bring a field into view and outline it for a moment, without taking the keys from the
        reviewer: after an undo the next key is still a command. The outline is a frame laid over
        the field, so the field's own look (native buttons, say) is left alone."""
        widget = self.field_widget(field)
        self._scroll.ensureWidgetVisible(widget)
        colour = self.palette().color(QPalette.ColorRole.Highlight).name()  # light and dark palettes alike
        self.outline.setStyleSheet(f"QFrame {{ border: 2px solid {colour}; border-radius: 3px; }}")
        self.outline.setGeometry(widget.geometry().adjusted(-3, -3, 3, 3))
        self.outline.raise_()
        self.outline.show()
        self.pointed = field
        self._point_timer.start()  # a child of the panel: it dies with it, never firing on a dead widget

    def field_widget(self, field: str) -> QWidget:
        return {"verdict": self.verdict_buttons, "rationale": self.rationale_edit,
                "sources": self.sources_table, "claim": self.claim_edit}[field]

    def _unpoint(self) -> None:
        self.outline.hide()
        self.pointed = None

    def focus_rationale(self) -> None:
        if self._claim is None:
            return
        self.rationale_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.rationale_edit.moveCursor(QTextCursor.MoveOperation.End)

    @staticmethod
    def _state_text(claim: ClaimRecord) -> str:
        parts = [theme.label(claim.verdict, claim.dismissed)]
        if claim.verdict and claim.reviewer:
            parts.append(f"by {claim.reviewer}")
        if claim.verdict and claim.reviewed_at:
            parts.append(local_time(claim.reviewed_at))
        return " · ".join(parts)

    @staticmethod
    def _reasons_text(claim: ClaimRecord) -> str:
        reasons = ", ".join(claim.reasons) or "no check-worthy signals"
        prefix = "" if claim.proposed else "not proposed — "
        return f"{prefix}{reasons} (score {claim.score:.2f})"

    def _claim_text_committed(self, text: str) -> None:
        if self._claim is None:
            return
        cleaned = text.strip()
        if not cleaned:  # a claim cannot be blank: put the stored text back
            self.claim_edit.load(self._claim.text)
        elif cleaned != self._claim.text:
            self.claimTextEdited.emit(cleaned)

    # -- sources -------------------------------------------------------------------------------

    def _show_sources(self, sources: tuple[SourceRecord, ...], *, keep_selection: bool) -> None:
        selected = self.selected_source() if keep_selection else None
        self.sources_model.set_sources(sources)
        row = self.sources_model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.sources_table.selectionModel().select(
                self.sources_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.sources_heading.setText(f"Sources ({len(sources)})" if sources else "Sources")
        if self._claim is not None and self._claim.verdict and not sources:
            self.sources_note.setText("This verdict has no source yet; reports will say so. "
                                      "Add one, or paste an address here (Ctrl+V).")
        else:
            self.sources_note.setText("Tip: paste an address into the table (Ctrl+V) to add it.")
        self._update_source_buttons()

    def selected_source(self) -> SourceRecord | None:
        rows = self.sources_table.selectionModel().selectedRows()
        return self.sources_model.source_at(rows[0].row()) if rows else None

    def _update_source_buttons(self) -> None:
        has_claim = self._claim is not None
        has_selection = has_claim and self.selected_source() is not None
        self.add_source_button.setEnabled(has_claim)
        for button in (self.edit_source_button, self.remove_source_button, self.open_source_button):
            button.setEnabled(has_selection)

    def _add_clicked(self) -> None:
        if self._add_source_action is not None:
            self._add_source_action.trigger()
        else:
            self.add_source_dialog()

    def add_source_dialog(self) -> None:
        """Ask for a new source (prefilled from a copied address) and request adding it."""
        if self._claim is None:
            return
        dialog = SourceDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sourceAddRequested.emit(dialog.source())

    def edit_selected_source(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        dialog = SourceDialog(self, existing=source)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edited = dialog.source()
            before = SourceInput(source.url, source.title, source.publisher, source.excerpt, source.accessed)
            if edited != before:
                self.sourceEditRequested.emit(source.id, edited)

    def remove_selected_source(self) -> None:
        source = self.selected_source()
        if source is not None:
            self.sourceRemoveRequested.emit(source.id)

    def open_selected_source(self) -> None:
        source = self.selected_source()
        if source is not None:
            self.sourceOpenRequested.emit(source.url)

    def paste_source(self, text: str) -> bool:
        """Add a pasted web address as a source; anything else is left alone (returns False)."""
        if self._claim is None:
            return False
        url = web_address(text)
        if url is None:
            return False
        self.sourceAddRequested.emit(SourceInput(url=url))
        return True

    def _paste_from_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if not self.paste_source(clipboard.text() if clipboard else ""):
            self.sources_note.setText("The clipboard does not hold an http or https address.")

