"""The part every table of plain records shares: one record per row, named columns."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


def fill_roles(span: QModelRoleDataSpan, served: Collection[int], value_of: Callable[[int], Any] | None) -> None:
    """Answer every role of a multiData call: `value_of(role)` for the roles a model serves, no
    value for the others or when `value_of` is None (a cell outside the table).

    multiData is how a view asks a painted cell for all its roles at once (text, colours,
    alignment): one call from Qt into Python instead of one per role, which cost more than the
    answers. Every role is set or cleared, because the view reuses the span from cell to cell and
    a role left alone would keep the cell before's value. A cell's values worked out ahead, as a
    dict, answer as `fill_roles(span, values, values.get)`."""
    for wanted in span:
        role = wanted.role()
        value = value_of(role) if value_of is not None and role in served else None
        if value is None:
            wanted.clearData()
        else:
            wanted.setData(value)


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
