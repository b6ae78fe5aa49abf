"""The imported articles as a table, refreshed row by row from what an operation touched.

Rows hold plain `ArticleRecord`s in id order (the store's order); sorting and filtering belong to
`ArticleFilterProxy`, so a verdict that changes one article's counts costs one small query and one
`dataChanged`, never a reset that would lose the reviewer's selection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from factcheck.records import ArticleRecord
from ui.models.record_table_model import RecordTableModel

if TYPE_CHECKING:
    from factcheck.store import Store

Index = QModelIndex | QPersistentModelIndex

TITLE, OUTLET, DATE, PROGRESS = range(4)
HEADERS = ("Title", "Outlet", "Date", "Progress")

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2  # (reviewed, claims)


def _published_text(published: str | None) -> str:
    """Just the date: a time of day is noise in a list of articles."""
    return published[:10] if published else ""


class ArticleListModel(RecordTableModel[ArticleRecord]):
    """Articles with their review progress (reviewed of proposed claims)."""

    ArticleIdRole = ArticleIdRole
    ProgressRole = ProgressRole

    HEADERS = HEADERS

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._records: list[ArticleRecord] = []
        self._rows: dict[int, int] = {}
        self._unfinished_first = True
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read every article; for imports and anything else that changes the set of rows."""
        self.beginResetModel()
        self._records = sorted(self._store.articles(), key=self._sort_key)
        self._reindex()
        self.endResetModel()

    def unfinished_first(self) -> bool:
        return self._unfinished_first

    def set_unfinished_first(self, enabled: bool) -> None:
        """Switch between "work left first" and plain import order."""
        if enabled != self._unfinished_first:
            self._unfinished_first = enabled
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            ids = [self._records[i.row()].id for i in persistent]
            self._records.sort(key=self._sort_key)
            self._reindex()
            self.changePersistentIndexList(
                persistent, [self.index(self._rows[a], i.column()) for a, i in zip(ids, persistent, strict=True)])
            self.layoutChanged.emit()

    def _sort_key(self, record: ArticleRecord) -> tuple[bool, int]:
        """Work left first, then import order. Sorting here, once, in Python's C sort, keeps a
        list of thousands of articles fast; a proxy would call back into Python per comparison."""
        return (self._unfinished_first and record.finished, record.id)

    def refresh_articles(self, ids: Iterable[int]) -> None:
        """Re-read only the given articles, so a verdict updates one row and keeps the selection.

        A row whose place in the order changed (an article just finished) is moved, not reset; an
        id the model does not hold yet is inserted in order; an id the store no longer has is removed.
        """
        wanted = set(ids)
        if not wanted:
            return
        fresh = {r.id: r for r in self._store.articles(wanted)}
        for article_id in sorted(wanted):
            row = self._rows.get(article_id)
            record = fresh.get(article_id)
            if row is not None and record is not None:
                self._records[row] = record
                self._row_changed(row)
                self._move_into_place(row)
            elif row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._records[row]
                self._reindex()
                self.endRemoveRows()
            elif record is not None:
                keys = [self._sort_key(r) for r in self._records]
                at = bisect.bisect_left(keys, self._sort_key(record))
                self.beginInsertRows(QModelIndex(), at, at)
                self._records.insert(at, record)
                self._reindex()
                self.endInsertRows()

    def _move_into_place(self, row: int) -> None:
        record = self._records[row]
        rest = [self._sort_key(r) for i, r in enumerate(self._records) if i != row]
        target = bisect.bisect_left(rest, self._sort_key(record))
        if target == row:
            return
        # Qt's destination is the row before which it lands, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if target > row else target)
        del self._records[row]
        self._records.insert(target, record)
        self._reindex()
        self.endMoveRows()

    def _reindex(self) -> None:
        self._rows = {r.id: i for i, r in enumerate(self._records)}

    # -- lookups ---------------------------------------------------------------------------

    def row_of(self, article_id: int) -> int | None:
        return self._rows.get(article_id)

    def article_at(self, row: int) -> ArticleRecord:
        return self._records[row]

    def column_has_values(self, column: int) -> bool:
        """Whether any article fills this column (imports without front-matter leave outlet and date empty)."""
        if column == OUTLET:
            return any(r.outlet for r in self._records)
        if column == DATE:
            return any(r.published for r in self._records)
        return True

    # -- Qt model interface ----------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self._record(index)
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DATE, PROGRESS):
            return Qt.AlignmentFlag.AlignCenter
        if role == ArticleIdRole:
            return record.id
        if role == ProgressRole:
            return (record.reviewed, record.claims)
        return None

    @staticmethod
    def _display(record: ArticleRecord, column: int) -> str | None:
        if column == TITLE:
            return record.title or "(untitled)"
        if column == OUTLET:
            return record.outlet
        if column == DATE:
            return _published_text(record.published)
        if column == PROGRESS:
            return f"{record.reviewed}/{record.claims}"
        return None

    @staticmethod
    def _tooltip(record: ArticleRecord, column: int) -> str | None:
        if column == TITLE:
            lines = [record.title or "(untitled)"]
            published = " · ".join(part for part in (record.outlet, _published_text(record.published) or "") if part)
            if published:
                lines.append(published)
            if record.author:
                lines.append(f"By {record.author}")
            lines.append(record.url or record.origin)
            return "\n".join(line for line in lines if line)
        if column == DATE:
            return f"Published {record.published}" if record.published else "Publication date unknown"
        if column == PROGRESS:
            if record.claims == 0:
                return "No proposed claims"
            return f"{record.reviewed} of {record.claims} proposed claims reviewed"
        return None
