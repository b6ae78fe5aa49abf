"""Reading what an export holds, an article at a time, so a report of any size streams.

Rows are read as columns in a few statements per slice of articles (never one statement per
claim) and handed out as the immutable records of factcheck.export.records.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, and_, exists, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from factcheck.export.records import (
    ArticleEntry,
    ClaimEntry,
    DateEntry,
    ReportSummary,
    SourceEntry,
    VerdictEntry,
)
from factcheck.records import VERDICT_LABELS
from factcheck.storage.models import ARTICLES, CLAIMS, DATE_MENTIONS, SOURCES, VERDICTS

ARTICLES_PER_SLICE = 100
IDS_PER_STATEMENT = 500  # old SQLite builds allow few bound parameters per statement


@dataclass(frozen=True, slots=True)
class Selection:
    """Which claims: those of some articles (all of them when `article_ids` is None), or a list of
    claim ids in the order a search ranked them. Reports keep to the claims a reviewer steps
    through (proposed, not dismissed); `whole` keeps every sentence, as a backup must."""

    article_ids: tuple[int, ...] | None = None
    claim_ids: tuple[int, ...] | None = None
    whole: bool = False


def _open_claim() -> ColumnElement[bool]:
    c = CLAIMS.c
    return and_(c.proposed, ~c.dismissed)


def _slices(ids: Sequence[int], size: int = IDS_PER_STATEMENT) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def summary(engine: Engine, selection: Selection) -> ReportSummary:
    """The counts a report header states, over the claims the selection reports."""
    c, s = CLAIMS.c, SOURCES.c
    has_source = exists().where(s.claim_id == c.id)
    verdicts: dict[str, int] = dict.fromkeys(VERDICT_LABELS, 0)
    claims = unsourced = 0
    articles: set[int] = set()
    with engine.connect() as conn:
        for where in _claim_filters(conn, selection):
            rows = conn.execute(
                select(c.verdict, func.count(), func.sum(c.verdict.is_not(None) & ~has_source))
                .where(where).group_by(c.verdict)).all()
            for verdict, count, without in rows:
                claims += count
                unsourced += int(without or 0)
                if verdict in verdicts:
                    verdicts[verdict] += count
            articles.update(conn.execute(select(c.article_id).where(where).distinct()).scalars())
        if selection.claim_ids is None and selection.article_ids is None:
            article_count = int(conn.execute(select(func.count()).select_from(ARTICLES)).scalar_one())
        elif selection.claim_ids is None and selection.article_ids is not None:
            article_count = int(conn.execute(select(func.count()).select_from(ARTICLES)
                                             .where(ARTICLES.c.id.in_(list(selection.article_ids)))).scalar_one())
        else:
            article_count = len(articles)
    return ReportSummary(articles=article_count, claims=claims, verdicts=verdicts, unsourced=unsourced)


def _claim_filters(conn: Connection, selection: Selection) -> Iterator[ColumnElement[bool]]:
    c = CLAIMS.c
    # A list of claims is reported as it is (a search for is:dismissed lists dismissed claims).
    base = [] if selection.whole else [_open_claim()]
    if selection.claim_ids is not None:
        for chunk in _slices(list(dict.fromkeys(selection.claim_ids))):
            yield c.id.in_(chunk)
    elif selection.article_ids is not None:
        for chunk in _slices(list(selection.article_ids)):
            yield and_(c.article_id.in_(chunk), *base)
    else:
        yield and_(True, *base)


def articles(engine: Engine, selection: Selection, *, full: bool = False) -> Iterator[ArticleEntry]:
    """The articles of the selection with their claims, a slice of articles per few statements;
    `full` reads everything a backup holds (the text, every column, histories, dates).

    With claim ids, articles come in the order of their first claim in the list and claims in the
    list's order (a search's ranking); otherwise articles and claims in reading order.
    """
    if selection.claim_ids is not None:
        order, wanted = _article_order(engine, selection.claim_ids)
        for chunk in _slices(order, ARTICLES_PER_SLICE):
            keep = None if selection.whole else {i for a in chunk for i in wanted[a]}
            rank = {claim_id: n for a in chunk for n, claim_id in enumerate(wanted[a])}
            yield from _read_slice(engine, chunk, keep, rank, full, whole=True)
        return
    if selection.article_ids is not None:
        ids = list(selection.article_ids)
        for chunk in _slices(ids, ARTICLES_PER_SLICE):
            yield from _read_slice(engine, chunk, None, None, full, whole=selection.whole)
        return
    after = 0
    while True:  # keyset pages over every article: no id list of the whole database in memory
        with engine.connect() as conn:
            chunk = list(conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.id > after)
                                      .order_by(ARTICLES.c.id).limit(ARTICLES_PER_SLICE)).scalars())
        if not chunk:
            return
        yield from _read_slice(engine, chunk, None, None, full, whole=selection.whole)
        after = chunk[-1]


def _article_order(engine: Engine, claim_ids: Iterable[int]) -> tuple[list[int], dict[int, list[int]]]:
    """The articles of these claims by first appearance, and each article's claims in list order."""
    ids = list(dict.fromkeys(claim_ids))
    owner: dict[int, int] = {}
    with engine.connect() as conn:
        for chunk in _slices(ids):
            owner.update(conn.execute(select(CLAIMS.c.id, CLAIMS.c.article_id).where(CLAIMS.c.id.in_(chunk))).all())
    wanted: dict[int, list[int]] = defaultdict(list)
    for claim_id in ids:
        if claim_id in owner:
            wanted[owner[claim_id]].append(claim_id)
    return list(wanted), wanted


