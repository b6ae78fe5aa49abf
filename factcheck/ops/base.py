"""What every operation shares: the Operation interface, and for claim operations the optimistic
lock, the before/after snapshot and the Changes they report."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from factcheck.errors import ConflictError, OperationError
from factcheck.records import Changes
from factcheck.storage.models import (
    CLAIMS,
    Claim,
    utcnow,
)

_CLAIM_STATE = ("text", "verdict", "rationale", "reviewer", "reviewed_at", "dismissed", "proposed",
                "desk_label", "updated_at", "version")


def _snapshot(claim: Claim) -> dict[str, Any]:
    return {name: getattr(claim, name) for name in _CLAIM_STATE}


def _restore(claim: Claim, state: dict[str, Any]) -> None:
    for name, value in state.items():
        setattr(claim, name, value)


def _write_version(session: Session, changed: ConflictError) -> None:
    """Write the claim's new version now, before anything else of the operation.

    The UPDATE carries the version that was read in its WHERE clause (the mapper's version
    column), so it matches no row when another transaction changed the claim after our read: a
    database without SQLite's single writer lets that happen. On SQLite the write transaction
    already holds the lock since its first read; elsewhere this UPDATE takes the row lock, so
    the rest of the operation runs on a claim nobody else can change until the commit.
    """
    try:
        session.flush()
    except StaleDataError:
        raise changed from None


def _version_conflict(claim_id: int, expected: int, row: Any) -> ConflictError:
    """The claim changed since the reviewer read it: name the other version, so the reviewer knows
    what to look at before deciding again."""
    theirs = f": {row.verdict} by {row.reviewer}" if row.verdict else ""
    return ConflictError(
        f"Claim {claim_id} was changed elsewhere since you opened it (you had version "
        f"{expected}, it is now version {row.version}{theirs}); it has been reloaded "
        "with that change, and yours was not saved: make it again if it still applies."
    )


# What a claim operation reads of its claim through Core: the state it restores, and the owner.
_CLAIM_ROW = select(*(CLAIMS.c[name] for name in _CLAIM_STATE), CLAIMS.c.article_id)


def saved_id(value: int | None) -> int:
    """The id of a row read from or flushed to the database; SQLModel types ids as optional
    because a row not yet written has none."""
    if value is None:
        raise OperationError("The change could not be saved: a row has no id yet.")
    return value


def claim_changes(claim: Claim, *, article_list: bool = False) -> Changes:
    return Changes(articles={claim.article_id}, claims={saved_id(claim.id)}, article_list=article_list)


class Operation(ABC):
    """One undoable change. Subclasses keep what they need to revert in their own fields."""

    @property
    @abstractmethod
    def label(self) -> str:
        """What the Edit menu says: "Undo <label>"."""

    @abstractmethod
    def apply(self, session: Session) -> Changes: ...

    @abstractmethod
    def revert(self, session: Session) -> Changes: ...


@dataclass
class ClaimOperation(Operation, ABC):
    """An operation on one claim, with the locking and the before/after snapshot done once here."""

    claim_id: int
    expected_version: int | None = field(default=None, kw_only=True)
    _before: dict[str, Any] | None = field(default=None, init=False, repr=False)
    _after_version: int | None = field(default=None, init=False, repr=False)

    def _lock_for_apply(self, session: Session) -> Claim:
        """The claim, its version checked and bumped in the database before anything else is written."""
        claim = session.get(Claim, self.claim_id)
        if claim is None:
            raise OperationError(f"Claim {self.claim_id} no longer exists.")
        changed = ConflictError(
            f"Claim {self.claim_id} was changed elsewhere since you opened it; it has been reloaded."
        )
        if self.expected_version is not None and claim.version != self.expected_version:
            raise _version_conflict(self.claim_id, self.expected_version, claim)
        before = _snapshot(claim)
        claim.version = claim.version + 1
        claim.updated_at = utcnow()
        _write_version(session, changed)
        # Only a claim that is really ours is remembered: a refused operation stays as it was built.
        self.expected_version, self._before, self._after_version = before["version"], before, claim.version
        return claim

    def _read_for_apply(self, session: Session) -> Any:
        """The claim's row (its state and article) read through Core; None if it is gone.

        For the operations a reviewer runs on every key (a verdict): a Core statement costs a
        fraction of loading and flushing the mapped object. `_write_for_apply` then writes it."""
        return session.connection().execute(_CLAIM_ROW.where(CLAIMS.c.id == self.claim_id)).first()

    def _write_for_apply(self, session: Session, row: Any, **values: Any) -> None:
        """Write `values` on the claim read by `_read_for_apply`, with its version bumped, in one
        UPDATE that matches only the version read: on a database without SQLite's single writer,
        another transaction's change since the read makes it match nothing, and it takes the row
        lock, as `_write_version` does for the mapped object."""
        if self.expected_version is not None and row.version != self.expected_version:
            raise _version_conflict(self.claim_id, self.expected_version, row)
        before = {name: getattr(row, name) for name in _CLAIM_STATE}
        version = before["version"] + 1
        done = session.connection().execute(
            update(CLAIMS).where(CLAIMS.c.id == self.claim_id, CLAIMS.c.version == before["version"])
            .values(version=version, updated_at=values.pop("updated_at", utcnow()), **values))
        if done.rowcount != 1:
            raise ConflictError(
                f"Claim {self.claim_id} was changed elsewhere since you opened it; it has been reloaded.")
        # A mapped copy of the claim already in this session (an operation made of steps) is stale now.
        held = session.identity_map.get(session.identity_key(Claim, self.claim_id))
        if held is not None:
            session.expire(held)
        self.expected_version, self._before, self._after_version = before["version"], before, version

    def _lock_for_revert(self, session: Session) -> Claim:
        claim = session.get(Claim, self.claim_id)
        if claim is None or self._before is None:
            raise OperationError(f"Claim {self.claim_id} no longer exists; nothing to undo.")
        changed = ConflictError(f"Claim {self.claim_id} was changed again since; undo would overwrite that.")
        if claim.version != self._after_version:
            raise changed
        claim.version = self._before["version"]
        _write_version(session, changed)
        return claim

    def _put_back(self, claim: Claim) -> None:
        assert self._before is not None
        _restore(claim, self._before)
