"""Verdict reports as a reader gets them: what HTML, Markdown and CSV say, for each scope, and that
an export which does not finish leaves no file behind."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.errors import ExportError, QueryError
from factcheck.store import Store
from tests.export_data import reviewed


@pytest.fixture
def desk(store: Store) -> dict[str, int]:
    return reviewed(store)


class Page(HTMLParser):
    """The HTML as a reader's browser builds it: the text of each element with a given class."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def export_text(store: Store, tmp_path: Path, fmt: str, **scope: object) -> str:
    target = tmp_path / f"report.{fmt}"
    store.export(fmt, target, **scope)  # type: ignore[arg-type]
    return target.read_text(encoding="utf-8")


def test_html_report_states_scope_counts_and_every_reviewed_claim(store: Store, desk, tmp_path: Path) -> None:
    page = Page(export_text(store, tmp_path, "html"))
    words = page.words
    assert "Scope: the whole database" in words
    assert "2 articles, 15 claims, 5 reviewed, 10 not reviewed; 2 verdicts without any source" in words
    assert "factcheck 0.1.0" in words
    # The breakdown as a chart (inline SVG, one bar per verdict) and as a table.
    assert [t for t, _ in page.tags].count("rect") == 4
    assert "✓ Verified 3 20%" in words and "✗ Disputed 1 7%" in words and "? Unclear 1 7%" in words
    # Per article, per claim: text, speaker, verdict badge, rationale, linked sources, reviewer.
    assert "Mexico's president says she rejected Trump's proposal to send U.S. troops" in words
    assert "Speaker: Sheinbaum" in words
    assert "The WSJ describes the call; the White House denies it." in words
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert "https://apnews.com/article/mexico-sheinbaum-trump-troops" in hrefs
    assert "https://cityherald.example/bags" in hrefs  # the article's own link
    assert "AP, accessed 2025-05-04" in words
    assert "Reviewed by ana" in words
    assert f"reused from claim {desk['reused_from']}" in words
    # The verdicts without a source are flagged, and every article after the first starts a page.
    assert words.count("No source backs this verdict") == 2  # the disputed and the unclear one
    breaks = [attrs for tag, attrs in page.tags if tag == "div" and "break" in (attrs.get("class") or "").split()]
    assert len(breaks) == 1
    # Self-contained: no script, no stylesheet or image fetched from elsewhere.
    assert not [t for t, a in page.tags if t in ("script", "link", "iframe") or (t == "img" and a.get("src"))]


def test_html_of_one_article_keeps_to_it(store: Store, desk, tmp_path: Path) -> None:
    words = Page(export_text(store, tmp_path, "html", article_id=desk["other"])).words
    assert "Scope: article 2, “Council bans plastic bags”" in words
    assert "1 article, 3 claims, 2 reviewed" in words
    assert "Council bans plastic bags" in words and "Sheinbaum" not in words


def test_a_search_report_names_its_query_and_keeps_its_ranking(store: Store, desk, tmp_path: Path) -> None:
    ids = store.search_ids("verdict:verified")
    words = Page(export_text(store, tmp_path, "html", query="verdict:verified")).words
    assert "Scope: the search “verdict:verified” (3 claims found)" in words
    assert "3 claims, 3 reviewed, 0 not reviewed" in words
    assert "○ Not reviewed claim" not in words  # only what the search found: no unreviewed claim
    positions = [words.index(f"claim {i} ") for i in ids if store.claim(i).article_id == desk["seed"]]
    assert positions == sorted(positions)


def test_chosen_claims_only(store: Store, desk, tmp_path: Path) -> None:
    text = export_text(store, tmp_path, "md", claim_ids=[desk["disputed"], desk["reused"]])
    assert "2 chosen claims" in text
    assert text.count("### ") == 2
    assert f"claim {desk['disputed']}" in text and f"claim {desk['reused']}" in text


def test_markdown_report_reads_as_the_html_does(store: Store, desk, tmp_path: Path) -> None:
    text = export_text(store, tmp_path, "md")
    assert text.startswith("# Verdict report\n")
    assert "**Scope:** the whole database" in text
    assert "| ✓ Verified | 3 | 20% |" in text
    assert "[Mexico's president says she rejected Trump's proposal](https://apnews.com/article/mexico-sheinbaum" \
           "-trump-troops) — AP, accessed 2025-05-04" in text
    assert "- **⚠ No source** backs this verdict." in text
    assert f"reused from claim {desk['reused_from']}" in text
    assert "## Council bans plastic bags" in text


def test_csv_has_one_row_per_claim_with_article_verdict_and_joined_sources(store: Store, desk, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(store, tmp_path, "csv"))))
    assert len(rows) == 15
    first = next(r for r in rows if int(r["claim_id"]) == desk["verified"])
    assert first["article_title"].startswith("Mexico's president") and first["outlet"] == "AP"
    assert first["verdict"] == "verified" and first["reviewer"] == "ana" and first["reviewed_at"].endswith("+00:00")
    assert first["source_count"] == "2"
    assert first["source_urls"] == "https://apnews.com/article/mexico-sheinbaum-trump-troops | https://www.gob.mx/presidencia"
    assert first["source_publishers"] == "AP | Presidencia"
    reused = next(r for r in rows if int(r["claim_id"]) == desk["reused"])
    assert reused["reused_from"] == str(desk["reused_from"])
    unreviewed = [r for r in rows if not r["verdict"]]
    assert len(unreviewed) == 10 and all(not r["reviewer"] for r in unreviewed)
    # "Mexico City - Mexican…" starts with M; a claim starting with "-" or "=" would be neutralised.
    assert not [c for r in rows for c in r.values() if c and c[0] in "=+-@\t\r"]


def test_to_a_stream_for_standard_output(store: Store, desk) -> None:
    out = io.StringIO()
    result = store.export("md", out, article_id=desk["seed"])
    assert result.path is None and result.claims == 12
    assert "## Mexico's president" in out.getvalue()


def test_cancel_leaves_no_file_and_no_temporary(store: Store, desk, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    seen: list[str] = []
    result = store.export("html", target, progress=lambda done, total, name: seen.append(name),
                          cancelled=lambda: len(seen) >= 1)
    assert result.cancelled
    assert list(tmp_path.iterdir()) == [tmp_path / "review.db"] or not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report")]
    assert not target.exists()


def test_a_failing_writer_keeps_the_old_file(store: Store, desk, tmp_path: Path) -> None:
    target = tmp_path / "report.jsonld"
    target.write_text("the report of yesterday", encoding="utf-8")
    with pytest.raises(ExportError, match="--publisher-url"):
        store.export("claimreview", target)
    assert target.read_text(encoding="utf-8") == "the report of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("review.db")) == ["report.jsonld"]


def test_bad_scopes_are_refused_with_the_way_out(store: Store, desk, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="There is no article 99. List them with: factcheck articles"):
        store.export("html", tmp_path / "a.html", article_id=99)
    with pytest.raises(QueryError):
        store.export("html", tmp_path / "a.html", query="verdict:maybe")
    with pytest.raises(ExportError, match="no export format 'docx'"):
        store.export("docx", tmp_path / "a.docx")
    with pytest.raises(ExportError, match="does not exist"):
        store.export("html", tmp_path / "missing" / "a.html")
    assert not list(tmp_path.glob("*.html"))
