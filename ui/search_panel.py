"""The search panel: a query box that searches as the reviewer types, the ranked results, their
verdict counts, and the saved searches beside them.

Searches run on the background runner (ui/tasks.py) a moment after the last key, and a result is
shown only if it still answers the query in the box, so a slow search never overwrites a newer
one. A malformed query is explained under the box, with a caret under the bad part; nothing pops
up. The panel changes nothing stored itself: opening a result, saving or deleting a search leave as
signals for the main window.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.errors import FactcheckError, QueryError
from factcheck.records import VERDICT_LABELS, Changes
from ui import theme
from ui.models.search_result_model import (
    ARTICLE,
    CLAIM,
    OUTLET,
    REVIEWED,
    SNIPPET,
    VERDICT,
    SearchResultModel,
    SnippetRole,
)
from ui.record_table_view import setup_record_table, verdict_column_width
from ui.saved_searches_panel import SavedSearchesPanel
from ui.snippet_delegate import SnippetDelegate
from ui.tasks import Task

if TYPE_CHECKING:
    from factcheck.store import Store

DEBOUNCE_MS = 200
PLACEHOLDER = "Search verdicts: words, \"a phrase\", verdict:disputed, is:unreviewed, outlet:AP…"
INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; }"


def count_text(total: int, counts: dict[str, int]) -> str:
    """'41 results · ✓ 3 verified · ✗ 1 disputed · ? 0 unclear · ○ 37 unreviewed'."""
    parts = [f"{total} result" + ("" if total == 1 else "s")]
    for verdict in (*VERDICT_LABELS, theme.UNREVIEWED):
        style = theme.style_for(None if verdict == theme.UNREVIEWED else verdict)
        parts.append(f"{style.mark} {counts.get(verdict, 0)} {verdict}")
    return " · ".join(parts)


class SearchPanel(QWidget):
    """Search box, results and saved searches; emits the row the reviewer opens."""

    resultOpened = Signal(int)  # row in the results
    closed = Signal()  # Esc in the panel: the search is over
    resultsShown = Signal()  # a search's results (or its error) are on screen

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._generation = 0  # which search the box asks for now; older answers are dropped

        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(PLACEHOLDER)
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setToolTip("Searches as you type; Down moves into the results, Enter opens one")
        self.query_edit.textChanged.connect(self._query_edited)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.counts_label = QLabel(self)
        self.counts_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.counts_label.setWordWrap(True)  # a long count line must not widen the whole left side

        self.model = SearchResultModel(store, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self._setup_view()
        self.view.doubleClicked.connect(lambda index: self.resultOpened.emit(index.row()))

        self.saved = SavedSearchesPanel(store, self)
        self.saved.searchChosen.connect(self.run_query)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.saved)
        split.addWidget(self.view)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([110, 650])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(split, 1)
        for widget in (self.query_edit, self.view, self.saved.view):
            widget.installEventFilter(self)

    def _setup_view(self) -> None:
        view = self.view
        setup_record_table(view)
        view.setItemDelegateForColumn(SNIPPET, SnippetDelegate(SnippetRole, view))
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        # Why it matched is what the reviewer scans for: the snippet comes right after the verdict.
        header.moveSection(header.visualIndex(SNIPPET), header.visualIndex(VERDICT) + 1)
        for column, width in ((CLAIM, 180), (VERDICT, verdict_column_width(view)), (SNIPPET, 300), (ARTICLE, 120),
                              (OUTLET, metrics.horizontalAdvance("Outlet") + 40),
                              (REVIEWED, metrics.horizontalAdvance("2025-05-03 14:02") + 16)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    # -- what the window asks ----------------------------------------------------------------

    def focus_query(self) -> None:
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def focus_results(self) -> None:
        """Into the results, on the row last opened or selected (the first one otherwise)."""
        row = self.current_row()
        if row is None and self.model.rowCount() > 0:
            self.select_row(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_row(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.model.fetch_through(row)
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def run_query(self, query: str) -> None:
        """Put a query in the box and run it at once (a saved search chosen)."""
        self.query_edit.blockSignals(True)
        self.query_edit.setText(query)
        self.query_edit.blockSignals(False)
        self.saved.set_query(query)
        self.search_now()

    def on_changes(self, changes: Changes) -> None:
        """Repaint results an operation touched and recount; a saved search added or removed."""
        self.saved.on_changes(changes)
        if changes.claims and self.model.query:
            self.model.refresh_claims(changes.claims)
            self._start(self.model.query, counts_only=True)

    # -- searching ---------------------------------------------------------------------------

    def _query_edited(self, text: str) -> None:
        self.saved.set_query(text)
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        query = self.query_edit.text().strip()
        if not query:
            self._generation += 1
            self._show_error(None)
            self.model.clear()
            self.counts_label.setText("")
            self.resultsShown.emit()
            return
        self._start(query)

    def _start(self, query: str, *, counts_only: bool = False) -> None:
        if not counts_only:
            self._generation += 1
        generation, store = self._generation, self._store

        def work(_progress: Any, _cancelled: Any) -> tuple:
            # Runs on the pool thread: only the store, never a widget. A query the parser refuses
            # comes back as a value, so it is shown inline like any other answer.
            try:
                ids = None if counts_only else store.search_ids(query)
                return generation, query, counts_only, ids, store.verdict_counts(query), None
            except FactcheckError as exc:
                return generation, query, counts_only, None, {}, exc

        task = Task(work)
        task.succeeded.connect(self._answered)
        task.failed.connect(self._crashed)
        task.start()

    def _answered(self, answer: tuple) -> None:
        generation, query, counts_only, ids, counts, error = answer
        if generation != self._generation:
            return  # the reviewer has typed on since: a newer search is on its way
        if counts_only:  # a recount after a change: the rows stay as they are
            if error is None and query == self.model.query:
                self.counts_label.setText(count_text(self.model.total, counts))
            return
        if error is not None:
            self._show_error(error, query)
            self.model.clear()
            self.counts_label.setText("")
            self.resultsShown.emit()
            return
        self._show_error(None)
        if ids is not None:
            self.model.set_results(query, ids)
            if self.model.canFetchMore():
                self.model.fetchMore()
        self.counts_label.setText(count_text(self.model.total, counts))
        self.resultsShown.emit()

    def _crashed(self, error: BaseException) -> None:
        self._show_error(error, self.query_edit.text())
        self.resultsShown.emit()

    def _show_error(self, error: BaseException | None, query: str = "") -> None:
        if error is None:
            self.error_label.hide()
            self.query_edit.setStyleSheet("")
            self.query_edit.setToolTip("Searches as you type; Down moves into the results, Enter opens one")
            return
        self.query_edit.setStyleSheet(INVALID_STYLE)
        self.query_edit.setToolTip(str(error))
        self.error_label.setText(error_html(error, query))
        self.error_label.show()

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if kind == QEvent.Type.ShortcutOverride:
            # Keys the panel means for itself, not for the window's actions of the same key (Down is
            # also "next claim", Esc "back to the results"): claiming them here delivers them as keys.
            if key in _OWN_KEYS.get(_role(watched, self), ()):
                event.accept()
                return True
            return super().eventFilter(watched, event)
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return True
        if watched is self.query_edit and key == Qt.Key.Key_Down:
            self.focus_results()
            return True
        if watched is self.query_edit and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.search_now()
            return True
        if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_row()
            if row is not None:
                self.resultOpened.emit(row)
            return True
        return super().eventFilter(watched, event)


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_OWN_KEYS: dict[str, tuple[Qt.Key, ...]] = {
    "query": (Qt.Key.Key_Escape, Qt.Key.Key_Down, *_ENTER),
    "results": (Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                Qt.Key.Key_Home, Qt.Key.Key_End, *_ENTER),
    "saved": (Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down, *_ENTER),
}


def _role(watched: QObject, panel: SearchPanel) -> str:
    if watched is panel.query_edit:
        return "query"
    return "results" if watched is panel.view else "saved"


def error_html(error: BaseException, query: str) -> str:
    """The message, then the query with a caret under the bad part (QueryError.position)."""
    if isinstance(error, FactcheckError):
        message = error.message + (f" {error.hint}" if error.hint else "")
    else:
        message = f"The search failed: {error}"
    colour = "#e06c5a" if theme.is_dark() else "#b03a2e"
    lines = f'<span style="color:{colour}">{html.escape(message)}</span>'
    if isinstance(error, QueryError) and query:
        position = max(0, min(error.position, len(query)))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        caret = "&nbsp;" * position + "^"
        lines += (f'<br><span style="font-family:\'{html.escape(mono)}\'; white-space:pre">'
                  f"{html.escape(query).replace(' ', '&nbsp;')}<br>{caret}</span>")
    return lines
