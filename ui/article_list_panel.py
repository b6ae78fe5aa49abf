"""The list of imported articles: filter box, table with progress bars, and an empty state.

`articleActivated` fires only when the reviewer moves the selection (click or keys). Selection
changes the program makes itself (`select_article`, a reload, a filter that hides the current
row) stay quiet, so the main window never reloads an article it is already showing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import Changes
from ui.models.article_list_model import (
    DATE,
    OUTLET,
    PROGRESS,
    TITLE,
    ArticleIdRole,
    ArticleListModel,
)
from ui.progress_delegate import ProgressDelegate
from ui.quiet_selection import QuietSelectionMixin
from ui.record_table_view import setup_record_table

if TYPE_CHECKING:
    from factcheck.store import Store

TITLE_ROOM = 150  # pixels: with less left for the titles, outlet and date give up their columns
EMPTY_MESSAGE = "No articles yet. Import files with Ctrl+I, drop them here, or paste one with Ctrl+Shift+V."


class ArticleListPanel(QuietSelectionMixin, QWidget):
    """Articles to review, unfinished first; emits the id of the article the reviewer picks."""

    articleActivated = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None, *, head: int | None = None) -> None:
        """With `head`, the list starts with its first `head` rows; `complete` reads the rest."""
        super().__init__(parent)
        self.model = ArticleListModel(store, self, head=head)
        self._id_role, self._activated = ArticleIdRole, self.articleActivated.emit
        self._quiet = False
        self._current_id: int | None = None
        # Connected before the view, so the selection model's own reaction to removed rows (moving
        # the current row to a neighbour) happens while quiet; released once the rows are in place.
        self.model.rowsAboutToBeRemoved.connect(self._hold_quiet)
        self.model.modelAboutToBeReset.connect(self._hold_quiet)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter articles…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip("Show only articles whose title or outlet contains this text")
        self.filter_edit.textChanged.connect(self._on_filter_changed)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self._setup_view()

        self.empty_label = QLabel(EMPTY_MESSAGE, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(16)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(4)
        list_layout.addWidget(self.filter_edit)
        list_layout.addWidget(self.view)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(list_page)
        self._stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_rows_changed)
        self.model.rowsInserted.connect(self._after_rows_changed)
        self.model.rowsRemoved.connect(self._after_rows_changed)
        self._update_empty_state()
        self._fit_columns()

    def _setup_view(self) -> None:
        view = self.view
        setup_record_table(view)
        # The title column stretches into whatever width is left; never scroll sideways.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setAlternatingRowColors(True)
        view.setItemDelegateForColumn(PROGRESS, ProgressDelegate(ArticleListModel.ProgressRole, view))
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (OUTLET, DATE, PROGRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The widths the columns beside the title take when shown in full (_fit_columns decides).
        self._full_widths = {OUTLET: metrics.horizontalAdvance("Outlet") + 16,
                             DATE: metrics.horizontalAdvance("0000-00-00") + 20,
                             PROGRESS: metrics.horizontalAdvance("000/000") + 56}
        for column, width in self._full_widths.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Date") + 16)

    # -- public ----------------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        return self._current_id

    def select_article(self, article_id: int) -> bool:
        """Select and reveal an article without emitting `articleActivated`; False if not listed."""
        if not self.model.holds(article_id):
            return False
        self._current_id = article_id
        if self.model.row_of(article_id) is None:  # hidden by the filter: clear it rather than select nothing
            self._quietly(lambda: self.filter_edit.clear())
        row = self.model.row_of(article_id)
        assert row is not None  # listed, and no filter hides it now
        index = self.model.index(row, 0)
        self._quietly(lambda: self._select_index(index))
        return True

    def is_empty(self) -> bool:
        """No articles at all (a filter that matches none still shows the list, empty)."""
        return self.model.article_count() == 0

    def empty_hint_text(self) -> str:
        return self.empty_label.text() if self.is_empty() else ""

    def reload(self) -> None:
        self.model.reload()

    def complete(self) -> None:
        """The whole list, after a start that read only its first screen."""
        self.model.complete()

    def on_changes(self, changes: Changes) -> None:
        """Re-read the rows of articles added, removed, or whose counts changed."""
        if changes.article_list:
            self.model.refresh_articles(changes.articles)
            self._fit_columns()

    def _shown_row(self, article_id: int | None) -> int | None:
        return self.model.row_of(article_id) if article_id is not None else None

    def first_article_id(self) -> int | None:
        return self.model.id_at(0) if self.model.rowCount() else None

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The article `step` rows away in the shown order, or None past either end."""
        self.model.complete()  # the next article may lie beyond the rows read so far
        if not self.model.rowCount():
            return None
        row = self._shown_row(article_id)
        if row is None:
            return self.model.id_at(0)
        target = row + step
        return self.model.id_at(target) if 0 <= target < self.model.rowCount() else None

    def position_of(self, article_id: int) -> tuple[int, int]:
        """(1-based place in the shown order, number shown) for the status bar; cheap per key press."""
        row = self._shown_row(article_id)
        return (row + 1 if row is not None else 0), self.model.total()

    # -- internals -------------------------------------------------------------------------

    def _on_filter_changed(self, text: str) -> None:
        # The model resets to the matching rows; _after_rows_changed puts the selection back.
        self._quietly(lambda: self.model.set_filter(text))

    def _after_rows_changed(self) -> None:
        self._quiet = False
        self._update_empty_state()
        self._restore_selection()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns no article fills, or that would squeeze the titles to a few letters in a narrow
        list, give their width to the titles (the title's tooltip names outlet and date)."""
        # Decided on the full widths, never on the sizes set here, so the choice cannot flip back and forth.
        narrow = self.view.viewport().width() - sum(self._full_widths.values()) < TITLE_ROOM
        self.view.setColumnHidden(OUTLET, narrow or not self.model.column_has_values(OUTLET))
        self.view.setColumnHidden(DATE, narrow or not self.model.column_has_values(DATE))
        # Narrow, the progress keeps its number and gives up its bar.
        number = self.view.fontMetrics().horizontalAdvance("000/000")
        self.view.horizontalHeader().resizeSection(PROGRESS, number + 16 if narrow else self._full_widths[PROGRESS])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_columns()

    def _restore_selection(self) -> None:
        """Keep the highlighted row on the article being shown, or highlight nothing."""
        row = self._shown_row(self._current_id)
        if row is not None:
            index = self.model.index(row, 0)
            self._quietly(lambda: self._select_index(index))
        else:
            self._quietly(self.view.selectionModel().clear)

    def _update_empty_state(self) -> None:
        self._stack.setCurrentIndex(1 if self.is_empty() else 0)
