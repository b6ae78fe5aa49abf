"""Speaker attribution: who a sentence says made its statement ("Sheinbaum said" -> "Sheinbaum").

The search is separate from the claim score (factcheck.analysis.claims) because it is a job of its own
with its own patterns: speech verbs outside quotations, and the run of capitalised words before
or after them, cleaned of titles and openers down to a surname or a body's full name. Its words
(speech verbs, titles, organisation words) come from the language files
(factcheck.analysis.languages). Its regular expressions cost as much as a whole score, so
``may_attribute`` tells the scorer, from the cue bits of the sentence's words
(factcheck.analysis.claim_lexicon), when the search certainly finds nothing and need not run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.analysis.alternation import alternation
from factcheck.analysis.claim_lexicon import SPEECH_CUE
from factcheck.analysis.languages import SUPPORTED_LANGUAGES, language_or_default, vocabulary

if TYPE_CHECKING:
    from factcheck.analysis.languages.vocabulary import Vocabulary


def _speech(lang: Vocabulary, *, ignore_case: bool = False) -> str:
    """The speech verbs of ``lang`` as one pattern: verbs, source phrases, auxiliary and participle.

    A source phrase often opens a sentence ("According to the FBI, ..."), a verb follows its
    name, so only the phrases are matched capitalised too (unless the pattern ignores case).
    Every match contains whole one of the words claim_lexicon._speech_cues lists.
    """
    sources = [
        form
        for phrase in lang.SOURCE_PHRASES
        for form in ((phrase,) if ignore_case else (phrase, phrase[:1].upper() + phrase[1:]))
    ]
    pattern = alternation([*lang.SPEECH_VERBS, *lang.SPEAKER_ONLY_SPEECH_VERBS, *sources])
    participles = [*lang.SPEECH_PARTICIPLES, *lang.SPEAKER_ONLY_PARTICIPLES]
    if participles:
        pattern += f"|(?:{'|'.join(lang.SPEECH_AUXILIARIES)})\\s+{alternation(participles)}"
    return pattern


def _phrase(words: str) -> str:
    """A phrase of the language files as a regex: its words apart by any whitespace."""
    return words.replace(" ", r"\s+")


_LANGUAGES = {code: vocabulary(code) for code in SUPPORTED_LANGUAGES}
_BEYOND_LATIN_1 = re.compile(r"[^\x00-\xff]")


def may_attribute(text: str, bits: int, lang: str) -> bool:
    """False only when find_speaker's speech-verb search certainly finds nothing in ``text``.

    ``bits`` are the cues of the tokens of ``text``. A speech verb is a whole run of word
    characters, so its lowercase form is a token or a piece of one cut at its apostrophes,
    which ``claim_lexicon.cue_bits`` marks with ``SPEECH_CUE``. The Spanish search ignores case, which equals
    lower-casing for Latin-1 letters but not for a few others (dotless ı, long ſ, Kelvin K):
    a Spanish text with any character beyond Latin-1 is left to the search itself.
    """
    if bits & SPEECH_CUE:
        return True
    return lang == "es" and _BEYOND_LATIN_1.search(text) is not None


_SPEECH_VERB = {
    "en": re.compile(rf"\b(?:{_speech(_LANGUAGES['en'])})\b"),
    "es": re.compile(rf"(?<!\w)(?:{_speech(_LANGUAGES['es'], ignore_case=True)})(?!\w)", re.IGNORECASE),
}
_NAME_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
_PARTICLE = r"(?:de|del|de\s+la|van|von|der|da|di|dos|das|bin|al|le|la|of|of\s+the|for)"
# A run of capitalised words, allowing lowercase name particles between them ("Bill de Blasio").
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})*")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|‘[^’]*’")
_QUOTE_OPENERS = "\"“«‘"  # every _QUOTED match opens with one of these
# Words between a name and its verb that do not break the attribution ("Trump also said"), and
# how they are set off from the name ("Trump, again, said" in English).
_BETWEEN_SEPARATOR = {"en": r"\s*,?\s+", "es": r"\s+"}
_BETWEEN = {
    code: rf"(?:{_BETWEEN_SEPARATOR[code]}(?:{'|'.join(map(_phrase, lang.BETWEEN_NAME_AND_VERB))}))*"
    for code, lang in _LANGUAGES.items()
}
# The words of every language count in any article (an English article quotes a Spanish
# "Ministerio"): a name with an organisation word is a body named in full; the other words
# cannot be a speaker on their own (pronouns, titles, sentence openers, weekdays).
_ORG_WORDS = frozenset(word for lang in _LANGUAGES.values() for word in lang.ORGANISATION_WORDS)
_NOT_SPEAKER = frozenset(
    word
    for lang in _LANGUAGES.values()
    for word in (*lang.NOT_SPEAKERS, *(day.lower() for day in lang.WEEKDAYS))
)
_BEFORE = {code: re.compile(rf"({_NAME_RUN.pattern}){_BETWEEN[code]}\s*,?\s*\Z") for code in _LANGUAGES}
_ARTICLES = "|".join(article for lang in _LANGUAGES.values() for article in lang.DEFINITE_ARTICLES)
_AFTER = re.compile(rf"\s*,?\s*(?:(?:{_ARTICLES})\s+)?({_NAME_RUN.pattern})")
# How a match of a source phrase opens: the speaker is named after it.
_SOURCES = tuple(phrase.split(" ")[0] for lang in _LANGUAGES.values() for phrase in lang.SOURCE_PHRASES)
# How far before its verb a speaker's name and title can start.
_HEAD_CHARS = 150
# An acronym ("FBI", "U.S."): a name made of acronyms alone is a body, named in full.
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b")


def _contains_any(text: str, needles: Iterable[str]) -> bool:
    """Whether any of ``needles`` occurs in ``text``: a few substring searches beat one regex."""
    for needle in needles:
        if needle in text:
            return True
    return False


def _mask_quotes(text: str) -> str:
    """Blank out quoted passages so a verb inside a quotation is not taken as attribution."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _clean_name(run: str) -> str | None:
    """Drop leading openers and titles, then name the person by surname or the body in full."""
    words = run.split()
    # Lower-casing the run lower-cases each word alike: whitespace has no case and ends the
    # context of the one context-dependent rule (a final sigma).
    keys = [word.rstrip(".,") for word in run.lower().split()]
    first = 0
    while first < len(keys) and keys[first] in _NOT_SPEAKER:
        first += 1
    if first == len(words):
        return None
    if first:
        words, keys = words[first:], keys[first:]
    if not _ORG_WORDS.isdisjoint(keys) or (
        _ACRONYM.fullmatch(words[0].rstrip(",")) and all(_ACRONYM.fullmatch(w.rstrip(",")) for w in words)
    ):
        return " ".join(words).rstrip(".,")
    if "of" in words or "for" in words:  # "Nancy Pelosi of California": the name ends before "of"
        words = words[: min(words.index(w) for w in ("of", "for") if w in words)]
    if not words or words[-1].endswith(("’s", "'s")):  # "Sheinbaum's stance said" is no attribution
        return None
    surname = [words[-1].rstrip(".,")]
    for w in reversed(words[:-1]):  # keep lowercase particles with the surname: "de Blasio"
        if w[0].islower():
            surname.insert(0, w)
        else:
            break
    return " ".join(surname)


