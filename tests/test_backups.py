"""Backups: complete or absent, each database's own, thinned by age, listed, restored, undone."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.errors import BackupError
from factcheck.storage import backups
from factcheck.store import Store
from tests.conftest import PROJECT_ROOT, SEED


def _copy_as(backup: Path, name: str, written: float) -> Path:
    """Another backup beside `backup`, as if written at `written` (seconds since the epoch)."""
    target = backup.parent / name
    shutil.copyfile(backup, target)
    os.utime(target, (written, written))
    return target


def _seeded(path: Path) -> Path:
    with Store(path) as store:
        store.import_file(SEED)
    return path


def _big(path: Path, articles: int = 120) -> Path:
    """A database of a few megabytes, so a backup of it takes long enough to be interrupted."""
    with Store(path) as store:
        body = SEED.read_text(encoding="utf-8")
        for n in range(articles):
            store.import_text(f"Article {n}.\n\n{body}")
    return path


def test_backups_are_listed_newest_first_with_their_kind_time_and_size(db_path: Path) -> None:
    _seeded(db_path)
    upgrade = backups.make_backup(db_path, "before-upgrade-0001")
    automatic = backups.make_backup(db_path)
    day = time.time() - 48 * 3600
    older = _copy_as(automatic, "review-20250101-090000-auto.db", day)
    second_that_day = _copy_as(automatic, "review-20250101-090000-auto-1.db", day)  # the same second: numbered
    legacy = _copy_as(upgrade, "review-20241231-235959-daily.db", day - 3600)  # earlier versions' name
    # Not backups of this database: another one sharing the folder, a stray file, an unfinished copy.
    _copy_as(automatic, "review-old-20250102-090000-auto.db", day + 3600)
    (backups.backups_dir(db_path) / "notes.txt").write_text("keep the Friday copy", encoding="utf-8")
    (backups.backups_dir(db_path) / ".review-20250103-090000-auto.db.partial").write_bytes(b"")

    listed = backups.list_backups(db_path)

    assert [b.path for b in listed] == [automatic, upgrade, second_that_day, older, legacy]
    assert [b.kind for b in listed] == ["automatic", "before-upgrade", "automatic", "automatic", "automatic"]
    assert listed[2].made_at == listed[3].made_at == dt.datetime(2025, 1, 1, 9, 0, 0)
    assert abs(listed[0].made_at - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert all(b.size == b.path.stat().st_size > 0 for b in listed)


def test_a_database_without_articles_has_nothing_to_back_up(db_path: Path) -> None:
    with Store(db_path) as store:
        assert not store.backup_due()
        assert store.backups() == []


def test_a_backup_is_due_once_the_database_changed_since_the_last(db_path: Path) -> None:
    with Store(_seeded(db_path)) as store:
        assert store.backup_due()
        made = store.automatic_backup()
        proposed = len(store.claims(1, proposed_only=True))
        assert (made.kind, made.articles, made.claims) == ("automatic", 1, proposed)
        assert not store.backup_due()
        time.sleep(0.05)
        store.set_verdict(store.claims(1, proposed_only=True)[0].id, "disputed")
        assert store.backup_due()
        assert not store.backup_due(backups.INTERVAL)  # the last copy is younger than 30 minutes


def test_one_databases_rotation_never_touches_anothers_backups(tmp_path: Path) -> None:
    main, copy = _seeded(tmp_path / "main.db"), _seeded(tmp_path / "main-copy.db")
    theirs = backups.make_backup(copy)
    old = time.time() - 400 * 86400
    # Old automatic copies of both, from the same nine days: main's are thinned, main-copy's stay.
    for n in range(9):
        for stem, source in (("main", main), ("main-copy", theirs)):
            _copy_as(source if stem == "main-copy" else theirs, f"{stem}-2024010{n + 1}-090000-auto.db", old)
    before = sorted(p.name for p in backups.backups_dir(copy).glob("main-copy-*"))

    backups.automatic_backup(main)

    assert sorted(p.name for p in backups.backups_dir(copy).glob("main-copy-*")) == before
    mine = [b.path.name for b in backups.list_backups(main)]
    # Seven days kept a copy each, 2 January the week's; 1 January (the same week) went.
    assert len(mine) == 9 and "main-20240101-090000-auto.db" not in mine


def _automatic(day: dt.date, hour: int = 9) -> backups.BackupInfo:
    return backups.BackupInfo(Path(f"review-{day:%Y%m%d}-{hour:02d}0000-auto.db"), "automatic",
                              dt.datetime.combine(day, dt.time(hour)), 1)


def test_automatic_backups_are_thinned_to_today_yesterday_7_days_4_weeks_and_12_months() -> None:
    today = dt.date(2026, 6, 15)
    found = [_automatic(today - dt.timedelta(days=n), hour) for n in range(800) for hour in (9, 17)]
    found.append(backups.BackupInfo(Path("review-20200101-090000-manual.db"), "manual",
                                    dt.datetime(2020, 1, 1, 9), 1))
    dropped = {b.path for b in backups.to_thin(found, today)}
    kept = sorted((b.made_at for b in found if b.path not in dropped and b.kind == "automatic"), reverse=True)

    assert kept[:4] == [dt.datetime.combine(today - dt.timedelta(days=n), dt.time(h)) for n in (0, 1) for h in (17, 9)]
    daily = kept[4:11]
    assert [d.date() for d in daily] == [today - dt.timedelta(days=n) for n in range(2, 9)]
    assert all(d.hour == 17 for d in daily)  # the newest copy of each day
    weekly, monthly = kept[11:15], kept[15:]
    assert len({d.isocalendar()[:2] for d in weekly}) == 4
    assert len(monthly) == 12 and len({(d.year, d.month) for d in monthly}) == 12
    assert monthly[-1].date() > today - dt.timedelta(days=400)
    assert Path("review-20200101-090000-manual.db") not in dropped  # a copy asked for is never thinned


def _with_file_limit(limit: int):  # noqa: ANN202 - a preexec_fn
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_during_a_backup_keeps_no_file_and_never_stops_the_database_opening(tmp_path: Path) -> None:
    db_path = _big(tmp_path / "review.db", articles=30)
    limit = db_path.stat().st_size // 3
    env = {**os.environ, "FACTCHECK_DB": str(db_path)}

    listed = subprocess.run([sys.executable, "-m", "factcheck.cli", "articles"], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=60, preexec_fn=_with_file_limit(limit))
    asked = subprocess.run([sys.executable, "-m", "factcheck.cli", "backup"], cwd=PROJECT_ROOT, env=env,
                           capture_output=True, text=True, timeout=60, preexec_fn=_with_file_limit(limit))

    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 30  # the due backup failed; reading went on
    assert listed.stderr.startswith("factcheck: warning: Could not back up review.db")
    assert "the disk is full" in listed.stderr and len(listed.stderr.splitlines()) == 1
    assert asked.returncode == 1 and "Traceback" not in asked.stderr and len(asked.stderr.splitlines()) == 1
    assert list(backups.backups_dir(db_path).iterdir()) == []
    assert "unexpected" not in listed.stderr + asked.stderr


def run_cli(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_backups_and_restore_from_the_command_line_and_a_restore_can_be_undone(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _seeded(db_path)
    code, out, _ = run_cli(capsys, db_path, "backup")
    assert code == 0 and out.startswith("backed up to ") and "(1 articles, " in out
    first = Path(out.split("backed up to ")[1].split(" (")[0])
    with Store(db_path) as store:
        claim = store.claims(1, proposed_only=True)[0].id
        store.set_verdict(claim, "disputed", rationale="no record")

    code, out, _ = run_cli(capsys, db_path, "backups")
    assert code == 0 and str(first) in out and "manual" in out
    code, out, _ = run_cli(capsys, db_path, "restore", first.name)  # a name in the backups folder is enough
    assert code == 0 and "restore that to undo" in out
    with Store(db_path) as store:
        assert store.claim(claim).verdict is None
    before_restore = Path(out.split("kept in ")[1].split(";")[0])

    assert run_cli(capsys, db_path, "restore", str(before_restore))[0] == 0
    with Store(db_path) as store:
        assert (store.claim(claim).verdict, store.claim(claim).rationale) == ("disputed", "no record")
    code, out, _ = run_cli(capsys, db_path, "backups", "--json")
    assert {"path", "kind", "made_at", "size", "articles", "claims"} <= set(__import__("json").loads(out)[0])


def test_a_restore_keeps_working_for_another_open_store(db_path: Path) -> None:
    _seeded(db_path)
    with Store(db_path) as other, Store(db_path) as store:
        copy = store.backup()
        claim = store.claims(1, proposed_only=True)[0].id
        other.set_verdict(claim, "verified")
        store.restore(copy.path)
        assert other.claim(claim).verdict is None  # the other instance sees the restored state
        other.set_verdict(claim, "unclear")
        assert store.claim(claim).verdict == "unclear"


@pytest.mark.parametrize("kind", ["not a database", "a newer database", "a folder", "missing"])
def test_a_restore_from_something_that_is_not_a_backup_is_refused_and_changes_nothing(
        db_path: Path, tmp_path: Path, kind: str) -> None:
    _seeded(db_path)
    bad = tmp_path / "bad.db"
    if kind == "not a database":
        bad.write_bytes(b"PK\x03\x04 a zip file")
    elif kind == "a newer database":
        shutil.copyfile(backups.make_backup(db_path), bad)
        con = sqlite3.connect(bad)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    elif kind == "a folder":
        bad.mkdir()
    before = db_path.read_bytes()
    listed = backups.list_backups(db_path)
    with Store(db_path) as store, pytest.raises(BackupError) as refused:
        store.restore(bad)
    assert len(str(refused.value).splitlines()) == 1
    assert db_path.read_bytes() == before and backups.list_backups(db_path) == listed


def test_backup_to_a_file_of_ones_choosing_and_refusals(db_path: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _seeded(db_path)
    code, out, _ = run_cli(capsys, db_path, "backup", "--output", str(tmp_path / "friday.db"))
    assert code == 0 and (tmp_path / "friday.db").exists()
    with Store(tmp_path / "friday.db") as copy:
        assert copy.article_count() == 1
    code, _, err = run_cli(capsys, db_path, "backup", "--output", str(tmp_path))
    assert code == 1 and "is a folder" in err and "Traceback" not in err
    code, _, err = run_cli(capsys, db_path, "backup", "--output", str(db_path))
    assert code == 1 and "the database itself" in err
    letter = tmp_path / "letter.txt"
    letter.write_text("not a backup\n")
    code, _, err = run_cli(capsys, db_path, "backup", "--output", str(letter))
    assert code == 1 and "already exists" in err and letter.read_text() == "not a backup\n"
    code, _, err = run_cli(capsys, db_path, "backup", "--output", str(tmp_path / "friday.db"))
    assert code == 1 and "already exists" in err  # not even over another backup


def test_the_command_line_backs_up_a_changed_database_when_it_opens_it(db_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _seeded(db_path)
    assert run_cli(capsys, db_path, "articles")[0] == 0
    [made] = backups.list_backups(db_path)
    assert made.kind == "automatic"
    assert run_cli(capsys, db_path, "articles")[0] == 0
    assert backups.list_backups(db_path) == [made]  # nothing changed since: no second copy