def _rows(conn: Connection, statement: Select[Any]) -> list[Any]:
    """The statement's rows as the driver gives them: no per-value conversion by SQLAlchemy, which
    would cost more than everything else an export does. Times are converted by `_time`."""
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    args = tuple(params[name] for name in compiled.positiontup or ()) if compiled.positional else params
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has its driver's connection
    cursor = driver.cursor()
    try:
        cursor.execute(str(compiled), args)
        return cursor.fetchall()
    finally:
        cursor.close()


class _Times(dict):
    """Stored times as datetimes, each text converted once: the rows of one import, one verdict
    or one restore share their times, so a slice holds far fewer distinct times than values."""

    def __missing__(self, value: Any) -> dt.datetime | None:
        converted = self[value] = _time(value)
        return converted


def _time(value: Any) -> dt.datetime | None:
    """A stored time in UTC: SQLite keeps text, other databases hand back datetimes."""
    if value is None:
        return None
    if isinstance(value, str):  # stored in UTC without a zone (at most 26 characters): naming it is the fast way
        return dt.datetime.fromisoformat(value + "+00:00" if len(value) <= 26 else value)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _read_slice(engine: Engine, article_ids: Sequence[int], keep: set[int] | None, rank: dict[int, int] | None,
                full: bool, *, whole: bool) -> Iterator[ArticleEntry]:
    """One slice of articles with their claims. `full` (a backup) reads every column, the whole
    verdict history and the dates; a report reads what it shows, and the claim's current verdict
    (kept on the claim row) stands for its history, with the claim it was reused from."""
    a, c, d = ARTICLES.c, CLAIMS.c, DATE_MENTIONS.c
    in_slice = c.article_id.in_(list(article_ids))
    claim_where = in_slice if whole else and_(in_slice, _open_claim())
    with engine.connect() as conn:
        article_rows: dict[int, Any] = {row[0]: row for row in _rows(conn, select(
            a.id, a.title, a.body if full else a.title, a.outlet, a.url, a.author, a.published,
            a.language, a.origin, a.imported_at).where(a.id.in_(list(article_ids))))}
        claims = (_full_claims if full else _report_claims)(conn, claim_where, keep)
        claim_dates: dict[int, list[DateEntry]] = defaultdict(list)
        article_dates: dict[int, list[DateEntry]] = defaultdict(list)
        if full and keep is None:  # dates belong to a backup; reports do not show them
            for mention in _rows(conn, select(d.article_id, d.claim_id, d.start, d.end, d.text, d.value,
                                              d.granularity).where(d.article_id.in_(list(article_ids)))
                                 .order_by(d.id)):
                entry = DateEntry(mention[2], mention[3], mention[4], mention[5], mention[6])
                (claim_dates[mention[1]] if mention[1] is not None else article_dates[mention[0]]).append(entry)
            claims = {article: [claim._replace(dates=tuple(claim_dates.get(claim.id, ()))) for claim in mine]
                      for article, mine in claims.items()} if claim_dates else claims
    for article_id in article_ids:
        row = article_rows.get(article_id)
        if row is None:
            continue
        mine = claims.get(article_id, [])
        if rank is not None and keep is not None:
            mine.sort(key=lambda claim: rank.get(claim.id, 0))
        yield ArticleEntry(row[0], row[1], row[2] if full else "", row[3], row[4], row[5], row[6], row[7],
                           row[8], _time(row[9]), tuple(mine), tuple(article_dates.get(article_id, ())))


