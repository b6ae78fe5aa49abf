"""Search in the window: the panel in a tab beside the articles, and its results as a review queue.

Once the reviewer opens a result, the search is "active": J/K (and the move after a verdict) walk
the results across articles, the status bar says "result 3 of 41", and Esc comes back to the
results with the query and the selection as they were. Esc in the panel, a new query or the
Articles tab ends it, and J/K step through the article again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QStatusBar, QTabWidget, QWidget

from factcheck.records import Changes
from ui.search_panel import SearchPanel

if TYPE_CHECKING:
    from factcheck import ops
    from factcheck.store import Store

ARTICLES_TAB, SEARCH_TAB = 0, 1
SEARCH_WIDTH = 780  # the results need room for their columns; the article keeps the rest


class SearchHost(Protocol):
    """What the search needs from the window it lives in."""

    @property
    def store(self) -> Store: ...

    def statusBar(self) -> QStatusBar: ...

    def show_claim(self, claim_id: int | None) -> None: ...

    def focus_reading(self) -> None: ...

    def update_status(self) -> None: ...

    def run_op(self, op: ops.Operation) -> Changes | None: ...


class SearchFlow(QObject):
    activeChanged = Signal(bool)  # J/K walk the results (True) or the article (False)

    def __init__(self, host: SearchHost, tabs: QTabWidget, split: QSplitter, back_action: QAction,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._host, self._tabs, self._split = host, tabs, split
        self._back = back_action
        self._back.setEnabled(False)
        self.panel: SearchPanel | None = None
        self.row: int | None = None  # the result on screen while the search is active
        self._narrow: list[int] | None = None  # the splitter before the search widened it
        self._ensure_panel()  # the tab is there from the start, so the search is found without the key
        tabs.currentChanged.connect(self._tab_changed)

    @property
    def active(self) -> bool:
        return self.row is not None

    # -- the panel -------------------------------------------------------------------------------

    def _ensure_panel(self) -> SearchPanel:
        if self.panel is None:
            panel = SearchPanel(self._host.store)
            panel.resultOpened.connect(self.open_result)
            panel.closed.connect(self.close)
            panel.model.modelReset.connect(self.end)  # a new search: its rows are not the old queue
            panel.saved.saveRequested.connect(self._save_search)
            panel.saved.deleteRequested.connect(self._delete_saved_search)
            self._tabs.addTab(panel, "Search")
            self._tabs.setTabToolTip(SEARCH_TAB, "Search past verdicts (Ctrl+F)")
            self.panel = panel
        return self.panel

    def _save_search(self, name: str, query: str) -> None:
        from factcheck import ops  # the operations load after the first paint

        self._host.run_op(ops.SaveSearch(name, query))

    def _delete_saved_search(self, search_id: int) -> None:
        from factcheck import ops

        self._host.run_op(ops.DeleteSavedSearch(search_id))

    def open(self) -> None:
        """Ctrl+F: the search tab, wide enough for its columns, with the cursor in the query box."""
        panel = self._ensure_panel()
        self._tabs.setCurrentIndex(SEARCH_TAB)
        panel.focus_query()

    def _widen(self) -> None:
        sizes = self._split.sizes()
        if len(sizes) == 3 and 0 < sizes[0] < SEARCH_WIDTH:
            self._narrow = sizes
            grow = SEARCH_WIDTH - sizes[0]
            self._split.setSizes([SEARCH_WIDTH, max(300, sizes[1] - grow), sizes[2]])

    def close(self) -> None:
        """Esc in the panel: the search is over, back to the articles and the claim on screen."""
        self.end()
        self._tabs.setCurrentIndex(ARTICLES_TAB)
        self._host.focus_reading()

    def on_changes(self, changes: Changes) -> None:
        if self.panel is not None:
            self.panel.on_changes(changes)

    # -- the results as a queue ------------------------------------------------------------------

    def open_result(self, row: int) -> None:
        panel = self._ensure_panel()
        panel.select_row(row)
        claim_id = panel.model.claim_id_at(row)
        if claim_id is None:
            return
        was_active = self.active
        self.row = row
        self._back.setEnabled(True)
        self._host.show_claim(claim_id)
        self._host.focus_reading()
        self._host.update_status()
        if not was_active:
            self.activeChanged.emit(True)

    def step(self, step: int) -> None:
        """J/K while the search is active: the next or previous result, in whichever article."""
        if self.panel is None or self.row is None:
            return
        target = self.row + step
        self.panel.model.fetch_through(target)
        total = self.panel.model.total
        if 0 <= target < total:
            self.open_result(target)
        else:
            self._host.statusBar().showMessage(
                f"Last search result ({total} of {total}): Esc returns to the results." if step > 0
                else "First search result.", 4000)

    def follow(self, claim_id: int | None) -> None:
        """The reviewer picked a claim by hand (a click in the text or the claims table) while the
        search is active: when it is one of the results, the queue goes on from there."""
        if self.panel is None or self.row is None or claim_id is None:
            return
        ids = [self.panel.model.claim_id_at(r) for r in range(self.panel.model.total)]
        if claim_id in ids and ids.index(claim_id) != self.row:
            self.row = ids.index(claim_id)
            self.panel.select_row(self.row)
            self._host.update_status()

    def back_to_results(self) -> None:
        """Esc outside the panel while active: the results again, on the row last opened."""
        if self.panel is None:
            return
        self._tabs.setCurrentIndex(SEARCH_TAB)
        if self.row is not None:
            self.panel.select_row(self.row)
        self.panel.focus_results()

    def end(self) -> None:
        if self.row is None:
            return
        self.row = None
        self._back.setEnabled(False)
        self._host.update_status()
        self.activeChanged.emit(False)

    def status_text(self) -> str:
        if self.panel is None or self.row is None:
            return ""
        return f"result {self.row + 1} of {self.panel.model.total}"

    def _tab_changed(self, index: int) -> None:
        if index == ARTICLES_TAB:
            self.end()
            if self._narrow is not None:  # the article text gets its room back
                self._split.setSizes(self._narrow)
                self._narrow = None
        elif index == SEARCH_TAB and self.panel is not None:
            self._widen()
            self.panel.focus_query()
