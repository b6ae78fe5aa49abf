"""The batch import's worker processes start without this program's main module.

multiprocessing would otherwise have every worker import the script that started the program:
for the window that is PySide6 and the whole GUI, in each worker of each import.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factcheck.importing.batch import POOL_THRESHOLD

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# A program's main script: every process that imports it writes its pid to the log.
SCRIPT = """
import os, sys
with open(sys.argv[1], "a") as log:
    log.write(f"{os.getpid()}\\n")

if __name__ == "__main__":
    from factcheck.importing.batch import analysed
    from factcheck.importing.reading import ArticleInput
    items = [ArticleInput(body=f"The council spent {n} million dollars in 2024, the mayor said.")
             for n in range(int(sys.argv[2]))]
    found = list(analysed(items, workers=2))
    assert len(found) == len(items) and all(rows for _, rows in found), found
    assert "__file__" in globals() and __spec__ is None  # put back once the workers started
    print(os.getpid(), len(found))
"""


def test_import_workers_do_not_load_the_program_that_started_them(tmp_path: Path) -> None:
    script = tmp_path / "launcher.py"
    script.write_text(SCRIPT, encoding="utf-8")
    log = tmp_path / "imported-by.txt"
    done = subprocess.run([sys.executable, str(script), str(log), str(POOL_THRESHOLD + 8)], cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=str(PROJECT_ROOT)), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    main_pid, analysed_count = done.stdout.split()
    assert int(analysed_count) == POOL_THRESHOLD + 8
    assert log.read_text().split() == [main_pid]
