"""Train the learned re-ranker of similar past verdicts (factcheck/search/similar_rerank.json) and
print its cross-validated MAP@5 beside the first stage's.

Each CLEF-2020 CheckThat! task 2 `train` tweet's first RERANKED candidates (the first stage of
factcheck/search/similar.py) are read once and their features (similar_rerank_features.py) kept
in the work folder. Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, a
candidate labelled 1 when the tweet repeats it) are scored by five-fold cross-validation grouped
by tweet, repeated over three seeded splits, each figure beside the first stage's order of the
same tweets; then fit on every train tweet and written out as plain arrays for numpy. The `dev`
tweets are never read here: tests/benchmarks/test_similar_map.py holds them out.

Run from the project root, with the `train` extra installed:
``.venv/bin/python scripts/train_similar_rerank.py [--work DIR] [--no-write]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_similar_acceptance import MATCHING, checked_claims_database, train_queries  # noqa: E402

from factcheck.search import similar_rerank  # noqa: E402
from factcheck.search.similar import RERANKED, first_stage, scored_of  # noqa: E402
from factcheck.search.similar_rerank_features import NAMES, rerank_features  # noqa: E402
from factcheck.store import Store  # noqa: E402

MODEL = ROOT / "factcheck" / "search" / "similar_rerank.json"
SEEDS = (20200, 1, 2)
FOLDS = 5
# Chosen by the cross-validation below (see the README): small trees, many of them, slowly.
TREES = dict(max_iter=100, learning_rate=0.05, max_leaf_nodes=8, max_depth=None, early_stopping=False,
             random_state=0)


def extract(path: Path, queries: list[tuple[str, set[int]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and tweet index of every (tweet, candidate) pair, in the first stage's order."""
    xs, ys, groups = [], [], []
    with Store(path, reviewer="train") as store, store.engine.connect() as conn:
        for q, (text, relevant) in enumerate(queries):
            counts: dict[str, int] = {}
            query, found = first_stage(conn, text, counts=counts)
            ranked = found[:RERANKED]
            rows = rerank_features(conn, query, scored_of(ranked), counts)
            xs.extend(rows.tolist())
            ys.extend(int(r.candidate.claim_id in relevant) for r in ranked)
            groups.extend([q] * len(ranked))
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64), np.array(groups)


def mean_ap_at_5(score: np.ndarray, y: np.ndarray, groups: np.ndarray, tweets: int) -> np.ndarray:
    """Each tweet's average precision of its candidates ordered by `score` (ties keep the order)."""
    out = np.zeros(tweets)
    for q in range(tweets):
        i = np.flatnonzero(groups == q)
        relevant = y[i].sum()
        hits, total = 0, 0.0
        for rank, j in enumerate(i[np.argsort(-score[i], kind="stable")][:5], start=1):
            if y[j]:
                hits += 1
                total += hits / rank
        out[q] = total / relevant if relevant else 0.0
    return out


def fit(x: np.ndarray, y: np.ndarray):  # noqa: ANN201 - scikit-learn is only at training time
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(**TREES).fit(x, y)


def cross_validated(x: np.ndarray, y: np.ndarray, groups: np.ndarray, tweets: int, seed: int) -> np.ndarray:
    fold_of = np.random.default_rng(seed).permutation(tweets) % FOLDS
    p = np.zeros(len(y))
    for k in range(FOLDS):
        held = fold_of[groups] == k
        p[held] = fit(x[~held], y[~held]).predict_proba(x[held])[:, 1]
    return mean_ap_at_5(p, y, groups, tweets)


def saved_form(model) -> dict[str, Any]:  # noqa: ANN001
    """The fitted trees as plain arrays: each node's feature, threshold (go left when the value is
    at most it), children (0 for a leaf) and leaf value."""
    trees, depth = [], 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({"feature": nodes["feature_idx"].tolist(),
                      "threshold": [float(v) for v in nodes["num_threshold"]],
                      "left": np.where(leaf, 0, nodes["left"]).tolist(),
                      "right": np.where(leaf, 0, nodes["right"]).tolist(),
                      "value": [float(v) if is_leaf else 0.0 for v, is_leaf in zip(nodes["value"], leaf, strict=True)]})
        depth = max(depth, int(nodes["depth"].max()))
    return {"about": "Gradient-boosted trees over factcheck/search/similar_rerank_features.py, written by "
                     "scripts/train_similar_rerank.py; p = sigmoid(baseline + the sum of each tree's leaf).",
            "features": list(NAMES), "depth": depth,
            "baseline": round(float(np.ravel(model._baseline_prediction)[0]), 9), "trees": trees}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, help="folder kept between runs (default: a temporary one)")
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave the model as it is")
    args = parser.parse_args()
    if not MATCHING.exists():
        sys.exit(f"The training data is not there: {MATCHING} (see ../shared/data/README.md).")
    work = args.work or Path(tempfile.mkdtemp(prefix="similar-rerank-"))
    work.mkdir(parents=True, exist_ok=True)
    path, claim_of = checked_claims_database(work)
    queries, tweets = train_queries(claim_of)
    queries = queries[:tweets]  # the tweets alone: the debate sentences repeat no claim
    cached = work / f"rerank_features_{RERANKED}.npz"
    if cached.exists() and tuple(np.load(cached)["names"]) == NAMES:
        saved = np.load(cached)
        x, y, groups = saved["x"], saved["y"], saved["groups"]
    else:
        x, y, groups = extract(path, queries)
        np.savez(cached, x=x, y=y, groups=groups, names=np.array(NAMES))
    first = mean_ap_at_5(x[:, NAMES.index("score")], y, groups, tweets)
    print(f"{tweets} train tweets, {len(y)} candidates; first stage MAP@5 {first.mean():.4f}")
    for seed in SEEDS:
        learned = cross_validated(x, y, groups, tweets, seed)
        print(f"  folds seeded {seed}: re-ranked MAP@5 {learned.mean():.4f} out of fold "
              f"({(learned > first + 1e-9).sum()} tweets better, {(learned < first - 1e-9).sum()} worse)")
    if args.no_write:
        return
    model = fit(x, y)
    saved = saved_form(model)
    trees = similar_rerank.from_saved(saved)
    gap = np.abs(trees.probability(x) - model.predict_proba(x)[:, 1]).max()
    assert gap < 1e-6, f"the numpy trees disagree with scikit-learn's by {gap}"
    MODEL.write_text(json.dumps(saved, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"written {MODEL.relative_to(ROOT)} ({MODEL.stat().st_size // 1024} KB, {len(saved['trees'])} trees)")


if __name__ == "__main__":
    main()
