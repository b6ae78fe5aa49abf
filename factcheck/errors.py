"""One error family: every failure a person can meet is a `FactcheckError`.

Its text is a sentence for the reviewer naming the problem, and where it helps, what to do next.
The CLI and the window catch the base class once; anything else that escapes is a bug and is
reported as one.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """A failure worded for the person: `message` says what went wrong, `hint` what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}".strip() if hint else message)


class DatabaseError(FactcheckError):
    """A database that cannot be opened safely; it was left untouched."""


class IngestError(FactcheckError):
    """One input (a file, pasted text) that cannot become an article."""


class OperationError(FactcheckError):
    """A change that cannot be made."""


class ConflictError(OperationError):
    """The claim changed underneath us (another reviewer, another window)."""


class StoreError(FactcheckError):
    """The database refused a read or a write; nothing half-done was kept."""


class ExportError(FactcheckError):
    """A report that cannot be made or written; no file was left at the destination."""


class QueryError(FactcheckError):
    """A search query that cannot be read; `position` is the 0-based offset of the bad part."""

    def __init__(self, message: str, position: int, hint: str = "") -> None:
        self.position = position
        super().__init__(message, hint)


class BackupError(FactcheckError):
    """A backup that could not be made or restored; the database itself was not changed."""
