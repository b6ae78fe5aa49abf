"""Ingest: real files on disk in, `ArticleInput` or a clear `IngestError` out."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from factcheck.importing import reading as ingest
from factcheck.importing.reading import (
    IngestError,
    detect_language,
    from_text,
    parse_published,
    read_file,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"

EN_PARAGRAPH = (
    "Mexican President Claudia Sheinbaum said on Saturday that the U.S. president had proposed "
    "to send American troops to Mexico, but she refused. Her remarks were in response to an "
    "article published the day before."
)
ES_PARAGRAPH = (
    "La presidenta de México, Claudia Sheinbaum, dijo el sábado que el presidente de Estados "
    "Unidos le propuso enviar tropas a México para combatir el narcotráfico, pero que ella lo "
    "rechazó. ¿Qué le dije? La soberanía no se vende."
)


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def expect_error(path: Path, *words: str) -> str:
    with pytest.raises(IngestError) as info:
        read_file(path)
    message = str(info.value)
    assert path.name in message
    for word in words:
        assert word in message.lower()
    return message


# --- front matter, overrides, body ----------------------------------------------------------

def test_front_matter_is_parsed_and_body_kept_exactly(tmp_path):
    body = "First line.\r\n\r\n  Indented second paragraph.  \n\n"
    text = ("---\nTitle: A title\nOUTLET: AP\nurl: https://apnews.com/x\nauthor: 'Ana P.'\n"
            "date: 2025-05-03\nlanguage: en\nsection: world\n---\n" + body)
    article = read_file(write(tmp_path, "a.txt", text))
    assert article.body == body
    assert (article.title, article.outlet, article.url, article.author) == (
        "A title", "AP", "https://apnews.com/x", "Ana P.")
    assert article.published == datetime.date(2025, 5, 3)
    assert article.language == "en"
    assert article.origin == str(tmp_path / "a.txt")


def test_crlf_front_matter_drops_exactly_one_line_ending(tmp_path):
    text = "---\r\ntitle: T\r\n---\r\n\r\nBody.\r\n"
    assert read_file(write(tmp_path, "a.txt", text)).body == "\r\nBody.\r\n"


def test_overrides_beat_header_and_empty_override_does_not(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Header\noutlet: AP\npublished: 2025-05-03\n"
                                   "language: es\n---\nThe body.\n")
    article = read_file(path, title="Override", outlet="", published="2025-06-01 10:30",
                        url="http://example.org/a", language="en")
    assert article.title == "Override"
    assert article.outlet == "AP"
    assert article.published == datetime.datetime(2025, 6, 1, 10, 30)
    assert article.url == "http://example.org/a"
    assert article.language == "en"
    assert read_file(path, language="auto").language == "es"  # auto does not override a header
    assert read_file(path, published=datetime.date(2024, 1, 2)).published == datetime.date(2024, 1, 2)


def test_no_front_matter_means_everything_is_body(tmp_path):
    text = "---\nthis is a rule, not a header\n---\nText.\n"
    article = read_file(write(tmp_path, "a.md", text))
    assert article.body == text
    assert article.title == "this is a rule, not a header"  # a rule is no title


def test_title_falls_back_to_markdown_heading_then_first_line(tmp_path):
    md = read_file(write(tmp_path, "a.md", "\n# The Heading #\n\nText of the article.\n"))
    assert md.title == "The Heading"
    assert md.body == "\n# The Heading #\n\nText of the article.\n"
    long_line = "word " * 60
    txt = read_file(write(tmp_path, "b.txt", long_line + "\nMore.\n"))
    assert txt.title.endswith("…") and len(txt.title) <= ingest.TITLE_MAX_CHARS + 1
    assert long_line.startswith(txt.title[:-1])


def test_from_text_pasted():
    article = from_text("\ufeffSome pasted text about the economy.\n")
    assert article.origin == "pasted"
    assert article.body == "Some pasted text about the economy.\n"
    with pytest.raises(IngestError, match="pasted text is empty"):
        from_text("  \n ")


def test_header_without_body_is_refused(tmp_path):
    expect_error(write(tmp_path, "only-header.txt", "---\ntitle: T\n---\n\n"), "no article text")


# --- encodings -------------------------------------------------------------------------------

def test_utf8_bom_is_dropped(tmp_path):
    article = read_file(write(tmp_path, "bom.txt", b"\xef\xbb\xbf---\ntitle: Pe\xc3\xb1a\n---\nBody\n"))
    assert article.title == "Peña"
    assert article.body == "Body\n"


def test_utf16_with_bom(tmp_path):
    article = read_file(write(tmp_path, "u16.txt", "Peña said “yes”.\n", "utf-16"))
    assert article.body == "Peña said “yes”.\n"


def test_cp1252_file(tmp_path):
    text = "Peña said “we will not accept it” — and left.\n"
    assert read_file(write(tmp_path, "w.txt", text, "cp1252")).body == text


def test_short_cp1252_file(tmp_path):
    assert read_file(write(tmp_path, "w.txt", "Peña\n", "cp1252")).body == "Peña\n"


def test_latin1_spanish_file(tmp_path):
    text = "El expresidente Peña Nieto dijo que la reunión en Cancún fue un éxito. ¿Qué pasó?\n"
    article = read_file(write(tmp_path, "es.txt", text, "latin-1"))
    assert article.body == text
    assert article.language == "es"


# --- errors ----------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    expect_error(tmp_path / "nope.txt", "does not exist")


def test_folder(tmp_path):
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    expect_error(folder, "is a folder", "files inside")


@pytest.mark.parametrize("name", ["report.pdf", "doc.docx", "page.css", "noext"])
def test_unsupported_suffix(tmp_path, name):
    message = expect_error(write(tmp_path, name, "text"), "import a text file")
    assert ".txt" in message and ".md" in message


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_unreadable(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", "text")
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            # Permissions do not bind root (CI runs as root): have the OS refuse the read instead.
            def refuse(self, *args, **kwargs):
                raise PermissionError(13, "Permission denied", str(self))

            monkeypatch.setattr(Path, "open", refuse)
        expect_error(path, "permission")
    finally:
        monkeypatch.undo()
        path.chmod(0o600)


def test_empty_and_whitespace_only(tmp_path):
    expect_error(write(tmp_path, "empty.txt", b""), "empty")
    expect_error(write(tmp_path, "blank.txt", " \n\t\r\n"), "empty")


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    message = expect_error(write(tmp_path, "big.txt", "x" * 101), "too large")
    assert "101 bytes" in message and "100 bytes" in message


@pytest.mark.parametrize("name, data", [
    ("fake.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("zeros.txt", b"\x00" * 4096),
    ("noise.txt", bytes(range(128, 256)) * 8),
    ("controls.txt", bytes(range(1, 9)) * 50 + b"some text"),
])
def test_binary(tmp_path, name, data):
    expect_error(write(tmp_path, name, data), "binary file, not text", "import .txt or .md")


def test_bad_url_in_header(tmp_path):
    expect_error(write(tmp_path, "u.txt", "---\nurl: javascript:alert(1)\n---\nBody\n"), "http")
    expect_error(write(tmp_path, "v.txt", "---\nurl: apnews.com/x\n---\nBody\n"), "url")


def test_bad_published_date(tmp_path):
    message = expect_error(write(tmp_path, "d.txt", "---\npublished: someday soon\n---\nBody\n"),
                           "published")
    assert "someday soon" in message


def test_unsupported_language(tmp_path):
    expect_error(write(tmp_path, "l.txt", "---\nlanguage: fr\n---\nBody\n"), "not supported")


# --- dates and language ----------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2025-05-03", datetime.date(2025, 5, 3)),
    ("3 May 2025", datetime.date(2025, 5, 3)),
    ("3 de mayo de 2025", datetime.date(2025, 5, 3)),
    ("2025-05-03 00:00", datetime.datetime(2025, 5, 3, 0, 0)),
    ("May 3, 2025 14:05", datetime.datetime(2025, 5, 3, 14, 5)),
])
def test_parse_published(value, expected):
    result = parse_published(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("value", ["junk", "", "May 2025", "3 May"])
def test_parse_published_refuses_junk_and_partial_dates(value):
    with pytest.raises(IngestError):
        parse_published(value)


@pytest.mark.parametrize("year", ["٢٠٢٥", "۲۰۲۵", "２０２５"])
def test_parse_published_reads_a_year_in_other_decimal_digits(year):
    # dateutil reads any decimal digits, as int() does; the analysis of the body never takes
    # them for a year (tests/test_analysis_robustness.py).
    assert parse_published(f"3 de mayo de {year}") == datetime.date(2025, 5, 3)
    assert parse_published(f"{year}-05-03") == datetime.date(2025, 5, 3)


def test_parse_published_refuses_a_year_in_superscripts():
    with pytest.raises(IngestError):
        parse_published("3 May ²⁰²⁵")


@pytest.mark.parametrize("value, expected", [
    ("lunes 5 de mayo de 2025", datetime.date(2025, 5, 5)),
    ("sabado, 3 de mayo del 2025", datetime.date(2025, 5, 3)),
    ("4 de setiembre de 2019", datetime.date(2019, 9, 4)),
    ("1 ene 2024", datetime.date(2024, 1, 1)),
    ("2 mar 2022", datetime.date(2022, 3, 2)),  # "mar" is marzo here, never martes
])
def test_parse_published_reads_spanish_month_and_day_names(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value, code", [
    ("es", "es"), ("ES", "es"), ("es-MX", "es"), ("es_ES", "es"), ("Spanish", "es"), ("español", "es"),
    ("en-US", "en"), ("English", "en"),
])
def test_language_labels_in_the_header(value, code):
    assert from_text(f"---\nlanguage: {value}\n---\nBody\n").language == code


def test_detect_language():
    assert detect_language(EN_PARAGRAPH) == "en"
    assert detect_language(ES_PARAGRAPH) == "es"
    assert from_text(ES_PARAGRAPH).language == "es"
    assert from_text(EN_PARAGRAPH, language="auto").language == "en"


# --- the seed article ------------------------------------------------------------------------

def test_seed_file():
    article = read_file(SEED)
    assert article.title
    assert article.outlet == "AP"
    assert article.published == datetime.date(2025, 5, 3)
    assert article.language == "en"
    assert article.body.startswith("Mexico City - Mexican President")
    assert SEED.read_text(encoding="utf-8").endswith(article.body)
