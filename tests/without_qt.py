"""A pytest plugin that makes Qt and the GUI unimportable, for one run of the core's tests.

`make test` runs the core's tests a second time with `-p tests.without_qt`, so a core module
that reached for PySide6, even lazily inside a function, fails there the way it would on a
server or a machine with no Qt installed.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Sequence
from types import ModuleType

BLOCKED = ("PySide6", "shiboken6", "ui")


class _Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if fullname.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {fullname!r} (Qt is blocked for this run)", name=fullname)
        return None


for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]
sys.meta_path.insert(0, _Refuse())
