"""Any text typed into the search box gives results or a QueryError, never anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import QueryError
from factcheck.records import SourceInput
from factcheck.search.parser import parse, to_text
from factcheck.store import Store
from tests.conftest import SEED

# Pieces of the language and of FTS5's own syntax, so random text often looks like a real query.
PIECES = ["tax", "terrorist", "Sheinbaum", "sábado", '"', "(", ")", "-", "*", "^", ":", "OR", "AND", "NOT",
          "NEAR", "NEAR(", "verdict:", "verified", "is:", "unreviewed", "source:", "wsj.com", "after:", "2025-03",
          "before:", '"March 2025"', "outlet:", "has:source", "article:", "1", "lang:", "published-after:", "{",
          "}", "'", "+", "text:", "rationale:", "\x00", "\u27e6", "%", "_", "\\", " ", "  ", "\t", "\n"]
QUERIES = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
)


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("search") / "review.db", reviewer="ana")
    store.import_file(SEED)
    claims = store.claims(store.articles()[0].id, proposed_only=True)
    store.set_verdict(claims[0].id, "verified", rationale="Checked the decree",
                      sources=[SourceInput("https://www.wsj.com/a", title="Decree", excerpt="terrorist groups")])
    store.set_verdict(claims[1].id, "disputed")
    return store


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_any_text_gives_results_or_a_query_error(judged: Store, query: str) -> None:
    try:
        results = judged.search(query, limit=5)
        counts = judged.verdict_counts(query)
    except QueryError as exc:
        assert 0 <= exc.position <= len(query)
        assert str(exc)
        return
    assert len(results) <= 5
    assert sum(counts.values()) >= len(results)


@settings(max_examples=400, deadline=None, database=None)
@given(query=QUERIES)
def test_the_canonical_text_of_any_query_means_the_same(query: str) -> None:
    try:
        tree = parse(query)
    except QueryError:
        return
    assert parse(to_text(tree)) == tree


def test_the_property_database_is_real(judged: Store) -> None:
    assert Path(judged.location).exists() and judged.search_ids("terrorist")
