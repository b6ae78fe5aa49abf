"""An upgrade is all or nothing: a step that fails leaves the schema exactly as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from factcheck.errors import DatabaseError
from factcheck.storage import migrate
from factcheck.store import Store
from tests.conftest import SEED

SHIPPED = migrate.MIGRATIONS_DIR
FAILING_STEP = f'''"""a step that fails half-way, after its first change"""
from alembic import op

revision = "9001"
down_revision = "{migrate.HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claim_speaker", "claim", ["speaker"])
    raise RuntimeError("the step failed half-way")


def downgrade() -> None:
    op.drop_index("ix_claim_speaker", "claim")
'''


def schema(path: Path) -> tuple[list[tuple], list[tuple]]:
    """Every schema object and the recorded revision, read with plain sqlite3."""
    con = sqlite3.connect(path)
    try:
        objects = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = {row[1] for row in objects if row[0] == "table"}
        if "alembic_version" not in tables:
            return objects, []
        return objects, con.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        con.close()


@pytest.fixture
def failing_scripts(tmp_path: Path) -> Path:
    """The shipped migrations plus one more that fails, in a folder of their own."""
    folder = tmp_path / "migrations"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_fails.py").write_text(FAILING_STEP, encoding="utf-8")
    return folder


def _older_database(path: Path) -> None:
    with Store(path) as store:
        store.import_file(SEED)
        migrate.downgrade(store.engine, migrate.REVISIONS[0])


@pytest.mark.parametrize("start", ["an older database", "a new database"])
def test_a_failing_step_leaves_the_schema_as_it_was_and_the_next_open_works(
    db_path: Path, failing_scripts: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    if start == "an older database":
        _older_database(db_path)
    else:
        sqlite3.connect(db_path).close()
    before = schema(db_path)

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", failing_scripts)  # as if this release shipped the step
    with pytest.raises(DatabaseError, match="the step failed half-way.*left as it was"):
        Store(db_path)
    assert schema(db_path) == before

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", SHIPPED)  # as the next start of the app has them
    with Store(db_path) as store:
        assert migrate.schema_state(store.engine).current == migrate.HEAD
        assert store.article_count() == (1 if start == "an older database" else 0)
