"""Searching stored claims through the store: ranking, filters, snippets, counts, accents and stems."""

from __future__ import annotations

import pytest

from factcheck import ops
from factcheck.errors import QueryError
from factcheck.records import HIGHLIGHT_END, HIGHLIGHT_START, SourceInput
from factcheck.store import Store

SPANISH = """---
title: El gobierno anuncia un plan
outlet: EFE
published: 2025-03-08
language: es
---
El presidente dijo el sábado que el gobierno destinará 300 millones de euros a la sanidad pública.
La oposición afirmó que el plan no incluye a las regiones del norte del país.
"""


def designation(store: Store) -> int:
    found = [c for c in store.claims(store.articles()[0].id) if "February 19" in c.text]
    assert found, "the seed article has the claim about the February 19 designation"
    return found[0].id


def test_a_verified_claim_is_found_by_its_verdict_and_words_and_not_by_another_verdict(seeded: Store) -> None:
    claim_id = designation(seeded)
    seeded.set_verdict(claim_id, "verified")
    assert claim_id in seeded.search_ids("verdict:verified terrorist")
    assert seeded.search_ids("verdict:disputed terrorist") == []


def test_words_rank_the_claim_that_says_them_first_and_snippets_highlight_them(seeded: Store) -> None:
    results = seeded.search("terrorist designated")
    assert results[0].claim_id == designation(seeded)
    assert f"{HIGHLIGHT_START}terrorist{HIGHLIGHT_END}" in results[0].snippet
    assert results[0].score > 0
    assert all(a.score >= b.score for a, b in zip(results, results[1:], strict=False))


def test_english_word_forms_match_each_other(seeded: Store) -> None:
    claim_id = designation(seeded)
    seeded.run(ops.EditRationale(claim_id, rationale="The register was checked against the decree."))
    assert claim_id in seeded.search_ids("checks")
    assert claim_id in seeded.search_ids("designates")


def test_accents_do_not_matter_in_either_direction(store: Store) -> None:
    store.import_text(SPANISH)
    assert store.search_ids("sabado")
    assert store.search_ids("oposicion") == store.search_ids("oposición")
    assert "s\u00e1bado" in store.search("sabado")[0].snippet


def test_exclusion_or_and_phrases(seeded: Store) -> None:
    terrorist = set(seeded.search_ids("terrorist"))
    assert len(terrorist) >= 2
    designated = set(seeded.search_ids('"foreign terrorist groups on February"'))
    assert designated == {designation(seeded)}
    assert set(seeded.search_ids("terrorist -February")) == terrorist - designated
    assert set(seeded.search_ids("terrorist OR xylophone")) == terrorist


def test_an_empty_query_lists_every_open_claim_newest_verdict_first(seeded: Store) -> None:
    open_claims = [c.id for c in seeded.claims(seeded.articles()[0].id, proposed_only=True) if not c.dismissed]
    first, second = open_claims[3], open_claims[1]
    seeded.set_verdict(first, "disputed")
    seeded.set_verdict(second, "unclear")
    ids = seeded.search_ids("")
    assert sorted(ids) == sorted(open_claims)
    assert ids[:2] == [second, first]
    snippet = seeded.search("", limit=3)[0].snippet  # no words: the start of the claim
    assert seeded.claim(second).text.startswith(snippet.removesuffix("…"))  # type: ignore[union-attr]


