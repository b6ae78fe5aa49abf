"""A progress bar inside a table cell, so review progress reads at a glance down a column.

The bar is drawn by the current style (it matches the platform and the palette) and the
"reviewed/claims" text beside it in the cell's own text colour: a style draws a bar's text in a
colour of its choosing, which on some palettes vanishes into the filled part.
"""

from __future__ import annotations

from math import gcd

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintDevice, QPainter, QPalette, QPixmap, QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
MIN_BAR = 16  # pixels: a narrower bar says nothing the number does not
# Flags combined once: each operation on a Qt enum costs microseconds in Python, and every visible
# row is painted again on each keystroke in the filter box.
_ENABLED = QStyle.StateFlag.State_Enabled
_HORIZONTAL = QStyle.StateFlag.State_Horizontal
_SELECTED = QStyle.StateFlag.State_Selected.value
# Pixels a style may paint outside a bar's rectangle (Fusion draws its edge one pixel out): kept.
_BLEED = 2
_RIGHT_MIDDLE = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


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
        state = option.state
        bar.state = (state & _ENABLED) | _HORIZONTAL
        bar.direction = option.direction
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum = 0
        bar.maximum = max(total, 1)
        bar.progress = min(done, bar.maximum)
        bar.textVisible = False
        if bar_rect.width() >= MIN_BAR:
            corner = bar_rect.topLeft() - QPoint(_BLEED, _BLEED)
            painter.drawPixmap(corner, self._bar_picture(bar, style, widget, painter.device()))
        selected = bool(state.value & _SELECTED)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(text_rect, _RIGHT_MIDDLE, text)
        painter.restore()

    @staticmethod
    def _bar_picture(bar: QStyleOptionProgressBar, style: QStyle, widget: QWidget | None,
                     device: QPaintDevice) -> QPixmap:
        """The style's bar drawn once per look and reused: most rows show the same few (0 of N
        reviewed above all), and the style's gradients cost more than the rest of a row."""
        ratio = device.devicePixelRatioF()
        share = gcd(bar.progress, bar.maximum)
        key = (f"factcheck-progress:{id(style)}:{bar.rect.width()}x{bar.rect.height()}@{ratio}:"
               f"{bar.progress // share}/{bar.maximum // share}:{bar.state.value}:{bar.direction.value}:"
               f"{bar.palette.cacheKey()}")
        picture = QPixmapCache.find(key)
        if picture is None:
            picture = QPixmap((bar.rect.size() + QSize(2 * _BLEED, 2 * _BLEED)) * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            bar.rect = QRect(QPoint(_BLEED, _BLEED), bar.rect.size())
            on_picture = QPainter(picture)
            style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, on_picture, widget)
            on_picture.end()
            QPixmapCache.insert(key, picture)
        return picture

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
