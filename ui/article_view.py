"""The reading pane: the article body exactly as imported, with its claims highlighted in place.

Claim and date offsets index into the stored body, so the text goes in verbatim and is never
rewritten. Every claim's and date's highlight is a character format on its span of the document
(the text itself is untouched, and a copy leaves the formats out); only the current claim's
emphasis is an ExtraSelection on top. Qt draws each ExtraSelection by clipping and drawing its
lines again, which cost several milliseconds a page with every claim highlighted that way;
formats in the document are drawn with the text. Re-highlighting after a verdict rewrites one
claim's span and leaves the scroll position alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import ClaimRecord, DateRecord
from ui import theme
from ui.article_text_edit import ArticleTextEdit
from ui.text_positions import QtTextPositions

# Marks on each selection's format, so tests and hit-testing can tell claims from dates.
CLAIM_ID_PROPERTY = QTextFormat.Property.UserProperty + 1
DATE_PROPERTY = QTextFormat.Property.UserProperty + 2


def describe_date(date: DateRecord) -> str:
    """How a date mention reads for the reviewer: what the text said and what it was taken to mean."""
    if date.value is None:
        return f"{date.text} → unresolved"
    return f"{date.text} → {date.value} ({date.granularity})"


def _emphasised(color: QColor) -> QColor:
    """A stronger shade of a highlight, darker on light palettes and lighter on dark ones."""
    return color.lighter(150) if theme.is_dark() else color.darker(118)


def _lay(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> None:
    """Give the text between two Qt positions the highlight format (replacing any earlier one)."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.setCharFormat(fmt)


