"""The learned re-ranker of similar past verdicts: its trees, its features and the order it gives."""

from __future__ import annotations

import math

import numpy as np
import pytest

from factcheck.search import similar_rerank
from factcheck.search.similar import RERANKED, first_stage, reranked, scored_of
from factcheck.search.similar_rerank_features import NAMES, _meanings, rerank_features
from factcheck.search.similar_text import words
from factcheck.search.similar_vectors import key, vectors
from factcheck.store import Store
from tests.test_similar import BAGS, BAGS_AGAIN, BUDGET, article, reviewed

SCORE, SIMILARITY = NAMES.index("score"), NAMES.index("similarity")


def two_trees() -> dict[str, object]:
    """Tree 1 splits on the score at 0.5, its right child on the similarity at 0.1; tree 2 is one leaf."""
    return {"features": list(NAMES), "depth": 2, "baseline": -1.0, "trees": [
        {"feature": [SCORE, 0, SIMILARITY, 0, 0], "threshold": [0.5, 0, 0.1, 0, 0],
         "left": [1, 0, 3, 0, 0], "right": [2, 0, 4, 0, 0], "value": [0, -2.0, 0, 0.5, 3.0]},
        {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.25]},
    ]}


def test_the_trees_send_each_candidate_down_its_own_path() -> None:
    trees = similar_rerank.from_saved(two_trees())
    rows = np.zeros((4, len(NAMES)))
    rows[:, SCORE] = [0.2, 0.5, 0.9, 0.9]  # a value equal to the threshold goes left
    rows[:, SIMILARITY] = [0.9, 0.9, 0.05, 0.3]
    raw = np.array([-2.0, -2.0, 0.5, 3.0]) - 1.0 + 0.25
    assert np.allclose(trees.probability(rows), 1 / (1 + np.exp(-raw)))
    assert trees.probability(np.zeros((0, len(NAMES)))).shape == (0,)


def test_a_model_trained_on_other_features_is_refused() -> None:
    saved = two_trees()
    saved["features"] = [*NAMES[:-1], "something else"]
    with pytest.raises(RuntimeError, match="rerun scripts/train_similar_rerank.py"):
        similar_rerank.from_saved(saved)


def test_the_shipped_model_reads_these_features() -> None:
    trees = similar_rerank.model()
    assert len(trees.feature) >= 10 and trees.feature.max() < len(NAMES)


def _meanings_one_at_a_time(query: list[str], claims: list[list[str]], titles: list[list[str]]) -> np.ndarray:
    """What _meanings computes for all candidates at once, one candidate and one word at a time."""
    row, table = vectors()

    def cos(a: str, b: str) -> float:
        return float(table[row[a]] @ table[row[b]]) / 127 ** 2

    text = [k for k in dict.fromkeys(map(key, query)) if k in row]
    out = np.zeros((len(claims), 3))
    for i, (claim, title) in enumerate(zip(claims, titles, strict=True)):
        all_keys = set(map(key, claim))
        mine = [k for k in dict.fromkeys(map(key, claim)) if k in row]
        theirs = [k for k in dict.fromkeys(map(key, title)) if k in row]
        unshared = [k for k in mine if k not in text]
        lacking = [k for k in text if k not in all_keys]
        if text and unshared:
            out[i, 0] = sum(max(cos(q, k) for q in text) for k in unshared) / len(unshared)
        if lacking and mine:
            out[i, 1] = sum(max(cos(q, k) for k in mine) for q in lacking) / len(lacking)
        if text and theirs:
            out[i, 2] = sum(max(cos(q, k) for q in text) for k in theirs) / len(theirs)
    return out


def test_the_meaning_features_are_the_mean_best_cosines() -> None:
    query = words("Vaccines cause autism in children, the doctors say")
    claims = [words(t) for t in ("The measles vaccine causes autism", "Doctors reported a new flu in children",
                                 "zzqx", "")]
    titles = [words(t) for t in ("Do Vaccines Cause Autism?", "", "Flu season", "Children")]
    found = _meanings(query, claims, titles)
    assert np.allclose(found, _meanings_one_at_a_time(query, claims, titles))
    assert found[1, 0] > 0 and found[0, 1] > 0 and found[2].tolist()[:2] == [0.0, 0.0]
    assert not _meanings(words("zzqx"), claims, titles).any()


def test_the_claim_that_repeats_the_text_is_ranked_above_one_on_its_subject(store: Store) -> None:
    again = reviewed(store, "Council bans bags", BAGS)
    budget = reviewed(store, "Council budget", BUDGET)
    with store.engine.connect() as conn:
        counts: dict[str, int] = {}
        query, first = first_stage(conn, BAGS_AGAIN, counts=counts)
        rows = rerank_features(conn, query, scored_of(first), counts)
        ordered = reranked(conn, query, first, counts)
    assert {r.candidate.claim_id for r in first} == {again.id, budget.id}
    assert rows.shape == (2, len(NAMES)) and np.isfinite(rows).all()
    assert [r.candidate.claim_id for r in ordered] == [again.id, budget.id]
    assert 0 <= ordered[1].relevance < ordered[0].relevance <= 1


def test_candidates_past_those_re_ranked_follow_in_the_first_stage_order(store: Store) -> None:
    for n in range(RERANKED + 5):
        reviewed(store, f"Bags {n}", f"Plastic bags in grocery stores were banned by council vote number {n}.")
    (current,) = article(store, "Shops and bags", BAGS_AGAIN)
    with store.engine.connect() as conn:
        counts: dict[str, int] = {}
        query, first = first_stage(conn, current.text, counts=counts)
        ordered = reranked(conn, query, first, counts)
    assert len(first) == len(ordered) == RERANKED + 5
    assert {r.candidate.claim_id for r in ordered[:RERANKED]} == {r.candidate.claim_id for r in first[:RERANKED]}
    assert [r.candidate.claim_id for r in ordered[RERANKED:]] == [r.candidate.claim_id for r in first[RERANKED:]]
    relevance = [r.relevance for r in ordered]
    assert relevance == sorted(relevance, reverse=True) and not any(math.isnan(v) for v in relevance)
