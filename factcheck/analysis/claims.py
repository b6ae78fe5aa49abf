"""Claim proposal: how check-worthy a sentence is, and why.

Two parts. The word-list signals: rules that look words up and say what a fact-checker could
verify in the sentence ("a number or statistic", "a date", "an attribution", ...) or what speaks
against it ("a question", "a caption or credit line", "too short"). And the learned model
(factcheck.analysis.claim_model): a logistic regression over the sentence's word and character
n-grams and those signals, trained on debate transcripts and tweets labelled by fact-checkers
(training/train_claim_model.py). The score is the model's probability; the reasons shown are the
signals found plus the sentence's own words that weighed most for it, so every reason is
something present in the sentence.

The rules look words up rather than running large regular expressions: the sentence is tokenised
once, each distinct word is looked up once in a per-language index that tells every rule what
the word means to it, and character tests use substring searches. Import scores an article's
sentences in one batch (``scores_and_speakers``), which also skips the speaker search for the
many sentences whose words hold no speech verb.

The words come from the language files (factcheck.analysis.languages), gathered with their index
in factcheck.analysis.claim_lexicon; the speaker search lives in factcheck.analysis.speaker, and
``find_speaker`` is importable from here as before.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from factcheck.analysis import claim_model
from factcheck.analysis.alternation import alternation
from factcheck.analysis.claim_lexicon import (
    ACTION_CUE,
    COMPARISON_CUE,
    DATE_CUE,
    ENGLISH_LEXICON,
    HEDGE_CUE,
    INDEXES,
    LEXICONS,
    MONTH_CUE,
    NUMBER_CUE,
    OPINION_CUE,
    SAY_CUE,
    TOPIC_CUE,
    Lexicon,
    cue_bits,
)
from factcheck.analysis.languages import SUPPORTED_LANGUAGES, language_or_default, vocabulary
from factcheck.analysis.speaker import find_speaker, may_attribute

# Sentences scoring at or above this are proposed as claims: the highest threshold whose recall on
# held-out CLEF-2019 transcripts is at least 0.8 (training/train_claim_model.py prints it). The
# model's probabilities follow the transcripts' rate of check-worthy sentences (under 3 %), hence
# a low number; a reviewer triages the proposals, and news copy holds more claims than debates.
PROPOSE_THRESHOLD = 0.02


@dataclass(frozen=True, slots=True)
class Score:
    value: float  # in [0, 1]
    reasons: list[str] = field(default_factory=list)  # human-readable, e.g. "a number or statistic"


# Reasons shown to the reviewer; tests and the GUI refer to these strings.
NUMBER = "a number or statistic"
DATE = "a date"
NAMED = "a named person or body"
COMPARISON = "a superlative or comparison"
ATTRIBUTION = "an attribution (said / according to)"
QUOTE = "a quoted statement"
QUESTION = "a question"
CAPTION = "a caption or credit line"
TOO_SHORT = "too short"
OPINION = "an opinion, wish or promise"
TOPIC = "a public-policy subject (economy, crime, law ...)"
ACTION = "a reported action (voted, signed, paid ...)"
SPECULATION = "a guess or hypothetical (maybe, would, could)"

# The word-list scorer's own log-odds weights (``word_list_score``), kept as the floor the model
# is measured against. The bias puts a plain sentence below the threshold; a figure alone lifts it
# above, every other signal needs company. The weights were fitted by hand against debate
# transcripts (tests/benchmarks/test_checkworthy_map.py); quotes and attribution stay positive
# although transcripts alone would drop them, because in news copy the quoted and attributed
# statements are the ones that get checked.
_BIAS = -1.4
_WEIGHTS = {
    NUMBER: 1.9,
    DATE: 0.5,
    NAMED: 0.5,
    COMPARISON: 1.3,
    ATTRIBUTION: 0.5,
    QUOTE: 0.3,
    TOPIC: 0.8,
    ACTION: 0.6,
    QUESTION: -1.8,
    CAPTION: -4.0,
    TOO_SHORT: -1.8,
    OPINION: -0.5,
    SPECULATION: -0.6,
}
_LENGTH_WEIGHT = 0.1
_MIN_WORDS = 5


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
# The same tokens for pure-ASCII text, where Unicode and ASCII \w agree and no curly apostrophe
# can occur; ASCII matching is about twice as fast and most news sentences are plain ASCII.
_ASCII_TOKEN = re.compile(r"\w+(?:'\w+)*", re.ASCII)
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_ASCII_DIGITS = "0123456789"
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")
# Quoted passages of at least three words, in straight, curly or angle quotes.
_QUOTE = re.compile(
    r"\"[^\"]*?\w+\W+\w+\W+\w[^\"]*\"?"
    r"|“[^”]*?\w+\W+\w+\W+\w[^”]*”?"
    r"|«[^»]*?\w+\W+\w+\W+\w[^»]*»?"
)
# "Marco Ugarte/AP", "(AP Photo/Evan Vucci)", "Foto: EFE", "Getty Images", "Closed subtitles".
_AGENCIES = (
    r"AP|AFP|EFE|Reuters|Getty(?:\s+Images)?|EPA|Bloomberg|Shutterstock|Europa\s+Press|dpa|ANSA"
    r"|Xinhua|NYT|Cuartoscuro"
)
_CREDIT = re.compile(
    rf"[A-Z][\w'’.-]*\s*/\s*(?:{_AGENCIES})\b|\b(?:{_AGENCIES})\s*(?:Photo|Foto)?\s*/\s*[A-Z]"
)
# Every language's caption openings and non-names count in any article: an English caption in
# a Spanish article is still a caption.
_LANGUAGES = [vocabulary(code) for code in SUPPORTED_LANGUAGES]
_CAPTION_START = tuple(opening for lang in _LANGUAGES for opening in lang.CAPTION_OPENINGS)
# Lower-casing maps every character to one or more characters, so the lower-cased opening of
# this many characters decides ``startswith`` as the whole lower-cased text would.
_CAPTION_START_CHARS = max(map(len, _CAPTION_START))
_CAPTION_TEXT = ("Getty Images", *(marker for lang in _LANGUAGES for marker in lang.CAPTION_MARKERS))
_CAPITALISED_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*")
# Finds a match of speaker._ACRONYM ("U.S.", "FBI") wherever its search would: "\b" before a
# capital means no word character before it, which the lookbehind checks once the capital is
# read. Opening with a character class lets the engine skip to capitals instead of testing a
# boundary everywhere.
_HAS_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])(?:\.[A-Z]\.|[A-Z]+\b)")
# Capitalised words that say nothing about a named person or body.
_NOT_NAMES = frozenset(word for lang in _LANGUAGES for word in lang.NOT_NAMES)
_OPENERS = set("\"“‘'«¿¡(:.!?—–-")
# Bytes of text whose word characters are all ASCII: letters lower-cased, digits, "_" and the
# apostrophe kept, everything else (punctuation, spaces, every byte of a non-ASCII character)
# made a space. Splitting the translated bytes then gives the lowercase tokens, as long as
# every apostrophe sits between two word characters.
_LOWER_WORDS = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() or chr(b) in "_'" else ord(" ")) if b < 128 else ord(" ")
    for b in range(256)
)
_NON_ASCII_WORD_CHAR = re.compile(r"[^\x00-\x7f](?<=\w)")
# An apostrophe not between two word characters; opening with the apostrophe itself lets the
# engine jump from one apostrophe to the next.
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?!\w)|(?<!\w'))")


def _tokens(text: str) -> list[str]:
    """The tokens of ``text`` as written."""
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)


def _lowercase_tokens(text: str) -> tuple[list[str], list[str] | None]:
    """The tokens of ``text`` lower-cased with straight apostrophes, and the tokens as written
    when they were needed on the way (None otherwise: only month names need them).

    Most news sentences have only ASCII word characters (curly quotes and dashes are no word
    characters) and apostrophes only inside words ("Trump's"); their tokens are the runs of
    word characters and apostrophes, which a byte translation finds several times faster than
    the token pattern. Any other text is tokenised by the pattern.
    """
    straight = text.replace("’", "'")  # the token pattern treats both apostrophes alike
    if (straight.isascii() or not _NON_ASCII_WORD_CHAR.search(straight)) and not (
        "'" in straight and _LOOSE_APOSTROPHE.search(straight)
    ):
        return straight.encode().translate(_LOWER_WORDS).decode().split(), None
    tokens = _TOKEN.findall(text)
    return (" ".join(tokens).lower().replace("’", "'").split(" ") if tokens else []), tokens


# A capitalised word right after a space that follows a word character or a comma: whatever
# else the sentence holds, such a word is a name unless it is one of _NOT_NAMES.
_NAME_AFTER_WORD = re.compile(r"\s(?<=[\w,;)\]%]\s)\s*([A-ZÁÉÍÓÚÑÜ][\w'’.-]*)")


def _has_named(text: str) -> bool:
    """A capitalised word that does not open a sentence or a quotation, or an acronym.

    Most sentences name someone mid-sentence ("... said President Obama"), which one search
    finds; the others go through every capitalised word, and only those without a name pay
    for the acronym search.
    """
    for match in _NAME_AFTER_WORD.finditer(text):
        if match.group(1).lower().replace("’", "'").rstrip(".") not in _NOT_NAMES:
            return True
    for match in _CAPITALISED_WORD.finditer(text):
        start = match.start()
        if start and text[start - 1].isalnum():
            continue  # inside a word: "McDonald"
        i = start - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i < 0:
            continue  # it opens the text
        mark = text[i]
        closing_quote = mark in "\"'" and i > 0 and not text[i - 1].isspace()  # '"...," Sheinbaum said'
        if (closing_quote or mark not in _OPENERS) and (
            match.group().lower().replace("’", "'").rstrip(".") not in _NOT_NAMES
        ):
            return True
    return _HAS_ACRONYM.search(text) is not None


def _is_question(text: str) -> bool:
    return text.rstrip(" \"'”’»)]").endswith("?")


def _is_caption(text: str) -> bool:
    if text[:_CAPTION_START_CHARS].lower().startswith(_CAPTION_START):
        return True
    for marker in _CAPTION_TEXT:
        if marker in text:
            return True
    return "/" in text and _CREDIT.search(text) is not None


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (``\\d``): ten substring searches are far cheaper
    than testing every character with a regular expression, which only non-ASCII text needs."""
    for digit in _ASCII_DIGITS:
        if digit in text:
            return True
    return not text.isascii() and _NON_ASCII_DIGIT.search(text) is not None


