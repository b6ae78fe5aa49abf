"""Filtering and ordering of the article list, kept out of the source model.

The reviewer's question is "what is left to do?", so articles that still have unreviewed claims
come first; within each group the order is the import order (id), which stays stable while the
reviewer works. The sort is dynamic: when a verdict finishes an article, `dataChanged` from the
source model moves it down without a reset, so the selection survives.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.models.article_list_model import OUTLET, TITLE, ArticleIdRole, ProgressRole

Index = QModelIndex | QPersistentModelIndex


def is_finished(progress: tuple[int, int] | None) -> bool:
    """Finished means every proposed claim has a verdict; an article with none is not finished."""
    if not progress:
        return False
    reviewed, claims = progress
    return claims > 0 and reviewed >= claims


class ArticleFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter on title and outlet; unfinished articles first by default.

    Use the standard `setFilterFixedString(text)` to filter.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unfinished_first = True
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def unfinished_first(self) -> bool:
        return self._unfinished_first

    def set_unfinished_first(self, enabled: bool) -> None:
        """Switch between "work left first" and plain import order."""
        if enabled == self._unfinished_first:
            return
        self._unfinished_first = enabled
        self.invalidate()
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        pattern = self.filterRegularExpression()
        if not pattern.pattern():
            return True
        model = self.sourceModel()
        for column in (TITLE, OUTLET):
            text = model.index(source_row, column, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if text and pattern.match(str(text)).hasMatch():
                return True
        return False

    def lessThan(self, left: Index, right: Index) -> bool:
        return self._key(left) < self._key(right)

    def _key(self, index: Index) -> tuple[bool, int]:
        model = self.sourceModel()
        first = model.index(index.row(), 0, index.parent())
        article_id = int(first.data(ArticleIdRole) or 0)
        finished = self._unfinished_first and is_finished(first.data(ProgressRole))
        return (finished, article_id)
