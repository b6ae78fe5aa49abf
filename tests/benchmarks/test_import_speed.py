"""Import throughput: 1,000 real articles into a new database.

Measured through `Store.import_many` (analysis in worker processes, as the CLI and the window
import several files), and also one `import_input` at a time in one process for comparison.
Reported as articles per second and as a ratio to a floor measured in the same run: the sentence
splitter alone over the same texts plus raw sqlite3 inserting the same rows into the same tables
(32 articles per transaction, WAL, as the store does). Median of several runs. Budget: >= 200 articles/s,
<= 2.5x floor. The first run also starts the workers' fork server, which later imports in the same
program reuse (factcheck.importing.batch): every run's figure is printed, the first one included.

What the search indexes cost is measured the same way: the same import into a database whose
index triggers were dropped, beside the real one. Budget: the indexes make the import at most
30 % slower; their size on disk is printed.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from pathlib import Path

from factcheck.analysis import sentences as text
from factcheck.analysis.article import analyse_article, reference_date
from factcheck.storage.migrate import FTS_TABLES
from factcheck.store import Store
from tests.benchmarks.corpus import articles

N_ARTICLES = 1000
RUNS = 3


def _drop_search_indexes(path: Path) -> None:
    """The schema without its full-text indexes' triggers: what the same import costs unindexed."""
    con = sqlite3.connect(path)
    try:
        for index in FTS_TABLES:
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                                       (index + "%",)).fetchall():
                con.execute(f'DROP TRIGGER "{name}"')
        con.commit()
    finally:
        con.close()


def _index_bytes(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return sum(size for name, size in con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
                   if any(name.startswith(index) for index in FTS_TABLES))
    finally:
        con.close()


def _import_with_store(items: list, path: Path, batch: bool = True, indexed: bool = True) -> float:
    """`import_many`, as the CLI and the window import several files; or one `import_input` each."""
    if not indexed:
        Store(path).close()
        _drop_search_indexes(path)
    store = Store(path, reviewer="bench")
    began = time.perf_counter()
    if batch:
        for _ in store.import_many(items):
            pass
    else:
        for item in items:
            store.import_input(item)
    elapsed = time.perf_counter() - began
    assert store.article_count() == len(items)
    store.close()
    return elapsed


CLAIM_SQL = ('INSERT INTO claim (article_id, position, text, start, "end", speaker, score, reasons, proposed, '
             "dismissed, rationale, created_at, updated_at, version) VALUES ")
FLOOR_BATCH = 32  # articles per transaction, as import_many commits them


def _floor(items: list, path: Path) -> float:
    """The splitter alone, then raw sqlite3 writing the rows the store writes into the same tables
    (same schema and index triggers, scores precomputed) the way the store writes them: 32 articles
    per transaction, each article's sentences in one multi-row INSERT, then the date mentions."""
    analysed = [analyse_article(i.body, i.language, reference_date(i.published)) for i in items]
    Store(path).close()  # the real schema, indexes included
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    stamp = "2025-05-03 12:00:00.000000"
    began = time.perf_counter()
    for item in items:
        text.split_sentences(item.body, item.language)
    split_done = time.perf_counter()
    pairs = list(zip(items, analysed, strict=True))
    for first in range(0, len(pairs), FLOOR_BATCH):
        con.execute("BEGIN")
        for n, (item, found) in enumerate(pairs[first:first + FLOOR_BATCH], start=first):
            cur = con.execute(
                "INSERT INTO article (title, outlet, url, author, published, language, body, content_hash, "
                "imported_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (item.title, item.outlet, item.url, item.author, str(item.published), item.language, item.body,
                 str(n), stamp, item.origin))
            article_id = cur.lastrowid
            if not found:
                continue
            con.execute(CLAIM_SQL + ", ".join(["(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"] * len(found)),
                        [value for i, s in enumerate(found)
                         for value in (article_id, i * 10, s.text, s.start, s.end, s.speaker, s.score.value,
                                       json.dumps(s.score.reasons), s.proposed, False, "", stamp, stamp, 1)])
            ids = [row[0] for row in con.execute("SELECT id FROM claim WHERE article_id = ? ORDER BY position",
                                                 (article_id,))]
            con.executemany(
                'INSERT INTO datemention (article_id, claim_id, start, "end", text, value, granularity) '
                "VALUES (?,?,?,?,?,?,?)",
                [(article_id, claim_id, s.start + m.start, s.start + m.end, m.text, m.value, m.granularity)
                 for claim_id, s in zip(ids, found, strict=True) for m in s.dates])
        con.execute("COMMIT")
    ended = time.perf_counter()
    con.close()
    return (split_done - began) + (ended - split_done)


def test_import_1000_articles(tmp_path: Path) -> None:
    items = list(articles(N_ARTICLES))
    ours, unindexed, serial, floors = [], [], [], []
    for run in range(RUNS):
        ours.append(_import_with_store(items, tmp_path / f"store-{run}.db"))
        unindexed.append(_import_with_store(items, tmp_path / f"unindexed-{run}.db", indexed=False))
        serial.append(_import_with_store(items, tmp_path / f"serial-{run}.db", batch=False))
        floors.append(_floor(items, tmp_path / f"floor-{run}.db"))
    t, one, f = statistics.median(ours), statistics.median(serial), statistics.median(floors)
    bare = statistics.median(unindexed)
    index_cost = t / bare
    size, bare_size = (tmp_path / "store-0.db").stat().st_size, (tmp_path / "unindexed-0.db").stat().st_size
    rate, ratio = N_ARTICLES / t, t / f
    print(f"\nimport {N_ARTICLES} articles: {t:.2f} s = {rate:.0f} articles/s (median of {RUNS}); "
          f"floor (splitter + raw sqlite3) {f:.2f} s = {N_ARTICLES / f:.0f} articles/s; ratio {ratio:.2f}x")
    print("import_many runs: " + ", ".join(f"{x:.2f} s" for x in ours) + " (the first starts the fork server)")
    print(f"one at a time (import_input, one process): {one:.2f} s = {N_ARTICLES / one:.0f} articles/s; "
          f"ratio {one / f:.2f}x")
    print(f"without the search indexes: {bare:.2f} s; the indexes cost {index_cost - 1:+.0%} of the import time "
          f"and {_index_bytes(tmp_path / 'store-0.db') / 1e6:.1f} MB on disk (file {size / 1e6:.1f} MB "
          f"against {bare_size / 1e6:.1f} MB)")
    assert rate >= 200, f"{rate:.0f} articles/s is under the budget of 200"
    assert ratio <= 2.5, f"{ratio:.2f}x the floor is over the budget of 2.5x"
    assert index_cost <= 1.30, f"the search indexes make the import {index_cost - 1:.0%} slower, budget 30 %"
