"""Alembic environment: runs on the engine factcheck.storage.database hands over, never on a URL from a file."""

from alembic import context
from sqlmodel import SQLModel

from factcheck.storage import models  # noqa: F401 - registers the tables on SQLModel.metadata
from factcheck.storage.transactions import writing

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    # One transaction for the whole upgrade, however many steps: a step that fails takes every
    # earlier one back with it (SQLite DDL is transactional once the driver leaves BEGIN to us), so
    # the database is either as it was, with the backup taken just before, or at the target.
    # Alembic sees the transaction already open and adds none of its own.
    with writing(engine).begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite alters tables by copying them
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
