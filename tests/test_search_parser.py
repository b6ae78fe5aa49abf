"""The query language: a table of query -> tree, the canonical text, and every malformed query refused."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.errors import QueryError
from factcheck.search.parser import parse, to_text
from factcheck.search.query import EVERYTHING, And, Field, Group, Not, Or, Phrase, Term

T = Term

TREES = [
    ("", EVERYTHING),
    ("   ", EVERYTHING),
    ("tax", T("tax")),
    ("tax cut", And((T("tax"), T("cut")))),
    ("tax AND cut", And((T("tax"), T("cut")))),
    ('"tax cut"', Phrase("tax cut")),
    ('"tax   cut "', Phrase("tax cut")),
    ("-tax", Not(T("tax"))),
    ("tax OR levy", Or((T("tax"), T("levy")))),
    # OR binds tighter than the space between clauses
    ("verdict:disputed tax OR levy", And((Field("verdict", "disputed"), Or((T("tax"), T("levy")))))),
    ("(a b) OR c", Or((Group(And((T("a"), T("b")))), T("c")))),
    ("-(a OR b)", Not(Group(Or((T("a"), T("b")))))),
    ("-a OR b", Or((Not(T("a")), T("b")))),
    ("well-known", T("well-known")),
    ("U.S.", T("U.S.")),
    ("VERDICT:Verified", Field("verdict", "verified")),
    ("is:unreviewed", Field("is", "unreviewed")),
    ("-has:source", Not(Field("has", "source"))),
    ('outlet:"AP News"', Field("outlet", "AP News")),
    ("reviewer:ana", Field("reviewer", "ana")),
    ("speaker:Sheinbaum", Field("speaker", "Sheinbaum")),
    ("source:wsj.com", Field("source", "wsj.com")),
    ("source:https://www.WSJ.com/articles/x", Field("source", "www.wsj.com")),
    ("article:0012", Field("article", "12")),
    ("lang:ES", Field("lang", "es")),
    ("after:2025-03", Field("after", "2025-03", dt.date(2025, 3, 1))),
    ('before:"March 2025"', Field("before", "March 2025", dt.date(2025, 3, 1))),
    ('after:"3 May 2025"', Field("after", "3 May 2025", dt.date(2025, 5, 3))),
    ('published-after:"marzo de 2025"', Field("published-after", "marzo de 2025", dt.date(2025, 3, 1))),
    ("published-before:2025", Field("published-before", "2025", dt.date(2025, 1, 1))),
    # punctuation that is FTS5 syntax elsewhere is only punctuation here
    ("* ^ tax*", T("tax*")),
    ("NEAR(a b)", And((T("NEAR"), Group(And((T("a"), T("b"))))))),
    ("a OR *", T("a")),
    ("- tax", T("tax")),
    ("()", EVERYTHING),
    ('""', EVERYTHING),
    ("https://www.wsj.com/x", T("https://www.wsj.com/x")),
    ("12:30", T("12:30")),
]


@pytest.mark.parametrize(("query", "tree"), TREES, ids=[q or "empty" for q, _ in TREES])
def test_query_to_tree(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(("query", "tree"), TREES, ids=[q or "empty" for q, _ in TREES])
def test_the_canonical_text_parses_back_to_the_same_tree(query: str, tree: object) -> None:
    assert parse(to_text(parse(query))) == tree


@pytest.mark.parametrize(("query", "canonical"), [
    ("VERDICT:Verified   tax", "verdict:verified tax"),
    ('outlet:"AP News" -( a OR b )', 'outlet:"AP News" -(a OR b)'),
    ("source:https://www.wsj.com/x", "source:www.wsj.com"),
    ("* tax AND cut", "tax cut"),
])
def test_canonical_text(query: str, canonical: str) -> None:
    assert to_text(parse(query)) == canonical


ERRORS = [
    ('tax "cut', 4, "quote"),
    ('"', 0, "quote"),
    ('outlet:"AP', 7, "quote"),
    ("(tax", 0, "never closed"),
    ("a (b (c)", 2, "never closed"),
    ("NEAR(", 4, "never closed"),
    ("tax)", 3, "closes nothing"),
    ("colour:red", 0, 'no field "colour:"'),
    ("verdict:maybe", 8, "verified, disputed or unclear"),
    ("is:great", 3, "unreviewed"),
    ("has:rationale", 4, "source"),
    ("article:twelve", 8, "article number"),
    ("lang:english", 5, "language code"),
    ("source:not_a_domain", 7, "web domain"),
    ("after:someday", 6, "not one"),
    ('before:"32 May 2025"', 7, "not one"),
    ("verdict:", 0, "needs a value"),
    ("OR tax", 0, "before it"),
    ("tax OR", 4, "after it"),
    ("(tax OR)", 5, "after it"),
    ("x" * 10_000, 1000, "10,000 characters"),
    ("(" * 30 + "a" + ")" * 30, 20, "nested"),
]


@pytest.mark.parametrize(("query", "position", "words"), ERRORS, ids=[q[:20] for q, _, _ in ERRORS])
def test_a_malformed_query_names_the_problem_and_where_it_is(query: str, position: int, words: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse(query)
    assert raised.value.position == position
    assert words in str(raised.value)
