"""Whatever text arrives, analysing it never fails: one odd character must not block an import."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from factcheck.analysis.article import analyse_article

ODD = "aA1²³¹٣۳𝟚 .,;:!?¿¡\"'“”‘’()[]-–—/\n\r\t\u2028\u00a0ñéÉ€$%#@&*0123456789"
WORDS = ["said", "dijo", "según", "May", "February", "19", "2025", "³201", "２０２５", "U.S.", "Dr.", "...", "\n"]


def test_digits_that_are_not_ascii_are_not_years() -> None:
    [sentence] = analyse_article("In ³201 the council spent ２０２５ pesos, the mayor said.", "en", dt.date(2025, 5, 3))
    assert sentence.text.startswith("In ³201")


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
