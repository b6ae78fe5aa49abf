"""Reusing a similar claim's verdict: one undoable operation that copies it and records where from."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck import ops
from factcheck.records import SourceInput
from factcheck.store import Store

PAST = "The city council voted to ban plastic bags in every grocery store from next January."
NOW = "Grocery stores will have to stop handing out plastic bags after the council's ban vote."


# FTS5 keeps its inverted index as append-only segments, so an undone change leaves other bytes
# there that mean the same index; the index is compared by what it holds (its content table).
_FTS_SEGMENTS = tuple(f'INSERT INTO "{index}_{part}"'
                      for index in ("claim_fts", "reviewed_fts") for part in ("data", "idx"))


def dump(store: Store) -> list[str]:
    """The whole database as SQL: every table, the search index's stored content included."""
    con = sqlite3.connect(store.path)
    try:
        return [line for line in con.iterdump() if not line.startswith(_FTS_SEGMENTS)]
    finally:
        con.close()


@pytest.fixture
def pair(store: Store) -> tuple[int, int]:
    """A reviewed claim with two sources, and an unreviewed claim of another article."""
    past = store.claims(store.import_text(PAST, title="Council bans bags").article_id)[0].id
    store.set_verdict(past, "disputed", rationale="The vote was postponed; see the minutes.", reviewer="ben",
                      sources=[SourceInput("https://example.org/minutes", title="Minutes", publisher="City"),
                               SourceInput("https://example.org/agenda", excerpt="Item 4 deferred")])
    now = store.claims(store.import_text(NOW, title="Shops and bags").article_id)[0].id
    return past, now


def test_reuse_copies_verdict_rationale_and_sources_and_history_says_from_where(store: Store, pair) -> None:
    past, now = pair
    changes = store.run(ops.ReuseVerdict(now, from_claim_id=past, reviewer="ana"))
    claim = store.claim(now)
    assert (claim.verdict, claim.reviewer, claim.rationale) == ("disputed", "ana",
                                                               "The vote was postponed; see the minutes.")
    assert [(s.url, s.title, s.publisher, s.excerpt) for s in claim.sources] == [
        ("https://example.org/minutes", "Minutes", "City", ""),
        ("https://example.org/agenda", "", "", "Item 4 deferred")]
    (verdict,) = store.history(now)
    assert verdict.reused_from == past and verdict.label == "disputed"
    assert store.history(past)[0].reused_from is None
    assert changes.claims == {now} and changes.article_list
    # The original is untouched: its sources were copied, not moved.
    assert len(store.claim(past).sources) == 2


def test_reuse_then_undo_leaves_the_database_as_it_was_and_redo_works(store: Store, pair) -> None:
    past, now = pair
    op = ops.ReuseVerdict(now, from_claim_id=past, reviewer="ana", expected_version=store.claim(now).version)
    before = dump(store)
    store.run(op)
    after = dump(store)
    assert after != before
    store.revert(op)
    assert dump(store) == before
    store.run(op)
    assert store.claim(now).verdict == "disputed" and store.history(now)[0].reused_from == past


@pytest.mark.parametrize("case", ["unreviewed", "missing", "itself", "stale"])
def test_a_reuse_that_cannot_be_done_is_refused_and_changes_nothing(store: Store, pair, case: str) -> None:
    past, now = pair
    version = store.claim(now).version
    if case == "stale":
        store.run(ops.EditClaimText(now, text="Edited meanwhile by another reviewer."))
    before = dump(store)
    op = {
        "unreviewed": ops.ReuseVerdict(past, from_claim_id=now, reviewer="ana"),
        "missing": ops.ReuseVerdict(now, from_claim_id=9999, reviewer="ana"),
        "itself": ops.ReuseVerdict(past, from_claim_id=past, reviewer="ana"),
        "stale": ops.ReuseVerdict(now, from_claim_id=past, reviewer="ana", expected_version=version),
    }[case]
    with pytest.raises(ops.OperationError if case != "stale" else ops.ConflictError) as raised:
        store.run(op)
    assert str(raised.value).endswith(".") and "Traceback" not in str(raised.value)
    assert dump(store) == before
