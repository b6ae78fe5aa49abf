"""A completed action survives the process being killed the instant after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck.store import Store
from tests.conftest import PROJECT_ROOT, SEED

KILLED_AFTER_VERDICT = """
import os, signal, sys
from factcheck import ops
from factcheck.store import Store
store = Store(sys.argv[1])
claim = store.claims(1, proposed_only=True)[0]
store.run(ops.SetVerdict(claim.id, verdict="disputed", reviewer="ana", rationale="no record"))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_verdict_is_kept_when_the_process_is_killed_right_after(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_VERDICT, str(db_path)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    with Store(db_path) as store:
        claim = store.claims(1, proposed_only=True)[0]
        assert (claim.verdict, claim.rationale) == ("disputed", "no record")
        assert [v.label for v in store.history(claim.id)] == ["disputed"]
