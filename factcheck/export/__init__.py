"""Verdict reports: records in, a file out, one module per format, written as the records stream.

The store reads the records (factcheck.storage.report_reads) and picks the writer here; the PDF is
the HTML report rendered by Qt, so it lives in the GUI package (ui/pdf_report.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from factcheck.export import claimreview, csv_rows, html_report, json_backup, markdown_report
from factcheck.export.records import ArticleEntry, Publisher, ReportHeader

Writer = Callable[[TextIO, ReportHeader, Iterable[ArticleEntry], Publisher], None]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as the CLI and the dialog name it
    label: str
    suffix: str
    write: Writer
    whole_articles: bool = False  # a backup holds every sentence and the article text


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("html", "HTML report", ".html", html_report.write),
    ExportFormat("md", "Markdown", ".md", markdown_report.write),
    ExportFormat("csv", "CSV (one row per claim)", ".csv", csv_rows.write),
    ExportFormat("json", "JSON backup (everything)", ".json", json_backup.write, whole_articles=True),
    ExportFormat("claimreview", "ClaimReview (schema.org JSON-LD)", ".jsonld", claimreview.write),
)}
