"""Telling English from Spanish articles.

The desk only handles English and Spanish, so a full language identifier would be overkill: the
most frequent function words of each language (``FUNCTION_WORDS`` of its file in
factcheck.analysis.languages) separate the two reliably on any real paragraph, cost nothing to
compute, and need no model files.
"""

from __future__ import annotations

import re

from factcheck.analysis.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, vocabulary

__all__ = ["SUPPORTED_LANGUAGES", "detect_language"]


def _votes() -> dict[str, str]:
    """Each function word -> the language it votes for; one listed by two votes for the first."""
    votes: dict[str, str] = {}
    for code in SUPPORTED_LANGUAGES:
        for word in vocabulary(code).FUNCTION_WORDS:
            votes.setdefault(word, code)
    return votes


_VOTES = _votes()
_CHARACTERS = {code: vocabulary(code).DISTINCTIVE_CHARACTERS for code in SUPPORTED_LANGUAGES}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000  # the opening of an article is plenty and keeps huge inputs cheap


def detect_language(text: str) -> str:
    """The supported language whose function words (and characters) the text holds most.

    Ties (including text with no words at all) go to English, the desk's main language.
    """
    sample = text[:_SAMPLE_CHARS]
    counts = dict.fromkeys(SUPPORTED_LANGUAGES, 0)
    for match in _WORD.finditer(sample):
        code = _VOTES.get(match.group().lower())
        if code is not None:
            counts[code] += 1
    lowered = sample.lower()
    for code, characters in _CHARACTERS.items():
        counts[code] += sum(lowered.count(char) for char in characters)
    best = DEFAULT_LANGUAGE
    for code in SUPPORTED_LANGUAGES:
        if counts[code] > counts[best]:
            best = code
    return best
