"""The article's text widget: verbatim body, readable spacing, and a mark beside the current claim."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit, QWidget

# Pixels above and below a claim's lines that its outline (a 1.5 px pen) can reach.
MARK_SLACK = 3


class ArticleTextEdit(QTextEdit):
    """Read-only body text that also paints a bar in the margin beside the current claim.

    A QTextEdit rather than a QPlainTextEdit for paragraph spacing and line height, which make a
    long article readable; the text itself still goes in with setPlainText, untouched.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setDocumentMargin(16)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.setFont(font)
        self.marked_range: tuple[int, int] | None = None  # Qt positions of the current claim

    def set_body(self, body: str, decorate: Callable[[], None] | None = None) -> None:
        """Show the text verbatim, its paragraphs spaced (layout only: positions are unchanged).

        The text goes in after the spacing, so every paragraph inherits it as it is made: the same
        document as setPlainText with the spacing merged in afterwards. `decorate`, run in the same
        edit block, lays the highlights' formats: text and highlights are laid out once, when the
        block ends, instead of once for each (a new article on Shift+J)."""
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(8)
        spacing.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        document = self.document()
        # A text that may not fit is laid out with the scroll bar shown, whether or not the last
        # one needed it, and the bar goes afterwards only if the text fits after all. Laid out
        # without it, a long text would be laid out at the wider width and then all again at the
        # narrower one once the bar appeared (twice the cost, about 5 ms, on Shift+J from a short
        # article to a long one). A text far too short to fill the view goes in without the bar.
        # Only the cost depends on the guess: the bar is shown as needed in the end either way.
        keep_bar = (self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
                    and len(body) > self._screenful() // 2)
        if keep_bar:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setBlockFormat(spacing)
        cursor.insertText(body)
        if decorate is not None:
            decorate()
        cursor.endEditBlock()
        if keep_bar:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _screenful(self) -> int:
        """About how many characters of text fill the view (average letters, spaced lines)."""
        metrics = self.fontMetrics()
        columns = self.viewport().width() // max(1, metrics.averageCharWidth())
        lines = self.viewport().height() // max(1, round(metrics.lineSpacing() * 1.3))
        return columns * lines

    def set_marked_range(self, marked: tuple[int, int] | None) -> None:
        """Move the current claim's mark: only the lines it leaves and the lines it reaches are
        painted again, not the whole page (the highlights repaint their own changes)."""
        if marked == self.marked_range:
            return
        for lines in (self.marked_range, marked):
            if lines is not None:
                self._update_band(*lines)
        self.marked_range = marked

    def _update_band(self, start: int, end: int) -> None:
        """Schedule a repaint of the full-width band of lines between two positions (bar and outlines)."""
        rects = self._line_rects(start, end)
        if not rects:
            return
        top, bottom = int(rects[0].top()) - MARK_SLACK, int(rects[-1].bottom()) + MARK_SLACK
        self.viewport().update(QRect(0, top, self.viewport().width(), bottom - top + 1))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt API
        """A copy carries the text and its paragraph spacing, never the highlights: they are
        character formats for showing the claims (ui.article_view), not the article's own."""
        text = super().createMimeDataFromSelection().text()  # Qt's makes its HTML from the document as shown
        selected = self.textCursor()
        plain = self.document().clone()
        everything = QTextCursor(plain)
        everything.select(QTextCursor.SelectionType.Document)
        everything.setCharFormat(QTextCharFormat())
        cursor = QTextCursor(plain)
        cursor.setPosition(selected.selectionStart())
        cursor.setPosition(selected.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        mime = QMimeData()
        mime.setText(text)
        mime.setHtml(QTextDocumentFragment(cursor).toHtml())
        return mime

    def center_on(self, position: int) -> None:
        """Scroll so a document position sits in the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).center().y() - self.viewport().height() // 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.marked_range is None:
            return
        rects = self._line_rects(*self.marked_range)
        if not rects:
            return
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(3, rects[0].top(), 4, rects[-1].bottom() - rects[0].top()), accent)
        painter.setPen(QPen(accent, 1.5))
        for rect in rects:  # an outline around each line of the claim, so it stands out in any colour
            painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)
        painter.end()

    def _line_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering the text between two positions, one per laid-out line."""
        document = self.document()
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        rects: list[QRectF] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            origin = document.documentLayout().blockBoundingRect(block).topLeft() - scroll
            layout = block.layout()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                line_start = block.position() + line.textStart()
                first, last = max(start, line_start), min(end, line_start + line.textLength())
                if first >= last:
                    continue
                left = _x(line.cursorToX(first - block.position()))
                right = _x(line.cursorToX(last - block.position()))
                rects.append(QRectF(left, line.y(), right - left, line.height()).translated(origin))
            block = block.next()
        return rects


def _x(result: float | tuple[float, int]) -> float:
    """QTextLine.cursorToX answers a bare x or an (x, position) pair depending on the binding."""
    return result[0] if isinstance(result, tuple) else result
