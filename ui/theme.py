"""Verdict colours and marks, chosen once so every view tells verdicts apart the same way.

Colour is never the only cue: each verdict also has a mark (shown in margins, lists and tables)
and an underline style in the article text, so the states stay distinct for colour-blind
reviewers and in both light and dark palettes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

UNREVIEWED = "unreviewed"


@dataclass(frozen=True)
class VerdictStyle:
    name: str
    mark: str  # a glyph shown next to the claim wherever it is listed
    light: str  # highlight background on a light palette
    dark: str  # highlight background on a dark palette
    underline: QTextCharFormat.UnderlineStyle
    key: str  # the shortcut that records it ("" for unreviewed)


STYLES: dict[str, VerdictStyle] = {
    UNREVIEWED: VerdictStyle(UNREVIEWED, "○", "#fff3b0", "#5c5210", QTextCharFormat.UnderlineStyle.DotLine, ""),
    "verified": VerdictStyle("verified", "✓", "#c8efc8", "#1f5a2a", QTextCharFormat.UnderlineStyle.SingleUnderline,
                             "V"),
    "disputed": VerdictStyle("disputed", "✗", "#ffc9c9", "#6e2020", QTextCharFormat.UnderlineStyle.WaveUnderline, "D"),
    "unclear": VerdictStyle("unclear", "?", "#d9d4ff", "#3d3470", QTextCharFormat.UnderlineStyle.DashUnderline, "U"),
}


def is_dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def style_for(verdict: str | None) -> VerdictStyle:
    return STYLES.get(verdict or UNREVIEWED, STYLES[UNREVIEWED])


def background(verdict: str | None) -> QColor:
    s = style_for(verdict)
    return QColor(s.dark if is_dark() else s.light)


def label(verdict: str | None, dismissed: bool = False) -> str:
    """The text shown for a claim's state in tables: mark and word, never colour alone."""
    if dismissed:
        return "– dismissed"
    s = style_for(verdict)
    return f"{s.mark} {s.name}"
