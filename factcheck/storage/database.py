"""Opening a database: the URL, SQLite pragmas, refusing what is not ours, backups, migrations.

The backups themselves (where they live, the daily rotation, listing them) are in
factcheck.storage.backups.

The order matters for "nothing is ever lost": a file is checked before SQLAlchemy touches it, a
newer schema is refused before anything is written, and a backup is taken before any migration.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from factcheck.errors import DatabaseError
from factcheck.storage import backups, migrate, transactions

APP_NAME = "factcheck"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def database_from_environment() -> str | None:
    """The database FACTCHECK_DB names (a path or a URL), or None when it is unset or blank."""
    value = os.environ.get("FACTCHECK_DB", "").strip()
    return value or None


def default_database_path() -> Path:
    """FACTCHECK_DB if set, else factcheck.db in the user data folder."""
    env = database_from_environment()
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "factcheck.db"


def default_database(remembered: str | None = None) -> str:
    """Where to open when no --db is given: FACTCHECK_DB, then the one used last, then the data folder."""
    return database_from_environment() or remembered or str(default_database_path())


def to_url(path_or_url: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a file path, or the URL itself when given one."""
    text = os.fspath(path_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that is a folder, not a database or corrupt, without writing to it."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file. Give the path of a .db file.")
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


def open_engine(path_or_url: str | os.PathLike) -> Engine:
    """An engine on an up-to-date database: created at head, or backed up and upgraded."""
    url = to_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    try:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if path else {})
    except Exception as exc:  # bad URL, missing driver
        raise DatabaseError(f"Cannot open {url}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    transactions.install(engine)
    try:
        state = migrate.schema_state(engine)
        if state.newer:
            raise DatabaseError(
                f"{path or url} was written by a newer version of factcheck (schema {state.current}). "
                "It was left untouched; update factcheck to open it."
            )
        if state.needs_upgrade:
            if path is not None and state.current is not None:
                integrity_check(path)
                backups.backup_sqlite(path, f"before-upgrade-{state.current}")
            elif state.current is None and state.has_tables:
                raise DatabaseError(
                    f"{path or url} holds tables that factcheck did not create. It was left untouched; "
                    "choose another file."
                )
            try:
                migrate.upgrade(engine)
            except Exception as exc:
                raise DatabaseError(
                    f"{path or url} could not be brought up to date ({exc}). The upgrade was undone and the "
                    "database left as it was."
                ) from None
        elif path is not None and state.has_tables:
            backups.daily_backup(path, check=integrity_check)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError(f"Cannot open {path or url}: {exc}") from None
    return engine
