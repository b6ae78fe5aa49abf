"""Word vectors for the similar-claims acceptance model: whether the words a claim does not share
with a text still mean what some of the text's words mean ("corpse" beside "killed").

Trained by scripts/train_similar_acceptance.py (PPMI over a five-word window, reduced by SVD) and
shipped beside this module: similar_vectors.txt holds the word keys, one a line, and
similar_vectors.i8 their unit vectors times 127 as signed bytes, row after row.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

WORDS = Path(__file__).with_name("similar_vectors.txt")
VECTORS = Path(__file__).with_name("similar_vectors.i8")
_UNIT = 127 * 127


def key(word: str) -> str:
    """The key a word's vector is kept under: its first five letters, so that "vaccine" and
    "vaccines", "vacuna" and "vacunas" share one."""
    return word[:5]


@cache
def vectors() -> tuple[dict[str, int], np.ndarray]:
    """The row of each key, and the vectors as integers (unit length times 127)."""
    keys = WORDS.read_text(encoding="utf-8").split()
    flat = np.frombuffer(VECTORS.read_bytes(), dtype=np.int8)
    size = len(flat) // max(len(keys), 1)
    return {k: i for i, k in enumerate(keys)}, flat[:len(keys) * size].reshape(len(keys), size).astype(np.int32)


class Meaning:
    """The text's word vectors, read once for all its candidates."""

    def __init__(self, query_keys: list[str]) -> None:
        self._row, self._table = vectors()
        rows = [self._row[k] for k in dict.fromkeys(query_keys) if k in self._row]
        self._query = self._table[rows] if rows else None
        self._closest: dict[str, float] = {}

    def covered(self, claim_keys: list[str]) -> float:
        """The mean, over the claim's words that have a vector, of the cosine of the closest of the
        text's words; 0 when either side has none."""
        claim = [k for k in dict.fromkeys(claim_keys) if k in self._row]
        if self._query is None or not claim:
            return 0.0
        new = [k for k in claim if k not in self._closest]
        if new:
            # Integer dot products, exact; the vectors are unit length times 127.
            best = (self._table[[self._row[k] for k in new]] @ self._query.T).max(axis=1) / _UNIT
            self._closest.update(zip(new, best.tolist(), strict=True))
        return sum(self._closest[k] for k in claim) / len(claim)
