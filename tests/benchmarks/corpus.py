"""Builds benchmark corpora from real articles: the BuzzFeed-Webis Fake News Corpus 2016.

150 articles from US outlets, September 2016 (copy in ruedigerhass/FakeNews_detector), kept in
../shared/data/articles/en-buzzfeed-webis-2016/ beside the project. To reach N articles the texts
are repeated with their sentences rotated and a dateline added, so every copy is a distinct text
(re-imports are detected by content) with the same statistics as the real ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.importing.reading import ArticleInput
from factcheck.store import Store, content_hash

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTICLES_DIR = PROJECT_ROOT.parent / "shared" / "data" / "articles" / "en-buzzfeed-webis-2016"
VERDICTS = ("verified", "disputed", "unclear")


def source_articles() -> list[dict[str, str]]:
    """The real articles with their metadata; skips the calling test when the data is absent."""
    index = ARTICLES_DIR / "index.csv"
    if not index.exists():
        pytest.skip(f"benchmark data not found: {ARTICLES_DIR} (see ../shared/data/README.md)")
    with index.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen, distinct = set(), []
    for row in rows:
        row["body"] = (ARTICLES_DIR / row["file"]).read_text(encoding="utf-8", errors="replace")
        digest = content_hash(row["body"])
        if row["body"].strip() and digest not in seen:  # the corpus holds a few reposted texts
            seen.add(digest)
            distinct.append(row)
    return distinct


def articles(n: int, seed: int = 2016) -> Iterator[ArticleInput]:
    """N distinct article inputs made from the real texts."""
    rows = source_articles()
    rng = random.Random(seed)
    start = dt.date(2016, 9, 1)
    for i in range(n):
        row = rows[i % len(rows)]
        body = row["body"]
        copy = i // len(rows)
        if copy:
            cut = rng.randrange(1, max(2, len(body) // 2))
            split_at = body.find(". ", cut)
            if split_at > 0:
                body = body[split_at + 2:] + " " + body[: split_at + 1]
            body = f"WASHINGTON (edition {copy}) - {body}"
        yield ArticleInput(
            body=body, title=row["title"], outlet=row["outlet"], url=row["url"],
            published=start + dt.timedelta(days=i % 30), language="en", origin=f"corpus/{row['file']}",
        )


def build_database(path: Path, min_claims: int, reviewed_share: float = 0.3) -> Store:
    """A database with at least `min_claims` stored sentences, a share of the proposed ones judged."""
    store = Store(path, reviewer="bench")
    rng = random.Random(7)
    for item in articles(10**9):
        store.import_input(item)
        if store.claim_count() >= min_claims:
            break
    return judge_some(store, reviewed_share, rng)


def judge_some(store: Store, share: float, rng: random.Random) -> Store:
    for article in store.articles():
        for claim in store.claims(article.id, proposed_only=True):
            if rng.random() < share:
                store.run(ops.SetVerdict(claim.id, verdict=rng.choice(VERDICTS), reviewer="bench"))
    return store
