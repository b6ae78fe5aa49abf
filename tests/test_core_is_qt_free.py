"""The core must be usable without Qt: the CLI, scripts and a headless server depend on it."""

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def test_importing_the_core_does_not_load_qt() -> None:
    code = (
        "import sys, factcheck, factcheck.store, factcheck.cli, factcheck.ops, factcheck.importing.reading; "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))); "
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
