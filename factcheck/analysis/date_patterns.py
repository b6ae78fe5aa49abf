"""What date expressions look like, per language: the regular expressions, built from the words.

Finding and resolving are kept apart: this module knows what a date expression looks like,
``factcheck.analysis.dates`` knows what it means. The words themselves (month and weekday names,
number words, modifiers, prepositions, future markers) come from the language files
(factcheck.analysis.languages); what stays here is how they combine.

Every pattern starts with a word that can only belong to a date (a month or weekday name,
"yesterday", "hace", a four-digit number), spelt out in its lower-case and capitalised forms
as a prefix tree. A pattern that opens with literal text lets the regex engine skip ahead to
candidate positions instead of trying a case-insensitive alternation at every character, which
makes a full scan of an article several times faster. The two exceptions, years read aloud
("nineteen ninety-six") and year phrases ("the current fiscal year"), open with common letters
and so are scanned only in a text that holds one of their hints (``Rule.hints``), a substring
test that costs far less than the scan. The words that come *before* the anchor
("on", "in", "late", "el pasado") are read backwards from a match by the context readers at the
end of this module, for the same reason.

Each pattern has a named group ``m``, the core of the mention; the resolver may widen it to the
left to take in a modifier ("late Saturday").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dateutil import parser

from factcheck.analysis.alternation import alternation
from factcheck.analysis.languages import en, es
from factcheck.analysis.languages.dateutil_names import merged, month_names, weekday_names


class EnglishParserInfo(parser.parserinfo):
    """dateutil's English vocabulary, with any name the English file adds."""

    MONTHS = merged(parser.parserinfo.MONTHS, month_names(en))
    WEEKDAYS = merged(parser.parserinfo.WEEKDAYS, weekday_names(en))


class SpanishParserInfo(parser.parserinfo):
    """dateutil vocabulary for Spanish dates ("2 de abril de 2025", "sábado 3 de mayo")."""

    JUMP = [*parser.parserinfo.JUMP, *es.DATE_LINKS, "el", "la"]
    MONTHS = month_names(es)
    WEEKDAYS = weekday_names(es)

    def __init__(self) -> None:
        super().__init__(dayfirst=True)


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern and the name of the resolver in ``factcheck.analysis.dates`` that gives it a value."""

    kind: str
    regex: re.Pattern[str]
    # Substrings one of which every match contains: a text with none of them is not scanned,
    # for the patterns whose first characters are too common to let the engine skip ahead.
    hints: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    """Everything language specific: patterns, dateutil vocabulary and the context words."""

    code: str
    info: parser.parserinfo
    rules: tuple[Rule, ...]
    # Words that may precede a month or a weekday, with the direction they give ("last",
    # "next", "this"), or "" for those that only belong to the mention ("late Saturday").
    modifiers: Mapping[str, str]
    # Words before a month or a year that make a date of it ("in May", "since 2020").
    strong_prepositions: frozenset[str]
    # Weaker context ("to April", "of 1990"): enough for a month name, not for "May".
    weak_prepositions: frozenset[str]
    day_offsets: Mapping[str, int]
    numbers: Mapping[str, int]
    # Read backwards from a match: "2 " before "April", "Saturday, " before "April 25",
    # "two days " before "ago".
    day_before: re.Pattern[str]
    weekday_before: re.Pattern[str]
    # Words that put the rest of a sentence in the future ("will", "payable", "se reunirá").
    future: re.Pattern[str]
    # Verbs in the past ("met", "was"), speech verbs aside.
    past: re.Pattern[str]
    ago_before: re.Pattern[str] | None = None
    # Number words of a spoken year ("nineteen ninety-six"), and the phrases of a year relative
    # to the reference's ("year-ago") with the guarded ones and the words that guard them.
    spoken_year_numbers: Mapping[str, int] = field(default_factory=dict)
    year_phrases: Mapping[str, int] = field(default_factory=dict)
    guarded_year_phrases: frozenset[str] = frozenset()
    year_end_prepositions: frozenset[str] = frozenset()


def _words(*words: str, upper: bool = False) -> str:
    """A regex matching ``words`` as written and capitalised (and in capitals if ``upper``).

    Built as a prefix tree ("t(?:oday|omorrow)"), not a flat list: the engine then checks one
    branch per position instead of every word, which keeps scanning a long article cheap.
    A space in a phrase matches any run of whitespace.
    """
    return alternation(
        {form for word in words for form in (word, word[:1].upper() + word[1:], *([word.upper()] if upper else []))}
    )


def _english_months() -> str:
    """English month names, capitalised only, and their abbreviations with or without a full stop.

    A full stop is part of an abbreviation only ("Sept.", not the "June." ending a sentence),
    which the check after the names makes sure of.
    """
    names = [*en.MONTHS, *en.MONTH_ABBREVIATIONS, *(f"{abbreviation}." for abbreviation in en.MONTH_ABBREVIATIONS)]
    return rf"(?P<mon>{alternation(names)}(?:(?<=\.)|\b))"


def _rules(*specs: tuple[str, str] | tuple[str, str, tuple[str, ...]]) -> tuple[Rule, ...]:
    return tuple(Rule(spec[0], re.compile(spec[1]), *spec[2:]) for spec in specs)


def _future(markers: tuple[str, ...]) -> re.Pattern[str]:
    """Any of a language's future markers, as whole words."""
    return re.compile(rf"\b(?:{'|'.join(markers)})\b")


