"""The HTML report laid out in pages by Qt's QTextDocument: to a PDF (QPdfWriter) or to images for
the preview. Every page carries the report's title at the top and "Page N of M" at the foot.

Qt's rich text has no SVG, so the chart between the HTML report's chart markers is drawn with
QtSvg and placed as an image. Lines break between words, or anywhere in a word too long for the
line (a long URL), and the layout moves a line that would cross the foot of a page to the next
page, so no text is cut at an edge.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

CHART = re.compile(r"<!--chart-->(<svg.*?</svg>)<!--/chart-->", re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
CHART_URL = "factcheck-chart.png"
DPI = 96  # CSS pixels: the chart and the styles keep the sizes the HTML gives them
MARGIN_MM = 16
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


@dataclass
class Pages:
    """A report laid out for one page size, ready to paint page by page on any device."""

    document: QTextDocument
    title: str
    body: QSizeF  # the text area of one page, in device pixels
    band: float  # height of the title band and of the page-number band
    count: int


def report_title(report_html: str) -> str:
    found = TITLE.search(report_html)
    return html.unescape(found.group(1)) if found else "Verdict report"


def page_layout(page_size: str) -> QPageLayout:
    size = QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def lay_out(report_html: str, page_size: str) -> Pages:
    layout = page_layout(page_size)
    area = layout.paintRectPixels(DPI)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    # On paper the page margins do the work of the screen's centred column.
    flat = report_html.replace("</head>", "<style>body { margin: 0; padding: 0; max-width: none; }</style></head>", 1)
    document.setHtml(with_chart_image(document, flat))
    band = 28.0
    body = QSizeF(area.width(), area.height() - 2 * band)
    document.setPageSize(body)
    return Pages(document, report_title(report_html), body, band, document.pageCount())


def with_chart_image(document: QTextDocument, report_html: str) -> str:
    """The report with its SVG chart replaced by an image of it, registered in `document`."""
    found = CHART.search(report_html)
    if found is None:
        return report_html
    renderer = QSvgRenderer(QByteArray(found.group(1).encode("utf-8")))
    size = renderer.defaultSize()
    scale = 3  # drawn at three times its size, so it stays sharp when printed
    image = QImage(size.width() * scale, size.height() * scale, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), image)
    tag = f'<img src="{CHART_URL}" width="{size.width()}" height="{size.height()}">'
    return report_html[:found.start()] + tag + report_html[found.end():]


def paint_page(painter: QPainter, pages: Pages, index: int) -> None:
    """Page `index` (0-based) with the painter's origin at the page's printable top left."""
    width = pages.body.width()
    small = QFont("DejaVu Sans", 8)
    painter.save()
    painter.setFont(small)
    painter.setPen(QColor("#555555"))
    title_rect = QRectF(0, 0, width, pages.band - 8)
    painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     painter.fontMetrics().elidedText(pages.title, Qt.TextElideMode.ElideRight, int(width)))
    painter.drawLine(0, int(pages.band - 6), int(width), int(pages.band - 6))
    foot_top = pages.band + pages.body.height()
    painter.drawText(QRectF(0, foot_top + 8, width, pages.band - 8), Qt.AlignmentFlag.AlignCenter,
                     f"Page {index + 1} of {pages.count}")
    painter.restore()
    painter.save()
    painter.translate(0, pages.band - index * pages.body.height())
    clip = QRectF(0, index * pages.body.height(), width, pages.body.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    pages.document.documentLayout().draw(painter, context)
    painter.restore()


def write_pdf(report_html: str, target: Path, page_size: str,
              cancelled: Callable[[], bool] = lambda: False) -> int:
    """Render to `target`; returns the number of pages (0 when cancelled part-way)."""
    pages = lay_out(report_html, page_size)
    writer = QPdfWriter(str(target))
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(pages.title)
    writer.setCreator("factcheck")
    painter = QPainter(writer)
    try:
        for index in range(pages.count):
            if cancelled():
                return 0
            if index:
                writer.newPage()
            paint_page(painter, pages, index)
    finally:
        painter.end()
    return pages.count


def page_images(report_html: str, page_size: str, limit: int = 50) -> Iterator[QImage]:
    """The first pages as images, white like paper, for the preview."""
    pages = lay_out(report_html, page_size)
    layout = page_layout(page_size)
    full = layout.fullRectPixels(DPI)
    area = layout.paintRectPixels(DPI)
    for index in range(min(pages.count, limit)):
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.translate(area.left(), area.top())
        paint_page(painter, pages, index)
        painter.end()
        yield image
