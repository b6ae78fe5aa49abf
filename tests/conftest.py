"""Fixtures shared by the core and GUI tests: real databases on disk in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.store import Store

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED = PROJECT_ROOT / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the developer's real database and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_CONFIG_DIR", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "review.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path, reviewer="ana") as s:
        yield s


@pytest.fixture
def seeded(store: Store) -> Store:
    store.import_file(SEED)
    return store