def _past(markers: tuple[str, ...], speech_verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Any of a language's past markers, as whole words, except its speech verbs."""
    return re.compile(rf"\b(?!(?:{'|'.join(speech_verbs)})\b)(?:{'|'.join(markers)})\b")


# --- shared pieces ----------------------------------------------------------------------------

# A day of the month, not the start of a bigger number, a time ("2:30") or a percentage.
_DAY = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?![0-9%])(?![.,:][0-9])"
# A four-digit year, not part of an amount ("2025.5", "2,0255"), a decade ("1990s") or a
# malformed ISO date ("2025-02-30").
_YEAR = r"(?P<year>1[6-9][0-9]{2}|20[0-9]{2})(?![0-9%])(?![.,][0-9])(?!s\b)(?!'s\b)(?!-[0-9]{1,2}-[0-9])"
# The same for a month and year ("April 2025"), in a pattern that also has a full date.
_MONTH_YEAR = _YEAR.replace("?P<year>", "?P<month_year>")
_ISO = r"(?P<m>(?P<year>[12][0-9]{3})-(?P<mo>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01]))(?![0-9-])"
# "[0-9][0-9]?" rather than "[0-9]{1,2}": a pattern that opens with a character set lets the
# engine skip straight to the digits.
_SLASH = r"(?P<m>(?P<a>[0-9][0-9]?)/(?P<b>[0-9][0-9]?)/(?P<year>[12][0-9]{3}))(?![\w/])"
_YEAR_ALONE = rf"(?P<m>{_YEAR})"


def _spoken_year(numbers: Mapping[str, int]) -> str:
    """A year as read aloud in broadcast transcripts, without named groups: "nineteen ninety-six",
    "nineteen oh five", "eighteen hundred", "twenty twenty-five", "two thousand (and) eight".

    The resolver works out the value from the words; what follows must not make it a bigger
    number ("nineteen ninety-six hundred", "two thousand five hundred") or an amount ("two
    thousand percent").
    """
    units = _words(*(w for w, n in numbers.items() if n < 10))
    teens = _words(*(w for w, n in numbers.items() if 10 <= n < 20))
    tens = _words(*(w for w, n in numbers.items() if n >= 20 and n % 10 == 0))
    centuries = _words(*(w for w, n in numbers.items() if 16 <= n <= 20))
    two_digits = rf"(?:{tens}(?:[- ]{units}\b)?|{teens})\b"
    return (
        rf"(?:{centuries}\s+(?:{two_digits}|oh[- ]{units}\b|hundred\b)"
        rf"|[Tt]wo\s+thousand\b(?:\s+(?:and\s+)?(?:{two_digits}|{units}\b))?)"
        rf"(?![- ]+(?:and\s+)?(?:{_words(*numbers)}|hundred|thousand|million|billion|percent|per\s+cent)\b)(?!-)"
    )


