"""What every report format says the same way: verdict names and marks, dates, safe links, the scope line."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from factcheck.export.records import ClaimEntry, ReportHeader, SourceEntry

# The app's verdict marks and colours (as in the window), so a report reads like the screen.
MARKS = {"verified": "\u2713", "disputed": "\u2717", "unclear": "?", None: "\u25cb"}
WORDS = {"verified": "Verified", "disputed": "Disputed", "unclear": "Unclear", None: "Not reviewed"}
BACKGROUNDS = {"verified": "#c8efc8", "disputed": "#ffc9c9", "unclear": "#d9d4ff", None: "#fff3b0"}
INKS = {"verified": "#1f5a2a", "disputed": "#6e2020", "unclear": "#3d3470", None: "#5c5210"}
BARS = {"verified": "#3f9a4f", "disputed": "#c94a4a", "unclear": "#6f62c4", None: "#c9b458"}
CHART_ORDER: tuple[str | None, ...] = ("verified", "disputed", "unclear", None)


def badge(verdict: str | None) -> str:
    return f"{MARKS.get(verdict, '?')} {WORDS.get(verdict, str(verdict))}"


def when(value: dt.datetime | None) -> str:
    """A time as reports print it: UTC, to the minute."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo is dt.UTC else value.astimezone(dt.UTC)).isoformat(timespec="seconds")


# What a report links: http or https, a host, and no space, backslash or control character
# anywhere. Addresses were checked in full when they were stored (factcheck.urls); this is the
# writer's own guard, cheap enough for every source of a large export.
_LINKABLE = re.compile(r"https?://[^\s/?#\\\x00-\x1f\x7f-\x9f]+[^\s\\\x00-\x1f\x7f-\x9f]*", re.IGNORECASE)


def link(url: str | None) -> str | None:
    """The URL if a report may link it (http or https with a host), else None: never javascript:, data: or file:."""
    if not url:
        return None
    text = url.strip()
    return text if _LINKABLE.fullmatch(text) else None


def counts_line(header: ReportHeader) -> str:
    s = header.summary
    parts = [f"{s.articles} article{'s' if s.articles != 1 else ''}", f"{s.claims} claim{'s' if s.claims != 1 else ''}",
             f"{s.reviewed} reviewed", f"{s.unreviewed} not reviewed"]
    line = ", ".join(parts)
    if s.unsourced:
        line += f"; {s.unsourced} verdict{'s' if s.unsourced != 1 else ''} without any source"
    return line


def made_line(header: ReportHeader) -> str:
    return f"Made {when(header.made_at)} by factcheck {header.version}"


def chart_rows(header: ReportHeader) -> list[tuple[str | None, int, float]]:
    """(verdict, claims, share of the claims in scope) for the breakdown chart and table."""
    s = header.summary
    total = s.claims or 1
    counts: dict[str | None, int] = {label: s.verdicts.get(label, 0) for label in ("verified", "disputed", "unclear")}
    counts[None] = s.unreviewed
    return [(label, counts[label], counts[label] / total) for label in CHART_ORDER]


def short_summary(text: str, limit: int = 75) -> str:
    """The text cut at a word boundary to at most `limit` characters (Google asks under 75 for
    `claimReviewed`), with an ellipsis when it was cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON with <, > and & escaped, so it stays inert even pasted into a page's <script> block."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# C0 and C1 control characters other than tab, line feed and carriage return: no text format has
# a use for them, HTML forbids them, and shown in a terminal they would drive it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """The text with every control character replaced by U+FFFD, the mark of an unreadable character."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text


def source_details(source: SourceEntry) -> str:
    """What a report says after a source's link: its publisher and when it was accessed."""
    return ", ".join(x for x in (source.publisher, f"accessed {source.accessed}" if source.accessed else "") if x)


def reviewed_by(claim: ClaimEntry, escape: Callable[[object], str]) -> str:
    """"by ana, 3 May 2025 12:00 UTC · reused from claim 7", the reviewer and the time escaped for the format."""
    text = f"by {escape(claim.reviewer or 'unknown')}, {escape(when(claim.reviewed_at))}"
    return text + (f" · reused from claim {claim.reused_from}" if claim.reused_from is not None else "")
