"""What the words of a sentence mean to the claim scorer, in English and Spanish.

The scorer (factcheck.analysis.claims) looks words up rather than running large regular expressions.
This module holds what it looks up: the word lists and word pairs of each language (months,
number words, speech verbs, policy topics, ...) and, built from them once at import, a
per-language index that tells in one lookup what a word means to every rule, as a set of cue
bits. It also holds the speech verbs that factcheck.analysis.speaker searches for, because the index
marks them too: that lets the scorer tell, for free, which sentences cannot name a speaker.

The lists are data, kept apart from the rules so that either can be read and changed alone.
"""

from __future__ import annotations

from dataclasses import dataclass


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
_SPEECH_CUE = 1 << 10  # a word that find_speaker's speech-verb search needs (see speaker._may_attribute)


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


# Speech verbs, each a whole word, as find_speaker looks for them (factcheck.analysis.speaker builds its
# patterns from these lists).
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
# A lowercase word that every match of a language's speech-verb pattern contains whole.
_SPEECH_CUES = {
    "en": frozenset(_SAY_EN_WORDS) | {"according"},
    "es": frozenset(_SAY_ES_WORDS) | frozenset(_SAY_ES_PARTICIPLES),
}

# Each language's index, built once at import; it marks the speech verbs too.
_INDEXES = {lang: _index(lex, _SPEECH_CUES[lang]) for lang, lex in _LEXICONS.items()}


def _lang(language: str | None) -> str:
    """The lexicon's language code for ``language``: "es" for any Spanish code, else "en"."""
    return "es" if (language or "en").lower().startswith("es") else "en"
