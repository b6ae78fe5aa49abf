"""Spanish: every word the analysis knows of the language (see vocabulary.py for what each list is for)."""

# --- calendar ---------------------------------------------------------------------------------

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
MONTH_ABBREVIATIONS = {
    "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dic": 12,
}
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "domingo": 6}
# "mar" is also marzo: the front-matter reader leaves these out (see factcheck.importing.reading).
WEEKDAY_ABBREVIATIONS = {
    "lun": 0, "mar": 1, "mié": 2, "mie": 2, "jue": 3, "vie": 4, "sáb": 5, "sab": 5, "dom": 6,
}
# Written without the accent in headlines and tweets. The date finder and the front-matter
# reader take them; the claim scorer and the speaker search do not read them yet.
WEEKDAY_VARIANTS = {"miercoles": 2, "sabado": 5}
DATE_LINKS = ("de", "del")
NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
}

# --- the date finder --------------------------------------------------------------------------

RELATIVE_DAYS = {
    "hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antier": -2, "antes de ayer": -2,
    "pasado mañana": 2, "el día anterior": -1, "la víspera": -1,
}
# "mañana" is also "the morning" ("la mañana", "mañana del sábado").
GUARDED_RELATIVE_DAYS = ("mañana",)
DATE_MODIFIERS = {"pasado": "last", "próximo": "next", "proximo": "next", "este": "this"}
DATE_PREPOSITIONS = tuple(
    "en desde hasta para durante entre antes después despues principios comienzos inicios mediados"
    " finales fines año".split()
)
WEAK_DATE_PREPOSITIONS = tuple("de del y a al el".split())
# Any future tense ("reunirá", "votarán", "haremos"), and the periphrasis "va a".
FUTURE_MARKERS = (
    r"\w+(?:rá|rán|remos)", r"va\s+a", r"van\s+a", r"vamos\s+a", r"prevé", r"prevén", r"previst[oa]s?",
    r"programad[oa]s?", r"vence",
)
PAST_MARKERS = (r"\w+(?:ó|aron|ieron|ió)", r"fue", r"fueron", r"hubo", r"había", r"habían")
HABITUAL_WORDS = ("cada",)
AMOUNT_WORDS = tuple("unos unas casi más mas cerca aproximadamente".split())
YEAR_MODIFIERS: tuple[str, ...] = ()
DAY_MODIFIERS: tuple[str, ...] = ()
PERIOD_WORDS: tuple[str, ...] = ()
MORNING_WORDS = tuple("la esta una cada toda misma media otra esa aquella buena por".split())
TIMELESS_BEFORE: tuple[str, ...] = ()  # "la reunión de mañana" is tomorrow's meeting
SPOKEN_YEAR_NUMBERS: dict[str, int] = {}  # Spanish news writes years in figures
YEAR_PHRASES = {"año en curso": 0, "fin de año": 0, "finales de año": 0}
GUARDED_YEAR_PHRASES = ("fin de año", "finales de año")
YEAR_END_PREPOSITIONS = ("a", "para", "hasta", "de", "desde", "en", "antes")
WEEKDAY_ARTICLES = ("el", "del", "al")

# --- the claim scorer -------------------------------------------------------------------------

