"""Claim proposal: how check-worthy a sentence is, and why.

The score is rule based on purpose: it runs on every sentence of every imported article, so it
must cost microseconds, work offline in English and Spanish, and explain itself. Each rule that
fires adds its weight to a log-odds total and its reason to the list the reviewer sees ("a
number or statistic", "a question", ...); the total is squashed into [0, 1] with a logistic
curve, so the value also orders sentences sensibly below and above the threshold.

Rules look words up rather than running large regular expressions: the sentence is tokenised
once, each distinct word is looked up once in a per-language index that tells every rule what
the word means to it, and character tests use substring searches, which are far cheaper than a
regular expression tried at every character. Import calls ``score_and_speaker``, which skips
the speaker search for the many sentences whose words hold no speech verb. A sentence costs
some ten to twenty microseconds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.text import word_alternation

# Sentences scoring at or above this are proposed as claims.
PROPOSE_THRESHOLD = 0.5


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

# Log-odds weights. The bias puts a plain sentence below the threshold; a figure alone lifts it
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


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _pairs(pairs: str) -> frozenset[tuple[str, str]]:
    """``"more_than in_history"`` -> {("more", "than"), ("in", "history")}."""
    return frozenset(tuple(p.split("_", 1)) for p in pairs.split())  # type: ignore[misc]


def _around(units: str, before: str, after: str) -> frozenset[tuple[str, str]]:
    """Word pairs of a time unit with a word before it ("last month") or after it ("years ago")."""
    return frozenset(
        [(b, u) for b in before.split() for u in units.split()]
        + [(u, a) for u in units.split() for a in after.split()]
    )


@dataclass(frozen=True)
class _Lexicon:
    """The word lists of one language, lowercase unless said otherwise."""

    months: frozenset[str]  # compared with the token as written (English months are capitalised)
    date_words: frozenset[str]  # days of the week, "yesterday"
    date_pairs: frozenset[tuple[str, str]]  # "last month", "years ago", "meses pasados"
    number_words: frozenset[str]
    comparison_words: frozenset[str]
    comparison_pairs: frozenset[tuple[str, str]]
    say_words: frozenset[str]
    say_pairs: frozenset[tuple[str, str]]
    opinion_words: frozenset[str]
    opinion_pairs: frozenset[tuple[str, str]]
    topic_words: frozenset[str]
    action_words: frozenset[str]
    hedge_words: frozenset[str]


_EN = _Lexicon(
    months=_set(
        "January February March April May June July August September October November December"
        " Jan Feb Aug Sept Sep Oct Nov Dec"
    ),
    date_words=_set(
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays"
        " thursdays fridays saturdays sundays yesterday tonight"
    ),
    date_pairs=_around(
        "day days week weeks month months year years decade decades century centuries",
        before="last next this past previous coming recent few",
        after="ago",
    ),
    number_words=_set(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty"
        " ninety hundred hundreds thousand thousands million millions billion billions trillion"
        " trillions dozen dozens percent percentage half twice double doubled triple tripled"
        " quadrupled majority average rate"
    ),
    comparison_words=_set(
        "most least best worst record ever unprecedented only first increase increased increases"
        " increasing decrease decreased decreases decreasing rose risen rising fell fallen grew"
        " grown growing doubled tripled dropped decline declined declines soared surged plunged"
        " jumped higher lower compared"
    ),
    comparison_pairs=_pairs("more_than less_than fewer_than rather_than in_history as_many as_much all_time"),
    say_words=_set(
        "said says told tells added stated announced claimed claims argued insisted noted wrote"
        " tweeted explained warned declared asserted acknowledged admitted testified reported"
        " confirmed denied stressed maintained contended"
    ),
    say_pairs=_pairs("according_to"),
    opinion_words=_set("will i'll we'll you'll they'll gonna let's please"),
    opinion_pairs=_pairs(
        "i_think i_believe i_feel i_hope i_want i_wish i_guess i_mean i_suppose i_promise"
        " we_should we_must we_need we_want we_have going_to thank_you believe_me my_opinion"
        " my_view let_me let_us"
    ),
    topic_words=_set(
        "tax taxes job jobs economy economic unemployment wage wages income incomes debt deficit"
        " budget trade tariff tariffs crime crimes murder murders police border borders"
        " immigration immigrants illegal refugees health healthcare insurance medicare medicaid"
        " obamacare nuclear military troops war oil energy coal climate emissions bank banks"
        " isis terror terrorism terrorist terrorists gun guns price prices cost costs spending"
        " funding dollars gdp poverty workers manufacturing deal deals agreement treaty law laws"
        " bill legislation court vote votes voted voting election elections drugs cartels"
        " pension pensions housing inflation"
    ),
    action_words=_set(
        "voted supported opposed signed passed approved vetoed hired fired built created lost"
        " killed spent paid raised cut gave sent founded invaded banned won elected appointed"
        " endorsed funded launched imposed sold bought designated"
    ),
    hedge_words=_set("maybe perhaps probably might could would should"),
)

_ES = _Lexicon(
    months=_set(
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre"
        " diciembre Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Setiembre Octubre"
        " Noviembre Diciembre"
    ),
    date_words=_set("lunes martes miércoles jueves viernes sábado domingo ayer anoche anteayer"),
    date_pairs=_around(
        "día días semana semanas mes meses año años década décadas siglo siglos",
        before="último última últimos últimas próximo próxima próximos próximas",
        after="pasado pasada pasados pasadas anterior anteriores",
    ),
    number_words=_set(
        "dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta cuarenta"
        " cincuenta sesenta setenta ochenta noventa cien ciento cientos mil miles millón millones"
        " billón billones docena docenas mitad doble triple mayoría promedio media tasa"
        " porcentaje"
    ),
    comparison_words=_set(
        "récord nunca jamás histórico histórica históricos históricas superior inferior único"
        " única únicos únicas primer primero primera redujo reducción incremento comparado"
        " comparada subió bajó cayó mayor menor mejor peor"
    ),
    comparison_pairs=_pairs("más_de más_que menos_de menos_que más_del menos_del frente_a sin_precedentes"),
    say_words=_set(
        "dijo dice dicen dijeron afirmó afirma afirman afirmaron aseguró asegura aseguran"
        " aseguraron declaró declara declararon señaló señala señalaron explicó explica indicó"
        " indica manifestó sostuvo sostiene añadió agregó advirtió advierte denunció denuncia"
        " subrayó recalcó insistió apuntó reconoció admitió anunció anuncia confirmó negó niega"
        " criticó destacó según dicho afirmado asegurado declarado señalado anunciado"
        " denunciado reconocido"
    ),
    say_pairs=frozenset(),
    opinion_words=_set(
        "creo pienso opino espero quiero queremos deseo prometo debemos gracias ojalá"
    ),
    opinion_pairs=_pairs("vamos_a voy_a tenemos_que hay_que mi_juicio mi_opinión"),
    topic_words=_set(
        "impuesto impuestos iva empleo empleos paro desempleo economía económica económico"
        " salario salarios sueldo sueldos renta deuda déficit presupuesto presupuestos comercio"
        " aranceles delito delitos crimen crímenes asesinatos policía frontera fronteras"
        " inmigración inmigrantes migrantes refugiados sanidad salud seguro pensiones vivienda"
        " militar militares tropas guerra petróleo energía luz clima climático emisiones banco"
        " bancos terrorismo terroristas armas precio precios coste costes gasto financiación"
        " euros pib pobreza trabajadores industria acuerdo tratado ley leyes decreto tribunal"
        " votos votó votación elecciones drogas cárteles inflación"
    ),
    action_words=_set(
        "votó aprobó firmó rechazó prohibió recortó creó gastó pagó construyó ganó perdió"
        " nombró financió cerró vendió compró despidió contrató impuso envió lanzó"
    ),
    hedge_words=_set("quizá quizás probablemente podría podrían debería deberían sería"),
)
_LEXICONS = {"en": _EN, "es": _ES}

# What a word or a word pair tells the rules that look words up. The scorer looks each
# distinct word of a sentence up once and collects these bits, instead of one set operation per
# rule and word list.
_DATE_CUE = 1 << 0
_NUMBER_CUE = 1 << 1
_COMPARISON_CUE = 1 << 2
_SAY_CUE = 1 << 3
_OPINION_CUE = 1 << 4
_TOPIC_CUE = 1 << 5
_ACTION_CUE = 1 << 6
_HEDGE_CUE = 1 << 7
_MONTH_CUE = 1 << 8  # the lowercase form of a month name; the token as written decides
_PAIR_START = 1 << 9  # the first word of a pair in one of the pair lists
_SPEECH_CUE = 1 << 10  # a word that find_speaker's speech-verb search needs (see _may_attribute)


@dataclass(frozen=True)
class _Index:
    """A lexicon by word: each word's bits, and the bits of the pairs a word starts."""

    vocabulary: frozenset[str]  # every word with bits, to intersect with a sentence's words
    word_bits: dict[str, int]
    pair_starts: frozenset[str]
    pair_bits: dict[str, dict[str, int]]  # first word -> second word -> bits


