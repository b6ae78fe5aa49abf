"""The one service the GUI and the CLI call: reads, imports and operations.

It hands out plain records (factcheck.records), never sessions or ORM objects, and runs every
change as one transaction.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import json
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select, String, bindparam, func, select, type_coerce
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from factcheck import ops, preferences
from factcheck.errors import BackupError, ExportError, FactcheckError, IngestError, StoreError
from factcheck.importing import json_backup
from factcheck.importing import reading as ingest
from factcheck.importing.paths import expand as expand_paths
from factcheck.quick_reads import QuickReads
from factcheck.records import (
    ArticleRecord,
    ArticleRow,
    ArticleText,
    BackupRecord,
    Changes,
    ClaimModelStatus,
    ClaimRecord,
    DateRecord,
    ExportResult,
    ImportReport,
    ImportResult,
    RetrainReport,
    SavedSearch,
    SearchResult,
    SourceInput,
    SourceRecord,
    VerdictRecord,
)
from factcheck.storage import backups as backup_files
from factcheck.storage import database as db
from factcheck.storage import desk_labels
from factcheck.storage.article_writer import ArticleWriter
from factcheck.storage.change_counter import ChangeCounter
from factcheck.storage.models import ARTICLES, CLAIMS, DATE_MENTIONS, SAVED_SEARCHES, SOURCES, VERDICTS, as_utc

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
# What the importer reads, for file dialogs; and where to open without --db. Both are re-exported
# here so front ends need no module of the core but the store.
IMPORTABLE_SUFFIXES = ingest.SUPPORTED_SUFFIXES + (".json",)  # .json: a backup (factcheck.importing.json_backup)
default_database = db.default_database
# The export formats of the core, for the dialog and the CLI (the window adds "pdf", which it renders).
EXPORT_FORMATS = ("html", "md", "csv", "json", "claimreview")
# A batch import commits this many articles at once, or what it has after this long: few commits
# keep the search index's segments few, and the reviewer still sees progress several times a second.
COMMIT_ARTICLES = 32
COMMIT_SECONDS = 0.25
# After the busy timeout (5 s) a write is tried again after these pauses before "locked" is reported:
# another program's long transaction (a large import, a restore) should not cost a reviewer a change.
LOCKED_RETRY_PAUSES = (0.2, 1.0, 3.0)
# How often a database in use is backed up while it changes (the window, and the command line on open).
BACKUP_INTERVAL = backup_files.INTERVAL


def default_reviewer() -> str:
    """The Preferences' reviewer (shared by the window and the CLI), else the OS user name."""
    return preferences.reviewer()


