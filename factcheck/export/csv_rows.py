"""The report as CSV: one row per claim, UTF-8 with a header row.

A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
return) is prefixed with an apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from factcheck.export import wording
from factcheck.export.records import ArticleEntry, Publisher, ReportHeader

COLUMNS = ("article_id", "article_title", "outlet", "article_url", "published", "claim_id", "position", "claim",
           "speaker", "verdict", "rationale", "reviewer", "reviewed_at", "reused_from", "source_count",
           "source_urls", "source_titles", "source_publishers", "source_accessed")
JOIN = " | "  # between the sources of one claim in a joined cell
FORMULA_STARTS = frozenset("=+-@\t\r")


def cell(value: object) -> str:
    """Text a spreadsheet shows as text: an apostrophe before what it would run as a formula."""
    if value is None:
        return ""
    text = wording.visible(value if isinstance(value, str) else str(value))
    return "'" + text if text[:1] in FORMULA_STARTS else text


def write(out: TextIO, header: ReportHeader, articles: Iterable[ArticleEntry], publisher: Publisher) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for a in articles:
        start = [a.id, cell(a.title), cell(a.outlet), cell(a.url), cell(a.published)]
        # Ids, numbers, verdict names, our own ISO times and the http(s) source URLs cannot start a
        # formula; everything a person typed goes through `cell`.
        writer.writerows([start + [
            c.id, c.position, cell(c.text), cell(c.speaker), c.verdict or "", cell(c.rationale),
            cell(c.reviewer) if c.verdict else "", wording.iso(c.reviewed_at) or "" if c.verdict else "",
            "" if c.reused_from is None else c.reused_from, len(c.sources),
            wording.visible(JOIN.join([s.url for s in c.sources])), cell(JOIN.join([s.title for s in c.sources])),
            cell(JOIN.join([s.publisher for s in c.sources])),
            cell(JOIN.join([s.accessed or "" for s in c.sources])),
        ] for c in a.claims])
