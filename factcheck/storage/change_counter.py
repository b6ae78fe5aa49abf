"""Noticing that another connection (the CLI, a second window) committed to the same database.

SQLite's `PRAGMA data_version` changes, for one connection, whenever another connection commits;
so one long-lived connection that never writes tells a window when its view may be stale. The
store's own writes go through other connections and count too: callers note the value after them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class ChangeCounter:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None

    def value(self) -> int | None:
        """A number that changes when the database changed elsewhere; None when it cannot be read."""
        try:
            if self._connection is None:
                self._connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, timeout=1,
                                                   check_same_thread=False)
            row = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            self.close()
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
