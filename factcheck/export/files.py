"""Writing an export so that no half-written file is ever left: a temporary file in the same
folder, renamed over the destination only once everything is written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from factcheck.errors import ExportError


@contextlib.contextmanager
def atomic_text(target: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file that appears at `target` only if the block ends without an exception."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {str(folder)!r} does not exist.", "Choose an existing folder for the export.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write in {str(folder)!r}: {exc.strerror or exc}.",
                          "Choose a folder you can write to.") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's owner-only mode
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
