"""Opening databases: new, older, newer, damaged and foreign files. Nothing stored is ever harmed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from factcheck.storage import backups, migrate
from factcheck.storage import database as db
from factcheck.store import Store
from tests.conftest import SEED


def test_a_new_database_is_created_at_head_in_wal_mode(db_path: Path) -> None:
    with Store(db_path) as store:
        state = migrate.schema_state(store.engine)
        assert state.current == state.head
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_migrations_build_exactly_the_schema_the_models_describe(db_path: Path) -> None:
    with Store(db_path) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.described_by_models})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_an_older_database_is_backed_up_then_upgraded_with_its_data(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
        migrate.downgrade(store.engine, "0001")
        assert migrate.schema_state(store.engine).current == "0001"

    with Store(db_path) as store:
        assert migrate.schema_state(store.engine).current == migrate.schema_state(store.engine).head
        assert store.article_count() == 1

    made = list(backups.backups_dir(db_path).glob("*.db"))
    assert len(made) == 1 and "before-upgrade-0001" in made[0].name
    con = sqlite3.connect(made[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT count(*) FROM article").fetchone() == (1,)
    finally:
        con.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _bytes(db_path)

    with pytest.raises(db.DatabaseError, match="newer version of factcheck"):
        Store(db_path)
    assert _bytes(db_path) == before
    assert not backups.backups_dir(db_path).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Reviewer notes, not a database\n", "not a factcheck database"),
        (b"SQLite format 3\x00" + b"\x07" * 4000, "damaged"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "not a factcheck database"),
    ],
)
def test_a_file_that_is_not_a_sound_database_is_refused_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(content)
    with pytest.raises(db.DatabaseError, match=message):
        Store(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(db.DatabaseError, match="is a folder"):
        Store(tmp_path)


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contact (name TEXT)")
    con.execute("INSERT INTO contact VALUES ('Ana')")
    con.commit()
    con.close()
    with pytest.raises(db.DatabaseError, match="did not create"):
        Store(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() == [("contact",)]
    con.close()


def test_the_default_database_lives_in_the_user_data_folder_unless_overridden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.default_database_path().name == "factcheck.db"
    assert "factcheck" in db.default_database_path().parts
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "desk.db"))
    assert db.default_database_path() == tmp_path / "desk.db"


def test_the_known_revisions_are_exactly_the_migration_scripts_chain() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD
