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

from factcheck.importing.reading import is_supported


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The files to read, and (folder, message) for each folder that holds no article at all."""
    found: list[str] = []
    empty: list[tuple[str, str]] = []
    for path in paths:
        name = os.fspath(path)
        p = Path(name)
        try:
            folder = p.is_dir()
        except OSError:  # a name too long and the like: reading it gives the message
            folder = False
        if not folder:
            found.append(name)
            continue
        inside = [str(child) for child in sorted(p.iterdir())
                  if child.is_file() and is_supported(child.name) and not child.name.startswith(".")]
        if not inside:
            empty.append((name, f"'{name}' is a folder with no article files in it; put .txt, .md or saved .html pages "
                                "there, or name the files to import"))
        found.extend(inside)
    return found, empty
