"""Train the model that decides which similar past verdicts are shown (factcheck/search/similar_accept.json).

The re-ranker orders the candidates well, but its scores do not tell "says the same thing" from
"is on the same subject". A logistic regression over the features of factcheck/search/
similar_features.py does, trained on:

- positives: CLEF-2020 CheckThat! task 2 `train` tweets and the checked claim each repeats, when
  it is among the first candidates;
- negatives: the other first candidates of those tweets (mostly claims on the same subject), and
  the first candidates of check-worthy ClaimBuster debate sentences (crowdsourced set, 1960-2016
  debates), which ask about politics and repeat no Snopes claim, so anything listed for them is
  unwanted.

A text's list is shown when the best of its first candidates reaches the threshold. The threshold
is chosen on out-of-fold predictions (folds grouped by query): the highest that costs the train
tweets at most MAX_MAP_LOSS of MAP@5 against showing every list. The CLEF-2020 `dev`
tweets and the CLEF-2019 debate sentences are never read here: they stay held out for
tests/benchmarks/test_similar_map.py.

Run from the project root, with the `train` extra installed:
``.venv/bin/python scripts/train_similar_acceptance.py [--work DIR]``
(DIR keeps the database of checked claims and the extracted features between runs).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import ops  # noqa: E402
from factcheck.importing.reading import ArticleInput  # noqa: E402
from factcheck.records import VERDICT_LABELS  # noqa: E402
from factcheck.search.similar import CONSIDERED, first_stage, pairs_of  # noqa: E402
from factcheck.search.similar_features import AGAINST, NAMES, features  # noqa: E402
from factcheck.search.similar_text import clean, words  # noqa: E402
from factcheck.search.similar_vectors import VECTORS, WORDS, key  # noqa: E402
from factcheck.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MATCHING = DATA / "matching" / "clef2020-task2"
CLAIMBUSTER = DATA / "checkworthy" / "claimbuster-crowdsourced.csv"
MODEL = ROOT / "factcheck" / "search" / "similar_accept.json"
SEED = 20200
NEGATIVE_QUERIES = 3000  # ClaimBuster sentences drawn (seeded) from the 5,413 check-worthy ones
# The knee of the out-of-fold curve on the train tweets: at 0.003 a list for 57 % of the ClaimBuster
# sentences, at 0.0025 for 69 %, at 0.005 for 55 %.
MAX_MAP_LOSS = 0.003
VOCABULARY = 6000  # the most frequent word keys with a vector
DIMENSIONS = 64
WINDOW = 5
L2 = 1.0
csv.field_size_limit(1 << 24)


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:  # rows span lines inside quotes
        return list(csv.reader(fh, delimiter="\t"))[1:]


def checked_claims_database(work: Path) -> tuple[Path, dict[int, int]]:
    """The Snopes claims, each its own article and a reviewed claim, as the benchmark loads them."""
    path, mapping = work / "snopes.db", work / "snopes.json"
    if path.exists() and mapping.exists():
        return path, {int(k): v for k, v in json.loads(mapping.read_text(encoding="utf-8")).items()}
    path.unlink(missing_ok=True)
    rows = [r for r in read_tsv(MATCHING / "verified_claims.docs.tsv") if r[1].strip()]
    items = [ArticleInput(body=r[1].strip(), title=r[2].strip() or r[1][:80], language="en",
                          origin=f"snopes-{r[0]}") for r in rows]
    claim_of: dict[int, int] = {}
    with Store(path, reviewer="train") as store:
        for row, result in zip(rows, store.import_many(items), strict=True):
            body = row[1].strip()
            whole = [c for c in store.claims(result.article_id) if c.text == body]
            if whole:
                claim_id = whole[0].id
            else:
                op = ops.AddClaim(result.article_id, start=0, end=len(body))
                store.run(op)
                assert op.claim_id is not None
                claim_id = op.claim_id
            if store.claim(claim_id).verdict is None:  # type: ignore[union-attr]
                store.set_verdict(claim_id, VERDICT_LABELS[int(row[0]) % 3], reviewer="snopes")
            claim_of[int(row[0])] = claim_id
    mapping.write_text(json.dumps(claim_of), encoding="utf-8")
    return path, claim_of


def vector_texts() -> list[str]:
    """The text the word vectors learn from (no CLEF-2020 dev tweet, no CLEF-2019 sentence)."""
    texts = [t for r in read_tsv(MATCHING / "verified_claims.docs.tsv") for t in r[1:3]]
    texts += [r[1] for r in read_tsv(MATCHING / "train.tweets.queries.tsv")]
    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        texts += [r["Text"] for r in csv.DictReader(fh)]
    for path in sorted((DATA / "articles" / "en-buzzfeed-webis-2016").glob("*.txt")):
        texts += re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8", errors="replace"))
    texts += [r[3] for r in read_tsv(DATA / "checkworthy" / "es-newtral-2021" / "train.tsv")]
    return texts


def train_vectors() -> None:
    """PPMI (context counts smoothed to the power 0.75) of word keys met within WINDOW words of each
    other, reduced to DIMENSIONS by a randomised SVD; unit rows, stored as int8 (x 127)."""
    sequences = [[key(w) for w in words(clean(t))] for t in vector_texts()]
    counts = Counter(w for s in sequences for w in s)
    vocabulary = [w for w, n in sorted(counts.items(), key=lambda wn: (-wn[1], wn[0]))[:VOCABULARY] if n >= 3]
    index = {w: i for i, w in enumerate(vocabulary)}
    m = np.zeros((len(vocabulary), len(vocabulary)), dtype=np.float64)
    for sequence in sequences:
        ids = [index[w] for w in sequence if w in index]
        for i, a in enumerate(ids):
            for b in ids[i + 1:i + 1 + WINDOW]:
                if a != b:
                    m[a, b] += 1
                    m[b, a] += 1
    total, row = m.sum(), m.sum(axis=1)
    context = row ** 0.75 / (row ** 0.75).sum()
    with np.errstate(divide="ignore"):
        ppmi = np.maximum(np.log(m / total / ((row / total)[:, None] * context[None, :])), 0.0)
    ppmi[~np.isfinite(ppmi)] = 0.0
    q = ppmi @ np.random.default_rng(SEED).standard_normal((len(vocabulary), DIMENSIONS + 20))
    for _ in range(2):
        q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    u, singular, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vectors = (q @ u)[:, :DIMENSIONS] * np.sqrt(singular[:DIMENSIONS])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    WORDS.write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    VECTORS.write_bytes(np.round(vectors * 127).astype(np.int8).tobytes())
    print(f"{len(vocabulary)} word vectors of {DIMENSIONS} written to {VECTORS.parent.relative_to(ROOT)}")


def train_queries(claim_of: dict[int, int]) -> tuple[list[tuple[str, set[int]]], int]:
    """The train tweets with the claim ids they repeat, then the ClaimBuster sentences (none)."""
    gold: dict[int, set[int]] = {}
    for line in (MATCHING / "train.tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        if line.strip():
            tweet, _, claim, relevant = line.split()
            if relevant == "1" and int(claim) in claim_of:
                gold.setdefault(int(tweet), set()).add(claim_of[int(claim)])
    queries = [(r[1], gold.get(int(r[0]), set())) for r in read_tsv(MATCHING / "train.tweets.queries.tsv")]
    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        sentences = [r["Text"] for r in csv.DictReader(fh) if r["Verdict"] == "1"]
    random.Random(SEED).shuffle(sentences)
    return queries + [(s, set()) for s in sentences[:NEGATIVE_QUERIES]], len(queries)


def extract(path: Path, queries: list[tuple[str, set[int]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and query index of each (query, first candidate) pair."""
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[int] = []
    with Store(path, reviewer="train") as store, store.engine.connect() as conn:
        for q, (query_text, relevant) in enumerate(queries):
            query, ranked = first_stage(conn, query_text)  # what the model reads: the first stage's order
            first = ranked[:CONSIDERED]
            for r, row in zip(first, features(conn, query, pairs_of(first)), strict=True):
                xs.append(row)
                ys.append(int(r.candidate.claim_id in relevant))
                groups.append(q)
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64), np.array(groups)