def _index(lex: _Lexicon, speech_cues: frozenset[str]) -> _Index:
    word_bits: dict[str, int] = {}
    pair_bits: dict[str, dict[str, int]] = {}

    def mark(table: dict[str, int], word: str, bit: int) -> None:
        table[word] = table.get(word, 0) | bit

    for bit, words in (
        (_DATE_CUE, lex.date_words),
        (_NUMBER_CUE, lex.number_words),
        (_COMPARISON_CUE, lex.comparison_words),
        (_SAY_CUE, lex.say_words),
        (_OPINION_CUE, lex.opinion_words),
        (_TOPIC_CUE, lex.topic_words),
        (_ACTION_CUE, lex.action_words),
        (_HEDGE_CUE, lex.hedge_words),
        (_MONTH_CUE, frozenset(month.lower() for month in lex.months)),
        (_SPEECH_CUE, speech_cues),
    ):
        for word in words:
            mark(word_bits, word, bit)
    for bit, pairs in (
        (_DATE_CUE, lex.date_pairs),
        (_COMPARISON_CUE, lex.comparison_pairs),
        (_SAY_CUE, lex.say_pairs),
        (_OPINION_CUE, lex.opinion_pairs),
    ):
        for first, second in pairs:
            mark(word_bits, first, _PAIR_START)
            mark(word_bits, second, 0)  # in the vocabulary, so that a sentence's hits show it
            mark(pair_bits.setdefault(first, {}), second, bit)
    return _Index(frozenset(word_bits), word_bits, frozenset(pair_bits), pair_bits)