def find_speaker(text: str, language: str = "en") -> str | None:
    """The person or body a sentence attributes its statement to ("Sheinbaum said" -> "Sheinbaum").

    Rule: find a speech verb outside quotation marks ("said", "told", "according to"; Spanish
    "dijo", "afirmó", "según", ...), then take the run of capitalised words right before it
    ("Claudia Sheinbaum said") or, failing that, right after it ("said Grace Park",
    "according to the FBI"). A person is named by surname, the last word of the name with any
    particle ("Mexican President Claudia Sheinbaum" -> "Sheinbaum", "Bill de Blasio" ->
    "de Blasio"), because later references in news copy use the surname, so both the first
    and later mentions give the same speaker. A body is named in full ("National Security
    Council", "FBI"). Pronouns, titles alone and common nouns ("the statement said") give None.
    """
    lang = language_or_default(language)
    verbs = _SPEECH_VERB[lang]
    masked = _mask_quotes(text) if _contains_any(text, _QUOTE_OPENERS) else text
    checked = masked is text
    for verb in verbs.finditer(masked):
        if not checked:
            # A verb that masking left untouched stands in ``text`` as well. One it made up by
            # blanking a quotation between "according" and "to" counts only when ``text`` has
            # a speech verb of its own.
            if text[verb.start() : verb.end()] != verb.group() and not verbs.search(text):
                return None
            checked = True
        if not verb.group().lower().startswith(_SOURCES):  # "according to X" names X after
            head = masked[max(0, verb.start() - _HEAD_CHARS) : verb.start()]
            before = _BEFORE[lang].search(head)
            if before:
                name = _clean_name(before.group(1))
                if name:
                    return name
        after = _AFTER.match(masked, verb.end())
        if after:
            name = _clean_name(after.group(1))
            if name:
                return name
    return None
