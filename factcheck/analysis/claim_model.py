"""The learned check-worthiness model: its file format, the lazy loader and the numpy scorer.

A model is a logistic regression over one feature vector per sentence, built from blocks laid
end to end:

- ``word``: TF-IDF of lowercase word 1-2-grams (tokens ``(?u)\\b\\w\\w+\\b``, as scikit-learn's
  TfidfVectorizer finds them), l2-normalised on its own;
- ``char``: TF-IDF of character n-grams inside words (scikit-learn's ``char_wb``: each
  whitespace-separated word padded with one space either side), l2-normalised on its own;
- ``dense``: one value per reason of the word-list scorer (1 when the sentence has it, else 0)
  and ``log length`` = log(1 + min(tokens, 60) / 10).

The score is the logistic of ``coef . x + intercept``. Training (scripts/train_claim_model.py,
scikit-learn) writes one ``.npz`` per language into factcheck/analysis/models/, read here with
``allow_pickle=False``; the scores computed here match scikit-learn's to 1e-5
(tests/test_claim_model.py). The arrays of a file:

- ``config``: UTF-8 JSON (uint8) -- format version, language, each text block's settings
  (ngram_range, sublinear_tf), the dense feature names, and the training figures;
- ``word_terms`` / ``char_terms``: the block's vocabulary, UTF-8 terms joined by newlines (uint8);
  a term's position is its column in the block;
- ``word_idf`` / ``char_idf``: float64, one per term;
- ``coef``: float64 weights over the whole vector (word, then char, then dense columns);
- ``intercept``: float64 scalar.

That is all a further gradient step needs: ``feature_vector`` gives a sentence's columns and
values, and the weights are one vector and a bias.

numpy is imported when a model is first loaded, never when this module is: importing the
analysis stays cheap, and a window that scores nothing never pays for it.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain, pairwise, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.analysis.languages import vocabulary

if TYPE_CHECKING:
    import numpy as np

MODELS = Path(__file__).resolve().parent / "models"
FORMAT = 1
LOG_LENGTH = "log length"
# The least a word feature must add to a sentence's log-odds to be named among its reasons.
MIN_CONTRIBUTION = 0.05
# scikit-learn's default token pattern, which the word block was trained with.
_WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# For ASCII text the same tokens are the runs of ASCII word characters ([0-9A-Za-z_]) of two
# or more: a byte translation that blanks every other byte, then a split, finds them faster.
_ASCII_NON_WORD_BLANK = bytes(b if b < 128 and (chr(b).isalnum() or chr(b) == "_") else 32 for b in range(256))
# Words whose character n-grams were looked up, per model; bounded so odd input cannot grow it
# without end. News vocabulary repeats a lot, so most words of a sentence are found here.
_WORD_CACHE_MAX = 200_000


_NOTHING: dict[str, int] = {}


class _CharCache(dict[str, bytes]):
    """Word -> the columns of its character n-grams (see ``ClaimModel._char_columns``), computed
    on first lookup; bounded so odd input cannot grow it without end."""

    def __init__(self, block: Block) -> None:
        super().__init__()
        self.block = block

    def __missing__(self, word: str) -> bytes:
        import numpy as np

        columns = self.block.columns
        lo, hi = self.block.ngram_range
        w = " " + word + " "
        length = len(w)
        found = []
        for n in range(lo, hi + 1):
            if length <= n:  # a short padded word counts once, as a whole
                j = columns.get(w)
                if j is not None:
                    found.append(j)
                break
            for i in range(length - n + 1):
                j = columns.get(w[i:i + n])
                if j is not None:
                    found.append(j)
        packed = np.array(found, dtype=np.int32).tobytes()
        if len(self) >= _WORD_CACHE_MAX:
            self.clear()
        self[word] = packed
        return packed


def log_length(tokens: int) -> float:
    return math.log1p(min(tokens, 60) / 10)


@dataclass(frozen=True)
class Block:
    """One TF-IDF block: term -> column within the block, and per column idf and weight."""

    name: str
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    columns: dict[str, int]
    terms: list[str]
    idf: np.ndarray
    weights: np.ndarray  # coef for this block's columns
    offset: int  # of the block's first column in the whole vector


@dataclass(frozen=True)
class Scored:
    """A batch of sentences: each one's probability, its nonzero features, and its weighing words."""

    probabilities: np.ndarray  # float64, one per sentence
    words: list[list[str]]  # up to three word features per sentence that raised its score most


