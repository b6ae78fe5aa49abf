"""The preferences the window and the CLI share: saved, read back, and never fatal when damaged."""

from __future__ import annotations

import pytest

from factcheck import preferences
from factcheck.errors import FactcheckError
from factcheck.store import Store


def test_saved_preferences_are_read_back_and_name_the_reviewer(tmp_path) -> None:
    preferences.save(preferences.Preferences(reviewer="marta", publisher_name="Desk", page_size="Letter"))
    loaded = preferences.load()
    assert (loaded.reviewer, loaded.publisher_name, loaded.page_size) == ("marta", "Desk", "Letter")
    with Store(tmp_path / "p.db") as store:
        assert store.reviewer == "marta"


def test_without_a_reviewer_preference_the_os_user_reviews(tmp_path) -> None:
    assert preferences.reviewer() == preferences.system_user()
    with Store(tmp_path / "p.db") as store:
        assert store.reviewer == preferences.system_user()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"reviewer": 5, "page_size": "A3"}', "\x00\x01"])
def test_a_damaged_file_gives_defaults_instead_of_an_error(content: str) -> None:
    path = preferences.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert preferences.load() == preferences.Preferences()


def test_an_unknown_page_size_is_refused_and_nothing_is_written() -> None:
    with pytest.raises(FactcheckError, match="page size"):
        preferences.save(preferences.Preferences(page_size="A3"))
    assert not preferences.preferences_path().exists()


def test_the_config_dir_can_be_pointed_elsewhere(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "portable"))
    preferences.save(preferences.Preferences(reviewer="luis"))
    assert (tmp_path / "portable" / "preferences.json").is_file()