# --- English -------------------------------------------------------------------------------------

# Capitalised only: lower-case "may", "march" and "august" are ordinary words. Written as a
# prefix tree ("Jan(?:\.|uary)?"), which scans about ten times faster than a flat list of names.
_MONTH_EN = _english_months()
_WEEKDAYS_EN = "|".join(en.WEEKDAYS)
_SPOKEN_YEAR_EN = _spoken_year(en.SPOKEN_YEAR_NUMBERS)
_DAYS_EN = [day for day in en.RELATIVE_DAYS if day not in en.GUARDED_RELATIVE_DAYS]

_ENGLISH_RULES = _rules(
    ("iso", _ISO),
    ("slash", _SLASH),
    # April 2, 2025 / Sept. 30 / April 2nd / April 2025 / March of 1996 / June last year /
    # and the month alone, whose context the resolver checks ("in January", not "April Ryan").
    # A day before the month ("2 April 2025") is read by the resolver (Language.day_before).
    (
        "month",
        rf"(?P<m>{_MONTH_EN}(?:\s+(?:the\s+)?{_DAY}(?:st|nd|rd|th)?\b(?:,?\s+(?:of\s+)?{_YEAR})?"
        rf"|,?\s+(?:of\s+)?{_MONTH_YEAR}|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year\b"
        rf"|,?\s+(?P<spoken_year>{_SPOKEN_YEAR_EN})|(?!,?\s*[0-9])))",
    ),
    ("weekday", rf"(?P<m>(?P<wd>{_WEEKDAYS_EN})\b)(?!s\b)"),
    (
        "relative_day",
        rf"(?P<m>(?P<rel>{_words(*_DAYS_EN)}))\b",
    ),
    # "the day before the election" is not the day before publication: nothing may follow that
    # it could be relative to.
    (
        "relative_day",
        rf"(?P<m>(?P<rel>{_words(*en.GUARDED_RELATIVE_DAYS)}))\b"
        r"(?!\s+(?:the|a|an|his|her|their|its|our|my|your|this|that|he|she|they|it|we|I|[A-Z0-9]))",
    ),
    ("relative_unit", rf"(?P<m>(?P<rmod>{_words('this', 'last', 'next')})\s+(?P<unit>month|year))\b"),
    # two days ago: anchored on "ago", the quantity is read backwards (Language.ago_before)
    ("ago", r"(?P<m>ago|earlier)\b"),
    ("year", _YEAR_ALONE),
    # Sixteen to nineteen, twenty or two thousand, and a space, open every spoken year.
    ("spoken_year", rf"(?P<m>{_SPOKEN_YEAR_EN})", ("teen ", "wenty ", "thousand")),
    # Not before a year of its own ("the full year 2024" is 2024, which the year rule reads).
    ("year_phrase", rf"\b(?P<m>{_words(*en.YEAR_PHRASES)})\b(?!-)(?!,?\s+[12][0-9]{{3}}\b)", ("year", "Year")),
)

ENGLISH = Language(
    code="en",
    info=EnglishParserInfo(),
    rules=_ENGLISH_RULES,
    modifiers=dict(en.DATE_MODIFIERS),
    strong_prepositions=frozenset(en.DATE_PREPOSITIONS),
    weak_prepositions=frozenset(en.WEAK_DATE_PREPOSITIONS),
    day_offsets=dict(en.RELATIVE_DAYS),
    numbers=dict(en.NUMBERS),
    day_before=re.compile(rf"(?<![\w.,$/]){_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?\Z"),
    weekday_before=re.compile(rf"(?:{_WEEKDAYS_EN}),?\s+(?:the\s+)?\Z"),
    future=_future(en.FUTURE_MARKERS),
    past=_past(en.PAST_MARKERS, en.SPEECH_VERBS),
    ago_before=re.compile(
        rf"\b(?P<num>{_words(*en.NUMBERS)}|[1-9][0-9]?)\s+(?P<unit>day|week|month|year)s?\s+\Z"
    ),
    spoken_year_numbers=dict(en.SPOKEN_YEAR_NUMBERS),
    year_phrases=dict(en.YEAR_PHRASES),
    guarded_year_phrases=frozenset(en.GUARDED_YEAR_PHRASES),
    year_end_prepositions=frozenset(en.YEAR_END_PREPOSITIONS),
)

