"""Sentence and paragraph splitting: exact offsets, line breaks, abbreviations, quotes, Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.analysis.sentences import Span, split_paragraphs, split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"


def seed_body() -> str:
    """The seed article's body, after its front matter, exactly as an import stores it."""
    return re.sub(r"\A---\n.*?\n---\n", "", SEED.read_text(encoding="utf-8"), flags=re.DOTALL)


def texts(source: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(source, language)]


def assert_exact_spans(source: str, spans: list[Span]) -> None:
    """Every span points into ``source``, is stripped and non-empty, and spans come in order."""
    previous_end = 0
    for span in spans:
        assert source[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end
        previous_end = span.end


def test_seed_offsets_are_exact_and_no_sentence_crosses_a_line() -> None:
    body = seed_body()
    spans = split_sentences(body)
    assert_exact_spans(body, spans)
    assert all("\n" not in s.text for s in spans)
    assert len(spans) == 15


def test_seed_photo_credit_is_its_own_unit() -> None:
    sentences = texts(seed_body())
    caption = sentences.index("Marco Ugarte/AP Closed subtitles")
    assert sentences[caption - 1] == (
        "Mexican President Claudia Sheinbaum held a morning press conference at the National"
        " Palace of Mexico City on April 2, 2025."
    )
    assert sentences[caption + 1].startswith('"We can work together')


def test_us_abbreviation_does_not_end_a_sentence() -> None:
    sentences = texts(seed_body())
    assert sentences[0].startswith("Mexico City - Mexican President Claudia Sheinbaum said")
    assert sentences[0].endswith("fight drug trafficking, but she refused.")
    assert any(s.startswith("The U.S. Northern Command") and s.endswith("against the cartels.") for s in sentences)
    assert texts("He lived in the U.S. for years. Then he left.") == [
        "He lived in the U.S. for years.",
        "Then he left.",
    ]


def test_quoted_question_stays_inside_its_quotation() -> None:
    sentences = texts(seed_body())
    assert (
        "\"He said, 'How can we help you fight drug trafficking? I suggest the U.S. military comes in"
        ' and help you."'
    ) in sentences
    assert "You know what I said to him?" in sentences


def test_titles_and_decimals_do_not_split() -> None:
    assert texts("Mr. Smith met Dr. Jones at 5 p.m. on Friday. They paid $1.2 billion.") == [
        "Mr. Smith met Dr. Jones at 5 p.m. on Friday.",
        "They paid $1.2 billion.",
    ]


def test_crlf_and_tabs() -> None:
    source = "\tFirst line here.\r\nSecond line.  Third one.\r\n\r\n\tLast\t"
    spans = split_sentences(source)
    assert_exact_spans(source, spans)
    assert [s.text for s in spans] == ["First line here.", "Second line.", "Third one.", "Last"]


def test_line_without_final_stop_is_still_a_sentence() -> None:
    assert texts("A headline without a stop\nThe body starts here. It goes on.") == [
        "A headline without a stop",
        "The body starts here.",
        "It goes on.",
    ]


def test_unicode_quotes_and_separators() -> None:
    source = "“Is it true?” she asked. “Yes,” he said.\u2028Next paragraph… really.\u2029😀 Done."
    spans = split_sentences(source)
    assert_exact_spans(source, spans)
    assert [s.text for s in spans][:3] == [
        "“Is it true?” she asked.",
        "“Yes,” he said.",
        "Next paragraph… really.",
    ]
    assert spans[-1].text.endswith("Done.")


@pytest.mark.parametrize("source", ["", " ", "\n\r\n\t  \u2029 "])
def test_empty_and_blank_text_give_nothing(source: str) -> None:
    assert split_sentences(source) == []
    assert split_paragraphs(source) == []


def test_spanish_inverted_marks_and_abbreviations() -> None:
    source = (
        "¿Qué pasa? ¡Nada! El Sr. López dijo que EE. UU. enviará tropas.\r\n"
        "La Sra. Díaz afirmó: «No es cierto»."
    )
    spans = split_sentences(source, "es")
    assert_exact_spans(source, spans)
    assert [s.text for s in spans] == [
        "¿Qué pasa?",
        "¡Nada!",
        "El Sr. López dijo que EE. UU. enviará tropas.",
        "La Sra. Díaz afirmó: «No es cierto».",
    ]


def test_regional_and_unknown_language_codes_fall_back_sensibly() -> None:
    assert texts("Uno. Dos.", "es-MX") == ["Uno.", "Dos."]
    assert texts("One. Two.", "auto") == ["One.", "Two."]


def test_punctuation_only_piece_joins_the_sentence_before() -> None:
    source = "He paused. ... Then he spoke."
    spans = split_sentences(source)
    assert_exact_spans(source, spans)
    assert all(re.search(r"\w", s.text) for s in spans)


def test_paragraphs_are_stripped_lines() -> None:
    source = "  First para.\n\n\tSecond para. Still second.\r\nThird"
    spans = split_paragraphs(source)
    assert_exact_spans(source, spans)
    assert [s.text for s in spans] == ["First para.", "Second para. Still second.", "Third"]