def test_field_filters(seeded: Store) -> None:
    claim_id = designation(seeded)
    other = next(c.id for c in seeded.claims(seeded.articles()[0].id, proposed_only=True) if c.id != claim_id)
    seeded.set_verdict(claim_id, "verified", sources=[SourceInput("https://www.wsj.com/articles/x?y=1")],
                       reviewer="Ana")
    seeded.set_verdict(other, "disputed", sources=[SourceInput("https://notwsj.com/wsj.com/")], reviewer="Luis")
    assert seeded.search_ids("source:wsj.com") == [claim_id]
    assert seeded.search_ids("source:https://www.wsj.com/") == [claim_id]
    assert seeded.search_ids("source:notwsj.com") == [other]
    assert seeded.search_ids("reviewer:ana") == [claim_id]
    assert set(seeded.search_ids("has:source")) == {claim_id, other}
    assert claim_id not in seeded.search_ids("-has:source")
    assert claim_id in seeded.search_ids("-verdict:disputed")  # an unreviewed claim is "not disputed" too
    assert set(seeded.search_ids("is:reviewed")) == {claim_id, other}
    assert other not in seeded.search_ids("is:unreviewed")
    assert seeded.search_ids("after:2000 before:2999") == [other, claim_id]
    assert seeded.search_ids("before:2000") == []
    article = seeded.articles()[0].id
    assert set(seeded.search_ids(f"article:{article}")) == set(seeded.search_ids(""))
    assert seeded.search_ids(f"article:{article + 1}") == []
    assert seeded.search_ids("published-after:2025-05 published-before:\"June 2025\"")
    assert seeded.search_ids("published-after:\"3 May 2025\"")
    assert seeded.search_ids("published-before:\"3 May 2025\"") == []
    assert seeded.search_ids("lang:en") and seeded.search_ids("lang:es") == []
    assert seeded.search_ids('outlet:"AP"') and seeded.search_ids("outlet:Reuters") == []


def test_verdict_counts_cover_what_the_query_finds(seeded: Store) -> None:
    claim_id = designation(seeded)
    seeded.set_verdict(claim_id, "verified")
    counts = seeded.verdict_counts("terrorist")
    assert counts == {"verified": 1, "disputed": 0, "unclear": 0,
                      "unreviewed": len(seeded.search_ids("terrorist")) - 1}
    assert sum(seeded.verdict_counts("").values()) == len(seeded.search_ids(""))


def test_dismissed_claims_are_found_only_when_asked_for(seeded: Store) -> None:
    claim_id = designation(seeded)
    version = seeded.claim(claim_id).version  # type: ignore[union-attr]
    seeded.run(ops.SetDismissed(claim_id, dismissed=True, expected_version=version))
    assert claim_id not in seeded.search_ids("terrorist")
    assert seeded.search_ids("terrorist is:dismissed") == [claim_id]


def test_snippets_for_given_ids_and_filter_only_queries(seeded: Store) -> None:
    claim_id = designation(seeded)
    text = seeded.claim(claim_id).text  # type: ignore[union-attr]
    assert HIGHLIGHT_START in seeded.snippets("terrorist", [claim_id])[claim_id]
    plain = seeded.snippets("is:unreviewed", [claim_id, 999999])
    assert list(plain) == [claim_id]  # a claim that does not exist is left out
    assert HIGHLIGHT_START not in plain[claim_id] and text.startswith(plain[claim_id].removesuffix("…"))


@pytest.mark.parametrize("query", ['"unclosed', "(tax", "tax)", "colour:red", "verdict:maybe", "after:someday",
                                   "x" * 10_000])
def test_a_malformed_query_is_a_query_error_and_changes_nothing(seeded: Store, query: str) -> None:
    before = seeded.search_ids("")
    with pytest.raises(QueryError):
        seeded.search(query)
    assert seeded.search_ids("") == before


def test_a_word_in_many_claims_ranks_the_newest_window_and_never_drops_filtered_results(
        seeded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.search import sqlite

    every = seeded.search_ids("the")
    assert len(every) > 4
    oldest = min(every)
    seeded.set_verdict(oldest, "disputed")
    monkeypatch.setattr(sqlite, "RANK_WINDOW", 3)
    window = seeded.search_ids("the", limit=2)
    newest_three = sorted(seeded.search_ids("the"), reverse=True)[:3]
    assert len(window) == 2 and set(window) <= set(newest_three)
    # the only disputed claim is outside the window: it is still found
    assert seeded.search_ids("verdict:disputed the", limit=2) == [oldest]
    assert seeded.search_ids("the") == every  # without a limit every match is ranked
