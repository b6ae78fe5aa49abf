"""The part every table of plain records shares: one record per row, named columns."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses set HEADERS and answer `data()` for `self._record(index)`; header tooltips go in
    HEADER_TIPS (column -> text)."""

    HEADERS: tuple[str, ...] = ()
    HEADER_TIPS: dict[int, str] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []

    def _replace(self, records: list[R]) -> None:
        if records == self._records:
            return  # the same rows (stepping past claims with no history, say): no reset, no repaint
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def _record(self, index: Index) -> R | None:
        """The record shown at `index`, or None for an index outside the table."""
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        return self._records[index.row()]

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADER_TIPS.get(section)
        return None