def fit(x: np.ndarray, y: np.ndarray, steps: int = 8000) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Logistic regression, classes weighted equally and a little L2 on the standardised weights,
    by projected gradient descent: each weight is held to the sign its feature's evidence has
    (AGAINST: at most 0, every other one: at least 0)."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    sign = np.array([-1.0 if name in AGAINST else 1.0 for name in NAMES])
    weight = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    w, bias = np.zeros(z.shape[1]), 0.0
    rate = 1.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + bias)))
        residual = weight * (p - y)
        w -= rate * (z.T @ residual + L2 * w / len(y))
        bias -= rate * residual.sum()
        w = np.where(w * sign < 0, 0.0, w)
    return w, mean, std, bias


def predict(x: np.ndarray, model: tuple[np.ndarray, np.ndarray, np.ndarray, float]) -> np.ndarray:
    w, mean, std, bias = model
    return 1 / (1 + np.exp(-(((x - mean) / std) @ w + bias)))


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5) -> np.ndarray:
    fold_of = np.random.default_rng(SEED).permutation(groups.max() + 1) % folds
    p = np.zeros(len(y))
    for k in range(folds):
        held = fold_of[groups] == k
        p[held] = predict(x[held], fit(x[~held], y[~held]))
    return p


def average_precision(labels: np.ndarray) -> float:
    hits, total = 0, 0.0
    for rank, right in enumerate(labels[:5], start=1):
        if right:
            hits += 1
            total += hits / rank
    return total


