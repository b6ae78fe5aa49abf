"""Operations on a claim's verdict: set one, reuse a similar claim's, edit its rationale."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from factcheck.errors import OperationError
from factcheck.ops.base import ClaimOperation, claim_changes, saved_id
from factcheck.ops.sources import checked_source
from factcheck.records import VERDICT_LABELS, Changes, SourceInput
from factcheck.storage.models import (
    SOURCES,
    VERDICTS,
    Claim,
    Source,
    Verdict,
    utcnow,
)


def _new_id(inserted: Any) -> int | None:
    """The id of the row a Core INSERT wrote."""
    key = inserted.inserted_primary_key
    return key[0] if key else None


def _dismissed(claim_id: int) -> OperationError:
    """A dismissed claim is out of every list and count, so a verdict there would never be seen."""
    return OperationError(f"Claim {claim_id} is dismissed; restore it first (X in the review window), "
                          "then give it a verdict.")


@dataclass
class SetVerdict(ClaimOperation):
    verdict: str = "unclear"
    reviewer: str = ""
    rationale: str | None = None  # None keeps the rationale already written on the claim
    sources: tuple[SourceInput, ...] = ()
    reused_from: int | None = None
    _verdict_id: int | None = field(default=None, init=False, repr=False)
    _source_ids: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICT_LABELS:
            raise OperationError(f"Unknown verdict {self.verdict!r}; use one of: {', '.join(VERDICT_LABELS)}.")
        self.sources = tuple(checked_source(s) for s in self.sources)

    @property
    def label(self) -> str:
        return f"Set verdict: {self.verdict}"

    def apply(self, session: Session) -> Changes:
        # Core statements, not the mapped objects: this runs on every verdict key, and loading and
        # flushing the objects cost several times the writing itself. The triggers (search index,
        # the article's counts) fire on these statements as on the ORM's.
        row = self._read_for_apply(session)
        if row is None:
            raise OperationError(f"Claim {self.claim_id} no longer exists.")
        if row.dismissed:
            raise _dismissed(self.claim_id)
        now = utcnow()
        rationale = row.rationale if self.rationale is None else self.rationale
        self._write_for_apply(session, row, verdict=self.verdict, rationale=rationale, reviewer=self.reviewer,
                              reviewed_at=now, updated_at=now)
        conn = session.connection()
        added = conn.execute(insert(VERDICTS).values(
            claim_id=self.claim_id, label=self.verdict, rationale=rationale, reviewer=self.reviewer,
            created_at=now, reused_from=self.reused_from))
        self._verdict_id = saved_id(_new_id(added))
        self._source_ids = [
            saved_id(_new_id(conn.execute(insert(SOURCES).values(
                claim_id=self.claim_id, url=s.url, title=s.title, publisher=s.publisher, excerpt=s.excerpt,
                accessed=s.accessed, added_at=now))))
            for s in self.sources]
        return Changes(articles={row.article_id}, claims={self.claim_id}, article_list=True)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        # Undo removes exactly the verdict row this operation added, and nothing else ever does.
        session.exec(delete(Verdict).where(col(Verdict.id) == self._verdict_id))
        if self._source_ids:
            session.exec(delete(Source).where(col(Source.id).in_(self._source_ids)))
        self._put_back(claim)
        return claim_changes(claim, article_list=True)


@dataclass
class ReuseVerdict(ClaimOperation):
    """Give the claim the verdict, rationale and sources of a similar reviewed claim, linked to it.

    It is a SetVerdict whose contents are read from the other claim inside the same transaction,
    so what is copied is what that claim says at the moment of the copy.
    """

    from_claim_id: int = 0
    reviewer: str = ""
    _done: SetVerdict | None = field(default=None, init=False, repr=False)

    @property
    def label(self) -> str:
        return f"Reuse verdict of claim {self.from_claim_id}"

    def apply(self, session: Session) -> Changes:
        if self.from_claim_id == self.claim_id:
            raise OperationError("A claim cannot reuse its own verdict; choose another claim.")
        original = session.get(Claim, self.from_claim_id)
        if original is None:
            raise OperationError(f"Claim {self.from_claim_id} no longer exists; there is no verdict to reuse.")
        if original.verdict is None:
            raise OperationError(f"Claim {self.from_claim_id} has no verdict yet; there is nothing to reuse.")
        sources = session.exec(select(Source).where(Source.claim_id == self.from_claim_id)
                               .order_by(col(Source.id))).all()
        step = SetVerdict(self.claim_id, verdict=original.verdict, reviewer=self.reviewer,
                          rationale=original.rationale, reused_from=self.from_claim_id,
                          expected_version=self.expected_version,
                          sources=tuple(SourceInput(s.url, s.title, s.publisher, s.excerpt, s.accessed)
                                        for s in sources))
        changes = step.apply(session)
        # A redo checks the same version as the first apply did, as every claim operation does.
        self._done, self.expected_version = step, step.expected_version
        return changes

    def revert(self, session: Session) -> Changes:
        if self._done is None:
            raise OperationError(f"Claim {self.claim_id} has no reused verdict to undo.")
        return self._done.revert(session)


@dataclass
class EditRationale(ClaimOperation):
    """The rationale is a draft on the claim until a verdict is given, then it is that verdict's."""

    rationale: str = ""
    _verdict_id: int | None = field(default=None, init=False, repr=False)
    _old_verdict_rationale: str | None = field(default=None, init=False, repr=False)

    @property
    def label(self) -> str:
        return "Edit rationale"

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        claim.rationale = self.rationale
        current = session.exec(
            select(Verdict).where(Verdict.claim_id == claim.id).order_by(col(Verdict.id).desc()).limit(1)
        ).first()
        if current is not None and claim.verdict is not None:
            self._verdict_id, self._old_verdict_rationale = current.id, current.rationale
            current.rationale = self.rationale
        return claim_changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        if self._verdict_id is not None:
            row = session.get(Verdict, self._verdict_id)
            if row is not None:
                row.rationale = self._old_verdict_rationale or ""
        self._put_back(claim)
        return claim_changes(claim)
