"""Which files an import means: the paths given, with every folder opened to the articles inside.

A folder stands for the article files directly inside it, in name order, so "import this folder"
does what a reviewer means; files of other kinds in it are skipped, not reported, because a
folder of articles usually holds notes and images too. A path given by name is always tried, so
a wrong file named on purpose still gets its own message.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.importing.reading import SUPPORTED_SUFFIXES


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    found: list[str] = []
    for path in paths:
        name = os.fspath(path)
        p = Path(name)
        if p.is_dir():
            found.extend(str(child) for child in sorted(p.iterdir())
                         if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
                         and not child.name.startswith("."))
        else:
            found.append(name)
    return found
