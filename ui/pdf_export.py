"""A PDF export: the store writes the HTML report, ui.pdf_report renders it, a temporary file
beside the destination becomes the PDF only when it is complete.

Also the program `factcheck export --format pdf` runs (python -m ui.pdf_export), so that the
core reaches Qt only in a process of its own, as it does for the window.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from factcheck import preferences
from factcheck.errors import ExportError, FactcheckError
from factcheck.records import ExportResult
from factcheck.store import Store


def report_html(store: Store, *, query: str | None = None, article_id: int | None = None,
                claim_ids: Iterable[int] | None = None, progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[str, ExportResult]:
    """The HTML report as text (what the PDF and the preview render)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        result = store.export("html", path, query=query, article_id=article_id, claim_ids=claim_ids,
                              progress=progress, cancelled=cancelled)
        return (path.read_text(encoding="utf-8") if not result.cancelled else ""), result


def export_pdf(store: Store, target: str | os.PathLike[str], *, query: str | None = None,
               article_id: int | None = None, claim_ids: Iterable[int] | None = None, page_size: str | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ExportResult:
    from ui.pdf_report import write_pdf

    destination = Path(target)
    folder = destination.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {str(folder)!r} does not exist.", "Choose an existing folder for the export.")
    html, result = report_html(store, query=query, article_id=article_id, claim_ids=claim_ids, progress=progress,
                               cancelled=cancelled)
    if result.cancelled:
        return ExportResult(None, "pdf", result.articles, result.claims, cancelled=True)
    handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        pages = write_pdf(html, temporary, page_size or preferences.load().page_size, cancelled)
        if not pages:
            temporary.unlink()
            return ExportResult(None, "pdf", result.articles, result.claims, cancelled=True)
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return ExportResult(str(destination), "pdf", result.articles, result.claims)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck export --format pdf")
    parser.add_argument("--db")
    parser.add_argument("--output", required=True)
    parser.add_argument("--query")
    parser.add_argument("--article", type=int)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs fonts, not a screen
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        with Store(args.db) as store:
            result = export_pdf(store, args.output, query=args.query, article_id=args.article)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2 if type(exc).__name__ == "QueryError" else 1
    print(f"{result.path}: {result.claims} claims of {result.articles} articles (pdf)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
