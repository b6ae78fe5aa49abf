"""Past reviewed claims like the one on screen, best first, with what a reviewer weighs before reusing one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import ClaimRecord, SearchResult
from ui import theme
from ui.formatting import local_time, local_timestamp
from ui.models.record_table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

VERDICT, CLAIM, REVIEWED, ARTICLE, OUTLET, SOURCES, REUSE = range(7)
HEADERS = ("Verdict", "Claim", "Reviewed", "Article", "Outlet", "Src", "")

ClaimIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class SimilarRow:
    result: SearchResult
    claim: ClaimRecord | None  # for the date, reviewer and sources; None if removed meanwhile
    outlet: str


class SimilarModel(RecordTableModel[SimilarRow]):
    """Rows as `Store.similar` ranked them; the last column holds each row's Reuse button."""

    HEADERS = HEADERS
    HEADER_TIPS = {SOURCES: "Sources: how many back that verdict", REVIEWED: "The day it was reviewed"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[SimilarRow] = []

    def set_rows(self, rows: list[SimilarRow]) -> None:
        self._replace(rows)

    def row_at(self, row: int) -> SimilarRow | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._record(index)
        if row is None:
            return None
        result, claim, column = row.result, row.claim, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == VERDICT:
                return theme.label(result.verdict)
            if column == CLAIM:
                return " ".join(result.text.split())
            if column == REVIEWED:
                return local_time(claim.reviewed_at)[:10] if claim else ""  # the day; the tooltip has the time
            if column == ARTICLE:
                return result.article_title
            if column == OUTLET:
                return row.outlet
            if column == SOURCES:
                return str(len(claim.sources)) if claim else ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CLAIM:
                rationale = claim.rationale if claim else ""
                return result.text + (f"\n\nRationale: {rationale}" if rationale else "")
            if column == REVIEWED and claim and claim.reviewed_at:
                return f"{local_timestamp(claim.reviewed_at)} by {claim.reviewer or 'unknown'}"
            if column == SOURCES and claim:
                return "\n".join(s.url for s in claim.sources) or "No sources: the verdict stands alone"
            if column == ARTICLE:
                return result.article_title
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == VERDICT:
            return theme.background(result.verdict)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SOURCES:
            return Qt.AlignmentFlag.AlignCenter
        if role == ClaimIdRole:
            return result.claim_id
        return None
