"""The report as Markdown, for newsletters and wikis.

Every text from the database is put on one line and its punctuation that Markdown (or the HTML
it passes through) would read is backslash-escaped, so a title can never become a link, a tag or
a heading; only http(s) URLs become links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from factcheck.export import wording
from factcheck.export.records import ArticleEntry, ClaimEntry, Publisher, ReportHeader

# Anything that opens inline markup, a link, raw HTML or an entity. Each text is written on one
# line after a prefix of ours, so only its first characters could start a block (a list, a heading).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_BLOCK_START = re.compile(r"^([-+=]|\d+[.)])")


def md(text: object) -> str:
    """Literal text: one line, every character Markdown could read as markup escaped."""
    line = _SPECIAL.sub(r"\\\1", " ".join(wording.visible(str(text)).split()))
    return _BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line)


def _url(url: str) -> str:
    # Inside a link destination only these could end or break it.
    return (url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            .replace("<", "%3C").replace(">", "%3E"))


def _link(url: str | None, text: str) -> str:
    href = wording.link(url)
    return f"[{md(text)}]({_url(href)})" if href else md(text)


def write(out: TextIO, header: ReportHeader, articles: Iterable[ArticleEntry], publisher: Publisher) -> None:
    out.write(f"# {md(header.title)}\n\n")
    out.write(f"**Scope:** {md(header.scope.description)}  \n")
    by = f" · published by {md(publisher.name)}" if publisher.name else ""
    out.write(f"{md(wording.made_line(header))}{by}  \n")
    out.write(f"**Counts:** {md(wording.counts_line(header))}\n\n")
    out.write("## Verdicts\n\n| Verdict | Claims | Share |\n|---|---:|---:|\n")
    for label, count, share in wording.chart_rows(header):
        out.write(f"| {md(wording.badge(label))} | {count} | {share:.0%} |\n")
    for article in articles:
        out.write(_article(article))


def _article(article: ArticleEntry) -> str:
    bits = [md(b) for b in (article.outlet, article.published or "undated", article.author) if b]
    if article.url:
        bits.append(_link(article.url, article.url))
    lines = ["", "---", "", f"## {md(article.title or 'Untitled')}", "", " · ".join(bits), ""]
    if not article.claims:
        lines += ["_No claims in this report._", ""]
    for claim in article.claims:
        lines += _claim(claim)
    return "\n".join(lines) + "\n"


def _claim(claim: ClaimEntry) -> list[str]:
    lines = [f"### {md(wording.badge(claim.verdict))} · claim {claim.id}", "", f"> {md(claim.text)}", ""]
    if claim.speaker:
        lines.append(f"- **Speaker:** {md(claim.speaker)}")
    if claim.rationale:
        lines.append(f"- **Rationale:** {md(claim.rationale)}")
    if claim.sources:
        lines.append("- **Sources:**")
        for s in claim.sources:
            extra = wording.source_details(s)
            shown = _link(s.url, s.title or s.url)
            if s.title and not wording.link(s.url):
                shown += f" ({md(s.url)})"
            lines.append(f"  - {shown}{' — ' + md(extra) if extra else ''}")
    elif claim.verdict:
        lines.append("- **\u26a0 No source** backs this verdict.")
    if claim.verdict:
        lines.append(f"- **Reviewed:** {wording.reviewed_by(claim, md)}")
    lines.append("")
    return lines
