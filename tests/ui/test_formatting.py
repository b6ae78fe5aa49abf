"""Stored times (UTC, aware or naive) read in the reviewer's own time zone."""

from __future__ import annotations

import datetime as dt
import re

from ui.formatting import clock_time, local_time, local_timestamp

MOMENT = dt.datetime(2025, 5, 3, 12, 2, 9, tzinfo=dt.UTC)


def test_a_naive_stored_time_means_utc() -> None:
    naive = MOMENT.replace(tzinfo=None)
    assert local_time(naive) == local_time(MOMENT) == MOMENT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_timestamp(naive) == local_timestamp(MOMENT) == MOMENT.astimezone().isoformat(timespec="seconds")
    assert clock_time(naive) == clock_time(MOMENT) == MOMENT.astimezone().strftime("%H:%M:%S")


def test_no_time_reads_as_nothing() -> None:
    assert local_time(None) == local_timestamp(None) == ""


def test_the_clock_tells_the_time_now_to_the_second() -> None:
    assert re.fullmatch(r"\d\d:\d\d:\d\d", clock_time())
