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


INDEXES = ("claim_fts", "reviewed_fts")


def in_scope(index: str, proposed: int, dismissed: int, verdict: str | None) -> bool:
    """Which claims each index must hold: those a search can find, and those with a verdict."""
    return bool(proposed or dismissed) if index == "claim_fts" else verdict is not None


def indexed(store: Store, index: str = "claim_fts") -> list[tuple]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute(
            f"SELECT rowid, text, rationale, sources, article_title FROM {index} ORDER BY rowid").fetchall()
    finally:
        con.close()


def rebuilt(store: Store, index: str = "claim_fts") -> list[tuple]:
    """What the index should hold, worked out from the tables in Python, independently of the triggers."""
    con = sqlite3.connect(store.path)
    try:
        titles = dict(con.execute("SELECT id, title FROM article"))
        sources: dict[int, list[str]] = {}
        for claim_id, title, excerpt in con.execute("SELECT claim_id, title, excerpt FROM source ORDER BY id"):
            sources.setdefault(claim_id, []).append(f"{title} {excerpt}")
        return [(cid, text, rationale, " ".join(sources.get(cid, [])), titles[article_id])
                for cid, text, rationale, article_id, proposed, dismissed, verdict in
                con.execute("SELECT id, text, rationale, article_id, proposed, dismissed, verdict "
                            "FROM claim ORDER BY id")
                if in_scope(index, proposed, dismissed, verdict)]
    finally:
        con.close()


def assert_indexes_match(store: Store, when: str = "") -> None:
    for index in INDEXES:
        assert indexed(store, index) == rebuilt(store, index), f"{index} {when}"


def integrity_check(store: Store) -> None:
    """FTS5's own check that its inverted index agrees with its stored text."""
    con = sqlite3.connect(store.path)
    try:
        for index in INDEXES:
            con.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        con.commit()
    finally:
        con.close()


def phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def random_operation(store: Store, rng: random.Random) -> ops.Operation | None:
    everything = [c for a in store.articles() for c in store.claims(a.id)]
    if rng.random() < 0.15:  # a sentence promoted, or a claim demoted: it enters or leaves the search index
        sentence = rng.choice(everything)
        return ops.SetProposed(sentence.id, proposed=not sentence.proposed)
    claims = [c for c in everything if c.proposed]
    claim = rng.choice(claims)
    kind = rng.randrange(9)
    source = SourceInput(f"https://example.org/{rng.randrange(99)}", title=phrase(rng), excerpt=phrase(rng))
    if kind in (0, 8) and not claim.dismissed:  # a dismissed claim takes no verdict until restored
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
    if kind == 7:
        return ops.SetDismissed(claim.id, dismissed=not claim.dismissed)
    return None


@pytest.mark.parametrize("seed", range(4))
def test_random_operations_and_undos_keep_the_index_equal_to_a_rebuild(seeded: Store, seed: int) -> None:
    rng = random.Random(seed)
    done: list[ops.Operation] = []
    reviewed_at_some_point = False
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
        assert_indexes_match(seeded, f"after step {step}")
        reviewed_at_some_point = reviewed_at_some_point or bool(indexed(seeded, "reviewed_fts"))
    assert reviewed_at_some_point, "the operations gave verdicts, so the reviewed index was used"
    while done:
        seeded.revert(done.pop())
    assert_indexes_match(seeded, "after every undo")
    assert indexed(seeded, "reviewed_fts") == []
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
    assert_indexes_match(seeded)
    assert seeded.search_ids("budget hearing")
    assert seeded.search_ids("sabado") == []
    integrity_check(seeded)


def test_an_upgraded_database_gets_its_existing_claims_indexed(seeded: Store) -> None:
    from factcheck.storage import migrate

    seeded.set_verdict(seeded.search_ids("terrorist")[0], "verified",
                       sources=[SourceInput("https://example.org/x", title="Decree text")])
    before = {index: indexed(seeded, index) for index in INDEXES}
    migrate.downgrade(seeded.engine, "0003")
    migrate.upgrade(seeded.engine)
    assert {index: indexed(seeded, index) for index in INDEXES} == before
    assert_indexes_match(seeded)
    assert seeded.search_ids("decree") and seeded.search_ids("verdict:verified decree")
    integrity_check(seeded)


def test_upgrading_from_one_index_of_every_sentence_keeps_only_what_a_search_can_find(seeded: Store) -> None:
    from factcheck.storage import migrate

    claim = seeded.search_ids("terrorist")[0]
    seeded.set_verdict(claim, "disputed", rationale="the decree says otherwise")
    migrate.downgrade(seeded.engine, "0004")
    every_sentence = len(seeded.claims(1))
    assert len(indexed(seeded)) == every_sentence  # 0004 indexed every sentence
    migrate.upgrade(seeded.engine)
    assert 0 < len(indexed(seeded)) < every_sentence
    assert [row[0] for row in indexed(seeded, "reviewed_fts")] == [claim]
    assert_indexes_match(seeded)
    assert seeded.search_ids("verdict:disputed decree") == [claim]
    integrity_check(seeded)
