"""Renders the export images of the README: the HTML report in the window's preview, and the first
page of the PDF report (by pdftoppm from the PDF itself when poppler is installed, else by the
same painter the PDF is drawn with).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.export_screenshot docs/report-html.png docs/report-pdf.png
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from factcheck.store import Store
from tests.export_data import reviewed


def render(html_target: Path, pdf_target: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    os.environ["FACTCHECK_CONFIG_DIR"] = str(folder / "config")
    from ui.export_preview import HtmlPreviewDialog
    from ui.pdf_export import export_pdf, report_html
    from ui.pdf_report import page_images

    with Store(folder / "review.db", reviewer="ana") as store:
        ids = reviewed(store)
        html, _ = report_html(store, article_id=ids["seed"])
        preview = HtmlPreviewDialog(html)
        preview.resize(980, 900)
        preview.show()
        for _ in range(5):
            app.processEvents()
        html_target.parent.mkdir(parents=True, exist_ok=True)
        preview.grab().save(str(html_target))
        preview.close()
        pdf = folder / "report.pdf"
        export_pdf(store, pdf, page_size="A4")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(pdf_target.with_suffix(""))], check=True)
    else:
        next(page_images(html, "A4")).save(str(pdf_target))


if __name__ == "__main__":
    render(Path(sys.argv[1]), Path(sys.argv[2]))
