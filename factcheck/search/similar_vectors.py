"""Word vectors for the similar-claims acceptance model: whether the words a claim does not share
with a text still mean what some of the text's words mean ("corpse" beside "killed").

Trained by scripts/train_similar_acceptance.py (PPMI over a five-word window, reduced by SVD) and
shipped beside this module: similar_vectors.txt holds the word keys, one a line, and
similar_vectors.i8 their unit vectors times 127 as signed bytes, row after row.
"""

from __future__ import annotations

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


def meaning_covered(claim_keys: list[str], query_keys: list[str]) -> float:
    """The mean, over the claim's words that have a vector, of the cosine of the closest of the
    text's words; 0 when either side has none."""
    table = vectors()
    query = [table[k] for k in dict.fromkeys(query_keys) if k in table]
    claim = [table[k] for k in dict.fromkeys(claim_keys) if k in table]
    if not query or not claim:
        return 0.0
    return sum(max(sum(map(int.__mul__, c, q)) for q in query) for c in claim) / (len(claim) * _UNIT)
