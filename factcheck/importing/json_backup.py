"""Reading a JSON backup (factcheck.export.json_backup) back into records the store imports.

Everything is checked before anything is written: a file that is not a backup, a newer schema
version or a malformed entry is refused with its own message, naming the file and the place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import IngestError
from factcheck.export.json_backup import FORMAT_NAME, SCHEMA_VERSION
from factcheck.export.records import ArticleEntry, ClaimEntry, DateEntry, SourceEntry, VerdictEntry
from factcheck.records import VERDICT_LABELS
from factcheck.urls import is_web_address

SUFFIX = ".json"


@dataclass(frozen=True)
class Backup:
    articles: list[ArticleEntry]
    saved_searches: list[tuple[str, str]] = field(default_factory=list)


class _BadEntryError(Exception):
    """A malformed entry; `where` says which, for the message."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


def is_backup_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def read(path: str | os.PathLike[str]) -> Backup:
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise IngestError(f"'{name}' does not exist.", "Check the path and try again.") from None
    except UnicodeDecodeError:
        raise IngestError(f"'{name}' is not a factcheck JSON backup (it is not UTF-8 text).") from None
    except ValueError as exc:
        raise IngestError(f"'{name}' is not valid JSON ({exc}).",
                          "Import a backup made with: factcheck export --format json") from None
    except OSError as exc:
        raise IngestError(f"'{name}' cannot be read: {exc.strerror or exc}.") from None
    return parse(data, name)


def parse(data: Any, name: str = "the backup") -> Backup:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise IngestError(f"'{name}' is not a factcheck JSON backup.",
                          "Import a backup made with: factcheck export --format json")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise IngestError(f"'{name}' has no readable schema_version.")
    if version > SCHEMA_VERSION:
        raise IngestError(f"'{name}' was written by a newer factcheck (backup schema {version}; "
                          f"this one reads {SCHEMA_VERSION}).", "Update factcheck to import it.")
    try:
        articles = [_article(a, f"article {n + 1}") for n, a in enumerate(_list(data, "articles", "the backup"))]
        searches = [(_str(s, "name", "saved search"), _str(s, "query", "saved search"))
                    for s in _list(data, "saved_searches", "the backup", required=False)]
        _unique(articles)
    except _BadEntryError as exc:
        raise IngestError(f"'{name}' is damaged: {exc}.", "Nothing was imported from it.") from None
    return Backup(articles, searches)


def _unique(articles: list[ArticleEntry]) -> None:
    """Ids are what claims and histories point at: two rows with one id cannot both be meant."""
    seen_articles: set[int] = set()
    seen_claims: set[int] = set()
    for article in articles:
        if article.id in seen_articles:
            raise _BadEntryError(f"article id {article.id}", "it appears twice")
        seen_articles.add(article.id)
        for claim in article.claims:
            if claim.id in seen_claims:
                raise _BadEntryError(f"claim id {claim.id}", "it appears twice")
            seen_claims.add(claim.id)


def _list(d: dict, key: str, where: str, required: bool = True) -> list:
    value = d.get(key, None if required else [])
    if not isinstance(value, list):
        raise _BadEntryError(where, f"{key} must be a list")
    for item in value:
        if not isinstance(item, dict):
            raise _BadEntryError(where, f"every entry of {key} must be an object")
    return value


def _str(d: dict, key: str, where: str, default: str | None = None) -> str:
    value = d.get(key, default)
    if not isinstance(value, str):
        raise _BadEntryError(where, f"{key} must be text")
    return value


