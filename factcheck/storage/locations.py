"""Where a database is when none is named: FACTCHECK_DB, the one used last, the user data folder.

Kept apart from factcheck.storage.database (SQLAlchemy's side) so the quick reads find the same file
without loading it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "factcheck"


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
