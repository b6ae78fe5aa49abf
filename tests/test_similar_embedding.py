"""The sentence vectors the similar-claims re-ranker reads (WordLlama's, from its wheel)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factcheck.search import similar_embedding
from factcheck.search.similar import first_stage, scored_of
from factcheck.search.similar_embedding import EmbeddingMissingError, embedder
from factcheck.search.similar_rerank_features import NAMES, rerank_features
from factcheck.store import Store
from tests.test_similar import BAGS, BAGS_AGAIN, BUDGET, reviewed


def test_a_paraphrase_is_closer_than_a_sentence_on_another_subject() -> None:
    text, paraphrase, other, same_subject = embedder().embed([
        "Covid jabs give children autism",
        "Coronavirus vaccines cause autism in kids",
        "The city council approved a new bridge over the river",
        "Schools will reopen after the coronavirus lockdown",
    ])
    assert text @ paraphrase > text @ same_subject > text @ other


def test_each_vector_has_unit_length_and_a_text_its_own_vector() -> None:
    vectors = embedder().embed(["Plastic bags are banned", "", "Plastic bags are banned", "¿Es verdad?"])
    assert vectors.shape == (4, embedder().dimensions) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vectors[0], vectors[2]) and not np.allclose(vectors[0], vectors[3])
    assert embedder().embed([]).shape == (0, embedder().dimensions)


def test_the_vectors_are_the_mean_of_the_token_vectors() -> None:
    found = embedder()
    text = "Obama was born in Kenya, a viral post claims"
    ids = found._tokenizer.encode(text).ids
    mean = found._table[ids].astype(np.float64).mean(axis=0)
    assert np.allclose(found.embed([text])[0], mean / np.linalg.norm(mean), atol=1e-6)


def test_a_missing_file_is_named_with_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingMissingError, match="l2_supercat_256.safetensors is missing"):
        similar_embedding.load(tmp_path)


def test_the_re_ranker_reads_how_close_in_meaning_each_candidate_is(store: Store) -> None:
    again = reviewed(store, "Council bans bags", BAGS)
    reviewed(store, "Council budget", BUDGET)
    with store.engine.connect() as conn:
        counts: dict[str, int] = {}
        query, first = first_stage(conn, BAGS_AGAIN, counts=counts)
        rows = rerank_features(conn, query, scored_of(first), counts)
    cosine, share = NAMES.index("sentence_cosine"), NAMES.index("sentence_share")
    by_id = {r.candidate.claim_id: i for i, r in enumerate(first)}
    best = by_id[again.id]
    assert rows[best, cosine] == rows[:, cosine].max() and rows[best, share] == pytest.approx(1.0)
    assert 0 < rows[1 - best, share] < 1
