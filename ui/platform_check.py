"""Which system libraries Qt's xcb plugin is missing, and the apt line that installs them.

`make run` calls this when the window fails to start: Qt's own message ("Could not load the Qt
platform plugin xcb") does not say which package is missing, and on a bare Debian or Ubuntu
several are.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# Every library the xcb plugin loads that a bare Debian/Ubuntu image may lack, by package
# (from `ldd` on PySide6's libqxcb.so). The README's set-up line is this list.
PACKAGES = {
    "libxcb-cursor.so": "libxcb-cursor0",
    "libxcb-icccm.so": "libxcb-icccm4",
    "libxcb-image.so": "libxcb-image0",
    "libxcb-keysyms.so": "libxcb-keysyms1",
    "libxcb-randr.so": "libxcb-randr0",
    "libxcb-render-util.so": "libxcb-render-util0",
    "libxcb-shape.so": "libxcb-shape0",
    "libxcb-xkb.so": "libxcb-xkb1",
    "libxkbcommon-x11.so": "libxkbcommon-x11-0",
    "libEGL.so": "libegl1",
    "libGL.so": "libgl1",
    "libfontconfig.so": "libfontconfig1",
    "libdbus-1.so": "libdbus-1-3",
}
APT_LINE = "sudo apt-get install -y " + " ".join(PACKAGES.values())


def plugin_path() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def missing_packages(ldd_output: str) -> list[str]:
    """The packages for the libraries `ldd` reports as "not found"."""
    missing = re.findall(r"^\s*(\S+)\s+=>\s+not found", ldd_output, flags=re.MULTILINE)
    found: list[str] = []
    for library in missing:
        stem = library.split(".so")[0] + ".so"
        package = PACKAGES.get(stem, library)
        if package not in found:
            found.append(package)
    return found


def report() -> str:
    """What to tell the person whose window did not open."""
    try:
        output = subprocess.run(["ldd", str(plugin_path())], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        output = ""
    missing = missing_packages(output)
    if missing:
        return f"The window needs system libraries that are missing: sudo apt-get install -y {' '.join(missing)}"
    return f"If Qt could not load its platform plugin xcb, install the window's system libraries: {APT_LINE}"


if __name__ == "__main__":
    print(report(), file=sys.stderr)
