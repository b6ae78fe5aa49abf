"""SIGKILL at random moments: imports, verdicts, a new database, a migration. Nothing finished is lost,
nothing half-done is kept, and the file is never damaged.

A killed process has to be a real one, and starting an interpreter with SQLAlchemy loaded costs
most of a second; so one helper process loads everything once and forks a worker per run, and
the test kills the worker. Each worker writes a line to its log after every change it finished
(the kernel keeps what a killed process wrote), which is what "reported as done" means here.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.importing import batch
from factcheck.importing.reading import ArticleInput
from factcheck.storage import backups, migrate
from factcheck.store import Store
from tests.conftest import PROJECT_ROOT

KILLS = 30
MIGRATION_KILLS = 15

FORKING_HELPER = r"""
import os, sys
from factcheck import ops
from factcheck.store import Store
from factcheck.storage import database  # noqa: F401 - loaded before forking, not in each worker
from alembic import command  # noqa: F401 - likewise: an upgrade loads it

def log(fd, line):
    os.write(fd, (line + "\n").encode())

def work(kind, db, log_path, run):
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    if kind == "backup":
        from pathlib import Path
        from factcheck.storage import backups
        while True:
            backups.make_backup(Path(db))
            log(fd, "backup")
    store = Store(db, reviewer="crash")
    log(fd, "open")
    if kind == "migrate":
        return
    for n in range(10_000):
        sentences = " ".join(f"The council approved {k * 7 + n} new homes in 2024, the mayor said."
                             for k in range(3 + n % 4))
        result = store.import_text(f"Crash {run}-{n}\n\n{sentences}\n")
        log(fd, f"article {result.article_id}")
        for claim in store.claims(result.article_id)[:3]:
            rationale = f"run {run} claim {claim.id}"
            store.run(ops.SetVerdict(claim.id, verdict="disputed", reviewer="crash", rationale=rationale))
            log(fd, f"verdict {claim.id} {rationale}")

for line in sys.stdin:
    kind, db, log_path, run = line.split()
    pid = os.fork()
    if pid == 0:
        try:
            work(kind, db, log_path, run)
        finally:
            os._exit(0)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


