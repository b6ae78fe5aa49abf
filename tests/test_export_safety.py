"""Nothing from an article, a claim, a rationale or a source can become markup, script, a live link
or a spreadsheet formula in a report, whatever the format."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.store import EXPORT_FORMATS, Store
from tests.export_data import hostile

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Elements(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert_html(text: str) -> None:
    page = Elements(text)
    tags = [tag for tag, _ in page.elements]
    assert "script" not in tags and "iframe" not in tags and "object" not in tags and "embed" not in tags
    assert "img" not in tags  # the report makes none of its own; one here would be the article's
    for tag, attrs in page.elements:
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name, value)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcset"):
                assert value and re.match(r"https?://", value), (tag, name, value)
            if value and name.lower() == "style":
                assert "url(" not in value and "expression" not in value
    # The hostile text is there, shown as text, not dropped.
    shown = "".join(page.text)
    assert "<script>alert(\"body\")</script>" in shown
    assert "<img src=x onerror=alert(1)>" in shown
    assert "javascript:alert(4)" in shown


@pytest.fixture
def reports(store: Store, tmp_path: Path) -> dict[str, str]:
    hostile(store)
    out = {}
    for fmt in EXPORT_FORMATS:
        target = tmp_path / f"report.{fmt}"
        store.export(fmt, target, publisher_url="https://desk.example/", publisher_name="<script>x</script>")
        out[fmt] = target.read_text(encoding="utf-8")
    return out


def test_html_has_no_script_no_event_attribute_and_only_web_links(reports: dict[str, str]) -> None:
    assert_inert_html(reports["html"])
    # Even the source address with quotes in it stays one attribute value.
    assert 'href="https://evil.example/s?q=&quot;&gt;&lt;img/src=x/onerror=alert(3)&gt;"' in reports["html"]


def test_markdown_has_no_raw_html_and_only_web_links(reports: dict[str, str]) -> None:
    text = reports["md"]
    # Every < and > from the database is backslash-escaped, so no renderer passes it on as HTML.
    assert not re.search(r"(?<!\\)[<>]", text.replace("\n> ", "\n").replace("\n>", "\n"))
    targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", text)
    assert targets and all(re.match(r"https?://", t) for t in targets)
    assert "\\<script\\>alert" in text
    assert "](javascript:" not in text


def test_csv_cells_cannot_run_as_formulas(reports: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(reports["csv"])))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells  # the outlet, kept as text
    assert "'=1+1 <script>alert('rationale')</script>" in cells
    assert any(c.startswith("'=SUM(A1:A9)+cmd|") for c in cells)  # a sentence that began with a formula


def test_json_and_claimreview_keep_markup_out_even_pasted_into_a_page(reports: dict[str, str]) -> None:
    for fmt in ("json", "claimreview"):
        text = reports[fmt]
        assert "<" not in text and ">" not in text  # written as \u003c, \u003e
        data = json.loads(text)
        assert "<script>" in json.dumps(data, ensure_ascii=False)  # the text itself is intact
    reviews = json.loads(reports["claimreview"])["@graph"]
    assert reviews
    for review in reviews:
        assert review["url"].startswith("https://desk.example/")
        assert review["itemReviewed"]["appearance"]["url"].startswith("https://evil.example/")
