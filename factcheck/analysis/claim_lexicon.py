"""What the words of a sentence mean to the claim scorer: each language's lexicon and its cue index.

The scorer (factcheck.analysis.claims) looks words up rather than running large regular
expressions. This module gathers what it looks up from the language files
(factcheck.analysis.languages: months, number words, speech verbs, policy topics, ...) into one
lexicon per language and, built from it once at import, a per-language index that tells in one
lookup what a word means to every rule, as a set of cue bits. The index also marks the words
every match of factcheck.analysis.speaker's speech-verb search contains: that lets the scorer
tell, for free, which sentences cannot name a speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analysis.languages import SUPPORTED_LANGUAGES, vocabulary

if TYPE_CHECKING:
    from factcheck.analysis.languages.vocabulary import Vocabulary


def _pairs(phrases: Iterable[str]) -> frozenset[tuple[str, str]]:
    """``["more than", "in history"]`` -> {("more", "than"), ("in", "history")}."""
    return frozenset(tuple(p.split(" ", 1)) for p in phrases)  # type: ignore[misc]


def _around(units: Iterable[str], before: Iterable[str], after: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Word pairs of a time unit with a word before it ("last month") or after it ("years ago")."""
    units = tuple(units)
    return frozenset([(b, u) for b in before for u in units] + [(u, a) for u in units for a in after])


def _written(words: Iterable[str]) -> frozenset[str]:
    """``words`` as written and capitalised, as they may open a sentence."""
    return frozenset(form for word in words for form in (word, word[:1].upper() + word[1:]))


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, lowercase unless said otherwise."""

    months: frozenset[str]  # compared with the token as written (English months are capitalised)
    date_words: frozenset[str]  # days of the week, "yesterday"
    date_pairs: frozenset[tuple[str, str]]  # "last month", "years ago", "meses pasados"
    number_words: frozenset[str]
    comparison_words: frozenset[str]
    comparison_pairs: frozenset[tuple[str, str]]
    say_words: frozenset[str]
    say_pairs: frozenset[tuple[str, str]]
    opinion_words: frozenset[str]
    opinion_pairs: frozenset[tuple[str, str]]
    topic_words: frozenset[str]
    action_words: frozenset[str]
    hedge_words: frozenset[str]


def _lexicon(lang: Vocabulary) -> Lexicon:
    sources = lang.SOURCE_PHRASES
    return Lexicon(
        months=_written([*lang.MONTHS, *lang.CLAIM_MONTH_ABBREVIATIONS]),
        date_words=frozenset([*(day.lower() for day in lang.WEEKDAYS), *lang.WEEKDAY_PLURALS, *lang.TIME_WORDS]),
        date_pairs=_around(lang.TIME_UNITS, before=lang.TIME_UNIT_BEFORE, after=lang.TIME_UNIT_AFTER),
        # "one" (and "a") are too common to signal a figure; two and more count something.
        number_words=frozenset([*(word for word, n in lang.NUMBERS.items() if n > 1), *lang.QUANTITY_WORDS]),
        comparison_words=frozenset(lang.COMPARISON_WORDS),
        comparison_pairs=_pairs(lang.COMPARISON_PHRASES),
        say_words=frozenset(
            [*lang.SPEECH_VERBS, *(p for p in sources if " " not in p), *lang.SPEECH_PARTICIPLES]
        ),
        say_pairs=_pairs(p for p in sources if " " in p),
        opinion_words=frozenset(lang.OPINION_WORDS),
        opinion_pairs=_pairs(lang.OPINION_PHRASES),
        topic_words=frozenset(lang.TOPIC_WORDS),
        action_words=frozenset(lang.ACTION_WORDS),
        hedge_words=frozenset(lang.HEDGE_WORDS),
    )


LEXICONS = {code: _lexicon(vocabulary(code)) for code in SUPPORTED_LANGUAGES}
ENGLISH_LEXICON = LEXICONS["en"]


# What a word or a word pair tells the rules that look words up. The scorer looks each
# distinct word of a sentence up once and collects these bits, instead of one set operation per
# rule and word list.
DATE_CUE = 1 << 0
NUMBER_CUE = 1 << 1
COMPARISON_CUE = 1 << 2
SAY_CUE = 1 << 3
OPINION_CUE = 1 << 4
TOPIC_CUE = 1 << 5
ACTION_CUE = 1 << 6
HEDGE_CUE = 1 << 7
MONTH_CUE = 1 << 8  # the lowercase form of a month name; the token as written decides
PAIR_START = 1 << 9  # the first word of a pair in one of the pair lists
SPEECH_CUE = 1 << 10  # a word that find_speaker's speech-verb search needs (see speaker.may_attribute)


@dataclass(frozen=True)
class Index:
    """A lexicon by word: each word's bits, and the bits of the pairs a word starts."""

    vocabulary: frozenset[str]  # every word with bits, to intersect with a sentence's words
    word_bits: dict[str, int]
    pair_starts: frozenset[str]
    pair_bits: dict[str, dict[str, int]]  # first word -> second word -> bits


