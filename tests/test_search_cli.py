"""`factcheck search`, run as a real process: a table, DESIGN's JSON, and a caret under a bad query."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEED
from tests.test_cli import factcheck


def seeded_db(db_path: Path) -> Path:
    done = factcheck(db_path, "import", str(SEED))
    assert done.returncode == 0, done.stderr
    return db_path


def designation_id(db_path: Path) -> int:
    claims = json.loads(factcheck(db_path, "claims", "1", "--json").stdout)
    return next(c["id"] for c in claims if "February 19" in c["text"])


def test_the_verified_designation_claim_is_found_by_verdict_and_word(db_path: Path) -> None:
    seeded_db(db_path)
    claim_id = designation_id(db_path)
    assert factcheck(db_path, "verdict", str(claim_id), "verified").returncode == 0
    found = factcheck(db_path, "search", "verdict:verified terrorist")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert len(lines) == 1 and lines[0].split()[0] == str(claim_id) and "\u2713" in lines[0]
    assert "\u27e6terrorist\u27e7" in lines[0]
    missing = factcheck(db_path, "search", "verdict:disputed terrorist")
    assert missing.returncode == 0 and "No claims match" in missing.stdout


def test_json_has_the_documented_shape_and_limit_is_honoured(db_path: Path) -> None:
    seeded_db(db_path)
    found = factcheck(db_path, "search", "", "--json", "--limit", "3")
    results = json.loads(found.stdout)
    assert len(results) == 3
    assert set(results[0]) == {"claim_id", "article_id", "text", "verdict", "article_title", "snippet", "score"}
    assert factcheck(db_path, "search", "x", "--limit", "0").returncode == 2


def test_a_malformed_query_is_shown_with_a_caret_under_the_bad_part(db_path: Path) -> None:
    seeded_db(db_path)
    done = factcheck(db_path, "search", 'troops verdict:maybe')
    assert done.returncode == 2 and done.stdout == ""
    assert "Traceback" not in done.stderr
    message, query, caret = done.stderr.splitlines()
    assert "verified, disputed or unclear" in message
    assert query == "  troops verdict:maybe"
    assert caret == "  " + " " * len("troops verdict:") + "^"
