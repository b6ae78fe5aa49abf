"""Renders the review window on the seed article to a PNG for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshot docs/review-window.png [SEARCH.png]
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshot --size 1024x700 docs/review-window-1024x700.png

With a second file it also renders the window with the search panel open on a query, one result
opened. --size sets the window's size (default 1600x1000, a common desktop; 1024x700 is the
smallest laptop screen less a task bar).

It uses a throwaway database and settings folder, records a few verdicts and a source the way a
reviewer would, and grabs the real window.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from factcheck import ops
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.conftest import SEED
from ui import settings as settings_module

DEFAULT_SIZE = (1600, 1000)


def render(target: Path, search_target: Path | None = None, size: tuple[int, int] = DEFAULT_SIZE) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    settings_module.use_folder(folder / "settings")
    settings = settings_module.Settings()
    settings.reviewer = "ana"
    store = Store(folder / "review.db", reviewer="ana")
    store.import_file(SEED)
    claims = store.claims(1, proposed_only=True)
    store.run(ops.SetVerdict(claims[0].id, verdict="verified", reviewer="ana",
                             rationale="Sheinbaum's remarks in San Luis Potosí, 3 May 2025, video on the "
                                       "presidency's channel.",
                             sources=(SourceInput("https://apnews.com/article/mexico-sheinbaum-trump-troops",
                                                  "Mexico's president says she rejected Trump's proposal",
                                                  "AP", accessed="2025-05-04"),)))
    store.run(ops.SetVerdict(claims[1].id, verdict="disputed", reviewer="ana",
                             rationale="The WSJ describes the call; the White House has not confirmed it."))
    store.run(ops.SetVerdict(claims[2].id, verdict="unclear", reviewer="ana"))

    from ui.main_window import MainWindow

    window = MainWindow(store, settings)
    window.resize(*size)
    window.show()
    window.show_claim(claims[0].id)
    for _ in range(5):
        app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    if search_target is not None:
        _render_search(app, window, search_target)
    window.close()
    store.close()


def _render_search(app: QApplication, window: object, target: Path) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.search.open()
    panel = window.search.panel
    assert panel is not None
    panel.query_edit.setText("troops OR cartels")
    panel.search_now()
    QThreadPool.globalInstance().waitForDone(10000)
    for _ in range(5):
        app.processEvents()
    window.search.open_result(1)
    for _ in range(5):
        app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen = DEFAULT_SIZE
    if args[:1] == ["--size"]:
        width, height = args[1].split("x")
        chosen, args = (int(width), int(height)), args[2:]
    render(Path(args[0] if args else "docs/review-window.png"), Path(args[1]) if len(args) > 1 else None, chosen)