def _cues(low: list[str], joined: str, index: _Index) -> int:
    """The bits of the lowercase tokens ``low`` (joined by spaces in ``joined``) and their pairs."""
    hits = index.vocabulary.intersection(low)
    word_bits = index.word_bits
    bits = 0
    for word in hits:
        bits |= word_bits[word]
    if bits & _PAIR_START:
        last = len(low) - 1
        for first in index.pair_starts.intersection(hits):
            seconds = index.pair_bits[first]
            if seconds.keys().isdisjoint(hits):
                continue  # no word that would complete a pair: no need to find where they stand
            i = -1
            for _ in range(low.count(first)):
                i = low.index(first, i + 1)
                if i < last:
                    bits |= seconds.get(low[i + 1], 0)
    if "'" in joined:  # a speech verb is a whole run of word characters: "o'said" holds one
        for word in low:
            if "'" in word:
                for run in word.split("'"):
                    bits |= word_bits.get(run, 0) & _SPEECH_CUE
    return bits


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
_CAPTION_START = (
    "photo:", "foto:", "image:", "imagen:", "credit:", "crédito:", "fuente:", "file photo", "(photo", "(foto",
)
# Lower-casing maps every character to one or more characters, so the lower-cased opening of
# this many characters decides ``startswith`` as the whole lower-cased text would.
_CAPTION_START_CHARS = max(map(len, _CAPTION_START))
_CAPTION_TEXT = ("Getty Images", "Closed subtitles", "Closed captions", "Subtítulos", "Photo by ", "Foto de ")
_CAPITALISED_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b")
# Finds a match of _ACRONYM wherever _ACRONYM.search would: "\b" before a capital means no word
# character before it, which the lookbehind checks once the capital is read. Opening with a
# character class lets the engine skip to capitals instead of testing a boundary everywhere.
_HAS_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])(?:\.[A-Z]\.|[A-Z]+\b)")
# Capitalised words that say nothing about a named person or body.
_NOT_NAMES = _set("i i'm i've i'd i'll ok okay mr mrs ms dr sir madam god yo él ella usted ustedes sr sra dra")
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


