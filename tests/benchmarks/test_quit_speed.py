"""How soon the program leaves after Ctrl+Q, beside a bare PySide6 window quitting the same way.

The clock starts when the Quit action is triggered (printed by the program) and stops when the
process has exited. Median of RUNS. Budget: under 0.5 s after the window closes.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from factcheck.store import Store
from tests.conftest import SEED
from tests.ui.test_quit import run_and_quit

RUNS = 3
BUDGET_S = 0.5
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
def close():
    print(f"closing {time.time()!r}", flush=True)
    window.close()
QTimer.singleShot(1500, close)
sys.exit(app.exec())
"""


def _bare() -> float:
    done = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    exited = time.time()
    assert done.returncode == 0, done.stderr
    return exited - float(next(line for line in done.stdout.splitlines() if line.startswith("closing ")).split()[1])


def test_quit_leaves_promptly(tmp_path: Path) -> None:
    ours, floor = [], []
    for run in range(RUNS):
        db_path = tmp_path / f"quit-{run}.db"
        with Store(db_path) as store:
            store.import_file(SEED)
        ours.append(run_and_quit(db_path, tmp_path / f"home-{run}"))
        floor.append(_bare())
    median, base = statistics.median(ours), statistics.median(floor)
    print(f"\nquit to exit: median {median:.3f} s (runs {', '.join(f'{t:.3f}' for t in ours)}); "
          f"bare PySide6 window {base:.3f} s")
    assert median < BUDGET_S, f"the process left {median:.2f} s after Quit, budget {BUDGET_S} s"
