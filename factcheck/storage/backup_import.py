"""Writing a JSON backup's records back into the database: articles, every sentence, verdict
histories, sources, dates and saved searches, in one transaction (all of it or nothing).

Into a database without articles the backup's ids are kept, so `article:12` and "reused from
claim 40" still mean what they meant; into one that has articles, rows get the next free ids and
the links between claims follow them. An article whose text is already stored is reported as a
duplicate and left as it is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine, Table, func, insert, select

from factcheck.export.records import ArticleEntry
from factcheck.records import ImportResult
from factcheck.storage.models import ARTICLES, CLAIMS, DATE_MENTIONS, SAVED_SEARCHES, SOURCES, VERDICTS
from factcheck.storage.transactions import writing


def write(engine: Engine, articles: Iterable[ArticleEntry], saved_searches: Iterable[tuple[str, str]],
            digest: Callable[[str], str]) -> list[ImportResult]:
    now = dt.datetime.now(dt.UTC)
    results: list[ImportResult] = []
    a, c, ss = ARTICLES.c, CLAIMS.c, SAVED_SEARCHES.c
    with writing(engine).begin() as conn:
        known = dict(conn.execute(select(a.content_hash, a.id)).all())
        keep_ids = not known
        next_article = int(conn.execute(select(func.coalesce(func.max(a.id), 0))).scalar_one()) + 1
        next_claim = int(conn.execute(select(func.coalesce(func.max(c.id), 0))).scalar_one()) + 1
        todo: list[tuple[ArticleEntry, int, str]] = []
        claim_ids: dict[int, int] = {}
        for article in articles:  # every id first, so a reuse may point at a later article's claim
            key = digest(article.body)
            if key in known:
                proposed = conn.execute(select(func.count()).where(c.article_id == known[key], c.proposed))
                results.append(ImportResult(known[key], article.title, int(proposed.scalar_one()), 0, duplicate=True))
                continue
            new_id = article.id if keep_ids else next_article
            next_article = max(next_article, new_id) + 1
            known[key] = new_id
            for claim in article.claims:
                claim_ids[claim.id] = claim.id if keep_ids else next_claim
                next_claim = max(next_claim, claim_ids[claim.id]) + 1
            todo.append((article, new_id, key))
        rows: dict[Table, list[dict[str, Any]]] = {ARTICLES: [], CLAIMS: [], VERDICTS: [], SOURCES: [],
                                                    DATE_MENTIONS: []}
        for article, new_id, key in todo:
            _rows(rows, article, new_id, key, claim_ids, keep_ids, now)
            results.append(ImportResult(new_id, article.title, sum(1 for x in article.claims if x.proposed),
                                        len(article.claims)))
        for table in (ARTICLES, CLAIMS, VERDICTS, SOURCES, DATE_MENTIONS):  # owners before what they own
            for start in range(0, len(rows[table]), 5000):
                conn.execute(insert(table), rows[table][start:start + 5000])
        names = set(conn.execute(select(ss.name)).scalars())
        searches = [{"name": name, "query": query, "created_at": now}
                    for name, query in dict(saved_searches).items() if name not in names]
        if searches:
            conn.execute(insert(SAVED_SEARCHES), searches)
    return results


def _rows(rows: dict[Table, list[dict[str, Any]]], article: ArticleEntry, article_id: int, key: str,
          claim_ids: dict[int, int], keep_ids: bool, now: dt.datetime) -> None:
    rows[ARTICLES].append({
        "id": article_id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "author": article.author, "published": article.published, "language": article.language, "body": article.body,
        "content_hash": key, "imported_at": article.imported_at or now, "origin": article.origin})
    for d in article.dates:
        rows[DATE_MENTIONS].append({"article_id": article_id, "claim_id": None, "start": d.start, "end": d.end,
                                    "text": d.text, "value": d.value, "granularity": d.granularity})
    for claim in article.claims:
        claim_id = claim_ids[claim.id]
        rows[CLAIMS].append({
            "id": claim_id, "article_id": article_id, "position": claim.position, "text": claim.text,
            "start": claim.start, "end": claim.end, "speaker": claim.speaker, "score": claim.score,
            "reasons": json.dumps(list(claim.reasons)), "proposed": claim.proposed, "dismissed": claim.dismissed,
            "verdict": claim.verdict, "rationale": claim.rationale, "reviewer": claim.reviewer,
            "reviewed_at": claim.reviewed_at, "created_at": claim.created_at or now,
            "updated_at": claim.updated_at or now, "version": claim.version})
        for v in claim.history:
            reused = claim_ids.get(v.reused_from, v.reused_from if keep_ids else None) if v.reused_from else None
            rows[VERDICTS].append({"claim_id": claim_id, "label": v.label, "rationale": v.rationale,
                                   "reviewer": v.reviewer, "created_at": v.created_at or now, "reused_from": reused})
        for s in claim.sources:
            rows[SOURCES].append({"claim_id": claim_id, "url": s.url, "title": s.title, "publisher": s.publisher,
                                  "excerpt": s.excerpt, "accessed": s.accessed, "added_at": s.added_at or now})
        for d in claim.dates:
            rows[DATE_MENTIONS].append({"article_id": article_id, "claim_id": claim_id, "start": d.start,
                                        "end": d.end, "text": d.text, "value": d.value, "granularity": d.granularity})
