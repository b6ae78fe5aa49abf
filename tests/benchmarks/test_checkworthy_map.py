"""How well the claim scorer ranks check-worthy sentences it was not trained on, against the
word-list scorer and a random ordering; and what the shipped model costs.

Data (kept in ``../shared/data/checkworthy/``, never copied into the project):

- ``clef2019-train/``: CLEF-2019 CheckThat! lab, task 1 (repository
  telsayed/clef2019-factchecking-task1), 19 debate and speech transcripts, one sentence a line
  ``line<TAB>speaker<TAB>sentence<TAB>label``. Scored as the lab scores it: rank the sentences
  of each transcript, average precision per transcript, mean over transcripts (MAP).
- ``claimbuster-groundtruth.csv``: ClaimBuster ground truth (Arslan et al., ICWSM 2020, copy in
  matsbratvold/Checkworthiness-Detection-with-Open-Source-LLMs); Verdict 1 = check-worthy
  factual. Training data of the English model only (never a held-out list here).
- ``es-newtral-2021/train.tsv``: CLEF-2021 CheckThat! task 1a Spanish (repository
  Newtral-Tech/clef2021-checkthat), tweets by Spanish politicians; average precision over the
  whole set, as that task ranks one list per topic (here a single topic).

The model's figures are held out: the training script's cross-validation (training/
train_claim_model.py, folds grouped by transcript for CLEF, stratified for the tweets, every
tweet its own document) refits the shipped settings on each fold's training part and scores the
held-out part, so this needs scikit-learn (the ``train`` extra) and skips without it. The floor
is the word-list scorer on the same lists, which was tuned by hand on them (so the comparison
flatters the floor); random is the mean over many shuffles. Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_checkworthy_map.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import pytest

from factcheck.analysis import claim_model, claims
from factcheck.analysis.claims import PROPOSE_THRESHOLD

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "checkworthy"
RUNS = 5


def _training() -> Any:
    pytest.importorskip("sklearn", reason="scikit-learn is not installed (pip install -e '.[train]')")
    if not (DATA / "clef2019-train").exists():
        pytest.skip(f"development data not found: {DATA} (see ../shared/data/README.md)")
    from training import train_claim_model

    return train_claim_model


def _report(name: str, model: float, floor: float, chance: float, precision: float, recall: float) -> None:
    print(f"\n{name}: held-out MAP model {model:.3f}, word-list scorer {floor:.3f} ({model / floor:.2f}x), "
          f"random {chance:.3f} ({model / chance:.1f}x); at the threshold {PROPOSE_THRESHOLD}: P {precision:.2f} "
          f"R {recall:.2f}")


def test_clef2019_held_out_map_beats_the_word_list() -> None:
    t = _training()
    clef = t.load_clef().with_dense("en")
    seen = {s.strip().lower() for s in clef.texts}
    extras = [t.load_claimbuster(name, seen).with_dense("en") for name in t.SHIPPED_EN[1]]
    scores = t.held_out_english(t.SHIPPED_EN[0], clef, extras)
    model = t.mean_ap(scores, clef.labels, clef.groups)
    floor = t.mean_ap(t.word_list_scores(clef.texts, "en"), clef.labels, clef.groups)
    chance = t.random_map(clef.labels, clef.groups)
    _report("CLEF-2019 task 1 train, 5 folds by transcript", model, floor, chance,
            *t.at_threshold(scores, clef.labels, PROPOSE_THRESHOLD))
    assert model >= 1.10 * floor, f"held-out MAP {model:.3f} is under 1.10x the word-list scorer's {floor:.3f}"
    assert model >= 3 * chance


def test_newtral_held_out_ap_beats_the_word_list() -> None:
    t = _training()
    tweets, claim = t.load_newtral()
    tweets.with_dense("es")
    one = ["all"] * len(tweets.texts)
    scores = t.held_out_spanish(t.SHIPPED_ES, tweets, tweets.labels)
    model = t.mean_ap(scores, tweets.labels, one)
    floor = t.mean_ap(t.word_list_scores(tweets.texts, "es"), tweets.labels, one)
    chance = t.random_map(tweets.labels, one)
    _report("CLEF-2021 1a Spanish (Newtral), 5 stratified folds", model, floor, chance,
            *t.at_threshold(scores, tweets.labels, PROPOSE_THRESHOLD))
    print(f"  'is a claim': the check-worthy model ranks claims with held-out AP {t.mean_ap(scores, claim, one):.3f}, "
          f"the word-list scorer {t.mean_ap(t.word_list_scores(tweets.texts, 'es'), claim, one):.3f}")
    assert model >= 1.25 * floor, f"held-out AP {model:.3f} is under 1.25x the word-list scorer's {floor:.3f}"


def test_shipped_model_size_load_time_and_speed() -> None:
    """Sentences a second through ``scores_and_speakers`` (as import scores an article) against the
    word-list scorer alone in the same run; the load against numpy reading the same file."""
    import numpy as np

    from factcheck.analysis import sentences
    from tests.benchmarks.corpus import articles

    docs = [([s.text for s in sentences.split_sentences(a.body, a.language)], a.language) for a in articles(300)]
    n = sum(len(d) for d, _ in docs)
    for language in ("en", "es"):
        claims.score_sentence("warm up", language)
    ours, floors, loads, reads = [], [], [], []
    for _ in range(RUNS):
        began = time.perf_counter()
        for texts, language in docs:
            claims.scores_and_speakers(texts, language)
        ours.append(time.perf_counter() - began)
        began = time.perf_counter()
        for texts, language in docs:
            for text in texts:
                claims.word_list_score(text, language)
        floors.append(time.perf_counter() - began)
        path = claim_model.model_path("en")
        began = time.perf_counter()
        claim_model.read_model(path)
        loads.append(time.perf_counter() - began)
        began = time.perf_counter()
        with np.load(path, allow_pickle=False) as data:
            {name: data[name] for name in data.files}
        reads.append(time.perf_counter() - began)
    t, f = statistics.median(ours), statistics.median(floors)
    load, read = statistics.median(loads), statistics.median(reads)
    sizes = {lang: claim_model.model_path(lang).stat().st_size for lang in ("en", "es")}
    print("\nmodel files: " + ", ".join(f"{lang} {size / 1e6:.2f} MB" for lang, size in sizes.items())
          + f"; load {load * 1e3:.0f} ms (numpy reading the arrays {read * 1e3:.0f} ms, {load / read:.1f}x)")
    print(f"{n} sentences of 300 articles: model {n / t:,.0f} sentences/s ({t / n * 1e6:.0f} us), word-list scorer "
          f"{n / f:,.0f} sentences/s ({f / n * 1e6:.0f} us); {t / f:.1f}x (median of {RUNS})")
    assert all(size < 5_000_000 for size in sizes.values())
    assert load < 0.5, f"loading the model takes {load:.2f} s"
    assert t / f <= 6.0, f"the model scores {t / f:.1f}x slower than the word-list scorer, budget 6x"
