"""Each article's open and reviewed counts live on its row: they must never drift from a recount."""

from __future__ import annotations

import random
import sqlite3

import pytest

from factcheck import ops
from factcheck.storage import migrate
from factcheck.store import Store
from tests.test_search_index import random_operation
from tests.test_search_store import SPANISH


def recounted(store: Store) -> dict[int, tuple[int, int]]:
    """Per article (open, reviewed), counted from the claims in SQL written for the test."""
    con = sqlite3.connect(store.path)
    try:
        return {article: (open_, reviewed) for article, open_, reviewed in con.execute(
            "SELECT a.id, count(c.id), count(c.verdict) FROM article a LEFT JOIN claim c "
            "ON c.article_id = a.id AND c.proposed = 1 AND c.dismissed = 0 GROUP BY a.id")}
    finally:
        con.close()


def listed(store: Store) -> dict[int, tuple[int, int]]:
    return {a.id: (a.claims, a.reviewed) for a in store.articles()}


@pytest.mark.parametrize("seed", range(3))
def test_counts_follow_every_operation_and_undo(seeded: Store, seed: int) -> None:
    rng = random.Random(seed)
    done: list[ops.Operation] = []
    for step in range(60):
        if done and rng.random() < 0.3:
            seeded.revert(done.pop())
        elif step == 20:
            seeded.import_text(SPANISH)
        else:
            op = random_operation(seeded, rng)
            if op is not None:
                seeded.run(op)
                done.append(op)
        assert listed(seeded) == recounted(seeded), f"after step {step}"
    while done:
        seeded.revert(done.pop())
    assert listed(seeded) == recounted(seeded)


def test_a_verdict_counts_once_and_a_dismissed_claim_not_at_all(seeded: Store) -> None:
    first, second = seeded.claims(1, proposed_only=True)[:2]
    before = seeded.article(1)
    assert before is not None and before.reviewed == 0
    seeded.set_verdict(first.id, "verified")
    seeded.set_verdict(first.id, "disputed")  # a second verdict on the same claim
    seeded.run(ops.SetDismissed(second.id, dismissed=True))
    after = seeded.article(1)
    assert after is not None
    assert (after.claims, after.reviewed) == (before.claims - 1, 1)


def test_an_upgraded_database_gets_its_counts(seeded: Store) -> None:
    seeded.set_verdict(seeded.claims(1, proposed_only=True)[0].id, "unclear")
    expected = recounted(seeded)
    migrate.downgrade(seeded.engine, "0005")
    migrate.upgrade(seeded.engine)
    assert listed(seeded) == expected
    assert expected[1][1] == 1


def test_the_next_unreviewed_claim_is_read_from_the_partial_index(seeded: Store) -> None:
    """N is one step in the index of open unreviewed claims, not a sort of every open claim."""
    con = sqlite3.connect(seeded.path)
    try:
        plan = " ".join(str(row[3]) for row in con.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM claim WHERE claim.proposed = 1 AND claim.dismissed = 0 "
            "AND claim.verdict IS NULL ORDER BY claim.article_id, claim.position, claim.id LIMIT 1"))
    finally:
        con.close()
    assert "ix_claim_open_unreviewed" in plan and "TEMP B-TREE" not in plan


def test_the_whole_list_reads_the_same_records_as_one_article_at_a_time(seeded: Store) -> None:
    """The list is read straight from the driver: it must give what the one-article read gives."""
    seeded.import_text(SPANISH)
    seeded.set_verdict(seeded.claims(1, proposed_only=True)[0].id, "verified")
    everything = seeded.articles()
    assert len(everything) == 2
    assert everything == [seeded.article(a.id) for a in everything]
    assert all(a.imported_at is not None and a.imported_at.tzinfo is not None for a in everything)


def test_the_article_list_reads_what_the_records_hold_from_its_own_index(seeded: Store) -> None:
    """The list's plain rows (what the window shows) agree with the full records, and come from an
    index of just those columns: a reload never walks the article rows with their bodies."""
    from factcheck import store as store_module

    seeded.import_text(SPANISH, published="2024-03-01T10:30:00")
    seeded.set_verdict(seeded.claims(1, proposed_only=True)[0].id, "verified")
    records = seeded.articles()
    rows = seeded.article_list()
    assert rows == [(a.id, a.title, a.outlet, (a.published or "")[:10], a.claims, a.reviewed) for a in records]
    assert rows[1][3] == "2024-03-01" and rows[0][5] == 1
    assert seeded.article_list([records[1].id]) == rows[1:]
    assert seeded.article_list([]) == []
    sql = str(store_module._LISTING.compile(dialect=seeded.engine.dialect, compile_kwargs={"literal_binds": True}))
    con = sqlite3.connect(seeded.path)
    try:
        plan = " ".join(str(row[3]) for row in con.execute(f"EXPLAIN QUERY PLAN {sql}"))
    finally:
        con.close()
    assert "COVERING INDEX ix_article_list" in plan and "TEMP B-TREE" not in plan