def _contains_any(text: str, needles: Iterable[str]) -> bool:
    """Whether any of ``needles`` occurs in ``text``: a few substring searches beat one regex."""
    for needle in needles:
        if needle in text:
            return True
    return False


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
    text: str, tokens: list[str] | None, low: list[str], bits: int, lex: _Lexicon
) -> tuple[bool, bool]:
    """Whether the tokens of ``text`` hold a date, and a number that is not part of a date.

    ``low`` are the lowercase tokens and ``bits`` what their words and pairs tell; ``tokens``
    (as written) are needed only when a word may be a month, which ``_MONTH_CUE`` says.
    Every digit of ``text`` lies in one of its tokens, so ``text`` itself is searched for one.
    """
    has_number = bool(bits & _NUMBER_CUE)
    months = tokens if bits & _MONTH_CUE else None
    has_date = bool(bits & _DATE_CUE) or (months is not None and not lex.months.isdisjoint(months))
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


def _has_comparison(joined: str, low: list[str], bits: int, lex: _Lexicon) -> bool:
    """``joined`` is the lowercase tokens ``low`` joined by single spaces."""
    if bits & _COMPARISON_CUE:
        return True
    if lex is _EN:
        if "than" in low and _ER_THAN.search(joined):
            return True
        # Every superlative match ends in "est": the substring test spares most sentences the scan.
        return "est" in joined and any(m.group() not in _NOT_SUPERLATIVE for m in _SUPERLATIVE.finditer(joined))
    return _ES_COMPARISON.search(joined) is not None


_ER_THAN = re.compile(r"er than\b")  # "bigger than"
_SUPERLATIVE = re.compile(r"\b\w{3,}est\b")  # "biggest", "safest"
_ES_COMPARISON = re.compile(r"\b(?:aument|crec|duplic|triplic|disminu)|ísim[oa]s?\b")


_NOT_SUPERLATIVE = _set(
    "interest request protest forest honest suggest arrest invest contest digest priest manifest"
    " harvest modest conquest inquest behest unrest earnest southwest northwest midwest everest"
    " tempest ingest congest divest bequest"
)


def _lang(language: str | None) -> str:
    return "es" if (language or "en").lower().startswith("es") else "en"


def score_sentence(text: str, language: str = "en") -> Score:
    """How check-worthy ``text`` is, in [0, 1], with the reasons that moved the score.

    Positive signals are the things a fact-checker can verify: figures, dates, names,
    comparisons, attributed or quoted statements. Questions, photo credits, opinions or
    promises, and fragments of a few words are pushed down. Longer sentences get a small lift
    because they more often carry a checkable statement, which also orders equally flagged
    sentences.
    """
    return _score(text, _lang(language))[0]


def score_and_speaker(text: str, language: str = "en") -> tuple[Score, str | None]:
    """``score_sentence`` and ``find_speaker`` of one sentence, tokenising it once.

    Most sentences have no speech verb; the scorer's words tell so, and the speaker search,
    whose regular expressions cost as much as the whole score, then does not run at all.
    """
    lang = _lang(language)
    score, may_attribute = _score(text, lang)
    return score, (find_speaker(text, lang) if may_attribute else None)


