"""Stable entry point for `find_dates`; the date finder lives in factcheck.analysis.dates."""

from factcheck.analysis.dates import DateMention, find_dates

__all__ = ["DateMention", "find_dates"]
