"""Every review key, from the press to the end of the repaint, at 100,000 and at 1,000,000 claims.

Databases: 100k claims built from real articles (tests/benchmarks/corpus.py, a third judged) and
the cached 1M-claim database of big_database.py (42,000 articles, 5,000 verdicts), each with one
200-claim article of real paragraphs per probe run, which is the one opened. The keys are pressed
once the backup that opening a database makes in the background has ended (key_probe.py: a fresh
copy of the 1M database is always due one, several seconds of copying on both cores). Each run
presses J, K, V, D, U, N and Shift+J `REPEATS` times (V, D and U each on fresh unreviewed claims),
then walks 500 claims across articles and reads the resident memory.

Floor: a bare QTextEdit holding the same article, where J moves a highlight (key_probe.py), timed
the same way in the same run. Budgets (the speed issue): every key's median < 16 ms and p95
< 25 ms at both sizes; resident memory after the walk < 250 MB at 1M.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s -p no:cacheprovider -o addopts="" \\
        tests/benchmarks/test_key_speed.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.store import Store
from tests.benchmarks.big_database import big_database
from tests.benchmarks.corpus import PROJECT_ROOT, build_database
from tests.benchmarks.test_gui_speed import long_article_text

RUNS = 5
REPEATS = 40
WALK = 500
KEYS = ("J", "K", "V", "D", "U", "N", "Shift+J")


def run_probe(*args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.key_probe", *args], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def add_long_articles(path: Path, text: str) -> list[int]:
    """One 200-claim article per run, each a distinct text (imports are recognised by content)."""
    with Store(path, reviewer="bench") as store:
        return [store.import_text(f"{text}\nCopy {run} of the long article.", title=f"Long article {run}",
                                  outlet="bench", published="2016-09-30").article_id
                for run in range(RUNS)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(path: Path, text: str, label: str, tmp_path: Path) -> tuple[dict[str, tuple[float, float]], float]:
    article_ids = add_long_articles(path, text)
    text_file = tmp_path / "article.txt"
    text_file.write_text(text, encoding="utf-8")
    floor_runs = [run_probe("floor", str(text_file), str(REPEATS)) for _ in range(RUNS)]
    floor_ms = statistics.median(k for r in floor_runs for k in r["keys"]["J"]) * 1000
    runs = [run_probe(str(path), str(article_id), str(REPEATS), str(WALK)) for article_id in article_ids]
    figures = {}
    print(f"\n{label}: floor (bare QTextEdit, J moves a highlight) median {floor_ms:.1f} ms")
    for key in KEYS:
        times = [t * 1000 for r in runs for t in r["keys"][key]]
        median, p95 = statistics.median(times), percentile(times, 0.95)
        figures[key] = (median, p95)
        print(f"  {key:8} median {median:5.1f} ms  p95 {p95:5.1f} ms  = {median / floor_ms:4.1f}x floor")
    rss = max(r["rss_mb_after_walk"] for r in runs)
    assert all(r["walked"] == WALK for r in runs)
    print(f"  resident memory after {WALK} claims: {rss:.0f} MB")
    return figures, rss


def assert_budgets(figures: dict[str, tuple[float, float]]) -> None:
    slow = {key: f for key, f in figures.items() if f[0] >= 16 or f[1] >= 25}
    assert not slow, f"over budget (median < 16 ms, p95 < 25 ms): {slow}"


def test_review_keys_at_100k_claims(tmp_path: Path) -> None:
    path = tmp_path / "100k.db"
    build_database(path, 100_000).close()
    figures, _ = measure(path, long_article_text(), "100k claims", tmp_path)
    assert_budgets(figures)


def test_review_keys_and_memory_at_1m_claims(tmp_path: Path) -> None:
    text = long_article_text()  # skips first when the articles are absent
    cached, seconds = big_database()
    if seconds:
        print(f"\n(built the 1M-claim database in {seconds:.0f} s)")
    path = tmp_path / "1m.db"
    began = time.perf_counter()
    shutil.copyfile(cached, path)
    print(f"\n(copied in {time.perf_counter() - began:.0f} s)")
    figures, rss = measure(path, text, "1M claims", tmp_path)
    assert_budgets(figures)
    assert rss < 250, f"resident memory {rss:.0f} MB after {WALK} claims (budget 250 MB)"


@pytest.fixture(autouse=True)
def _quiet_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))