def _stored_time(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp (UTC): on SQLite the text SQLAlchemy wrote ("2025-05-03 12:00:00.000000")."""
    if isinstance(value, dt.datetime):
        return as_utc(value)
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC) if value else None


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
        self._all_articles_sql: str | None = None  # every article's record, compiled once
        self._listing_sql: str | None = None  # the article list's columns, compiled once
        v = VERDICTS.c
        self._history = (select(v.id, v.claim_id, v.label, v.rationale, v.reviewer, v.created_at, v.reused_from)
                         .where(v.claim_id == bindparam("claim")).order_by(v.id))
        self.reviewer = reviewer or default_reviewer()
        self._counter = ChangeCounter(self.path) if self.path is not None else None
        # The reads a review key makes (a claim, its history, the article's row) straight from the
        # driver's cursor: through SQLAlchemy each one cost some twenty times as much. A SQLite file
        # only; anything else, or a refused read, goes through SQLAlchemy below.
        self._quick = QuickReads.open(self.path) if self.path is not None else None

    def data_version(self) -> int | None:
        """Changes whenever any connection, this store's included, committed; None if not known (a server database)."""
        return self._counter.value() if self._counter is not None else None

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else self.url

    def close(self) -> None:
        if self._quick is not None:
            self._quick.close()
            self._quick = None
        if self._counter is not None:
            self._counter.close()
        self.engine.dispose()

    def _quickly(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """The quick read `name`, or `_NOT_QUICK` when there is none or the driver refused it."""
        if self._quick is None:
            return _NOT_QUICK
        try:
            return getattr(self._quick, name)(*args, **kwargs)
        except sqlite3.Error:
            return _NOT_QUICK  # a read-only connection can be refused (a log reset by a writer)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- changes ---------------------------------------------------------------------------

    def run(self, op: ops.Operation) -> Changes:
        """Apply an operation in one transaction; on any error nothing of it is kept."""
        if isinstance(op, ops.AddClaim):  # it scores the new claim: with this database's model
            from factcheck.analysis import claim_retrain

            claim_retrain.use_weights(desk_labels.weights_in_use(self.engine))
        return self._in_transaction(op.apply)

    def revert(self, op: ops.Operation) -> Changes:
        return self._in_transaction(op.revert)

    def _in_transaction(self, step: Callable[[Session], Changes]) -> Changes:
        # A write transaction from its first statement: the claim version an operation checks
        # cannot change before it commits (factcheck.storage.transactions).
        for pause in (*LOCKED_RETRY_PAUSES, None):
            try:
                with Session(db.writing(self.engine)) as session, session.begin():
                    return step(session)
            except SAOperationalError as exc:
                if pause is not None and db.is_busy(exc):
                    time.sleep(pause)  # another program held the write lock past the busy timeout
                    continue
                raise StoreError(f"The database refused the change: {db.refusal(exc)}. Nothing was saved.") from None
        raise AssertionError("not reached")

    def set_verdict(self, claim_id: int, verdict: str, rationale: str | None = None,
                    sources: Iterable[SourceInput] = (), reviewer: str | None = None) -> Changes:
        return self.run(ops.SetVerdict(claim_id, verdict=verdict, rationale=rationale, sources=tuple(sources),
                                       reviewer=reviewer or self.reviewer))

    # -- imports ---------------------------------------------------------------------------

    def edit_article(self, article_id: int, *, title: str, outlet: str = "", url: str = "", published: str = "",
                     language: str = "en") -> Changes:
        """Correct an article's details (the command line's way; the window pushes the operation for undo)."""
        return self.run(ops.EditArticleDetails(article_id, title=title, outlet=outlet, url=url, published=published,
                                               language=language))

    def import_paths(self, paths: Iterable[str | os.PathLike[str]], overrides: Mapping[str, Any] | None = None, *,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> ImportReport:
        """Import files and folders: the one path the CLI and the window both take.

        Every file is read and checked first, so one bad file is reported and the others still
        go in; each article is whole or absent, and a cancel or an error keeps what was stored.
        `progress(done, total, name)` is called from this thread as the work goes.
        """
        names, empty_folders = expand_paths(paths)
        report = ImportReport(failed=empty_folders)
        # A JSON backup is restored, not analysed; it is reported after the files, so the
        # progress and the cancel below count files only.
        restored = ImportReport()
        for name in [n for n in names if json_backup.is_backup_path(n)]:
            names.remove(name)
            try:
                restored.imported.extend((name, result) for result in self.import_backup(name))
            except FactcheckError as exc:
                restored.failed.append((name, str(exc)))
        total = len(names) + len(empty_folders)
        step = progress or (lambda _done, _total, _name: None)
        readable: list[tuple[str, ingest.ArticleInput]] = []
        for done, name in enumerate(names, start=len(empty_folders)):  # reading is quick: checks, encoding
            if cancelled():
                report.cancelled = True
                report.imported.extend(restored.imported)  # restored already: reported, not lost
                report.failed.extend(restored.failed)
                return report
            step(done, total, name)
            try:
                readable.append((name, ingest.read_file(name, **dict(overrides or {}))))
            except IngestError as exc:
                report.failed.append((name, str(exc)))
        from factcheck.importing import batch  # analysis loads word lists: only when importing

        names_of = {id(item): name for name, item in readable}
        # The long part is analysing, which a batch runs in worker processes; the articles are then
        # written a batch at a time, and a refused batch article by article (see _write_each).
        per_commit = COMMIT_ARTICLES if len(readable) >= COMMIT_ARTICLES else 1
        pending: list[tuple[ingest.ArticleInput, list[tuple]]] = []
        started = time.monotonic()
        analysed = batch.analysed([item for _, item in readable], cancelled=cancelled,
                                  weights=desk_labels.weights_in_use(self.engine))
        for item, found in itertools.chain(analysed, [(None, [])]):  # None: the end, write what is left
            if item is not None:
                pending.append((item, found))
                if len(pending) < per_commit and time.monotonic() - started < COMMIT_SECONDS:
                    continue
            for article, outcome in self._write_each(pending):
                name = names_of[id(article)]
                if isinstance(outcome, FactcheckError):
                    report.failed.append((name, f"'{ingest.displayable(name)}': {outcome}"))
                else:
                    report.imported.append((name, outcome))
                step(len(report.imported) + len(report.failed), total, name)
            pending, started = [], time.monotonic()
        if cancelled() and len(report.imported) + len(report.failed) < total:
            report.cancelled = True
        step(len(report.imported) + len(report.failed), total, "")
        report.imported.extend(restored.imported)
        report.failed.extend(restored.failed)
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
        from factcheck.analysis import claim_retrain
        from factcheck.importing import batch  # analysis loads word lists: only when importing

        claim_retrain.use_weights(desk_labels.weights_in_use(self.engine))
        return self._write(item, batch.analyse_input(item))

    def import_many(self, items: Iterable[ingest.ArticleInput], workers: int | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Iterator[ImportResult]:
        """Import a batch, analysing in worker processes; yields each result once it is stored.

        Articles are committed a few at a time (up to COMMIT_ARTICLES, or after COMMIT_SECONDS),
        each one whole or absent; stopping (cancel, an error) keeps every result already yielded.
        """
        from factcheck.importing import batch

        todo = list(items)
        # A few articles are committed one by one: a cancel then stops at the very article it
        # was pressed on, and there is little to gain from fewer commits.
        per_commit = COMMIT_ARTICLES if len(todo) >= COMMIT_ARTICLES else 1
        pending: list[tuple[ingest.ArticleInput, list[tuple]]] = []
        started = time.monotonic()
        for item, found in batch.analysed(todo, workers, cancelled, desk_labels.weights_in_use(self.engine)):
            pending.append((item, found))
            if len(pending) >= per_commit or time.monotonic() - started >= COMMIT_SECONDS:
                yield from self._write_batch(pending)
                pending, started = [], time.monotonic()
        yield from self._write_batch(pending)

    def _write(self, item: ingest.ArticleInput, found: list[tuple]) -> ImportResult:
        return self._write_batch([(item, found)])[0]

    def _write_batch(self, pending: list[tuple[ingest.ArticleInput, list[tuple]]]) -> list[ImportResult]:
        """Store analysed articles in one transaction: every one of them, or (raising) none; then
        the verdicts a web page published itself, as reviewed claims of its new article."""
        written = self._store_batch(pending)
        for (item, _), result in zip(pending, written, strict=True):
            if item.past_verdicts and not result.duplicate:
                self.run(ops.RecordPastVerdicts(result.article_id, tuple(item.past_verdicts)))
        return written

    def _store_batch(self, pending: list[tuple[ingest.ArticleInput, list[tuple]]]) -> list[ImportResult]:
        if not pending:
            return []
        entries = [(item, content_hash(item.body), found) for item, found in pending]
        duplicate_race = False
        for pause in (*LOCKED_RETRY_PAUSES, None):
            try:
                return self._writer.write_many(entries)
            except (SAIntegrityError, sqlite3.IntegrityError):
                # Another program stored the same text between our look and our write: the second
                # look finds it and reports it as already imported.
                if duplicate_race:
                    raise StoreError("The database refused the import (the same text was being stored at "
                                     "once elsewhere). Nothing was saved; import it again.") from None
                duplicate_race = True
            except (SQLAlchemyError, sqlite3.Error) as exc:
                # The writer runs on the driver's cursor: its errors arrive as sqlite3's own.
                if pause is not None and db.is_busy(exc):
                    time.sleep(pause)
                    continue
                raise StoreError(f"The database refused the import: {db.refusal(exc)}. Nothing was saved.") from None
        raise StoreError("The database stayed locked by another program; nothing was saved. Try again.")

    def _write_each(self, pending: list[tuple[ingest.ArticleInput, list[tuple]]]
                    ) -> Iterator[tuple[ingest.ArticleInput, ImportResult | FactcheckError]]:
        """The batch in one transaction; if it is refused, article by article, so that the one
        refused write (a full disk, say) is reported with its own file and the rest still go in."""
        try:
            written = self._write_batch(pending)
        except FactcheckError as exc:
            if len(pending) == 1:
                yield pending[0][0], exc
                return
        else:
            yield from zip((item for item, _ in pending), written, strict=True)
            return
        for item, found in pending:
            try:
                yield item, self._write(item, found)
            except FactcheckError as exc:
                yield item, exc

    def import_backup(self, path: str | os.PathLike[str]) -> list[ImportResult]:
        """Import a JSON backup (`export --format json`): all of it in one transaction, or nothing.
        Unlike `restore` (a database backup put in the database's place), it adds to what is here."""
        backup = json_backup.read(path)
        return self.import_records(backup.articles, backup.saved_searches)

    def import_records(self, articles: Iterable[json_backup.ArticleEntry],
                       saved_searches: Iterable[tuple[str, str]] = ()) -> list[ImportResult]:
        """Write articles as a backup holds them (every sentence, history and source) in one transaction."""
        from factcheck.storage import backup_import

        try:
            return backup_import.write(self.engine, articles, saved_searches, content_hash)
        except SAIntegrityError as exc:
            raise StoreError(f"The backup does not fit this database ({exc.orig}). Nothing was saved.") from None
        except SAOperationalError as exc:
            raise StoreError(f"The database refused the import ({exc.orig}). Nothing was saved.") from None

    def seed(self, folder: Path = SEEDS_DIR) -> list[ImportResult]:
        """Load the sample articles into a database that has none yet."""
        if self.article_count():
            return []
        files = sorted(p for p in folder.glob("*")
                       if ingest.is_supported(p.name) and not p.name.upper().startswith("README"))
        return [self.import_file(p) for p in files]

    # -- backups (factcheck.storage.backups) ------------------------------------------------
    # Each backup reads the database through its own connection, so these may run on a worker
    # thread while the window keeps working.

    def _file(self) -> Path:
        if self.path is None:
            raise BackupError(f"{self.url} is not a database file; back it up with its server's own tools.")
        return self.path

    @property
    def backups_folder(self) -> str | None:
        return str(backup_files.backups_dir(self.path)) if self.path is not None else None

    def backup_due(self, min_age: dt.timedelta = dt.timedelta(0)) -> bool:
        """Whether the database changed since its newest backup, made at least `min_age` ago."""
        # A database without articles has nothing to keep yet.
        return self.path is not None and backup_files.backup_due(self.path, min_age) and self.article_count() > 0

    def automatic_backup(self) -> BackupRecord:
        """An automatic backup, then the automatic ones thinned (today's and yesterday's all kept)."""
        return self._record(backup_files.automatic_backup(self._file()))

    def backup(self, output: str | os.PathLike[str] | None = None) -> BackupRecord:
        """A backup on request: into the backups folder (never thinned), or to `output`."""
        try:
            target = Path(output).expanduser().resolve() if output is not None else None
            if target is not None and (target.is_dir() or target == self._file().resolve()):
                raise BackupError(f"{target} is a folder or the database itself; give the name of a new file.")
            if target is not None and (os.path.lexists(target)):
                # Never over an existing file: a typo must not replace a document, a device or a system file.
                raise BackupError(f"{target} already exists; give the name of a new file.")
        except OSError as exc:
            raise BackupError(f"Cannot back up to {str(output)[:200]} ({exc.strerror or exc}); "
                              "give the name of a new file.") from None
        return self._record(backup_files.make_backup(self._file(), "manual", output=target))

    def backups(self) -> list[BackupRecord]:
        """This database's backups, newest first, with what each holds."""
        return [self._record(info.path, info) for info in backup_files.list_backups(self._file())]

    def restore(self, backup: str | os.PathLike[str]) -> BackupRecord:
        """Put a backup in the database's place; the current state is backed up first, so a restore can
        itself be undone by restoring that copy. Returns the copy of the state before."""
        try:
            source = Path(backup).expanduser().resolve()
            if not source.is_file():
                raise BackupError(f"{str(source)[:200]} is not a file; list the backups with: factcheck backups")
        except OSError as exc:
            raise BackupError(f"Cannot restore from {str(backup)[:200]} ({exc.strerror or exc}); list the "
                              "backups with: factcheck backups") from None
        try:
            db.check_readable_database(source)
        except FactcheckError as exc:
            raise BackupError(f"Cannot restore from it: {exc}") from None
        before = backup_files.make_backup(self._file(), "before-restore")
        self.engine.dispose()
        try:
            backup_files.copy_into(source, self._file())
        finally:
            self.engine = db.open_engine(self._file())  # an older copy is upgraded, with its own backup
            self._writer = ArticleWriter(self.engine)
            self._all_articles_sql = self._listing_sql = None  # compiled again for the engine now in place
        return self._record(before)

    def _record(self, path: Path, info: backup_files.BackupInfo | None = None) -> BackupRecord:
        if info is None:
            stat = path.stat()
            info = backup_files.BackupInfo(path, "manual", dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size)
            info = next((b for b in backup_files.list_backups(self._file()) if b.path == path), info)
        try:
            articles, claims = backup_files.contents(path)
        except BackupError:
            return BackupRecord(str(path), info.kind, info.made_at, info.size)
        return BackupRecord(str(path), info.kind, info.made_at, info.size, articles, claims)

    # -- reads -----------------------------------------------------------------------------

    def article_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(ARTICLES)).scalar_one())

    def retrain_claim_model(self, progress: Callable[[int, int], None] | None = None,
                            cancelled: Callable[[], bool] = lambda: False) -> RetrainReport:
        """Fit the claim proposal further on this desk's decisions; later imports use it."""
        from factcheck.storage import claim_retraining

        return claim_retraining.retrain(self.engine, progress, cancelled)

    def reset_claim_model(self) -> int:
        """Back to the shipped claim proposal; how many retrained models were removed."""
        from factcheck.storage import claim_retraining

        return claim_retraining.forget(self.engine)

    def claim_model_status(self) -> list[ClaimModelStatus]:
        from factcheck.storage import claim_retraining

        return claim_retraining.status(self.engine)

    def desk_decisions(self) -> list[desk_labels.Decision]:
        """The reviewer's word on sentences (dismissed, promoted, added, judged): the labels the
        claim proposal is retrained on."""
        return desk_labels.decisions(self.engine)

    def claim_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(CLAIMS)).scalar_one())

    def articles(self, ids: Iterable[int] | None = None) -> list[ArticleRecord]:
        """Every article (or those given) with its proposed and reviewed counts, oldest first."""
        if ids is not None and (quick := self._quickly("articles", ids)) is not _NOT_QUICK:
            return quick
        query = _ARTICLE_ROWS if ids is None else _ARTICLE_ROWS.where(ARTICLES.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            if ids is None and self.engine.dialect.name == "sqlite":
                # Every article, on every reload of the list: straight from the driver's cursor,
                # since building SQLAlchemy rows and parsing each timestamp took most of the time.
                if self._all_articles_sql is None:
                    self._all_articles_sql = str(query.compile(dialect=self.engine.dialect))
                driver = conn.connection.driver_connection
                assert driver is not None  # an open connection always has its driver's connection
                rows: Iterable[Any] = driver.execute(self._all_articles_sql).fetchall()
            else:
                rows = conn.execute(query).all()
            return [ArticleRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _stored_time(r[8]), r[9], r[10])
                    for r in rows]

    def article_list(self, ids: Iterable[int] | None = None) -> list[ArticleRow]:
        """The article list's columns for every article (or those given), oldest first.

        One covering index (migration 0007) holds these columns, so the read never touches the
        article rows with their bodies; on SQLite every article comes straight from the driver's cursor.
        """
        if ids is not None and (quick := self._quickly("article_list", ids)) is not _NOT_QUICK:
            return quick
        query = _LISTING if ids is None else _LISTING.where(ARTICLES.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            if ids is not None or self.engine.dialect.name != "sqlite":
                return [tuple(row) for row in conn.execute(query)]
            if self._listing_sql is None:
                # Its constants (the date's length) written into the text: the cursor gets no parameters.
                self._listing_sql = str(query.compile(dialect=self.engine.dialect,
                                                      compile_kwargs={"literal_binds": True}))
            driver = conn.connection.driver_connection
            assert driver is not None  # an open connection always has its driver's connection
            # Tens of thousands of fresh tuples would set off the garbage collector over and over,
            # each time walking every object of the process: none of them can be in a cycle.
            collecting = gc.isenabled()
            gc.disable()
            try:
                rows: list[ArticleRow] = driver.execute(self._listing_sql).fetchall()
            finally:
                if collecting:
                    gc.enable()
            return rows

    def article_list_head(self, n: int) -> list[ArticleRow]:
        """The article list's first `n` rows in the order it shows them (unfinished first, each part
        oldest first): the first screen, before the whole list is read."""
        if (quick := self._quickly("article_list_head", n)) is not _NOT_QUICK:
            return quick
        a = ARTICLES.c
        finished = (a.open_claims > 0) & (a.reviewed_claims >= a.open_claims)
        with self.engine.connect() as conn:
            rows = [tuple(r) for r in conn.execute(_LISTING.where(~finished).limit(n))]
            if len(rows) < n:
                rows += [tuple(r) for r in conn.execute(_LISTING.where(finished).limit(n - len(rows)))]
        return rows

    def article(self, article_id: int) -> ArticleRecord | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def article_text(self, article_id: int) -> ArticleText | None:
        if (quick := self._quickly("article_text", article_id)) is not _NOT_QUICK:
            return quick
        record = self.article(article_id)
        if record is None:
            return None
        a, c, d = ARTICLES.c, CLAIMS.c, DATE_MENTIONS.c
        with self.engine.connect() as conn:
            body = conn.execute(select(a.body).where(a.id == article_id)).scalar_one()
            # Mentions of typed claims index the claim's own text, not the body: leave them out.
            mentions = conn.execute(
                select(d.start, d.end, d.text, d.value, d.granularity)
                .select_from(DATE_MENTIONS.join(CLAIMS, c.id == d.claim_id))
                .where(d.article_id == article_id, c.start.is_not(None))
                .order_by(d.start)
            ).all()
        return ArticleText(record, body, tuple(DateRecord(*m) for m in mentions))

    def claims(self, article_id: int, *, proposed_only: bool = False) -> list[ClaimRecord]:
        """The claims of an article in reading order; with every sentence unless `proposed_only`."""
        if (quick := self._quickly("claims", article_id, proposed_only=proposed_only)) is not _NOT_QUICK:
            return quick
        c = CLAIMS.c
        query = _CLAIM_ROWS.where(c.article_id == article_id)
        if proposed_only:
            query = query.where(c.proposed)
        return self._claim_records(query.order_by(c.position, c.id))

    def claims_by_ids(self, ids: Iterable[int]) -> list[ClaimRecord]:
        """The claims with these ids, in the order given (a search's ranking); unknown ids are skipped."""
        wanted = list(dict.fromkeys(ids))
        if (quick := self._quickly("claims_by_ids", wanted)) is not _NOT_QUICK:
            return quick
        found: dict[int, ClaimRecord] = {}
        # SQLite allows a few hundred bound parameters per statement on old builds: ask in slices.
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update((r.id, r) for r in self._claim_records(_CLAIM_ROWS.where(CLAIMS.c.id.in_(chunk))))
        return [found[i] for i in wanted if i in found]

    def claim(self, claim_id: int) -> ClaimRecord | None:
        if (quick := self._quickly("claim", claim_id)) is not _NOT_QUICK:
            return quick
        found = self._claim_records(_CLAIM_ROWS.where(CLAIMS.c.id == claim_id))
        return found[0] if found else None

    def _claim_records(self, query: Select[Any]) -> list[ClaimRecord]:
        """Records for the claim rows `query` selects (the columns of _CLAIM_ROWS), with their
        sources and dates, read as columns in three statements whatever the number of claims."""
        s, d = SOURCES.c, DATE_MENTIONS.c
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            ids = [r[0] for r in rows]
            sources: dict[int, list[SourceRecord]] = defaultdict(list)
            dates: dict[int, list[DateRecord]] = defaultdict(list)
            if ids:
                for src in conn.execute(
                    select(s.id, s.claim_id, s.url, s.title, s.publisher, s.excerpt, s.accessed)
                    .where(s.claim_id.in_(ids)).order_by(s.id)
                ):
                    sources[src[1]].append(SourceRecord(*src))
                for m in conn.execute(
                    select(d.claim_id, d.start, d.end, d.text, d.value, d.granularity)
                    .where(d.claim_id.in_(ids)).order_by(d.start)
                ):
                    dates[m[0]].append(DateRecord(m[1], m[2], m[3], m[4], m[5]))
        return [
            ClaimRecord(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(json.loads(r[8] or "[]")), r[9], r[10],
                r[11], r[12], r[13], as_utc(r[14]), r[15], tuple(sources[r[0]]), tuple(dates[r[0]]),
            )
            for r in rows
        ]

    def history(self, claim_id: int) -> list[VerdictRecord]:
        """Every verdict the claim was given, oldest first."""
        # Asked on every step through the claims, so it reads columns, not ORM objects.
        if (quick := self._quickly("history", claim_id)) is not _NOT_QUICK:
            return quick
        with self.engine.connect() as conn:
            rows = conn.execute(self._history, {"claim": claim_id}).all()
        return [VerdictRecord(r[0], r[1], r[2], r[3], r[4], as_utc(r[5]), r[6]) for r in rows]

    def next_unreviewed(self, article_id: int | None = None, position: int | None = None) -> ClaimRecord | None:
        """The first open claim without a verdict after the given place, wrapping to the start."""
        if (quick := self._quickly("next_unreviewed", article_id, position)) is not _NOT_QUICK:
            return quick
        c = CLAIMS.c
        base = _CLAIM_ROWS.where(c.proposed, ~c.dismissed, c.verdict.is_(None))
        order = (c.article_id, c.position, c.id)
        if article_id is not None and position is not None:
            # The plain bound on article_id lets SQLite start inside the index of open unreviewed
            # claims (migration 0006) instead of scanning it from the first article.
            after = base.where(
                c.article_id >= article_id,
                (c.article_id > article_id) | ((c.article_id == article_id) & (c.position > position)),
            )
            found = self._claim_records(after.order_by(*order).limit(1))
            if found:
                return found[0]
        found = self._claim_records(base.order_by(*order).limit(1))
        return found[0] if found else None

    # -- search (the query language: factcheck.search; a malformed query raises QueryError) ------
    # The search modules (and dateutil's parser under them) load on the first search, not on the
    # way to the first paint.

    def search_ids(self, query: str, limit: int | None = None) -> list[int]:
        """The ids of the claims a query finds, best first: by bm25 when it has words, else newest verdict."""
        from factcheck.search import reads as search_reads

        return search_reads.search_ids(self.engine, query, limit)

    def search(self, query: str, limit: int = 50) -> list[SearchResult]:
        from factcheck.search import reads as search_reads

        return search_reads.search(self.engine, query, limit)

    def snippets(self, query: str, ids: Iterable[int]) -> dict[int, str]:
        """Each claim's passage for this query, matches between HIGHLIGHT_START and HIGHLIGHT_END."""
        from factcheck.search import reads as search_reads

        return search_reads.snippets(self.engine, query, ids)

    def verdict_counts(self, query: str) -> dict[str, int]:
        """How many claims the query finds: keys verified, disputed, unclear and unreviewed."""
        from factcheck.search import reads as search_reads

        return search_reads.verdict_counts(self.engine, query)

    def saved_searches(self) -> list[SavedSearch]:
        """The sidebar's saved searches, by name."""
        s = SAVED_SEARCHES.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.id, s.name, s.query).order_by(s.name, s.id)).all()
        return [SavedSearch(id=row[0], name=row[1], query=row[2]) for row in rows]

    # -- exports (factcheck.export: records in, a file out) ----------------------------------

    def export(self, fmt: str, output: str | os.PathLike[str] | TextIO, *, query: str | None = None,
               article_id: int | None = None, claim_ids: Iterable[int] | None = None,
               publisher_name: str | None = None, publisher_url: str | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ExportResult:
        """A report of the whole database, one article, a search (its ranking) or chosen claims,
        in `fmt` (EXPORT_FORMATS), to a file (written under a temporary name, then renamed) or a
        stream. The publisher defaults to the preferences; a cancel leaves no file."""
        from factcheck.export.records import Publisher
        from factcheck.storage import report_export

        scope, selection = self._report_scope(query, article_id, claim_ids)
        prefs = preferences.load()
        publisher = Publisher(prefs.publisher_name if publisher_name is None else publisher_name,
                              prefs.publisher_url if publisher_url is None else publisher_url)
        return report_export.run(self.engine, fmt, output, scope, selection, publisher,
                                 progress=progress, cancelled=cancelled)

    def _report_scope(self, query: str | None, article_id: int | None,
                      claim_ids: Iterable[int] | None) -> tuple[Any, Any]:
        from factcheck.export.records import ReportScope
        from factcheck.storage.report_reads import Selection

        if sum(x is not None for x in (query, article_id, claim_ids)) > 1:
            raise ExportError("An export covers one scope: the database, an article, a search or chosen claims.",
                              "Give only one of them.")
        if article_id is not None:
            article = self.article(article_id)
            if article is None:
                raise ExportError(f"There is no article {article_id}.", "List them with: factcheck articles")
            return (ReportScope("article", f"article {article_id}, \u201c{article.title}\u201d", article_id=article_id),
                    Selection(article_ids=(article_id,)))
        if query is not None:
            ids = tuple(self.search_ids(query))
            return (ReportScope("search", f"the search \u201c{query}\u201d ({len(ids)} claims found)", query=query),
                    Selection(claim_ids=ids))
        if claim_ids is not None:
            chosen = tuple(dict.fromkeys(claim_ids))
            return (ReportScope("claims", f"{len(chosen)} chosen claim{'s' if len(chosen) != 1 else ''}",
                                claim_ids=chosen), Selection(claim_ids=chosen))
        return ReportScope("database", "the whole database"), Selection()

    # -- similar past verdicts (factcheck.search.similar) ------------------------------------

    def similar_to_text(self, text: str, limit: int = 5, language: str | None = None) -> list[SearchResult]:
        """The reviewed claims most like `text`, best first; none that are not close enough.
        `language` keeps to claims of articles in that language."""
        return self._similar(text, limit, language=language)

    def similar(self, claim_id: int, limit: int = 5) -> list[SearchResult]:
        """The reviewed claims of other articles most like this claim (none for an unknown claim)."""
        c = CLAIMS.c
        with self.engine.connect() as conn:
            row = conn.execute(select(c.text, c.article_id).where(c.id == claim_id)).first()
        if row is None:
            return []
        return self._similar(row[0], limit, exclude_article=row[1], exclude_claim=claim_id)

    def _similar(self, text: str, limit: int, **where: Any) -> list[SearchResult]:
        from factcheck.search import similar as similar_lookup

        try:
            with self.engine.connect() as conn:
                return similar_lookup.similar_to_text(conn, text, limit, **where)
        except SAOperationalError as exc:
            raise StoreError(f"The database refused the lookup of similar claims ({exc.orig}).") from None


# What Store._quickly answers when the quick reads cannot (a test of identity: None is an answer).
_NOT_QUICK: Any = object()
# The article list's columns; the counts are kept on the article row by triggers (migration 0006),
# so no claim is read.
_ARTICLE_ROWS: Select[Any] = (
    select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.outlet, ARTICLES.c.url, ARTICLES.c.author,
           ARTICLES.c.published, ARTICLES.c.language, ARTICLES.c.origin, type_coerce(ARTICLES.c.imported_at, String),
           ARTICLES.c.open_claims, ARTICLES.c.reviewed_claims)
    .order_by(ARTICLES.c.id))
# What the article list shows, in the columns of ArticleListing; the date is the day alone (standard
# SQL, so a server database answers it too), and the index ix_article_list covers every column.
_LISTING: Select[Any] = (
    select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.outlet,
           func.coalesce(func.substr(ARTICLES.c.published, 1, 10), ""),
           ARTICLES.c.open_claims, ARTICLES.c.reviewed_claims)
    .order_by(ARTICLES.c.id))
# The columns a ClaimRecord is built from, in its field order.
_CLAIM_ROWS: Select[Any] = select(
    CLAIMS.c.id, CLAIMS.c.article_id, CLAIMS.c.position, CLAIMS.c.text, CLAIMS.c.start, CLAIMS.c.end,
    CLAIMS.c.speaker, CLAIMS.c.score, CLAIMS.c.reasons, CLAIMS.c.proposed, CLAIMS.c.dismissed, CLAIMS.c.verdict,
    CLAIMS.c.rationale, CLAIMS.c.reviewer, CLAIMS.c.reviewed_at, CLAIMS.c.version,
)
