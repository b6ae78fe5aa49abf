"""QApplication bootstrap and `main()` for the `factcheck-gui` command.

The start is arranged for a quick first paint: the window frame is shown and painted before its
panels are built, and the panels are filled from the quick reads (ui.starting_store) before the
Store, with SQLAlchemy under it, is loaded. A database the quick reads cannot vouch for is opened
by the Store first, as before, so it is upgraded, or refused with its reason, before any window.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from factcheck.errors import FactcheckError
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION, Settings
from ui.starting_store import StartingStore, default_database

if TYPE_CHECKING:
    from factcheck.store import Store


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="factcheck-gui", description="Review the claims in news articles.")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or URL (default: the last one used)")
    parser.add_argument("--seed", action="store_true", help="load the sample articles into an empty database")
    return parser.parse_args(list(argv)[1:])


def database_for(args: argparse.Namespace, settings: Settings) -> str:
    """--db, then $FACTCHECK_DB, then the database used last, then the user data folder."""
    return args.db or default_database(settings.database)


def _install_error_hook(log_path: Path) -> None:
    """An unexpected error becomes a dialog and a log file, never a traceback on the reviewer's screen."""

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(kind, error, tb)))  # type: ignore[arg-type]
        QMessageBox.critical(None, "factcheck", f"Something went wrong: {error}\n\nEvery finished change is saved. "
                             f"Details were written to {log_path}.")

    sys.excepthook = hook


def create_window(store: Store | StartingStore, settings: Settings, *, panels_after_paint: bool = False) -> MainWindow:
    window = MainWindow(store, settings, panels_after_paint=panels_after_paint)
    window.show()
    return window


def open_store(target: str, settings: Settings, seed: bool = False) -> Store | StartingStore:
    """The quick start when the database is sound and up to date (and not to be seeded), else the
    Store itself, which creates, upgrades or refuses (FactcheckError)."""
    quick = StartingStore.open(target, reviewer=settings.reviewer)
    if quick is not None and (not seed or quick.has_articles()):
        return quick  # (a database with articles is never seeded)
    if quick is not None:
        quick.close()
    from factcheck.store import Store

    store = Store(target, reviewer=settings.reviewer)
    if seed:
        store.seed()
    return store


# The application outlives start(): dropped with its last reference, it would take the window with it.
_application: QApplication | None = None


def start(argv: Sequence[str]) -> MainWindow | None:
    """The application and its window, shown (its panels follow its first paint); None after
    telling the reviewer why the database cannot be opened."""
    global _application
    args = parse_args(argv)
    app = _application = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("factcheck")
    settings = Settings()
    target = database_for(args, settings)
    try:
        store = open_store(target, settings, args.seed)
    except FactcheckError as exc:
        QMessageBox.critical(None, "Cannot open database", str(exc))
        return None
    _install_error_hook(Path(store.location).parent / "factcheck-errors.log")
    settings.database = store.location
    return create_window(store, settings, panels_after_paint=True)


def main(argv: Sequence[str] | None = None) -> int:
    argv_given = argv
    window = start(list(sys.argv if argv is None else argv))
    if window is None:
        return 1
    settings = window.settings
    code = QApplication.exec()
    window.store.close()  # every change was committed as it was made; this checkpoints the log
    settings.sync()
    if argv_given is None:
        # The program itself: everything is saved, so leave now rather than wait for Python to take
        # apart thousands of Qt objects one by one (seconds after a day's work, for nothing).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
