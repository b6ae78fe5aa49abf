"""Turning an article body into its sentences, each scored, attributed and with its dates.

Import and "add claim" both go through here, so a claim typed by the reviewer is analysed exactly
like one proposed from the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from dateutil import parser as date_parser

from factcheck.analysis import claims, dates
from factcheck.analysis import sentences as text
from factcheck.analysis.claims import Score


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
    return SentenceAnalysis(None, None, sentence, score, speaker, dates.find_dates(sentence, reference, language))


def analyse_article(body: str, language: str, reference: dt.date | None) -> list[SentenceAnalysis]:
    """Every sentence, scored and attributed, with the dates inside it.

    Dates are found in one pass over the whole body and handed to the sentence that holds them:
    running every date pattern once per article costs far less than once per sentence, and a
    date never spans a sentence break (one that would is dropped, as per-sentence finding would).
    """
    spans = text.split_sentences(body, language)
    starts = [span.start for span in spans]
    held: list[list[dates.DateMention]] = [[] for _ in spans]
    for m in dates.find_dates(body, reference, language):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= spans[i].end:
            offset = spans[i].start
            held[i].append(dates.DateMention(m.start - offset, m.end - offset, m.text, m.value, m.granularity))
    scored = claims.scores_and_speakers([span.text for span in spans], language)
    return [SentenceAnalysis(span.start, span.end, span.text, score, speaker, found)
            for span, found, (score, speaker) in zip(spans, held, scored, strict=True)]


# What the store writes for one sentence, as plain tuples: they cross process boundaries in a
# batch import, where unpickling dataclasses would cost more than the writing.
SentenceRow = tuple  # (start, end, text, speaker, score, reasons, proposed, dates)
DateRow = tuple  # (start, end, text, value, granularity), offsets relative to the sentence


def as_rows(found: list[SentenceAnalysis]) -> list[SentenceRow]:
    return [
        (s.start, s.end, s.text, s.speaker, s.score.value, tuple(s.score.reasons), s.proposed,
         tuple((m.start, m.end, m.text, m.value, m.granularity) for m in s.dates))
        for s in found
    ]
