"""The report as one self-contained HTML page: styles inline, no scripts, no external requests.

Everything taken from the database is escaped here, where it is written; only http(s) URLs
become links. The page prints with a page break before every article after the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TextIO

from factcheck.export import wording
from factcheck.export.records import ArticleEntry, ClaimEntry, Publisher, ReportHeader

# Styles Qt's rich text understands too (the PDF is this page rendered by QTextDocument).
STYLE = """
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1f; margin: 2em auto;
       max-width: 50em; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; margin-bottom: 0.2em; }
p { margin-top: 0.2em; margin-bottom: 0.4em; }
.meta { color: #555555; font-size: 0.9em; }
.scope { font-size: 1.05em; }
table.breakdown { border-collapse: collapse; margin-top: 0.6em; }
table.breakdown th, table.breakdown td { border: 1px solid #cccccc; padding: 3px 10px; text-align: left; }
td.number { text-align: right; }
.claim { margin-top: 1.1em; padding-left: 0.8em; border-left: 3px solid #dddddd; }
.quote { font-size: 1.05em; margin: 0.3em 0 0.4em 0; }
.badge { font-weight: bold; padding: 1px 6px; }
.verified { background-color: #c8efc8; color: #1f5a2a; }
.disputed { background-color: #ffc9c9; color: #6e2020; }
.unclear { background-color: #d9d4ff; color: #3d3470; }
.unreviewed { background-color: #fff3b0; color: #5c5210; }
.unsourced { color: #8a1c00; font-weight: bold; }
ul.sources { margin-top: 0.1em; margin-bottom: 0.3em; }
a { color: #1a4f9c; }
.break { page-break-before: always; }
@media print { body { margin: 0; max-width: none; } a { color: #1d1d1f; } }
"""

# Header, chart and articles are written as they stream; the SVG sits between these markers so
# a renderer without SVG (Qt's rich text) can put an image of it in its place.
CHART_START, CHART_END = "<!--chart-->", "<!--/chart-->"


def e(text: object) -> str:
    return escape(wording.visible(str(text)), quote=True)


def write(out: TextIO, header: ReportHeader, articles: Iterable[ArticleEntry], publisher: Publisher) -> None:
    title = f"{header.title}: {header.scope.description}"
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    # Even if something slipped through, the page may run no script and fetch nothing.
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'\">\n")
    out.write(f"<title>{e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n")
    out.write(_header(header, publisher))
    for n, article in enumerate(articles):
        out.write(_article(article, first=n == 0))
    out.write("</body>\n</html>\n")


def _header(header: ReportHeader, publisher: Publisher) -> str:
    by = f" · published by {e(publisher.name)}" if publisher.name else ""
    rows = "".join(
        f"<tr><td><span class=\"badge {label or 'unreviewed'}\">{e(wording.badge(label))}</span></td>"
        f"<td class=\"number\">{count}</td><td class=\"number\">{share:.0%}</td></tr>\n"
        for label, count, share in wording.chart_rows(header))
    return (
        f"<h1>{e(header.title)}</h1>\n"
        f"<p class=\"scope\">Scope: {e(header.scope.description)}</p>\n"
        f"<p class=\"meta\">{e(wording.made_line(header))}{by}</p>\n"
        f"<p class=\"meta\">{e(wording.counts_line(header))}</p>\n"
        "<h2>Verdicts</h2>\n"
        f"<p class=\"chart\">{CHART_START}{chart_svg(header)}{CHART_END}</p>\n"
        "<table class=\"breakdown\">\n<tr><th>Verdict</th><th>Claims</th><th>Share</th></tr>\n"
        f"{rows}</table>\n"
    )


def chart_svg(header: ReportHeader) -> str:
    """The verdict breakdown as horizontal bars, one line of SVG (no script, no external reference)."""
    rows = wording.chart_rows(header)
    width, label_w, bar_w, row_h = 520, 120, 300, 26
    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{row_h * len(rows) + 8}\" "
             f"viewBox=\"0 0 {width} {row_h * len(rows) + 8}\" role=\"img\" "
             "aria-label=\"Claims by verdict\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">"]
    for i, (label, count, share) in enumerate(rows):
        y = 4 + i * row_h
        length = max(1, round(bar_w * share)) if count else 0
        parts.append(f"<text x=\"0\" y=\"{y + 17}\" fill=\"#1d1d1f\">{e(wording.badge(label))}</text>"
                     f"<rect x=\"{label_w}\" y=\"{y + 4}\" width=\"{length}\" height=\"{row_h - 8}\" "
                     f"fill=\"{wording.BARS[label]}\"/>"
                     f"<text x=\"{label_w + length + 8}\" y=\"{y + 17}\" fill=\"#1d1d1f\">{count} ({share:.0%})</text>")
    parts.append("</svg>")
    return "".join(parts)


def _anchor(url: str | None, text: str) -> str:
    href = wording.link(url)
    return f"<a href=\"{e(href)}\">{e(text)}</a>" if href else e(text)


def _article(article: ArticleEntry, *, first: bool) -> str:
    bits = [b for b in (article.outlet, article.published or "undated", article.author) if b]
    meta = " · ".join(e(b) for b in bits)
    if article.url:
        meta += " · " + (_anchor(article.url, article.url) if wording.link(article.url)
                         else f"link not shown (not http or https): {e(article.url)}")
    claims = "".join(_claim(claim) for claim in article.claims) or "<p class=\"meta\">No claims in this report.</p>\n"
    return (f"<div class=\"article{'' if first else ' break'}\" id=\"article-{article.id}\">\n"
            f"<h2>{e(article.title or 'Untitled')}</h2>\n<p class=\"meta\">{meta}</p>\n{claims}</div>\n")


def _claim(claim: ClaimEntry) -> str:
    kind = claim.verdict or "unreviewed"
    lines = [f"<div class=\"claim\" id=\"claim-{claim.id}\">",
             f"<p><span class=\"badge {kind}\">{e(wording.badge(claim.verdict))}</span>"
             f" <span class=\"meta\">claim {claim.id}</span></p>",
             f"<p class=\"quote\">{e(claim.text)}</p>"]
    if claim.speaker:
        lines.append(f"<p class=\"meta\">Speaker: {e(claim.speaker)}</p>")
    if claim.rationale:
        lines.append(f"<p>{e(claim.rationale)}</p>")
    if claim.sources:
        items = []
        for s in claim.sources:
            extra = wording.source_details(s)
            shown = s.title or s.url
            tail = f" ({e(s.url)})" if s.title and not wording.link(s.url) else ""
            items.append(f"<li>{_anchor(s.url, shown)}{tail}{' — ' + e(extra) if extra else ''}</li>")
        lines.append("<ul class=\"sources\">" + "".join(items) + "</ul>")
    elif claim.verdict:
        lines.append("<p class=\"unsourced\">\u26a0 No source backs this verdict.</p>")
    if claim.verdict:
        lines.append(f"<p class=\"meta\">Reviewed {wording.reviewed_by(claim, e)}</p>")
    lines.append("</div>\n")
    return "\n".join(lines)
