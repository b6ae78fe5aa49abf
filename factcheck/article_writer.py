"""Writing an analysed article and its sentences: the hot path of every import.

An article brings dozens of sentence rows and their date mentions. Going through the ORM, or even
through Core's per-row parameter processing, costs more than the analysis itself, so the
statements are compiled once for the engine's dialect and the rows are handed to the driver's
executemany as plain tuples. Values are those SQLAlchemy itself would bind (timestamps through the
column type's own bind processor), so rows read back exactly as rows written by the ORM.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, select

from factcheck.analysis import SentenceAnalysis
from factcheck.ingest import ArticleInput
from factcheck.models import Article, Claim, DateMention
from factcheck.records import ImportResult

CLAIM_COLUMNS = ("article_id", "position", "text", "start", "end", "speaker", "score", "reasons", "proposed",
                 "dismissed", "rationale", "created_at", "updated_at", "version")
DATE_COLUMNS = ("article_id", "claim_id", "start", "end", "text", "value", "granularity")


class _BulkInsert:
    """An INSERT compiled once; `run` sends many rows given as tuples in `columns` order."""

    def __init__(self, engine: Engine, table: Table, columns: Sequence[str]) -> None:
        compiled = insert(table).compile(dialect=engine.dialect, column_keys=list(columns))
        self.sql = str(compiled)
        self.columns = tuple(columns)
        order = compiled.positiontup if compiled.positional else None
        # Positional drivers (sqlite3) take tuples in the compiled order; named ones take dicts.
        self._order = [self.columns.index(name) for name in order] if order is not None else None

    def run(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self._order is not None:
            params: list[Any] = [tuple(row[i] for i in self._order) for row in rows]
        else:
            params = [dict(zip(self.columns, row)) for row in rows]
        conn.exec_driver_sql(self.sql, params)


class ArticleWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._claims = _BulkInsert(engine, Claim.__table__, CLAIM_COLUMNS)
        self._dates = _BulkInsert(engine, DateMention.__table__, DATE_COLUMNS)
        # Built once: constructing a statement costs as much as running it on a small table.
        self._find = select(Article.id, Article.title).where(Article.content_hash == bindparam("digest"))
        self._count = select(func.count()).where(Claim.article_id == bindparam("article"), Claim.proposed)
        self._add_article = insert(Article.__table__).returning(Article.id)
        self._claim_ids = (select(Claim.id).where(Claim.article_id == bindparam("article"))
                           .order_by(Claim.position))
        column_type = Claim.__table__.c.created_at.type.dialect_impl(engine.dialect)
        stamp = column_type.bind_processor(engine.dialect)
        self._stamp = stamp or (lambda value: value)

    def write(self, item: ArticleInput, digest: str, found: list[SentenceAnalysis]) -> ImportResult:
        """One transaction: the article, every sentence, every date; or, for a known text, nothing."""
        with self.engine.begin() as conn:
            existing = conn.execute(self._find, {"digest": digest}).first()
            if existing is not None:
                proposed = conn.execute(self._count, {"article": existing.id}).scalar_one()
                return ImportResult(existing.id, existing.title, proposed, 0, duplicate=True)
            now = dt.datetime.now(dt.timezone.utc)
            article_id = conn.execute(
                self._add_article,
                {"title": item.title, "outlet": item.outlet, "url": item.url, "author": item.author,
                 "published": item.published.isoformat() if item.published else None,
                 "language": item.language, "body": item.body, "content_hash": digest, "imported_at": now,
                 "origin": item.origin},
            ).scalar_one()
            self._write_sentences(conn, article_id, found, self._stamp(now))
        return ImportResult(article_id, item.title, sum(s.proposed for s in found), len(found))

    def _write_sentences(self, conn: Connection, article_id: int, found: list[SentenceAnalysis],
                         stamp: Any) -> None:
        if not found:
            return
        self._claims.run(conn, [
            (article_id, i * 10, s.text, s.start, s.end, s.speaker, s.score.value, json.dumps(s.score.reasons),
             s.proposed, False, "", stamp, stamp, 1)
            for i, s in enumerate(found)
        ])
        if not any(s.dates for s in found):
            return
        ids = conn.execute(self._claim_ids, {"article": article_id}).scalars().all()
        self._dates.run(conn, [
            (article_id, claim_id, s.start + m.start, s.start + m.end, m.text, m.value, m.granularity)
            for claim_id, s in zip(ids, found)
            for m in s.dates
        ])
