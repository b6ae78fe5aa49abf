"""What the learned re-ranker reads of each of the 50 candidates (factcheck/search/similar_rerank.py).

The acceptance features (similar_features.py) read the index's document count of every word of a
claim, which costs too much for 50 claims (the index counts a word's documents by reading its
postings: about 20 ms for the words of 50 claims). These features read only the counts of the
text's own words, which the lookup already holds, and estimate the rarity of a claim's other
words among the candidates themselves, as the n-gram cosine does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection

from factcheck.search.similar_embedding import embedder
from factcheck.search.similar_features import MIN_CLAIMS, _names, _numbers, _reviewed_count
from factcheck.search.similar_terms import stems_of
from factcheck.search.similar_text import words
from factcheck.search.similar_vectors import key, vectors

# The order of the re-ranker's inputs (factcheck/search/similar_rerank.json).
NAMES = (
    "score",  # the first-stage score (BM25 and n-gram cosines), in [0, 1]
    "similarity",  # the claim's character n-gram cosine with the text
    "title_similarity",  # the article title's n-gram cosine with the text
    "title_share",  # that cosine over the best of the list
    "bm25_share",  # the index's BM25 over the best of the list
    "bm25_place",  # log(1 + place in the list by BM25 alone)
    "place",  # log(1 + place in the first-stage order)
    "similarity_share",  # the n-gram cosine over the best of the list
    "margin",  # the first-stage score less the next candidate's
    "behind_first",  # the first candidate's score less this one's
    "query_covered",  # IDF share of the text's words found in the claim
    "shared_idf",  # the IDF summed over the shared words, over 10
    "shared_rare",  # how many shared words are rare (in under 1 % of the reviewed claims), over 5
    "pairs_shared",  # share of the claim's neighbouring word pairs the text has too
    "numbers_shared",  # share of the claim's numbers the text has
    "numbers_conflict",  # both have numbers and share none
    "names_shared",  # share of the claim's capitalised names the text has
    "query_names_shared",  # share of the text's capitalised names the claim has
    "length_gap",  # |log of the claim's word count - log of the text's|
    "meaning_covered",  # how close in meaning the claim's unshared words come to the text's
    "text_bm25_share",  # BM25 of the text's words in the claim alone, over the best of the list
    "title_bm25_share",  # the same in the article title alone
    "title_query_covered",  # IDF share of the text's words found in the title
    "title_shared_rare",  # rare words shared with the title, over 5
    "either_query_covered",  # IDF share of the text's words found in the claim or its title
    "query_meaning_covered",  # how close in meaning the text's words the claim lacks come to the claim's
    "title_meaning_covered",  # how close in meaning the title's words come to the text's
    "claim_covered",  # share of the claim's words the text has, weighted by their rarity among the candidates
    "sentence_cosine",  # the cosine of the text's sentence vector (similar_embedding) with the claim's
    "title_sentence_cosine",  # the same with the article title's
    "sentence_share",  # sentence_cosine over the best of the list
    "title_sentence_share",  # title_sentence_cosine over the best of the list
)

# BM25 for one field at a time: the usual k1 and b; lengths as typical of a checked claim and of a
# fact-check's title (their mean word counts in the Snopes claims, stop words left out).
_K1, _B = 1.2, 0.75
_TEXT_LENGTH, _TITLE_LENGTH = 12.0, 9.0
_UNIT = 127 * 127


@dataclass(frozen=True, slots=True)
class Scored:
    """What the first stage knows of a candidate."""

    text: str
    title: str
    bm25: float
    score: float
    similarity: float
    title_similarity: float


def _bm25(weights: dict[str, float], fields: Sequence[list[str]], mean_length: float) -> np.ndarray:
    found = np.zeros(len(fields))
    for i, field in enumerate(fields):
        tf: dict[str, int] = {}
        for s in field:
            tf[s] = tf.get(s, 0) + 1
        norm = _K1 * (1 - _B + _B * len(field) / mean_length)
        found[i] = sum(w * tf[s] * (_K1 + 1) / (tf[s] + norm) for s, w in weights.items() if s in tf)
    return found


def _share(values: np.ndarray) -> np.ndarray:
    best = values.max() if len(values) else 0.0
    return values / best if best > 0 else np.zeros_like(values)


def rerank_features(conn: Connection, query: str, found: Sequence[Scored], counts: dict[str, int]) -> np.ndarray:
    """One row (NAMES order) for each candidate, in the first stage's order. `counts` are the
    document counts of the text's stems (similar_terms.affordable)."""
    n = len(found)
    if not n:
        return np.zeros((0, len(NAMES)))
    query_words = words(query)
    claim_words = [words(f.text) for f in found]
    title_words = [words(f.title) for f in found]
    stem_of = stems_of(conn, [w for ws in (query_words, *claim_words, *title_words) for w in ws])
    query_seq = [stem_of[w] for w in query_words]
    claim_seqs = [[stem_of[w] for w in ws] for ws in claim_words]
    title_seqs = [[stem_of[w] for w in ws] for ws in title_words]
    query_stems = set(query_seq)
    query_pairs = set(zip(query_seq, query_seq[1:], strict=False))
    total = max(_reviewed_count(conn), MIN_CLAIMS)
    rare = math.log((total + 1) / (0.01 * total + 0.5))
    query_idf = {s: math.log((total + 1) / (counts.get(s, 0) + 0.5)) for s in query_stems}
    query_weight = sum(query_idf.values()) or 1.0
    # The rarity of a claim's words among the candidates: their document frequency there.
    local_df: dict[str, int] = {}
    for seq in claim_seqs:
        for s in set(seq):
            local_df[s] = local_df.get(s, 0) + 1
    local_idf = {s: math.log((n + 2) / (df + 0.5)) for s, df in local_df.items()}

    bm25 = np.array([f.bm25 for f in found])
    scores = np.array([f.score for f in found])
    similarity = np.array([f.similarity for f in found])
    title_similarity = np.array([f.title_similarity for f in found])
    bm25_place = np.empty(n)
    bm25_place[np.argsort(-bm25, kind="stable")] = np.arange(n)
    margin = scores - np.append(scores[1:], 0.0)

    meaning = _meanings(query_words, claim_words, title_words)
    query_numbers, query_names = _numbers(query), _names(query)
    rows = np.zeros((n, len(NAMES)))
    rows[:, 0], rows[:, 1], rows[:, 2] = scores, similarity, title_similarity
    rows[:, 3] = _share(title_similarity)
    rows[:, 4] = _share(bm25)
    rows[:, 5] = np.log1p(bm25_place)
    rows[:, 6] = np.log1p(np.arange(n))
    rows[:, 7] = _share(similarity)
    rows[:, 8] = margin
    rows[:, 9] = scores[0] - scores
    rows[:, 20] = _share(_bm25(query_idf, claim_seqs, _TEXT_LENGTH))
    rows[:, 21] = _share(_bm25(query_idf, title_seqs, _TITLE_LENGTH))
    rows[:, 25:27] = meaning[:, 1:]
    sentence, title_sentence = _sentence_cosines(query, found)
    rows[:, 28], rows[:, 29] = sentence, title_sentence
    rows[:, 30], rows[:, 31] = _share(sentence), _share(title_sentence)
    for i, f in enumerate(found):
        stems, title = set(claim_seqs[i]), set(title_seqs[i])
        shared = query_stems & stems
        shared_idf = sum(query_idf[s] for s in shared)
        pairs = set(zip(claim_seqs[i], claim_seqs[i][1:], strict=False))
        numbers, names = _numbers(f.text), _names(f.text)
        in_title = query_stems & title
        claim_weight = sum(local_idf[s] for s in stems) or 1.0
        rows[i, 10:20] = (
            shared_idf / query_weight,
            shared_idf / 10,
            sum(1 for s in shared if query_idf[s] >= rare) / 5,
            len(pairs & query_pairs) / len(pairs) if pairs else 0.0,
            len(numbers & query_numbers) / len(numbers) if numbers else 0.0,
            1.0 if numbers and query_numbers and not numbers & query_numbers else 0.0,
            len(names & query_names) / len(names) if names else 0.0,
            len(names & query_names) / len(query_names) if query_names else 0.0,
            abs(math.log(len(stems) + 1) - math.log(len(query_stems) + 1)),
            meaning[i, 0],
        )
        rows[i, 22] = sum(query_idf[s] for s in in_title) / query_weight
        rows[i, 23] = sum(1 for s in in_title if query_idf[s] >= rare) / 5
        rows[i, 24] = sum(query_idf[s] for s in query_stems & (stems | title)) / query_weight
        rows[i, 27] = sum(local_idf[s] for s in shared) / claim_weight
    return rows


