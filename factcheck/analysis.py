"""Turning an article body into its sentences, each scored, attributed and with its dates.

Import and "add claim" both go through here, so a claim typed by the reviewer is analysed exactly
like one proposed from the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil import parser as date_parser

from factcheck import claims, dates, text
from factcheck.claims import Score


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


def analyse_claim(sentence: str, language: str, reference: dt.date | None) -> SentenceAnalysis:
    score, speaker = claims.score_and_speaker(sentence, language)
    return SentenceAnalysis(
        start=None,
        end=None,
        text=sentence,
        score=score,
        speaker=speaker,
        dates=dates.find_dates(sentence, reference, language),
    )


def analyse_article(body: str, language: str, reference: dt.date | None) -> list[SentenceAnalysis]:
    result = []
    for span in text.split_sentences(body, language):
        found = analyse_claim(span.text, language, reference)
        result.append(
            SentenceAnalysis(span.start, span.end, span.text, found.score, found.speaker, found.dates)
        )
    return result
