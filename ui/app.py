"""QApplication bootstrap and `main()` for the `factcheck-gui` command."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from factcheck.errors import FactcheckError
from factcheck.store import Store, default_database
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION, Settings


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


def create_window(store: Store, settings: Settings) -> MainWindow:
    window = MainWindow(store, settings)
    window.show()
    return window


def main(argv: Sequence[str] | None = None) -> int:
    argv_given = argv
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("factcheck")
    settings = Settings()
    target = database_for(args, settings)
    try:
        store = Store(target, reviewer=settings.reviewer)
    except FactcheckError as exc:
        QMessageBox.critical(None, "Cannot open database", str(exc))
        return 1
    _install_error_hook(Path(store.location).parent / "factcheck-errors.log")
    if args.seed:
        store.seed()
    settings.database = store.location
    window = create_window(store, settings)
    code = app.exec()
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
