"""A claim's verdict history, oldest first, so a reviewer sees who changed their mind and why.

Times are stored in UTC and shown in the reviewer's local time, to the minute.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import VerdictRecord
from ui import theme
from ui.formatting import local_time, local_timestamp
from ui.models.record_table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex

WHEN, WHO, VERDICT, RATIONALE = range(4)
HEADERS = ("When", "Who", "Verdict", "Rationale")

VerdictIdRole = Qt.ItemDataRole.UserRole + 1


class HistoryModel(RecordTableModel[VerdictRecord]):
    """Verdict rows of one claim as given by `store.history(claim_id)`."""

    VerdictIdRole = VerdictIdRole

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[VerdictRecord] = []

    def set_history(self, records: Iterable[VerdictRecord]) -> None:
        self._replace(list(records))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self._record(index)
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return local_time(record.created_at)
            if column == WHO:
                return record.reviewer
            if column == VERDICT:
                return theme.label(record.label)
            if column == RATIONALE:
                rationale = " ".join(record.rationale.split())
                if record.reused_from is not None:
                    return f"reused from claim {record.reused_from}" + (f" · {rationale}" if rationale else "")
                return rationale
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == WHEN and record.created_at is not None:
                return local_timestamp(record.created_at)
            if column == RATIONALE and record.rationale:
                return record.rationale
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == VERDICT:
            return theme.background(record.label)
        if role == VerdictIdRole:
            return record.id
        return None
