"""Window state and preferences, kept in QSettings (never in the reviewers' database).

Tests point QSettings at a temporary folder with `use_folder()`, so they never touch the
developer's own settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer

from factcheck import preferences

ORGANIZATION = "factcheck"
APPLICATION = "factcheck"
# The place is written this long after the reviewer stops moving (and when the window closes):
# QSettings writes its whole file after every change, a few milliseconds each review key would pay.
POSITION_SAVE_MS = 1000


def use_folder(folder: Path) -> None:
    """Keep settings as INI files under `folder` (tests, portable installs), the preferences the
    window shares with the command line included, so nothing reaches the user's own files."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["FACTCHECK_CONFIG_DIR"] = str(folder)


class Settings:
    def __init__(self) -> None:
        self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
        self._pending_positions: dict[str, str] = {}  # key -> value, not yet handed to QSettings
        self._position_timer: QTimer | None = None

    # The reviewer's name is shared with the command line, so it lives in the core's preferences.
    @property
    def reviewer(self) -> str:
        return preferences.reviewer()

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        preferences.save(preferences.load().with_changes(reviewer=name.strip()))

    @property
    def advance_after_verdict(self) -> bool:
        return str(self._q.value("review/advance", "true")).lower() == "true"

    @advance_after_verdict.setter
    def advance_after_verdict(self, on: bool) -> None:
        self._q.setValue("review/advance", "true" if on else "false")

    @property
    def database(self) -> str | None:
        value = self._q.value("data/database", "")
        return str(value) if value else None

    @database.setter
    def database(self, path: str) -> None:
        self._q.setValue("data/database", path)

    @property
    def last_folder(self) -> str:
        return str(self._q.value("ui/last_folder", "") or Path.home())

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._q.setValue("ui/last_folder", folder)

    # Where the reviewer was, per database: a desk may keep one database per project.
    @staticmethod
    def _position_key(database: str) -> str:
        import hashlib  # here: OpenSSL's library takes a while to load, and the first paint need not wait

        return "position/" + hashlib.sha1(database.encode("utf-8")).hexdigest()[:16]

    def position(self, database: str) -> tuple[int, int | None] | None:
        """(article id, claim id or None) last shown in this database, if any."""
        key = self._position_key(database)
        value = self._pending_positions.get(key) or str(self._q.value(key, "") or "")
        article, _, claim = value.partition(":")
        if not article.isdigit():
            return None
        return int(article), int(claim) if claim.isdigit() else None

    def set_position(self, database: str, article_id: int, claim_id: int | None) -> None:
        """Remember the place; it is saved once the reviewer pauses, or by `sync` (the window's close)."""
        self._pending_positions[self._position_key(database)] = f"{article_id}:{claim_id or ''}"
        if self._position_timer is None:
            self._position_timer = QTimer()
            self._position_timer.setSingleShot(True)
            self._position_timer.setInterval(POSITION_SAVE_MS)
            self._position_timer.timeout.connect(self._save_positions)
        self._position_timer.start()

    def _save_positions(self) -> None:
        for key, value in self._pending_positions.items():
            self._q.setValue(key, value)
        self._pending_positions.clear()

    def window_state(self, key: str) -> QByteArray | None:
        value = self._q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"window/{key}", value)

    def sync(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._save_positions()
        self._q.sync()
