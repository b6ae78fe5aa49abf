"""Ctrl+Q in the real program: what was done just before it is kept.

How soon the process leaves is measured by tests/benchmarks/test_quit_speed.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from factcheck.store import Store
from tests.conftest import SEED

# Runs the program as `factcheck-gui` does (main() with no arguments), records a verdict through
# the window's own action, then quits with the Quit action once the window is up.
PROGRAM = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.app
from ui.main_window import MainWindow

def drive():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.actions.verified.trigger()
    window.review_panel.rationale_edit.setPlainText("typed just before quitting")
    window.review_panel.rationale_edit.setFocus()
    print(f"closing {time.time()!r}", flush=True)
    window.actions.quit.trigger()

sys.argv = ["factcheck-gui", "--db", sys.argv[1]]
app = QApplication(sys.argv)  # ui.app.main() takes this one
QTimer.singleShot(1500, drive)
sys.exit(ui.app.main())
"""


def run_and_quit(db_path: Path, tmp_path: Path) -> float:
    """Run the program, give a verdict and type a rationale, quit; seconds from Quit to the exit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               FACTCHECK_CONFIG_DIR=str(tmp_path / "config"))
    process = subprocess.Popen([sys.executable, "-c", PROGRAM, str(db_path)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    out, err = process.communicate(timeout=60)
    exited = time.time()
    assert process.returncode == 0, err
    closing = float(next(line for line in out.splitlines() if line.startswith("closing ")).split()[1])
    return exited - closing


def test_quit_keeps_what_was_done_just_before(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as s:
        first, second = (c.id for c in s.claims(s.import_file(SEED).article_id, proposed_only=True)[:2])
    run_and_quit(db_path, tmp_path)
    with Store(db_path) as s:
        assert s.claim(first).verdict == "verified"
        assert s.claim(second).rationale == "typed just before quitting"  # V moved on to it; Quit saved it
