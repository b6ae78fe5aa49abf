"""Opening a database: the URL, SQLite pragmas, refusing what is not ours, creating, migrating.

The backups themselves (where they live, when one is due, thinning, restoring) are in
factcheck.storage.backups; the automatic backup on open is the caller's to start, off the GUI
thread, so opening stays quick.

The order matters for "nothing is ever lost": a file is checked before SQLAlchemy touches it, a
newer schema is refused before anything is written, a backup is taken before any migration, and
a new database is built under a temporary name and appears complete or not at all.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from factcheck.errors import DatabaseError, FactcheckError
from factcheck.storage import backups, migrate, transactions

# Re-exported: callers find the default database here, beside opening it.
from factcheck.storage.locations import (  # noqa: F401
    APP_NAME,
    database_from_environment,
    default_database,
    default_database_path,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def to_url(path_or_url: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a file path, or the URL itself when given one."""
    text = os.fspath(path_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_url(url: str) -> None:
    """Refuse a URL that would lose the work or ignore what it asks: memory, read-only modes."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseError(f"{url[:200]!r} is neither a file path nor a database URL; give the path of a .db file.") \
            from None
    if parsed.get_backend_name() != "sqlite":
        return
    if not parsed.database or parsed.database == ":memory:" or parsed.query.get("mode") == "memory":
        raise DatabaseError(f"{url} is a database in memory: nothing would be kept once factcheck ends. "
                            "Give the path of a .db file.")
    if parsed.query.get("mode") == "ro" or parsed.query.get("immutable"):
        raise DatabaseError(f"{url} asks for a read-only database, and factcheck saves every change as it is "
                            "made. Open the file without ?mode=ro, or copy it somewhere writable.")


def is_busy(exc: BaseException) -> bool:
    """Whether a write was refused only because another program held the lock: worth trying again."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "locked" in text or "busy" in text


def refusal(exc: BaseException) -> str:
    """What a refused write means for the person, in a few words (the driver's message is kept)."""
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    low = text.lower()
    if "full" in low or "too large" in low or "efbig" in low:
        return "the disk is full; free some space and try again"
    if "disk i/o" in low:  # what SQLite reports when a write is cut short for size, among others
        return "the disk is full or cannot be written (disk I/O error); free some space and try again"
    if "readonly" in low or "read-only" in low:
        return "the database is read-only; check its permissions or copy it somewhere writable"
    if "locked" in low or "busy" in low:
        return "another program is writing to the database; try again in a moment"
    return text


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that is a folder, not a database or corrupt, without writing to it."""
    try:
        _check_sqlite_file(path)
    except OSError as exc:  # a name too long, a loop of links, a folder we may not enter
        shown = str(path) if len(str(path)) <= 200 else str(path)[:200] + "…"
        raise DatabaseError(f"{shown} cannot be opened ({exc.strerror or exc}); give the path of a .db file.") \
            from None


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file. Give the path of a .db file.")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise DatabaseError(f"{path} is a device or a pipe, not a database file. Give the path of a .db file.")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(f"{path} is read-only, and factcheck saves every change as it is made. Change its "
                            "permissions, or copy it somewhere writable and open the copy.")
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        raise DatabaseError(f"The folder of {path} is read-only; SQLite needs to write its journal beside the "
                            "database. Move the database to a folder you can write to.")
    if not path.exists():
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from None
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror}. Check its permissions.") from None
    if not head:
        return  # an empty file is a new database
    if head != SQLITE_MAGIC:
        raise DatabaseError(
            f"{path} is not a factcheck database (not an SQLite file). It was left untouched; "
            "choose another file or a new name."
        )
    integrity_check(path, thorough=False)


def integrity_check(path: Path, thorough: bool = True) -> None:
    """Refuse a damaged database. `thorough` reads every page (PRAGMA quick_check), which grows
    with the database, so it runs before migrations and daily backups; every open reads the
    header and the schema, which catches a file that is not a database at all."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if thorough:
                result = con.execute("PRAGMA quick_check").fetchone()
            else:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
                result = ("ok",)
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseError(f"{path} is locked by another program. Close it and try again.") from None
        raise DatabaseError(f"{path} cannot be read as a database ({exc}). It was left untouched.") from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is damaged ({exc}). It was left untouched; restore a copy from "
            f"{backups.backups_dir(path)}."
        ) from None
    if result is None or result[0] != "ok":
        raise DatabaseError(
            f"{path} is damaged (integrity check: {result[0] if result else 'no answer'}). It was left "
            f"untouched; restore a copy from {backups.backups_dir(path)}."
        )


