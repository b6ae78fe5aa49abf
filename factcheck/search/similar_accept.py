"""Which of the first candidates are shown: a logistic regression over the pair's features.

The weights, the features' scaling and the threshold are read from similar_accept.json beside this
module, written by scripts/train_similar_acceptance.py (trained on the CLEF-2020 train tweets and
ClaimBuster debate sentences; see the README for what it keeps and what it leaves out).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.search.similar_features import NAMES


@dataclass(frozen=True, slots=True)
class Model:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, row: list[float]) -> float:
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale,
                                                                   strict=True))
        return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))


@cache
def model() -> Model:
    saved = json.loads(resources.files("factcheck.search").joinpath("similar_accept.json").read_text("utf-8"))
    if tuple(saved["features"]) != NAMES:  # a model trained on other features would read them wrongly
        raise RuntimeError("similar_accept.json was trained on other features: rerun "
                           "scripts/train_similar_acceptance.py")
    return Model(tuple(saved["mean"]), tuple(saved["scale"]), tuple(saved["weights"]), float(saved["bias"]),
                 float(saved["threshold"]))
