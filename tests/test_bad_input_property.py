"""Property tests on what reads arbitrary text: the sentence splitter, the date finder, the importer.
Whatever the text, they keep their promises, and the importer raises nothing but its own error."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.dates import find_dates
from factcheck.errors import IngestError
from factcheck.importing import reading
from factcheck.text import split_sentences

# Pieces of real article text, so random text often has sentences, dates and headers in it.
PIECES = ["The mayor said", "40", "troops", ".", "!", "?", "…", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0",
          "\u200b", "\ufeff", "U.S.", "Dr.", "3 May 2025", "May", "2025", "on Saturday", "yesterday", "last month",
          "el sábado", "ayer", "de marzo de 2025", "31/12/9999", "0001-01-01", "9999", "\"", "'", "(", ")", "—",
          "---", "title:", "published: 2025-05-03", "url: https://apnews.com/a", "#", "ñ", "مرحبا", "🪖", "\x1b[31m",
          "\x00"]
TEXT = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
# What only the importer meets: a lone surrogate (a file name's undecodable bytes, text pasted from elsewhere).
RAW_TEXT = st.one_of(TEXT, st.lists(st.sampled_from([*PIECES, "\udcff"]), max_size=40).map("".join))
REFERENCES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
ISO = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"), "year": re.compile(r"\d{4}")}
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=TEXT, language=st.sampled_from(["en", "es"]))
def test_sentences_lie_in_the_text_in_order_without_overlap_and_cover_every_visible_character(
        text: str, language: str) -> None:
    spans = split_sentences(text, language)
    covered = set()
    end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= end  # in order, never overlapping
        assert text[span.start:span.end] == span.text
        covered.update(range(span.start, span.end))
        end = span.end
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


@FAST
@given(text=TEXT, reference=REFERENCES, language=st.sampled_from(["en", "es"]))
def test_the_date_finder_never_raises_and_gives_valid_iso_dates_of_their_granularity(
        text: str, reference: dt.date | None, language: str) -> None:
    end = 0
    for mention in find_dates(text, reference, language):
        assert mention.start >= end and text[mention.start:mention.end] == mention.text
        end = mention.end
        assert mention.granularity in ISO
        if mention.value is not None:
            assert ISO[mention.granularity].fullmatch(mention.value), mention
            if mention.granularity == "day":
                dt.date.fromisoformat(mention.value)
            elif mention.granularity == "month":
                assert 1 <= int(mention.value[5:]) <= 12


@FAST
@given(text=RAW_TEXT, title=st.one_of(st.none(), st.text(max_size=40)), url=st.one_of(st.none(), st.text(max_size=40)),
       published=st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["0001-01-01", "9999-12-31", "2025"])))
def test_the_importer_raises_nothing_but_its_own_error(text: str, title: str | None, url: str | None,
                                                       published: str | None) -> None:
    try:
        article = reading.from_text(text, title=title, url=url, published=published)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert article.body.strip() and article.title == article.title.strip()
    assert not re.search(r"[\x00-\x1f\x7f]", article.title + article.outlet + article.author + article.url)


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md"]))
def test_the_importer_reads_any_bytes_into_an_article_or_its_own_error(tmp_path_factory, data: bytes,  # noqa: ANN001
                                                                       suffix: str) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"article{suffix}"
    path.write_bytes(data)
    try:
        article = reading.read_file(path)
    except IngestError:
        return
    assert "\x00" not in article.body and article.body.strip()
