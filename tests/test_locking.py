"""Optimistic locking between two stores on one file: a change is refused, never silently lost."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlmodel import Session

from factcheck import ops
from factcheck.errors import ConflictError
from factcheck.storage.models import Claim
from factcheck.store import Store
from tests.conftest import SEED

ROUNDS = 50
CHANGED_ELSEWHERE = "was changed elsewhere since you opened it"
CHANGED_AGAIN = "was changed again since; undo would overwrite that"


@pytest.fixture
def desk(db_path: Path) -> Iterator[tuple[Store, Store, int]]:
    """Two reviewers with their own store on one database, and the claim they both open."""
    with Store(db_path) as setup:
        setup.import_file(SEED)
    with Store(db_path, reviewer="ana") as ana, Store(db_path, reviewer="ben") as ben:
        yield ana, ben, ana.claims(1, proposed_only=True)[0].id


def _outcome(attempt: Callable[[], object]) -> str:
    try:
        attempt()
    except ConflictError as exc:
        return str(exc)
    return "saved"


def test_two_reviewers_saving_the_same_claim_at_once_never_lose_an_update(desk: tuple[Store, Store, int]) -> None:
    ana, ben, claim_id = desk
    start = threading.Barrier(2, timeout=30)

    def save(store: Store, n: int, version: int) -> str:
        op = ops.SetVerdict(claim_id, verdict="disputed", reviewer=store.reviewer, rationale=f"{store.reviewer} {n}",
                            expected_version=version)
        start.wait()  # both built their change against the same version; now both save
        return _outcome(lambda: store.run(op))

    saved: list[tuple[str, str]] = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for n in range(ROUNDS):
            version = ana.claim(claim_id).version
            futures = {store.reviewer: pool.submit(save, store, n, version) for store in (ana, ben)}
            outcomes = {name: future.result(timeout=60) for name, future in futures.items()}
            winners = [name for name, outcome in outcomes.items() if outcome == "saved"]
            assert len(winners) == 1, f"round {n}: {outcomes}"
            [loser] = [outcome for outcome in outcomes.values() if outcome != "saved"]
            assert CHANGED_ELSEWHERE in loser
            saved.append((winners[0], f"{winners[0]} {n}"))

    final = ana.claim(claim_id)
    assert final.version == 1 + ROUNDS
    assert [(v.reviewer, v.rationale) for v in ana.history(claim_id)] == saved
    assert (final.reviewer, final.rationale) == saved[-1]


def test_a_save_landing_between_another_saves_read_and_write_is_not_lost(desk: tuple[Store, Store, int]) -> None:
    """Ben's save reads the claim; Ana saves hers before Ben writes. One of them must be refused."""
    ana, ben, claim_id = desk
    version = ben.claim(claim_id).version
    ben_has_read, ana_tried = threading.Event(), threading.Event()

    def hold_ben_after_reading(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith("SELECT") and "FROM claim" in statement and not ben_has_read.is_set():
            ben_has_read.set()
            # Where the lock holds, Ana cannot get in until Ben is done: do not wait for her forever.
            ana_tried.wait(timeout=1)

    def ana_saves() -> str:
        ben_has_read.wait(timeout=30)
        try:
            return _outcome(lambda: ana.run(ops.EditClaimText(claim_id, text="Ana's wording.",
                                                              expected_version=version)))
        finally:
            ana_tried.set()

    event.listen(ben.engine, "after_cursor_execute", hold_ben_after_reading)
    with ThreadPoolExecutor(max_workers=1) as pool:
        ana_outcome = pool.submit(ana_saves)
        ben_outcome = _outcome(lambda: ben.run(ops.SetVerdict(claim_id, verdict="verified", reviewer="ben",
                                                              expected_version=version)))
        outcomes = {"ana": ana_outcome.result(timeout=60), "ben": ben_outcome}
    event.remove(ben.engine, "after_cursor_execute", hold_ben_after_reading)

    assert sorted(outcomes.values()).count("saved") == 1, outcomes
    assert all(CHANGED_ELSEWHERE in o for o in outcomes.values() if o != "saved")
    final = ana.claim(claim_id)
    assert final.version == version + 1
    if outcomes["ben"] == "saved":
        assert final.verdict == "verified" and final.text != "Ana's wording."
        assert [v.reviewer for v in ana.history(claim_id)] == ["ben"]
    else:
        assert final.verdict is None and final.text == "Ana's wording."
        assert ana.history(claim_id) == []


def _read_then_changed_underneath(session: Session, claim_id: int) -> Claim:
    """The claim as this transaction read it, and then another writer's change to its row.

    On SQLite the write lock keeps other connections out, so the change is made on this
    transaction's own connection; a database without one writer at a time lets another reviewer's
    commit land at exactly this point. The session hands the operation the copy it read, which is
    held here because the session keeps only the objects someone holds.
    """
    read = session.get(Claim, claim_id)
    assert read is not None
    table = Claim.__table__
    session.connection().execute(
        update(table).where(table.c.id == claim_id).values(version=table.c.version + 1, text="Someone else's.")
    )
    return read


def test_the_write_itself_refuses_a_claim_that_changed_after_it_was_read(desk: tuple[Store, Store, int]) -> None:
    ana, _ben, claim_id = desk
    version = ana.claim(claim_id).version
    with Session(ana.engine) as session:  # closed without a commit: nothing of it is kept
        read = _read_then_changed_underneath(session, claim_id)
        with pytest.raises(ConflictError, match=CHANGED_ELSEWHERE):
            ops.EditClaimText(claim_id, text="Mine.", expected_version=read.version).apply(session)
    assert ana.claim(claim_id).version == version


def test_the_undo_write_itself_refuses_a_claim_that_changed_after_it_was_read(desk: tuple[Store, Store, int]) -> None:
    ana, _ben, claim_id = desk
    mine = ops.EditClaimText(claim_id, text="Mine.")
    ana.run(mine)
    with Session(ana.engine) as session:
        held = _read_then_changed_underneath(session, claim_id)
        with pytest.raises(ConflictError, match=CHANGED_AGAIN):
            mine.revert(session)
        del held
    assert ana.claim(claim_id).text == "Mine."


def test_an_open_read_does_not_hold_back_another_reviewers_save(desk: tuple[Store, Store, int]) -> None:
    ana, ben, claim_id = desk
    with ana.engine.connect() as reading:
        reading.exec_driver_sql("SELECT count(*) FROM claim").scalar()
        assert reading.in_transaction()
        ben.run(ops.SetDismissed(claim_id, dismissed=True))  # would wait out the busy timeout if Ana held a lock
    assert ana.claim(claim_id).dismissed