class ArticleView(QWidget):
    """Shows one article and which of its sentences are claims, and in what state."""

    claimClicked = Signal(int)
    showAllRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body = ""
        self._positions = QtTextPositions("")
        self._claims: list[ClaimRecord] = []
        self._dates: tuple[DateRecord, ...] = ()
        self._current: int | None = None
        self._show_all = False
        # Every highlight as (start, end, format) in Qt positions, the current claim's not emphasised,
        # in the order they are laid on the document; and where each claim's highlights sit in it.
        self._base: list[tuple[int, int, QTextCharFormat]] = []
        self._slots: dict[int, list[tuple[int, int, int, QTextCharFormat]]] = {}

        self.text_view = ArticleTextEdit()
        self.setFocusProxy(self.text_view)  # focusing the pane means focusing the text
        self.text_view.viewport().installEventFilter(self)
        self.text_view.viewport().setMouseTracking(True)

        self._banner = QFrame()
        self._banner.setFrameShape(QFrame.Shape.StyledPanel)
        self._banner.setAutoFillBackground(True)
        self._banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.banner_label = QLabel("No claims were proposed for this article.")
        self.show_all_button = QPushButton("Show all sentences")
        self.show_all_button.clicked.connect(self._request_show_all)
        banner_layout = QHBoxLayout(self._banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.show_all_button)

        article_page = QWidget()
        page_layout = QVBoxLayout(article_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self._banner)
        page_layout.addWidget(self.text_view, 1)

        self.empty_hint = QLabel("No article open.\nChoose one from the list, or import a file.")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty_hint)
        self._pages.addWidget(article_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        self._banner.hide()

    # -- public API ----------------------------------------------------------------------------

    def set_article(self, body: str, claims: list[ClaimRecord], dates: tuple[DateRecord, ...]) -> None:
        """Show a new article from the top; the current claim is cleared until set_current()."""
        self._body = body
        self._positions = QtTextPositions(body)
        self._claims = list(claims)
        self._dates = tuple(dates)
        self._current = None
        self.text_view.marked_range = None
        self.text_view.set_body(body, self._lay_highlights)
        self._pages.setCurrentIndex(1)
        self._after_highlights()

    def clear(self) -> None:
        """Back to the empty state, e.g. after the last article was removed or a database switch."""
        self._body, self._positions, self._claims, self._dates = "", QtTextPositions(""), [], ()
        self._current = None
        self.text_view.marked_range = None
        self.text_view.clear()
        self._pages.setCurrentIndex(0)
        self._banner.hide()

    def update_claims(self, claims: list[ClaimRecord]) -> None:
        """Re-highlight after verdicts or dismissals changed; the scroll position stays put.

        A verdict changes one claim's colour and nothing else: when the claims kept their places
        and their prominence, only the changed ones are painted anew (V on a 200-claim article
        would otherwise rebuild every highlight); anything else rebuilds them all."""
        before = {c.id: c for c in self._claims}
        self._claims = list(claims)
        changed = [c for c in self._claims if before.get(c.id) != c]
        if len(before) != len(self._claims) or not all(self._same_place(before.get(c.id), c) for c in changed):
            self._refresh()
            return
        for claim in changed:
            self._recolour(claim)
        self._show_current()

    def _same_place(self, old: ClaimRecord | None, new: ClaimRecord) -> bool:
        """The claim keeps its span and whether (and how) it is shown: only its colour can differ."""
        return (old is not None and (old.start, old.end, old.proposed, old.dismissed)
                == (new.start, new.end, new.proposed, new.dismissed))

    def _recolour(self, claim: ClaimRecord) -> None:
        """Rebuild the highlights of one claim (its span and the dates inside it) in place."""
        slots = self._slots.get(claim.id)
        if not slots:
            return  # not highlighted (a quiet sentence without Show All): nothing to repaint
        fmt = self._claim_format(claim, claim.proposed and not claim.dismissed, current=False)
        renewed = []
        document = self.text_view.document()
        for index, start, end, old in slots:
            new = fmt
            if old.property(DATE_PROPERTY):
                new = self._date_format(fmt)
            self._base[index] = (start, end, new)
            _lay(document, start, end, new)  # the claim's span first, then the dates inside it
            renewed.append((index, start, end, new))
        self._slots[claim.id] = renewed

    def set_current(self, claim_id: int | None) -> None:
        """Emphasise one claim and bring it into view, centred only if it was off screen. The same
        claim shown again (the store read again, a change elsewhere) leaves text the reviewer is
        selecting alone, so that C still makes a claim of it."""
        again = claim_id is not None and claim_id == self._current
        self._current = claim_id
        self._show_current()
        if again and self.text_view.textCursor().hasSelection():
            return
        claim = self._claim(claim_id)
        if claim is None or claim.start is None or claim.end is None:
            return
        start, end = self._positions.to_qt(claim.start), self._positions.to_qt(claim.end)
        was_visible = self._is_visible(start, end)
        cursor = self.text_view.textCursor()
        cursor.setPosition(start)
        self.text_view.setTextCursor(cursor)  # also where keyboard selection starts
        if not was_visible:
            self.text_view.center_on(start)
            self.text_view.viewport().update()  # the lines marked before the scroll are elsewhere now

    def current_claim_id(self) -> int | None:
        return self._current

    def set_show_all(self, on: bool) -> None:
        """Also show dismissed claims and sentences that were not proposed, quietly."""
        if on == self._show_all:
            return  # highlighted as asked already (the window says so after every new article)
        self._show_all = on
        self._refresh()

    def show_all(self) -> bool:
        return self._show_all

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as Python offsets into the body, for turning it into a claim."""
        cursor = self.text_view.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._positions.to_python(cursor.selectionStart())
        end = self._positions.to_python(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select body[start:end] (Python offsets), as a reviewer would by dragging."""
        cursor = self.text_view.textCursor()
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)

    def tooltip_at(self, offset: int) -> str | None:
        """What hovering over a body offset explains: a date's reading, else the claim's state."""
        for date in self._dates:
            if date.start <= offset < date.end:
                return describe_date(date)
        claim = self._claim_at(offset)
        if claim is not None:
            return theme.label(claim.verdict, claim.dismissed)
        return None

    def claim_at(self, offset: int) -> int | None:
        """The id of the highlighted claim covering a body offset, if any."""
        claim = self._claim_at(offset)
        return claim.id if claim else None

    # -- highlighting --------------------------------------------------------------------------

    def _shown_claims(self, include_current: bool = True) -> Iterable[tuple[ClaimRecord, bool]]:
        """Claims with a place in the text, each with whether it is prominent (proposed and open)."""
        for claim in self._claims:
            if claim.start is None or claim.end is None or claim.end <= claim.start:
                continue
            prominent = claim.proposed and not claim.dismissed
            if prominent or self._show_all or (include_current and claim.id == self._current):
                yield claim, prominent

    def _claim_format(self, claim: ClaimRecord, prominent: bool, current: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(CLAIM_ID_PROPERTY, claim.id)
        if prominent:
            fmt.setBackground(theme.background(claim.verdict))
            fmt.setUnderlineStyle(theme.style_for(claim.verdict).underline)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        if current:
            base = theme.background(claim.verdict) if prominent else self._quiet_background()
            fmt.setBackground(_emphasised(base))
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        """An ExtraSelection over Qt positions start..end."""
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def highlights(self) -> list[tuple[int, int, QTextCharFormat]]:
        """What the reader sees highlighted, in Qt positions, in the order laid on: every claim and
        date, the current claim's (and its dates') emphasised, a quiet current sentence last."""
        shown = list(self._base)
        current = self._claim(self._current)
        if current is not None and current.start is not None and current.end is not None:
            slots = self._slots.get(current.id)
            if slots is None:
                shown.append(self._quiet_current(current))
            for slot, start, end, fmt in slots or ():
                shown[slot] = (start, end, self._strong(fmt))
        return shown

    def _refresh(self) -> None:
        """Rebuild every highlight (new claims, verdicts, Show All), then lay the current one on top."""
        cursor = QTextCursor(self.text_view.document())
        cursor.beginEditBlock()  # one change of the document, laid out once
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())  # the verbatim text's own look, no highlight
        self._lay_highlights()
        cursor.endEditBlock()
        self._after_highlights()

    def _lay_highlights(self) -> None:
        """Every claim's and date's format on a document without any (inside the caller's edit block)."""
        self._base = []
        self._slots = {}
        placed: list[tuple[ClaimRecord, QTextCharFormat]] = []
        for claim, prominent in self._shown_claims(include_current=False):
            fmt = self._claim_format(claim, prominent, current=False)
            placed.append((claim, fmt))
            self._remember(claim.id, claim.start, claim.end, fmt)  # type: ignore[arg-type]
        for date in self._dates:
            # A date repeats its claim's look (a later selection repaints the range) plus its own mark.
            around = next(((c, f) for c, f in placed if c.start <= date.start < c.end), None)  # type: ignore[operator]
            fmt = self._date_format(around[1] if around is not None else None)
            self._remember(around[0].id if around is not None else -1, date.start, date.end, fmt)

    def _after_highlights(self) -> None:
        """Once the formats are laid: the current claim's emphasis and the no-proposals banner."""
        self._show_current()

        no_proposals = bool(self._body) and not any(c.proposed and not c.dismissed for c in self._claims)
        self._banner.setVisible(no_proposals)
        self.show_all_button.setVisible(not self._show_all)

    def _date_format(self, claim_format: QTextCharFormat | None) -> QTextCharFormat:
        fmt = QTextCharFormat(claim_format) if claim_format is not None else QTextCharFormat()
        fmt.clearProperty(CLAIM_ID_PROPERTY)
        fmt.setProperty(DATE_PROPERTY, True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        return fmt

    def _remember(self, claim_id: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        """Lay a highlight on the body offsets start..end and note whose it is."""
        start, end = self._positions.to_qt(start), self._positions.to_qt(end)
        self._slots.setdefault(claim_id, []).append((len(self._base), start, end, fmt))
        self._base.append((start, end, fmt))
        _lay(self.text_view.document(), start, end, fmt)

    def _strong(self, fmt: QTextCharFormat) -> QTextCharFormat:
        strong = QTextCharFormat(fmt)
        strong.setBackground(_emphasised(fmt.background().color() if fmt.background().style()
                                         != Qt.BrushStyle.NoBrush else self._quiet_background()))
        return strong

    def _quiet_current(self, claim: ClaimRecord) -> tuple[int, int, QTextCharFormat]:
        """A quiet sentence or dismissed claim made current: shown anyway."""
        return (self._positions.to_qt(claim.start), self._positions.to_qt(claim.end),  # type: ignore[arg-type]
                self._claim_format(claim, False, current=True))

    def _show_current(self) -> None:
        """Only the current claim's emphasis is an ExtraSelection: J changes that and nothing else."""
        current = self._claim(self._current)
        selections = []
        if current is not None and current.start is not None and current.end is not None:
            slots = self._slots.get(current.id)
            if slots is None:
                selections.append(self._selection(*self._quiet_current(current)))
            for _slot, start, end, fmt in slots or ():
                selections.append(self._selection(start, end, self._strong(fmt)))
            marked = (self._positions.to_qt(current.start), self._positions.to_qt(current.end))
        else:
            marked = None
        self.text_view.setExtraSelections(selections)  # repaints what changed of them
        self.text_view.set_marked_range(marked)

    def _quiet_background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Midlight)

    # -- lookups and events --------------------------------------------------------------------

    def _claim(self, claim_id: int | None) -> ClaimRecord | None:
        return next((c for c in self._claims if c.id == claim_id), None) if claim_id is not None else None

    def _claim_at(self, offset: int) -> ClaimRecord | None:
        for claim, _prominent in self._shown_claims():
            if claim.start <= offset < claim.end:  # type: ignore[operator]
                return claim
        return None

    def _is_visible(self, start: int, end: int) -> bool:
        cursor = QTextCursor(self.text_view.document())
        area = self.text_view.viewport().rect()
        for position in (start, end):
            cursor.setPosition(position)
            if not area.contains(self.text_view.cursorRect(cursor)):
                return False
        return True

    def offset_at(self, point: QPoint) -> int:
        """The body offset of the character under a viewport point (not the nearest gap)."""
        cursor = self.text_view.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.text_view.cursorRect(cursor).left() and not cursor.atBlockStart():
            position -= 1
        return self._positions.to_python(position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.text_view.viewport():
            if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                tip = self.tooltip_at(self.offset_at(event.pos())) if self._body else None
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self.text_view.viewport())
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
            if (event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                    and event.button() == Qt.MouseButton.LeftButton
                    and not self.text_view.textCursor().hasSelection()):
                claim_id = self.claim_at(self.offset_at(event.position().toPoint()))
                if claim_id is not None:
                    self.claimClicked.emit(claim_id)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.PaletteChange:  # verdict colours differ in light and dark
            self._refresh()
        super().changeEvent(event)

    def _request_show_all(self) -> None:
        self.set_show_all(True)
        self.showAllRequested.emit()
