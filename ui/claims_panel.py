"""The claims of the current article, one row each, for stepping through a review.

`claimActivated` fires only when the reviewer moves the selection (click or arrow keys);
`select_claim` is how the main window follows a verdict's "move to next" without echoing the
change back to itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import Changes, ClaimRecord
from ui.models.claim_table_model import (
    NUMBER,
    SCORE,
    SOURCES,
    TEXT,
    VERDICT,
    ClaimIdRole,
    ClaimTableModel,
)
from ui.quiet_selection import QuietSelectionMixin
from ui.record_table_view import setup_record_table, verdict_column_width

if TYPE_CHECKING:
    from factcheck.store import Store


class ClaimsPanel(QuietSelectionMixin, QWidget):
    """A table of the article's claims; emits the id of the claim the reviewer picks."""

    claimActivated = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimTableModel(store, self)
        self._id_role, self._activated = ClaimIdRole, self.claimActivated.emit
        self._quiet = False
        self._current_id: int | None = None

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self._setup_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelAboutToBeReset.connect(self._hold_quiet)
        self.model.modelReset.connect(self._after_reset)

    def _setup_view(self) -> None:
        view = self.view
        setup_record_table(view)
        # Several claims may be selected (for an export); the current one is still the one reviewed.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setCornerButtonEnabled(False)
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        widths = {
            NUMBER: metrics.horizontalAdvance("000") + 16,
            VERDICT: verdict_column_width(view),
            SCORE: metrics.horizontalAdvance("Score") + 24,
            SOURCES: metrics.horizontalAdvance("Sources") + 24,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(widths[NUMBER])

    # -- public ----------------------------------------------------------------------------

    def set_article(self, article_id: int | None, show_all: bool = False,
                    claims: list[ClaimRecord] | None = None) -> None:
        """Show another article's claims (every sentence of it in `claims`, when the caller has just
        read them); nothing is selected until the caller selects a claim."""
        self._current_id = None
        view, header = self.view, self.view.horizontalHeader()
        # The table is laid out for its new rows at once, scroll bar and column widths included,
        # so that the first paint is the right one. Left to Qt, a scroll bar that comes or goes
        # with the new rows is shown or hidden after that paint, the claim column is stretched
        # again and the whole table is painted a second time (about 3 ms, on Shift+J).
        # The header is quiet meanwhile: told of each width it passes through, the table would
        # schedule that second paint itself; it reads the final widths when it paints.
        quiet = header.blockSignals(True)
        try:
            self.model.set_article(article_id, show_all, claims)
            view.doItemsLayout()  # the rows' height, hence the scroll bar's range
            view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy())  # shows or hides it now
            header.resizeSections()  # the claim column fills what the bar leaves
        finally:
            header.blockSignals(quiet)
        view.scrollToTop()

    def on_changes(self, changes: Changes) -> None:
        """Repaint the rows of the claims an operation touched, if they belong to this article."""
        if self.model.article_id is not None and self.model.article_id in changes.articles:
            self.model.refresh_claims(changes.claims)

    def current_claim_id(self) -> int | None:
        return self._current_id

    def selected_claim_ids(self) -> list[int]:
        """The claims selected in the table (Ctrl or Shift with a click), in reading order: an export's scope."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.claim_at(row).id for row in rows]

    def select_claim(self, claim_id: int) -> bool:
        """Select and scroll to a claim without emitting `claimActivated`; False if not listed."""
        row = self.model.row_of(claim_id)
        if row is None:
            return False
        self._current_id = claim_id
        self._quietly(lambda: self._select_index(self.model.index(row, 0)))
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.PaletteChange:  # verdict colours differ in light and dark
            self.model.forget_colours()
        super().changeEvent(event)

    # -- internals -------------------------------------------------------------------------

    def _after_reset(self) -> None:
        """A reload (a claim added or removed) keeps the reviewer on the claim they were on."""
        self._quiet = False
        row = self.model.row_of(self._current_id) if self._current_id is not None else None
        if row is not None:
            self._quietly(lambda: self._select_index(self.model.index(row, 0)))
        else:
            self._current_id = None
