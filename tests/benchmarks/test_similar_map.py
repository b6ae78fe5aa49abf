"""How well and how fast `Store.similar_to_text` finds the checked claim a post repeats.

Data (kept in ``../shared/data/matching/clef2020-task2/``, never copied into the project):
CLEF-2020 CheckThat! lab, task 2 (repository sshaar/clef2020-factchecking-task2): claims
fact-checked by Snopes (``verified_claims.docs.tsv``: id, claim, title) and tweets that repeat
them (``train.``/``dev.tweets.queries.tsv``, ``*.qrels``: tweet 0 claim 1).

Every checked claim goes in through the store as its own article (the Snopes title as the
article's title) and gets a verdict through the store, so the lookup reads the real index the
triggers keep. Scored as the lab scores it: MAP@5, the mean over tweets of the average precision
of the first five claims listed. The floor, measured on the same database in the same run, is
plain FTS5 BM25 over every word of the tweet OR-ed. The weights and thresholds in
factcheck/search/similar.py, the learned re-ranker (factcheck/search/similar_rerank.json) and the
acceptance model (factcheck/search/similar_accept.json) were chosen on the train tweets; dev was
held out until the end. Each figure is printed beside the same lists without the acceptance
model, so its cost and its gain read side by side.

The same run asks for 300 check-worthy sentences of the CLEF-2019 CheckThat! task 1 debate
transcripts (``../shared/data/checkworthy/clef2019-train/``, label 1, the first 300 in file order):
political claims that repeat no Snopes claim, so any list shown for them is one the reviewer did
not need. Neither they nor the dev tweets were read to train or tune the acceptance model
(scripts/train_similar_acceptance.py).

The second test asks the same of a desk's database at scale: the checked claims added to the
1,000,000 news sentences of big_database.py (5,000 of them reviewed), where the budget of 30 ms
a query must still hold. Its times are the median of three passes taken in turns with the floor,
after one untimed pass over the queries that warms the page cache.

Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_similar_map.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.importing.reading import ArticleInput
from factcheck.records import VERDICT_LABELS
from factcheck.search import similar as similar_lookup
from factcheck.store import Store
from tests.benchmarks.big_database import big_database

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "matching" / "clef2020-task2"
UNRELATED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "checkworthy" / "clef2019-train"
MAP_MARGIN = 0.02  # ours must beat the floor by at least this much
MIN_RANKING_MAP = 0.83  # the target for the ranking, every list shown
MIN_SHOWN_MAP = 0.83  # the target for the lists as shown (not met: see the README)
MIN_DEV_RECALL = 0.87  # dev tweets whose right claim is shown
MIN_KEPT = 0.98  # of the dev tweets whose right claim the ranking lists, those still shown
MAX_UNRELATED_SHOWN = 0.75  # unrelated check-worthy sentences that get any list
MEDIAN_BUDGET_MS = 30.0
MAX_FLOOR_RATIO = 1.0  # our median over plain BM25's, same run: no slower than the floor

Queries = dict[int, str]
Gold = dict[int, set[int]]


def _read_tsv(name: str) -> list[list[str]]:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"benchmark data not found: {DATA} (see ../shared/data/README.md)")
    with path.open(encoding="utf-8", newline="") as fh:  # rows span lines inside quotes
        rows = list(csv.reader(fh, delimiter="\t"))
    return rows[1:]


def tweets(split: str) -> tuple[Queries, Gold]:
    queries = {int(r[0]): r[1] for r in _read_tsv(f"{split}.tweets.queries.tsv")}
    gold: Gold = {}
    for line in (DATA / f"{split}.tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            tweet, _, claim, relevant = line.split()
            if relevant == "1":
                gold.setdefault(int(tweet), set()).add(int(claim))
    return queries, gold


def average_precision_at_5(ranked: list[int], relevant: set[int]) -> float:
    hits, total = 0, 0.0
    for rank, claim in enumerate(ranked[:5], start=1):
        if claim in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def load_checked_claims(store: Store) -> dict[int, int]:
    """Each Snopes claim as an article and a reviewed claim; vclaim id -> claim id."""
    rows = [r for r in _read_tsv("verified_claims.docs.tsv") if r[1].strip()]
    items = [ArticleInput(body=r[1].strip(), title=r[2].strip() or r[1][:80], language="en",
                          origin=f"snopes-{r[0]}") for r in rows]
    claim_of: dict[int, int] = {}
    for row, result in zip(rows, store.import_many(items), strict=True):
        body = row[1].strip()
        whole = [c for c in store.claims(result.article_id) if c.text == body]
        if whole:
            claim_id = whole[0].id
        else:  # split into sentences on import: the checked claim is the whole text
            op = ops.AddClaim(result.article_id, start=0, end=len(body))
            store.run(op)
            assert op.claim_id is not None
            claim_id = op.claim_id
        if store.claim(claim_id).verdict is None:  # type: ignore[union-attr]
            store.set_verdict(claim_id, VERDICT_LABELS[int(row[0]) % 3], reviewer="snopes")
        claim_of[int(row[0])] = claim_id
    return claim_of


def plain_bm25(path: Path) -> Callable[[str], list[int]]:
    """The floor: every word of the tweet OR-ed, plain bm25(), reviewed claims only."""
    con = sqlite3.connect(path)
    sql = ("SELECT c.id FROM reviewed_fts JOIN claim AS c ON c.id = reviewed_fts.rowid "
           "WHERE reviewed_fts MATCH ? ORDER BY bm25(reviewed_fts) LIMIT 5")

    def lookup(text: str) -> list[int]:
        words = list(dict.fromkeys(re.findall(r"[^\W_]+", text.lower())))
        if not words:
            return []
        return [r[0] for r in con.execute(sql, (" OR ".join(f'"{w}"' for w in words),))]
    return lookup


def unrelated_sentences(count: int = 300) -> list[str]:
    if not UNRELATED.exists():
        pytest.skip(f"benchmark data not found: {UNRELATED} (see ../shared/data/README.md)")
    found = []
    for path in sorted(UNRELATED.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) == 4 and fields[3].strip() == "1":
                found.append(fields[2])
    return found[:count]


def measure(lookup: Callable[[str], list[int]], split: str, claim_of: dict[int, int]) -> tuple[float, list[float]]:
    mean_ap, _, times = measure_all(lookup, split, claim_of)
    return mean_ap, times


def measure_all(lookup: Callable[[str], list[int]], split: str,
                claim_of: dict[int, int]) -> tuple[float, float, list[float]]:
    """MAP@5, the share of tweets whose right claim is listed, and the time of each lookup."""
    queries, gold = tweets(split)
    scores, found, times = [], [], []
    for tweet, text in queries.items():
        start = time.perf_counter()
        ranked = lookup(text)
        times.append(time.perf_counter() - start)
        relevant = {claim_of[c] for c in gold.get(tweet, ()) if c in claim_of}
        scores.append(average_precision_at_5(ranked, relevant))
        found.append(bool(relevant & set(ranked[:5])))
    return statistics.fmean(scores), statistics.fmean(found), times


def timed_side_by_side(lookups: list[Callable[[str], list[int]]], split: str, claim_of: dict[int, int],
                       passes: int = 3) -> list[tuple[float, list[float]]]:
    """MAP@5 of each lookup and the median time of each query over `passes` timed passes.

    One untimed pass first reads the database's pages and loads the models, as a desk's open
    database has them after its first lookups (timing the first pass of the first lookup timed the
    disk, not the lookup). The lookups then take turns on each query, so a slower minute of the
    machine weighs on each of them alike."""
    queries, gold = tweets(split)
    for text in queries.values():
        for lookup in lookups:
            lookup(text)
    times: list[list[list[float]]] = [[[] for _ in queries] for _ in lookups]
    scores: list[list[float]] = [[] for _ in lookups]
    for turn in range(passes):
        for q, (tweet, text) in enumerate(queries.items()):
            relevant = {claim_of[c] for c in gold.get(tweet, ()) if c in claim_of}
            for i, lookup in enumerate(lookups):
                start = time.perf_counter()
                ranked = lookup(text)
                times[i][q].append(time.perf_counter() - start)
                if turn == 0:
                    scores[i].append(average_precision_at_5(ranked, relevant))
    return [(statistics.fmean(scores[i]), [statistics.median(t) for t in times[i]]) for i in range(len(lookups))]


def shown_for(lookup: Callable[[str], list[int]], sentences: list[str]) -> float:
    """The share of the sentences for which anything is listed."""
    return statistics.fmean(bool(lookup(s)) for s in sentences)


def _ms(times: list[float]) -> str:
    ordered = sorted(times)
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {ordered[int(0.95 * len(ordered))] * 1000:.1f} ms"


@pytest.mark.data
def test_similar_claims_map_at_5(tmp_path: Path) -> None:
    store = Store(tmp_path / "snopes.db", reviewer="bench")
    try:
        start = time.perf_counter()
        claim_of = load_checked_claims(store)
        print(f"\n{len(claim_of)} checked claims loaded through the store in {time.perf_counter() - start:.0f} s")

        def ours(text: str) -> list[int]:
            return [r.claim_id for r in store.similar_to_text(text, limit=5)]

        def unfiltered(text: str) -> list[int]:  # the same lists without the acceptance model
            with store.engine.connect() as conn:
                return [r.claim_id for r in similar_lookup.similar_to_text(conn, text, 5, accept=False)]

        floor = plain_bm25(tmp_path / "snopes.db")
        figures = {}
        for split in ("train", "dev"):
            mine, recall, my_times = measure_all(ours, split, claim_of)
            before, before_recall, _ = measure_all(unfiltered, split, claim_of)
            base, base_recall, base_times = measure_all(floor, split, claim_of)
            figures[split] = (mine, base, recall, statistics.median(my_times), before, before_recall,
                              statistics.median(my_times) / statistics.median(base_times))
            print(f"{split}: MAP@5 {mine:.3f} (without the acceptance model {before:.3f}; floor, plain BM25: "
                  f"{base:.3f}); right claim shown for {recall:.1%} (without {before_recall:.1%}; floor "
                  f"{base_recall:.1%}); similar_to_text {_ms(my_times)}; floor {_ms(base_times)}; "
                  f"{statistics.median(my_times) / statistics.median(base_times):.1f}x the floor's median")
        sentences = unrelated_sentences()
        unrelated = shown_for(ours, sentences)
        print(f"{len(sentences)} unrelated CLEF-2019 check-worthy sentences: a list for {unrelated:.1%} "
              f"(without the acceptance model {shown_for(unfiltered, sentences):.1%}; floor "
              f"{shown_for(floor, sentences):.1%})")
    finally:
        store.close()
    mine, base, recall, median, before, before_recall, ratio = figures["dev"]
    assert mine >= base + MAP_MARGIN, f"dev MAP@5 {mine:.3f} does not beat plain BM25 ({base:.3f}) by {MAP_MARGIN}"
    assert recall >= MIN_DEV_RECALL, (
        f"the right claim is shown for {recall:.1%} of dev tweets, budget {MIN_DEV_RECALL:.0%}")
    assert recall >= MIN_KEPT * before_recall, (
        f"{recall / before_recall:.1%} of the right claims the ranking lists are shown, budget {MIN_KEPT:.0%}")
    assert unrelated <= MAX_UNRELATED_SHOWN, (
        f"a list for {unrelated:.1%} of unrelated sentences, budget {MAX_UNRELATED_SHOWN:.0%}")
    assert ratio <= MAX_FLOOR_RATIO, f"median {ratio:.2f}x plain BM25's, budget {MAX_FLOOR_RATIO}x"
    assert median * 1000 <= MEDIAN_BUDGET_MS, f"median {median * 1000:.1f} ms a query, budget {MEDIAN_BUDGET_MS} ms"
    # The target last, so that a miss does not hide the budgets above.
    assert before >= MIN_RANKING_MAP, f"dev MAP@5 {before:.3f} of the ranking, target {MIN_RANKING_MAP}"
    assert mine >= MIN_SHOWN_MAP, f"dev MAP@5 {mine:.3f} of the lists shown, target {MIN_SHOWN_MAP}"


def _at_scale() -> tuple[Path, dict[int, int]]:
    """The big database with the checked claims added, cached beside it with its claim map."""
    big, _ = big_database()
    path = big.with_name(big.name.replace("-search-", "-similar-"))
    mapping = path.with_suffix(".json")
    if not (path.exists() and mapping.exists()):
        partial = path.with_suffix(".building")
        shutil.copyfile(big, partial)
        with Store(partial, reviewer="bench") as store:
            claim_of = load_checked_claims(store)
        partial.rename(path)
        mapping.write_text(json.dumps(claim_of), encoding="utf-8")
    return path, {int(k): v for k, v in json.loads(mapping.read_text(encoding="utf-8")).items()}


@pytest.mark.data
def test_similar_claims_at_a_million_claims() -> None:
    path, claim_of = _at_scale()
    with Store(path, reviewer="bench") as store:
        print(f"\n{store.claim_count():,} claims, {len(claim_of):,} of them checked claims")

        def ours(text: str) -> list[int]:
            return [r.claim_id for r in store.similar_to_text(text, limit=5)]

        (mine, my_times), (base, base_times) = timed_side_by_side([ours, plain_bm25(path)], "dev", claim_of)
    median = statistics.median(my_times)
    print(f"dev at scale: MAP@5 {mine:.3f} (floor, plain BM25: {base:.3f}); similar_to_text {_ms(my_times)}; "
          f"floor {_ms(base_times)}; {median / statistics.median(base_times):.1f}x the floor's median")
    assert mine >= base + MAP_MARGIN, f"dev MAP@5 {mine:.3f} does not beat plain BM25 ({base:.3f}) by {MAP_MARGIN}"
    ratio = median / statistics.median(base_times)
    assert ratio <= MAX_FLOOR_RATIO, f"median {ratio:.2f}x plain BM25's, budget {MAX_FLOOR_RATIO}x"
    assert median * 1000 <= MEDIAN_BUDGET_MS, f"median {median * 1000:.1f} ms a query, budget {MEDIAN_BUDGET_MS} ms"