def gate(p: np.ndarray, y: np.ndarray, groups: np.ndarray, tweets: int) -> tuple[float, dict[str, float]]:
    """The threshold on a list's best probability: the highest that costs the train tweets at most
    MAX_MAP_LOSS of MAP@5 against showing every list, and what it keeps and leaves out there."""
    lists = [np.flatnonzero(groups == q) for q in range(groups.max() + 1)]
    best = np.array([p[i].max() if len(i) else 0.0 for i in lists])
    ap = np.array([average_precision(y[i]) for i in lists])
    is_tweet = np.arange(len(lists)) < tweets
    unrelated = ~is_tweet & np.array([len(i) > 0 for i in lists])
    everything = ap[is_tweet].sum() / tweets
    chosen, figures = 0.0, {}
    for t in np.unique(np.round(best[is_tweet], 3)):
        shown = best >= t
        kept = ap[is_tweet & shown].sum() / tweets
        if everything - kept > MAX_MAP_LOSS:
            break
        chosen = float(t)
        found = np.array([y[i].max() > 0 if len(i) else False for i in lists])
        figures = {"MAP@5": kept, "MAP@5 of every list": everything,
                   "right claims still shown": (shown & found & is_tweet).sum() / (found & is_tweet).sum(),
                   "ClaimBuster sentences with a list": (shown & unrelated).sum() / unrelated.sum()}
    return chosen, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, help="folder kept between runs (default: a temporary one)")
    parser.add_argument("--vectors", action="store_true", help="train the word vectors again")
    args = parser.parse_args()
    if not MATCHING.exists() or not CLAIMBUSTER.exists():
        sys.exit(f"The training data is not there: {MATCHING} and {CLAIMBUSTER} (see ../shared/data/README.md).")
    work = args.work or Path(tempfile.mkdtemp(prefix="similar-train-"))
    work.mkdir(parents=True, exist_ok=True)
    cached = work / "features.npz"
    if not WORDS.exists() or not VECTORS.exists() or args.vectors:
        train_vectors()
        cached.unlink(missing_ok=True)  # the features read the vectors
    path, claim_of = checked_claims_database(work)
    queries, tweets = train_queries(claim_of)
    if cached.exists():
        saved = np.load(cached, allow_pickle=False)
        x, y, groups = saved["x"], saved["y"], saved["groups"]
    else:
        x, y, groups = extract(path, queries)
        np.savez(cached, x=x, y=y, groups=groups)
    t, figures = gate(out_of_fold(x, y, groups), y, groups, tweets)
    print(f"threshold {t:.3f}, out of fold on the train tweets and ClaimBuster sentences: "
          + "; ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    w, mean, std, bias = fit(x, y)
    for name, weight in sorted(zip(NAMES, w, strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:>20} {weight:+.3f}")
    MODEL.write_text(json.dumps({
        "about": "Logistic regression over factcheck/search/similar_features.py, written by "
                 "scripts/train_similar_acceptance.py; a list is shown when its best candidate has p >= threshold.",
        "features": list(NAMES), "mean": [round(v, 6) for v in mean], "scale": [round(v, 6) for v in std],
        "weights": [round(v, 6) for v in w], "bias": round(bias, 6), "threshold": round(t, 6),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"written {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
