"""The languages the analysis reads, and the one place that turns a language label into a code.

Each supported language has a plain data module here (``en``, ``es``) with its words: month and
weekday names, number words, speech verbs, the cue words of the claim scorer, the function words
that tell it apart. The splitter, the scorer, the speaker search, the date finder and the
front-matter reader all read them from there, so adding a word to a language is a one-line change
in that language's file; ``vocabulary.Vocabulary`` lists what every file defines.

This module imports none of the word lists: ``vocabulary`` loads a language's file when asked.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from factcheck.analysis.languages.vocabulary import Vocabulary

SUPPORTED_LANGUAGES = ("en", "es")
# The desk's main language: what a missing label means, and what the analysers read an
# unsupported one as, since some rules beat none.
DEFAULT_LANGUAGE = "en"

# Names written in a header instead of a code ("language: Spanish").
_NAMES = {"english": "en", "spanish": "es", "español": "es", "espanol": "es"}
# Labels already normalised: the analysers normalise once per sentence, with a handful of
# distinct labels in practice. Bounded, so that odd input cannot grow it without end.
_SEEN: dict[str | None, str] = {code: code for code in SUPPORTED_LANGUAGES}
_SEEN_MAX = 64


class UnsupportedLanguageError(ValueError):
    """A label that names no supported language ("fr", "klingon")."""


def normalise_language(value: str | None) -> str:
    """The supported code that ``value`` names: "es", "ES", "es-MX", "es_ES", "Spanish", "español" -> "es".

    A missing or blank label is the default language. Any other label raises UnsupportedLanguageError.
    """
    label = (value or "").strip().lower()
    if not label:
        return DEFAULT_LANGUAGE
    code = _NAMES.get(label) or label.replace("_", "-").split("-")[0]
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(f"language {value!r} is not supported")
    return code


def language_or_default(value: str | None) -> str:
    """``normalise_language``, reading an unsupported label as the default language."""
    code = _SEEN.get(value)
    if code is None:
        try:
            code = normalise_language(value)
        except UnsupportedLanguageError:
            code = DEFAULT_LANGUAGE
        if len(_SEEN) < _SEEN_MAX:
            _SEEN[value] = code
    return code


def vocabulary(code: str) -> Vocabulary:
    """The word lists of the supported language ``code`` ("en", "es"), loaded on first use."""
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(f"language {code!r} is not supported")
    return cast("Vocabulary", importlib.import_module(f"{__name__}.{code}"))
