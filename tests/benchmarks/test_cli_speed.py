"""The command line's own start-up, beside Python starting with the modules a raw script needs.

Each figure is the median of RUNS fresh processes, interleaved with the floor's. Budgets (issue
"fast at any size"): `factcheck --help` at most 3x `python3 -c "import sqlite3, json"`;
`claims ID --json` and `articles --json` at most 3x the same query through sqlite3 writing the same
JSON, in a fresh process each.

The processes run as an installed copy does, with its compiled bytecode cached (here in a temporary
folder, whatever PYTHONDONTWRITEBYTECODE says, so the tree stays clean), and each command is run once
untimed first: compiling the sources happens on a reviewer's first run only, and is not the start-up
this measures. The floor runs under the same conditions.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.store import Store
from tests.conftest import SEED

RUNS = 7
FACTCHECK = [sys.executable, "-m", "factcheck.cli"]
RAW = """
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.row_factory = sqlite3.Row
rows = [dict(r) for r in con.execute(sys.argv[2])]
json.dump(rows, sys.stdout)
"""


@pytest.fixture(scope="module", autouse=True)
def _bytecode_cached(tmp_path_factory: pytest.TempPathFactory) -> None:
    global _ENV
    _ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _ENV["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))


_ENV: dict[str, str] | None = None


def _seconds(command: list[str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=_ENV)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - began


def _compare(ours: list[str], floor: list[str]) -> tuple[float, float]:
    _seconds(ours), _seconds(floor)  # compiles and caches the bytecode, as a first run does
    mine, base = [], []
    for _ in range(RUNS):
        mine.append(_seconds(ours))
        base.append(_seconds(floor))
    return statistics.median(mine), statistics.median(base)


def test_help_answers_without_loading_the_store() -> None:
    mine, base = _compare([*FACTCHECK, "--help"], [sys.executable, "-c", "import sqlite3, json"])
    print(f"\nfactcheck --help {mine * 1000:.0f} ms; python3 -c 'import sqlite3, json' {base * 1000:.0f} ms; "
          f"{mine / base:.2f}x")
    assert mine <= 3 * base, f"--help took {mine / base:.1f}x the floor, budget 3x"


@pytest.mark.parametrize("command, sql", [
    (["claims", "1", "--json"], "SELECT * FROM claim WHERE article_id = 1 AND proposed = 1 ORDER BY position"),
    (["articles", "--json"], "SELECT id, title, outlet, url, author, published, language, open_claims, "
                             "reviewed_claims FROM article ORDER BY id"),
])
def test_listings_as_json(tmp_path: Path, command: list[str], sql: str) -> None:
    db = tmp_path / "cli.db"
    with Store(db) as store:
        store.import_file(SEED)
    assert json.loads(subprocess.run([*FACTCHECK, "--db", str(db), *command], capture_output=True, text=True,
                                     check=True).stdout)
    mine, base = _compare([*FACTCHECK, "--db", str(db), *command], [sys.executable, "-c", RAW, str(db), sql])
    print(f"\nfactcheck {' '.join(command)} {mine * 1000:.0f} ms; raw sqlite3 + json {base * 1000:.0f} ms; "
          f"{mine / base:.2f}x")
    assert mine <= 3 * base, f"{' '.join(command)} took {mine / base:.1f}x the floor, budget 3x"