class Helper:
    """The forking helper: `run` starts one worker and returns its pid."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", FORKING_HELPER], cwd=PROJECT_ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, kind: str, db: Path, log: Path, run: int) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{kind} {db} {log} {run}\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def reaped(self) -> None:
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "reaped"

    def kill_after(self, pid: int, delay: float) -> None:
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # the worker was done before the moment came
            pass
        self.reaped()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def helper() -> Iterator[Helper]:
    started = Helper()
    yield started
    started.close()


def _integrity(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def _check_after_kill(path: Path, log: Path) -> tuple[int, int]:
    """The promises, after one kill; returns how many articles and verdicts were reported done."""
    _integrity(path)
    reported = log.read_text().splitlines() if log.exists() else []
    con = sqlite3.connect(path)
    try:
        for article_id, body, language in con.execute("SELECT id, body, language FROM article"):
            expected = len(batch.analyse_input(ArticleInput(body=body, language=language)))
            stored = con.execute("SELECT count(*) FROM claim WHERE article_id = ?", (article_id,)).fetchone()[0]
            assert stored == expected, f"article {article_id} has {stored} of its {expected} sentences"
        for line in reported:
            if line.startswith("article "):
                assert con.execute("SELECT 1 FROM article WHERE id = ?", (int(line.split()[1]),)).fetchone()
            elif line.startswith("verdict "):
                _, claim_id, rationale = line.split(" ", 2)
                assert con.execute("SELECT 1 FROM verdict WHERE claim_id = ? AND rationale = ?",
                                   (int(claim_id), rationale)).fetchone(), f"reported verdict lost: {line}"
                assert con.execute("SELECT verdict FROM claim WHERE id = ?", (int(claim_id),)).fetchone() \
                    == ("disputed",)
        # A verdict row and its claim's current verdict are one change: never one without the other.
        assert con.execute("SELECT count(*) FROM claim c WHERE c.verdict IS NOT NULL AND NOT EXISTS "
                           "(SELECT 1 FROM verdict v WHERE v.claim_id = c.id)").fetchone() == (0,)
    finally:
        con.close()
    return (sum(line.startswith("article ") for line in reported),
            sum(line.startswith("verdict ") for line in reported))


def test_imports_and_verdicts_killed_at_random_lose_nothing_reported_and_keep_nothing_half_done(
        tmp_path: Path, helper: Helper) -> None:
    path = tmp_path / "review.db"
    rng = random.Random(os.getpid())
    articles = verdicts = 0
    for run in range(KILLS):
        log = tmp_path / f"run-{run}.log"
        # The first kills may land while the database is still being created.
        pid = helper.run("work", path, log, run)
        helper.kill_after(pid, rng.uniform(0.0, 0.05) if run < 5 else rng.uniform(0.05, 0.4))
        if path.exists():
            done = _check_after_kill(path, log)
            articles, verdicts = articles + done[0], verdicts + done[1]
    print(f"{KILLS} kills: {articles} imports and {verdicts} verdicts reported done, all kept")
    assert articles and verdicts  # the kills landed in the middle of real work
    with Store(path) as store:  # and the database opens and works after all of them
        assert store.article_count() >= articles


def _older_database(tmp_path: Path) -> Path:
    """A database at the revision before the search index, with enough claims to index for a while."""
    path = tmp_path / "template.db"
    with Store(path) as store:
        items = [ArticleInput(body=" ".join(f"Article {n} says {k} troops crossed in 2024." for k in range(40)),
                              title=f"Article {n}", origin="test") for n in range(150)]
        for _ in store.import_many(items, workers=1):
            pass
        migrate.downgrade(store.engine, migrate.REVISIONS[-2])
    return path


def _schema(path: Path) -> tuple[str | None, set[str], int, int]:
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        counts = tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("article", "claim"))
    finally:
        con.close()
    return version, tables, counts[0], counts[1]


def test_a_migration_killed_at_random_leaves_the_old_version_intact_or_the_new_one_complete(
        tmp_path: Path, helper: Helper) -> None:
    template = _older_database(tmp_path)
    old_version, old_tables, articles, claims = _schema(template)
    rng = random.Random(os.getpid())
    timed = tmp_path / "timed.db"
    shutil.copyfile(template, timed)
    started = time.perf_counter()
    with Store(timed):
        pass
    took = time.perf_counter() - started
    outcomes = {"old": 0, "new": 0}
    for run in range(MIGRATION_KILLS):
        path = tmp_path / f"run-{run}" / "review.db"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        pid = helper.run("migrate", path, tmp_path / f"run-{run}.log", run)
        # Spread over three times the upgrade's time, a random moment in each slice: some land in the
        # backup, some in the upgrade, some after it.
        helper.kill_after(pid, took * 3 * (run + rng.random()) / MIGRATION_KILLS)
        _integrity(path)
        version, tables, n_articles, n_claims = _schema(path)
        assert (n_articles, n_claims) == (articles, claims)
        made = backups.list_backups(path)
        for copy in made:  # any copy that counts as a backup is the whole old database
            _integrity(copy.path)
            assert _schema(copy.path)[0] == old_version and copy.kind == "before-upgrade"
        if version == old_version:
            assert tables == old_tables
            outcomes["old"] += 1
        else:
            assert version == migrate.HEAD and made, "upgraded without the backup before it"
            con = sqlite3.connect(path)
            try:  # the new version complete: its search indexes hold every claim they should
                assert con.execute("SELECT count(*) FROM claim_fts").fetchone()[0] == \
                    con.execute("SELECT count(*) FROM claim WHERE proposed OR dismissed").fetchone()[0]
                assert con.execute("SELECT count(*) FROM reviewed_fts").fetchone()[0] == \
                    con.execute("SELECT count(*) FROM claim WHERE verdict IS NOT NULL").fetchone()[0]
            finally:
                con.close()
            outcomes["new"] += 1
        with Store(path) as store:  # either way, the next start finishes the job
            assert migrate.schema_state(store.engine).current == migrate.HEAD
            assert store.article_count() == articles
    print(f"{MIGRATION_KILLS} kills of a {took:.2f} s upgrade: {outcomes['old']} left at the old version, "
          f"{outcomes['new']} complete at the new one")
    assert outcomes["old"] and outcomes["new"] and sum(outcomes.values()) == MIGRATION_KILLS


def test_a_new_database_killed_while_it_is_created_opens_afterwards(tmp_path: Path, helper: Helper) -> None:
    timed = tmp_path / "timed.db"
    started = time.perf_counter()
    with Store(timed):
        pass
    took = time.perf_counter() - started
    rng = random.Random(os.getpid())
    for run in range(10):
        path = tmp_path / f"run-{run}" / "review.db"
        path.parent.mkdir()
        helper.kill_after(helper.run("migrate", path, tmp_path / f"run-{run}.log", run),
                          took * 1.5 * (run + rng.random()) / 10)
        # Never a database without its schema version, which would be refused for good as
        # "tables that factcheck did not create": the next open creates it or opens it.
        with Store(path) as store:
            assert migrate.schema_state(store.engine).current == migrate.HEAD


def test_a_backup_killed_half_way_leaves_nothing_that_counts_as_a_backup(tmp_path: Path, helper: Helper) -> None:
    path = tmp_path / "review.db"
    with Store(path) as store:
        items = [ArticleInput(body=" ".join(f"Article {n} says {k} troops crossed in 2024." for k in range(40)),
                              title=f"Article {n}", origin="test") for n in range(150)]
        for _ in store.import_many(items, workers=1):
            pass
    started = time.perf_counter()
    backups.make_backup(path).unlink()
    took = time.perf_counter() - started
    rng = random.Random(os.getpid())
    for run in range(12):
        helper.kill_after(helper.run("backup", path, tmp_path / f"run-{run}.log", run), took * (run + rng.random()) / 4)
        for listed in backups.list_backups(path):  # every file that counts as a backup is whole
            _integrity(listed.path)
            assert _schema(listed.path)[2:] == _schema(path)[2:]
    listed_paths = {b.path for b in backups.list_backups(path)}
    left = [p for p in backups.backups_dir(path).iterdir() if p not in listed_paths]
    # What a kill leaves is only an unfinished copy under its hidden temporary name, never listed.
    assert all(p.name.startswith(".") and ".partial" in p.name for p in left)
    assert left and listed_paths  # some kills landed inside a backup, some after one
