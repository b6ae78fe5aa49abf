"""Backups of a database: where they live, taking one, the daily rotation, and listing them.

A backup is a full SQLite copy in the `backups` folder next to the database, named
`<stem>-<YYYYmmdd-HHMMSS>-<reason>[-<n>].db` with the local time it was made; `n` tells apart
copies made within the same second. Daily copies rotate; those taken before an upgrade are the
way back from it and are never thinned.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DAILY = dt.timedelta(hours=24)
KEEP_DAILY_BACKUPS = 14
_STAMP = "%Y%m%d-%H%M%S"

BackupKind = Literal["daily", "before-upgrade"]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: BackupKind
    made_at: dt.datetime  # local time, as in the file name
    size: int  # bytes


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(path: Path, reason: str) -> Path:
    """Copy a live database with SQLite's online backup API; safe while others have it open."""
    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime(_STAMP)
    target = folder / f"{path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{reason}-{n}.db"
        n += 1
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def daily_backup(path: Path, *, check: Callable[[Path], None], now: dt.datetime | None = None) -> Path | None:
    """Back up a database with content at most once a day, keeping the newest KEEP_DAILY_BACKUPS.

    `check` (the thorough integrity check) runs first and raises for a damaged file, so a damaged
    copy never pushes good ones out of the rotation. Backups taken before migrations are never
    thinned: they are the way back from an upgrade.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    now = now or dt.datetime.now()
    folder = backups_dir(path)
    daily = sorted(folder.glob(f"{path.stem}-*-daily*.db")) if folder.exists() else []
    if daily and now - dt.datetime.fromtimestamp(daily[-1].stat().st_mtime) < DAILY:
        return None
    check(path)
    made = backup_sqlite(path, "daily")
    for old in sorted(folder.glob(f"{path.stem}-*-daily*.db"))[:-KEEP_DAILY_BACKUPS]:
        old.unlink(missing_ok=True)
    return made


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first; files of other databases in the folder are left out."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    # The stem is followed by the time, so "review" does not claim the copies of "review-old".
    pattern = re.compile(
        re.escape(db_path.stem)
        + r"-(?P<stamp>\d{8}-\d{6})-(?:(?P<daily>daily)|before-upgrade-[0-9A-Za-z_]+)(?:-(?P<n>\d+))?\.db"
    )
    found: list[tuple[tuple[dt.datetime, int, int], BackupInfo]] = []
    for file in folder.iterdir():
        match = pattern.fullmatch(file.name)
        if match is None or not file.is_file():
            continue
        try:
            made_at = dt.datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        stat = file.stat()
        kind: BackupKind = "daily" if match["daily"] else "before-upgrade"
        # Copies of one second are told apart by when they were written, then by their number.
        order = (made_at, stat.st_mtime_ns, int(match["n"] or 0))
        found.append((order, BackupInfo(file, kind, made_at, stat.st_size)))
    return [info for _order, info in sorted(found, key=lambda item: item[0], reverse=True)]
