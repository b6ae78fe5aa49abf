"""Every operation: it does what it says, and apply-then-revert leaves the database as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from factcheck import ops
from factcheck.records import SourceInput
from factcheck.store import Store

TABLES = ("article", "claim", "verdict", "source", "datemention")


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, read with plain sqlite3 so the ORM cannot hide anything."""
    con = sqlite3.connect(store.path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        con.close()


def first_proposed(store: Store, n: int = 0):
    article = store.articles()[0]
    return [c for c in store.claims(article.id) if c.proposed][n]


def first_unproposed(store: Store):
    article = store.articles()[0]
    return next(c for c in store.claims(article.id) if not c.proposed)


def _with_source(store: Store):
    claim = first_proposed(store)
    store.run(ops.AddSource(claim.id, source=SourceInput("https://www.wsj.com/world/x", title="WSJ")))
    return store.claim(claim.id)


def _with_verdict(store: Store):
    claim = first_proposed(store)
    store.run(ops.SetVerdict(claim.id, verdict="unclear", reviewer="ana", rationale="first look"))
    return store.claim(claim.id)


BUILDERS: dict[str, Callable[[Store], ops.Operation]] = {
    "set verdict with sources": lambda s: ops.SetVerdict(
        first_proposed(s).id, verdict="disputed", reviewer="ana", rationale="No such offer on record",
        sources=(SourceInput("https://apnews.com/article/1", title="AP"),)),
    "set verdict over an earlier one": lambda s: ops.SetVerdict(
        _with_verdict(s).id, verdict="verified", reviewer="ben"),
    "edit rationale of a verdict": lambda s: ops.EditRationale(_with_verdict(s).id, rationale="Checked the call log"),
    "edit rationale before a verdict": lambda s: ops.EditRationale(first_proposed(s).id, rationale="draft"),
    "add source": lambda s: ops.AddSource(
        first_proposed(s).id, source=SourceInput("https://example.org/a", "T", "P", "quote", "2025-05-04")),
    "edit source": lambda s: (lambda c: ops.EditSource(
        c.id, source_id=c.sources[0].id, source=SourceInput("https://example.org/b", title="New")))(_with_source(s)),
    "remove source": lambda s: (lambda c: ops.RemoveSource(c.id, source_id=c.sources[0].id))(_with_source(s)),
    "edit claim text": lambda s: ops.EditClaimText(first_proposed(s).id, text="Trump proposed sending troops."),
    "dismiss": lambda s: ops.SetDismissed(first_proposed(s).id, dismissed=True),
    "restore": lambda s: (lambda c: (s.run(ops.SetDismissed(c.id, dismissed=True)),
                                     ops.SetDismissed(c.id, dismissed=False))[1])(first_proposed(s)),
    "promote": lambda s: ops.SetProposed(first_unproposed(s).id, proposed=True),
    "add claim from a span": lambda s: ops.AddClaim(s.articles()[0].id, start=0, end=11),
    "add typed claim": lambda s: ops.AddClaim(s.articles()[0].id, text="Trump offered troops on February 19."),
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_apply_then_revert_leaves_the_database_as_it_was(seeded: Store, name: str) -> None:
    op = BUILDERS[name](seeded)
    before = dump(seeded)
    changes = seeded.run(op)
    assert dump(seeded) != before, "the operation changed nothing"
    assert changes.articles and changes.claims
    seeded.revert(op)
    assert dump(seeded) == before
    # and it can be redone, as the Edit menu's Redo does
    seeded.run(op)
    assert dump(seeded) != before


def test_set_verdict_records_history_and_the_current_verdict(seeded: Store) -> None:
    claim = first_proposed(seeded)
    seeded.run(ops.SetVerdict(claim.id, verdict="unclear", reviewer="ana", rationale="checking"))
    seeded.run(ops.SetVerdict(claim.id, verdict="disputed", reviewer="ben",
                              sources=(SourceInput("https://apnews.com/x"),)))
    now = seeded.claim(claim.id)
    assert (now.verdict, now.reviewer, now.rationale) == ("disputed", "ben", "checking")
    assert [s.url for s in now.sources] == ["https://apnews.com/x"]
    assert [(v.label, v.reviewer) for v in seeded.history(claim.id)] == [("unclear", "ana"), ("disputed", "ben")]
    assert seeded.articles()[0].reviewed == 1


def test_a_stale_change_is_refused_and_changes_nothing(seeded: Store) -> None:
    claim = first_proposed(seeded)
    seeded.run(ops.EditClaimText(claim.id, text="Edited by another reviewer.", expected_version=claim.version))
    before = dump(seeded)
    with pytest.raises(ops.ConflictError, match="changed elsewhere"):
        seeded.run(ops.SetVerdict(claim.id, verdict="verified", reviewer="ana", expected_version=claim.version))
    assert dump(seeded) == before


def test_undo_refuses_to_overwrite_a_later_change(seeded: Store) -> None:
    claim = first_proposed(seeded)
    mine = ops.EditClaimText(claim.id, text="Mine.")
    seeded.run(mine)
    seeded.run(ops.EditClaimText(claim.id, text="Theirs."))
    with pytest.raises(ops.ConflictError):
        seeded.revert(mine)
    assert seeded.claim(claim.id).text == "Theirs."


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a", "not a url", ""])
def test_sources_must_be_web_addresses(seeded: Store, url: str) -> None:
    with pytest.raises(ops.OperationError, match="http or https"):
        ops.AddSource(first_proposed(seeded).id, source=SourceInput(url))


def test_a_claim_from_a_span_keeps_exact_offsets_and_sorts_in_reading_order(seeded: Store) -> None:
    article = seeded.article_text(seeded.articles()[0].id)
    start = article.body.index("February 19")
    op = ops.AddClaim(article.article.id, start=start - 1, end=start + len("February 19"))  # a stray space is trimmed
    seeded.run(op)
    added = seeded.claim(op.claim_id)
    assert article.body[added.start:added.end] == added.text == "February 19"
    assert [d.value for d in added.dates] == ["2025-02-19"]
    order = [c.id for c in seeded.claims(article.article.id)]
    containing = next(c for c in seeded.claims(article.article.id)
                      if c.start is not None and c.start <= start < c.end and c.id != added.id)
    assert order.index(added.id) == order.index(containing.id) + 1


def test_an_empty_claim_is_refused(seeded: Store) -> None:
    with pytest.raises(ops.OperationError):
        seeded.run(ops.AddClaim(seeded.articles()[0].id, text="   "))
    with pytest.raises(ops.OperationError):
        ops.EditClaimText(first_proposed(seeded).id, text=" ")
