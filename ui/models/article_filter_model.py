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

from factcheck.records import ArticleRecord
from ui.models.article_list_model import ArticleListModel

Index = QModelIndex | QPersistentModelIndex


class ArticleFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter on title and outlet. Use `setFilterFixedString(text)`.

    Qt asks about every row on every keystroke, from C++; each answer reads the record straight
    from the source model and compares with its title and outlet folded once (not two model
    indexes and a regular expression per row, which took seconds at tens of thousands of articles).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._needle = ""
        self._folded: dict[int, tuple[ArticleRecord, str]] = {}  # id -> (the record folded, its text)

    def _articles(self) -> ArticleListModel:
        model = self.sourceModel()
        assert isinstance(model, ArticleListModel)
        return model

    def unfinished_first(self) -> bool:
        return self._articles().unfinished_first()

    def set_unfinished_first(self, enabled: bool) -> None:
        self._articles().set_unfinished_first(enabled)

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt API
        self._needle = pattern.casefold()
        super().setFilterFixedString(pattern)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        if not self._needle:
            return True
        record = self._articles().article_at(source_row)
        cached = self._folded.get(record.id)
        if cached is None or cached[0] is not record:  # new, or re-read since (a renamed article)
            cached = (record, f"{record.title or '(untitled)'}\n{record.outlet}".casefold())
            self._folded[record.id] = cached
        return self._needle in cached[1]
