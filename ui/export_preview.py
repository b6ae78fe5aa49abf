"""Seeing a report before saving it: the HTML in a text browser, the PDF as its pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.pdf_report import page_images, with_chart_image

PREVIEW_PAGES = 20  # a preview shows the first pages; the export has them all


class HtmlPreviewDialog(QDialog):
    """The HTML report as Qt's rich text shows it; links open in the browser, never inside."""

    def __init__(self, report_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preview: HTML report")
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(_open_web_link)
        self.browser.setHtml(with_chart_image(self.browser.document(), report_html))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


class PdfPreviewDialog(QDialog):
    """The PDF's first pages as they will print, page numbers and running title included."""

    def __init__(self, report_html: str, page_size: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview: PDF ({page_size})")
        self.resize(760, 900)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for image in page_images(report_html, page_size, PREVIEW_PAGES):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)


def _open_web_link(url: QUrl) -> None:
    if url.scheme() in ("http", "https"):
        QDesktopServices.openUrl(url)
