"""What the acceptance model reads of a (text, reviewed claim) pair: the evidence that the claim
says what the text says, not only that it is on the same subject.

A claim on the same subject shares the subject's words ("Obama", "taxes") and little else; a claim
that is repeated keeps most of its rare words, its numbers and its names. So the features weigh
words by their rarity among the reviewed claims (IDF from the search index's own counts) and read
both ways: how much of the text the claim covers, and how much of the claim the text repeats.
Words are compared as the index's tokenizer stems them, in both languages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from factcheck.search.similar_terms import doc_counts, stems_of
from factcheck.search.similar_text import STOP_WORDS, fold, words
from factcheck.search.similar_vectors import Meaning, key

# The order of the model's weights (factcheck/search/similar_accept.json). The raw BM25 score is
# left out: it depends on the size of the index, and a model trained on one size misreads another.
NAMES = (
    "query_covered",  # IDF share of the text's words found in the claim
    "claim_covered",  # IDF share of the claim's words found in the text
    "shared_idf",  # the IDF summed over the shared words, over 10
    "claim_missing_idf",  # the rarest claim word the text lacks, its IDF over log N
    "shared_rare",  # how many shared words are rare (in under 1 % of the reviewed claims), over 5
    "pairs_shared",  # share of the claim's neighbouring word pairs the text has too
    "both_covered",  # the smaller of query_covered and claim_covered
    "numbers_shared",  # share of the claim's numbers the text has (0 when it has none)
    "numbers_conflict",  # both have numbers and share none
    "names_shared",  # share of the claim's capitalised names the text has
    "query_names_shared",  # share of the text's capitalised names the claim has
    "similarity",  # the re-ranker's character n-gram cosine
    "score",  # the re-ranker's score, in [0, 1]
    "margin",  # the score less the next candidate's
    "behind_first",  # the first candidate's score less this one's
    "first",  # 1 for the first of the list
    "length_gap",  # |log of the claim's word count - log of the text's|
    "meaning_covered",  # how close in meaning the claim's unshared words come to the text's (word vectors)
    "title_similarity",  # the re-ranker's n-gram cosine of the text with the claim's article title
    "title_share",  # that cosine over the best of the list
)
# Features that are evidence against the pair; every other one is evidence for it. The model is
# fit with its weights held to those signs, so more shared words never make a pair less likely.
AGAINST = frozenset({"claim_missing_idf", "numbers_conflict", "behind_first", "length_gap"})

# The IDF is read as if the index held at least this many claims (about the training set's size):
# in a desk's first few hundred verdicts every word is rare, and a word in two of them is no
# common word.
MIN_CLAIMS = 10_000
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A capitalised word that does not open a sentence: a name, an organisation, a place.
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][\w'’-]+")


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate's text and its place in the re-ranked list."""

    text: str
    score: float
    similarity: float
    title_similarity: float
    title_share: float


def features(conn: Connection, query: str, pairs: Sequence[Pair],
             known_counts: dict[str, int] | None = None) -> list[list[float]]:
    """One row of features (in NAMES order) for each candidate, best first as re-ranked.
    `known_counts` are document counts already read for this lookup (similar_terms.affordable)."""
    if not pairs:
        return []
    query_words = words(query)
    claim_words = [words(p.text) for p in pairs]
    query_keys = [key(w) for w in query_words]
    meaning = Meaning(query_keys)
    stem_of = stems_of(conn, [w for ws in (query_words, *claim_words) for w in ws])
    sequences = [[stem_of[w] for w in ws] for ws in (query_words, *claim_words)]
    stemmed = [set(seq) for seq in sequences]
    query_stems, claim_stems = stemmed[0], stemmed[1:]
    query_pairs = set(zip(sequences[0], sequences[0][1:], strict=False))
    counts = doc_counts(conn, set().union(*stemmed), known_counts)
    total = max(_reviewed_count(conn), MIN_CLAIMS)
    log_n = math.log(total + 2)
    rare = math.log((total + 1) / (0.01 * total + 0.5))

    def idf(stem: str) -> float:
        return math.log((total + 1) / (counts.get(stem, 0) + 0.5))

    query_idf = {s: idf(s) for s in query_stems}
    query_weight = sum(query_idf.values()) or 1.0
    query_numbers = _numbers(query)
    query_names = _names(query)
    first = pairs[0].score
    rows = []
    for i, (pair, stems) in enumerate(zip(pairs, claim_stems, strict=True)):
        claim_idf = {s: idf(s) for s in stems}
        shared = query_stems & stems
        shared_idf = sum(query_idf[s] for s in shared)
        claim_missing = max((v for s, v in claim_idf.items() if s not in shared), default=0.0)
        sequence = sequences[i + 1]
        claim_pairs = set(zip(sequence, sequence[1:], strict=False))
        numbers = _numbers(pair.text)
        names = _names(pair.text)
        following = pairs[i + 1].score if i + 1 < len(pairs) else 0.0
        unshared = [k for k in map(key, claim_words[i]) if k not in query_keys]
        rows.append([
            shared_idf / query_weight,
            shared_idf / (sum(claim_idf.values()) or 1.0),
            shared_idf / 10,
            claim_missing / log_n,
            sum(1 for s in shared if query_idf[s] >= rare) / 5,
            len(claim_pairs & query_pairs) / len(claim_pairs) if claim_pairs else 0.0,
            min(shared_idf / query_weight, shared_idf / (sum(claim_idf.values()) or 1.0)),
            len(numbers & query_numbers) / len(numbers) if numbers else 0.0,
            1.0 if numbers and query_numbers and not numbers & query_numbers else 0.0,
            len(names & query_names) / len(names) if names else 0.0,
            len(names & query_names) / len(query_names) if query_names else 0.0,
            pair.similarity,
            pair.score,
            pair.score - following,
            first - pair.score,
            1.0 if i == 0 else 0.0,
            abs(math.log(len(stems) + 1) - math.log(len(query_stems) + 1)),
            meaning.covered(unshared),
            pair.title_similarity,
            pair.title_share,
        ])
    return rows


def _reviewed_count(conn: Connection) -> int:
    # The index keeps one size row per claim it holds: counting them reads no claim row.
    return int(conn.execute(text("SELECT count(*) FROM reviewed_fts_docsize")).scalar_one())


def _numbers(raw: str) -> set[str]:
    return {n.replace(",", "").rstrip("0").rstrip(".") if "." in n else n.replace(",", "")
            for n in _NUMBER.findall(raw)}


def _names(raw: str) -> set[str]:
    found = (fold(m.group()) for m in _NAME.finditer(raw))
    return {w for w in found if w not in STOP_WORDS}
