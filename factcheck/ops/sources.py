"""Operations on the sources that back a verdict: add, edit, remove; and the web-address rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete

from factcheck.errors import OperationError
from factcheck.ops.base import ClaimOperation, claim_changes, saved_id
from factcheck.records import Changes, SourceInput
from factcheck.storage.models import Source
from factcheck.urls import WebAddressError, normalise_web_address


def check_source_url(url: str) -> str:
    """The address in its normal form (see factcheck.urls), or a refusal saying why."""
    try:
        return normalise_web_address(url)
    except WebAddressError as exc:
        shown = url.strip() if len(url.strip()) <= 80 else url.strip()[:80] + "…"
        raise OperationError(f"A source must be an http or https address, not {shown!r}: {exc}.") from None


def checked_source(source: SourceInput) -> SourceInput:
    """The source with its address trimmed, refused unless it is http or https."""
    return SourceInput(check_source_url(source.url), source.title, source.publisher, source.excerpt,
                       source.accessed)


@dataclass
class AddSource(ClaimOperation):
    source: SourceInput = field(default_factory=lambda: SourceInput(url=""))
    _source_id: int | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.source = checked_source(self.source)

    @property
    def label(self) -> str:
        return "Add source"

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        s = self.source
        row = Source(claim_id=saved_id(claim.id), url=s.url, title=s.title, publisher=s.publisher, excerpt=s.excerpt,
                     accessed=s.accessed)
        session.add(row)
        session.flush()
        self._source_id = row.id
        return claim_changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        session.exec(delete(Source).where(col(Source.id) == self._source_id))
        self._put_back(claim)
        return claim_changes(claim)


_SOURCE_FIELDS = ("url", "title", "publisher", "excerpt", "accessed")


@dataclass
class EditSource(ClaimOperation):
    source_id: int = 0
    source: SourceInput = field(default_factory=lambda: SourceInput(url=""))
    _old: dict[str, Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.source = checked_source(self.source)

    @property
    def label(self) -> str:
        return "Edit source"

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        row = session.get(Source, self.source_id)
        if row is None or row.claim_id != claim.id:
            raise OperationError(f"Source {self.source_id} no longer exists.")
        self._old = {name: getattr(row, name) for name in _SOURCE_FIELDS}
        for name in _SOURCE_FIELDS:
            setattr(row, name, getattr(self.source, name))
        return claim_changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        row = session.get(Source, self.source_id)
        if row is not None and self._old is not None:
            for name, value in self._old.items():
                setattr(row, name, value)
        self._put_back(claim)
        return claim_changes(claim)


@dataclass
class RemoveSource(ClaimOperation):
    source_id: int = 0
    _row: dict[str, Any] | None = field(default=None, init=False, repr=False)

    @property
    def label(self) -> str:
        return "Remove source"

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        row = session.get(Source, self.source_id)
        if row is None or row.claim_id != claim.id:
            raise OperationError(f"Source {self.source_id} no longer exists.")
        self._row = row.model_dump()
        session.delete(row)
        return claim_changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        assert self._row is not None
        session.add(Source(**self._row))  # same id: the source comes back exactly as it was
        self._put_back(claim)
        return claim_changes(claim)
