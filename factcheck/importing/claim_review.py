"""Schema.org ClaimReview embedded in a page (JSON-LD), read as past verdicts.

Fact-check sites publish each verdict as a ClaimReview: the claim checked (`claimReviewed`), the
rating (`reviewRating`, a name such as "False" and often a number on a scale) and the address of
the review. Each becomes a reviewed claim with that address as its source, so the similar-claims
lookup finds it when the same claim turns up in another article.

Ratings are words each site chooses, so they are mapped by the words they contain, in this order:

- **unclear**: half true, mixture, mixed, unproven, unsupported, lacks or needs context, partly,
  partially, exaggerated, cherry-picked, satire, unverified; in Spanish
  "medio", "a medias", "impreciso", "sin pruebas", "sin contexto", "exagerado", "dudoso";
- **disputed**: false, fake, incorrect, inaccurate, wrong, misleading, pants on fire, hoax,
  fabricated, debunked, mostly false, no evidence; "falso", "engañoso", "bulo", "incorrecto",
  "mentira", "fake";
- **verified**: true, correct, accurate, mostly true, verified, confirmed; "verdadero", "cierto",
  "correcto", "verdad", "confirmado".

A rating with none of these words, but a number between `worstRating` and `bestRating`, is read
by its place on that scale (the top quarter verified, the bottom quarter disputed, else unclear);
a rating with neither is unclear. The rating as the site wrote it is kept in the rationale.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.urls import WebAddressError, normalise_web_address

if TYPE_CHECKING:  # the operation that stores these is loaded with the app, lxml only with a page
    from lxml import html as lxml_html

# Checked in this order: "mostly false" and "half true" hold "false" and "true".
_UNCLEAR = re.compile(
    r"\b(half|mixture|mixed|unproven|unsupported|lacks? context|needs? context|missing context|partly|partially|"
    r"exaggerat\w*|cherry|satire|unverified|medio|a medias|impreciso|imprecisa|sin pruebas|sin contexto|"
    r"exagerad[oa]|dudos[oa]|verdad a medias|no verificable)\b")
_DISPUTED = re.compile(
    r"\b(false|fake|incorrect|inaccurate|wrong|misleading|pants on fire|hoax|fabricated|debunked|no evidence|"
    r"falso|falsa|engañoso|engañosa|bulo|incorrecto|incorrecta|mentira)\b")
_VERIFIED = re.compile(r"\b(true|correct|accurate|verified|confirmed|verdadero|verdadera|cierto|cierta|correcto|"
                       r"correcta|verdad|confirmado|confirmada)\b")
CLAIM_MAX_CHARS = 2000


@dataclass(frozen=True, slots=True)
class PastVerdict:
    """One ClaimReview: the claim, the verdict it maps to, the rating as written, who and where."""

    claim: str
    verdict: str  # verified / disputed / unclear
    rating: str  # as the site wrote it, e.g. "Pants on Fire", or "2 of 5"
    url: str  # the review's address ("" when it gives none that is http/https)
    reviewer: str  # the organisation that published the review
    published: str = ""

    @property
    def rationale(self) -> str:
        by = f" by {self.reviewer}" if self.reviewer else ""
        return f"Published fact-check{by} rated it: {self.rating or 'no rating given'}."


def verdict_for(rating: str, value: Any = None, best: Any = None, worst: Any = None) -> str:
    """The verdict a ClaimReview rating stands for (see the module's docstring for the mapping)."""
    words = rating.lower()
    for pattern, verdict in ((_UNCLEAR, "unclear"), (_DISPUTED, "disputed"), (_VERIFIED, "verified")):
        if pattern.search(words):
            return verdict
    try:
        number, top, bottom = float(value), float(best if best is not None else 5), float(worst if worst is not None
                                                                                           else 1)
    except (TypeError, ValueError):
        return "unclear"
    if top == bottom:
        return "unclear"
    place = (number - bottom) / (top - bottom)
    return "verified" if place >= 0.75 else "disputed" if place <= 0.25 else "unclear"


def claim_reviews(tree: lxml_html.HtmlElement) -> tuple[PastVerdict, ...]:
    """Every ClaimReview in the page's JSON-LD blocks; a block that is not valid JSON is skipped."""
    found: list[PastVerdict] = []
    for script in tree.iterfind(".//script[@type]"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _objects(data):
            verdict = _past_verdict(item)
            if verdict is not None and verdict not in found:
                found.append(verdict)
    return tuple(found)


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The ClaimReview objects anywhere in a JSON-LD value (lists, @graph, nested in an article)."""
    if depth > 8:
        return
    if isinstance(data, list):
        for value in data:
            yield from _objects(value, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "ClaimReview" for k in kinds):
            yield data
            return
        for value in data.values():
            if isinstance(value, (list, dict)):
                yield from _objects(value, depth + 1)


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _past_verdict(item: dict[str, Any]) -> PastVerdict | None:
    claim = _text(item.get("claimReviewed"))
    if not claim:
        reviewed = item.get("itemReviewed")
        claim = _text(reviewed.get("name")) if isinstance(reviewed, dict) else ""
    if not claim or len(claim) > CLAIM_MAX_CHARS:
        return None
    rating = item.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    rating = rating if isinstance(rating, dict) else {}
    name = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = rating.get("ratingValue")
    shown = name or (f"{value} of {rating.get('bestRating')}" if value is not None and rating.get("bestRating")
                     else _text(value))
    try:
        url = normalise_web_address(_text(item.get("url"))) if _text(item.get("url")) else ""
    except WebAddressError:
        url = ""
    return PastVerdict(claim=claim, verdict=verdict_for(name, value, rating.get("bestRating"),
                                                        rating.get("worstRating")),
                       rating=shown, url=url, reviewer=_text(item.get("author")),
                       published=_text(item.get("datePublished"))[:10])
