"""Similar past verdicts: the reviewed claims that say what a text says, best first.

Two stages, so the cost follows the number of candidates and never the size of the database:
the index of reviewed claims (reviewed_fts, BM25 over an OR of the text's words) proposes
CANDIDATES, then a re-ranker computed on those alone adds character n-gram overlap, which catches
the same claim in other words' forms, hashtags run together and misspellings. Weights and the
threshold were chosen on the CLEF-2020 CheckThat! task 2 training tweets (see
tests/benchmarks/test_similar_map.py and the README).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice

from sqlalchemy import Connection, text

from factcheck.records import HIGHLIGHT_END, HIGHLIGHT_START, SearchResult
from factcheck.search import similar_accept, similar_grams, similar_rerank
from factcheck.search.similar_features import Pair, features
from factcheck.search.similar_rerank_features import Scored, rerank_features
from factcheck.search.similar_terms import affordable
from factcheck.search.similar_text import clean, fold, stems, words

CANDIDATES = 50
# The first candidates of the first stage that the learned re-ranker orders (similar_rerank); the
# others follow in the first stage's order. 20 ranked the training tweets as well as all 50, out
# of fold, at less than half the cost.
RERANKED = 20
# The first candidates of the re-ranked list that the acceptance model reads (similar_accept).
CONSIDERED = 5
# bm25() weights of the index columns text, rationale, sources, article_title.
BM25_WEIGHTS = (1.0, 0.25, 0.25, 1.0)
# The n-gram cosine's share of the score, each part divided by the best of its list: the claim's
# text, and its article's title (a fact-check's title restates the claim as a question; BM25 reads
# the title too). TITLE_WEIGHT was chosen on the training tweets by five-fold cross-validation
# (MAP@5 0.871 to 0.876, better in each fold); the IDF of the title n-grams is the titles' own.
CHAR_WEIGHT = 0.5
TITLE_WEIGHT = 0.25
# Once the acceptance model shows a list, a candidate is listed when its n-gram cosine with the
# text reaches CLEARLY_SIMILAR, or reaches MIN_SIMILARITY and it shares MIN_SHARED_WORDS words with
# the text (its article title counted). MIN_SIMILARITY is the highest that costs the training
# tweets under 0.001 of MAP@5 (0.06, chosen before the acceptance model, cost 0.0045: right claims
# that repeat a post in other words). Two unrelated sentences sharing one word ("council") and the
# usual endings ("-ing", "the ") score about 0.07 and stay out.
CLEARLY_SIMILAR = 0.08
MIN_SIMILARITY = 0.04
MIN_SHARED_WORDS = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    claim_id: int
    article_id: int
    text: str
    verdict: str | None
    article_title: str
    bm25: float  # higher is better (the negated bm25() of SQLite)


@dataclass(frozen=True, slots=True)
class Ranked:
    candidate: Candidate
    score: float  # in [0, 1]: the order of the list
    similarity: float  # the n-gram cosine, comparable across texts: what the threshold reads
    title_similarity: float  # the n-gram cosine of the text with the claim's article title
    title_share: float  # title_similarity over the best of the list
    # The learned re-ranker's probability that the text repeats the claim: the order of the list
    # shown (the first stage's score until it is re-ranked).
    relevance: float = -1.0


def rank(query: str, candidates: Sequence[Candidate]) -> list[Ranked]:
    """The candidates re-ranked for the (cleaned) query, best first."""
    if not candidates:
        return []
    cosines = similar_grams.cosines(query, [c.text for c in candidates])
    title_cosines = similar_grams.cosines(query, [c.article_title for c in candidates])
    best_bm25 = max(c.bm25 for c in candidates) or 1.0
    best_cosine = max(cosines) or 1.0
    best_title = max(title_cosines) or 1.0
    whole = 1 + CHAR_WEIGHT + TITLE_WEIGHT
    scores = [(c.bm25 / best_bm25 + CHAR_WEIGHT * cos / best_cosine + TITLE_WEIGHT * title / best_title) / whole
              for c, cos, title in zip(candidates, cosines, title_cosines, strict=True)]
    ranked = [Ranked(c, score, cos, title, title / best_title, score)
              for c, score, cos, title in zip(candidates, scores, cosines, title_cosines, strict=True)]
    ranked.sort(key=lambda r: -r.score)
    return ranked


def scored_of(ranked: Sequence[Ranked]) -> list[Scored]:
    """What the learned re-ranker's features read of each first-stage candidate."""
    return [Scored(r.candidate.text, r.candidate.article_title, r.candidate.bm25, r.score, r.similarity,
                   r.title_similarity) for r in ranked]


