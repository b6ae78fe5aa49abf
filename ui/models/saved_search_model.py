"""The reviewer's saved searches, by name, as the store keeps them in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import SavedSearch

if TYPE_CHECKING:
    from factcheck.store import Store

Index = QModelIndex | QPersistentModelIndex

SearchIdRole = Qt.ItemDataRole.UserRole + 1
QueryRole = Qt.ItemDataRole.UserRole + 2


class SavedSearchModel(QAbstractListModel):
    """One row per saved search: its name shown, its query in the tooltip and QueryRole."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._searches: list[SavedSearch] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._searches = self._store.saved_searches()
        self.endResetModel()

    def search_at(self, row: int) -> SavedSearch | None:
        return self._searches[row] if 0 <= row < len(self._searches) else None

    def row_named(self, name: str) -> int | None:
        return next((i for i, s in enumerate(self._searches) if s.name == name), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._searches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._searches):
            return None
        search = self._searches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return search.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{search.query}\n(click to run it; Delete removes it)"
        if role == SearchIdRole:
            return search.id
        if role == QueryRole:
            return search.query
        return None