# --- Spanish -------------------------------------------------------------------------------------

_MONTH_ES = rf"(?P<mon>{_words(*es.MONTHS, upper=True)})\b"
_WEEKDAYS_ES = _words(*es.WEEKDAYS, *es.WEEKDAY_VARIANTS)
_WEEKDAY_ES = rf"(?P<wd>{_WEEKDAYS_ES})\b"
_NEXT_ES = r"pr[óo]ximo|que\s+viene|entrante"
_DAYS_ES = [day for day in es.RELATIVE_DAYS if day not in es.GUARDED_RELATIVE_DAYS]

_SPANISH_RULES = _rules(
    ("iso", _ISO),
    ("slash", _SLASH),
    # abril de 2025 / marzo pasado / and the month alone, whose context the resolver checks;
    # a day before the month ("2 de abril de 2025", "1º de mayo") is read by the resolver.
    (
        "month",
        rf"(?P<m>{_MONTH_ES}(?:\s+(?:de|del)\s+{_MONTH_YEAR}|\s+(?P<after>pasado|{_NEXT_ES})"
        r"|(?!\s+(?:de|del)\s+[0-9])))",
    ),
    ("weekday", rf"(?P<m>{_WEEKDAY_ES}(?:\s+(?P<after>pasado|{_NEXT_ES}))?)"),
    (
        "relative_day",
        rf"(?P<m>(?P<rel>{_words(*_DAYS_ES)}))\b(?!\s+de\b)",
    ),
    # "mañana" is "tomorrow" unless it is "the morning" ("la mañana", "mañana del sábado");
    # the resolver checks the word before it.
    ("relative_day", rf"(?P<m>(?P<rel>{_words(*es.GUARDED_RELATIVE_DAYS)}))\b(?!\s+(?:de|del|por)\b)"),
    (
        "relative_unit",
        r"(?P<m>(?:[Ee]l\s+(?:(?P<pre>pasado|pr[óo]ximo)\s+)?(?P<unit>mes|año)"
        rf"(?:\s+(?P<post>pasado|{_NEXT_ES}|anterior))?"
        r"|(?P<this>[Ee]ste)\s+(?P<unit2>mes|año)))\b",
    ),
    (
        "ago",
        rf"(?P<m>[Hh]ace\s+(?P<num>{_words(*es.NUMBERS)}|[1-9][0-9]?)"
        r"\s+(?P<unit>d[íi]as?|semanas?|mes|meses|años?))\b",
    ),
    ("year", _YEAR_ALONE),
    ("year_phrase", rf"\b(?P<m>{_words(*es.YEAR_PHRASES)})\b(?!,?\s+(?:de\s+)?[12][0-9]{{3}}\b)", ("año",)),
)

SPANISH = Language(
    code="es",
    info=SpanishParserInfo(),
    rules=_SPANISH_RULES,
    modifiers=dict(es.DATE_MODIFIERS),
    strong_prepositions=frozenset(es.DATE_PREPOSITIONS),
    weak_prepositions=frozenset(es.WEAK_DATE_PREPOSITIONS),
    day_offsets=dict(es.RELATIVE_DAYS),
    numbers=dict(es.NUMBERS),
    day_before=re.compile(rf"(?<![\w.,$/])(?:{_DAY}(?:°|º|o)?|(?P<first>[Pp]rimero))\s+de\s+\Z"),
    weekday_before=re.compile(rf"(?:{_WEEKDAYS_ES}),?\s+\Z"),
    future=_future(es.FUTURE_MARKERS),
    past=_past(es.PAST_MARKERS, es.SPEECH_VERBS),
    year_phrases=dict(es.YEAR_PHRASES),
    guarded_year_phrases=frozenset(es.GUARDED_YEAR_PHRASES),
    year_end_prepositions=frozenset(es.YEAR_END_PREPOSITIONS),
)