CLAIM_MONTH_ABBREVIATIONS: tuple[str, ...] = ()  # Spanish news copy writes months in full
# Lunes to viernes are their own plurals; the scorer does not read "sábados", "domingos" yet.
WEEKDAY_PLURALS: tuple[str, ...] = ()
TIME_WORDS = ("ayer", "anoche", "anteayer")
TIME_UNITS = tuple("día días semana semanas mes meses año años década décadas siglo siglos".split())
TIME_UNIT_BEFORE = tuple("último última últimos últimas próximo próxima próximos próximas".split())
TIME_UNIT_AFTER = tuple("pasado pasada pasados pasadas anterior anteriores".split())
QUANTITY_WORDS = tuple(
    "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento cientos mil miles"
    " millón millones billón billones docena docenas mitad doble triple mayoría promedio media tasa"
    " porcentaje".split()
)
COMPARISON_WORDS = tuple(
    "récord nunca jamás histórico histórica históricos históricas superior inferior único"
    " única únicos únicas primer primero primera redujo reducción incremento comparado"
    " comparada subió bajó cayó mayor menor mejor peor".split()
)
COMPARISON_PHRASES = (
    "más de", "más que", "menos de", "menos que", "más del", "menos del", "frente a", "sin precedentes",
    # The superlative is "el/la ... más alto": the adjective after "más" carries it.
    "más alto", "más alta", "más altos", "más altas", "más bajo", "más baja", "más bajos", "más bajas",
    "más grande", "más grandes", "más importante", "más importantes", "más caro", "más cara", "más rico",
    "más rica", "más pobre", "más pobres", "más violento", "más violenta", "más largo", "más larga",
)
COMPARISON_STEMS = ("aument", "crec", "duplic", "triplic", "disminu")
SUPERLATIVE_SUFFIXES = ("ísimo", "ísima", "ísimos", "ísimas")
NOT_SUPERLATIVES: tuple[str, ...] = ()
OPINION_WORDS = tuple("creo pienso opino espero quiero queremos deseo prometo debemos gracias ojalá".split())
OPINION_PHRASES = ("vamos a", "voy a", "tenemos que", "hay que", "mi juicio", "mi opinión")
TOPIC_WORDS = tuple(
    "impuesto impuestos iva empleo empleos paro desempleo economía económica económico"
    " salario salarios sueldo sueldos renta deuda déficit presupuesto presupuestos comercio"
    " aranceles delito delitos crimen crímenes asesinatos policía frontera fronteras"
    " inmigración inmigrantes migrantes refugiados sanidad salud seguro pensiones vivienda"
    " militar militares tropas guerra petróleo energía luz clima climático emisiones banco"
    " bancos terrorismo terroristas armas precio precios coste costes gasto financiación"
    " euros pib pobreza trabajadores industria acuerdo tratado ley leyes decreto tribunal"
    " votos votó votación elecciones drogas cárteles inflación".split()
)
ACTION_WORDS = tuple(
    "votó aprobó firmó rechazó prohibió recortó creó gastó pagó construyó ganó perdió"
    " nombró financió cerró vendió compró despidió contrató impuso envió lanzó".split()
)
HEDGE_WORDS = tuple("quizá quizás probablemente podría podrían debería deberían sería".split())
NOT_NAMES = tuple("yo él ella usted ustedes sr sra dra".split())
CAPTION_OPENINGS = ("foto:", "imagen:", "crédito:", "fuente:", "(foto")
CAPTION_MARKERS = ("Subtítulos", "Foto de ")

# --- attribution ------------------------------------------------------------------------------

SPEECH_VERBS = tuple(
    "dijo dice dicen dijeron afirmó afirma afirman afirmaron aseguró asegura aseguran"
    " aseguraron declaró declara declararon señaló señala señalaron explicó explica"
    " indicó indica manifestó sostuvo sostiene añadió agregó advirtió advierte denunció"
    " denuncia subrayó recalcó insistió apuntó reconoció admitió anunció anuncia confirmó"
    " negó niega criticó destacó".split()
)
SPEAKER_ONLY_SPEECH_VERBS: tuple[str, ...] = ()
SOURCE_PHRASES = ("según",)
SPEECH_AUXILIARIES = ("ha", "han", "había", "habían")
SPEECH_PARTICIPLES = tuple(
    "dicho afirmado asegurado declarado señalado anunciado denunciado reconocido".split()
)
# The claim scorer has not counted it as attribution: moving it up would raise some scores.
SPEAKER_ONLY_PARTICIPLES = ("explicado",)
BETWEEN_NAME_AND_VERB = ("también", "luego", "después", "ya", "además", "ha", "había", "le", "les", "lo", "se")
ORGANISATION_WORDS = tuple(
    "ministerio instituto gobierno banco fundación secretaría consejo comisión partido tribunal"
    " fiscalía policía ejército asociación universidad gabinete departamento congreso senado cámara"
    " agencia oficina organización guardia sindicato confederación observatorio".split()
)
NOT_SPEAKERS = tuple(
    "él ella ellos ellas nosotros usted ustedes esto eso este esta el la los las un una"
    " pero y o entonces cuando también ahora aquí según presidente presidenta ministro"
    " ministra portavoz secretario secretaria alcalde alcaldesa gobernador gobernadora"
    " sr sra dra hoy ayer fuentes expertos autoridades vecinos testigos analistas todos".split()
)
DEFINITE_ARTICLES = ("el", "la", "los", "las")

# --- the language detector --------------------------------------------------------------------

# Words spelt the same in English ("a", "no", "me") are left out: they would vote for both.
FUNCTION_WORDS = tuple(
    "el la de que y en los las del se por un una con su para es al lo como más pero sus le ya fue"
    " este ha sí porque esta son entre está cuando muy sin sobre también dijo hay fueron según".split()
)
DISTINCTIVE_CHARACTERS = ("¿", "¡", "ñ")
