"""Backups of a database: where they live, taking one safely, when one is due, thinning, restoring.

A backup is a full SQLite copy in the `backups` folder next to the database, named
`<stem>-<YYYYmmdd-HHMMSS>-<reason>[-<n>].db` with the local time it was made; `n` tells apart
copies made within the same second. It is written under a hidden temporary name, checked with
`PRAGMA quick_check`, and only then renamed: a backup killed half-way, or cut short by a full
disk, never becomes a file that looks like a backup (after Anki's rslib/src/collection/backup.rs).

Automatic copies are thinned as Anki thins its own: every copy from today and yesterday, then
one a day for 7 days, one a week for 4 weeks and one a month for 12 months. The copies taken
before an upgrade, before a restore, or on request are never thinned.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factcheck.errors import BackupError

AUTOMATIC = "auto"
# When the window backs up a database in use, and the least age of the last copy before the
# command line takes another.
INTERVAL = dt.timedelta(minutes=30)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_STAMP = "%Y%m%d-%H%M%S"
_PARTIAL = ".partial"

BackupKind = Literal["automatic", "before-upgrade", "before-restore", "manual"]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: BackupKind
    made_at: dt.datetime  # local time, as in the file name
    size: int  # bytes


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _pattern(stem: str) -> re.Pattern[str]:
    # The stem must be followed at once by the time stamp, so "main" never claims the copies of
    # "main-copy" (a glob like "main-*-daily*.db" did, and one rotation deleted the other's copies).
    return re.compile(
        re.escape(stem)
        + r"-(?P<stamp>\d{8}-\d{6})-(?P<reason>auto|daily|manual|before-restore|before-upgrade-[0-9A-Za-z_]+)"
        r"(?:-(?P<n>\d+))?\.db"
    )


def _kind(reason: str) -> BackupKind:
    if reason in (AUTOMATIC, "daily"):  # "daily" is how earlier versions named their automatic copies
        return "automatic"
    if reason.startswith("before-upgrade"):
        return "before-upgrade"
    return "before-restore" if reason == "before-restore" else "manual"


def make_backup(path: Path, reason: str = AUTOMATIC, *, output: Path | None = None) -> Path:
    """Copy a live database with SQLite's online backup API; safe while others read and write it.

    The copy is checked before it gets its final name; on any failure (a full disk, a damaged
    source) nothing is left behind and BackupError says why. The database itself is never written.
    """
    import secrets  # here: the quick reads check backup_due on the way to a listing, and never copy

    folder = backups_dir(path) if output is None else output.parent
    # Named for this program and moment: two programs backing up one database at once (two
    # windows, the window and the command line) must never write into the same file.
    partial = folder / f".{path.stem}-{os.getpid()}-{secrets.token_hex(4)}{_PARTIAL}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _forget_stale(folder)
        if not path.is_file():
            raise FileNotFoundError(2, "no such database file", str(path))
        # Not mode=ro: a read-only connection cannot rebuild the index of a write-ahead log that
        # another program just reset, and fails with "attempt to write a readonly database". The
        # backup only reads from this connection.
        src = sqlite3.connect(path, timeout=5)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                verdict = dst.execute("PRAGMA quick_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
        if verdict is None or verdict[0] != "ok":
            raise BackupError(f"The backup of {path} did not pass its check ({verdict and verdict[0]}); "
                              "the database may be damaged. No backup was kept.")
        _fsync(partial)
        if output is not None:
            os.link(partial, output)  # refuses an existing name: a backup never replaces another file
            partial.unlink()
            target = output
        else:
            target = _claim_name(partial, folder, path.stem, reason)
    except (sqlite3.Error, OSError) as exc:
        _discard(partial)
        raise BackupError(f"Could not back up {path.name} into {folder} ({_reason(exc)}); "
                          "the database itself is unchanged. Free some disk space or check the folder.") from None
    except BaseException:
        _discard(partial)
        raise
    return target


def _free_name(folder: Path, stem: str, reason: str, n: int = 0) -> Path:
    stamp = dt.datetime.now().strftime(_STAMP)
    return folder / (f"{stem}-{stamp}-{reason}.db" if n == 0 else f"{stem}-{stamp}-{reason}-{n}.db")


def _claim_name(partial: Path, folder: Path, stem: str, reason: str) -> Path:
    """Give the checked copy its name; link() refuses a name another program took meanwhile."""
    for n in range(1000):
        target = _free_name(folder, stem, reason, n)
        try:
            os.link(partial, target)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: the name was free a moment ago
            if target.exists():
                continue
            os.replace(partial, target)
            return target
        partial.unlink()
        return target
    raise FileExistsError(17, "no free backup name", str(folder))


def _discard(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:  # the folder itself is the problem: nothing was written there
        pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc)
    # SQLite says "disk I/O error" when a write is refused for size (a full disk, a file size limit).
    return f"the disk is full or cannot be written: {text}" if "disk" in text.lower() else text


def _forget_stale(folder: Path) -> None:
    """Remove what backups killed half-way left: hidden, never listed, older than any running backup."""
    stale = dt.datetime.now().timestamp() - 3600
    for leftover in folder.glob(f".*{_PARTIAL}*"):  # with its journal
        try:
            if leftover.stat().st_mtime < stale:
                leftover.unlink()
        except OSError:
            pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def last_changed(path: Path) -> float:
    """When the database was last written: its file or, in WAL mode, its write-ahead log."""
    times = [p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    return max(times, default=0.0)


def backup_due(path: Path, min_age: dt.timedelta = dt.timedelta(0), now: dt.datetime | None = None) -> bool:
    """Whether the database changed since its newest backup and that backup is at least `min_age` old."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    newest = next(iter(list_backups(path)), None)
    if newest is None:
        return True
    written = dt.datetime.fromtimestamp(newest.path.stat().st_mtime)
    if dt.datetime.fromtimestamp(last_changed(path)) <= written:
        return False  # nothing has touched the files since
    if (now or dt.datetime.now()) - written < min_age:
        return False
    # Opening a database touches its write-ahead log without changing anything: compare what it holds.
    return fingerprint(path) != fingerprint(newest.path)


