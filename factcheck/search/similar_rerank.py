"""The learned re-ranker of similar past verdicts: gradient-boosted trees over the features of
similar_rerank_features.py, giving each of the 50 candidates the probability that the text repeats
it. The list is ordered by that probability.

The trees were fit with scikit-learn by scripts/train_similar_rerank.py (CLEF-2020 train tweets)
and are kept in similar_rerank.json beside this module (about 100 KB); they are evaluated here
with numpy alone, all trees and all candidates at once, one level of the trees per step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from factcheck.search.similar_rerank_features import NAMES


@dataclass(frozen=True)
class Trees:
    """Every tree's nodes as rows of padded arrays (tree, node); a leaf points to itself."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int
    baseline: float

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """The probability of each row (one a candidate, NAMES order)."""
        if not len(rows):
            return np.zeros(0)
        trees = np.arange(len(self.feature))[:, None]
        node = np.zeros((len(self.feature), len(rows)), dtype=np.int64)
        candidate = np.arange(len(rows))[None, :]
        for _ in range(self.depth):
            goes_left = rows[candidate, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(goes_left, self.left[trees, node], self.right[trees, node])
        raw = self.baseline + self.value[trees, node].sum(axis=0)
        return 1 / (1 + np.exp(-np.clip(raw, -50.0, 50.0)))


def from_saved(saved: dict[str, Any]) -> Trees:
    """The trees of a saved model (the shape scripts/train_similar_rerank.py writes)."""
    if tuple(saved["features"]) != NAMES:
        raise RuntimeError("similar_rerank.json was trained on other features: rerun scripts/train_similar_rerank.py")
    trees = saved["trees"]
    size = max(len(t["feature"]) for t in trees)

    def padded(field: str, dtype: type) -> np.ndarray:
        out: np.ndarray = np.zeros((len(trees), size), dtype=dtype)
        for i, t in enumerate(trees):
            out[i, :len(t[field])] = t[field]
        return out

    feature, threshold = padded("feature", np.int64), padded("threshold", np.float64)
    left, right, value = padded("left", np.int64), padded("right", np.int64), padded("value", np.float64)
    leaf = left == 0  # no node's left child is the root: 0 marks a leaf
    nodes = np.arange(size)[None, :].repeat(len(trees), axis=0)
    left, right = np.where(leaf, nodes, left), np.where(leaf, nodes, right)
    return Trees(feature, threshold, left, right, value, int(saved["depth"]), float(saved["baseline"]))


@cache
def model() -> Trees:
    saved = json.loads(resources.files("factcheck.search").joinpath("similar_rerank.json").read_text("utf-8"))
    return from_saved(saved)
