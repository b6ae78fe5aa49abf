"""Turning an article body into its sentences, each scored, attributed and with its dates.

Import and "add claim" both go through here, so a claim typed by the reviewer is analysed exactly
like one proposed from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from factcheck import claims, dates, text
from factcheck.claims import Score
from factcheck.date_patterns import ENGLISH, LANGUAGES


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    start: int | None
    end: int | None
    text: str
    score: Score
    speaker: str | None
    dates: list[dates.DateMention]  # offsets relative to `text`

    @property
    def proposed(self) -> bool:
        return self.score.value >= claims.PROPOSE_THRESHOLD


def reference_date(published: str | dt.date | None) -> dt.date | None:
    """The article's publication day, against which "on Saturday" or "last month" resolve."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return date_parser.isoparse(published).date()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _DateCues:
    """What every date pattern of one language needs in a sentence before it can match.

    Most sentences hold no date, yet finding that out runs every date pattern over them; one
    search for the cues settles most of them. Every pattern of factcheck.date_patterns needs an
    ASCII digit or one of the cue words spelt as the pattern spells it, so a sentence without
    any is given no dates without asking find_dates. A benchmark test checks this against
    find_dates on real English and Spanish text (tests/benchmarks/test_analysis_speed.py).
    """

    pattern: re.Pattern[str] | None  # None: no cues known, every sentence goes to find_dates
    lowercase: bool  # match against the lower-cased sentence (patterns that accept any case)

    def may_hold_date(self, sentence: str) -> bool:
        """False only when ``dates.find_dates`` certainly finds no date in ``sentence``."""
        if self.pattern is None:
            return True
        return self.pattern.search(sentence.lower() if self.lowercase else sentence) is not None


def _cues(words: tuple[str, ...], lowercase: bool) -> _DateCues:
    return _DateCues(re.compile(text.word_alternation(words + tuple("0123456789"))), lowercase)


_DATE_CUES = {
    # English patterns are case-sensitive: the cues are searched as written.
    "en": _cues(
        (
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",  # months
            "day",  # Monday ... Sunday, today, yesterday, the day before, the previous day
            "tomorrow", "Tomorrow",
            "month", "year",  # this / last / next month or year
            "ago", "earlier",  # two days ago, a year earlier
        ),
        lowercase=False,
    ),
    # Spanish patterns accept lower-case, capitalised and upper-case forms: the cues are
    # searched in the lower-cased sentence.
    "es": _cues(
        (
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "setiembre", "octubre", "noviembre", "diciembre",
            "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
            "hoy", "ayer", "antier", "mañana", "anterior", "víspera",  # anteayer, antes de ayer, el día anterior
            "mes", "año",  # el mes pasado, este año
            "hace",  # hace dos días
        ),
        lowercase=True,
    ),
}
_NO_CUES = _DateCues(None, lowercase=False)


def _date_cues(language: str) -> _DateCues:
    """The cues for the date patterns that ``dates.find_dates`` uses for ``language``."""
    patterns = LANGUAGES.get((language or "en")[:2].lower(), ENGLISH)  # as find_dates picks them
    return _DATE_CUES.get(patterns.code, _NO_CUES)


def _analyse(
    sentence: str, start: int | None, end: int | None, language: str, reference: dt.date | None, cues: _DateCues
) -> SentenceAnalysis:
    score, speaker = claims.score_and_speaker(sentence, language)
    found = dates.find_dates(sentence, reference, language) if cues.may_hold_date(sentence) else []
    return SentenceAnalysis(start, end, sentence, score, speaker, found)


def analyse_claim(sentence: str, language: str, reference: dt.date | None) -> SentenceAnalysis:
    return _analyse(sentence, None, None, language, reference, _date_cues(language))


def analyse_article(body: str, language: str, reference: dt.date | None) -> list[SentenceAnalysis]:
    cues = _date_cues(language)
    return [
        _analyse(span.text, span.start, span.end, language, reference, cues)
        for span in text.split_sentences(body, language)
    ]