def _opt_str(d: dict, key: str, where: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise _BadEntryError(where, f"{key} must be text or null")
    return value


def _int(d: dict, key: str, where: str, optional: bool = False) -> int | None:
    value = d.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise _BadEntryError(where, f"{key} must be a whole number")
    return value


def _bool(d: dict, key: str, where: str, default: bool) -> bool:
    value = d.get(key, default)
    if not isinstance(value, bool):
        raise _BadEntryError(where, f"{key} must be true or false")
    return value


def _time(d: dict, key: str, where: str) -> dt.datetime | None:
    value = _opt_str(d, key, where)
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _BadEntryError(where, f"{key} is not an ISO date and time: {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _date(d: dict, where: str) -> DateEntry:
    start, end = _int(d, "start", where), _int(d, "end", where)
    assert start is not None and end is not None
    return DateEntry(start, end, _str(d, "text", where), _opt_str(d, "value", where),
                     _str(d, "granularity", where, "day"))


def _verdict_label(value: str | None, where: str) -> str | None:
    if value is not None and value not in VERDICT_LABELS:
        raise _BadEntryError(where, f"the verdict {value!r} is not one of {', '.join(VERDICT_LABELS)}")
    return value


def _web_address(d: dict, where: str) -> str:
    url = _str(d, "url", where)
    if not is_web_address(url):
        raise _BadEntryError(where, f"the source {url!r} is not an http or https address")
    return url


def _claim(d: dict, where: str) -> ClaimEntry:
    claim_id, position = _int(d, "id", where), _int(d, "position", where)
    assert claim_id is not None and position is not None
    reasons = d.get("reasons", [])
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        raise _BadEntryError(where, "reasons must be a list of texts")
    score = d.get("score", 0.0)
    if not isinstance(score, (int, float)) or isinstance(score, bool):
        raise _BadEntryError(where, "score must be a number")
    history = tuple(
        VerdictEntry(str(_verdict_label(_str(v, "label", f"{where}, verdict {n + 1}"), where)),
                     _str(v, "rationale", where, ""), _str(v, "reviewer", where, ""),
                     _time(v, "created_at", where), _int(v, "reused_from", where, optional=True))
        for n, v in enumerate(_list(d, "history", where, required=False)))
    sources = tuple(
        SourceEntry(_web_address(s, where), _str(s, "title", where, ""), _str(s, "publisher", where, ""),
                    _str(s, "excerpt", where, ""), _opt_str(s, "accessed", where), _time(s, "added_at", where))
        for s in _list(d, "sources", where, required=False))
    return ClaimEntry(
        id=claim_id, position=position, text=_str(d, "text", where), start=_int(d, "start", where, optional=True),
        end=_int(d, "end", where, optional=True), speaker=_opt_str(d, "speaker", where), score=float(score),
        reasons=tuple(reasons), proposed=_bool(d, "proposed", where, True),
        dismissed=_bool(d, "dismissed", where, False),
        verdict=_verdict_label(_opt_str(d, "verdict", where), where), rationale=_str(d, "rationale", where, ""),
        reviewer=_opt_str(d, "reviewer", where), reviewed_at=_time(d, "reviewed_at", where),
        created_at=_time(d, "created_at", where), updated_at=_time(d, "updated_at", where),
        version=_int(d, "version", where, optional=True) or 1, sources=sources,
        dates=tuple(_date(x, where) for x in _list(d, "dates", where, required=False)), history=history)


def _article(d: dict, where: str) -> ArticleEntry:
    article_id = _int(d, "id", where)
    assert article_id is not None
    body = _str(d, "body", where)
    if not body.strip():
        raise _BadEntryError(where, "body is empty (a backup holds every article's text)")
    return ArticleEntry(
        id=article_id, title=_str(d, "title", where, ""), body=body, outlet=_str(d, "outlet", where, ""),
        url=_str(d, "url", where, ""), author=_str(d, "author", where, ""), published=_opt_str(d, "published", where),
        language=_str(d, "language", where, "en"), origin=_str(d, "origin", where, "backup"),
        imported_at=_time(d, "imported_at", where),
        claims=tuple(_claim(c, f"{where}, claim {n + 1}") for n, c in enumerate(_list(d, "claims", where))),
        dates=tuple(_date(x, where) for x in _list(d, "dates", where, required=False)))