LANGUAGES: dict[str, Language] = {"en": ENGLISH, "es": SPANISH}


# --- reading the context around a match ---------------------------------------------------------

_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?:\s+|-)\Z")
_WINDOW = 30  # characters searched backwards for the previous word
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]*\b")
_MONTH_WORDS = frozenset(month.lower() for month in en.MONTHS)
_FUTURE_REACH = 80  # characters: a cue further back usually belongs to another clause
# A full stop that ends a sentence, not the one after an initial ("will succeed Daniel P. Davison
# Feb. 1" is one sentence).
_FULL_STOP = re.compile(r"(?<![^\w.][A-Z])\. ")


def word_before(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` (lower-cased) and where it starts; ("", pos) after punctuation."""
    match = _WORD_BEFORE.search(text, max(0, pos - _WINDOW), pos)
    return (match[1].lower(), match.start()) if match else ("", pos)


def capitalised_before(text: str, pos: int) -> bool:
    """Whether the word right before ``pos`` is capitalised ("Kate April", "USA Today")."""
    match = _WORD_BEFORE.search(text, max(0, pos - _WINDOW), pos)
    return bool(match and match[1][0].isupper())


def name_follows(text: str, pos: int) -> bool:
    """Whether a capitalised word other than a month follows ("Saturday Night Live", "April Ryan")."""
    match = _CAPITALISED_NEXT.match(text, pos)
    return bool(match and match[0].strip().lower() not in _MONTH_WORDS)


def clean_left(text: str, pos: int) -> bool:
    """Whether a number starting at ``pos`` stands alone, not the tail of "$2025", "1.2025" or "x2025"."""
    if pos == 0:
        return True
    before = text[pos - 1]
    if before == "-":
        return word_before(text, pos)[0] == "mid"  # "mid-1996", not "555-2025"
    return not (before.isalnum() or before in "_$€£#.,/'")


def modifiers_before(text: str, start: int, lang: Language) -> tuple[str, int, str]:
    """Modifiers right before ``start`` ("late", "last", "this coming", "pasado").

    Returns the direction they give ("last", "next", "this" or ""), the start of the mention
    widened to take them in, and the word before them all, where a preposition would be.
    """
    direction = ""
    for _ in range(2):  # "earlier this", "this coming"
        word, word_start = word_before(text, start)
        if word not in lang.modifiers:
            return direction, start, word
        direction = direction or lang.modifiers[word]
        start = word_start
    return direction, start, word_before(text, start)[0]


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts, looking at most _FUTURE_REACH characters back."""
    lo = max(0, pos - _FUTURE_REACH)
    start = max(lo, *(text.rfind(stop, lo, pos) for stop in ("? ", "! ", "\n")))
    for stop in _FULL_STOP.finditer(text, start, pos):
        start = stop.end()
    return start


def speaks_of_past(text: str, pos: int, lang: Language) -> bool:
    """Whether the clause, shortly before ``pos``, has a verb in the past ("they met in June").

    The clause, not the sentence: in "preferred shares, to be completed around Nov. 1" the
    participle before the comma says nothing of the date.
    """
    start = _sentence_start(text, pos)
    start = max(start, text.rfind(", ", start, pos))
    return lang.past.search(text, start, pos) is not None


def speaks_of_future(text: str, pos: int, lang: Language) -> bool:
    """Whether the sentence, shortly before ``pos``, is about the future ("will meet on Monday").

    Year-less dates are read as past ones, the news convention, except right after such a
    cue: "the dividend is payable Dec. 15" or "se reunirá el lunes" points forward.
    """
    return lang.future.search(text, _sentence_start(text, pos), pos) is not None
