"""Verdict colours follow the system palette and stay readable in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from factcheck.records import VERDICT_LABELS
from ui import theme


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, window),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text)):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def restore_palette(qapp: QApplication):  # noqa: ANN201
    original = qapp.palette()
    yield qapp
    qapp.setPalette(original)


@pytest.mark.parametrize(("window", "text", "dark"), [("#f6f6f6", "#111111", False), ("#1e1e1e", "#eeeeee", True)])
def test_every_verdict_is_readable_on_both_palettes(restore_palette: QApplication, window: str, text: str,
                                                    dark: bool) -> None:
    restore_palette.setPalette(_palette(window, text))
    assert theme.is_dark() is dark
    for verdict in (None, *VERDICT_LABELS):
        assert _contrast(theme.background(verdict), QColor(text)) >= 4.5, verdict
    marks = {theme.style_for(v).mark for v in (None, *VERDICT_LABELS)}
    underlines = {theme.style_for(v).underline for v in (None, *VERDICT_LABELS)}
    assert len(marks) == len(underlines) == 4  # never told apart by colour alone
