"""Search snippets as the window shows them: the matched stretches bold, everything else escaped.

The store marks matches with HIGHLIGHT_START/HIGHLIGHT_END; the claim text around them is the
reviewer's data and may hold anything, "<script>" included, so it is escaped before any markup
of ours is added.
"""

from __future__ import annotations

import html

from factcheck.records import HIGHLIGHT_END, HIGHLIGHT_START


def plain(snippet: str) -> str:
    """The snippet without its markers, on one line (for sorting, tooltips and screen readers)."""
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


def as_html(snippet: str) -> str:
    """Rich text for a snippet: escaped, with each marked stretch in <b>; a stray marker is dropped."""
    out: list[str] = []
    bold = False
    for part in _split(" ".join(snippet.split())):
        if part == HIGHLIGHT_START:
            if not bold:
                out.append("<b>")
                bold = True
        elif part == HIGHLIGHT_END:
            if bold:
                out.append("</b>")
                bold = False
        else:
            out.append(html.escape(part, quote=False))
    if bold:  # a snippet cut inside a match still closes its tag
        out.append("</b>")
    return "".join(out)


def _split(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            if current:
                parts.append("".join(current))
                current = []
            parts.append(ch)
        else:
            current.append(ch)
    if current:
        parts.append("".join(current))
    return parts
