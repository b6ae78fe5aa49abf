"""Two programs on one database file: both keep working, no "database is locked" reaches anyone,
the same text imported by both at once is stored once, and a claim changed by the other is a clear
conflict naming its version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.errors import ConflictError
from factcheck.store import Store
from tests.conftest import PROJECT_ROOT, SEED

BUSY_WORKER = r"""
import sys, time
from factcheck import ops
from factcheck.errors import FactcheckError
from factcheck.store import Store
db, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = Store(db, reviewer=name)
print("ready", flush=True)
sys.stdin.readline()
end = time.monotonic() + seconds
n = 0
while time.monotonic() < end:
    n += 1
    try:
        result = store.import_text(f"{name} article {n}\n\nThe council of {name} approved {n} homes in 2024, "
                                   f"the mayor said. It cost {n * 3} million dollars, officials said.")
        print(f"article {result.article_id}", flush=True)
        for claim in store.claims(result.article_id):
            store.run(ops.SetVerdict(claim.id, verdict="verified", reviewer=name, rationale=f"{name} {n}"))
            print(f"verdict {claim.id} {name} {n}", flush=True)
        if n % 10 == 0:
            store.automatic_backup()  # a backup while the other writes
            print("backup", flush=True)
    except FactcheckError as exc:
        print(f"error {exc}", flush=True)
"""

SAME_TEXT_WORKER = r"""
import os, sys, time
from factcheck.errors import FactcheckError
from factcheck.store import Store
db, folder, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = Store(db)
for r in range(rounds):
    print(f"ready {r}", flush=True)
    while not os.path.exists(os.path.join(folder, f"go-{r}")):
        time.sleep(0.001)
    try:
        result = store.import_text(f"Round {r}: the same wire story, 40 troops crossed on Saturday, officials said.")
        print(f"{'duplicate' if result.duplicate else 'new'} {result.article_id}", flush=True)
    except FactcheckError as exc:
        print(f"error {exc}", flush=True)
"""


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=PROJECT_ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_programs_importing_and_judging_on_one_file_both_keep_working(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    workers = [_start(BUSY_WORKER, db_path, name, 4) for name in ("ana", "ben")]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    outputs = [w.communicate(timeout=120) for w in workers]
    lines = [line for out, _err in outputs for line in out.splitlines()]

    assert all(w.returncode == 0 for w in workers), [err for _out, err in outputs]
    assert [line for line in lines if line.startswith("error")] == []  # no "database is locked", nothing refused
    verdicts = [line.split(" ", 2) for line in lines if line.startswith("verdict ")]
    assert sum(line == "backup" for line in lines) >= 2
    with Store(db_path) as store:
        for _, claim_id, rationale in verdicts:
            assert rationale in [v.rationale for v in store.history(int(claim_id))]
        made = {line.split()[1] for line in lines if line.startswith("article ")}
        assert len(made) == len([line for line in lines if line.startswith("article ")])  # no id given twice
        assert store.article_count() == 1 + len(made)
    assert len(verdicts) > 20  # both really worked at the same time


def test_the_same_text_imported_by_two_programs_at_once_is_stored_once(db_path: Path, tmp_path: Path) -> None:
    rounds = 8
    Store(db_path).close()
    workers = [_start(SAME_TEXT_WORKER, db_path, tmp_path, rounds) for _ in range(2)]
    results: list[list[str]] = [[], []]
    for r in range(rounds):
        for w in workers:
            assert w.stdout is not None and w.stdout.readline().strip() == f"ready {r}"
        (tmp_path / f"go-{r}").touch()  # both import the same text at the same moment
        for n, w in enumerate(workers):
            assert w.stdout is not None
            results[n].append(w.stdout.readline().strip())
    for w in workers:
        w.communicate(timeout=60)
    for r in range(rounds):
        outcome = sorted([results[0][r], results[1][r]])
        assert [o.split()[0] for o in outcome] == ["duplicate", "new"], outcome
        assert outcome[0].split()[1] == outcome[1].split()[1]  # the duplicate names the article stored
    with Store(db_path) as store:
        assert store.article_count() == rounds


CHANGE_CLAIM = r"""
import sys
from factcheck.store import Store
with Store(sys.argv[1], reviewer="ben") as store:
    store.set_verdict(int(sys.argv[2]), "verified", rationale="ben found the record")
"""


def test_a_claim_the_other_program_changed_is_refused_naming_its_version_and_nothing_is_lost(
        db_path: Path) -> None:
    with Store(db_path, reviewer="ana") as ana:
        ana.import_file(SEED)
        shown = ana.claims(1, proposed_only=True)[0]  # what ana's window shows
        done = subprocess.run([sys.executable, "-c", CHANGE_CLAIM, str(db_path), str(shown.id)], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        with pytest.raises(ConflictError) as refused:
            ana.run(ops.SetVerdict(shown.id, verdict="disputed", reviewer="ana", rationale="no record",
                                   expected_version=shown.version))
        message = str(refused.value)
        assert f"you had version {shown.version}, it is now version {shown.version + 1}: verified by ben" in message
        assert "yours was not saved" in message
        assert (ana.claim(shown.id).verdict, ana.claim(shown.id).rationale) == ("verified", "ben found the record")
        again = ana.claim(shown.id)  # looked at the other change, ana decides again: saved
        ana.run(ops.SetVerdict(shown.id, verdict="disputed", reviewer="ana", rationale="no record",
                               expected_version=again.version))
        assert [v.label for v in ana.history(shown.id)] == ["verified", "disputed"]


HOLD_THE_LOCK = r"""
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def test_a_write_lock_held_past_the_busy_timeout_is_waited_out_not_reported(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.storage import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)  # as if the other program held it for minutes
    with Store(db_path, reviewer="ana") as store:
        store.import_file(SEED)
        claim = store.claims(1, proposed_only=True)[0].id
        holder = _start(HOLD_THE_LOCK, db_path, 0.8)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        store.set_verdict(claim, "unclear", rationale="waited for the other program")
        result = store.import_text("The mayor said 12 bridges closed on Monday, officials said.")
        holder.communicate(timeout=30)
        assert store.claim(claim).rationale == "waited for the other program"
        assert not result.duplicate and store.article_count() == 2