def _is_year(token: str) -> bool:
    digits = token[:-1] if token.endswith("s") else token
    return len(digits) == 4 and digits.isdecimal() and digits.isascii() and 1500 <= int(digits) <= 2099


def _dates_and_numbers(
    text: str, tokens: list[str] | None, low: list[str], bits: int, lex: Lexicon
) -> tuple[bool, bool]:
    """Whether the tokens of ``text`` hold a date, and a number that is not part of a date.

    ``low`` are the lowercase tokens and ``bits`` what their words and pairs tell; ``tokens``
    (as written) are needed only when a word may be a month, which ``MONTH_CUE`` says.
    Every digit of ``text`` lies in one of its tokens, so ``text`` itself is searched for one.
    """
    has_number = bool(bits & NUMBER_CUE)
    months = tokens if bits & MONTH_CUE else None
    has_date = bool(bits & DATE_CUE) or (months is not None and not lex.months.isdisjoint(months))
    if not _has_digit(text):
        return has_date, has_number
    last = len(low) - 1
    for i, word in enumerate(low):
        if not word[0].isdigit():
            continue
        if _is_year(word):
            has_date = True
        elif len(word) <= 2 and months is not None and (
            (i and months[i - 1] in lex.months)
            or (i < last and months[i + 1] in lex.months)
            or (i + 1 < last and low[i + 1] == "de" and months[i + 2] in lex.months)
        ):
            has_date = True  # "April 2", "2 April", "3 de mayo"
        else:
            has_number = True
    return has_date, has_number


