"""The one service the GUI and the CLI call: reads, imports and operations.

It hands out plain records (factcheck.records), never sessions or ORM objects, and runs every
change as one transaction.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import and_, bindparam, case, func
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlmodel import Session, select

from factcheck import ops
from factcheck.storage import database as db
from factcheck.importing import reading as ingest
from factcheck.storage.article_writer import ArticleWriter
from factcheck.storage.models import Article, Claim, DateMention, Source, Verdict, as_utc
from factcheck.errors import FactcheckError, IngestError, StoreError
from factcheck.importing.paths import expand as expand_paths
from factcheck.records import (
    ArticleRecord,
    ArticleText,
    Changes,
    ClaimRecord,
    DateRecord,
    ImportReport,
    ImportResult,
    SourceInput,
    SourceRecord,
    VerdictRecord,
)

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
# What the importer reads, for file dialogs; and where to open without --db. Both are re-exported
# here so front ends need no module of the core but the store.
IMPORTABLE_SUFFIXES = ingest.SUPPORTED_SUFFIXES
default_database = db.default_database


def default_reviewer() -> str:
    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def content_hash(body: str) -> str:
    """Whitespace-insensitive, so the same text saved with other line endings is still recognised."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path_or_url: str | os.PathLike | None = None, reviewer: str | None = None) -> None:
        target = path_or_url if path_or_url is not None else db.default_database_path()
        self.url = db.to_url(target)
        self.path = db.sqlite_path(self.url)
        self.engine = db.open_engine(target)
        self._writer = ArticleWriter(self.engine)
        self._history = (select(Verdict.id, Verdict.claim_id, Verdict.label, Verdict.rationale, Verdict.reviewer,
                                Verdict.created_at)
                         .where(Verdict.claim_id == bindparam("claim")).order_by(Verdict.id))
        self.reviewer = reviewer or default_reviewer()

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else self.url

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- changes ---------------------------------------------------------------------------

    def run(self, op: ops.Operation) -> Changes:
        """Apply an operation in one transaction; on any error nothing of it is kept."""
        return self._in_transaction(op.apply)

    def revert(self, op: ops.Operation) -> Changes:
        return self._in_transaction(op.revert)

    def _in_transaction(self, step: Callable[[Session], Changes]) -> Changes:
        # A write transaction from its first statement: the claim version an operation checks
        # cannot change before it commits (factcheck.storage.transactions).
        try:
            with Session(db.writing(self.engine)) as session, session.begin():
                return step(session)
        except SAOperationalError as exc:
            raise StoreError(f"The database refused the change ({exc.orig}). Nothing was saved.") from None

    def set_verdict(self, claim_id: int, verdict: str, rationale: str | None = None,
                    sources: Iterable[SourceInput] = (), reviewer: str | None = None) -> Changes:
        return self.run(ops.SetVerdict(claim_id, verdict=verdict, rationale=rationale, sources=tuple(sources),
                                       reviewer=reviewer or self.reviewer))

    # -- imports ---------------------------------------------------------------------------

    def import_paths(self, paths: Iterable[str | os.PathLike[str]], overrides: Mapping[str, Any] | None = None, *,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> ImportReport:
        """Import files and folders: the one path the CLI and the window both take.

        Every file is read and checked first, so one bad file is reported and the others still
        go in; each article is its own transaction, so a cancel or an error keeps what was stored.
        `progress(done, total, name)` is called from this thread as the work goes.
        """
        names = expand_paths(paths)
        report = ImportReport()
        total = len(names)
        step = progress or (lambda _done, _total, _name: None)
        readable: list[tuple[str, ingest.ArticleInput]] = []
        for done, name in enumerate(names):  # reading is quick: checks, encoding, front matter
            if cancelled():
                report.cancelled = True
                return report
            step(done, total, name)
            try:
                readable.append((name, ingest.read_file(name, **dict(overrides or {}))))
            except IngestError as exc:
                report.failed.append((name, str(exc)))
        pending = iter(name for name, _ in readable)
        try:  # analysing is the long part: a batch runs it in worker processes
            for result in self.import_many([item for _, item in readable], cancelled=cancelled):
                report.imported.append((next(pending), result))
                step(len(report.imported) + len(report.failed), total, report.imported[-1][0])
        except FactcheckError as exc:
            report.failed.extend((name, str(exc)) for name in pending)
        if cancelled() and len(report.imported) + len(report.failed) < total:
            report.cancelled = True
        step(len(report.imported) + len(report.failed), total, "")
        return report

    def import_pasted(self, text: str, **overrides: Any) -> ImportReport:
        """Import pasted text; bad text raises IngestError, so a dialog can stay open with the reason."""
        result = self.import_input(ingest.from_text(text, origin="pasted", **overrides))
        return ImportReport(imported=[("pasted text", result)])

    def import_file(self, path: str | os.PathLike, **overrides: Any) -> ImportResult:
        return self.import_input(ingest.read_file(path, **overrides))

    def import_text(self, text: str, **overrides: Any) -> ImportResult:
        return self.import_input(ingest.from_text(text, **overrides))

    def import_input(self, item: ingest.ArticleInput) -> ImportResult:
        """Analyse and store one article in one transaction; a known text is reported, not doubled."""
        from factcheck.importing import batch  # analysis loads word lists: only when importing

        return self._write(item, batch.analyse_input(item))

    def import_many(self, items: Iterable[ingest.ArticleInput], workers: int | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Iterator[ImportResult]:
        """Import a batch, analysing in worker processes; yields each result as it is stored.

        Every article is its own transaction, so stopping (cancel, an error) keeps what was stored.
        """
        from factcheck.importing import batch

        for item, found in batch.analysed(list(items), workers, cancelled):
            yield self._write(item, found)

    def _write(self, item: ingest.ArticleInput, found: list[tuple]) -> ImportResult:
        try:
            return self._writer.write(item, content_hash(item.body), found)
        except SAOperationalError as exc:
            raise StoreError(f"The database refused the import ({exc.orig}). Nothing was saved.") from None

    def seed(self, folder: Path = SEEDS_DIR) -> list[ImportResult]:
        """Load the sample articles into a database that has none yet."""
        if self.article_count():
            return []
        files = sorted(p for p in folder.glob("*")
                       if p.suffix in ingest.SUPPORTED_SUFFIXES and not p.name.upper().startswith("README"))
        return [self.import_file(p) for p in files]

    # -- reads -----------------------------------------------------------------------------

    def article_count(self) -> int:
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(Article)).one()

    def claim_count(self) -> int:
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(Claim)).one()

    def articles(self, ids: Iterable[int] | None = None) -> list[ArticleRecord]:
        """Every article (or those given) with its proposed and reviewed counts, oldest first."""
        open_claim = and_(Claim.proposed, ~Claim.dismissed)
        claims_n = func.coalesce(func.sum(case((open_claim, 1), else_=0)), 0)
        reviewed_n = func.coalesce(func.sum(case((and_(open_claim, Claim.verdict.is_not(None)), 1), else_=0)), 0)
        query = (
            select(Article.id, Article.title, Article.outlet, Article.url, Article.author, Article.published,
                   Article.language, Article.origin, Article.imported_at, claims_n, reviewed_n)
            .join(Claim, Claim.article_id == Article.id, isouter=True)
            .group_by(Article.id)
            .order_by(Article.id)
        )
        if ids is not None:
            query = query.where(Article.id.in_(list(ids)))
        with self.engine.connect() as conn:  # columns only: no ORM objects to build for thousands of rows
            return [
                ArticleRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], as_utc(r[8]), int(r[9]), int(r[10]))
                for r in conn.execute(query).all()
            ]

    def article(self, article_id: int) -> ArticleRecord | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def article_text(self, article_id: int) -> ArticleText | None:
        record = self.article(article_id)
        if record is None:
            return None
        with Session(self.engine) as session:
            body = session.exec(select(Article.body).where(Article.id == article_id)).one()
            # Mentions of typed claims index the claim's own text, not the body: leave them out.
            mentions = session.exec(
                select(DateMention)
                .join(Claim, Claim.id == DateMention.claim_id)
                .where(DateMention.article_id == article_id, Claim.start.is_not(None))
                .order_by(DateMention.start)
            ).all()
            dates = tuple(DateRecord(d.start, d.end, d.text, d.value, d.granularity) for d in mentions)
        return ArticleText(record, body, dates)

    def claims(self, article_id: int, *, proposed_only: bool = False) -> list[ClaimRecord]:
        """The claims of an article in reading order; with every sentence unless `proposed_only`."""
        query = select(Claim).where(Claim.article_id == article_id)
        if proposed_only:
            query = query.where(Claim.proposed)
        return self._claim_records(query.order_by(Claim.position, Claim.id))

    def claims_by_ids(self, ids: Iterable[int]) -> list[ClaimRecord]:
        """The claims with these ids, in the order given (a search's ranking); unknown ids are skipped."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        found: dict[int, ClaimRecord] = {}
        # SQLite allows a few hundred bound parameters per statement on old builds: ask in slices.
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update((c.id, c) for c in self._claim_records(select(Claim).where(Claim.id.in_(chunk))))
        return [found[i] for i in wanted if i in found]

    def claim(self, claim_id: int) -> ClaimRecord | None:
        found = self._claim_records(select(Claim).where(Claim.id == claim_id))
        return found[0] if found else None

    def _claim_records(self, query) -> list[ClaimRecord]:  # noqa: ANN001 - a select(Claim)
        with Session(self.engine) as session:
            rows = session.exec(query).all()
            ids = [c.id for c in rows]
            sources: dict[int, list[SourceRecord]] = defaultdict(list)
            dates: dict[int, list[DateRecord]] = defaultdict(list)
            if ids:
                for s in session.exec(select(Source).where(Source.claim_id.in_(ids)).order_by(Source.id)):
                    sources[s.claim_id].append(
                        SourceRecord(s.id, s.claim_id, s.url, s.title, s.publisher, s.excerpt, s.accessed)
                    )
                for d in session.exec(
                    select(DateMention).where(DateMention.claim_id.in_(ids)).order_by(DateMention.start)
                ):
                    dates[d.claim_id].append(DateRecord(d.start, d.end, d.text, d.value, d.granularity))
            return [
                ClaimRecord(
                    c.id, c.article_id, c.position, c.text, c.start, c.end, c.speaker, c.score,
                    tuple(json.loads(c.reasons or "[]")), c.proposed, c.dismissed, c.verdict, c.rationale,
                    c.reviewer, as_utc(c.reviewed_at), c.version, tuple(sources[c.id]), tuple(dates[c.id]),
                )
                for c in rows
            ]

    def history(self, claim_id: int) -> list[VerdictRecord]:
        """Every verdict the claim was given, oldest first."""
        # Asked on every step through the claims, so it reads columns, not ORM objects.
        with self.engine.connect() as conn:
            rows = conn.execute(self._history, {"claim": claim_id}).all()
        return [VerdictRecord(r[0], r[1], r[2], r[3], r[4], as_utc(r[5])) for r in rows]

    def next_unreviewed(self, article_id: int | None = None, position: int | None = None) -> ClaimRecord | None:
        """The first open claim without a verdict after the given place, wrapping to the start."""
        base = select(Claim).where(Claim.proposed, ~Claim.dismissed, Claim.verdict.is_(None))
        order = (Claim.article_id, Claim.position, Claim.id)
        if article_id is not None and position is not None:
            after = base.where(
                (Claim.article_id > article_id) | ((Claim.article_id == article_id) & (Claim.position > position))
            )
            found = self._claim_records(after.order_by(*order).limit(1))
            if found:
                return found[0]
        found = self._claim_records(base.order_by(*order).limit(1))
        return found[0] if found else None

