"""Writing an analysed article and its sentences: the hot path of every import.

An article brings dozens of sentence rows and their date mentions. Through the ORM, or even
through Core's per-statement machinery, the writing cost more than the analysis, so the
statements are compiled once for the engine's dialect and run on the driver's own cursor, inside
the transaction SQLAlchemy opened. Values are those SQLAlchemy itself would bind (timestamps go
through the column type's own bind processor), so the rows read back exactly like ORM-written ones.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, bindparam, func, insert, select
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from factcheck.records import ImportResult
from factcheck.storage.models import ARTICLES, CLAIMS, DATE_MENTIONS
from factcheck.storage.transactions import writing

if TYPE_CHECKING:
    from factcheck.analysis.article import SentenceRow
    from factcheck.importing.reading import ArticleInput

ARTICLE_COLUMNS = ("title", "outlet", "url", "author", "published", "language", "body", "content_hash",
                   "imported_at", "origin")
CLAIM_COLUMNS = ("article_id", "position", "text", "start", "end", "speaker", "score", "reasons", "proposed",
                 "dismissed", "rationale", "created_at", "updated_at", "version")
DATE_COLUMNS = ("article_id", "claim_id", "start", "end", "text", "value", "granularity")


class _Statement:
    """A statement compiled once for the dialect; parameters are given by name, sent in its order."""

    def __init__(self, engine: Engine, statement: ClauseElement, names: Sequence[str] | None = None) -> None:
        compiled = statement.compile(dialect=engine.dialect, column_keys=list(names) if names else None)
        assert isinstance(compiled, SQLCompiler)  # a SELECT or INSERT always compiles to SQL text
        self.sql = str(compiled)
        # Positional drivers (sqlite3: "?") take tuples in the compiled order; named ones take dicts.
        self.order = list(compiled.positiontup or ()) if compiled.positional else None

    def params(self, values: Mapping[str, Any]) -> tuple[Any, ...] | Mapping[str, Any]:
        return tuple(values[name] for name in self.order) if self.order is not None else values


class ArticleWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writing = writing(engine)
        a, c = ARTICLES.c, CLAIMS.c
        self._find = _Statement(engine, select(a.id, a.title).where(a.content_hash == bindparam("digest")))
        self._count = _Statement(engine, select(func.count())
                                 .where(c.article_id == bindparam("article"), c.proposed))
        self._add_article = _Statement(engine, insert(ARTICLES).returning(a.id), ARTICLE_COLUMNS)
        self._claim_ids = _Statement(engine, select(c.id).where(c.article_id == bindparam("article"))
                                     .order_by(c.position))
        self._add_claims = _Statement(engine, insert(CLAIMS), CLAIM_COLUMNS)
        self._add_dates = _Statement(engine, insert(DATE_MENTIONS), DATE_COLUMNS)
        column_type = c.created_at.type.dialect_impl(engine.dialect)
        self._stamp = column_type.bind_processor(engine.dialect) or (lambda value: value)

    def write(self, item: ArticleInput, digest: str, found: list[SentenceRow]) -> ImportResult:
        """One transaction: the article, every sentence, every date; or, for a known text, nothing."""
        with self._writing.begin() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None  # an open connection always has its driver's connection
            cursor = driver.cursor()
            try:
                cursor.execute(self._find.sql, self._find.params({"digest": digest}))
                existing = cursor.fetchone()
                if existing is not None:
                    cursor.execute(self._count.sql, self._count.params({"article": existing[0]}))
                    return ImportResult(existing[0], existing[1], cursor.fetchone()[0], 0, duplicate=True)
                stamp = self._stamp(dt.datetime.now(dt.UTC))
                published = item.published.isoformat() if item.published else None
                cursor.execute(self._add_article.sql, self._add_article.params({
                    "title": item.title, "outlet": item.outlet, "url": item.url, "author": item.author,
                    "published": published, "language": item.language, "body": item.body,
                    "content_hash": digest, "imported_at": stamp, "origin": item.origin}))
                article_id = cursor.fetchone()[0]
                self._write_sentences(cursor, article_id, found, stamp)
            finally:
                cursor.close()
        return ImportResult(article_id, item.title, sum(1 for row in found if row[6]), len(found))

    def _write_sentences(self, cursor: Any, article_id: int, found: list[SentenceRow], stamp: Any) -> None:
        if not found:
            return
        cursor.executemany(self._add_claims.sql, [
            self._add_claims.params({
                "article_id": article_id, "position": i * 10, "text": text, "start": start, "end": end,
                "speaker": speaker, "score": score, "reasons": json.dumps(list(reasons)), "proposed": proposed,
                "dismissed": False, "rationale": "", "created_at": stamp, "updated_at": stamp, "version": 1})
            for i, (start, end, text, speaker, score, reasons, proposed, _dates) in enumerate(found)
        ])
        if not any(row[7] for row in found):
            return
        cursor.execute(self._claim_ids.sql, self._claim_ids.params({"article": article_id}))
        ids = [row[0] for row in cursor.fetchall()]
        cursor.executemany(self._add_dates.sql, [
            self._add_dates.params({
                "article_id": article_id, "claim_id": claim_id, "start": row[0] + m_start,
                "end": row[0] + m_end, "text": m_text, "value": value, "granularity": granularity})
            for claim_id, row in zip(ids, found, strict=True)
            for m_start, m_end, m_text, value, granularity in row[7]
        ])
