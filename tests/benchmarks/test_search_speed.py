"""Search speed on a large database built from real texts (BuzzFeed-Webis 2016, see corpus.py).

The database (big_database.py: 1,000,000 claims by default, built through the store) is shared
with the similar-claims benchmark. Each query below runs through Store.search_ids with limit 50,
and beside it the same search issued as hand-written SQL through raw sqlite3 on the same file,
on the same index: the floor. A LIKE '%word%' scan is shown for scale. Median and p95 of several
runs, interleaved so that both sides see the same machine. Budgets: median <= 1.5x the floor,
p95 under 50 ms.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator

import pytest

from factcheck.search.sqlite import RANK_WINDOW
from factcheck.store import Store
from tests.benchmarks.big_database import big_database, index_sizes

RUNS = 25
SCOPE = "c.proposed = 1 AND c.dismissed = 0"
ARTICLE = " JOIN article a ON a.id = c.article_id"
RANKED = ("SELECT c.id FROM {fts} JOIN claim c ON c.id = {fts}.rowid{join} "
          "WHERE {fts} MATCH ? AND {where} ORDER BY {fts}.rank, c.id LIMIT 50")
# The newest matches as a subquery SQLite cannot merge into the join (see factcheck.search.sqlite).
IN_WINDOW = ("SELECT c.id FROM (SELECT rowid AS id, rank FROM {fts} WHERE {fts} MATCH ? AND rowid >= ? "
             "LIMIT 4611686018427387904) AS m JOIN claim c ON c.id = m.id{join} "
             "WHERE {where} ORDER BY m.rank, c.id LIMIT 50")
WINDOW = "SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET " + str(RANK_WINDOW - 1)
# Words of every size of result, the one nearest 100,000 claims is the "matches 100k" query.
COMMON_WORDS = ("the", "to", "of", "and", "a", "in", "that", "is", "for", "on", "said", "with", "it", "was")


def raw_search(con: sqlite3.Connection, match: str, where: str, join: str = "", fts: str = "claim_fts") -> list[tuple]:
    """The store's ranked search in hand-written SQL (factcheck.search.reads.ranked): rank the
    newest RANK_WINDOW matches, and every match when fewer than 50 of those pass the filters.
    A query that asks for a verdict reads the index of reviewed claims (fts="reviewed_fts")."""
    start = con.execute(WINDOW.format(fts=fts), (match,)).fetchone()
    if start is not None:
        found = con.execute(IN_WINDOW.format(fts=fts, join=join, where=where), (match, start[0])).fetchall()
        if len(found) >= 50:
            return found
    return con.execute(RANKED.format(fts=fts, join=join, where=where), (match,)).fetchall()


@pytest.fixture(scope="module")
def big() -> Iterator[Store]:
    path, seconds = big_database()
    store = Store(path, reviewer="bench")
    sizes = index_sizes(path)
    how = f"built in {seconds:.0f} s" if seconds else "reused"
    print(f"\n{store.claim_count():,} claims in {store.article_count():,} articles ({how}); "
          f"file {path.stat().st_size / 1e6:.0f} MB, of which the search indexes "
          + ", ".join(f"{name} {size / 1e6:.0f} MB" for name, size in sizes.items()))
    yield store
    store.close()


def _time(call) -> float:  # noqa: ANN001 - any callable
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def test_search_speed(big: Store) -> None:
    con = sqlite3.connect(f"file:{big.path}?mode=ro", uri=True)
    counts = {w: con.execute("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", (f'"{w}"',)).fetchone()[0]
              for w in COMMON_WORDS}
    common = min(counts, key=lambda w: abs(counts[w] - 100_000))
    # (what, query, its MATCH string, its conditions, the article join, the word for the LIKE scan, the index)
    cases = [
        ("one word", "hillary", '"hillary"', SCOPE, "", "hillary", "claim_fts"),
        ("a phrase", '"white house"', '"white house"', SCOPE, "", "white house", "claim_fts"),
        ("field + words", "verdict:disputed trump", '"trump"', SCOPE + " AND c.verdict = 'disputed'", "", "trump",
         "reviewed_fts"),
        ("date range + word", "debate published-after:2016-09-10 published-before:2016-09-20", '"debate"',
         "a.published IS NOT NULL AND a.published >= '2016-09-10' AND a.published IS NOT NULL "
         "AND a.published < '2016-09-20' AND " + SCOPE, ARTICLE, "debate", "claim_fts"),
        (f"{counts[common]:,} matches", common, f'"{common}"', SCOPE, "", f" {common} ", "claim_fts"),
    ]
    failures = []
    print()
    for what, query, match, where, join, like, fts in cases:
        assert big.search_ids(query, limit=50) == [r[0] for r in raw_search(con, match, where, join, fts)], what
        ours, floor = [], []
        for _ in range(RUNS):
            ours.append(_time(lambda q=query: big.search_ids(q, limit=50)))
            floor.append(_time(lambda m=match, w=where, j=join, f=fts: raw_search(con, m, w, j, f)))
        scan = statistics.median(_time(lambda w=like: con.execute(
            # Every claim holding the word, as a search without an index must find them all to rank them.
            f"SELECT count(*) FROM claim c WHERE c.text LIKE ? AND {SCOPE}",
            (f"%{w}%",)).fetchall()) for _ in range(3))
        median, p95, base = statistics.median(ours), _p95(ours), statistics.median(floor)
        ratio = median / base
        print(f"{what:<20} {query[:40]!r:<44} median {median:6.2f} ms  p95 {p95:6.2f} ms  "
              f"raw sqlite3 {base:6.2f} ms  ratio {ratio:4.2f}x  (LIKE scan {scan:7.1f} ms)")
        if ratio > 1.5 or p95 >= 50:
            failures.append(f"{what}: {ratio:.2f}x, p95 {p95:.1f} ms")
    con.close()
    assert not failures, "over budget: " + "; ".join(failures)