def _has_comparison(joined: str, low: list[str], bits: int, lex: Lexicon) -> bool:
    """``joined`` is the lowercase tokens ``low`` joined by single spaces."""
    if bits & COMPARISON_CUE:
        return True
    if lex is ENGLISH_LEXICON:
        if "than" in low and _ER_THAN.search(joined):
            return True
        # Every superlative match ends in "est": the substring test spares most sentences the scan.
        return "est" in joined and any(m.group() not in _NOT_SUPERLATIVE for m in _SUPERLATIVE.finditer(joined))
    return _ES_COMPARISON.search(joined) is not None


_ER_THAN = re.compile(r"er than\b")  # "bigger than"
_SUPERLATIVE = re.compile(r"\b\w{3,}est\b")  # "biggest", "safest"
_ES = vocabulary("es")
_ES_COMPARISON = re.compile(
    rf"\b(?:{'|'.join(_ES.COMPARISON_STEMS)})|{alternation(_ES.SUPERLATIVE_SUFFIXES)}\b"
)
_NOT_SUPERLATIVE = frozenset(vocabulary("en").NOT_SUPERLATIVES)


def score_sentence(text: str, language: str = "en") -> Score:
    """How check-worthy ``text`` is, in [0, 1], with the reasons that moved the score.

    The value is the learned model's probability (factcheck.analysis.claim_model). The reasons
    are the word-list signals found in the sentence -- figures, dates, names, comparisons,
    attributed or quoted statements; against: questions, photo credits, opinions, fragments --
    and the sentence's own words that weighed most for it.
    """
    return _score(text, language_or_default(language))[0]


def score_and_speaker(text: str, language: str = "en") -> tuple[Score, str | None]:
    """``score_sentence`` and ``find_speaker`` of one sentence, tokenising it once.

    Most sentences have no speech verb; the scorer's words tell so, and the speaker search,
    whose regular expressions cost as much as the whole score, then does not run at all.
    """
    lang = language_or_default(language)
    score, may_attribute = _score(text, lang)
    return score, (find_speaker(text, lang) if may_attribute else None)


