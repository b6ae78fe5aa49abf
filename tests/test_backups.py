"""Listing a database's backups, newest first, ready for a restore to choose from."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

from factcheck.storage import backups
from factcheck.storage import database as db
from factcheck.store import Store
from tests.conftest import SEED


def _copy_as(backup: Path, name: str, written: float) -> Path:
    """Another backup beside `backup`, as if written at `written` (seconds since the epoch)."""
    target = backup.parent / name
    shutil.copyfile(backup, target)
    os.utime(target, (written, written))
    return target


def test_backups_are_listed_newest_first_with_their_kind_time_and_size(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    upgrade = backups.backup_sqlite(db_path, "before-upgrade-0001")
    daily = backups.daily_backup(db_path, check=db.integrity_check)
    assert daily is not None
    day = time.time() - 48 * 3600
    older_daily = _copy_as(daily, "review-20250101-090000-daily.db", day)
    second_that_day = _copy_as(daily, "review-20250101-090000-daily-1.db", day)  # the same second: numbered
    oldest_upgrade = _copy_as(upgrade, "review-20241231-235959-before-upgrade-0002.db", day - 3600)
    # Not backups of this database: another one sharing the folder, and a stray file.
    _copy_as(daily, "review-old-20250102-090000-daily.db", day + 3600)
    (backups.backups_dir(db_path) / "notes.txt").write_text("keep the Friday copy", encoding="utf-8")

    listed = backups.list_backups(db_path)

    assert [b.path for b in listed] == [daily, upgrade, second_that_day, older_daily, oldest_upgrade]
    assert [b.kind for b in listed] == ["daily", "before-upgrade", "daily", "daily", "before-upgrade"]
    assert listed[2].made_at == listed[3].made_at == dt.datetime(2025, 1, 1, 9, 0, 0)
    assert listed[4].made_at == dt.datetime(2024, 12, 31, 23, 59, 59)
    assert abs(listed[0].made_at - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert all(b.size == b.path.stat().st_size > 0 for b in listed)


def test_a_database_without_backups_lists_none(db_path: Path) -> None:
    assert backups.list_backups(db_path) == []
    with Store(db_path) as store:
        store.import_file(SEED)
    assert backups.list_backups(db_path) == []  # a brand-new database has nothing to keep yet


def test_opening_takes_one_daily_backup_a_day_and_lists_it(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    with Store(db_path):
        pass
    with Store(db_path):
        pass
    [only] = backups.list_backups(db_path)
    assert only.kind == "daily"
