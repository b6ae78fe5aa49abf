"""The core must be usable without Qt: the CLI, scripts and a headless server depend on it."""

import pkgutil
import subprocess
import sys

import factcheck
from tests.conftest import PROJECT_ROOT


def core_modules() -> list[str]:
    """Every module below factcheck/, found by walking the package, so a new one is covered too."""
    names = ["factcheck"]
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        # Alembic's env.py and the revision scripts run only inside Alembic's own loader.
        if ".migrations." not in info.name + ".":
            names.append(info.name)
    return names


def test_the_walk_finds_the_core() -> None:
    found = core_modules()
    assert {"factcheck.store", "factcheck.ops", "factcheck.cli", "factcheck.analysis.dates",
            "factcheck.storage.models", "factcheck.importing.reading"} <= set(found)


def test_importing_any_module_of_the_core_does_not_load_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
