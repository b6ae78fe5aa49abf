"""Core operations as QUndoCommands, so the Edit menu can undo and redo them.

The operation is applied before it is pushed (a refused change never reaches the stack), so the
first redo() that QUndoStack.push() makes is skipped. Rationale edits saved while the reviewer
types merge into one undo step per claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from factcheck.errors import FactcheckError
from factcheck.records import Changes

if TYPE_CHECKING:
    from factcheck.ops import Operation
    from factcheck.store import Store

ChangesHandler = Callable[[Changes], None]
ErrorHandler = Callable[[str], None]
# "Undone: Set verdict: disputed", what it changed, and the operation (so the field can be shown)
StepHandler = Callable[[str, Changes, "Operation"], None]
MERGE_RATIONALE = 1


class OperationCommand(QUndoCommand):
    def __init__(self, store: Store, op: Operation, on_changes: ChangesHandler, on_error: ErrorHandler,
                 on_step: StepHandler | None = None) -> None:
        super().__init__(op.label)
        self._store = store
        self.ops: list[Operation] = [op]
        self._on_changes, self._on_error, self._on_step = on_changes, on_error, on_step
        self._applied = True

    def id(self) -> int:  # noqa: A003 - Qt API
        from factcheck.ops import EditRationale  # loaded by now: this command holds an operation

        return MERGE_RATIONALE if isinstance(self.ops[0], EditRationale) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, OperationCommand) or other.id() != self.id():
            return False
        if other.ops[0].claim_id != self.ops[-1].claim_id:  # type: ignore[attr-defined]
            return False
        self.ops.extend(other.ops)
        return True

    def redo(self) -> None:
        if self._applied:
            return
        self._step(self.ops, self._store.run, "Redo")

    def undo(self) -> None:
        self._step(list(reversed(self.ops)), self._store.revert, "Undo")

    def _step(self, ops: list[Operation], step: Callable[[Operation], Changes], verb: str) -> None:
        changes = Changes()
        try:
            for op in ops:
                changes.merge(step(op))
        except FactcheckError as exc:
            # The claim changed since (another window or reviewer): drop this step, keep theirs.
            self.setObsolete(True)
            self._on_error(f"{verb} {self.text()} was not possible: {exc}")
            return
        finally:
            if not changes.empty:  # a saved search touches no claim, and still needs its list redrawn
                self._on_changes(changes)
        self._applied = verb == "Redo"
        if self._on_step is not None:
            self._on_step(f"{'Undone' if verb == 'Undo' else 'Redone'}: {self.text()}", changes, self.ops[0])


def run_and_push(stack: QUndoStack, store: Store, op: Operation, on_changes: ChangesHandler,
                 on_error: ErrorHandler, on_step: StepHandler | None = None) -> Changes | None:
    """Apply `op`; on success push it for undo and report its changes, else report the error."""
    try:
        changes = store.run(op)
    except FactcheckError as exc:
        on_error(str(exc))
        return None
    stack.push(OperationCommand(store, op, on_changes, on_error, on_step))
    on_changes(changes)
    return changes
