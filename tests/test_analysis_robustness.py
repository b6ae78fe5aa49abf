"""Whatever text arrives, analysing it never fails: one odd character must not block an import."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from factcheck.analysis import claims
from factcheck.analysis.article import analyse_article

ODD = "aA1²³¹٣۳𝟚 .,;:!?¿¡\"'“”‘’()[]-–—/\n\r\t\u2028\u00a0ñéÉ€$%#@&*0123456789"
WORDS = ["said", "dijo", "según", "May", "February", "19", "2025", "³201", "２０２５", "U.S.", "Dr.", "...", "\n"]
REFERENCE = dt.date(2025, 5, 3)

# 2025 in the decimal digits of other scripts: Arabic-Indic, Persian, full-width, mathematical.
OTHER_DIGITS = ["٢٠٢٥", "۲۰۲۵", "２０２５", "𝟚𝟘𝟚𝟝"]
SUPERSCRIPT = "²⁰²⁵"  # no decimal digits at all, though str.isdigit says so


def _has_other_digit(text: str) -> bool:
    return any(char.isdigit() and not char.isascii() for char in text)


@pytest.mark.parametrize("digits", OTHER_DIGITS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_figure_in_other_digits_is_a_number_but_never_a_year(digits: str, language: str) -> None:
    [sentence] = analyse_article(f"In {digits} the council spent {digits} pesos.", language, REFERENCE)
    assert claims.NUMBER in sentence.score.reasons
    assert claims.DATE not in sentence.score.reasons
    assert sentence.dates == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_superscript_digits_are_never_a_year(language: str) -> None:
    [sentence] = analyse_article(f"In {SUPERSCRIPT} the council met.", language, REFERENCE)
    assert claims.DATE not in sentence.score.reasons
    assert sentence.dates == []


@pytest.mark.parametrize("digits", [*OTHER_DIGITS, SUPERSCRIPT])
@pytest.mark.parametrize(
    "template, language, day",
    [
        ("It happened on May 3, {}.", "en", "May 3"),
        ("Ocurrió el 3 de mayo de {}.", "es", "3 de mayo"),
        ("Filed on {}-05-03.", "en", None),
        ("Presentado el 3/5/{}.", "es", None),
    ],
)
def test_a_date_whose_year_is_in_other_digits_keeps_only_its_day_and_month(
    digits: str, template: str, language: str, day: str | None
) -> None:
    """The year is not read, so the day and month resolve like any year-less date, or not at all."""
    text = template.format(digits)
    for reference, value in ((REFERENCE, "2025-05-03"), (None, None)):
        [sentence] = analyse_article(text, language, reference)
        assert text[sentence.start:sentence.end] == sentence.text
        assert [(m.text, m.value) for m in sentence.dates] == ([(day, value)] if day else [])
        assert not any(_has_other_digit(m.text) for m in sentence.dates)


@pytest.mark.parametrize("language", ["en", "es"])
def test_random_text_is_analysed_with_exact_offsets(language: str) -> None:
    rng = random.Random(2025)
    for i in range(1500):
        text = "".join(rng.choice(ODD) if rng.random() < 0.7 else rng.choice(WORDS) + " "
                       for _ in range(rng.randrange(0, 60)))
        for s in analyse_article(text, language, dt.date(2025, 5, 3) if i % 2 else None):
            assert text[s.start:s.end] == s.text
            assert 0.0 <= s.score.value <= 1.0
            for m in s.dates:
                assert s.text[m.start:m.end] == m.text
