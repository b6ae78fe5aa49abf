"""The language files: one normaliser for labels, complete word lists, and every part reading them."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Mapping

import pytest

from factcheck.analysis import claims
from factcheck.analysis.alternation import alternation
from factcheck.analysis.claims import find_speaker, score_sentence
from factcheck.analysis.dates import find_dates
from factcheck.analysis.languages import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    UnsupportedLanguageError,
    en,
    es,
    language_or_default,
    normalise_language,
    vocabulary,
)
from factcheck.analysis.languages.vocabulary import Vocabulary
from factcheck.importing.reading import parse_published
from tests.conftest import PROJECT_ROOT

FILES = [pytest.param(vocabulary(code), id=code) for code in SUPPORTED_LANGUAGES]
MEMBERS = sorted(name for name in vars(Vocabulary) if name.isupper())
# Lists compared with lower-cased tokens: a capital letter in one would never match.
LOWERCASE = [
    "NUMBERS", "RELATIVE_DAYS", "DATE_MODIFIERS", "DATE_PREPOSITIONS", "WEAK_DATE_PREPOSITIONS", "HABITUAL_WORDS",
    "AMOUNT_WORDS", "YEAR_MODIFIERS", "DAY_MODIFIERS", "PERIOD_WORDS", "MORNING_WORDS", "WEEKDAY_ARTICLES",
    "WEEKDAY_PLURALS", "TIME_WORDS", "TIME_UNITS", "TIME_UNIT_BEFORE", "TIME_UNIT_AFTER", "QUANTITY_WORDS",
    "COMPARISON_WORDS", "COMPARISON_PHRASES", "NOT_SUPERLATIVES", "OPINION_WORDS", "OPINION_PHRASES",
    "TOPIC_WORDS", "ACTION_WORDS", "HEDGE_WORDS", "NOT_NAMES", "CAPTION_OPENINGS", "SPEECH_VERBS",
    "SPEAKER_ONLY_SPEECH_VERBS", "SOURCE_PHRASES", "SPEECH_AUXILIARIES", "SPEECH_PARTICIPLES",
    "SPEAKER_ONLY_PARTICIPLES", "BETWEEN_NAME_AND_VERB", "ORGANISATION_WORDS", "NOT_SPEAKERS", "DEFINITE_ARTICLES",
    "FUNCTION_WORDS", "DISTINCTIVE_CHARACTERS",
]


# --- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, code",
    [
        ("en", "en"), ("EN", "en"), ("en-US", "en"), ("en_GB", "en"), ("English", "en"),
        ("es", "es"), ("ES", "es"), ("es-MX", "es"), ("es_ES", "es"), ("es-419", "es"), (" es ", "es"),
        ("Spanish", "es"), ("SPANISH", "es"), ("español", "es"), ("Español", "es"), ("espanol", "es"),
        (None, DEFAULT_LANGUAGE), ("", DEFAULT_LANGUAGE), ("  ", DEFAULT_LANGUAGE),
    ],
)
def test_labels_name_a_supported_code(label: str | None, code: str) -> None:
    assert normalise_language(label) == code
    assert language_or_default(label) == code


@pytest.mark.parametrize("label", ["fr", "de-DE", "auto", "estonian", "esperanto", "x", "123", "-es"])
def test_other_labels_are_refused_or_read_as_the_default(label: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        normalise_language(label)
    assert language_or_default(label) == DEFAULT_LANGUAGE


def test_every_part_reads_a_label_alike() -> None:
    spanish = "El paro bajó un 3,5 % el 3 de mayo de 2024, dijo Pérez. Dr. Ruiz lo negó."
    for label in ("es", "es-MX", "Spanish", "español"):
        assert score_sentence(spanish, label) == score_sentence(spanish, "es")
        assert find_speaker(spanish, label) == find_speaker(spanish, "es")
        assert find_dates(spanish, dt.date(2025, 5, 3), label) == find_dates(spanish, dt.date(2025, 5, 3), "es")
    for label in ("fr", "estonian", ""):
        assert score_sentence(spanish, label) == score_sentence(spanish, "en")


def test_many_odd_labels_do_not_grow_the_memory_of_labels() -> None:
    for i in range(1000):
        assert language_or_default(f"xx-{i}") == DEFAULT_LANGUAGE
    assert language_or_default("es-MX") == "es"


# --- the files --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", FILES)
def test_every_file_defines_every_list(lang: Vocabulary) -> None:
    for name in MEMBERS:
        value = getattr(lang, name)
        if isinstance(value, Mapping):
            assert all(isinstance(k, str) and isinstance(v, (int, str)) for k, v in value.items()), name
        else:
            assert isinstance(value, tuple) and all(isinstance(w, str) and w for w in value), name


@pytest.mark.parametrize("lang", FILES)
def test_calendar_names_have_their_numbers(lang: Vocabulary) -> None:
    assert set(lang.MONTHS.values()) == set(range(1, 13))
    assert set(lang.WEEKDAYS.values()) == set(range(7))
    assert set(lang.MONTH_ABBREVIATIONS.values()) <= set(range(1, 13))
    assert set(lang.WEEKDAY_ABBREVIATIONS.values()) | set(lang.WEEKDAY_VARIANTS.values()) <= set(range(7))
    assert set(lang.CLAIM_MONTH_ABBREVIATIONS) <= set(lang.MONTH_ABBREVIATIONS)
    assert set(lang.GUARDED_RELATIVE_DAYS) <= set(lang.RELATIVE_DAYS)
    assert set(lang.DATE_MODIFIERS.values()) <= {"last", "next", "this", ""}


@pytest.mark.parametrize("lang", FILES)
def test_looked_up_words_are_lowercase_and_phrases_have_two_words(lang: Vocabulary) -> None:
    for name in LOWERCASE:
        for word in getattr(lang, name):
            assert word == word.lower(), (name, word)
    for phrase in (*lang.COMPARISON_PHRASES, *lang.OPINION_PHRASES):
        assert len(phrase.split(" ")) == 2, phrase


# --- one list, every reader -------------------------------------------------------------------


@pytest.mark.parametrize("name, number", sorted(es.MONTHS.items()))
def test_a_spanish_month_is_read_by_the_date_finder_and_the_header_alike(name: str, number: int) -> None:
    day = dt.date(2025, number, 3)
    [mention] = find_dates(f"Ocurrió el 3 de {name} de 2025.", None, "es")
    assert mention.value == day.isoformat()
    assert parse_published(f"3 de {name} de 2025") == day


@pytest.mark.parametrize("name, number", sorted({**en.MONTHS, **en.MONTH_ABBREVIATIONS}.items()))
def test_an_english_month_or_abbreviation_is_read_by_the_date_finder(name: str, number: int) -> None:
    for written in (name, f"{name}." if name in en.MONTH_ABBREVIATIONS else name):
        [mention] = find_dates(f"It happened on {written} 3, 2025.", None, "en")
        assert (mention.text, mention.value) == (f"{written} 3, 2025", dt.date(2025, number, 3).isoformat())


@pytest.mark.parametrize("name, number", sorted({**es.WEEKDAYS, **es.WEEKDAY_VARIANTS}.items()))
def test_a_spanish_weekday_is_read_by_the_date_finder(name: str, number: int) -> None:
    saturday = dt.date(2025, 5, 3)
    [mention] = find_dates(f"Se reunieron el {name}.", saturday, "es")
    assert dt.date.fromisoformat(mention.value or "").weekday() == number


@pytest.mark.parametrize("verb", en.SPEECH_VERBS)
def test_an_english_speech_verb_is_attribution_and_names_the_speaker(verb: str) -> None:
    sentence = f"Smith {verb} the plan failed in 2019."
    assert claims.ATTRIBUTION in score_sentence(sentence, "en").reasons
    assert find_speaker(sentence, "en") == "Smith"


@pytest.mark.parametrize("verb", en.SPEAKER_ONLY_SPEECH_VERBS)
def test_a_speaker_only_verb_names_the_speaker_without_counting_as_attribution(verb: str) -> None:
    sentence = f"Smith {verb} the plan failed in 2019."
    assert claims.ATTRIBUTION not in score_sentence(sentence, "en").reasons
    assert find_speaker(sentence, "en") == "Smith"


@pytest.mark.parametrize("verb", es.SPEECH_VERBS)
def test_a_spanish_speech_verb_is_attribution_and_names_the_speaker(verb: str) -> None:
    sentence = f"Pérez {verb} que el plan fracasó en 2019."
    assert claims.ATTRIBUTION in score_sentence(sentence, "es").reasons
    assert find_speaker(sentence, "es") == "Pérez"


@pytest.mark.parametrize("participle", [*es.SPEECH_PARTICIPLES, *es.SPEAKER_ONLY_PARTICIPLES])
def test_a_spanish_participle_names_the_speaker_after_an_auxiliary(participle: str) -> None:
    for auxiliary in es.SPEECH_AUXILIARIES:
        assert find_speaker(f"Pérez {auxiliary} {participle} que el plan fracasó.", "es") == "Pérez"


@pytest.mark.parametrize("lang, code", [(en, "en"), (es, "es")])
def test_a_source_phrase_names_the_source_after_it(lang: Vocabulary, code: str) -> None:
    for phrase in lang.SOURCE_PHRASES:
        sentence = f"{phrase[:1].upper() + phrase[1:]} Smith, the plan failed in 2019."
        assert find_speaker(sentence, code) == "Smith"
        assert claims.ATTRIBUTION in score_sentence(sentence, code).reasons


# --- the regex builder ------------------------------------------------------------------------


def test_the_alternation_matches_exactly_its_words_in_any_order() -> None:
    words = ["say", "said", "says", "stated", "according to", "a.m."]
    pattern = alternation(words)
    assert pattern == alternation(reversed(words))
    regex = re.compile(rf"(?:{pattern})\Z")
    for word in words:
        assert regex.match(word)
    assert regex.match("according \n to")
    for other in ["sa", "sayss", "state", "according", "a.mx", ""]:
        assert not regex.match(other), other


# --- start-up cost ----------------------------------------------------------------------------


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_the_label_normaliser_loads_no_word_list() -> None:
    loaded = _loaded_after("from factcheck.analysis.languages import normalise_language")
    assert not {"factcheck.analysis.languages.en", "factcheck.analysis.languages.es"} & loaded


def test_the_file_reader_loads_no_analyser() -> None:
    loaded = _loaded_after("import factcheck.importing.reading")
    analysers = {"sentences", "claim_lexicon", "claims", "speaker", "date_patterns", "dates"}
    assert not ({"sentencex"} | {f"factcheck.analysis.{name}" for name in analysers}) & loaded
