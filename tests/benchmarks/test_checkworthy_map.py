"""How well ``score_sentence`` ranks check-worthy sentences, against a random ordering.

Data (kept in ``../shared/data/checkworthy/``, never copied into the project):

- ``clef2019-train/``: CLEF-2019 CheckThat! lab, task 1 (repository
  telsayed/clef2019-factchecking-task1), 19 debate and speech transcripts, one sentence a line
  ``line<TAB>speaker<TAB>sentence<TAB>label``. Scored as the lab scores it: rank the sentences
  of each transcript, average precision per transcript, mean over transcripts (MAP).
- ``claimbuster-groundtruth.csv``: ClaimBuster ground truth (Arslan et al., ICWSM 2020, copy in
  matsbratvold/Checkworthiness-Detection-with-Open-Source-LLMs); Verdict 1 = check-worthy
  factual. Ranked per debate (File_id), MAP over debates.
- ``es-newtral-2021/train.tsv``: CLEF-2021 CheckThat! task 1a Spanish (repository
  Newtral-Tech/clef2021-checkthat), tweets by Spanish politicians; average precision over the
  whole set, as that task ranks one list per topic (here a single topic).

The random baseline is the mean over many shuffles, so the printed ratio says how much better
than chance the scorer orders sentences. Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_checkworthy_map.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import csv
import random
import statistics
import time
from collections import defaultdict
from pathlib import Path

import pytest

from factcheck.analysis.claims import PROPOSE_THRESHOLD, score_sentence

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "checkworthy"
RANDOM_SHUFFLES = 50

# A ranking: the labels (True = check-worthy) of one list's items with their scores.
Ranking = list[tuple[float, bool]]


def average_precision(ranking: Ranking) -> float:
    """AP of a list ranked by score, best first; ties keep the input order, as a sort would."""
    ordered = sorted(ranking, key=lambda item: -item[0])
    hits, total = 0, 0.0
    for rank, (_, relevant) in enumerate(ordered, start=1):
        if relevant:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def mean_ap(rankings: list[Ranking]) -> float:
    scored = [r for r in rankings if any(label for _, label in r)]
    return statistics.fmean(average_precision(r) for r in scored)


def random_map(rankings: list[Ranking], seed: int = 0) -> float:
    rng = random.Random(seed)
    runs = []
    for _ in range(RANDOM_SHUFFLES):
        runs.append(mean_ap([[(rng.random(), label) for _, label in r] for r in rankings]))
    return statistics.fmean(runs)


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"development data not found: {path} (see ../shared/data/README.md)")
    return path


def load_clef2019() -> list[list[tuple[str, bool]]]:
    transcripts = []
    for path in sorted(_need(DATA / "clef2019-train").glob("*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                rows.append((parts[2], parts[3].strip() == "1"))
        transcripts.append(rows)
    return transcripts


def load_claimbuster() -> list[list[tuple[str, bool]]]:
    by_debate: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    with _need(DATA / "claimbuster-groundtruth.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            by_debate[row["File_id"]].append((row["Text"], row["Verdict"].strip() == "1"))
    return list(by_debate.values())


def load_newtral() -> list[list[tuple[str, bool]]]:
    path = _need(DATA / "es-newtral-2021" / "train.tsv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(r["tweet_text"], r["check-worthiness"].strip() == "1") for r in csv.DictReader(f, delimiter="\t")]
    return [rows]


def evaluate(name: str, lists: list[list[tuple[str, bool]]], language: str) -> tuple[float, float]:
    started = time.perf_counter()
    rankings = [[(score_sentence(text, language).value, label) for text, label in items] for items in lists]
    elapsed = time.perf_counter() - started
    sentences = sum(len(r) for r in rankings)
    ours, chance = mean_ap(rankings), random_map(rankings)
    proposed = [(s >= PROPOSE_THRESHOLD, label) for r in rankings for s, label in r]
    tp = sum(1 for p, label in proposed if p and label)
    precision = tp / max(1, sum(1 for p, _ in proposed if p))
    recall = tp / max(1, sum(1 for _, label in proposed if label))
    print(
        f"\n{name}: {len(rankings)} lists, {sentences} sentences; MAP scorer {ours:.3f} vs random"
        f" {chance:.3f} ({ours / chance:.2f}x); at threshold P {precision:.2f} R {recall:.2f};"
        f" {elapsed / sentences * 1e6:.0f} us/sentence"
    )
    return ours, chance


def test_clef2019_map_beats_random() -> None:
    ours, chance = evaluate("CLEF-2019 task 1 train", load_clef2019(), "en")
    assert ours > 2 * chance


def test_claimbuster_map_beats_random() -> None:
    ours, chance = evaluate("ClaimBuster ground truth", load_claimbuster(), "en")
    assert ours > chance


def test_newtral_spanish_map_beats_random() -> None:
    ours, chance = evaluate("CLEF-2021 1a Spanish (Newtral)", load_newtral(), "es")
    assert ours > chance