def reranked(conn: Connection, query: str, ranked: Sequence[Ranked], counts: dict[str, int]) -> list[Ranked]:
    """The first stage's first RERANKED candidates ordered by the learned re-ranker (similar_rerank),
    best first (ties keep the first stage's order), then the others, each below the last of them."""
    if not ranked:
        return []
    first = ranked[:RERANKED]
    relevance = similar_rerank.model().probability(rerank_features(conn, query, scored_of(first), counts))
    out = sorted((replace(r, relevance=float(p)) for r, p in zip(first, relevance, strict=True)),
                 key=lambda r: -r.relevance)
    lowest = out[-1].relevance
    return out + [replace(r, relevance=lowest * r.score) for r in ranked[RERANKED:]]


# The index's best matches taken before any claim row is read: joining a claim (and its article)
# per match cost more than scoring, on a large database whose rows are not all in memory. Only
# when too few of them pass the conditions (the claim's own article, dismissed claims, another
# language) are all the matches joined.
FIRST_MATCHES = 200


def _candidates_sql(*, other_article: bool, other_claim: bool, language: bool, prefilter: bool) -> str:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)  # constants of this module, never user text
    conditions = ["NOT c.dismissed"]
    if other_article:
        conditions.append("c.article_id != :article")
    if other_claim:
        conditions.append("c.id != :claim")
    if language:
        conditions.append("a.language = :language")
    matches = (f"SELECT rowid AS id, -bm25(reviewed_fts, {weights}) AS score FROM reviewed_fts "
               "WHERE reviewed_fts MATCH :match ORDER BY score DESC"
               + (f" LIMIT {FIRST_MATCHES}" if prefilter else " LIMIT -1"))
    return ("SELECT c.id, c.article_id, c.text, c.verdict, a.title, m.score "
            f"FROM ({matches}) AS m JOIN claim AS c ON c.id = m.id JOIN article AS a ON a.id = c.article_id "
            f"WHERE {' AND '.join(conditions)} ORDER BY m.score DESC, c.id LIMIT :limit")


def candidates(conn: Connection, query_words: Sequence[str], *, exclude_article: int | None = None,
               exclude_claim: int | None = None, language: str | None = None,
               limit: int | None = None) -> list[Candidate]:
    """The reviewed claims the index ranks first for any of the words."""
    if not query_words:
        return []
    # Each word quoted: the words are letters and digits only, so nothing in them is FTS5 syntax.
    wanted = CANDIDATES if limit is None else limit
    params: dict[str, object] = {"match": " OR ".join(f'"{w}"' for w in query_words), "limit": wanted,
                                 "article": exclude_article, "claim": exclude_claim, "language": language}
    shape = {"other_article": exclude_article is not None, "other_claim": exclude_claim is not None,
             "language": language is not None}
    rows = list(conn.execute(text(_candidates_sql(**shape, prefilter=wanted <= FIRST_MATCHES)), params))
    if len(rows) < wanted and wanted <= FIRST_MATCHES:
        rows = list(conn.execute(text(_candidates_sql(**shape, prefilter=False)), params))
    return [Candidate(r[0], r[1], r[2], r[3], r[4] or "", float(r[5])) for r in rows]


