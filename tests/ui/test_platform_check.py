"""When the window cannot start for want of system libraries, `make run` says what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from ui.platform_check import APT_LINE, PACKAGES, missing_packages

LDD_ON_A_BARE_IMAGE = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibX11.so.6 => /lib/x86_64-linux-gnu/libX11.so.6 (0x00007f)
"""


def test_the_missing_libraries_are_named_by_their_packages() -> None:
    assert missing_packages(LDD_ON_A_BARE_IMAGE) == ["libxcb-icccm4", "libxcb-keysyms1"]


def test_the_readme_lists_every_package_the_window_needs() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert APT_LINE in readme
    assert all(package in readme for package in PACKAGES.values())


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_prints_the_apt_line_when_the_window_cannot_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               FACTCHECK_DB=str(tmp_path / "run.db"))
    done = subprocess.run(["make", "-s", "run"], cwd=PROJECT_ROOT, capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode != 0
    assert "sudo apt-get install -y" in done.stderr
    assert "libxcb-icccm4" in done.stderr or "libxcb-cursor0" in done.stderr
