"""Times as the reviewer reads them: stored in UTC, shown in the reviewer's own time zone."""

from __future__ import annotations

import datetime as dt


def _local(moment: dt.datetime) -> dt.datetime:
    # A naive time from the database means UTC, never the machine's zone.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def local_time(moment: dt.datetime | None) -> str:
    """Local wall time to the minute, such as "2025-05-03 14:02"; "" for no time."""
    return _local(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def local_timestamp(moment: dt.datetime | None) -> str:
    """Local time to the second with its offset, for a tooltip: "2025-05-03T14:02:09+02:00"."""
    return _local(moment).isoformat(timespec="seconds") if moment is not None else ""


def clock_time(moment: dt.datetime | None = None) -> str:
    """The local time of day to the second ("14:02:09"), of now unless given a moment."""
    return _local(moment or dt.datetime.now(dt.UTC)).strftime("%H:%M:%S")
