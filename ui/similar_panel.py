"""Similar past verdicts for the claim on screen, each with a Reuse button; Shift+R reuses the best.

Looking them up reads the search index, which can take a while on years of verdicts, so it waits
until the reviewer has paused on a claim (stepping with J stays instant) and runs on the
background runner; an answer for a claim the reviewer has already left is dropped. With nothing
similar, the section disappears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import Changes, ClaimRecord
from ui.models.similar_model import ARTICLE, CLAIM, REUSE, SimilarModel, SimilarRow
from ui.tasks import Task

if TYPE_CHECKING:
    from factcheck.store import Store

LOOKUP_DELAY_MS = 150
LIMIT = 5


class SimilarPanel(QWidget):
    """The similar reviewed claims of other articles; emits the claim whose verdict to reuse."""

    reuseRequested = Signal(int)  # the claim to copy the verdict from
    similarShown = Signal()  # the lookup for the current claim is on screen (possibly empty)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._claim_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._look_up)

        self.heading = QLabel("Similar past verdicts")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = SimilarModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        reuse_width = self.view.fontMetrics().horizontalAdvance("Reuse") + 28
        for column, width in ((CLAIM, 170), (ARTICLE, 110), (REUSE, reuse_width)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(24)
        # The panel is narrow: the button and the verdict come first, so they never scroll away.
        header.moveSection(header.visualIndex(REUSE), 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        self.hide()

    # -- following the claim on screen -----------------------------------------------------------

    def set_claim(self, claim: ClaimRecord | None) -> None:
        """Show the similar verdicts of this claim, after a short pause; the same claim again keeps them."""
        claim_id = claim.id if claim else None
        if claim_id == self._claim_id and claim_id is not None:
            return
        self._claim_id = claim_id
        self._show([])
        if claim_id is None:
            self._timer.stop()
            self.similarShown.emit()
            return
        self._timer.start()

    def on_changes(self, changes: Changes) -> None:
        """A verdict changed somewhere: what is similar and reviewed may have changed too."""
        if self._claim_id is not None and changes.claims:
            self._timer.start()

    def best(self) -> int | None:
        """The claim of the best similar verdict, if any is shown."""
        row = self.model.row_at(0)
        return row.result.claim_id if row else None

    def _look_up(self) -> None:
        claim_id, store = self._claim_id, self._store
        if claim_id is None:
            return

        def work(_progress: Any, _cancelled: Any) -> tuple[int, list[SimilarRow]]:
            # On the pool thread: the store only.
            results = store.similar(claim_id, limit=LIMIT)
            claims = {c.id: c for c in store.claims_by_ids(r.claim_id for r in results)}
            outlets = {a.id: a.outlet for a in store.articles({r.article_id for r in results})}
            return claim_id, [SimilarRow(r, claims.get(r.claim_id), outlets.get(r.article_id, ""))
                              for r in results]

        task = Task(work)
        task.succeeded.connect(self._answered)
        task.failed.connect(self._failed)
        task.start()

    def _answered(self, answer: tuple[int, list[SimilarRow]]) -> None:
        claim_id, rows = answer
        if claim_id != self._claim_id:
            return  # the reviewer moved on
        self._show(rows)
        self.similarShown.emit()

    def _failed(self, error: BaseException) -> None:
        # Similar verdicts are a help, not the review itself: say so quietly and keep reviewing.
        self._show([])
        self.heading.setText(f"Similar past verdicts: not available ({error})")
        self.heading.show()
        self.show()
        self.similarShown.emit()

    def _show(self, rows: list[SimilarRow]) -> None:
        if not rows and self.isHidden() and self.model.rowCount() == 0:
            return  # stepping with J past claims with nothing similar: no relayout of the panel at all
        self.heading.setText("Similar past verdicts")
        self.model.set_rows(rows)
        for row, item in enumerate(rows):
            button = QPushButton("Reuse")
            button.setToolTip("Copy this verdict, its rationale and sources onto the claim (Ctrl+Z undoes it)"
                              + (" — Shift+R" if row == 0 else ""))
            button.clicked.connect(lambda _checked=False, source=item.result.claim_id: self.reuseRequested.emit(source))
            self.view.setIndexWidget(self.model.index(row, REUSE), button)
        scroll = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height() + scroll
                                 + len(rows) * self.view.verticalHeader().defaultSectionSize() + 4)
        self.setVisible(bool(rows))
