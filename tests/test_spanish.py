"""Spanish end to end: language found, sentences, claim reasons, speakers and dates, and a Spanish
web page imported with its claims proposed and its dates resolved. Every sentence here was
written for these tests in the style of news reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.analysis.claims import score_and_speaker
from factcheck.analysis.language import detect_language
from factcheck.claims import PROPOSE_THRESHOLD, score_sentence
from factcheck.dates import find_dates
from factcheck.store import Store
from factcheck.text import split_sentences

SATURDAY = dt.date(2025, 5, 3)  # the article's date: a Saturday

NUMBER, DATE, PERSON = "a number or statistic", "a date", "a named person or body"
COMPARISON, ATTRIBUTION, QUOTE = "a superlative or comparison", "an attribution (said / according to)", \
    "a quoted statement"


def test_language_is_detected_from_the_text():
    assert detect_language("El gobierno anunció el lunes que subirá el salario mínimo un 12 % a partir de enero.") \
        == "es"
    assert detect_language("The government said on Monday that it will raise the minimum wage in January.") == "en"
    assert detect_language("¿Cuántos años tenía?") == "es"


def test_sentences_split_at_spanish_punctuation_and_keep_abbreviations():
    text = ("La alcaldesa, la Sra. Ruiz, dijo que la obra costó 4,5 millones de euros. ¿Quién la pagará? "
            "«No lo sabemos todavía», respondió el concejal. ¡Es una vergüenza!")
    assert [s.text for s in split_sentences(text, "es")] == [
        "La alcaldesa, la Sra. Ruiz, dijo que la obra costó 4,5 millones de euros.",
        "¿Quién la pagará?",
        "«No lo sabemos todavía», respondió el concejal.",
        "¡Es una vergüenza!",
    ]


@pytest.mark.parametrize("sentence, reasons", [
    ("El desempleo bajó al 8,2 % en marzo, según el Instituto Nacional de Estadística.",
     {NUMBER, DATE, PERSON, ATTRIBUTION}),
    ("\"Este año hemos creado más empleo que nunca en la historia\", dijo la ministra Elena Prieto.",
     {COMPARISON, ATTRIBUTION, QUOTE}),
    ("La inflación de abril fue la más alta de los últimos treinta años, afirmó el Banco de España.",
     {COMPARISON, ATTRIBUTION, PERSON, DATE}),
    ("Según la Fiscalía, los cárteles movieron 300 toneladas de cocaína el año pasado.",
     {NUMBER, DATE, ATTRIBUTION, PERSON}),
    ("«Cuatro de cada diez migrantes detenidos en la frontera venían de Honduras», aseguró Sheinbaum.",
     {QUOTE, ATTRIBUTION}),
])
def test_check_worthy_spanish_sentences_give_their_reasons(sentence, reasons):
    score = score_sentence(sentence, language="es")
    assert reasons <= set(score.reasons), score.reasons
    assert score.value >= PROPOSE_THRESHOLD


@pytest.mark.parametrize("sentence", [
    "¿Qué opinan ustedes de todo esto?",
    "Gracias a todos por venir esta tarde.",
    "Foto: Agencia EFE",
])
def test_questions_thanks_and_captions_are_not_proposed(sentence):
    assert score_sentence(sentence, language="es").value < PROPOSE_THRESHOLD


@pytest.mark.parametrize("sentence, speaker", [
    ("La soberanía de México no se negocia, dijo Sheinbaum.", "Sheinbaum"),
    ("El muro costará más de 20.000 millones de dólares, afirmó Marcelo Ebrard.", "Ebrard"),
    ("Según la Secretaría de Salud, hubo 1.200 casos nuevos.", "Secretaría de Salud"),
    ("Pedro Sánchez aseguró que la economía crecerá un 2 % este año.", "Sánchez"),
    ("Según el Gabinete de Seguridad, hubo 300 detenidos.", "Gabinete de Seguridad"),
    ("El alcalde ha anunciado que cerrará el puente en junio.", None),
])
def test_the_speaker_is_the_surname_or_the_body_named_with_the_verb(sentence, speaker):
    assert score_and_speaker(sentence, "es")[1] == speaker


@pytest.mark.parametrize("phrase, value, granularity", [
    ("el sábado", "2025-05-03", "day"),
    ("el 19 de febrero", "2025-02-19", "day"),
    ("en enero", "2025-01", "month"),
    ("ayer", "2025-05-02", "day"),
    ("el mes pasado", "2025-04", "month"),
    ("hace dos semanas", "2025-04-19", "day"),
    ("el 2 de abril de 2025", "2025-04-02", "day"),
    ("el martes pasado", "2025-04-29", "day"),
    ("el año pasado", "2024", "year"),
    ("el sabado", "2025-05-03", "day"),  # written without its accent
])
def test_spanish_dates_resolve_against_the_article_date(phrase, value, granularity):
    sentence = f"La reunión con los gobernadores se celebró {phrase} en Palacio Nacional."
    [mention] = find_dates(sentence, SATURDAY, language="es")
    assert (mention.value, mention.granularity) == (value, granularity)
    assert phrase.endswith(mention.text)


def test_a_future_date_in_spanish_is_read_forward():
    [mention] = find_dates("El Congreso votará la reforma el jueves.", SATURDAY, language="es")
    assert mention.value == "2025-05-08"


SPANISH_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Sheinbaum rechaza el envío de tropas estadounidenses | Diario del Norte</title>
<meta property="og:title" content="Sheinbaum rechaza el envío de tropas estadounidenses">
<meta property="og:site_name" content="Diario del Norte">
<meta name="author" content="Lucía Fernández">
<meta property="article:published_time" content="2025-05-03">
</head><body><nav><a href="/">Portada</a> <a href="/nacional">Nacional</a> <a href="/deportes">Deportes</a></nav>
<article><h1>Sheinbaum rechaza el envío de tropas estadounidenses</h1>
<p>La presidenta Claudia Sheinbaum dijo el sábado que rechazó la propuesta de enviar tropas de Estados
Unidos a México para combatir a los cárteles de la droga.</p>
<p>«La soberanía no se vende, se ama y se defiende», afirmó Sheinbaum en un acto en Texcoco, donde
recordó que la conversación con su homólogo tuvo lugar el 19 de febrero.</p>
<p>Según el Gabinete de Seguridad, las autoridades mexicanas detuvieron a más de 3.000 personas
vinculadas con el tráfico de fentanilo desde enero, la cifra más alta de los últimos seis años.</p>
<p>La semana pasada, el Departamento de Estado había advertido de que los cárteles controlan rutas
en la frontera; hace dos semanas, Washington impuso nuevos aranceles del 25 %.</p>
</article><footer>© 2025 Diario del Norte. Todos los derechos reservados.</footer></body></html>"""


