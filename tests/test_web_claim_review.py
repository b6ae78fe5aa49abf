"""A fact-check page's own verdicts (Schema.org ClaimReview in JSON-LD) become reviewed claims the
similar-claims lookup finds later. The pages are written for these tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.importing import reading
from factcheck.importing.claim_review import verdict_for
from factcheck.store import Store

CLAIM = "Riverton's new parking fee is the highest in the state at ten dollars an hour."
SECOND_CLAIM = "The Mill River bridge was closed to all traffic in March."


def review(claim: str, rating: dict, url: str = "https://checks.example.org/2025/parking-fee") -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim, "url": url,
            "datePublished": "2025-04-20", "author": {"@type": "Organization", "name": "Valley Fact Check"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A council candidate"}},
            "reviewRating": rating}


def fact_check_page(*blocks: object) -> str:
    scripts = "\n".join(f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks)
    return f"""<html lang="en"><head><title>Is Riverton's parking the priciest in the state?</title>
<meta property="og:site_name" content="Valley Fact Check">{scripts}</head><body><article>
<h1>Is Riverton's parking the priciest in the state?</h1>
<p>A council candidate said on Monday that Riverton's new parking fee is the highest in the state.</p>
<p>The fee rose from two dollars to three dollars an hour in April, according to the council's own
minutes. Three other cities in the state charge four dollars or more an hour for parking downtown.</p>
<p>The claim is false: Riverton's fee is three dollars, not ten, and it is not the highest.</p>
</article></body></html>"""


def import_page(store: Store, tmp_path: Path, html: str, name: str = "check.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    report = store.import_paths([path])
    assert not report.failed, report.failed
    return report.imported[0][1]


def test_a_published_verdict_becomes_a_reviewed_claim_with_its_source(tmp_path, store: Store):
    result = import_page(store, tmp_path, fact_check_page(
        review(CLAIM, {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                       "alternateName": "False"})))
    reviewed = [c for c in store.claims(result.article_id) if c.verdict]
    assert len(reviewed) == 1
    claim = reviewed[0]
    assert claim.text == CLAIM and claim.verdict == "disputed"
    assert claim.reviewer == "Valley Fact Check"
    assert "False" in (claim.rationale or "")
    assert [s.url for s in claim.sources] == ["https://checks.example.org/2025/parking-fee"]
    assert claim.sources[0].publisher == "Valley Fact Check"
    article = store.article(result.article_id)
    assert article is not None and article.reviewed >= 1


def test_the_similar_claims_lookup_finds_it_from_another_article(tmp_path, store: Store):
    import_page(store, tmp_path, fact_check_page(
        review(CLAIM, {"@type": "Rating", "alternateName": "Pants on Fire"})))
    later = store.import_text("At a rally on Friday the candidate repeated that Riverton's parking fee is the "
                              "highest in the state, at ten dollars an hour.\n", title="Rally")
    repeated = next(c for c in store.claims(later.article_id) if "highest in the state" in c.text)
    found = store.similar(repeated.id)
    assert found and found[0].text == CLAIM and found[0].verdict == "disputed"


def test_several_reviews_in_a_graph_each_become_a_claim(tmp_path, store: Store):
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Fact checks"},
        review(CLAIM, {"alternateName": "Falso"}),
        review(SECOND_CLAIM, {"alternateName": "Half True"}, url="https://checks.example.org/bridge"),
    ]}
    result = import_page(store, tmp_path, fact_check_page(graph, "not json at all {"))
    verdicts = {c.text: c.verdict for c in store.claims(result.article_id) if c.verdict}
    assert verdicts == {CLAIM: "disputed", SECOND_CLAIM: "unclear"}


def test_a_page_without_claimreview_gets_no_verdicts(tmp_path, store: Store):
    result = import_page(store, tmp_path, fact_check_page({"@type": "NewsArticle", "headline": "Parking"}))
    assert not [c for c in store.claims(result.article_id) if c.verdict]


def test_importing_the_same_page_twice_records_its_verdicts_once(tmp_path, store: Store):
    page = fact_check_page(review(CLAIM, {"alternateName": "False"}))
    first = import_page(store, tmp_path, page, "a.html")
    second = import_page(store, tmp_path, page, "b.html")
    assert second.duplicate and second.article_id == first.article_id
    assert len([c for c in store.claims(first.article_id) if c.verdict]) == 1


@pytest.mark.parametrize("rating, value, best, worst, verdict", [
    ("True", None, None, None, "verified"),
    ("Mostly True", None, None, None, "verified"),
    ("Correct", None, None, None, "verified"),
    ("Verdadero", None, None, None, "verified"),
    ("False", None, None, None, "disputed"),
    ("Mostly False", None, None, None, "disputed"),
    ("Pants on Fire!", None, None, None, "disputed"),
    ("Misleading", None, None, None, "disputed"),
    ("Engañoso", None, None, None, "disputed"),
    ("Bulo", None, None, None, "disputed"),
    ("Half True", None, None, None, "unclear"),
    ("Mixture", None, None, None, "unclear"),
    ("Unproven", None, None, None, "unclear"),
    ("Needs Context", None, None, None, "unclear"),
    ("Verdad a medias", None, None, None, "unclear"),
    ("", 5, 5, 1, "verified"),
    ("", 1, 5, 1, "disputed"),
    ("", 3, 5, 1, "unclear"),
    ("Four Pinocchios", None, None, None, "unclear"),
])
def test_ratings_map_to_the_three_verdicts(rating, value, best, worst, verdict):
    assert verdict_for(rating, value, best, worst) == verdict


def test_recording_then_undoing_leaves_the_database_as_it_was(tmp_path, store: Store):
    path = tmp_path / "check.html"
    path.write_text(fact_check_page(review(CLAIM, {"alternateName": "False"})), encoding="utf-8")
    item = reading.read_file(path)
    result = store.import_input(item)  # the article with its published verdict
    con = sqlite3.connect(store.path)
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("claim", "verdict", "source")}
    op = ops.RecordPastVerdicts(result.article_id, item.past_verdicts)
    store.run(op)
    assert len(con.execute("SELECT * FROM verdict").fetchall()) == len(before["verdict"]) + 1
    store.revert(op)
    after = {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("claim", "verdict", "source")}
    con.close()
    assert after == before
