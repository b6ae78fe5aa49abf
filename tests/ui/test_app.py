"""Which database the window opens: --db, then FACTCHECK_DB, then the one used last, then the data folder."""

from __future__ import annotations

from pathlib import Path

from ui.app import database_for, parse_args


def test_db_flag_then_environment_then_remembered_then_data_folder(settings, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    settings.database = str(tmp_path / "last.db")
    assert database_for(parse_args(["factcheck-gui", "--db", "given.db"]), settings) == "given.db"
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.db"))
    assert database_for(parse_args(["factcheck-gui"]), settings) == str(tmp_path / "env.db")
    monkeypatch.delenv("FACTCHECK_DB")
    assert database_for(parse_args(["factcheck-gui"]), settings) == str(tmp_path / "last.db")
    settings.database = ""
    assert Path(database_for(parse_args(["factcheck-gui"]), settings)).name == "factcheck.db"


def test_settings_in_a_folder_keep_the_shared_preferences_there_too(tmp_path) -> None:  # noqa: ANN001
    """A portable install (and every test) must not write the user's own preferences."""
    from factcheck import preferences
    from ui import settings as settings_module

    settings_module.use_folder(tmp_path / "portable")
    settings_module.Settings().reviewer = "marta"
    assert (tmp_path / "portable" / "preferences.json").is_file()
    assert preferences.reviewer() == "marta"
