"""Core operations as QUndoCommands, so the Edit menu can undo and redo them.

The operation is applied before it is pushed (a refused change never reaches the stack), so the
first redo() that QUndoStack.push() makes is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from factcheck.ops import Operation, OperationError
from factcheck.records import Changes
from factcheck.store import Store, StoreError

ChangesHandler = Callable[[Changes], None]
ErrorHandler = Callable[[str], None]


class OperationCommand(QUndoCommand):
    def __init__(self, store: Store, op: Operation, on_changes: ChangesHandler, on_error: ErrorHandler) -> None:
        super().__init__(op.label)
        self._store, self.op = store, op
        self._on_changes, self._on_error = on_changes, on_error
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._step(self._store.run, "Redo")

    def undo(self) -> None:
        self._step(self._store.revert, "Undo")

    def _step(self, step: Callable[[Operation], Changes], verb: str) -> None:
        try:
            changes = step(self.op)
        except (OperationError, StoreError) as exc:
            # The claim changed since (another window or reviewer): drop this step, keep theirs.
            self.setObsolete(True)
            self._on_error(f"{verb} {self.op.label} was not possible: {exc}")
            return
        self._applied = verb == "Redo"
        self._on_changes(changes)


def run_and_push(stack, store: Store, op: Operation, on_changes: ChangesHandler,  # noqa: ANN001 - QUndoStack
                 on_error: ErrorHandler) -> Changes | None:
    """Apply `op`; on success push it for undo and report its changes, else report the error."""
    try:
        changes = store.run(op)
    except (OperationError, StoreError) as exc:
        on_error(str(exc))
        return None
    stack.push(OperationCommand(store, op, on_changes, on_error))
    on_changes(changes)
    return changes
