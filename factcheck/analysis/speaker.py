"""Speaker attribution: who a sentence says made its statement ("Sheinbaum said" -> "Sheinbaum").

The search is separate from the claim score (factcheck.analysis.claims) because it is a job of its own
with its own patterns: speech verbs outside quotations, and the run of capitalised words before
or after them, cleaned of titles and openers down to a surname or a body's full name. Its
regular expressions cost as much as a whole score, so ``_may_attribute`` tells the scorer, from
the cue bits of the sentence's words (factcheck.analysis.claim_lexicon), when the search certainly finds
nothing and need not run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.analysis.claim_lexicon import (
    _SAY_EN_WORDS,
    _SAY_ES_PARTICIPLES,
    _SAY_ES_WORDS,
    _SPEECH_CUE,
    _lang,
)
from factcheck.analysis.sentences import word_alternation

# Written as prefix trees: the engine then tries a few branches per word instead of every verb.
_SAY_EN = word_alternation(_SAY_EN_WORDS) + "|[Aa]ccording\\s+to"
_SAY_ES = word_alternation(_SAY_ES_WORDS) + "|(?:ha|han|había|habían)\\s+" + word_alternation(_SAY_ES_PARTICIPLES)
_BEYOND_LATIN_1 = re.compile(r"[^\x00-\xff]")


def _may_attribute(text: str, bits: int, lang: str) -> bool:
    """False only when find_speaker's speech-verb search certainly finds nothing in ``text``.

    ``bits`` are the cues of the tokens of ``text``. A speech verb is a whole run of word
    characters, so its lowercase form is a token or a piece of one cut at its apostrophes,
    which ``claim_lexicon._cues`` marks with ``_SPEECH_CUE``. The Spanish search ignores case, which equals
    lower-casing for Latin-1 letters but not for a few others (dotless ı, long ſ, Kelvin K):
    a Spanish text with any character beyond Latin-1 is left to the search itself.
    """
    if bits & _SPEECH_CUE:
        return True
    return lang == "es" and _BEYOND_LATIN_1.search(text) is not None


_SPEECH_VERB = {
    "en": re.compile(rf"\b(?:{_SAY_EN})\b"),
    "es": re.compile(rf"(?<!\w)(?:{_SAY_ES})(?!\w)", re.IGNORECASE),
}
_NAME_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
_PARTICLE = r"(?:de|del|de\s+la|van|von|der|da|di|dos|das|bin|al|le|la|of|of\s+the|for)"
# A run of capitalised words, allowing lowercase name particles between them ("Bill de Blasio").
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})*")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|‘[^’]*’")
_QUOTE_OPENERS = "\"“«‘"  # every _QUOTED match opens with one of these
# Words between a name and its verb that do not break the attribution ("Trump also said").
_BETWEEN_EN = (
    r"(?:\s*,?\s+(?:also|then|later|again|has|had|have|once|previously|reportedly|recently"
    r"|further|has\s+also|had\s+also))*"
)
_BETWEEN_ES = r"(?:\s+(?:también|luego|después|ya|además|ha|había|le|les|lo|se))*"
_ORG_WORDS = frozenset(
    """house council department ministry ministerio academy command journal times post news
    agency office court congress senate party committee commission bureau police army
    university institute instituto association union gobierno government administration
    bank banco company corporation inc corp group foundation fundación organization
    organisation nations service services network center centre secretaría consejo
    comisión partido tribunal fiscalía policía ejército asociación universidad""".split()
)
# Capitalised words that cannot be a speaker on their own: pronouns, titles, sentence openers.
_NOT_SPEAKER = frozenset(
    """i he she we they it you this that these those there the a an but and or so then
    when while as if in on at after before also however yet still now here
    president mayor governor senator sen gov rep spokesman spokeswoman spokesperson
    minister secretary chairman chief officer official director mr mrs ms dr
    él ella ellos ellas nosotros usted ustedes esto eso este esta el la los las un una
    pero y o entonces cuando también ahora aquí según presidente presidenta ministro
    ministra portavoz secretario secretaria alcalde alcaldesa gobernador gobernadora
    sr sra dra monday tuesday wednesday thursday friday saturday sunday today yesterday
    lunes martes miércoles jueves viernes sábado domingo hoy ayer
    officials authorities experts critics sources residents witnesses analysts researchers
    scientists studies reports others many some both all everyone nobody someone people
    fuentes expertos autoridades vecinos testigos analistas todos""".split()
)
_BEFORE = {
    lang: re.compile(rf"({_NAME_RUN.pattern}){between}\s*,?\s*\Z")
    for lang, between in (("en", _BETWEEN_EN), ("es", _BETWEEN_ES))
}
_AFTER = re.compile(rf"\s*,?\s*(?:(?:the|el|la|los|las)\s+)?({_NAME_RUN.pattern})")
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
    lang = _lang(language)
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
        if not verb.group().lower().startswith(("according", "según")):  # "according to X" names X after
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
