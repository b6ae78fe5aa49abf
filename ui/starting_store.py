"""The store the window starts on: its first screen read over sqlite3, the Store loaded after it.

Importing the Store (SQLAlchemy, SQLModel, pydantic) takes longer than painting the window and
filling its first screen. So the window starts on factcheck.quick_reads, which hands out the same
records, and loads the Store once that screen is painted (`load`). Whatever else is asked before
then (a verdict, a search) loads the Store at once and waits for it; from then on every call goes
to the Store. A database the quick reads cannot vouch for (new, to upgrade, newer, damaged, a URL)
never gets here: the app opens the Store first, as before, and it refuses or upgrades.

This is the one module of the window that reads the core's quick reads (a deliberate exception
to the window using only the store; see the contract in pyproject.toml).
"""

from __future__ import annotations

import builtins
import sqlite3
import threading
from typing import TYPE_CHECKING, Any

from factcheck.quick_reads import QuickReads
from factcheck.quick_reads import default_database as default_database  # for the app, before the Store loads

if TYPE_CHECKING:
    from factcheck.store import Store

# The reads the first screen makes (the article list, the article, its claims, the claim's history,
# the saved searches); they answer from the quick reads until the Store is loaded.
QUICK_READS = frozenset({"article_list", "article_list_head", "article_count", "articles", "article",
                         "article_text", "claims", "claims_by_ids", "claim", "history", "saved_searches"})


def import_store_module() -> None:
    """Import factcheck.store without PySide6's import hook.

    Once PySide6 is loaded, every import statement goes through its hook, which reads the source of
    each new module to see whether it uses PySide6 features: for the hundreds of modules of
    SQLAlchemy, SQLModel and pydantic that is a large share of their import time. The core never
    uses Qt (a contract checks it), so its modules are imported with Python's own import function.
    """
    hooked, plain = builtins.__import__, getattr(builtins, "__orig_import__", None)
    if plain is None or plain is hooked:
        import factcheck.store  # noqa: F401
        return
    builtins.__import__ = plain
    try:
        import factcheck.store  # noqa: F401
    finally:
        builtins.__import__ = hooked


class StartingStore:
    """Answers like a Store: the first screen's reads quickly, and everything through the Store once loaded."""

    def __init__(self, reads: QuickReads, target: str, reviewer: str | None = None) -> None:
        self._reads = reads
        self._target = target
        self._reviewer = reviewer
        self._store: Store | None = None
        self._loading = threading.Lock()  # a worker thread may ask for the Store while the window loads it
        # One long-lived read-only connection tells when another program committed (as the Store's
        # own counter does): read once now, before the first screen, so a change after it is seen.
        reads.data_version()

    @classmethod
    def open(cls, target: str, reviewer: str | None = None) -> StartingStore | None:
        """The quick start on `target`, or None when the Store itself must open it."""
        reads = QuickReads.open(target)
        return cls(reads, target, reviewer) if reads is not None else None

    def has_articles(self) -> bool:
        return self._reads.article_count() > 0

    @property
    def loaded(self) -> bool:
        return self._store is not None

    @property
    def location(self) -> str:
        return self._reads.location

    @property
    def reviewer(self) -> str:
        return self.load().reviewer

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.load().reviewer = name

    def data_version(self) -> int | None:
        """Changes whenever another connection committed; one connection throughout, so that the
        loading of the Store does not look like a change."""
        try:
            return self._reads.data_version()
        except sqlite3.Error:
            return None

    def load(self) -> Store:
        """The Store, imported and opened on first use (it checks the file again, and would upgrade it)."""
        with self._loading:
            if self._store is None:
                import_store_module()
                from factcheck.store import Store

                self._store = Store(self._target, reviewer=self._reviewer)
            return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        self._reads.close()

    def __getattr__(self, name: str) -> Any:
        # Only what this class does not define: a quick read before the Store is loaded, else the Store's.
        if name in QUICK_READS and self._store is None:
            return self._quick(name)
        return getattr(self.load(), name)

    def _quick(self, name: str) -> Any:
        read = getattr(self._reads, name)

        def answer(*args: Any, **kwargs: Any) -> Any:
            if self._store is None:
                try:
                    return read(*args, **kwargs)
                except sqlite3.Error:
                    pass  # a read-only connection can be refused (a log reset by a writer): ask the Store
            return getattr(self.load(), name)(*args, **kwargs)

        return answer
