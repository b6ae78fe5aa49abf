"""Telling English from Spanish articles.

The desk only handles English and Spanish, so a full language identifier would be overkill: the
most frequent function words of each language separate the two reliably on any real paragraph,
cost nothing to compute, and need no model files.
"""

from __future__ import annotations

import re

SUPPORTED_LANGUAGES = ("en", "es")

# Function words that are frequent in one language and rare in the other. Words spelt the same in
# both ("a", "no", "me") are left out because they would vote for both sides.
_EN_WORDS = frozenset(
    "the and of to in is that for was on with he she it as said by at from has have are were be "
    "this an not but his her they will which who would been their had its or".split()
)
_ES_WORDS = frozenset(
    "el la de que y en los las del se por un una con su para es al lo como más pero sus le ya fue "
    "este ha sí porque esta son entre está cuando muy sin sobre también dijo hay fueron según".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000  # the opening of an article is plenty and keeps huge inputs cheap


def detect_language(text: str) -> str:
    """Return "es" when Spanish function words outnumber English ones, otherwise "en".

    Ties (including text with no words at all) go to English, the desk's main language.
    """
    en = es = 0
    for match in _WORD.finditer(text[:_SAMPLE_CHARS]):
        word = match.group().lower()
        if word in _EN_WORDS:
            en += 1
        elif word in _ES_WORDS:
            es += 1
    # Inverted punctuation and ñ only occur in Spanish; count them as extra evidence.
    sample = text[:_SAMPLE_CHARS]
    es += sample.count("¿") + sample.count("¡") + sample.lower().count("ñ")
    return "es" if es > en else "en"
