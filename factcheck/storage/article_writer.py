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
import sqlite3
from collections.abc import Callable, Mapping, Sequence
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
# Sentences per INSERT, at most: fewer when the driver allows fewer bound values per statement
# (SQLite before 3.32 allowed 999).
CLAIM_ROWS = 500
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
        self._add_article_row = _Statement(engine, insert(ARTICLES).returning(a.id), ARTICLE_COLUMNS)
        self._claim_ids = _Statement(engine, select(c.id).where(c.article_id == bindparam("article"))
                                     .order_by(c.position))
        self._one_claim = _Statement(engine, insert(CLAIMS), CLAIM_COLUMNS)
        self._claims_inserts: dict[int, _Statement] = {}
        self._add_dates = _Statement(engine, insert(DATE_MENTIONS), DATE_COLUMNS)
        column_type = c.created_at.type.dialect_impl(engine.dialect)
        self._stamp = column_type.bind_processor(engine.dialect) or (lambda value: value)

    def write(self, item: ArticleInput, digest: str, found: list[SentenceRow]) -> ImportResult:
        """One transaction: the article, every sentence, every date; or, for a known text, nothing."""
        return self.write_many([(item, digest, found)])[0]

    def write_many(self, entries: Sequence[tuple[ArticleInput, str, list[SentenceRow]]]) -> list[ImportResult]:
        """Several articles in one transaction: all of them or, on an error, none.

        A text met twice, in the database or earlier in the batch, is reported, not doubled."""
        with self._writing.begin() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None  # an open connection always has its driver's connection
            cursor = driver.cursor()
            try:
                stamp = self._stamp(dt.datetime.now(dt.UTC))
                results, written = [], []
                for item, digest, found in entries:
                    result = self._add_article(cursor, item, digest, stamp)
                    results.append(result if result.duplicate else
                                   ImportResult(result.article_id, item.title, sum(1 for row in found if row[6]),
                                                len(found)))
                    if not result.duplicate:
                        written.append((result.article_id, found))
                self._write_sentences(cursor, written, stamp)
                return results
            finally:
                cursor.close()

    def _add_article(self, cursor: Any, item: ArticleInput, digest: str, stamp: Any) -> ImportResult:
        """The article row (its id in the result), or the stored article with the same text."""
        cursor.execute(self._find.sql, self._find.params({"digest": digest}))
        existing = cursor.fetchone()
        if existing is not None:
            cursor.execute(self._count.sql, self._count.params({"article": existing[0]}))
            return ImportResult(existing[0], existing[1], cursor.fetchone()[0], 0, duplicate=True)
        published = item.published.isoformat() if item.published else None
        cursor.execute(self._add_article_row.sql, self._add_article_row.params({
            "title": item.title, "outlet": item.outlet, "url": item.url, "author": item.author,
            "published": published, "language": item.language, "body": item.body,
            "content_hash": digest, "imported_at": stamp, "origin": item.origin}))
        return ImportResult(cursor.fetchone()[0], item.title, 0, 0)

    def _write_sentences(self, cursor: Any, written: list[tuple[int, list[SentenceRow]]], stamp: Any) -> None:
        """Every sentence of the batch in a few multi-row statements, then their date mentions.

        FTS5 writes what a statement gave it to disk when the statement ends, so one INSERT per
        sentence cost the search index a tiny segment each (and the merging of them all): one
        statement per CLAIM_ROWS sentences keeps that to a handful per batch."""
        rows = [{"article_id": article_id, "position": i * 10, "text": text, "start": start, "end": end,
                 "speaker": speaker, "score": score, "reasons": json.dumps(list(reasons)), "proposed": proposed,
                 "dismissed": False, "rationale": "", "created_at": stamp, "updated_at": stamp, "version": 1}
                for article_id, found in written
                for i, (start, end, text, speaker, score, reasons, proposed, _dates) in enumerate(found)]
        per_statement = self._rows_per_statement(cursor)
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            sql, parameters = self._claims_insert(len(chunk))
            cursor.execute(sql, parameters(chunk))
        dates: list[Any] = []
        for article_id, found in written:
            if not any(row[7] for row in found):
                continue
            cursor.execute(self._claim_ids.sql, self._claim_ids.params({"article": article_id}))
            ids = [row[0] for row in cursor.fetchall()]
            dates.extend(self._add_dates.params({
                "article_id": article_id, "claim_id": claim_id, "start": row[0] + m_start,
                "end": row[0] + m_end, "text": m_text, "value": value, "granularity": granularity})
                for claim_id, row in zip(ids, found, strict=True)
                for m_start, m_end, m_text, value, granularity in row[7])
        if dates:
            cursor.executemany(self._add_dates.sql, dates)

    @staticmethod
    def _rows_per_statement(cursor: Any) -> int:
        getlimit = getattr(cursor.connection, "getlimit", None)  # sqlite3 on Python 3.11+
        if getlimit is None:
            return CLAIM_ROWS
        return max(1, min(CLAIM_ROWS, getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(CLAIM_COLUMNS)))

    def _claims_insert(self, rows: int) -> tuple[str, Callable[[list[dict[str, Any]]], Any]]:
        """INSERT of `rows` claims at once and how to lay out its parameters.

        With a positional driver (sqlite3) the one-row statement's VALUES group is repeated,
        which costs nothing per size; a named-parameter driver gets a statement compiled for the
        size, once."""
        one = self._one_claim
        if one.order is not None:
            head, group = one.sql.rsplit(" VALUES ", 1)
            order = one.order
            return (f"{head} VALUES {', '.join([group] * rows)}",
                    lambda chunk: [row[name] for row in chunk for name in order])
        statement = self._claims_inserts.get(rows)
        if statement is None:
            values: list[dict[str, Any]] = [{name: bindparam(f"{name}_{n}") for name in CLAIM_COLUMNS}
                                            for n in range(rows)]
            statement = self._claims_inserts[rows] = _Statement(self.engine, insert(CLAIMS).values(values))
        compiled = statement
        return compiled.sql, lambda chunk: compiled.params(
            {f"{name}_{n}": row[name] for n, row in enumerate(chunk) for name in CLAIM_COLUMNS})
