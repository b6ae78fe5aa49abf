"""Import throughput: 1,000 real articles into a new database.

Measured through `Store.import_many` (analysis in worker processes, as the CLI and the window
import several files), and also one `import_input` at a time in one process for comparison.
Reported as articles per second and as a ratio to a floor measured in the same run: the sentence
splitter alone over the same texts plus raw sqlite3 inserting the same rows into the same tables
(one transaction per article, WAL, as the store does). Median of several runs. Budget: >= 200 articles/s, <= 3x floor.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from pathlib import Path

from factcheck.analysis import sentences as text
from factcheck.analysis.article import analyse_article, reference_date
from factcheck.store import Store
from tests.benchmarks.corpus import articles

N_ARTICLES = 1000
RUNS = 3


def _import_with_store(items: list, path: Path, batch: bool = True) -> float:
    """`import_many`, as the CLI and the window import several files; or one `import_input` each."""
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


def _floor(items: list, path: Path) -> float:
    """The splitter alone, then raw sqlite3 writing the rows the store writes into the same tables
    (same schema and indexes, scores precomputed), one transaction per article."""
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
    for n, (item, found) in enumerate(zip(items, analysed, strict=True)):
        con.execute("BEGIN")
        cur = con.execute(
            "INSERT INTO article (title, outlet, url, author, published, language, body, content_hash, "
            "imported_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (item.title, item.outlet, item.url, item.author, str(item.published), item.language, item.body,
             str(n), stamp, item.origin))
        article_id = cur.lastrowid
        for i, s in enumerate(found):
            c = con.execute(
                'INSERT INTO claim (article_id, position, text, start, "end", speaker, score, reasons, proposed, '
                "dismissed, rationale, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article_id, i * 10, s.text, s.start, s.end, s.speaker, s.score.value, json.dumps(s.score.reasons),
                 s.proposed, False, "", stamp, stamp, 1))
            if s.dates:
                con.executemany(
                    'INSERT INTO datemention (article_id, claim_id, start, "end", text, value, granularity) '
                    "VALUES (?,?,?,?,?,?,?)",
                    [(article_id, c.lastrowid, s.start + m.start, s.start + m.end, m.text, m.value, m.granularity)
                     for m in s.dates])
        con.execute("COMMIT")
    ended = time.perf_counter()
    con.close()
    return (split_done - began) + (ended - split_done)


def test_import_1000_articles(tmp_path: Path) -> None:
    items = list(articles(N_ARTICLES))
    ours, serial, floors = [], [], []
    for run in range(RUNS):
        ours.append(_import_with_store(items, tmp_path / f"store-{run}.db"))
        serial.append(_import_with_store(items, tmp_path / f"serial-{run}.db", batch=False))
        floors.append(_floor(items, tmp_path / f"floor-{run}.db"))
    t, one, f = statistics.median(ours), statistics.median(serial), statistics.median(floors)
    rate, ratio = N_ARTICLES / t, t / f
    print(f"\nimport {N_ARTICLES} articles: {t:.2f} s = {rate:.0f} articles/s (median of {RUNS}); "
          f"floor (splitter + raw sqlite3) {f:.2f} s = {N_ARTICLES / f:.0f} articles/s; ratio {ratio:.2f}x")
    print(f"one at a time (import_input, one process): {one:.2f} s = {N_ARTICLES / one:.0f} articles/s; "
          f"ratio {one / f:.2f}x")
    assert rate >= 200, f"{rate:.0f} articles/s is under the budget of 200"
    assert ratio <= 3.0, f"{ratio:.2f}x the floor is over the budget of 3x"
