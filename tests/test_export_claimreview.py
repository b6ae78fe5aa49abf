"""ClaimReview JSON-LD as search engines read it: every property used where schema.org defines it,
with a value of the type it expects, Google's required properties present, `claimReviewed` short."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from factcheck import preferences
from factcheck.errors import ExportError
from factcheck.export.claimreview import RATINGS
from factcheck.store import Store
from tests.export_data import reviewed

VOCABULARY = json.loads((Path(__file__).parent / "fixtures" / "schema_org_claimreview.json").read_text("utf-8"))
PUBLISHER = {"publisher_name": "Desk Check", "publisher_url": "https://deskcheck.example/reviews"}


def ancestors(kind: str) -> set[str]:
    """The type and every type above it (a ClaimReview is a Review, a CreativeWork, a Thing)."""
    chain: set[str] = set()
    current: str | None = kind
    while current is not None:
        chain.add(current)
        current = VOCABULARY["types"].get(current) if current in VOCABULARY["types"] else \
            VOCABULARY["data_types"].get(current)
    return chain


def literal_types(value: Any) -> set[str]:
    """The schema.org data types a JSON literal can stand for."""
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {"Integer", "Number"}
    if isinstance(value, float):
        return {"Number"}
    assert isinstance(value, str)
    found = {"Text"}
    if value.startswith(("http://", "https://")):
        found.add("URL")
    try:
        dt.date.fromisoformat(value)
        found.add("Date")
    except ValueError:
        pass
    try:
        if "T" in value:
            dt.datetime.fromisoformat(value)
            found.add("DateTime")
    except ValueError:
        pass
    return found


def check(node: dict, path: str, seen: list[str]) -> None:
    kind = node["@type"]
    assert kind in VOCABULARY["types"], f"{path}: {kind} is not a schema.org type of the fixture"
    for key in VOCABULARY["google_required"].get(kind, ()):
        assert key in node, f"{path}: Google requires {key} on {kind}"
    for key, value in node.items():
        if key.startswith("@"):
            continue
        seen.append(key)
        spec = VOCABULARY["properties"].get(key)
        assert spec is not None, f"{path}.{key}: not a property of the fixture (not used on {kind})"
        assert ancestors(kind) & set(spec["domain"]), f"{path}.{key}: not defined on {kind}"
        if isinstance(value, dict):
            expected = set(spec["range"])
            assert ancestors(value["@type"]) & expected, f"{path}.{key}: a {value['@type']}, not {expected}"
            check(value, f"{path}.{key}", seen)
        else:
            expected = set(spec["range"])
            assert literal_types(value) & expected, f"{path}.{key}: {value!r} is none of {expected}"
            if expected <= {"URL"}:
                assert str(value).startswith("https://") or str(value).startswith("http://")


@pytest.fixture
def jsonld(store: Store, tmp_path: Path) -> dict:
    reviewed(store)
    preferences.save(preferences.load().with_changes(**PUBLISHER))
    target = tmp_path / "reviews.jsonld"
    store.export("claimreview", target)
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))


def test_every_property_and_type_is_the_vocabularys_and_googles_required_ones_are_there(jsonld: dict) -> None:
    assert jsonld["@context"] == "https://schema.org"
    reviews = jsonld["@graph"]
    assert len(reviews) == 5  # the reviewed claims, not the unreviewed ones
    seen: list[str] = []
    for n, review in enumerate(reviews):
        assert review["@type"] == "ClaimReview"
        check(review, f"review {n}", seen)
    # The properties the issue asks for were all used (and so all checked).
    assert {"claimReviewed", "reviewRating", "alternateName", "ratingValue", "bestRating", "worstRating", "url",
            "author", "datePublished", "itemReviewed", "appearance"} <= set(seen)


def test_ratings_follow_the_documented_scale_and_urls_the_publisher(jsonld: dict, store: Store) -> None:
    by_id = {int(r["url"].rsplit("-", 1)[1]): r for r in jsonld["@graph"]}
    for claim_id, review in by_id.items():
        claim = store.claim(claim_id)
        assert claim is not None and claim.verdict is not None
        rating = review["reviewRating"]
        scale = {"disputed": 1, "unclear": 2, "verified": 3}
        assert rating["ratingValue"] == RATINGS[claim.verdict] == scale[claim.verdict]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
        assert rating["alternateName"] == claim.verdict.capitalize()
        assert review["url"] == f"https://deskcheck.example/reviews#claim-{claim_id}"
        assert review["author"] == {"@type": "Organization", "name": "Desk Check",
                                    "url": "https://deskcheck.example/reviews"}
    seed_review = by_id[1]
    assert seed_review["itemReviewed"]["author"] == {"@type": "Person", "name": "Sheinbaum"}
    assert seed_review["itemReviewed"]["datePublished"] == "2025-05-03"
    council = next(r for r in jsonld["@graph"] if r["itemReviewed"]["appearance"].get("url"))
    assert council["itemReviewed"]["appearance"]["url"] == "https://cityherald.example/bags"


def test_claim_reviewed_is_short_and_cut_at_a_word(jsonld: dict, store: Store) -> None:
    for review in jsonld["@graph"]:
        short = review["claimReviewed"]
        claim = store.claim(int(review["url"].rsplit("-", 1)[1]))
        assert claim is not None
        assert len(short) <= 75
        flat = " ".join(claim.text.split())
        if len(flat) <= 75:
            assert short == flat
        else:
            assert short.endswith("…")
            kept = short[:-1]
            assert flat.startswith(kept) and flat[len(kept)] in " ,.;:"  # whole words only


def test_without_a_publisher_url_it_is_refused_saying_how_to_set_one(store: Store, tmp_path: Path) -> None:
    reviewed(store)
    with pytest.raises(ExportError, match=r"--publisher-url https://… or set it in Preferences"):
        store.export("claimreview", tmp_path / "r.jsonld")
    with pytest.raises(ExportError, match="'ftp://desk.example' is not an http or https address"):
        store.export("claimreview", tmp_path / "r.jsonld", publisher_url="ftp://desk.example")
    assert not list(tmp_path.glob("*.jsonld"))
    store.export("claimreview", tmp_path / "r.jsonld", publisher_url="https://desk.example/", publisher_name="D")
    assert json.loads((tmp_path / "r.jsonld").read_text("utf-8"))["@graph"][0]["url"].startswith(
        "https://desk.example/#claim-")