# What any change a reviewer makes moves: rows added or removed, and claims edited (each edit
# raises the claim's version).
_FINGERPRINT = (
    "SELECT count(*), max(id) FROM article", "SELECT count(*), max(id), sum(version) FROM claim",
    "SELECT count(*), max(id) FROM verdict", "SELECT count(*), max(id) FROM source",
    "SELECT count(*), max(id) FROM saved_search",
)


def fingerprint(path: Path) -> tuple[object, ...]:
    """A summary of the database's content that any change moves; read without writing."""
    con = sqlite3.connect(path, timeout=5)  # not mode=ro: see make_backup
    try:
        found: list[object] = []
        for query in _FINGERPRINT:
            try:
                found.append(tuple(con.execute(query).fetchone()))
            except sqlite3.OperationalError:  # a table an older schema did not have
                found.append(None)
        return tuple(found)
    finally:
        con.close()


def automatic_backup(path: Path, now: dt.datetime | None = None) -> Path:
    """Take an automatic backup, then thin the automatic ones."""
    made = make_backup(path, AUTOMATIC)
    for old in to_thin(list_backups(path), (now or dt.datetime.now()).date()):
        old.path.unlink(missing_ok=True)
    return made


def to_thin(found: Iterable[BackupInfo], today: dt.date) -> list[BackupInfo]:
    """The automatic backups to delete: all but today's and yesterday's, then the newest of each of
    the 7 previous days, 4 previous weeks and 12 previous months."""
    automatic = sorted((b for b in found if b.kind == "automatic"), key=lambda b: b.made_at, reverse=True)
    yesterday = today - dt.timedelta(days=1)
    kept: dict[str, set[object]] = {"day": set(), "week": set(), "month": set()}
    limits = (("day", KEEP_DAILY), ("week", KEEP_WEEKLY), ("month", KEEP_MONTHLY))
    drop: list[BackupInfo] = []
    for backup in automatic:  # newest first: each slot keeps the newest copy of its day, week or month
        day = backup.made_at.date()
        if day >= yesterday:
            continue
        keys = {"day": day, "week": tuple(day.isocalendar()[:2]), "month": (day.year, day.month)}
        free = next((name for name, limit in limits if len(kept[name]) < limit), None)
        if free is None or keys[free] in kept[free]:
            drop.append(backup)
        else:
            kept[free].add(keys[free])
    return drop


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first; files of other databases in the folder are left out."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path.stem)
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
        # Copies of one second are told apart by when they were written, then by their number.
        order = (made_at, stat.st_mtime_ns, int(match["n"] or 0))
        found.append((order, BackupInfo(file, _kind(match["reason"]), made_at, stat.st_size)))
    return [info for _order, info in sorted(found, key=lambda item: item[0], reverse=True)]


def contents(path: Path) -> tuple[int, int]:
    """How many articles and claims a backup holds, read without writing to it."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            articles = con.execute("SELECT count(*) FROM article").fetchone()[0]
            claims = con.execute("SELECT count(*) FROM claim WHERE proposed").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be read as a factcheck backup ({exc}); choose another.") from None
    return int(articles), int(claims)


def copy_into(backup: Path, db_path: Path) -> None:
    """Write a backup's pages over a database through SQLite, so open connections see the new content
    (a file copy under a live WAL database would corrupt it)."""
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(db_path, timeout=5)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Could not restore {backup.name} ({exc}); the database was left as it was.") from None
