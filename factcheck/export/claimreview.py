"""Reviewed claims as schema.org ClaimReview in JSON-LD, as fact-checkers publish them for search
engines (Google's Fact Check Explorer).

One ClaimReview per reviewed claim, in one `@graph`. The rating scale (documented in the README):
disputed 1, unclear 2, verified 3, with worstRating 1 and bestRating 3; `alternateName` carries
the verdict in words. Each review's `url` is the publisher's base URL with `#claim-ID`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from factcheck.errors import ExportError
from factcheck.export import wording
from factcheck.export.records import ArticleEntry, ClaimEntry, Publisher, ReportHeader

RATINGS = {"disputed": 1, "unclear": 2, "verified": 3}
WORST, BEST = 1, 3
SUMMARY_LIMIT = 75  # Google: keep claimReviewed under 75 characters


def check_publisher(publisher: Publisher) -> None:
    """Refuse before anything is written: every review URL is built from the publisher's URL."""
    if not wording.link(publisher.url):
        shown = f" ({publisher.url!r} is not an http or https address)" if publisher.url else ""
        raise ExportError(
            f"A ClaimReview export needs the publisher's web address{shown}.",
            "Give it with --publisher-url https://… or set it in Preferences (publisher URL).")


def review_url(publisher: Publisher, claim_id: int) -> str:
    return f"{publisher.url.split('#')[0]}#claim-{claim_id}"


def write(out: TextIO, header: ReportHeader, articles: Iterable[ArticleEntry], publisher: Publisher) -> None:
    check_publisher(publisher)
    out.write("{\n \"@context\": \"https://schema.org\",\n \"@graph\": [")
    n = 0
    for article in articles:
        for claim in article.claims:
            if claim.verdict not in RATINGS:
                continue
            out.write(("," if n else "") + "\n  " + wording.json_text(review(article, claim, publisher)))
            n += 1
    out.write("\n ]\n}\n")


def review(article: ArticleEntry, claim: ClaimEntry, publisher: Publisher) -> dict[str, Any]:
    assert claim.verdict is not None
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name or publisher.url, "url": publisher.url}
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item["author"] = {"@type": "Person", "name": claim.speaker}
    if article.published:
        item["datePublished"] = article.published
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if wording.link(article.url):
        appearance["url"] = article.url
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item["appearance"] = appearance
    result: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": review_url(publisher, claim.id),
        "claimReviewed": wording.short_summary(claim.text, SUMMARY_LIMIT),
        "author": author,
        "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[claim.verdict], "bestRating": BEST,
                         "worstRating": WORST, "alternateName": wording.WORDS[claim.verdict]},
        "itemReviewed": item,
    }
    if claim.reviewed_at:
        result["datePublished"] = claim.reviewed_at.date().isoformat()
    if claim.rationale:
        result["reviewBody"] = claim.rationale
    return result
