"""Spanish: the claim scorer on tweets labelled by fact-checkers, and the language detector.

Data (``../shared/data/``, never copied into the project):

- ``checkworthy/es-newtral-2021/train.tsv``: CLEF-2021 CheckThat! task 1a Spanish (repository
  Newtral-Tech/clef2021-checkthat), 2,495 tweets by Spanish politicians with two labels: is it a
  claim (952), is it worth checking (200). Average precision of the scorer's ranking for each
  label, against the mean of random orders, and precision and recall of the proposal threshold.
- Language: those tweets (Spanish; a few are in Catalan, Basque or English and count as errors),
  the CLEF-2019 debate sentences and the BuzzFeed-Webis articles (English), each detected alone.

Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_spanish.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import csv
import random
import statistics
import time
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SHUFFLES = 50


def average_precision(ranked: list[tuple[float, bool]]) -> float:
    hits, total = 0, 0.0
    for i, (_, label) in enumerate(sorted(ranked, key=lambda item: -item[0]), start=1):
        if label:
            hits += 1
            total += hits / i
    return total / max(1, hits)


def newtral(folder: Path = DATA) -> list[tuple[str, bool, bool]]:
    path = folder / "checkworthy" / "es-newtral-2021" / "train.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["tweet_text"], r["claim"].strip() == "1", r["check-worthiness"].strip() == "1")
                for r in csv.DictReader(f, delimiter="\t")]


def english(folder: Path = DATA) -> tuple[list[str], list[str]]:
    sentences = [line.split("\t")[2] for path in sorted((folder / "checkworthy" / "clef2019-train").glob("*.tsv"))
                 for line in path.read_text(encoding="utf-8").splitlines() if line.count("\t") >= 3]
    articles = [p.read_text(encoding="utf-8")
                for p in sorted((folder / "articles" / "en-buzzfeed-webis-2016").glob("*.txt"))]
    return sentences, articles


def measure(folder: Path = DATA) -> dict[str, float]:
    from factcheck.analysis.claims import PROPOSE_THRESHOLD, score_sentence
    from factcheck.analysis.language import detect_language

    tweets = newtral(folder)
    started = time.perf_counter()
    scores = [score_sentence(text, "es").value for text, _, _ in tweets]
    per_tweet = (time.perf_counter() - started) / len(tweets)
    rng = random.Random(2021)
    figures: dict[str, float] = {}
    for column, name in ((1, "claim"), (2, "check-worthy")):
        ranked = [(s, t[column]) for s, t in zip(scores, tweets, strict=True)]
        chance = statistics.fmean(average_precision([(rng.random(), label) for _, label in ranked])
                                  for _ in range(SHUFFLES))
        proposed = [label for s, label in ranked if s >= PROPOSE_THRESHOLD]
        figures[f"{name} AP"], figures[f"{name} random"] = average_precision(ranked), chance
        figures[f"{name} P"] = sum(proposed) / max(1, len(proposed))
        figures[f"{name} R"] = sum(proposed) / max(1, sum(label for _, label in ranked))
        print(f"\nNewtral, label '{name}': AP {figures[f'{name} AP']:.3f} vs random {chance:.3f}; "
              f"proposed at {PROPOSE_THRESHOLD}: P {figures[f'{name} P']:.2f} R {figures[f'{name} R']:.2f}")
    print(f"scoring: {per_tweet * 1e6:.0f} us a tweet")
    sentences, articles = english(folder)
    for name, texts, want in (("Spanish tweets", [t for t, _, _ in tweets], "es"),
                              ("English debate sentences", sentences, "en"),
                              ("English news articles", articles, "en")):
        started = time.perf_counter()
        right = sum(detect_language(text) == want for text in texts)
        elapsed = (time.perf_counter() - started) / max(1, len(texts))
        figures[f"language {name}"] = right / max(1, len(texts))
        print(f"language, {name}: {right}/{len(texts)} ({right / max(1, len(texts)):.1%}), "
              f"{elapsed * 1e6:.0f} us each")
    return figures


def test_spanish_scorer_and_language_detector() -> None:
    if not (DATA / "checkworthy" / "es-newtral-2021" / "train.tsv").is_file():
        pytest.skip(f"development data not found in {DATA} (see ../shared/data/README.md)")
    figures = measure()
    assert figures["check-worthy AP"] > 2 * figures["check-worthy random"]
    assert figures["claim AP"] > figures["claim random"]
    assert figures["language Spanish tweets"] >= 0.99
    assert figures["language English news articles"] == 1.0