def check_readable_database(path: Path) -> None:
    """Refuse a file to restore from that is not a sound factcheck database this version can open."""
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not a factcheck database (not an SQLite file).")
    integrity_check(path)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = con.execute("SELECT version_num FROM alembic_version").fetchone() \
            if "alembic_version" in tables else None
        user_version = con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()
    if version is None or not {"article", "claim"} <= tables:
        raise DatabaseError(f"{path} is not a factcheck database (it has no factcheck schema).")
    if version[0] not in migrate.REVISIONS or user_version > migrate.USER_VERSION:
        raise DatabaseError(f"{path} was written by a newer version of factcheck; update factcheck to use it.")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI hook
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def writing(engine: Engine) -> Engine:
    """The engine for a transaction that writes: on SQLite it begins holding the write lock."""
    return transactions.writing(engine)


def _engine(url: str, path: Path | None) -> Engine:
    try:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if path else {})
    except Exception as exc:  # bad URL, missing driver
        raise DatabaseError(f"Cannot open {url}: {_one_line(exc)}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    transactions.install(engine)
    return engine


def _one_line(exc: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's SQL echo and documentation link."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).splitlines()[0]
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def _user_version(engine: Engine) -> int:
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def _mark_version(engine: Engine) -> None:
    """Stamp the schema's number where any SQLite tool (and a newer factcheck) can read it."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA user_version={migrate.USER_VERSION}")


def create_sqlite(path: Path) -> None:
    """Build a new database at head under a temporary name, then give it its name: a kill half-way
    leaves only the temporary file, never a database without its schema version."""
    partial = path.with_name(f".{path.name}.creating-{os.getpid()}")
    for leftover in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        leftover.unlink(missing_ok=True)
    engine = _engine(f"sqlite:///{partial}", partial)
    try:
        migrate.upgrade(engine)
        _mark_version(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception as exc:
        engine.dispose()
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot create {path}: {refusal(exc)}. Nothing was created; the file was left as it "
                            "was.") from None
    engine.dispose()
    try:
        if path.exists() and path.stat().st_size == 0:
            os.replace(partial, path)  # an empty file stands for a new database
        else:
            # link() refuses an existing name: when two programs create the same database at
            # once, the first one's stays and the second opens it.
            try:
                os.link(partial, path)
            except FileExistsError:
                pass
            partial.unlink(missing_ok=True)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot create {path}: {exc.strerror or exc}.") from None


def _half_created(engine: Engine, state: migrate.SchemaState) -> bool:
    """Tables of ours, every one empty, and no schema version: a creation that was cut short."""
    if state.current is not None or not state.has_tables:
        return False
    with engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")]
        ours = [n for n in names if n in migrate.OUR_TABLES]
        theirs = [n for n in names if n not in ours and n != "sqlite_sequence" and not n.startswith(migrate.FTS_TABLES)]
        return not theirs and all(conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() == 0 for n in ours)


def open_engine(path_or_url: str | os.PathLike) -> Engine:
    """An engine on an up-to-date database: created at head, or backed up and upgraded."""
    url = to_url(path_or_url)
    check_url(url)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        if not path.exists() or path.stat().st_size == 0:
            create_sqlite(path)
    engine = _engine(url, path)
    try:
        try:
            state = migrate.schema_state(engine)
        except DBAPIError as exc:  # a version table of another shape: edited by hand, or not ours
            raise DatabaseError(f"{path or url} has a schema version factcheck cannot read ({_one_line(exc)}). It "
                                "was left untouched; open it with the factcheck that wrote it, or restore a "
                                "backup.") from None
        if path is not None and _half_created(engine, state):
            engine.dispose()
            path.unlink()
            create_sqlite(path)
            engine = _engine(url, path)
            state = migrate.schema_state(engine)
        if state.newer or _user_version(engine) > migrate.USER_VERSION:
            raise DatabaseError(
                f"{path or url} was written by a newer version of factcheck (schema {state.current}). "
                "It was left untouched; update factcheck to open it."
            )
        if state.needs_upgrade:
            if path is not None and state.current is not None:
                integrity_check(path)
                try:
                    backups.make_backup(path, f"before-upgrade-{state.current}")
                except FactcheckError as exc:
                    raise DatabaseError(f"{path} needs an upgrade, and the backup before it failed: {exc} "
                                        "It was left as it was.") from None
            elif state.current is None and state.has_tables:
                raise DatabaseError(
                    f"{path or url} holds tables that factcheck did not create. It was left untouched; "
                    "choose another file."
                )
            try:
                migrate.upgrade(engine)
            except Exception as exc:
                raise DatabaseError(
                    f"{path or url} could not be brought up to date ({refusal(exc)}). The upgrade was undone and "
                    "the database left as it was."
                ) from None
            _mark_version(engine)
        elif _user_version(engine) < migrate.USER_VERSION:
            _mark_version(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError(f"Cannot open {path or url}: {refusal(exc)}.") from None
    return engine