class ClaimModel:
    """A loaded model. Every method takes sentences with the word-list scorer's reasons and token
    counts for them (factcheck.analysis.claims.signals), which are the dense features."""

    def __init__(self, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        import numpy as np

        if config.get("format") != FORMAT:
            raise ValueError(f"claim model format {config.get('format')!r}, expected {FORMAT}")
        self.config = config
        self.language: str = config["language"]
        coef = arrays["coef"].astype(np.float64)
        self.coef = coef
        self.intercept = float(arrays["intercept"])
        blocks = {}
        offset = 0
        for spec in config["blocks"]:
            name = spec["name"]
            raw = arrays[f"{name}_terms"].tobytes().decode("utf-8")
            terms = raw.split("\n") if raw else []
            idf = arrays[f"{name}_idf"].astype(np.float64)
            if len(idf) != len(terms):
                raise ValueError(f"claim model block {name}: {len(terms)} terms but {len(idf)} idf values")
            lo, hi = spec["ngram_range"]
            blocks[name] = Block(name, (int(lo), int(hi)), bool(spec["sublinear_tf"]),
                                 dict(zip(terms, range(len(terms)), strict=True)), terms, idf,
                                 coef[offset:offset + len(terms)], offset)
            offset += len(terms)
        self.word: Block = blocks["word"]
        self.char: Block = blocks["char"]
        self.dense: list[str] = list(config["dense"])
        self.dense_offset = offset
        self.dense_weights = coef[offset:offset + len(self.dense)]
        if offset + len(self.dense) != len(coef):
            raise ValueError(f"claim model: {len(coef)} weights for {offset + len(self.dense)} features")
        self._plain_words = frozenset(vocabulary(self.language).FUNCTION_WORDS)
        self._char_cache = _CharCache(self.char)
        # Per word column met among a sentence's weighing words: its words, and whether it may be named.
        self._term_words: dict[int, tuple[list[str], bool]] = {}
        # The word bigrams of the vocabulary as first word -> second word -> column.
        self._following: dict[str, dict[str, int]] = {}
        for term, column in self.word.columns.items():
            first, space, second = term.partition(" ")
            if space and " " not in second:
                self._following.setdefault(first, {})[second] = column
        # The idf of every text column, word block then char block, for scoring a batch at once.
        self._idf = np.concatenate([self.word.idf, self.char.idf])

    # --- features ---------------------------------------------------------------------------

    def _word_columns(self, low: str) -> list[int]:
        """The columns of the word n-grams of lowercase ``low``, one per occurrence, -1 for an
        n-gram outside the vocabulary (the caller drops those in one numpy step)."""
        get = self.word.columns.get
        if low.isascii():
            tokens = [t for t in low.encode().translate(_ASCII_NON_WORD_BLANK).decode().split() if len(t) > 1]
        else:
            tokens = _WORD_TOKEN.findall(low)
        lo, hi = self.word.ngram_range
        found: list[int] = []
        for n in range(lo, hi + 1):
            if n == 1:
                found += map(get, tokens, repeat(-1))
            elif n == 2:
                # Looked up word by word: no "a b" string is built for the many pairs outside
                # the vocabulary.
                following, nothing = self._following, _NOTHING
                found += [following.get(a, nothing).get(b, -1) for a, b in pairwise(tokens)]
            else:
                found += map(get, [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)], repeat(-1))
        return found

    def _char_columns(self, word: str) -> bytes:
        """The columns of the padded word's n-grams, one per occurrence, as scikit-learn's char_wb
        analyser lists them: int32 values in machine order, as bytes (an article's words join into
        one buffer far faster than arrays concatenate)."""
        return self._char_cache[word]

    def _tfidf(self, sentences: int, rows: np.ndarray, cols: np.ndarray,
               block: Block) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The l2-normalised TF-IDF entries of one block: (sentence, column, value), one per
        distinct column of a sentence, sorted by sentence then column. ``rows``/``cols`` hold one
        entry per occurrence."""
        import numpy as np

        width = len(block.terms)
        keys, counts = np.unique(rows * width + cols, return_counts=True)
        rows, cols = np.divmod(keys, width)
        tf = 1.0 + np.log(counts) if block.sublinear_tf else counts.astype(np.float64)
        values = tf * block.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=sentences))
        return rows, cols, values / norms[rows]

    def _dense_matrix(self, reasons: list[list[str]], tokens: list[int]) -> np.ndarray:
        import numpy as np

        return np.array([[log_length(n) if name == LOG_LENGTH else float(name in r) for name in self.dense]
                         for r, n in zip(reasons, tokens, strict=True)], dtype=np.float64).reshape(-1, len(self.dense))

    def _entries(self, texts: list[str]) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        import numpy as np

        lows = [text.lower() for text in texts]
        word_cols = [self._word_columns(low) for low in lows]
        word_rows = np.repeat(np.arange(len(texts)), [len(c) for c in word_cols])
        cols = np.fromiter(chain.from_iterable(word_cols), dtype=np.int64, count=len(word_rows))
        known = cols >= 0
        word = self._tfidf(len(texts), word_rows[known], cols[known], self.word)
        cache = self._char_cache
        char_arrays = []
        for low in lows:
            words = low.split()
            char_arrays.append([cache[w] for w in words])
        packed = [b"".join(arrays) for arrays in char_arrays]
        char_rows = np.repeat(np.arange(len(texts)), [len(p) // 4 for p in packed])
        char_cols = np.frombuffer(b"".join(packed), dtype=np.int32).astype(np.int64)
        char = self._tfidf(len(texts), char_rows, char_cols, self.char)
        return word, char

    def feature_vector(self, text: str, reasons: list[str], tokens: int) -> tuple[np.ndarray, np.ndarray]:
        """The sentence's nonzero features over the whole vector: column indices (int64, ascending)
        and values (float64). ``reasons`` and ``tokens`` are the word-list scorer's for ``text``."""
        import numpy as np

        (_, word_cols, word_values), (_, char_cols, char_values) = self._entries([text])
        dense = self._dense_matrix([reasons], [tokens])[0]
        present = np.flatnonzero(dense)
        return (np.concatenate([word_cols + self.word.offset, char_cols + self.char.offset,
                                present + self.dense_offset]),
                np.concatenate([word_values, char_values, dense[present]]))

    # --- scores -----------------------------------------------------------------------------

    def score_many(self, texts: list[str], reasons: list[list[str]], tokens: list[int]) -> Scored:
        """The probability that each sentence is check-worthy, and its weighing words.

        The same numbers as ``feature_vector`` and the weights give (tests/test_claim_model.py),
        computed for the whole batch at once: both text blocks' entries go through one sort, and
        numpy's cost per call is paid once per batch. An import hands over several articles'
        sentences together, since for one article that cost per call is most of the time.
        """
        import numpy as np

        n = len(texts)
        width = self.dense_offset  # of the text columns: a key ``row * width + column`` is unique
        lows = [text.lower() for text in texts]
        word_cols: list[int] = []
        word_counts = []
        word_columns = self._word_columns
        for low in lows:
            found = word_columns(low)
            word_counts.append(len(found))
            word_cols += found
        columns_of = self._char_cache.__getitem__
        packed = [b"".join(map(columns_of, low.split())) for low in lows]
        # int32 keys while they fit (a batch of up to 50,000 sentences): they sort twice as fast.
        key_type: type[np.signedinteger[Any]] = np.int32 if n * width < 2**31 else np.int64
        rows: np.ndarray = np.arange(n, dtype=key_type)
        cols: np.ndarray = np.array(word_cols, dtype=key_type)
        word_keys = np.repeat(rows * width, word_counts) + cols
        char_keys = (np.repeat(rows * width + self.char.offset, np.fromiter(map(len, packed), np.int64, n) // 4)
                     + np.frombuffer(b"".join(packed), dtype=np.int32))
        keys: np.ndarray = np.concatenate([word_keys[cols >= 0], char_keys])
        keys.sort()
        # One entry per distinct (sentence, column), in key order: by sentence, word block first.
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if keys.size else keys
        counts = np.diff(np.append(starts, keys.size))
        rows, cols = np.divmod(keys[starts], key_type(width))
        in_char = cols >= self.char.offset
        tf = self._tf(self.word, counts)
        if self.char.sublinear_tf != self.word.sublinear_tf:
            tf = np.where(in_char, self._tf(self.char, counts), tf)
        values = tf * self._idf[cols]
        # Each block is l2-normalised on its own: one norm per sentence and block.
        group = rows * 2 + in_char
        norms = np.sqrt(np.bincount(group, weights=values * values, minlength=2 * n))
        parts = values / norms[group] * self.coef[cols]
        logits = np.bincount(rows, weights=parts, minlength=n) + self._dense_logits(reasons, tokens)
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        words: list[list[str]] = [[] for _ in range(n)]
        heavy = np.flatnonzero((parts >= MIN_CONTRIBUTION) & ~in_char)
        if heavy.size:
            heavy = heavy[np.lexsort((-parts[heavy], rows[heavy]))]
            by_sentence: dict[int, list[int]] = {}
            for row, col in zip(rows[heavy].tolist(), cols[heavy].tolist(), strict=True):
                by_sentence.setdefault(row, []).append(col)
            for row, columns in by_sentence.items():
                words[row] = self._weighing_words(columns)
        return Scored(probabilities, words)

    @staticmethod
    def _tf(block: Block, counts: np.ndarray) -> np.ndarray:
        import numpy as np

        return 1.0 + np.log(counts) if block.sublinear_tf else counts.astype(np.float64)

    def _dense_logits(self, reasons: list[list[str]], tokens: list[int]) -> np.ndarray:
        """The intercept plus the dense features' part of each sentence's log-odds: the weights of
        the reasons it has (each counted once, as the 0/1 features are) and of its log length."""
        import numpy as np

        # Read from the weights on every call: they may be replaced between calls.
        weight_of = dict(zip(self.dense, self.dense_weights.tolist(), strict=True))
        length_weight = weight_of.get(LOG_LENGTH, 0.0)
        base = self.intercept
        return np.array([base + sum(weight_of.get(r, 0.0) for r in dict.fromkeys(found) if r != LOG_LENGTH)
                         + length_weight * log_length(count)
                         for found, count in zip(reasons, tokens, strict=True)], dtype=np.float64)

    def score(self, text: str, reasons: list[str], tokens: int) -> tuple[float, list[str]]:
        """``score_many`` of one sentence: its probability and weighing words."""
        scored = self.score_many([text], [reasons], [tokens])
        return float(scored.probabilities[0]), scored.words[0]

    def _weighing_words(self, columns: list[int]) -> list[str]:
        """Up to three of these word columns (heaviest first), none made of function words alone
        ("but she") or shorter than three letters, none sharing a word with one already named
        ("percent in" after "percent")."""
        terms, words_of = self.word.terms, self._term_words
        chosen: list[str] = []
        seen: set[str] = set()
        for j in columns:
            found = words_of.get(j)
            if found is None:
                term = terms[j]
                words = term.split(" ")
                found = words_of[j] = (words, not self._plain_words.issuperset(words) and len(term) > 2)
            words, may_name = found
            if may_name and seen.isdisjoint(words):
                chosen.append(terms[j])
                if len(chosen) == 3:
                    break
            seen.update(words)
        return chosen


def model_path(language: str) -> Path:
    return MODELS / f"{language}.npz"


class ClaimModelError(RuntimeError):
    """The model file of a language is missing or unreadable: the installation is incomplete."""


def read_model(path: Path) -> ClaimModel:
    """The model in ``path``; ValueError names what is wrong with a file of the wrong shape."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    for name in ("config", "word_terms", "word_idf", "char_terms", "char_idf", "coef", "intercept"):
        if name not in arrays:
            raise ValueError(f"claim model {path.name} has no {name!r} array")
    config = json.loads(arrays.pop("config").tobytes().decode("utf-8"))
    return ClaimModel(config, arrays)


_LOADED: dict[str, ClaimModel] = {}
_LOAD_LOCK = threading.Lock()


# Weights retrained on one desk's decisions (factcheck.analysis.claim_retrain), by language. The
# store sets them before every analysis it runs (an import, an added claim), to its own database's
# or to none, and an import's worker processes get the same in their initializer; a process
# writes one database at a time, so one setting per process is enough.
_RETRAINED: dict[str, ClaimModel] = {}


def model(language: str) -> ClaimModel:
    """The model that scores ``language``: the retrained one in use, else the shipped one."""
    found = _RETRAINED.get(language)
    return found if found is not None else shipped_model(language)


def use_retrained(models: Mapping[str, ClaimModel]) -> None:
    """Score with these retrained models from now on (none: the shipped ones)."""
    _RETRAINED.clear()
    _RETRAINED.update(models)


def shipped_model(language: str) -> ClaimModel:
    """The shipped model of ``language`` ("en", "es"), read on first use and kept."""
    found = _LOADED.get(language)
    if found is None:
        with _LOAD_LOCK:
            found = _LOADED.get(language)
            if found is None:
                path = model_path(language)
                try:
                    found = _LOADED[language] = read_model(path)
                except (OSError, ValueError, KeyError) as error:
                    raise ClaimModelError(
                        f"the claim model {path} cannot be read ({error}); reinstall the package, "
                        "or rebuild the models with `make model`") from error
    return found
