"""The re-ranker's n-gram cosine, computed over hashes for all candidates at once, is the cosine of
the texts' n-gram sets: the order of the similar claims must not depend on how it is computed."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from factcheck.search.similar_grams import cosines
from factcheck.search.similar_text import char_grams

TEXTS = [
    "The city council voted to ban plastic bags in every grocery store from next January.",
    "Grocery stores will have to stop handing out plastic bags after the council's ban vote.",
    "El Gobierno subirá el salario mínimo a 1.200 euros al mes a partir de enero.",
    "Vaccines vaccinated vaccine: #Covid19 covid 19",
    "",
    "a",
    "Photograph shows Donald Trump with 'no wig or makeup.'",
    "😁 Ünïcödé façade naïve café",
]


def set_cosines(query: str, texts: list[str]) -> list[float]:
    """The same cosine written plainly, one set of n-gram strings a text."""
    query_grams = char_grams(query)
    grams = [char_grams(t) for t in texts]
    df = Counter(query_grams)
    for g in grams:
        df.update(g)
    n = len(texts) + 1
    weight = {g: (math.log((n + 1) / (c + 1)) + 1) ** 2 for g, c in df.items()}
    query_norm = sum(weight[g] for g in query_grams)
    return [sum(weight[x] for x in query_grams & g) / math.sqrt(query_norm * sum(weight[x] for x in g))
            if query_grams & g and query_norm else 0.0 for g in grams]


@pytest.mark.parametrize("query", TEXTS)
def test_the_cosine_is_that_of_the_n_gram_sets(query: str) -> None:
    assert cosines(query, TEXTS) == pytest.approx(set_cosines(query, TEXTS), abs=1e-12)


def test_a_text_is_closest_to_itself_and_nothing_is_asked_of_no_candidates() -> None:
    found = cosines(TEXTS[1], TEXTS)
    assert max(found) == pytest.approx(found[1]) and found[1] > found[0] > found[2]
    assert cosines("anything", []) == []
    assert cosines("", ["plastic bags"]) == [0.0]
