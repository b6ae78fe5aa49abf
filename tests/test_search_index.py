"""The full-text index follows every change in the same transaction: imports, operations and undos."""

from __future__ import annotations

import random
import sqlite3

import pytest

from factcheck import ops
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.test_search_store import SPANISH

WORDS = ("decree", "tariff", "sábado", "checked", "minister", "budget", "record", "court")


def indexed(store: Store) -> list[tuple]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute(
            "SELECT rowid, text, rationale, sources, article_title FROM claim_fts ORDER BY rowid").fetchall()
    finally:
        con.close()


def rebuilt(store: Store) -> list[tuple]:
    """What the index should hold, worked out from the tables in Python, independently of the triggers."""
    con = sqlite3.connect(store.path)
    try:
        titles = dict(con.execute("SELECT id, title FROM article"))
        sources: dict[int, list[str]] = {}
        for claim_id, title, excerpt in con.execute("SELECT claim_id, title, excerpt FROM source ORDER BY id"):
            sources.setdefault(claim_id, []).append(f"{title} {excerpt}")
        return [(cid, text, rationale, " ".join(sources.get(cid, [])), titles[article_id])
                for cid, text, rationale, article_id in
                con.execute("SELECT id, text, rationale, article_id FROM claim ORDER BY id")]
    finally:
        con.close()


def integrity_check(store: Store) -> None:
    """FTS5's own check that its inverted index agrees with its stored text."""
    con = sqlite3.connect(store.path)
    try:
        con.execute("INSERT INTO claim_fts(claim_fts) VALUES ('integrity-check')")
        con.commit()
    finally:
        con.close()


def phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def random_operation(store: Store, rng: random.Random) -> ops.Operation | None:
    claims = [c for a in store.articles() for c in store.claims(a.id, proposed_only=True)]
    claim = rng.choice(claims)
    kind = rng.randrange(8)
    source = SourceInput(f"https://example.org/{rng.randrange(99)}", title=phrase(rng), excerpt=phrase(rng))
    if kind == 0:
        return ops.SetVerdict(claim.id, verdict=rng.choice(("verified", "disputed", "unclear")),
                              rationale=phrase(rng), sources=(source,) * rng.randint(0, 2), reviewer="ana")
    if kind == 1:
        return ops.EditRationale(claim.id, rationale=phrase(rng))
    if kind == 2:
        return ops.AddSource(claim.id, source=source)
    if kind == 3 and claim.sources:
        return ops.EditSource(claim.id, source_id=rng.choice(claim.sources).id, source=source)
    if kind == 4 and claim.sources:
        return ops.RemoveSource(claim.id, source_id=rng.choice(claim.sources).id)
    if kind == 5:
        return ops.EditClaimText(claim.id, text=phrase(rng))
    if kind == 6:
        return ops.AddClaim(claim.article_id, text=phrase(rng))
    return None


@pytest.mark.parametrize("seed", range(4))
def test_random_operations_and_undos_keep_the_index_equal_to_a_rebuild(seeded: Store, seed: int) -> None:
    rng = random.Random(seed)
    done: list[ops.Operation] = []
    for step in range(60):
        if done and rng.random() < 0.3:
            seeded.revert(done.pop())
        elif step == 25:
            seeded.import_text(SPANISH)  # the raw importer writes through the driver's cursor
        else:
            op = random_operation(seeded, rng)
            if op is not None:
                seeded.run(op)
                done.append(op)
        assert indexed(seeded) == rebuilt(seeded), f"after step {step}"
    while done:
        seeded.revert(done.pop())
    assert indexed(seeded) == rebuilt(seeded)
    integrity_check(seeded)


def test_a_renamed_article_and_a_deleted_one_update_the_index(seeded: Store) -> None:
    seeded.import_text(SPANISH)
    con = sqlite3.connect(seeded.path)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("UPDATE article SET title = 'Budget hearing' WHERE id = 1")
        con.execute("DELETE FROM article WHERE id = 2")
        con.commit()
    finally:
        con.close()
    assert indexed(seeded) == rebuilt(seeded)
    assert seeded.search_ids("budget hearing")
    assert seeded.search_ids("sabado") == []
    integrity_check(seeded)


def test_an_upgraded_database_gets_its_existing_claims_indexed(seeded: Store) -> None:
    from factcheck.storage import migrate

    seeded.set_verdict(seeded.search_ids("terrorist")[0], "verified",
                       sources=[SourceInput("https://example.org/x", title="Decree text")])
    before = indexed(seeded)
    migrate.downgrade(seeded.engine, "0003")
    migrate.upgrade(seeded.engine)
    assert indexed(seeded) == before == rebuilt(seeded)
    assert seeded.search_ids("decree")
