"""Check-worthiness scores, their reasons, and speaker attribution, in English and Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.analysis import claims
from factcheck.analysis.claims import PROPOSE_THRESHOLD, find_speaker, score_sentence
from factcheck.analysis.sentences import split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"


def seed_sentences() -> list[str]:
    body = re.sub(r"\A---\n.*?\n---\n", "", SEED.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [s.text for s in split_sentences(body)]


def proposed(text: str, language: str = "en") -> bool:
    return score_sentence(text, language).value >= PROPOSE_THRESHOLD


# --- the seed article ---------------------------------------------------------------------


def test_seed_proposes_enough_claims_and_every_one_says_why() -> None:
    chosen = [s for s in seed_sentences() if proposed(s)]
    assert len(chosen) >= 8
    assert all(score_sentence(s).reasons for s in chosen)


def test_seed_proposes_the_claims_a_checker_would_pick() -> None:
    chosen = [s for s in seed_sentences() if proposed(s)]
    assert any(s.startswith('"He said, \'How can we help you') for s in chosen)  # Trump's proposal, quoted
    assert any(s.startswith("Trump designated") for s in chosen)  # the February 19 designation
    assert any(s.startswith("White House National Security Council") for s in chosen)  # its statement
    assert not any("Marco Ugarte/AP" in s for s in chosen)


def test_seed_reasons_name_words_of_the_sentence() -> None:
    """Every reason is something found in the sentence: the weighing words are its own words."""
    for sentence in seed_sentences():
        low = sentence.lower()
        for reason in score_sentence(sentence).reasons:
            if reason.startswith("the word"):
                for word in re.findall(r'"([^"]+)"', reason):
                    assert all(part in low for part in word.split(" ")), (word, sentence)


def test_seed_photo_credit_is_not_proposed() -> None:
    score = score_sentence("Marco Ugarte/AP Closed subtitles")
    assert score.value < PROPOSE_THRESHOLD
    assert claims.CAPTION in score.reasons


def test_seed_rhetorical_question_scores_low() -> None:
    score = score_sentence("You know what I said to him?")
    assert score.value < PROPOSE_THRESHOLD / 2
    assert claims.QUESTION in score.reasons


def test_seed_speakers() -> None:
    sentences = seed_sentences()
    assert find_speaker(sentences[0]) == "Sheinbaum"
    assert find_speaker(sentences[-1]) == "Sheinbaum"  # '"We can work together, ...," Sheinbaum said.'
    hewitt = next(s for s in sentences if s.startswith("White House"))
    assert find_speaker(hewitt) == "Hewitt"
    statement = next(s for s in sentences if s.endswith("the statement said."))
    assert find_speaker(statement) is None  # a statement is not a person or a named body


def test_seed_sentence_with_figures_gives_the_matching_reasons() -> None:
    sentence = next(s for s in seed_sentences() if s.startswith("Trump designated"))
    reasons = score_sentence(sentence).reasons
    assert claims.DATE in reasons  # "on February 19"
    assert claims.NAMED in reasons
    assert claims.NUMBER not in reasons  # the 19 belongs to the date, it is no statistic


# --- scores ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "???", "Yes.", "a " * 500, "1" * 200, "“”«»", "https://example.com/2024/05/12345"],
)
def test_odd_input_still_gives_a_score_in_range(text: str) -> None:
    score = score_sentence(text)
    assert 0.0 <= score.value <= 1.0
    assert all(isinstance(r, str) and r for r in score.reasons)


def test_every_seed_score_is_in_range() -> None:
    for sentence in seed_sentences():
        for language in ("en", "es"):
            assert 0.0 <= score_sentence(sentence, language).value <= 1.0


def test_statistic_with_comparison_is_proposed_with_its_reasons() -> None:
    score = score_sentence("Unemployment fell to 3.5 percent in May 2024, the lowest rate since 1969.")
    assert score.value >= PROPOSE_THRESHOLD
    for reason in (claims.NUMBER, claims.DATE, claims.COMPARISON):
        assert reason in score.reasons


def test_question_scores_below_the_same_statement() -> None:
    statement = score_sentence("Unemployment fell to 3.5 percent last year.")
    question = score_sentence("Did unemployment fall to 3.5 percent last year?")
    assert question.value < statement.value
    assert claims.QUESTION in question.reasons


def test_attribution_and_quotation_are_reasons() -> None:
    score = score_sentence('"Crime is down 20 percent since January," the mayor said on Tuesday.')
    assert claims.ATTRIBUTION in score.reasons
    assert claims.QUOTE in score.reasons
    assert score.value >= PROPOSE_THRESHOLD


def test_short_fragments_and_opinions_are_not_proposed() -> None:
    short = score_sentence("Thank you.")
    assert claims.TOO_SHORT in short.reasons and short.value < PROPOSE_THRESHOLD
    assert not proposed("I think we are going to do a great job together.")


def test_link_digits_are_not_a_statistic() -> None:
    assert claims.NUMBER not in score_sentence("Read the full story at https://example.com/2024/05/12345").reasons


def test_credit_lines_in_other_forms() -> None:
    for credit in ("(AP Photo/Evan Vucci)", "Foto: EFE", "Photo by John Smith/Getty Images"):
        score = score_sentence(credit, "es" if credit.startswith("Foto") else "en")
        assert claims.CAPTION in score.reasons
        assert score.value < PROPOSE_THRESHOLD


# --- Spanish --------------------------------------------------------------------------------


def test_spanish_claim_is_proposed_with_reasons() -> None:
    score = score_sentence(
        "El paro bajó un 3,5 % en mayo de 2024, según el INE, la cifra más baja desde 2008.", "es"
    )
    assert score.value >= PROPOSE_THRESHOLD
    for reason in (claims.NUMBER, claims.DATE, claims.ATTRIBUTION, claims.COMPARISON):
        assert reason in score.reasons


def test_spanish_question_and_exclamation_score_low() -> None:
    assert claims.QUESTION in score_sentence("¿Qué opinas de todo esto?", "es").reasons
    assert not proposed("¿Qué opinas de todo esto?", "es")
    assert not proposed("¡Gracias a todos!", "es")


# --- speakers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mexican President Claudia Sheinbaum said on Saturday that troops were refused.", "Sheinbaum"),
        ('"We are ready," Sheinbaum said.', "Sheinbaum"),
        ("White House National Security Council spokesman James Hewitt said in a statement.", "Hewitt"),
        ("New York City Mayor Bill de Blasio said this afternoon there is no threat.", "de Blasio"),
        ("Rahami was taken to a hospital, said Grace Park, the acting prosecutor.", "Park"),
        ("According to the National Academy of Sciences, the system costs billions.", "National Academy of Sciences"),
        ("The FBI said the devices were linked.", "FBI"),
        ("Trump also said the wall would be paid for.", "Trump"),
    ],
)
def test_english_speakers(sentence: str, speaker: str) -> None:
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "She said it was fine.",
        "Officials said the road was closed.",
        "The economy grew by 2 percent.",
        '"He said, \'How can we help you?\'"',  # the verb is inside the quotation
        "",
    ],
)
def test_no_named_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("El presidente Pedro Sánchez afirmó que el paro ha bajado.", "Sánchez"),
        ("«No es cierto», dijo Isabel Díaz Ayuso.", "Ayuso"),
        ("Según el Ministerio de Sanidad, hay 300 casos.", "Ministerio de Sanidad"),
        ("La ministra de Hacienda, María Jesús Montero, aseguró ayer que no habrá subida.", "Montero"),
        ("Ella dijo que no.", None),
    ],
)
def test_spanish_speakers(sentence: str, speaker: str | None) -> None:
    assert find_speaker(sentence, "es") == speaker
