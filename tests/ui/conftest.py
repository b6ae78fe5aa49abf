"""GUI fixtures: the real main window on a real database, without a display, settings in a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.store import Store
from ui import settings as settings_module

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """QSettings never reach the developer's own configuration."""
    folder = tmp_path_factory.mktemp("qsettings")
    settings_module.use_folder(folder)
    return folder


@pytest.fixture
def settings() -> settings_module.Settings:
    s = settings_module.Settings()
    s.reviewer = "ana"
    return s


@pytest.fixture
def open_window(qtbot, settings):  # noqa: ANN001, ANN201 - pytest-qt fixture
    """A function opening the real MainWindow on a database path, shown and active."""
    from ui.main_window import MainWindow

    opened = []

    def _open(db_path: Path) -> MainWindow:
        window = MainWindow(Store(db_path, reviewer=settings.reviewer), settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield _open
    for window in opened:
        window.store.close()