def _sentence_cosines(query: str, found: Sequence[Scored]) -> tuple[np.ndarray, np.ndarray]:
    """The cosine of the text's sentence vector with each claim's and with each title's."""
    vectors = embedder().embed([query, *(f.text for f in found), *(f.title for f in found)])
    cosines = (vectors[1:] @ vectors[0]).astype(np.float64)
    return cosines[:len(found)], cosines[len(found):]


def _meanings(query_words: list[str], claim_words: list[list[str]], title_words: list[list[str]]) -> np.ndarray:
    """For each candidate: how close in meaning its words not in the text come to the text's words,
    how close the text's words not in the claim come to the claim's, and the title's words to the
    text's (each the mean of the best cosines; 0 when a side has no word vector). One product of
    the text's vectors with every candidate word's, for all candidates at once."""
    row, table = vectors()
    query_keys = [k for k in dict.fromkeys(map(key, query_words)) if k in row]
    n = len(claim_words)
    out = np.zeros((n, 3))
    claim_keys = [{key(w) for w in ws} for ws in claim_words]
    title_keys = [{key(w) for w in ws} for ws in title_words]
    column = {k: i for i, k in enumerate({k for ks in (*claim_keys, *title_keys) for k in ks if k in row})}
    if not query_keys or not column:
        return out
    # Integer dot products, exact: the vectors are unit length times 127.
    cosine = (table[[row[k] for k in query_keys]] @ table[list(map(row.__getitem__, column))].T) / _UNIT
    closest = cosine.max(axis=0)
    in_claim = np.zeros((n, len(column)), dtype=bool)  # candidate x word: the claim has the word
    in_title = np.zeros((n, len(column)), dtype=bool)
    for i, (claim, title) in enumerate(zip(claim_keys, title_keys, strict=True)):
        in_claim[i, [column[k] for k in claim if k in column]] = True
        in_title[i, [column[k] for k in title if k in column]] = True
    query_columns = [column[k] for k in query_keys if k in column]
    unshared = in_claim.copy()
    unshared[:, query_columns] = False
    out[:, 0] = _mean_where(unshared, closest)
    out[:, 2] = _mean_where(in_title, closest)
    # The text's words the claim lacks: the best cosine of each with the claim's words.
    lacking = np.array([[k not in claim for k in query_keys] for claim in claim_keys])
    best = np.where(in_claim[:, None, :], cosine[None, :, :], -np.inf).max(axis=2)  # candidate x text word
    has_words = np.asarray(in_claim.any(axis=1))
    counted = lacking & has_words[:, None]
    out[:, 1] = np.divide(np.where(counted, best, 0.0).sum(axis=1), counted.sum(axis=1),
                          out=np.zeros(n), where=counted.any(axis=1))
    return out


def _mean_where(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Each row's mean of the values its mask picks; 0 where it picks none."""
    count = mask.sum(axis=1)
    return np.divide(mask @ values, count, out=np.zeros(len(mask)), where=count > 0)
