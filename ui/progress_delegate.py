"""A progress bar inside a table cell, so review progress reads at a glance down a column.

The bar is drawn by the current style (it matches the platform and the palette) and the
"reviewed/claims" text beside it in the cell's own text colour: a style draws a bar's text in a
colour of its choosing, which on some palettes vanishes into the filled part.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

Index = QModelIndex | QPersistentModelIndex
MIN_BAR = 16  # pixels: a narrower bar says nothing the number does not


class ProgressDelegate(QStyledItemDelegate):
    """Draws `(done, total)` from `progress_role` as a bar; other cells paint as usual."""

    def __init__(self, progress_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = progress_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        progress = index.data(self._role)
        if not isinstance(progress, tuple) or len(progress) != 2:
            super().paint(painter, option, index)
            return
        done, total = progress
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the bar carries the text
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)

        text = f"{done}/{total}"
        text_rect, bar_rect = self.parts(option, text)
        bar = QStyleOptionProgressBar()
        bar.rect = bar_rect
        bar.state = (option.state & QStyle.StateFlag.State_Enabled) | QStyle.StateFlag.State_Horizontal
        bar.direction = option.direction
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum = 0
        bar.maximum = max(total, 1)
        bar.progress = min(done, bar.maximum)
        bar.textVisible = False
        if bar_rect.width() >= MIN_BAR:
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()

    @staticmethod
    def parts(option: QStyleOptionViewItem, text: str) -> tuple[QRect, QRect]:
        """Where the text and the bar go in a cell: the number on the right, the bar in what is left."""
        cell = option.rect.adjusted(3, 3, -3, -3)
        width = option.fontMetrics.horizontalAdvance("000/000")
        text_rect = QRect(cell.right() - width + 1, cell.top(), width, cell.height())
        bar_rect = QRect(cell.left(), cell.top() + 2, max(0, cell.width() - width - 6), max(4, cell.height() - 4))
        return text_rect, bar_rect

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), option.fontMetrics.horizontalAdvance("000/000") + 40), hint.height())