def _report_claims(conn: Connection, where: ColumnElement[bool], keep: set[int] | None) -> dict[int, list[ClaimEntry]]:
    c, s, v = CLAIMS.c, SOURCES.c, VERDICTS.c
    reused = (select(v.reused_from).where(v.claim_id == c.id).order_by(v.id.desc()).limit(1)
              .correlate(CLAIMS).scalar_subquery())
    rows = _rows(conn, select(c.id, c.article_id, c.position, c.text, c.speaker, c.proposed, c.dismissed, c.verdict,
                              c.rationale, c.reviewer, c.reviewed_at, reused)
                 .where(where).order_by(c.article_id, c.position, c.id))
    sources: dict[int, list[SourceEntry]] = defaultdict(list)
    for src in _rows(conn, select(s.claim_id, s.url, s.title, s.publisher, s.accessed)
                     .join(CLAIMS, c.id == s.claim_id).where(where).order_by(s.id)):
        sources[src[0]].append(SourceEntry(src[1], src[2], src[3], "", src[4]))
    claims: dict[int, list[ClaimEntry]] = defaultdict(list)
    times = _Times()
    for r in rows:
        if keep is not None and r[0] not in keep:
            continue
        when = times[r[10]]
        current = (VerdictEntry(r[7], r[8], r[9] or "", when, r[11]),) if r[7] else ()
        claims[r[1]].append(ClaimEntry(r[0], r[2], r[3], None, None, r[4], 0.0, (), bool(r[5]), bool(r[6]), r[7],
                                       r[8], r[9], when, None, None, 1, tuple(sources.get(r[0], ())), (), current))
    return claims


def _full_claims(conn: Connection, where: ColumnElement[bool], keep: set[int] | None) -> dict[int, list[ClaimEntry]]:
    c, s, v = CLAIMS.c, SOURCES.c, VERDICTS.c
    rows = _rows(conn, select(
        c.id, c.article_id, c.position, c.text, c.start, c.end, c.speaker, c.score, c.reasons,
        c.proposed, c.dismissed, c.verdict, c.rationale, c.reviewer, c.reviewed_at, c.created_at,
        c.updated_at, c.version).where(where).order_by(c.article_id, c.position, c.id))
    times = _Times()
    sources: dict[int, list[SourceEntry]] = defaultdict(list)
    for src in _rows(conn, select(s.claim_id, s.url, s.title, s.publisher, s.excerpt, s.accessed, s.added_at)
                     .join(CLAIMS, c.id == s.claim_id).where(where).order_by(s.id)):
        sources[src[0]].append(SourceEntry(src[1], src[2], src[3], src[4], src[5], times[src[6]]))
    history: dict[int, list[VerdictEntry]] = defaultdict(list)
    for verdict in _rows(conn, select(v.claim_id, v.label, v.rationale, v.reviewer, v.created_at, v.reused_from)
                         .join(CLAIMS, c.id == v.claim_id).where(where).order_by(v.id)):
        history[verdict[0]].append(VerdictEntry(verdict[1], verdict[2], verdict[3], times[verdict[4]], verdict[5]))
    claims: dict[int, list[ClaimEntry]] = defaultdict(list)
    reasons: dict[str, tuple[str, ...]] = {}  # a few combinations of reasons recur across thousands of claims
    for r in rows:
        if keep is not None and r[0] not in keep:
            continue
        if r[8] not in reasons:
            reasons[r[8]] = tuple(json.loads(r[8] or "[]"))
        claims[r[1]].append(ClaimEntry(
            r[0], r[2], r[3], r[4], r[5], r[6], r[7], reasons[r[8]], bool(r[9]), bool(r[10]), r[11],
            r[12], r[13], times[r[14]], times[r[15]], times[r[16]], r[17], tuple(sources.get(r[0], ())),
            (), tuple(history.get(r[0], ()))))
    return claims
