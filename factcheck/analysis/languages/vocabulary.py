"""What every language file defines, and which part of the analysis reads it.

A language file (``en.py``, ``es.py``) is plain data: each name below, even when a language has
nothing for it (an empty tuple or dict). Words are lowercase unless said otherwise; a phrase's
words are separated by single spaces and match any whitespace. Type checkers hold the files to
this description (read-only properties, so that a file's tuple of two words fits "tuple[str, ...]"),
and tests/test_languages.py checks that every file defines all of it.
"""

# The members are the language files' module constants, so they keep their constant names.
# ruff: noqa: N802

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class Vocabulary(Protocol):
    """The words of one language, grouped by the part of the analysis that reads them."""

    # --- calendar: the date finder, the claim scorer, the speaker search, the front-matter reader
    # Names as normally written (English capitalises them) -> 1..12.
    @property
    def MONTHS(self) -> Mapping[str, int]: ...
    @property
    def MONTH_ABBREVIATIONS(self) -> Mapping[str, int]: ...
    # Names as normally written -> 0 (Monday) .. 6 (Sunday).
    @property
    def WEEKDAYS(self) -> Mapping[str, int]: ...
    @property
    def WEEKDAY_ABBREVIATIONS(self) -> Mapping[str, int]: ...
    # Other spellings of a weekday name ("sabado" without its accent).
    @property
    def WEEKDAY_VARIANTS(self) -> Mapping[str, int]: ...
    # Words that join the parts of a date ("3 de mayo de 2025").
    @property
    def DATE_LINKS(self) -> tuple[str, ...]: ...
    # Number words the date finder counts with ("two days ago") -> their value.
    @property
    def NUMBERS(self) -> Mapping[str, int]: ...

    # --- the date finder (date_patterns, dates)
    # "yesterday" -> -1: days counted from the reference date.
    @property
    def RELATIVE_DAYS(self) -> Mapping[str, int]: ...
    # Those of RELATIVE_DAYS with a rule of their own in date_patterns (see there).
    @property
    def GUARDED_RELATIVE_DAYS(self) -> tuple[str, ...]: ...
    # Words before a month or weekday -> the direction they give ("last", "next", "this"), or
    # "" for words that only belong to the mention ("late Saturday").
    @property
    def DATE_MODIFIERS(self) -> Mapping[str, str]: ...
    # Before a month or a year, these make a date of it ("in May", "since 2020").
    @property
    def DATE_PREPOSITIONS(self) -> tuple[str, ...]: ...
    # Weaker context ("to April"): enough for a month name, not for an ambiguous one ("May").
    @property
    def WEAK_DATE_PREPOSITIONS(self) -> tuple[str, ...]: ...
    # Regex fragments, each matched as whole words, that put what follows in the future.
    @property
    def FUTURE_MARKERS(self) -> tuple[str, ...]: ...
    # Before a month or weekday, these make it a habit, no single date ("every July").
    @property
    def HABITUAL_WORDS(self) -> tuple[str, ...]: ...
    # Before a four-digit number, these make it an amount ("about 1500").
    @property
    def AMOUNT_WORDS(self) -> tuple[str, ...]: ...
    # Before a year, these belong to the mention ("fiscal 1989", "mid-1996").
    @property
    def YEAR_MODIFIERS(self) -> tuple[str, ...]: ...
    # Before a relative day or "this year", these belong to the mention ("late yesterday").
    @property
    def DAY_MODIFIERS(self) -> tuple[str, ...]: ...
    # "the end of May": parts of a period that make a date of the month after "of".
    @property
    def PERIOD_WORDS(self) -> tuple[str, ...]: ...
    # Before "mañana", these make it "the morning" rather than "tomorrow".
    @property
    def MORNING_WORDS(self) -> tuple[str, ...]: ...
    # Before a weekday, these make a single day of it ("el lunes", not "los lunes").
    @property
    def WEEKDAY_ARTICLES(self) -> tuple[str, ...]: ...

    # --- the claim scorer (claim_lexicon, claims)
    # The abbreviations the scorer takes for a month wherever they stand (the date finder, which
    # reads the context, takes every one of MONTH_ABBREVIATIONS).
    @property
    def CLAIM_MONTH_ABBREVIATIONS(self) -> tuple[str, ...]: ...
    @property
    def WEEKDAY_PLURALS(self) -> tuple[str, ...]: ...
    # Words that place a statement in time besides weekdays ("yesterday").
    @property
    def TIME_WORDS(self) -> tuple[str, ...]: ...
    # A time unit with a word before it ("last month") or after it ("years ago") is a date cue.
    @property
    def TIME_UNITS(self) -> tuple[str, ...]: ...
    @property
    def TIME_UNIT_BEFORE(self) -> tuple[str, ...]: ...
    @property
    def TIME_UNIT_AFTER(self) -> tuple[str, ...]: ...
    # Besides NUMBERS above one: words that state a quantity ("million", "percent").
    @property
    def QUANTITY_WORDS(self) -> tuple[str, ...]: ...
    @property
    def COMPARISON_WORDS(self) -> tuple[str, ...]: ...
    # two words each
    @property
    def COMPARISON_PHRASES(self) -> tuple[str, ...]: ...
    # Word openings and endings that make a comparison ("aument-", "-ísimo").
    @property
    def COMPARISON_STEMS(self) -> tuple[str, ...]: ...
    @property
    def SUPERLATIVE_SUFFIXES(self) -> tuple[str, ...]: ...
    # Words that end like a superlative and are none ("interest", "protest").
    @property
    def NOT_SUPERLATIVES(self) -> tuple[str, ...]: ...
    @property
    def OPINION_WORDS(self) -> tuple[str, ...]: ...
    # two words each
    @property
    def OPINION_PHRASES(self) -> tuple[str, ...]: ...
    @property
    def TOPIC_WORDS(self) -> tuple[str, ...]: ...
    @property
    def ACTION_WORDS(self) -> tuple[str, ...]: ...
    @property
    def HEDGE_WORDS(self) -> tuple[str, ...]: ...
    # Capitalised words that name no person or body ("I", "Mr").
    @property
    def NOT_NAMES(self) -> tuple[str, ...]: ...
    # How a caption or credit line opens ("photo:"), and text that only captions hold (as written).
    @property
    def CAPTION_OPENINGS(self) -> tuple[str, ...]: ...
    @property
    def CAPTION_MARKERS(self) -> tuple[str, ...]: ...

    # --- attribution: the speaker search (speaker) and the claim scorer
    # Speech verbs, each a whole word: the scorer counts them as attribution, the speaker search
    # looks for a name next to them.
    @property
    def SPEECH_VERBS(self) -> tuple[str, ...]: ...
    # Verbs the speaker search takes, next to a name only; the scorer does not count them.
    @property
    def SPEAKER_ONLY_SPEECH_VERBS(self) -> tuple[str, ...]: ...
    # Phrases that name their source after them ("according to the FBI"), often opening a sentence.
    @property
    def SOURCE_PHRASES(self) -> tuple[str, ...]: ...
    # Participles that attribute after one of the auxiliaries ("ha dicho").
    @property
    def SPEECH_AUXILIARIES(self) -> tuple[str, ...]: ...
    @property
    def SPEECH_PARTICIPLES(self) -> tuple[str, ...]: ...
    @property
    def SPEAKER_ONLY_PARTICIPLES(self) -> tuple[str, ...]: ...
    # Words between a name and its verb that do not break the attribution ("Trump also said").
    @property
    def BETWEEN_NAME_AND_VERB(self) -> tuple[str, ...]: ...
    # A name with one of these words is a body, named in full ("National Security Council").
    @property
    def ORGANISATION_WORDS(self) -> tuple[str, ...]: ...
    # Capitalised words that cannot be a speaker on their own: pronouns, titles, openers.
    @property
    def NOT_SPEAKERS(self) -> tuple[str, ...]: ...
    @property
    def DEFINITE_ARTICLES(self) -> tuple[str, ...]: ...

    # --- the language detector (language)
    # Frequent words of this language that are rare in the others.
    @property
    def FUNCTION_WORDS(self) -> tuple[str, ...]: ...
    # Characters only this language writes, counted as extra evidence (compared lower-cased).
    @property
    def DISTINCTIVE_CHARACTERS(self) -> tuple[str, ...]: ...
