"""Quick reads: the command line's listings and the window's first screen, straight from the DB-API.

Loading SQLAlchemy, SQLModel and pydantic takes far longer than these reads do, so `factcheck
articles`, `factcheck claims` and the window's first screen read here, over sqlite3, with records
built straight from the cursor: the same records (factcheck.records) as the store's reads, which a
test compares. Writes, migrations and every other read stay with the store.

`QuickReads.open` answers only for a sound, up-to-date SQLite file that factcheck may write to:
anything else (no file yet, an older or a newer schema, a damaged or read-only file, a server URL)
gives None, and the caller opens the Store, which creates, upgrades or refuses with its own message.
The connection is read-only: nothing here ever changes what is stored.

The SQL is plain and portable, so a server database can be read the same way through its own
driver; what must differ per dialect (only the placeholders so far) is in PLACEHOLDERS.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sqlite3
import stat
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factcheck.storage.locations import default_database as default_database  # re-exported for the window
from factcheck.storage.revisions import HEAD, USER_VERSION

if TYPE_CHECKING:
    from factcheck.records import (
        ArticleRecord,
        ArticleText,
        ClaimRecord,
        DateRecord,
        SavedSearch,
        SourceRecord,
        VerdictRecord,
    )

# The records (dataclasses, some tens of milliseconds to define) and the backups are imported by the
# reads that need them: the window checks a database with `open` before its first paint, and reads
# after it.

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0
# The DB-API placeholder of each dialect's driver (sqlite3: qmark; psycopg: format).
PLACEHOLDERS = {"sqlite": "?", "postgresql": "%s"}

# The columns of an ArticleRecord and of a ClaimRecord, in their field order (as the store reads them).
ARTICLE_COLUMNS = ("SELECT article.id, article.title, article.outlet, article.url, article.author, article.published, "
                   "article.language, article.origin, article.imported_at, article.open_claims, "
                   "article.reviewed_claims FROM article")
# The article list's columns (records.ArticleRow), all in its covering index (migration 0007).
ARTICLE_LIST = ("SELECT article.id, article.title, article.outlet, coalesce(substr(article.published, 1, 10), ''), "
                "article.open_claims, article.reviewed_claims FROM article")
CLAIM_COLUMNS = ('SELECT claim.id, claim.article_id, claim.position, claim.text, claim.start, claim."end", '
                 "claim.speaker, claim.score, claim.reasons, claim.proposed, claim.dismissed, claim.verdict, "
                 "claim.rationale, claim.reviewer, claim.reviewed_at, claim.version FROM claim")
SOURCES_OF = ("SELECT source.id, source.claim_id, source.url, source.title, source.publisher, source.excerpt, "
              "source.accessed FROM source WHERE source.claim_id IN ({ids}) ORDER BY source.id")
DATES_OF = ('SELECT datemention.claim_id, datemention.start, datemention."end", datemention.text, datemention.value, '
            "datemention.granularity FROM datemention WHERE datemention.claim_id IN ({ids}) "
            "ORDER BY datemention.start")
# Mentions of typed claims index the claim's own text, not the body: the reading pane leaves them out.
BODY_DATES = ('SELECT datemention.start, datemention."end", datemention.text, datemention.value, '
              "datemention.granularity FROM datemention JOIN claim ON claim.id = datemention.claim_id "
              "WHERE datemention.article_id = ? AND claim.start IS NOT NULL ORDER BY datemention.start")
HISTORY = ("SELECT verdict.id, verdict.claim_id, verdict.label, verdict.rationale, verdict.reviewer, "
           "verdict.created_at, verdict.reused_from FROM verdict WHERE verdict.claim_id = ? ORDER BY verdict.id")
SAVED_SEARCHES = "SELECT saved_search.id, saved_search.name, saved_search.query FROM saved_search " \
                 "ORDER BY saved_search.name, saved_search.id"
# An article whose proposed claims all have a verdict (the list shows those after the others).
FINISHED = "article.open_claims > 0 AND article.reviewed_claims >= article.open_claims"
# Open claims without a verdict, written as the partial index of them (migration 0006) says it, so
# that SQLite walks that index; a server's booleans are not integers.
OPEN_UNREVIEWED = {"sqlite": "claim.proposed = 1 AND claim.dismissed = 0 AND claim.verdict IS NULL",
                   "postgresql": "claim.proposed AND NOT claim.dismissed AND claim.verdict IS NULL"}
# Beyond this many ids a lookup by ids asks in slices (old SQLite builds allow few bound parameters).
IDS_PER_STATEMENT = 500


def stored_time(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as the store hands it out: in UTC. SQLite keeps the text SQLAlchemy wrote
    ("2025-05-03 12:00:00.000000"); a server's driver gives a datetime."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(value + "+00:00")  # one call: a fifth of parsing, then replacing
        except ValueError:
            when = dt.datetime.fromisoformat(value)  # a time with its own offset
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _articles(rows: Iterable[Sequence[Any]]) -> list[ArticleRecord]:
    from factcheck.records import ArticleRecord

    return [ArticleRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], stored_time(r[8]), r[9], r[10])
            for r in rows]


class QuickReads:
    """Reads of one database over a read-only DB-API connection; usable from any one thread at a time."""

    def __init__(self, connection: Any, path: Path | None, dialect: str = "sqlite") -> None:
        self._con = connection
        self.path = path
        self._p = PLACEHOLDERS[dialect]
        self._open_unreviewed = OPEN_UNREVIEWED[dialect]
        self._lock = threading.Lock()  # one statement at a time on the shared connection

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> QuickReads | None:
        """Reads of the SQLite file `target`, or None when the store must open it (see the module's note)."""
        text = os.fspath(target)
        if "://" in text:
            return None  # a URL: the store parses it (and refuses what it must)
        try:
            path = Path(text).expanduser().resolve()
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
                return None
            # The store refuses a file it could not save changes to: it says so, not these reads.
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                return None
            with path.open("rb") as fh:
                if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    return None
        except OSError:
            return None
        try:
            con = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                  check_same_thread=False)
        except (sqlite3.Error, UnicodeEncodeError):  # a name no URI can spell (undecodable bytes): the store's
            return None
        try:
            # Reading the version reads the schema too: a file that is no database fails here.
            version = con.execute("SELECT version_num FROM alembic_version").fetchall()
            user_version = con.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            con.close()
            return None
        if version != [(HEAD,)] or user_version > USER_VERSION:
            con.close()  # to be upgraded, or from a newer factcheck: the store's to handle
            return None
        return cls(con, path)

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> QuickReads:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The statement's rows; the SQL is written with qmark placeholders, given to the driver in its own."""
        with self._lock:
            return self._con.execute(sql.replace("?", self._p), params).fetchall()

    @staticmethod
    def _marks(n: int) -> str:
        return ", ".join("?" * n)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits (this one never writes)."""
        return int(self._rows("PRAGMA data_version")[0][0])

    # -- the reads (each answers as the Store method of the same name) -----------------------

    def article_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM article")[0][0])

    def articles(self, ids: Iterable[int] | None = None) -> list[ArticleRecord]:
        """Every article (or those given) with its proposed and reviewed counts, oldest first."""
        if ids is None:
            return _articles(self._rows(ARTICLE_COLUMNS + " ORDER BY article.id"))
        wanted = list(dict.fromkeys(ids))
        found: list[ArticleRecord] = []
        for start in range(0, len(wanted), IDS_PER_STATEMENT):
            chunk = wanted[start:start + IDS_PER_STATEMENT]
            found += _articles(self._rows(
                f"{ARTICLE_COLUMNS} WHERE article.id IN ({self._marks(len(chunk))}) ORDER BY article.id", chunk))
        return sorted(found, key=lambda a: a.id)

    def article_list(self, ids: Iterable[int] | None = None) -> list[tuple[Any, ...]]:
        """The article list's rows (records.ArticleRow) for every article (or those given), oldest first."""
        if ids is not None:
            wanted = list(dict.fromkeys(ids))
            found: list[tuple[Any, ...]] = []
            for start in range(0, len(wanted), IDS_PER_STATEMENT):
                chunk = wanted[start:start + IDS_PER_STATEMENT]
                found += self._rows(f"{ARTICLE_LIST} WHERE article.id IN ({self._marks(len(chunk))})", chunk)
            return sorted(found)
        # Tens of thousands of fresh tuples would set the garbage collector off again and again (as
        # the store's read says): none of them can be in a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._rows(ARTICLE_LIST + " ORDER BY article.id")
        finally:
            if collecting:
                gc.enable()

    def article_list_head(self, n: int) -> list[tuple[Any, ...]]:
        """The article list's first `n` rows as the list shows them: unfinished articles first,
        then finished ones, each part oldest first (what the first screen needs of 43,000)."""
        rows = self._rows(f"{ARTICLE_LIST} WHERE NOT ({FINISHED}) ORDER BY article.id LIMIT ?", [n])
        if len(rows) < n:
            rows += self._rows(f"{ARTICLE_LIST} WHERE {FINISHED} ORDER BY article.id LIMIT ?", [n - len(rows)])
        return rows

    def article(self, article_id: int) -> ArticleRecord | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def article_text(self, article_id: int) -> ArticleText | None:
        from factcheck.records import ArticleText, DateRecord

        record = self.article(article_id)
        if record is None:
            return None
        body = self._rows("SELECT article.body FROM article WHERE article.id = ?", [article_id])[0][0]
        mentions = self._rows(BODY_DATES, [article_id])
        return ArticleText(record, body, tuple(DateRecord(*m) for m in mentions))

    def claims(self, article_id: int, *, proposed_only: bool = False) -> list[ClaimRecord]:
        """The claims of an article in reading order; with every sentence unless `proposed_only`."""
        where = " WHERE claim.article_id = ?" + (" AND claim.proposed" if proposed_only else "")
        return self._claim_records(CLAIM_COLUMNS + where + " ORDER BY claim.position, claim.id", [article_id])

    def claims_by_ids(self, ids: Iterable[int]) -> list[ClaimRecord]:
        """The claims with these ids, in the order given; unknown ids are skipped."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, ClaimRecord] = {}
        for start in range(0, len(wanted), IDS_PER_STATEMENT):
            chunk = wanted[start:start + IDS_PER_STATEMENT]
            found.update((r.id, r) for r in self._claim_records(
                f"{CLAIM_COLUMNS} WHERE claim.id IN ({self._marks(len(chunk))})", chunk))
        return [found[i] for i in wanted if i in found]

    def claim(self, claim_id: int) -> ClaimRecord | None:
        found = self._claim_records(CLAIM_COLUMNS + " WHERE claim.id = ?", [claim_id])
        return found[0] if found else None

    def _claim_records(self, sql: str, params: Sequence[Any]) -> list[ClaimRecord]:
        """Records for the claim rows `sql` selects, with their sources and dates, in three statements."""
        from factcheck.records import ClaimRecord, DateRecord, SourceRecord

        rows = self._rows(sql, params)
        ids = [r[0] for r in rows]
        sources: dict[int, list[SourceRecord]] = defaultdict(list)
        dates: dict[int, list[DateRecord]] = defaultdict(list)
        if ids:
            marks = self._marks(len(ids))
            for s in self._rows(SOURCES_OF.format(ids=marks), ids):
                sources[s[1]].append(SourceRecord(*s))
            for m in self._rows(DATES_OF.format(ids=marks), ids):
                dates[m[0]].append(DateRecord(m[1], m[2], m[3], m[4], m[5]))
        return [
            ClaimRecord(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], float(r[7]), tuple(json.loads(r[8] or "[]")), bool(r[9]),
                bool(r[10]), r[11], r[12], r[13], stored_time(r[14]), r[15], tuple(sources[r[0]]),
                tuple(dates[r[0]]),
            )
            for r in rows
        ]

    def next_unreviewed(self, article_id: int | None = None, position: int | None = None) -> ClaimRecord | None:
        """The first open claim without a verdict after the given place, wrapping to the start."""
        base = f"{CLAIM_COLUMNS} WHERE {self._open_unreviewed}"
        order = " ORDER BY claim.article_id, claim.position, claim.id LIMIT 1"
        if article_id is not None and position is not None:
            # The plain bound on article_id lets SQLite start inside the index instead of at its first article.
            found = self._claim_records(
                f"{base} AND claim.article_id >= ? AND (claim.article_id > ? OR "
                f"(claim.article_id = ? AND claim.position > ?)){order}",
                [article_id, article_id, article_id, position])
            if found:
                return found[0]
        found = self._claim_records(base + order, [])
        return found[0] if found else None

    def history(self, claim_id: int) -> list[VerdictRecord]:
        """Every verdict the claim was given, oldest first."""
        from factcheck.records import VerdictRecord

        return [VerdictRecord(r[0], r[1], r[2], r[3], r[4], stored_time(r[5]), r[6])
                for r in self._rows(HISTORY, [claim_id])]

    def saved_searches(self) -> list[SavedSearch]:
        """The sidebar's saved searches, by name."""
        from factcheck.records import SavedSearch

        return [SavedSearch(id=r[0], name=r[1], query=r[2]) for r in self._rows(SAVED_SEARCHES)]

    def backup_due(self, min_age: dt.timedelta = dt.timedelta(0)) -> bool:
        """Whether the database changed since its newest backup, made at least `min_age` ago (as the store's)."""
        from factcheck.storage import backups

        return self.path is not None and backups.backup_due(self.path, min_age) and self.article_count() > 0
