"""Running searches: a query's text in, ranked claim ids, results, snippets and counts out.

The store's search methods call these with its engine; each read is one statement (or a few, for
results with their snippets) on one connection, so it sees one consistent state of the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, Select, select
from sqlalchemy.exc import OperationalError

from factcheck.errors import QueryError, StoreError
from factcheck.records import HIGHLIGHT_START, SearchResult
from factcheck.search import sqlite
from factcheck.search.parser import parse
from factcheck.search.query import Node
from factcheck.storage.models import ARTICLES, CLAIMS

COUNT_KEYS = ("verified", "disputed", "unclear", "unreviewed")


def _run(conn: Connection, statement: Select[Any]) -> list[Any]:
    try:
        return list(conn.execute(statement).all())
    except OperationalError as exc:
        if "fts5" in str(exc.orig):  # not expected: every MATCH string is built from quoted words
            raise QueryError("The search index could not read this query.", 0,
                             "Remove unusual punctuation and try again.") from None
        raise StoreError(f"The database refused the search ({exc.orig}).") from None


def ranked(conn: Connection, tree: Node, limit: int | None) -> list[Any]:
    """(claim id, score) rows, best first. With a limit, the words' newest RANK_WINDOW claims are
    ranked first, and all of them only when that leaves fewer than `limit` results."""
    p = sqlite.plan(tree)
    start = sqlite.window_start(p) if limit is not None else None
    if start is not None:
        since = _run(conn, start)
        if since:
            found = _run(conn, sqlite.ids_statement(p, limit, since=since[0][0]))
            if limit is not None and len(found) >= limit:
                return found
    return _run(conn, sqlite.ids_statement(p, limit))


def search_ids(engine: Engine, query: str, limit: int | None = None) -> list[int]:
    tree = parse(query)
    with engine.connect() as conn:
        return [row[0] for row in ranked(conn, tree, limit)]


def search(engine: Engine, query: str, limit: int = 50) -> list[SearchResult]:
    tree = parse(query)
    c, a = CLAIMS.c, ARTICLES.c
    with engine.connect() as conn:
        best = ranked(conn, tree, limit)
        ids = [row[0] for row in best]
        rows = {row[0]: row for row in _run(conn, select(c.id, c.article_id, c.text, c.verdict, a.title)
                                            .select_from(CLAIMS.join(ARTICLES, a.id == c.article_id))
                                            .where(c.id.in_(ids)))} if ids else {}
        found = _snippets(conn, tree, ids, {i: rows[i][2] for i in rows})
    return [SearchResult(claim_id=i, article_id=rows[i][1], text=rows[i][2], verdict=rows[i][3],
                         article_title=rows[i][4], snippet=found[i], score=float(score))
            for i, score in best if i in rows]


def snippets(engine: Engine, query: str, ids: Iterable[int]) -> dict[int, str]:
    """The snippet of each claim for this query (a claim that no longer exists is left out)."""
    tree = parse(query)
    wanted = list(dict.fromkeys(ids))
    with engine.connect() as conn:
        texts = {row[0]: row[1] for start in range(0, len(wanted), 500)
                 for row in _run(conn, select(CLAIMS.c.id, CLAIMS.c.text)
                                 .where(CLAIMS.c.id.in_(wanted[start:start + 500])))}
        return _snippets(conn, tree, [i for i in wanted if i in texts], texts)


def _snippets(conn: Connection, tree: Node, ids: list[int], texts: dict[int, str]) -> dict[int, str]:
    found: dict[int, str] = {}
    expression = sqlite.snippet_match(tree)
    index = sqlite.plan(tree).index  # the index that found them holds every one
    if expression is not None:
        for start in range(0, len(ids), 500):
            for claim_id, own, best in _run(conn, sqlite.snippet_statement(expression, ids[start:start + 500], index)):
                found[claim_id] = own if HIGHLIGHT_START in own else best
    # Found by filters alone (or by a branch without words): the start of the claim.
    return {i: found.get(i) or sqlite.plain_snippet(texts[i]) for i in ids}


def verdict_counts(engine: Engine, query: str) -> dict[str, int]:
    tree = parse(query)
    counts = dict.fromkeys(COUNT_KEYS, 0)
    with engine.connect() as conn:
        for verdict, n in _run(conn, sqlite.counts_statement(tree)):
            counts[verdict or "unreviewed"] = counts.get(verdict or "unreviewed", 0) + int(n)
    return counts