def word_list_score(text: str, language: str = "en") -> Score:
    """The hand-weighted score of the word-list signals alone: the floor the model is measured
    against (tests/benchmarks/test_checkworthy_map.py)."""
    reasons, tokens, _ = signals(text, language_or_default(language))
    return Score(_value(reasons, min(tokens, 60)), reasons)


def words_reason(words: list[str]) -> str:
    """The reason that names the words of a sentence that weighed most: 'the words "percent", "billion"'."""
    return ("the word " if len(words) == 1 else "the words ") + ", ".join(f'"{w}"' for w in words)


def scores_and_speakers(texts: list[str], language: str = "en") -> list[tuple[Score, str | None]]:
    """``score_and_speaker`` of many sentences (an article's), the model scoring them in one batch:
    numpy's cost per call is paid once, not once per sentence."""
    lang = language_or_default(language)
    found = [signals(text, lang) for text in texts]
    scores = _scores(texts, found, lang)
    return [(score, find_speaker(text, lang) if attributes else None)
            for text, score, (_, _, attributes) in zip(texts, scores, found, strict=True)]


def _score(text: str, lang: str) -> tuple[Score, bool]:
    """The score of ``text``, and False when it certainly holds no speech verb (see find_speaker)."""
    found = signals(text, lang)
    return _scores([text], [found], lang)[0], found[2]


def _scores(texts: list[str], found: list[tuple[list[str], int, bool]], lang: str) -> list[Score]:
    """The model's scores of ``texts``, whose word-list signals are ``found``."""
    if not texts:
        return []
    scored = claim_model.model(lang).score_many(texts, [f[0] for f in found], [f[1] for f in found])
    result = []
    for (reasons, _, _), value, words in zip(found, scored.probabilities.tolist(), scored.words, strict=True):
        if CAPTION in reasons:
            # The training transcripts hold no photo credits, so the model cannot know them: a
            # caption is never proposed, whatever its words.
            value = min(value, CAPTION_CAP)
        result.append(Score(round(value, 6), [*reasons, words_reason(words)] if words else reasons))
    return result


# The highest score a caption or credit line can get: well under the threshold.
CAPTION_CAP = PROPOSE_THRESHOLD / 4


def signals(text: str, lang: str) -> tuple[list[str], int, bool]:
    """The word-list reasons of ``text``, its token count, and False when it certainly holds no
    speech verb. ``lang`` is a supported code. The model reads these as features."""
    lex, index = LEXICONS[lang], INDEXES[lang]
    text = text.strip()
    url_removed = "://" in text or "www." in text
    if url_removed:  # a link's digits and letters are no figure or name
        text = _URL.sub(" ", text).strip()
    low, tokens = _lowercase_tokens(text)
    joined = " ".join(low)
    bits = cue_bits(low, joined, index)
    if bits & MONTH_CUE and tokens is None:
        tokens = _tokens(text)
    reasons: list[str] = []

    has_date, has_number = _dates_and_numbers(text, tokens, low, bits, lex)
    if has_number or "%" in text or "$" in text or "€" in text or "£" in text or "¥" in text:
        reasons.append(NUMBER)
    if has_date:
        reasons.append(DATE)
    if _has_named(text):
        reasons.append(NAMED)
    if _has_comparison(joined, low, bits, lex):
        reasons.append(COMPARISON)
    if bits & SAY_CUE:
        reasons.append(ATTRIBUTION)
    if ('"' in text or "“" in text or "«" in text) and _QUOTE.search(text):  # how every match opens
        reasons.append(QUOTE)
    if _is_question(text):
        reasons.append(QUESTION)
    if _is_caption(text):
        reasons.append(CAPTION)
    if len(low) < _MIN_WORDS:
        reasons.append(TOO_SHORT)
    if bits & TOPIC_CUE:
        reasons.append(TOPIC)
    if bits & ACTION_CUE:
        reasons.append(ACTION)
    if bits & OPINION_CUE:
        reasons.append(OPINION)
    if bits & HEDGE_CUE:
        reasons.append(SPECULATION)

    return reasons, len(low), url_removed or may_attribute(text, bits, lang)


def _value(reasons: list[str], length: int) -> float:
    """The word-list score of a sentence of ``length`` tokens (at most 60 count) with these reasons."""
    logit = _BIAS + sum(_WEIGHTS[r] for r in reasons) + _LENGTH_WEIGHT * math.log1p(length / 10)
    return round(1.0 / (1.0 + math.exp(-logit)), 4)
