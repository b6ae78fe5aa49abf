"""Fitting the shipped claim proposal model further on one desk's decisions, with numpy alone.

The desk's labels are few next to the data the shipped model learned from, and one-sided (a desk
mostly dismisses), so the fit does not start over: it minimises the logistic loss on the desk's
sentences plus a pull back toward the shipped weights,

    mean_i  w_i * log(1 + exp(-y_i * (x_i . coef + b)))  +  (pull / 2) * |coef - coef_shipped|^2

with the two classes weighed equally. The vocabulary and IDF stay the shipped model's, so the
result is one weight vector and a bias. The sentences' features arrive as sparse entries
(sentence, column, value), and every product with them is a `bincount`, so 10,000 decisions fit
in seconds.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from factcheck.analysis.claim_model import ClaimModel

# How strongly the fit is held to the shipped weights; chosen by the retraining simulation of the
# training script (k CLEF-2019 transcripts as a desk's decisions, MAP on the other transcripts).
PULL = 0.01
STEPS = 300
LEARNING_RATE = 0.05


@dataclass(frozen=True)
class Entries:
    """Sparse features of n sentences: entry k is value `values[k]` at (`rows[k]`, `cols[k]`)."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    sentences: int


def decision_values(entries: Entries, coef: np.ndarray, intercept: float) -> np.ndarray:
    import numpy as np

    products = entries.values * coef[entries.cols]
    return np.bincount(entries.rows, weights=products, minlength=entries.sentences) + intercept


def fit_further(entries: Entries, labels: np.ndarray, coef: np.ndarray, intercept: float, *,
                pull: float = PULL, steps: int = STEPS,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[np.ndarray, float] | None:
    """The weights after fitting on `labels` (0/1 per sentence), or None when cancelled.

    Adam on the full batch: the loss is smooth and convex, and a fixed number of steps keeps the
    time predictable for the progress bar."""
    import numpy as np

    y = np.where(np.asarray(labels) > 0, 1.0, -1.0)
    positives = float((y > 0).sum())
    negatives = float(len(y)) - positives
    # Each class weighs half, so a desk that only dismisses still moves the scores sensibly.
    sample = np.where(y > 0, 0.5 / max(positives, 1.0), 0.5 / max(negatives, 1.0))
    shipped = np.asarray(coef, dtype=np.float64)
    w, b = shipped.copy(), float(intercept)
    first = np.zeros_like(w)
    second = np.zeros_like(w)
    first_b = second_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        if cancelled():
            return None
        margin = y * decision_values(entries, w, b)
        # d/dz of log(1 + exp(-y z)) is -y * sigmoid(-y z); written to stay finite for large |z|.
        slope = -y * sample * np.exp(-np.logaddexp(0.0, margin))
        grad = (np.bincount(entries.cols, weights=entries.values * slope[entries.rows], minlength=len(w))
                .astype(np.float64) + pull * (w - shipped))
        grad_b = float(slope.sum())
        first = beta1 * first + (1 - beta1) * grad
        second = beta2 * second + (1 - beta2) * grad * grad
        first_b = beta1 * first_b + (1 - beta1) * grad_b
        second_b = beta2 * second_b + (1 - beta2) * grad_b * grad_b
        scale = LEARNING_RATE * np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
        w -= scale * first / (np.sqrt(second) + eps)
        b -= scale * first_b / (np.sqrt(second_b) + eps)
        if progress is not None and step % 10 == 0:
            progress(step, steps)
    return w, b


def entries_for(model: ClaimModel, texts: list[str], language: str) -> Entries:
    """The model's features of each sentence, exactly as scoring computes them."""
    import numpy as np

    from factcheck.analysis import claims
    from factcheck.analysis.languages import language_or_default

    lang = language_or_default(language)
    rows, cols, values = [], [], []
    for i, text in enumerate(texts):
        reasons, tokens, _ = claims.signals(text, lang)
        c, v = model.feature_vector(text, reasons, tokens)
        rows.append(np.full(len(c), i, dtype=np.int64))
        cols.append(c)
        values.append(v)
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return Entries(empty, empty, np.zeros(0), 0)
    return Entries(np.concatenate(rows), np.concatenate(cols), np.concatenate(values), len(texts))


def with_weights(model: ClaimModel, coef: np.ndarray, intercept: float) -> ClaimModel:
    """The model with other weights over the same features (vocabulary, IDF, reasons)."""
    import numpy as np

    coef = np.asarray(coef, dtype=np.float64)
    if coef.shape != model.coef.shape:
        raise ValueError(f"{len(coef)} weights for a model of {len(model.coef)} features")
    new = copy.copy(model)
    new.coef, new.intercept = coef, float(intercept)
    for name in ("word", "char"):
        block = getattr(model, name)
        setattr(new, name, dataclasses.replace(block, weights=coef[block.offset:block.offset + len(block.terms)]))
    new.dense_weights = coef[model.dense_offset:model.dense_offset + len(model.dense)]
    return new


# Weights as they cross into import worker processes and out of the database: language ->
# (float64 weights, intercept).
Weights = dict[str, tuple["np.ndarray", float]]


def use_weights(weights: Weights) -> None:
    """Score with these retrained weights in this process (an empty mapping: the shipped models).
    Also an import worker's initializer."""
    from factcheck.analysis import claim_model

    claim_model.use_retrained({language: with_weights(claim_model.shipped_model(language), coef, intercept)
                               for language, (coef, intercept) in weights.items()})