def first_stage(conn: Connection, text_: str, *, exclude_article: int | None = None,
                exclude_claim: int | None = None, language: str | None = None,
                counts: dict[str, int] | None = None) -> tuple[str, list[Ranked]]:
    """The cleaned text and its candidates in the first stage's order (BM25 and n-gram cosines),
    best first. `counts`, when given, receives the document counts of the text's stems."""
    query = clean(text_)
    found = candidates(conn, affordable(conn, words(query), counts=counts), exclude_article=exclude_article,
                       exclude_claim=exclude_claim, language=language)
    return query, rank(query, found)


def ranked_for(conn: Connection, text_: str, *, exclude_article: int | None = None,
               exclude_claim: int | None = None, language: str | None = None) -> tuple[str, list[Ranked]]:
    """The cleaned text and its candidates in the order shown, best first, before any threshold."""
    counts: dict[str, int] = {}
    query, first = first_stage(conn, text_, exclude_article=exclude_article, exclude_claim=exclude_claim,
                               language=language, counts=counts)
    return query, reranked(conn, query, first, counts)


def similar_to_text(conn: Connection, text_: str, limit: int = 5, *, exclude_article: int | None = None,
                    exclude_claim: int | None = None, language: str | None = None,
                    accept: bool = True) -> list[SearchResult]:
    """Up to `limit` reviewed claims that say what `text_` says, best first; none that are not close.
    `accept=False` skips the acceptance model (what the benchmark compares it with)."""
    counts: dict[str, int] = {}
    query, first = first_stage(conn, text_, exclude_article=exclude_article, exclude_claim=exclude_claim,
                               language=language, counts=counts)
    # The acceptance model was trained on the first stage's first five: it reads those, and the
    # list it lets through is the re-ranked one.
    if limit <= 0 or (accept and not _worth_showing(conn, query, first[:CONSIDERED], counts)):
        return []
    ranked = reranked(conn, query, first, counts)
    query_words = words(query)
    query_stems = stems(query_words)
    shown = list(islice((r for r in ranked if _close_enough(r, query_stems)), limit))
    return [SearchResult(claim_id=r.candidate.claim_id, article_id=r.candidate.article_id, text=r.candidate.text,
                         verdict=r.candidate.verdict, article_title=r.candidate.article_title,
                         snippet=highlight(r.candidate.text, query_words), score=r.relevance)
            for r in shown]


def _worth_showing(conn: Connection, query: str, first: Sequence[Ranked], counts: dict[str, int]) -> bool:
    """Whether any of the first candidates says what the text says, as the acceptance model reads
    the pair: a claim on the text's subject alone does not pass."""
    if not first:
        return False
    accept = similar_accept.model()
    return max(map(accept.probability, features(conn, query, pairs_of(first), counts))) >= accept.threshold


def pairs_of(ranked: Sequence[Ranked]) -> list[Pair]:
    """What the acceptance features read of each re-ranked candidate."""
    return [Pair(r.candidate.text, r.score, r.similarity, r.title_similarity, r.title_share) for r in ranked]


def _close_enough(found: Ranked, query_stems: set[str]) -> bool:
    if found.similarity >= CLEARLY_SIMILAR:
        return True
    shared = query_stems & stems(words(f"{found.candidate.text} {found.candidate.article_title}"))
    return found.similarity >= MIN_SIMILARITY and len(shared) >= MIN_SHARED_WORDS


_WORD_SPAN = re.compile(r"[^\W_]+")


def highlight(claim_text: str, query_words: Sequence[str]) -> str:
    """The claim with the words it shares with the query marked; a shared stem counts ("vaccine",
    "vaccines"), taken as the first five letters of a longer word."""
    exact = set(query_words)
    stems = {w[:5] for w in query_words if len(w) >= 5}
    out, last = [], 0
    for m in _WORD_SPAN.finditer(claim_text):
        word = fold(m.group())
        if word in exact or (len(word) >= 5 and word[:5] in stems):
            out.append(claim_text[last:m.start()])
            out.append(f"{HIGHLIGHT_START}{m.group()}{HIGHLIGHT_END}")
            last = m.end()
    out.append(claim_text[last:])
    return "".join(out)
