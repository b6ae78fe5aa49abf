"""The reviewer's preferences that the window and the command line share.

Kept as a small JSON file in the user's configuration folder (platformdirs), not in a database:
a reviewer moves between databases and keeps their name, their publisher and their page size.
Window-only state (geometry, the last folder) stays in the window's own settings.

`FACTCHECK_CONFIG_DIR` points it elsewhere: tests and portable installs use it, so neither touches
the reviewer's own file.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import platformdirs

from factcheck.errors import FactcheckError

APP_NAME = "factcheck"
FILE_NAME = "preferences.json"
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class Preferences:
    reviewer: str = ""  # empty: the operating system's user name
    publisher_name: str = ""  # the organisation named as author of published ClaimReview
    publisher_url: str = ""  # base URL that ClaimReview `url`s are built from
    page_size: str = "A4"  # PDF reports: "A4" or "Letter"

    def with_changes(self, **changes: str) -> Preferences:
        return replace(self, **changes)


def config_dir() -> Path:
    override = os.environ.get("FACTCHECK_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def preferences_path() -> Path:
    return config_dir() / FILE_NAME


def system_user() -> str:
    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def load() -> Preferences:
    """The saved preferences; defaults for anything missing, unreadable or of the wrong type.

    A damaged preferences file must never stop the reviewer from working, so it is read leniently.
    """
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    values = {k: v.strip() for k, v in data.items() if k in known and isinstance(v, str)}
    if values.get("page_size") not in PAGE_SIZES:
        values.pop("page_size", None)
    return Preferences(**values)


def save(preferences: Preferences) -> None:
    """Write atomically (temporary file, then rename), so a crash never leaves half a file."""
    if preferences.page_size not in PAGE_SIZES:
        raise FactcheckError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {preferences.page_size!r}")
    path = preferences_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(asdict(preferences), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise FactcheckError(f"could not save the preferences to {path}: {error.strerror or error}") from error


def reviewer() -> str:
    """Who a verdict is recorded for when none is given: the preference, else the OS user name."""
    return load().reviewer or system_user()
