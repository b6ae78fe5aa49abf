"""Everything, as JSON that `factcheck import` reads back: articles with their text, every
sentence and claim, verdict histories, sources, dates and saved searches.

The shape is versioned (SCHEMA_VERSION) and described by backup-schema-v1.json beside this
module. It is written an article at a time, so a database of any size streams.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TextIO

from factcheck.export import wording
from factcheck.export.records import ArticleEntry, ClaimEntry, DateEntry, Publisher, ReportHeader

FORMAT_NAME = "factcheck-backup"
SCHEMA_VERSION = 1
SCHEMA_FILE = "backup-schema-v1.json"


def write(out: TextIO, header: ReportHeader, articles: Iterable[ArticleEntry], publisher: Publisher,
          saved_searches: Iterable[tuple[str, str]] = ()) -> None:
    head = {
        "format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "generator": f"factcheck {header.version}",
        "exported_at": wording.iso(header.made_at), "scope": header.scope.as_json(),
        "counts": {"articles": header.summary.articles, "claims": header.summary.claims,
                   **header.summary.verdicts, "unsourced": header.summary.unsourced},
        "saved_searches": [{"name": name, "query": query} for name, query in saved_searches],
    }
    text = wording.json_text(head, indent=1)
    out.write(text[:-2] + ",\n \"articles\": [")  # the header object, left open for the articles
    stamps = _Stamps()
    for n, article in enumerate(articles):
        if len(stamps) > 100_000:  # a long export: keep the memory flat
            stamps.clear()
        out.write(("," if n else "") + "\n  " + wording.json_text(article_json(article, stamps)))
    out.write("\n ]\n}\n")


class _Stamps(dict):
    """Times as text, each written once: the rows of one import or one verdict share their times."""

    def __missing__(self, value: dt.datetime | None) -> str | None:
        # Full precision, in UTC: an import must put back the very times (they order verdicts).
        text = self[value] = value.astimezone(dt.UTC).isoformat() if value else None
        return text





def _date(d: DateEntry) -> dict[str, Any]:
    return {"start": d.start, "end": d.end, "text": d.text, "value": d.value, "granularity": d.granularity}


def _claim(c: ClaimEntry, stamp: _Stamps) -> dict[str, Any]:
    return {
        "id": c.id, "position": c.position, "text": c.text, "start": c.start, "end": c.end, "speaker": c.speaker,
        "score": c.score, "reasons": list(c.reasons), "proposed": c.proposed, "dismissed": c.dismissed,
        "verdict": c.verdict, "rationale": c.rationale, "reviewer": c.reviewer,
        "reviewed_at": stamp[c.reviewed_at], "created_at": stamp[c.created_at],
        "updated_at": stamp[c.updated_at], "version": c.version,
        "sources": [{"url": s.url, "title": s.title, "publisher": s.publisher, "excerpt": s.excerpt,
                     "accessed": s.accessed, "added_at": stamp[s.added_at]} for s in c.sources],
        "dates": [_date(d) for d in c.dates],
        "history": [{"label": v.label, "rationale": v.rationale, "reviewer": v.reviewer,
                     "created_at": stamp[v.created_at], "reused_from": v.reused_from} for v in c.history],
    }


def article_json(a: ArticleEntry, stamp: _Stamps | None = None) -> dict[str, Any]:
    stamp = stamp if stamp is not None else _Stamps()
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "author": a.author,
        "published": a.published, "language": a.language, "origin": a.origin,
        "imported_at": stamp[a.imported_at], "body": a.body, "dates": [_date(d) for d in a.dates],
        "claims": [_claim(c, stamp) for c in a.claims],
    }
