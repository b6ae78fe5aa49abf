"""Date mentions and their resolution against the article's publication date.

A reviewer checking "Trump designated the cartels as terrorist groups on February 19" needs to
know which February 19 that is. ``find_dates`` finds the date expressions of an English or a
Spanish text (patterns in ``factcheck.analysis.date_patterns``) and resolves each against a reference
date, normally the publication date:

* Absolute dates ("April 2, 2025", "2 de abril de 2025", "2025-04-02", "April 2025", "in 2024")
  resolve with or without a reference; dateutil parses the matched span.
* Everything else needs the reference and gets ``value=None`` without one: never a guess.
  A day and month without a year, a month ("in January") or a weekday ("on Saturday") is the
  most recent one on or before the reference, the news convention for reporting past events,
  unless the sentence speaks of the future just before it ("will meet on Monday", "payable
  Dec. 15"), when it is the first one on or after the reference. A day and month or a month is
  also the coming one when that is less than a third as far as the past one and no verb in the
  past comes before it in its clause ("the record date is Nov. 9" on Oct. 27; not "they met
  in June" on May 3). "last"/"next" move strictly before/after the reference; "this
  Friday"/"este lunes" is that day of the reference's week. "yesterday", "the day before", "last
  month", "two days ago" and "hace dos días" are calendar arithmetic (dateutil.relativedelta) on
  the reference; "year-earlier", "the current fiscal year", "by year end" and "a finales de año" are years
  counted from the reference's (language files, YEAR_PHRASES).
* A year read aloud ("nineteen ninety-six", "two thousand and eight", "January nineteen
  ninety-seven"), as broadcast transcripts write it, is a year like "1996"; "two thousand" alone
  only after "the year" or a preposition like "in".

Choices:

* A mention excludes prepositions ("on February 19" gives "February 19") and the Spanish article
  that plays the part of "on" ("el sábado" gives "sábado"), and keeps the words that change the
  date ("late Saturday", "last month", "pasado sábado") or belong to the phrase ("the day
  before", "el mes pasado"), so that highlights are tight but readable.
* Granularity is "day", "month" or "year" only, as stored. Week expressions ("last week", "esta
  semana") are not reported: a week is none of these, and a made-up day would show the reviewer
  a precision the text does not have. "Two weeks ago" is the day fourteen days back, as TimeML
  annotates it.
* A month name alone must be in a date context: "May" needs a day, a year, a modifier or a
  preposition like "in" ("she may go", "Theresa May"); a bare "April" is a date unless it
  reads as a name ("April Ryan"); "each July" is no single date. A four-digit number is a year
  unless it counts something ("2000 troops", "$2025", "about 1500").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateutil import parser
from dateutil.relativedelta import relativedelta, weekday

from factcheck.analysis.date_patterns import (
    LANGUAGES,
    Language,
    capitalised_before,
    clean_left,
    modifiers_before,
    name_follows,
    speaks_of_future,
    speaks_of_past,
    word_before,
)
from factcheck.analysis.languages import SUPPORTED_LANGUAGES, language_or_default, vocabulary

if TYPE_CHECKING:
    from factcheck.analysis.languages.vocabulary import Vocabulary

# (start, end, value, granularity) of one candidate mention
Found = tuple[int, int, str | None, str]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``text == source[start:end]``, with what it resolved to."""

    start: int
    end: int
    text: str
    value: str | None  # ISO: "2025-02-19" (day), "2025-01" (month), "2025" (year); None if unresolved
    granularity: str  # "day" | "month" | "year"


def find_dates(text: str, reference: dt.date | None, language: str = "en") -> list[DateMention]:
    """Every date expression in ``text``, in order, without overlaps, resolved against ``reference``.

    ``reference`` is the date the text was written (its publication date) or None when unknown;
    ``language`` is "en" or "es" ("es-MX", "Spanish" ...); anything else is read as English, the
    desk's default.
    """
    lang = LANGUAGES[language_or_default(language)]
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    candidates: list[Found] = []
    for rule in lang.rules:
        if rule.hints and not _contains_any(text, rule.hints):
            continue
        resolve = _RESOLVERS[rule.kind]
        for match in rule.regex.finditer(text):
            try:
                found = resolve(match, reference, lang)
            except (OverflowError, ValueError):
                # Resolving ran off the calendar (a reference near year 1 or 9999, say): the
                # expression is still a date, just not one it can place.
                found = resolve(match, None, lang)
            if found is not None:
                candidates.append(found)
    return [
        DateMention(start, end, text[start:end], value, granularity)
        for start, end, value, granularity in _longest_first(candidates)
    ]


