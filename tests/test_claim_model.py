"""The shipped check-worthiness model: its file, its numpy scores against scikit-learn's, its features."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.analysis import claim_model, claims

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claim_model_expected.json"
LANGUAGES = ("en", "es")
# Text the analysers may meet: curly quotes, accents, digits, runs of spaces, tabs, line breaks,
# non-Latin scripts, one-letter words, an empty line.
ODD_TEXTS = [
    "Unemployment fell to 3.5 percent   in May,\tthe lowest rate\nin 50 years.",
    "“We’ll cut taxes by 10 %,” she said — and they didn’t.",
    "El Gobierno destinó 1.200 millones de € a la sanidad pública; ¿es suficiente?",
    "a b c d e f g",
    "ÀÉÎÕÜ çãñ ßẞ İstanbul Ǆ",
    "數字 100 增長 ٣٤ ١٢",
    "",
    "   ",
    "x",
    "O'Neill's co-op re-election 2,500,000 $3bn #hashtag @user https://t.co/abc",
]


def _expected() -> dict[str, list[dict[str, float | str]]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_numpy_scores_are_the_training_librarys(language: str) -> None:
    """The fixture holds scikit-learn's probabilities, written by the training script."""
    model = claim_model.model(language)
    entries = _expected()[language]
    assert len(entries) >= 5
    for entry in entries:
        text = str(entry["text"])
        reasons, tokens, _ = claims.signals(text, language)
        probability, _ = model.score(text, reasons, tokens)
        assert probability == pytest.approx(float(entry["probability"]), abs=1e-5), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_feature_vector_gives_the_score(language: str) -> None:
    """What retraining reads: the sparse vector and the weights give the score the app shows."""
    model = claim_model.model(language)
    for text in [*ODD_TEXTS, *(str(e["text"]) for e in _expected()[language])]:
        reasons, tokens, _ = claims.signals(text, language)
        indices, values = model.feature_vector(text, reasons, tokens)
        assert indices.dtype == np.int64 and values.dtype == np.float64
        assert np.all(np.diff(indices) > 0) and np.all(values != 0)
        assert indices.size == 0 or (indices[0] >= 0 and indices[-1] < model.coef.size)
        logit = float(values @ model.coef[indices]) + model.intercept
        assert model.score(text, reasons, tokens)[0] == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-12)


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_blocks_are_scikit_learns(language: str) -> None:
    """The word and char_wb TF-IDF blocks, rebuilt by scikit-learn from the model's vocabulary
    and idf, equal the numpy scorer's on awkward text."""
    text_module = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn is not installed")
    model = claim_model.model(language)
    for block in (model.word, model.char):
        analyzer = "word" if block is model.word else "char_wb"
        vectorizer = text_module.TfidfVectorizer(analyzer=analyzer, ngram_range=block.ngram_range,
                                                 sublinear_tf=block.sublinear_tf, vocabulary=block.terms)
        vectorizer.fit(["placeholder"])
        vectorizer.idf_ = np.array(block.idf)
        matrix = vectorizer.transform(ODD_TEXTS).toarray()
        entries = model._entries(ODD_TEXTS)[0 if block is model.word else 1]  # all the texts in one batch
        ours = np.zeros_like(matrix)
        ours[entries[0], entries[1]] = entries[2]
        for theirs, mine, text in zip(matrix, ours, ODD_TEXTS, strict=True):
            assert np.allclose(theirs, mine, atol=1e-12), (block.name, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_file_is_small_plain_arrays(language: str) -> None:
    path = claim_model.model_path(language)
    assert path.stat().st_size < 5_000_000
    with np.load(path, allow_pickle=False) as data:  # no pickled objects in it
        assert {"config", "word_terms", "word_idf", "char_terms", "char_idf", "coef", "intercept"} <= set(data.files)
    model = claim_model.model(language)
    assert model.language == language
    assert model.coef.size == len(model.word.terms) + len(model.char.terms) + len(model.dense)


def test_weighing_words_are_in_the_sentence_and_raise_its_score() -> None:
    text = "The senator voted against the $1.2 billion infrastructure bill twice."
    reasons, tokens, _ = claims.signals(text, "en")
    model = claim_model.model("en")
    _, words = model.score(text, reasons, tokens)
    assert 1 <= len(words) <= 3
    low = " ".join(text.lower().replace("$", " ").replace(".", " ").split())
    for term in words:
        assert f" {term} " in f" {low} "
        assert model.word.weights[model.word.columns[term]] > 0
    assert claims.words_reason(words) in claims.score_sentence(text).reasons


def test_importing_the_scorer_loads_no_model() -> None:
    """The window imports the analysis on its way to the first paint: numpy and the model files
    are read when a sentence is first scored, not before."""
    code = ("import sys, factcheck.analysis.claims, factcheck.analysis.article; "
            "print('numpy' in sys.modules, bool(factcheck.analysis.claim_model._LOADED))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_a_model_file_of_another_format_is_refused(tmp_path: Path) -> None:
    source = claim_model.model_path("en")
    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    config = json.loads(arrays["config"].tobytes().decode("utf-8"))
    config["format"] = 99
    arrays["config"] = np.frombuffer(json.dumps(config).encode(), dtype=np.uint8)
    np.savez(tmp_path / "en.npz", **arrays)
    with pytest.raises(ValueError, match="format 99"):
        claim_model.read_model(tmp_path / "en.npz")


def test_a_file_without_its_arrays_is_refused_by_name(tmp_path: Path) -> None:
    np.savez(tmp_path / "en.npz", coef=np.zeros(3))
    with pytest.raises(ValueError, match="no 'config' array"):
        claim_model.read_model(tmp_path / "en.npz")
