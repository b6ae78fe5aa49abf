"""Sentences where a reader expects them: a heading run into its paragraph ends at its colon, and a
quotation keeps its attribution, so the proposed claim has its speaker."""

from __future__ import annotations

from factcheck.store import Store
from factcheck.text import split_sentences

HEADING = ("Here are 10 moments that mattered at the first general election presidential debate:     "
           "Hillary Clinton and Donald Trump clashed over taxes for 90 minutes on Monday.")
QUOTE = ("\"You know you can make $12 an hour driving for Uber?\" Bush asks. "
         "Uber drivers earned a median of $11.77 an hour in 2015, a study found.")


def texts(text: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


def test_a_colon_and_a_run_of_spaces_end_a_sentence() -> None:
    assert texts(HEADING) == [
        "Here are 10 moments that mattered at the first general election presidential debate:",
        "Hillary Clinton and Donald Trump clashed over taxes for 90 minutes on Monday.",
    ]


def test_a_colon_with_one_space_does_not() -> None:
    one = "The minister gave one figure: unemployment fell to 4.1% in March."
    assert texts(one) == [one]


def test_a_heading_line_is_a_sentence_of_its_own() -> None:
    text = "Moments that mattered\nHillary Clinton and Donald Trump clashed over taxes on Monday."
    assert texts(text) == ["Moments that mattered",
                           "Hillary Clinton and Donald Trump clashed over taxes on Monday."]


def test_a_quote_and_its_attribution_stay_one_sentence() -> None:
    assert texts(QUOTE) == [
        "\"You know you can make $12 an hour driving for Uber?\" Bush asks.",
        "Uber drivers earned a median of $11.77 an hour in 2015, a study found.",
    ]
    assert texts("“Is the wall paid for?” asked the senator. It is not.") == [
        "“Is the wall paid for?” asked the senator.", "It is not."]


def test_a_sentence_after_a_quote_is_not_taken_for_an_attribution() -> None:
    text = "\"We will win,\" he said. Turnout rose to 66% in 2020, officials reported on Friday."
    assert texts(text) == ["\"We will win,\" he said.",
                           "Turnout rose to 66% in 2020, officials reported on Friday."]


def test_offsets_still_point_into_the_text() -> None:
    for text in (HEADING, QUOTE):
        for span in split_sentences(text):
            assert text[span.start:span.end] == span.text


def test_the_proposed_claims_follow_the_sentences(store: Store) -> None:
    article = store.import_text(HEADING + "\n" + QUOTE + "\n", title="Debate moments").article_id
    claims = store.claims(article)
    assert all(not c.text.startswith("Here are 10 moments") or c.text.endswith("debate:") for c in claims)
    clinton = next(c for c in claims if c.text.startswith("Hillary Clinton"))
    assert clinton.text == "Hillary Clinton and Donald Trump clashed over taxes for 90 minutes on Monday."
    uber = next(c for c in claims if "Uber?" in c.text)
    assert uber.text.endswith("Bush asks.")
    assert uber.speaker == "Bush"