def _contains_any(text: str, hints: tuple[str, ...]) -> bool:
    # A loop rather than any() over a generator: this runs for every sentence imported.
    for hint in hints:
        if hint in text:
            return True
    return False


def _longest_first(candidates: list[Found]) -> list[Found]:
    """Keep the longest of overlapping candidates ("April 2, 2025" over "2025"), in text order."""
    kept: list[Found] = []  # sorted by start and never overlapping, so only neighbours can clash
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        at = bisect.bisect_left(starts, cand[0])
        if (at == 0 or kept[at - 1][1] <= cand[0]) and (at == len(kept) or cand[1] <= kept[at][0]):
            kept.insert(at, cand)
            starts.insert(at, cand[0])
    return kept


# --- values and calendar arithmetic --------------------------------------------------------------


def _day(value: dt.date) -> tuple[str, str]:
    return value.isoformat(), "day"


def _month(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> tuple[str, str]:
    return f"{year:04d}", "year"


def _month_day(month: int, day: int, reference: dt.date, step: int) -> dt.date:
    """The nearest ``month``/``day`` on or before (step -1) or on or after (step +1) ``reference``."""
    year = reference.year
    if step < 0 and (month, day) > (reference.month, reference.day):
        year -= 1
    elif step > 0 and (month, day) < (reference.month, reference.day):
        year += 1
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:  # February 29 outside a leap year
            year += step


def _month_year(month: int, reference: dt.date, direction: str) -> tuple[int, int]:
    """(year, month) of ``month`` seen from the reference month.

    Plain ("in January") is the latest such month on or before the reference month, "last"
    strictly before it, "next" strictly after it, "this" the one in the reference year, and
    "future" (a plain month in a sentence about the future) the first on or after it.
    """
    year = reference.year
    if direction == "" and month > reference.month:
        year -= 1
    elif direction == "future" and month < reference.month:
        year += 1
    elif direction == "last" and month >= reference.month:
        year -= 1
    elif direction == "next" and month <= reference.month:
        year += 1
    return year, month


def _parse(span: str, lang: Language) -> dt.date | None:
    """dateutil's reading of a matched span, or None for an impossible date ("February 30")."""
    try:
        return parser.parse(span, parserinfo=lang.info, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


# A year-less date is the coming one, not the past one, when the coming one is less than a third
# as far away ("Nov. 10" on Nov. 2 is eight days ahead, not 357 back) and no verb in the past
# points back: a writer meaning the one nearly a year ago would give the year or say "last".
# The same for a month alone, counted in months ("in January" written in November).
_NEARER_AHEAD = 3
_RELATIVE_YEAR = {"this": 0, "last": -1, "next": 1}
# A weekday that fits only the coming date moves a year-less date forward, within half a year;
# further ahead, a slip of the writer is likelier than an unannounced change of year.
_WEEKDAY_HINT_DAYS = 183

# --- resolvers: (match, reference, language) -> Found, or None when the match is no date -------

_LANGUAGES = [vocabulary(code) for code in SUPPORTED_LANGUAGES]


def _every_language(words: Callable[[Vocabulary], tuple[str, ...]]) -> frozenset[str]:
    """The words every language file lists under one name. The resolvers read them alike in the
    text of every language: a context word of one language seldom occurs in another's copy."""
    return frozenset(word for lang in _LANGUAGES for word in words(lang))


Resolver = Callable[[re.Match[str], "dt.date | None", Language], "Found | None"]


def _resolve_iso(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    start, end = match.span("m")
    if not clean_left(match.string, start):
        return None
    try:
        return start, end, *_day(dt.date(int(match["year"]), int(match["mo"]), int(match["day"])))
    except ValueError:
        return None


def _resolve_slash(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """4/2/2025 is month first in English and day first in Spanish; 13/2/2025 is unambiguous."""
    start, end = match.span("m")
    first, second = int(match["a"]), int(match["b"])
    if not clean_left(match.string, start) or (first > 12 and second > 12):
        return None
    dayfirst = lang.info.dayfirst if first <= 12 and second <= 12 else first > 12
    day, month = (first, second) if dayfirst else (second, first)
    try:
        return start, end, *_day(dt.date(int(match["year"]), month, day))
    except ValueError:
        return None


def _resolve_month(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """Everything anchored on a month name: full dates, day and month, month and year, month."""
    text, groups = match.string, match.groupdict()
    start, end = match.span("m")
    month = lang.info.month(match["mon"].rstrip(".").lower())
    if month is None:
        return None
    day_match = None if groups.get("day") else lang.day_before.search(text, max(0, start - 20), start)
    if not groups.get("day") and not day_match:
        if groups.get("spoken_year"):  # "January nineteen ninety-seven"
            year = _spoken_year_value(match["spoken_year"], lang)
            return None if year is None else (start, end, *_month(year, month))
        if groups.get("month_year"):  # "April 2025", "abril de 2025"
            parsed = _parse(text[start:end], lang)
            return None if parsed is None else (start, end, *_month(parsed.year, parsed.month))
        if groups.get("ry"):  # "January this year"
            if reference is None:
                return start, end, None, "month"
            return start, end, *_month(reference.year + _RELATIVE_YEAR[match["ry"].lower()], month)
        return _resolve_month_alone(match, reference, lang, month)

    if day_match:  # "2 April 2025", "19 de febrero"
        start = day_match.start()
    weekday_match = lang.weekday_before.search(text, max(0, start - 20), start)
    if weekday_match:  # "Saturday, April 25" is one expression
        start = weekday_match.start()
    if groups.get("month_year") or groups.get("year"):
        parsed = _parse(text[start:end], lang)
        return None if parsed is None else (start, end, *_day(parsed))
    day_groups = (day_match or match).groupdict()
    day = 1 if day_groups.get("first") else int(day_groups["day"])
    try:
        dt.date(2000, month, day)  # a leap year, so that February 29 is a real date
    except ValueError:
        return None
    if reference is None:
        return start, end, None, "day"
    if groups.get("ry"):  # "2 June last year"
        year_end = dt.date(reference.year + _RELATIVE_YEAR[match["ry"].lower()], 12, 31)
        return start, end, *_day(_month_day(month, day, year_end, -1))
    past, future = _month_day(month, day, reference, -1), _month_day(month, day, reference, +1)
    if weekday_match:  # "Saturday, April 25": the weekday tells which of the two it is
        number = lang.info.weekday(weekday_match[0].split()[0].strip(",").lower())
        if future.weekday() == number != past.weekday() and (future - reference).days <= _WEEKDAY_HINT_DAYS:
            return start, end, *_day(future)
    if speaks_of_future(text, start, lang) or (
        (future - reference).days * _NEARER_AHEAD < (reference - past).days and not speaks_of_past(text, start, lang)
    ):
        return start, end, *_day(future)
    return start, end, *_day(past)


_HABITUAL = _every_language(lambda lang: lang.HABITUAL_WORDS)
_FULL_MONTHS = frozenset(vocabulary("en").MONTHS)
_PERIOD_OF = _every_language(lambda lang: lang.PERIOD_WORDS)


def _resolve_month_alone(match: re.Match[str], reference: dt.date | None, lang: Language, month: int) -> Found | None:
    """A month without day or year: only in a date context (see the module notes)."""
    text, name = match.string, match["mon"]
    start, end = match.span("m")
    if lang.code == "es":
        word, word_start = word_before(text, start)
        if word == "de" and word_before(text, word_start)[0] == "mes":  # "el pasado mes de marzo"
            start = word_before(text, word_start)[1]
    direction, start, prep = modifiers_before(text, start, lang)
    if lang.code == "es" and direction and prep == "el":  # keep the article of "el pasado mes"
        start = word_before(text, start)[1]
        prep = word_before(text, start)[0]
    if match.groupdict().get("after"):  # "marzo pasado"
        direction = "last" if match["after"] == "pasado" else "next"
    strong = bool(direction) or start != match.start("m") or prep in lang.strong_prepositions
    if prep == "of" and word_before(text, word_before(text, match.start("m"))[1])[0] in _PERIOD_OF:
        strong = True  # "the end of May"
    if lang.code == "en":
        if not name.endswith(".") and name not in _FULL_MONTHS:
            return None  # "Jan" alone is a name
        if name == "May" and not strong:
            return None  # "she may go", "Theresa May"
        if not strong and prep not in lang.weak_prepositions and (
            name_follows(text, end) or capitalised_before(text, start)
        ):
            return None  # "April Ryan", "Kate April"
    elif name[0].isupper() and not strong:
        return None  # Spanish writes months in lower case: "Plaza de Mayo" is a name
    if prep in _HABITUAL:
        return None  # "each July" is every July
    if reference is None:
        return start, end, None, "month"
    if direction == "" and (speaks_of_future(text, start, lang) or (
        (month - reference.month) % 12 * _NEARER_AHEAD < (reference.month - month) % 12
        and not speaks_of_past(text, start, lang))):
        direction = "future"
    return start, end, *_month(*_month_year(month, reference, direction))


_SPANISH_WEEKDAY_CONTEXT = frozenset(vocabulary("es").WEEKDAY_ARTICLES)


def _is_preposition(word: str, lang: Language) -> bool:
    return word in lang.strong_prepositions or word in lang.weak_prepositions


def _resolve_weekday(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    text = match.string
    start, end = match.span("m")
    number = lang.info.weekday(match["wd"].lower())
    if number is None:
        return None
    direction, start, prep = modifiers_before(text, start, lang)
    after = match.groupdict().get("after")
    if after:  # "el sábado pasado"
        direction = "last" if after == "pasado" else "next"
    in_context = bool(direction) or start != match.start("m") or bool(after)
    if lang.code == "es":
        if not in_context and prep not in _SPANISH_WEEKDAY_CONTEXT:
            return None  # "los lunes" is every Monday, "Domingo" a name
    elif not in_context and not _is_preposition(prep, lang) and name_follows(text, match.end("wd")):
        return None  # "Saturday Night Live", "Sunday Times"
    if prep in _HABITUAL:
        return None  # "each Thursday" is every Thursday
    if reference is None:
        return start, end, None, "day"
    if direction == "" and speaks_of_future(text, start, lang):
        direction = "future"
    target = weekday(number)
    if direction == "last":
        day = reference + relativedelta(days=-1, weekday=target(-1))
    elif direction == "next":
        day = reference + relativedelta(days=+1, weekday=target(+1))
    elif direction == "future":
        day = reference + relativedelta(weekday=target(+1))
    elif direction == "this":
        day = reference + relativedelta(weekday=weekday(0)(-1)) + relativedelta(days=number)
    else:
        day = reference + relativedelta(weekday=target(-1))
    return start, end, *_day(day)


# Before "mañana" these make it "the morning", not "tomorrow".
_MORNING = _every_language(lambda lang: lang.MORNING_WORDS)
_TIMELESS = _every_language(lambda lang: lang.TIMELESS_BEFORE)
_DAY_MODIFIERS = _every_language(lambda lang: lang.DAY_MODIFIERS)


def _resolve_relative_day(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    text = match.string
    start, end = match.span("m")
    key = " ".join(match["rel"].lower().split())
    word, word_start = word_before(text, start)
    if key == "mañana" and word in _MORNING:
        return None
    if key == "tomorrow" and word in _TIMELESS and not _is_preposition(word_before(text, word_start)[0], lang):
        return None  # "the people of tomorrow", but "as of tomorrow" is a date
    if word in _DAY_MODIFIERS:  # "late yesterday"
        start = word_start
    elif match["rel"] == "Today" and capitalised_before(text, start):
        return None  # "USA Today", "VOA Today": a name
    if reference is None:
        return start, end, None, "day"
    return start, end, *_day(reference + relativedelta(days=lang.day_offsets[key]))


def _resolve_relative_unit(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """this/last/next month or year, el mes pasado, el próximo año, este año."""
    text, groups = match.string, match.groupdict()
    start, end = match.span("m")
    unit = (groups.get("unit") or groups.get("unit2") or "").lower()
    words = " ".join(filter(None, (groups.get(k) for k in ("rmod", "pre", "post", "this")))).lower()
    word, word_start = word_before(text, start)
    if word == "the":
        return None  # "the last year" is a duration
    if word in _DAY_MODIFIERS:  # "earlier this year"
        start = word_start
    if "this" in words or "este" in words:
        offset = 0
    elif "last" in words or "pasado" in words or "anterior" in words:
        offset = -1
    elif words:
        offset = 1
    else:
        return None  # "el año" alone is not a date
    granularity = "month" if unit in ("month", "mes") else "year"
    if reference is None:
        return start, end, None, granularity
    if granularity == "month":
        shifted = reference + relativedelta(months=offset)
        return start, end, *_month(shifted.year, shifted.month)
    return start, end, *_year(reference.year + offset)


def _resolve_ago(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """"two days ago", "a year earlier" (read backwards from the last word) and "hace dos días".

    "A year earlier" in a company report compares with the same period a year before
    publication, so it counts back from the reference like "ago"; days and weeks "earlier"
    count from the story's own events and are left alone.
    """
    start, end = match.span("m")
    quantity = match
    if lang.ago_before is not None:
        before = lang.ago_before.search(match.string, max(0, start - 30), start)
        if before is None:
            return None
        quantity = before
        start = quantity.start()
    raw = quantity["num"].lower()
    amount = int(raw) if raw.isdigit() else lang.numbers[raw]
    unit = quantity["unit"].lower()
    if match["m"] == "earlier" and unit in ("day", "week"):
        return None
    if unit.startswith(("day", "dí", "di", "week", "semana")):
        if reference is None:
            return start, end, None, "day"
        days = amount * (7 if unit.startswith(("week", "semana")) else 1)
        return start, end, *_day(reference - dt.timedelta(days=days))
    if unit.startswith(("month", "mes")):
        if reference is None:
            return start, end, None, "month"
        shifted = reference + relativedelta(months=-amount)
        return start, end, *_month(shifted.year, shifted.month)
    if reference is None:
        return start, end, None, "year"
    return start, end, *_year(reference.year - amount)


# After a bare number, a word that is counted ("2000 troops", "2000 soldados") makes it an amount.
_COUNTED_AFTER = re.compile(
    r"\s+(?:(?!(?:is|was|has|as|this|its|his|thus|us|plus|less|unless|versus|los|las|les|sus|más|mas)\b)"
    r"[a-záéíóúñ]+s|people|personnel|police|staff|more|of|de|mil|million|billion)\b"
)
_AMOUNT_WORDS = _every_language(lambda lang: lang.AMOUNT_WORDS)
_YEAR_MODIFIERS = _every_language(lambda lang: lang.YEAR_MODIFIERS)


def _resolve_year(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    text = match.string
    start, end = match.span("m")
    if not clean_left(text, start):
        return None
    prep, word_start = word_before(text, start)
    if prep in _YEAR_MODIFIERS:  # "fiscal 1989", "mid-1996"
        start = word_start
        prep = word_before(text, start)[0]
    if prep in _AMOUNT_WORDS:
        return None
    strong = start != match.start("m") or prep in lang.strong_prepositions
    if not strong and _COUNTED_AFTER.match(text, end):
        return None
    return start, end, *_year(int(match["year"]))


def _spoken_year_value(words: str, lang: Language) -> int | None:
    """1996 for "nineteen ninety-six", 1905 for "nineteen oh five", 2008 for "two thousand and eight"."""
    parts = [word for word in re.split(r"[\s-]+", words.lower()) if word not in ("and", "oh")]
    if parts[1:2] == ["thousand"]:
        return 2000 + sum(lang.spoken_year_numbers[word] for word in parts[2:])
    century = lang.spoken_year_numbers.get(parts[0])
    if century is None:
        return None
    return century * 100 + sum(lang.spoken_year_numbers.get(word, 0) for word in parts[1:])


def _resolve_spoken_year(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """"in nineteen ninety-six", "the year two thousand": a year as read aloud."""
    text = match.string
    start, end = match.span("m")
    year = _spoken_year_value(match["m"], lang)
    if year is None:
        return None
    prep, word_start = word_before(text, start)
    if prep in _AMOUNT_WORDS or _COUNTED_AFTER.match(text, end):
        return None  # "about two thousand", "nineteen twenty-five people"
    if match["m"].lower().split()[-1] == "thousand" and prep != "year" and prep not in lang.strong_prepositions:
        return None  # "two thousand" is a number unless it is "the year two thousand" or "in two thousand"
    return start, end, *_year(year)


def _resolve_year_phrase(match: re.Match[str], reference: dt.date | None, lang: Language) -> Found | None:
    """"year-earlier", "the current year", "by year end": a year counted from the reference's."""
    text = match.string
    start, end = match.span("m")
    key = " ".join(match["m"].lower().split())
    if key in lang.guarded_year_phrases and word_before(text, start)[0] not in lang.year_end_prepositions:
        return None
    if reference is None:
        return start, end, None, "year"
    return start, end, *_year(reference.year + lang.year_phrases[key])


_RESOLVERS: dict[str, Resolver] = {
    "iso": _resolve_iso,
    "slash": _resolve_slash,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "relative_day": _resolve_relative_day,
    "relative_unit": _resolve_relative_unit,
    "ago": _resolve_ago,
    "year": _resolve_year,
    "spoken_year": _resolve_spoken_year,
    "year_phrase": _resolve_year_phrase,
}
