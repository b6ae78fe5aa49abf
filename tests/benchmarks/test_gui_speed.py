"""The review window on a large database: J-to-repaint latency, start-up time, resident memory.

Database: at least 100,000 stored sentences built from real articles (tests/benchmarks/corpus.py),
a third of the proposed claims judged, plus one long article with 200 proposed claims, which is
the one open. Floor: a bare PySide6 QMainWindow started the same way in the same run.
Budgets: median J-to-repaint < 16 ms; start to painted < 1.5 s; resident memory < 400 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.analysis.article import analyse_article
from tests.benchmarks.corpus import PROJECT_ROOT, build_database, source_articles

MIN_CLAIMS = 100_000
LONG_ARTICLE_CLAIMS = 200
RUNS = 7
STEPS = 60


def long_article_text() -> str:
    """Real paragraphs joined until they hold 200 proposed claims, cut at exactly 200."""
    paragraphs, proposed = [], 0
    for row in source_articles():
        found = analyse_article(row["body"], "en", None)
        for s in found:
            paragraphs.append(s.text)
            proposed += s.proposed
            if proposed == LONG_ARTICLE_CLAIMS:
                return "\n".join(paragraphs)
    pytest.skip("not enough text for a 200-claim article")


def probe(*args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROBE_T0=repr(time.time()))
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.gui_probe", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def big_database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("gui-bench") / "big.db"
    store = build_database(path, MIN_CLAIMS)
    article_id = store.import_text(long_article_text(), title="Long article", outlet="bench",
                                   published="2016-09-30").article_id
    assert store.claim_count() >= MIN_CLAIMS
    assert len(store.claims(article_id, proposed_only=True)) == LONG_ARTICLE_CLAIMS
    store.close()
    return path, article_id


def test_review_window_on_100k_claims(big_database: tuple[Path, int]) -> None:
    path, article_id = big_database
    bare = [probe("bare") for _ in range(RUNS)]
    app = [probe("app", str(path), str(article_id), str(STEPS)) for _ in range(RUNS)]
    bare_start = statistics.median(r["painted"] for r in bare)
    app_start = statistics.median(r["painted"] for r in app)
    key_ms = statistics.median(k for r in app for k in r["keys"]) * 1000
    key_p95 = sorted(k for r in app for k in r["keys"])[int(0.95 * RUNS * STEPS)] * 1000
    rss = max(max(r["rss_mb"], r["rss_mb_after"]) for r in app)
    bare_rss = statistics.median(r["rss_mb"] for r in bare)
    print(f"\nJ to repaint: median {key_ms:.1f} ms, p95 {key_p95:.1f} ms ({RUNS}x{STEPS} keys, "
          f"{app[0]['claims_in_article']}-claim article)")
    print(f"start to painted: {app_start:.2f} s vs bare PySide6 window {bare_start:.2f} s = "
          f"{app_start / bare_start:.2f}x (median of {RUNS})")
    print(f"resident memory: {rss:.0f} MB (bare window {bare_rss:.0f} MB)")
    assert key_ms < 16
    assert app_start < 1.5
    assert rss < 400
