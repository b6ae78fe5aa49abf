"""The imported articles as a table, filtered by the filter box, refreshed row by row from what an
operation touched.

The list holds the store's plain row tuples (`Store.article_list`, one query) in the shown order:
unfinished articles first, then import order. The filter is an array of the places that match,
and the model's rows are that array: a keystroke is one reset over a new array, not a Python
callback per article from a QSortFilterProxyModel, and a cell's text is made only when the view
asks for it. A verdict that changes one article's counts costs one small query and one
`dataChanged` (or a move, when the article is now finished), never a reset that would lose the
reviewer's selection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress
from operator import and_, ge, itemgetter, not_, truth
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QModelRoleDataSpan, QObject, QPersistentModelIndex, Qt

from factcheck.records import ArticleRow
from ui.models.article_filter import UNTITLED, fold, matching, search_key, search_keys
from ui.models.record_table_model import RecordTableModel, fill_roles

if TYPE_CHECKING:
    from factcheck.store import Store

Index = QModelIndex | QPersistentModelIndex

TITLE, OUTLET, DATE, PROGRESS = range(4)
HEADERS = ("Title", "Outlet", "Date", "Progress")

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2  # (reviewed, claims)

# The roles as plain ints: data() runs for every role of every painted cell.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(ArticleIdRole)
_PROGRESS = int(ProgressRole)
_CENTERED = Qt.AlignmentFlag.AlignCenter
_SERVED = frozenset((_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID, _PROGRESS))
# Up to this many changed articles (a verdict's one) move, come or go row by row, so the view keeps
# its selection and scroll without a reset; more (an import's batch) are merged in with one reset.
ROW_BY_ROW = 8
# Up to this many are put in place one by one; more are merged in one pass over the list.
MERGE_IN_PLACE = 200
# More than this many are read with the whole list rather than by id.
RELOAD_ABOVE = 5000
# Where each cell's value sits in an ArticleRow.
_ID_AT, _TITLE_AT, _OUTLET_AT, _DATE_AT, _CLAIMS_AT, _REVIEWED_AT = range(6)


def _finished(row: ArticleRow) -> bool:
    return row[_CLAIMS_AT] > 0 and row[_REVIEWED_AT] >= row[_CLAIMS_AT]


def _keys_of(rows: list[ArticleRow]) -> list[str]:
    return search_keys(list(map(itemgetter(_TITLE_AT), rows)), list(map(itemgetter(_OUTLET_AT), rows)))


class ArticleListModel(RecordTableModel[ArticleRow]):
    """Articles with their review progress (reviewed of proposed claims), those matching the filter.

    The base's headers serve; its list of records does not: the rows live in `_rows` and `_shown`."""

    ArticleIdRole = ArticleIdRole
    ProgressRole = ProgressRole

    HEADERS = HEADERS

    def __init__(self, store: Store, parent: QObject | None = None, *, head: int | None = None) -> None:
        """With `head`, only the first `head` rows are read (a screenful, for the first paint);
        `complete` reads the rest, and so does anything that needs the whole list."""
        super().__init__(parent)
        self._store = store
        self._rows: list[ArticleRow] = []  # every article, in the shown order
        self._keys: list[str] | None = None  # the filter's folded text per article, made on first use
        self._needle = ""  # the filter, casefolded
        self._shown: list[int] | None = None  # places in _rows that match, ascending; None: no filter
        self._unfinished_first = True
        self._total: int | None = None  # every article's count while only the head is read
        if head is not None:
            self._read_head(head)
        else:
            self.reload()

    # -- loading ---------------------------------------------------------------------------

    def _read_head(self, n: int) -> None:
        rows = self._store.article_list_head(n)
        total = self._store.article_count() if len(rows) == n else len(rows)
        self.beginResetModel()
        self._rows, self._keys, self._shown = rows, None, None
        self._total = total if total > len(rows) else None
        self.endResetModel()

    @property
    def partial(self) -> bool:
        """Only the head of the list is read so far."""
        return self._total is not None

    def complete(self) -> None:
        """Read the whole list, if only its head was read (after the first paint)."""
        if self._total is not None:
            self.reload()

    def total(self) -> int:
        """How many rows the list shows once whole (the status bar's "article 3 of N")."""
        return self._total if self._total is not None else self.rowCount()

    def reload(self) -> None:
        """Re-read every article: on opening, on F5, after another program's changes."""
        self._total = None
        rows = self._in_order(self._store.article_list())
        keys = _keys_of(rows) if self._needle else None
        shown = matching(keys, self._needle) if keys is not None else None
        self.beginResetModel()
        self._rows, self._keys, self._shown = rows, keys, shown
        self.endResetModel()

    def _in_order(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        """The store's rows (in id order) as shown: unfinished first, each part in id order."""
        if not self._unfinished_first:
            return rows
        # _finished for every row, in C-level passes: this runs on every reload.
        claims = list(map(itemgetter(_CLAIMS_AT), rows))
        done = list(map(and_, map(truth, claims), map(ge, map(itemgetter(_REVIEWED_AT), rows), claims)))
        if not any(done):
            return rows
        return [*compress(rows, map(not_, done)), *compress(rows, done)]

    def unfinished_first(self) -> bool:
        return self._unfinished_first

    def set_unfinished_first(self, enabled: bool) -> None:
        """Switch between "work left first" and plain import order."""
        if enabled == self._unfinished_first:
            return
        self.complete()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.id_at(i.row()) for i in persistent]
        self._unfinished_first = enabled
        self._rows = self._in_order(sorted(self._rows))  # tuples sort by id first
        self._keys = _keys_of(self._rows) if self._keys is not None else None
        self._shown = matching(self._keys, self._needle) if self._keys is not None and self._needle else None
        rows = [self.row_of(article_id) for article_id in ids]
        self.changePersistentIndexList(
            persistent, [self.index(row, i.column()) if row is not None else QModelIndex()
                         for row, i in zip(rows, persistent, strict=True)])
        self.layoutChanged.emit()

    def _sort_key(self, row: ArticleRow) -> tuple[bool, int]:
        """Work left first, then import order."""
        return (self._unfinished_first and _finished(row), row[_ID_AT])

    # -- filtering -------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only articles whose title or outlet contains `text`, ignoring case; "" shows all."""
        needle = fold(text)
        if needle == self._needle:
            return
        self.complete()
        shown = None
        if needle:
            if self._keys is None:
                self._keys = _keys_of(self._rows)
            narrowing = self._shown is not None and self._needle in needle  # typing on: fewer rows
            shown = matching(self._keys, needle, self._shown if narrowing else None)
        self.beginResetModel()
        self._needle, self._shown = needle, shown
        self.endResetModel()

    # -- row by row ------------------------------------------------------------------------

    def refresh_articles(self, ids: Iterable[int]) -> None:
        """Re-read only the given articles, so a verdict updates one row and keeps the selection.

        A row whose place in the order changed (an article just finished) is moved, not reset; an
        id the model does not hold yet is inserted in order; an id the store no longer has is removed.
        """
        wanted = set(ids)
        if not wanted:
            return
        if self._total is not None:  # an operation's rows are put in place in the whole list
            self.reload()
            return
        if len(wanted) > RELOAD_ABOVE:
            self.reload()
            return
        read = self._store.article_list(wanted)
        if len(wanted) > ROW_BY_ROW:
            self._merge(wanted, read)
            return
        fresh = {row[_ID_AT]: row for row in read}
        for article_id in sorted(wanted):
            self._update(article_id, fresh.get(article_id))

    def _merge(self, wanted: set[int], fresh: list[ArticleRow]) -> None:
        """Many articles at once (an import): only their rows were read; then one reset."""
        if len(wanted) > MERGE_IN_PLACE:
            kept = [row for row in self._rows if row[_ID_AT] not in wanted]
            rows = self._in_order(sorted(kept + fresh))  # tuples sort by their id, which is unique
            keys = _keys_of(rows) if self._needle else None
        else:  # each one out of its place and into its new one, keys alongside: no pass over the list
            rows = self._rows.copy()
            keys = self._keys.copy() if self._keys is not None else None
            for place in sorted((p for p in map(self._place, wanted) if p is not None), reverse=True):
                del rows[place]
                if keys is not None:
                    del keys[place]
            for row in fresh:
                at = bisect_left(rows, self._sort_key(row), key=self._sort_key)
                rows.insert(at, row)
                if keys is not None:
                    keys.insert(at, search_key(row[_TITLE_AT], row[_OUTLET_AT]))
        shown = matching(keys, self._needle) if keys is not None and self._needle else None
        self.beginResetModel()
        self._rows, self._keys, self._shown = rows, keys, shown
        self.endResetModel()

    def _update(self, article_id: int, row: ArticleRow | None) -> None:
        """Put one article's fresh row (None: gone) in place, telling the view as little as it needs."""
        old = self._place(article_id)
        if old is None and row is None:
            return
        if old is not None and row is not None and self._keeps_place(self._rows[old], row):
            # The usual verdict: the article keeps its place and what the filter matches, so only
            # its row changes, without copying the whole list aside.
            self._rows[old] = row
            after = self._row_at_place(old)
            if after is not None:
                self._row_changed(after)
            return
        before = self._row_at_place(old)
        # The new state is made aside, so the view hears of the change before it happens.
        rows = self._rows.copy()
        keys = self._keys.copy() if self._keys is not None else None
        if old is not None:
            del rows[old]
            if keys is not None:
                del keys[old]
        new = None
        if row is not None:
            new = bisect_left(rows, self._sort_key(row), key=self._sort_key)
            rows.insert(new, row)
            if keys is not None:
                keys.insert(new, search_key(row[_TITLE_AT], row[_OUTLET_AT]))
        shown = matching(keys, self._needle) if keys is not None and self._needle else None
        after = None if new is None else new if shown is None else self._index_in(shown, new)

        def commit() -> None:
            self._rows, self._keys, self._shown = rows, keys, shown

        if before is not None and after is not None and before == after:
            commit()
            self._row_changed(after)
        elif before is not None and after is not None:
            # Qt's destination is the row before which it lands, counted before the move.
            self.beginMoveRows(QModelIndex(), before, before, QModelIndex(), after + 1 if after > before else after)
            commit()
            self.endMoveRows()
        elif before is not None:
            self.beginRemoveRows(QModelIndex(), before, before)
            commit()
            self.endRemoveRows()
        elif after is not None:
            self.beginInsertRows(QModelIndex(), after, after)
            commit()
            self.endInsertRows()
        else:  # an article the filter hides, before and after
            commit()

    def _keeps_place(self, old: ArticleRow, new: ArticleRow) -> bool:
        """Same place in the order and same text for the filter: only the row's cells differ."""
        return (self._sort_key(old) == self._sort_key(new) and old[_TITLE_AT] == new[_TITLE_AT]
                and old[_OUTLET_AT] == new[_OUTLET_AT])

    # -- lookups ---------------------------------------------------------------------------

    def _place(self, article_id: int) -> int | None:
        """Where the article is in _rows: the order is (finished, id), so two binary searches."""
        for finished in (False, True) if self._unfinished_first else (False,):
            place = bisect_left(self._rows, (finished, article_id), key=self._sort_key)
            if place < len(self._rows) and self._rows[place][_ID_AT] == article_id:
                return place
        return None

    @staticmethod
    def _index_in(shown: list[int], place: int) -> int | None:
        row = bisect_left(shown, place)
        return row if row < len(shown) and shown[row] == place else None

    def _row_at_place(self, place: int | None) -> int | None:
        if place is None or self._shown is None:
            return place
        return self._index_in(self._shown, place)

    def _at(self, row: int) -> ArticleRow | None:
        """The article on this row, or None outside the rows."""
        shown = self._shown
        if shown is not None:
            return self._rows[shown[row]] if 0 <= row < len(shown) else None
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        """The row showing this article, or None when it is not listed or the filter hides it."""
        return self._row_at_place(self._place(article_id))

    def holds(self, article_id: int) -> bool:
        """Whether the article is in the list, shown or hidden by the filter."""
        if self._place(article_id) is None and self._total is not None:
            self.complete()  # beyond the head read so far
        return self._place(article_id) is not None

    def id_at(self, row: int) -> int:
        article = self._at(row)
        if article is None:
            raise IndexError(f"no article on row {row}")
        return article[_ID_AT]

    def article_count(self) -> int:
        """Every article listed, whatever the filter shows."""
        return self._total if self._total is not None else len(self._rows)

    def column_has_values(self, column: int) -> bool:
        """Whether any article fills this column (imports without front-matter leave outlet and date empty)."""
        if column == OUTLET:
            return any(map(itemgetter(_OUTLET_AT), self._rows))
        if column == DATE:
            return any(map(itemgetter(_DATE_AT), self._rows))
        return True

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        if parent.isValid():
            return 0
        return len(self._shown) if self._shown is not None else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each painted cell for some ten roles and this model serves five: the others
        # are turned away before any lookup (Python callers; the view itself calls multiData).
        if role not in _SERVED or not index.isValid():
            return None
        article = self._at(index.row())
        if article is None:
            return None
        return self._value(article, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802, N803 - Qt API
        """Every role a painted cell asks for, in one call (the view's way; data() is for Python callers)."""
        article = self._at(index.row()) if index.isValid() else None
        column = index.column()
        fill_roles(roleDataSpan, _SERVED, None if article is None else lambda role: self._value(article, column, role))

    def _value(self, article: ArticleRow, column: int, role: int) -> Any:
        if role == _DISPLAY:
            if column == TITLE:
                return article[_TITLE_AT] or UNTITLED
            if column == OUTLET:
                return article[_OUTLET_AT]
            if column == DATE:
                return article[_DATE_AT]
            if column == PROGRESS:
                return f"{article[_REVIEWED_AT]}/{article[_CLAIMS_AT]}"
            return None
        if role == _ALIGNMENT:
            return _CENTERED if column in (DATE, PROGRESS) else None
        if role == _ID:
            return article[_ID_AT]
        if role == _PROGRESS:
            return (article[_REVIEWED_AT], article[_CLAIMS_AT])
        if role == _TOOLTIP:
            return self._tooltip(article, column)
        return None

    def _tooltip(self, article: ArticleRow, column: int) -> str | None:
        if column == PROGRESS:
            claims, reviewed = article[_CLAIMS_AT], article[_REVIEWED_AT]
            return "No proposed claims" if claims == 0 else f"{reviewed} of {claims} proposed claims reviewed"
        if column not in (TITLE, DATE):
            return None
        # Author, address and the full timestamp are not in the list's columns: read on hover.
        record = self._store.article(article[_ID_AT])
        if record is None:
            return None
        if column == DATE:
            return f"Published {record.published}" if record.published else "Publication date unknown"
        lines = [record.title or UNTITLED]
        published = " · ".join(part for part in (record.outlet, (record.published or "")[:10]) if part)
        if published:
            lines.append(published)
        if record.author:
            lines.append(f"By {record.author}")
        lines.append(record.url or record.origin)
        return "\n".join(line for line in lines if line)