def test_a_spanish_page_without_a_language_label_is_imported_as_spanish(tmp_path: Path, store: Store):
    page = tmp_path / "sheinbaum.html"
    page.write_text(SPANISH_PAGE, encoding="utf-8")
    report = store.import_paths([page])
    assert not report.failed, report.failed
    article_id = report.imported[0][1].article_id
    article = store.article(article_id)
    assert article is not None
    assert (article.language, article.outlet, article.author) == ("es", "Diario del Norte", "Lucía Fernández")
    assert article.title == "Sheinbaum rechaza el envío de tropas estadounidenses"
    body = store.article_text(article_id).body
    assert "Portada" not in body and "derechos reservados" not in body
    assert "«La soberanía no se vende, se ama y se defiende»" in body
    claims = store.claims(article_id, proposed_only=True)
    assert {c.speaker for c in claims} >= {"Sheinbaum", "Gabinete de Seguridad"}
    dates = {d.text: d.value for c in store.claims(article_id) for d in c.dates}
    assert dates["sábado"] == "2025-05-03"
    assert dates["19 de febrero"] == "2025-02-19"
    assert dates["hace dos semanas"] == "2025-04-19"
    # Search ignores accents both ways.
    assert [r.claim_id for r in store.search("sabado")] == [r.claim_id for r in store.search("sábado")] != []
    assert store.search("soberania")
