"""Sentence vectors for the similar-claims re-ranker: how close in meaning a text and a claim are
when they share few words ("jab" and "vaccine", a post's slang and a fact-check's phrasing).

The vectors are WordLlama's (https://github.com/dleemiller/WordLlama, MIT licence): a table of
32,000 token vectors of 256 dimensions (16 MB, half-precision) trained for sentence similarity,
with its tokenizer (the Llama 2 vocabulary). Both files come inside the `wordllama` wheel from
PyPI; they are read from its folder without importing the package, whose loader fetches the
tokenizer from the network. A text's vector is the mean of its tokens' vectors, as WordLlama
computes it, scaled to unit length: a cosine is then a dot product.

Loaded at the first lookup (about 0.1 s, on the panel's worker thread; never on the way to the
first paint) and kept for the process.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"


class EmbeddingMissingError(RuntimeError):
    """The wordllama package or one of its files is missing: reinstall the project."""


class Embedder:
    """Unit-length mean token vectors of texts."""

    def __init__(self, table: np.ndarray, tokenizer: Tokenizer) -> None:
        self._table = table
        self._tokenizer = tokenizer

    @property
    def dimensions(self) -> int:
        return int(self._table.shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text (a row of zeros for a text without tokens)."""
        # A text met twice is tokenized once: the claims of one article share its title.
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < len(texts):
            place = {text: i for i, text in enumerate(distinct)}
            return self._embed_distinct(distinct)[[place[text] for text in texts]]
        return self._embed_distinct(distinct)

    def _embed_distinct(self, texts: Sequence[str]) -> np.ndarray:
        # One text at a time: encode_batch spreads the work over every core, and a lookup is to
        # cost one core. The tokens of all texts are then gathered and summed at once (a text's
        # mean and its sum point the same way).
        ids = [self._tokenizer.encode(text).ids for text in texts]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not lengths.any():
            return out
        tokens = self._table[np.fromiter(chain.from_iterable(ids), dtype=np.int64)].astype(np.float32)
        some = lengths > 0
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[some]
        sums = np.add.reduceat(tokens, starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[some] = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)
        return out


def package_folder() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingMissingError("the wordllama package is not installed (reinstall factcheck: it is a dependency)")
    return Path(next(iter(spec.submodule_search_locations)))


def load(folder: Path | None = None) -> Embedder:
    from tokenizers import Tokenizer

    folder = folder or package_folder()
    weights, tokenizer = folder / WEIGHTS, folder / TOKENIZER
    for path in (weights, tokenizer):
        if not path.is_file():
            raise EmbeddingMissingError(f"{path.name} is missing from the wordllama package in {folder}")
    return Embedder(_mapped_tensor(weights, TENSOR), Tokenizer.from_file(str(tokenizer)))


_DTYPES = {"F16": np.float16, "F32": np.float32}


def _mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a safetensors file, mapped rather than read: a lookup touches the rows of its
    tokens only, so the process keeps a few MB of the 16 in memory. The format: the header's length
    (8 bytes, little-endian), a JSON header giving each tensor's dtype, shape and byte range after
    the header, then the tensors."""
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    entry = header.get(name)
    if not isinstance(entry, dict) or entry.get("dtype") not in _DTYPES:
        raise EmbeddingMissingError(f"{path.name} holds no {name} tensor this version can read")
    begin, end = entry["data_offsets"]
    shape = tuple(entry["shape"])
    dtype = np.dtype(_DTYPES[entry["dtype"]]).newbyteorder("<")
    if end - begin != dtype.itemsize * int(np.prod(shape)):
        raise EmbeddingMissingError(f"{path.name} is damaged (its {name} tensor has the wrong size)")
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + size + begin, shape=shape)


_lock = threading.Lock()
_embedder: Embedder | None = None


def embedder() -> Embedder:
    """The process's embedder, loaded on first use (the panel's worker threads may ask at once)."""
    global _embedder
    with _lock:
        if _embedder is None:
            _embedder = load()
        return _embedder
