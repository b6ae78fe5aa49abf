"""Word vectors for the similar-claims acceptance model: whether the words a claim does not share
with a text still mean what some of the text's words mean ("corpse" beside "killed").

Trained by scripts/train_similar_acceptance.py (PPMI over a five-word window, reduced by SVD) and
shipped beside this module: similar_vectors.txt holds the word keys, one a line, and
similar_vectors.i8 their unit vectors times 127 as signed bytes, row after row.
"""

from __future__ import annotations

import math
from array import array
from functools import cache
from pathlib import Path

WORDS = Path(__file__).with_name("similar_vectors.txt")
VECTORS = Path(__file__).with_name("similar_vectors.i8")
_UNIT = 127 * 127


def key(word: str) -> str:
    """The key a word's vector is kept under: its first five letters, so that "vaccine" and
    "vaccines", "vacuna" and "vacunas" share one."""
    return word[:5]


@cache
def vectors() -> dict[str, tuple[int, ...]]:
    keys = WORDS.read_text(encoding="utf-8").split()
    flat = array("b")
    flat.frombytes(VECTORS.read_bytes())
    size = len(flat) // max(len(keys), 1)
    return {k: tuple(flat[i * size:(i + 1) * size]) for i, k in enumerate(keys)}


class Meaning:
    """The text's word vectors, read once for all its candidates."""

    def __init__(self, query_keys: list[str]) -> None:
        self._table = vectors()
        self._query = [(self._table[k], _square(self._table[k])) for k in dict.fromkeys(query_keys)
                       if k in self._table]
        self._closest: dict[str, float] = {}

    def covered(self, claim_keys: list[str]) -> float:
        """The mean, over the claim's words that have a vector, of the cosine of the closest of the
        text's words; 0 when either side has none."""
        claim = [k for k in dict.fromkeys(claim_keys) if k in self._table]
        if not self._query or not claim:
            return 0.0
        return sum(map(self._closest_to, claim)) / len(claim)

    def _closest_to(self, claim_key: str) -> float:
        found = self._closest.get(claim_key)
        if found is None:
            # a.b = (|a|^2 + |b|^2 - |a-b|^2) / 2: math.dist runs in C, a Python dot product does not.
            vector = self._table[claim_key]
            own = _square(vector)
            found = max(own + square - math.dist(vector, q) ** 2 for q, square in self._query) / (2 * _UNIT)
            self._closest[claim_key] = found
        return found


def _square(vector: tuple[int, ...]) -> int:
    return sum(x * x for x in vector)
