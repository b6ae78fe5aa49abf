"""Dates typed in a query ("2025-03", "March 2025", "3 May 2025", "marzo de 2025") read as a first day.

A date names a day, a month or a year; the filters compare against its first day, so
`after:2025-03` starts on 1 March and `before:2025-03` ends on 28 February (see the README).
"""

from __future__ import annotations

import datetime as dt
import warnings

from dateutil import parser as date_parser

from factcheck.analysis.languages import es
from factcheck.analysis.languages.dateutil_names import merged, month_names, weekday_names


class _QueryDateInfo(date_parser.parserinfo):
    """dateutil's English names plus the Spanish month and day names of the language file."""

    JUMP = date_parser.parserinfo.JUMP + list(es.DATE_LINKS)
    MONTHS = merged(date_parser.parserinfo.MONTHS, month_names(es))
    # Without the Spanish weekday abbreviations: "mar" would be read as martes, not marzo.
    WEEKDAYS = merged(date_parser.parserinfo.WEEKDAYS, weekday_names(es, abbreviations=False))


_INFO = _QueryDateInfo()


def first_day(text: str, today: dt.date | None = None) -> dt.date | None:
    """The first day of the day, month or year `text` names; None when it is not a date.

    A missing year is this year's ("March" is March of this year); a missing day is the 1st.
    """
    year = (today or dt.date.today()).year
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = date_parser.parse(text, parserinfo=_INFO, default=dt.datetime(year, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date()