def _score(text: str, lang: str) -> tuple[Score, bool]:
    """The score of ``text``, and False when it certainly holds no speech verb (see find_speaker)."""
    lex, index = _LEXICONS[lang], _INDEXES[lang]
    text = text.strip()
    url_removed = "://" in text or "www." in text
    if url_removed:  # a link's digits and letters are no figure or name
        text = _URL.sub(" ", text).strip()
    low, tokens = _lowercase_tokens(text)
    joined = " ".join(low)
    bits = _cues(low, joined, index)
    if bits & _MONTH_CUE and tokens is None:
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
    if bits & _SAY_CUE:
        reasons.append(ATTRIBUTION)
    if ('"' in text or "“" in text or "«" in text) and _QUOTE.search(text):  # how every match opens
        reasons.append(QUOTE)
    if _is_question(text):
        reasons.append(QUESTION)
    if _is_caption(text):
        reasons.append(CAPTION)
    if len(low) < _MIN_WORDS:
        reasons.append(TOO_SHORT)
    if bits & _TOPIC_CUE:
        reasons.append(TOPIC)
    if bits & _ACTION_CUE:
        reasons.append(ACTION)
    if bits & _OPINION_CUE:
        reasons.append(OPINION)
    if bits & _HEDGE_CUE:
        reasons.append(SPECULATION)

    key = (min(len(low), 60), *reasons)
    value = _VALUES.get(key)
    if value is None:
        value = _VALUES[key] = _value(reasons, key[0])
    return Score(value, reasons), url_removed or _may_attribute(text, bits, lang)


def _value(reasons: list[str], length: int) -> float:
    """The score of a sentence of ``length`` tokens (at most 60 count) with these reasons."""
    logit = _BIAS + sum(_WEIGHTS[r] for r in reasons) + _LENGTH_WEIGHT * math.log1p(length / 10)
    return round(1.0 / (1.0 + math.exp(-logit)), 4)


# The score depends only on the token count and the reasons, which repeat across sentences:
# each combination is computed once (a few thousand at most in practice).
_VALUES: dict[tuple[int | str, ...], float] = {}


# Speech verbs, each a whole word, as find_speaker looks for them.
_SAY_EN_WORDS = (
    "said says say told tells added adds stated states announced announces claimed claims"
    " argued argues insisted insists noted notes wrote writes tweeted tweets explained"
    " explains warned warns declared declares asserted asserts acknowledged acknowledges"
    " admitted admits testified testifies reported reports confirmed confirms denied denies"
    " stressed stresses maintained maintains contended contends"
).split()
_SAY_ES_WORDS = (
    "dijo dice dicen dijeron afirmó afirma afirman afirmaron aseguró asegura aseguran"
    " aseguraron declaró declara declararon señaló señala señalaron explicó explica"
    " indicó indica manifestó sostuvo sostiene añadió agregó advirtió advierte denunció"
    " denuncia subrayó recalcó insistió apuntó reconoció admitió anunció anuncia confirmó"
    " negó niega criticó destacó según"
).split()
# Spanish participles, attributing after "ha", "han", "había" or "habían".
_SAY_ES_PARTICIPLES = (
    "dicho afirmado asegurado declarado señalado explicado anunciado denunciado reconocido"
).split()
# Written as prefix trees: the engine then tries a few branches per word instead of every verb.
_SAY_EN = word_alternation(_SAY_EN_WORDS) + "|[Aa]ccording\\s+to"
_SAY_ES = word_alternation(_SAY_ES_WORDS) + "|(?:ha|han|había|habían)\\s+" + word_alternation(_SAY_ES_PARTICIPLES)
# A lowercase word that every match of a language's speech-verb pattern contains whole.
_SPEECH_CUES = {
    "en": frozenset(_SAY_EN_WORDS) | {"according"},
    "es": frozenset(_SAY_ES_WORDS) | frozenset(_SAY_ES_PARTICIPLES),
}
_BEYOND_LATIN_1 = re.compile(r"[^\x00-\xff]")


def _may_attribute(text: str, bits: int, lang: str) -> bool:
    """False only when find_speaker's speech-verb search certainly finds nothing in ``text``.

    ``bits`` are the cues of the tokens of ``text``. A speech verb is a whole run of word
    characters, so its lowercase form is a token or a piece of one cut at its apostrophes,
    which ``_cues`` marks with ``_SPEECH_CUE``. The Spanish search ignores case, which equals
    lower-casing for Latin-1 letters but not for a few others (dotless ı, long ſ, Kelvin K):
    a Spanish text with any character beyond Latin-1 is left to the search itself.
    """
    if bits & _SPEECH_CUE:
        return True
    return lang == "es" and _BEYOND_LATIN_1.search(text) is not None


_INDEXES = {lang: _index(lex, _SPEECH_CUES[lang]) for lang, lex in _LEXICONS.items()}


# --- speakers -------------------------------------------------------------------------------

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