def _index(lex: Lexicon, speech_cues: frozenset[str]) -> Index:
    word_bits: dict[str, int] = {}
    pair_bits: dict[str, dict[str, int]] = {}

    def mark(table: dict[str, int], word: str, bit: int) -> None:
        table[word] = table.get(word, 0) | bit

    for bit, words in (
        (DATE_CUE, lex.date_words),
        (NUMBER_CUE, lex.number_words),
        (COMPARISON_CUE, lex.comparison_words),
        (SAY_CUE, lex.say_words),
        (OPINION_CUE, lex.opinion_words),
        (TOPIC_CUE, lex.topic_words),
        (ACTION_CUE, lex.action_words),
        (HEDGE_CUE, lex.hedge_words),
        (MONTH_CUE, frozenset(month.lower() for month in lex.months)),
        (SPEECH_CUE, speech_cues),
    ):
        for word in words:
            mark(word_bits, word, bit)
    for bit, pairs in (
        (DATE_CUE, lex.date_pairs),
        (COMPARISON_CUE, lex.comparison_pairs),
        (SAY_CUE, lex.say_pairs),
        (OPINION_CUE, lex.opinion_pairs),
    ):
        for first, second in pairs:
            mark(word_bits, first, PAIR_START)
            mark(word_bits, second, 0)  # in the vocabulary, so that a sentence's hits show it
            mark(pair_bits.setdefault(first, {}), second, bit)
    return Index(frozenset(word_bits), word_bits, frozenset(pair_bits), pair_bits)


def cue_bits(low: list[str], joined: str, index: Index) -> int:
    """The bits of the lowercase tokens ``low`` (joined by spaces in ``joined``) and their pairs."""
    hits = index.vocabulary.intersection(low)
    word_bits = index.word_bits
    bits = 0
    for word in hits:
        bits |= word_bits[word]
    if bits & PAIR_START:
        last = len(low) - 1
        for first in index.pair_starts.intersection(hits):
            seconds = index.pair_bits[first]
            if seconds.keys().isdisjoint(hits):
                continue  # no word that would complete a pair: no need to find where they stand
            i = -1
            for _ in range(low.count(first)):
                i = low.index(first, i + 1)
                if i < last:
                    bits |= seconds.get(low[i + 1], 0)
    if "'" in joined:  # a speech verb is a whole run of word characters: "o'said" holds one
        for word in low:
            if "'" in word:
                for run in word.split("'"):
                    bits |= word_bits.get(run, 0) & SPEECH_CUE
    return bits


def _speech_cues(lang: Vocabulary) -> frozenset[str]:
    """Words one of which every match of the language's speech-verb search (speaker._SPEECH_VERB)
    contains whole, lower-cased: a sentence with none of them names no speaker."""
    return frozenset(
        [
            *lang.SPEECH_VERBS,
            *lang.SPEAKER_ONLY_SPEECH_VERBS,
            *(phrase.split(" ")[0] for phrase in lang.SOURCE_PHRASES),
            *lang.SPEECH_PARTICIPLES,
            *lang.SPEAKER_ONLY_PARTICIPLES,
        ]
    )


_SPEECH_CUES = {code: _speech_cues(vocabulary(code)) for code in SUPPORTED_LANGUAGES}

# Each language's index, built once at import; it marks the speech verbs too.
INDEXES = {lang: _index(lex, _SPEECH_CUES[lang]) for lang, lex in LEXICONS.items()}

