"""How SQLite transactions begin: writes take the write lock first, reads never block, DDL rolls back.

The sqlite3 module of Python 3.11 opens a transaction only before INSERT, UPDATE or DELETE. A
SELECT that a change depends on (the claim version the optimistic lock compares) therefore ran
outside the transaction, and DDL was committed statement by statement, so a migration failing
half-way kept its first half. Following SQLAlchemy's recipe for pysqlite, the driver is told to
leave transactions alone and SQLAlchemy's own begin emits BEGIN instead:

- a write transaction begins with BEGIN IMMEDIATE: it holds the write lock before its first
  read, so what it checks cannot change until it commits, and a second writer waits for it
  (up to the busy timeout) instead of failing half-way;
- any other transaction begins with a plain BEGIN, which in WAL mode reads one consistent
  snapshot and never blocks a writer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

# An execution option of our own; SQLAlchemy passes unknown ones through untouched.
_WRITE = "factcheck_write"


def install(engine: Engine) -> None:
    """Take over transaction handling on a SQLite engine; other databases begin transactions properly."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _leave_transactions_to_sqlalchemy)
    event.listen(engine, "begin", _begin)


def writing(engine: Engine) -> Engine:
    """The same engine and pool, for transactions that write: they begin holding the write lock."""
    return engine.execution_options(**{_WRITE: True})


def _leave_transactions_to_sqlalchemy(dbapi_connection: Any, _record: Any) -> None:
    # No implicit BEGIN before writes and no commit around DDL: the "begin" event below decides.
    dbapi_connection.isolation_level = None


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")
