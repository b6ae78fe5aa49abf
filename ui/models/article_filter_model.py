"""Filtering of the article list by title or outlet, kept out of the source model.

The order (unfinished articles first, then import order) belongs to ArticleListModel, which sorts
once in Python; a sorting proxy would call back into Python for every comparison, which takes
seconds on a desk's years of articles.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.models.article_list_model import OUTLET, TITLE, ArticleListModel

Index = QModelIndex | QPersistentModelIndex


class ArticleFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter on title and outlet. Use `setFilterFixedString(text)`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def _articles(self) -> ArticleListModel:
        model = self.sourceModel()
        assert isinstance(model, ArticleListModel)
        return model

    def unfinished_first(self) -> bool:
        return self._articles().unfinished_first()

    def set_unfinished_first(self, enabled: bool) -> None:
        self._articles().set_unfinished_first(enabled)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        pattern = self.filterRegularExpression()
        if not pattern.pattern():
            return True
        model = self.sourceModel()
        for column in (TITLE, OUTLET):
            text = model.index(source_row, column, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if text and pattern.match(str(text)).hasMatch():
                return True
        return False
