"""Alembic, driven from code: where the schema stands and bringing it to head.

The migration scripts ship inside the package (factcheck/storage/migrations) so an installed copy
can upgrade a reviewer's database without any alembic.ini on disk. An upgrade, however many steps
it takes, is one transaction (see migrations/env.py): it reaches the target or changes nothing.

Opening an up-to-date database is the common case and must be quick (it is on the path from
launch to a painted window), so it is answered from the revision ids below without importing
Alembic; Alembic is loaded only to create or upgrade a database. A test keeps these ids equal to
the scripts' own chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text

# The revision ids live where the quick reads can check them without SQLAlchemy.
from factcheck.storage.revisions import HEAD, REVISIONS, USER_VERSION  # noqa: F401 - re-exported

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The tables the migrations create (without the full-text indexes' own).
OUR_TABLES = ("alembic_version", "article", "claim", "verdict", "source", "datemention", "saved_search",
              "claim_model")
# The full-text indexes (migrations 0004, 0005) are FTS5 virtual tables with shadow tables of SQLite's own,
# made by hand in its migration: no model describes them, so comparing models to the schema skips them.
FTS_TABLES = ("claim_fts", "reviewed_fts")


def described_by_models(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic's `include_name`: whether a schema object is one the models describe."""
    return not (type_ == "table" and name is not None
                and any(name == t or name.startswith(t + "_") for t in FTS_TABLES))


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # the database's alembic revision, None when it has none
    head: str
    known: bool  # whether our scripts know `current`
    has_tables: bool

    @property
    def newer(self) -> bool:
        return self.current is not None and not self.known

    @property
    def needs_upgrade(self) -> bool:
        return self.current != self.head


def alembic_config(engine: Engine | None = None):  # noqa: ANN201 - alembic.config.Config, imported lazily
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        current = None
        if "alembic_version" in tables:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    others = [t for t in tables if t != "alembic_version"]
    known = current is None or current in REVISIONS
    return SchemaState(current=current, head=HEAD, known=known, has_tables=bool(others))


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)
