"""A language file's month and weekday names, listed the way dateutil's ``parserinfo`` takes them.

The date finder (factcheck.analysis.date_patterns) and the front-matter reader
(factcheck.importing.reading) both teach dateutil the names of a language file, so a month added
there is read by both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.analysis.languages.vocabulary import Vocabulary


def month_names(language: Vocabulary) -> list[tuple[str, ...]]:
    """Twelve tuples, January's first, each with that month's names and abbreviations."""
    return _by_number((language.MONTHS, language.MONTH_ABBREVIATIONS), range(1, 13))


def weekday_names(language: Vocabulary, *, abbreviations: bool = True) -> list[tuple[str, ...]]:
    """Seven tuples, Monday's first, each with that day's names (and abbreviations, if asked)."""
    tables = [language.WEEKDAYS, language.WEEKDAY_VARIANTS]
    if abbreviations:
        tables.append(language.WEEKDAY_ABBREVIATIONS)
    return _by_number(tables, range(7))


def merged(*lists: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Lists of the same months (or weekdays) joined: each month's names from every list."""
    return [tuple(name for names in same for name in names) for same in zip(*lists, strict=True)]


def _by_number(tables: Iterable[Mapping[str, int]], numbers: range) -> list[tuple[str, ...]]:
    rows = list(tables)
    return [tuple(name for table in rows for name, n in table.items() if n == number) for number in numbers]
