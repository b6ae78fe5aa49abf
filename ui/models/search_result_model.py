"""The results of a search as a table over their claim ids, rows read from the store as they are drawn.

A search of years of verdicts can find tens of thousands of claims; the store ranks them all
(`search_ids`, cheap) and this model reads records and snippets only for the pages the view asks
for (canFetchMore/fetchMore), like Anki's browser. After an operation, rows it touched are re-read
in place; a claim that no longer matches keeps its row until the next search, so stepping through
the results as a review queue never loses its place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import ClaimRecord
from ui import snippet_text, theme
from ui.formatting import local_time, local_timestamp
from ui.models.record_table_model import RecordTableModel

if TYPE_CHECKING:
    from factcheck.store import Store

Index = QModelIndex | QPersistentModelIndex

CLAIM, VERDICT, ARTICLE, OUTLET, REVIEWED, SNIPPET = range(6)
HEADERS = ("Claim", "Verdict", "Article", "Outlet", "Reviewed", "Snippet")
PAGE = 100

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2  # the snippet with its highlight markers
ArticleIdRole = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class ResultRow:
    claim: ClaimRecord
    snippet: str
    article_title: str
    outlet: str


class SearchResultModel(RecordTableModel[ResultRow]):
    """Rows for the ids of the last search, in rank order; `set_results` starts a new one."""

    HEADERS = HEADERS
    HEADER_TIPS = {SNIPPET: "Where the words matched, in bold"}

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ""
        self._ids: list[int] = []
        self._records: list[ResultRow] = []

    # -- loading ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        """How many claims the search found, fetched or not."""
        return len(self._ids)

    def set_results(self, query: str, ids: Iterable[int]) -> None:
        """Show a new search's ranked ids; the first page is read when the view asks for it."""
        self.beginResetModel()
        self._query = query
        self._ids = list(dict.fromkeys(ids))
        self._records = []
        self.endResetModel()

    def clear(self) -> None:
        self.set_results("", [])

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self._records) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._records)
        wanted = self._ids[start:start + PAGE]
        rows = self._read(wanted)
        if len(rows) < len(wanted):
            # Claims removed since the search ran (an undone Make Claim): drop their ids so the
            # count and J/K stay true.
            kept = {r.claim.id for r in rows}
            self._ids[start:start + len(wanted)] = [i for i in wanted if i in kept]
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._records.extend(rows)
        self.endInsertRows()

    def fetch_through(self, row: int) -> None:
        """Read pages until `row` is a row of the table (J past the last page drawn)."""
        while row >= len(self._records) and self.canFetchMore():
            self.fetchMore()  # each page adds rows or drops vanished ids, so this ends

    def _read(self, ids: list[int]) -> list[ResultRow]:
        if not ids:
            return []
        claims = self._store.claims_by_ids(ids)
        snippets = self._store.snippets(self._query, [c.id for c in claims])
        articles = {a.id: a for a in self._store.articles({c.article_id for c in claims})}
        rows = []
        for claim in claims:
            article = articles.get(claim.article_id)
            rows.append(ResultRow(claim, snippets.get(claim.id) or claim.text,
                                  article.title if article else "", article.outlet if article else ""))
        return rows

    def refresh_claims(self, ids: Iterable[int]) -> None:
        """Re-read fetched rows whose claims an operation touched; the snippet stays as found."""
        rows = {r.claim.id: i for i, r in enumerate(self._records)}
        touched = [i for i in set(ids) if i in rows]
        if not touched:
            return
        for claim in self._store.claims_by_ids(touched):
            row = rows[claim.id]
            old = self._records[row]
            self._records[row] = ResultRow(claim, old.snippet, old.article_title, old.outlet)
            self._row_changed(row)

    # -- lookups ---------------------------------------------------------------------------

    def claim_id_at(self, row: int) -> int | None:
        """The claim of a result row, fetched or not (J/K walk all of them)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, claim_id: int) -> int | None:
        try:
            return self._ids.index(claim_id)
        except ValueError:
            return None

    def result_at(self, row: int) -> ResultRow | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    # -- Qt model interface ----------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._record(index)
        if row is None:
            return None
        claim, column = row.claim, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (CLAIM, SNIPPET):
                return claim.text
            if column == ARTICLE:
                return row.article_title
            if column == REVIEWED and claim.reviewed_at is not None:
                return f"{local_timestamp(claim.reviewed_at)} by {claim.reviewer or 'unknown'}"
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == VERDICT:
            return theme.background(claim.verdict)
        if role == ClaimIdRole:
            return claim.id
        if role == ArticleIdRole:
            return claim.article_id
        if role == SnippetRole and column == SNIPPET:
            return row.snippet
        return None

    @staticmethod
    def _display(row: ResultRow, column: int) -> str | None:
        claim = row.claim
        if column == CLAIM:
            return " ".join(claim.text.split())
        if column == VERDICT:
            return theme.label(claim.verdict, claim.dismissed)
        if column == ARTICLE:
            return row.article_title
        if column == OUTLET:
            return row.outlet
        if column == REVIEWED:
            return local_time(claim.reviewed_at) if claim.verdict else ""
        if column == SNIPPET:
            return snippet_text.plain(row.snippet)
        return None
