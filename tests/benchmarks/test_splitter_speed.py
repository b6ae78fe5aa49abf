"""Speed of sentence splitting and claim scoring, the per-article cost of every import.

The import budget is 200 articles a second including database writes, so splitting, scoring
and speaker attribution together must stay well under 5 ms for a news article. Texts: the seed
article (in the project) and the BuzzFeed-Webis Fake News Corpus 2016 (150 news articles from
US outlets, September 2016; copy in ruedigerhass/FakeNews_detector), kept in
``../shared/data/articles/en-buzzfeed-webis-2016/``. pysbd, the slower alternative splitter, is
timed too when it is installed, as the floor the chosen splitter was measured against.

Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_splitter_speed.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.analysis.claims import find_speaker, score_sentence
from factcheck.analysis.sentences import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"
ARTICLES = ROOT.parent / "shared" / "data" / "articles" / "en-buzzfeed-webis-2016"
RUNS = 7


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)


def _times_ms(work: Callable[[str], object], texts: list[str]) -> list[float]:
    """Milliseconds per text of RUNS passes over all ``texts``."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for text in texts:
            work(text)
        times.append((time.perf_counter() - started) * 1000 / len(texts))
    return times


def _median_ms(work: Callable[[str], object], texts: list[str]) -> float:
    return statistics.median(_times_ms(work, texts))


def _analyse(text: str) -> None:
    for span in split_sentences(text):
        score_sentence(span.text)
        find_speaker(span.text)


def _corpora() -> dict[str, list[str]]:
    corpora = {"seed article": [_body(SEED)]}
    if ARTICLES.is_dir():
        corpora["buzzfeed-webis (150 articles)"] = [_body(p) for p in sorted(ARTICLES.glob("*.txt"))]
    else:
        print(f"\n{ARTICLES} not found: timing the seed article only")
    return corpora


def test_split_and_score_fit_the_import_budget() -> None:
    for name, texts in _corpora().items():
        split = _median_ms(split_sentences, texts)
        full_runs = _times_ms(_analyse, texts)
        full = statistics.median(full_runs)
        print(
            f"\n{name} (median of {RUNS}): split_sentences {split:.3f} ms/article;"
            f" split + score + speaker {full:.3f} ms/article ({1000 / full:.0f} articles/s,"
            f" {full / split:.0f}x the splitter alone)"
        )
        # The best run is the code's own cost; the median also carries the machine's load.
        assert min(full_runs) < 5.0, "analysis alone would use the whole 200 articles/s import budget"


def test_pysbd_for_comparison() -> None:
    pysbd = pytest.importorskip("pysbd", reason="pysbd not installed; nothing to compare with")
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def pysbd_split(text: str) -> list[object]:
        return [s for p in split_paragraphs(text) for s in segmenter.segment(p.text)]

    for name, texts in _corpora().items():
        ours = _median_ms(split_sentences, texts)
        theirs = _median_ms(pysbd_split, texts)
        print(
            f"\n{name} (median of {RUNS}): pysbd {theirs:.3f} ms/article"
            f" vs split_sentences {ours:.3f} ({theirs / ours:.0f}x)"
        )
