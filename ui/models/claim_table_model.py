"""The claims of one article as a table, updated claim by claim after each operation.

A verdict touches one claim, so `refresh_claims` re-reads just that claim and repaints its row;
the table is rebuilt only when the set or the order of rows changes (a claim added, removed,
proposed or un-proposed). Verdict cells carry a mark and a word as well as a colour, so the
states stay distinct without colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QModelRoleDataSpan, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from factcheck.records import ClaimRecord
from ui import theme
from ui.formatting import local_time
from ui.models.record_table_model import RecordTableModel, fill_roles

if TYPE_CHECKING:
    from factcheck.store import Store

Index = QModelIndex | QPersistentModelIndex

NUMBER, TEXT, VERDICT, SCORE, SOURCES = range(5)
HEADERS = ("#", "Claim", "Verdict", "Score", "Sources")

ClaimIdRole = Qt.ItemDataRole.UserRole + 1

# The roles as plain ints: data() runs for every role of every painted cell.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_PAINTED = (_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND)
_SERVED = frozenset((*_PAINTED, _TOOLTIP, int(ClaimIdRole)))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Each column's alignment, by column: numbers to the right, the source count centred.
_ALIGNMENTS = (_RIGHT, None, None, _RIGHT, Qt.AlignmentFlag.AlignCenter)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ClaimTableModel(RecordTableModel[ClaimRecord]):
    """Claims of the article set with `set_article`, in reading order."""

    ClaimIdRole = ClaimIdRole

    HEADERS = HEADERS
    HEADER_TIPS = {SCORE: "Check-worthiness: how likely the sentence states a checkable fact (0–1)"}

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._article_id: int | None = None
        self._show_all = False
        self._records: list[ClaimRecord] = []
        self._rows: dict[int, int] = {}
        self._numbers: dict[int, int] = {}
        # The roles each painted row's cells are drawn with, row -> one {role: value} per column,
        # worked out a whole row at a time when the row is first drawn: a new article repaints
        # every visible cell, and every later repaint (a verdict, the selection moving) asks again
        # for the same values. Verdict colours are kept per palette.
        self._painted: dict[int, list[dict[int, Any]]] = {}
        self._colours: dict[str | None, QColor] = {}

    # -- loading ---------------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self._article_id

    @property
    def show_all(self) -> bool:
        return self._show_all

    def set_article(self, article_id: int | None, show_all: bool = False,
                    claims: list[ClaimRecord] | None = None) -> None:
        """Show an article's proposed claims, or every sentence with `show_all`; None empties it.
        `claims`, every sentence of the article as just read by the caller, spares reading them again."""
        self._article_id = article_id
        self._show_all = show_all
        self.reload(claims)

    def reload(self, claims: list[ClaimRecord] | None = None) -> None:
        self.beginResetModel()
        if self._article_id is None:
            self._records = []
        elif claims is not None:  # in reading order already (Store.claims)
            self._records = list(claims) if self._show_all else [c for c in claims if c.proposed]
        else:
            self._records = self._store.claims(self._article_id, proposed_only=not self._show_all)
        self._rows = {c.id: i for i, c in enumerate(self._records)}
        # The number J/K and the status bar use: open claims only, unless every sentence is shown.
        counted = [c for c in self._records if self._show_all or not c.dismissed]
        self._numbers = {c.id: i + 1 for i, c in enumerate(counted)}
        self._painted.clear()
        self.endResetModel()

    def refresh_claims(self, ids: Iterable[int]) -> None:
        """Re-read the given claims in place; reload when one appears, disappears or moves."""
        changed: list[int] = []
        for claim_id in set(ids):
            record = self._store.claim(claim_id)
            row = self._rows.get(claim_id)
            belongs = record is not None and record.article_id == self._article_id and self._shows(record)
            if row is None and not belongs:
                continue  # another article's claim, or one this view hides anyway
            old = self._records[row] if row is not None else None
            if old is None or not belongs or record.position != old.position or record.dismissed != old.dismissed:
                self.reload()
                return
            self._records[row] = record
            changed.append(row)
        for row in changed:
            self._painted.pop(row, None)
        for row in sorted(changed):
            self._row_changed(row)

    def forget_colours(self) -> None:
        """The palette changed (light to dark, say): verdict colours are worked out again."""
        self._painted.clear()
        self._colours.clear()

    def _shows(self, record: ClaimRecord) -> bool:
        return self._show_all or record.proposed

    # -- lookups ---------------------------------------------------------------------------

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    def claim_at(self, row: int) -> ClaimRecord:
        return self._records[row]

    # -- Qt model interface ----------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED:
            return None
        claim = self._record(index)
        if claim is None:
            return None
        return self._value(claim, index.row(), index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802, N803 - Qt API
        """Every role a painted cell asks for, in one call (a new article repaints every visible cell)."""
        row, column = index.row(), index.column()
        cells = self._painted.get(row)
        if cells is None:
            claim = self._record(index)
            if claim is None:
                fill_roles(roleDataSpan, _SERVED, None)
                return
            cells = self._painted[row] = self._row_cells(claim, row)
        cell = cells[column] if 0 <= column < len(cells) else {}
        fill_roles(roleDataSpan, cell, cell.get)

    def _row_cells(self, claim: ClaimRecord, row: int) -> list[dict[int, Any]]:
        """The roles each of a row's cells is painted with, as `_value` gives them (tooltips are
        not painted: they are asked for one at a time, on hover)."""
        cells = []
        for column in range(len(HEADERS)):
            values = ((role, self._value(claim, row, column, role)) for role in _PAINTED)
            cells.append({role: value for role, value in values if value is not None})
        return cells

    def _colour(self, verdict: str | None) -> QColor:
        colour = self._colours.get(verdict)
        if colour is None:
            colour = self._colours[verdict] = theme.background(verdict)
        return colour

    @staticmethod
    def _dimmed() -> QColor | None:
        app = QApplication.instance()
        if app is None:
            return None
        return app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def _value(self, claim: ClaimRecord, row: int, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._display(claim, row, column)
        if role == _TOOLTIP:
            return self._tooltip(claim, column)
        if role == _ALIGNMENT:
            return _ALIGNMENTS[column] if 0 <= column < len(_ALIGNMENTS) else None
        if role == _BACKGROUND and self._is_marked(claim):
            return self._colour(claim.verdict)
        if role == _FOREGROUND and claim.dismissed:
            return self._dimmed()
        if role == ClaimIdRole:
            return claim.id
        return None

    @staticmethod
    def _is_marked(claim: ClaimRecord) -> bool:
        """Only open claims get a verdict colour; plain sentences and dismissed claims stay neutral."""
        return not claim.dismissed and (claim.proposed or claim.verdict is not None)

    def _display(self, claim: ClaimRecord, row: int, column: int) -> str | None:
        if column == NUMBER:
            number = self._numbers.get(claim.id)
            return str(number) if number is not None else "–"  # a dismissed claim is not counted
        if column == TEXT:
            return _one_line(claim.text)
        if column == VERDICT:
            if claim.dismissed or self._is_marked(claim):
                return theme.label(claim.verdict, claim.dismissed)
            return ""
        if column == SCORE:
            return f"{claim.score:.2f}"
        if column == SOURCES:
            return str(len(claim.sources))
        return None

    @staticmethod
    def _tooltip(claim: ClaimRecord, column: int) -> str | None:
        if column == NUMBER:
            return f"Claim id {claim.id} (factcheck verdict {claim.id} …)"
        if column == TEXT:
            lines = [claim.text]
            if claim.speaker:
                lines.append(f"Speaker: {claim.speaker}")
            return "\n".join(lines)
        if column == VERDICT:
            if not claim.proposed and claim.verdict is None:
                return "Not proposed as a claim"
            if claim.verdict and claim.reviewer:
                return f"{claim.verdict} by {claim.reviewer} {local_time(claim.reviewed_at)}".strip()
            return None
        if column == SCORE:
            return "Why: " + ", ".join(claim.reasons) if claim.reasons else "No check-worthy signals"
        if column == SOURCES:
            return "\n".join(s.url for s in claim.sources) or "No sources yet"
        return None
