"""The sources behind one claim's verdict, as a table the reviewer can scan and pick from.

It holds the tuple of `SourceRecord`s that came with the claim record, so showing a claim's
sources costs no extra query; the owner calls `set_sources` whenever it has a fresher claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import SourceRecord
from ui.models.record_table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

URL, TITLE, PUBLISHER, EXCERPT, ACCESSED = range(5)
HEADERS = ("URL", "Title", "Publisher", "Excerpt", "Accessed")

SourceIdRole = Qt.ItemDataRole.UserRole + 1


class SourceTableModel(RecordTableModel[SourceRecord]):
    """One row per source, in the order they were added."""

    SourceIdRole = SourceIdRole

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[SourceRecord] = []

    def set_sources(self, sources: Iterable[SourceRecord]) -> None:
        self._replace(list(sources))

    def source_at(self, row: int) -> SourceRecord:
        return self._records[row]

    def row_of(self, source_id: int) -> int | None:
        return next((i for i, s in enumerate(self._records) if s.id == source_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self._record(index)
        if source is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self._text(source, index.column()).split())  # one line per row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(source, index.column()) or None
        if role == SourceIdRole:
            return source.id
        return None

    @staticmethod
    def _text(source: SourceRecord, column: int) -> str:
        if column == URL:
            return source.url
        if column == TITLE:
            return source.title
        if column == PUBLISHER:
            return source.publisher
        if column == EXCERPT:
            return source.excerpt
        if column == ACCESSED:
            return source.accessed or ""
        return ""
