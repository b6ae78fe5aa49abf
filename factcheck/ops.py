"""Undoable operations: every change a reviewer makes is one of these.

Each operation has `apply` and `revert`, both run by the store inside one transaction, and both
return the `Changes` they made so views refresh only what changed. `revert` puts back exactly what
`apply` changed (the claim's version included), so apply-then-revert leaves the database as it was.

Optimistic locking: an operation remembers the claim version it was built against (or reads it on
first apply) and refuses to run when someone else changed the claim in between. Writing the new
version is the operation's first write, and that UPDATE names the version read in its WHERE
clause, so a change landing between our read and our write is refused as well, never overwritten.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, delete, select

from factcheck.errors import ConflictError, OperationError
from factcheck.records import VERDICT_LABELS, Changes, SourceInput
from factcheck.search.parser import canonical
from factcheck.storage.models import (
    Article,
    Claim,
    DateMention,
    SavedSearchRow,
    Source,
    Verdict,
    utcnow,
)
from factcheck.urls import is_web_address

_CLAIM_STATE = ("text", "verdict", "rationale", "reviewer", "reviewed_at", "dismissed", "proposed",
                "updated_at", "version")


def check_source_url(url: str) -> str:
    url = url.strip()
    if not is_web_address(url):
        raise OperationError(f"A source must be an http or https address, not {url!r}.")
    return url


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


def saved_id(value: int | None) -> int:
    """The id of a row read from or flushed to the database; SQLModel types ids as optional
    because a row not yet written has none."""
    if value is None:
        raise OperationError("The change could not be saved: a row has no id yet.")
    return value


def _changes(claim: Claim, *, article_list: bool = False) -> Changes:
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
            raise changed
        before = _snapshot(claim)
        claim.version = claim.version + 1
        claim.updated_at = utcnow()
        _write_version(session, changed)
        # Only a claim that is really ours is remembered: a refused operation stays as it was built.
        self.expected_version, self._before, self._after_version = before["version"], before, claim.version
        return claim

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
        self.sources = tuple(
            SourceInput(check_source_url(s.url), s.title, s.publisher, s.excerpt, s.accessed) for s in self.sources
        )

    @property
    def label(self) -> str:
        return f"Set verdict: {self.verdict}"

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        now = utcnow()
        rationale = claim.rationale if self.rationale is None else self.rationale
        row = Verdict(claim_id=saved_id(claim.id), label=self.verdict, rationale=rationale, reviewer=self.reviewer,
                      created_at=now, reused_from=self.reused_from)
        session.add(row)
        sources = [Source(claim_id=saved_id(claim.id), url=s.url, title=s.title, publisher=s.publisher,
                          excerpt=s.excerpt, accessed=s.accessed, added_at=now) for s in self.sources]
        session.add_all(sources)
        claim.verdict, claim.rationale, claim.reviewer, claim.reviewed_at = self.verdict, rationale, self.reviewer, now
        session.flush()
        self._verdict_id = row.id
        self._source_ids = [saved_id(s.id) for s in sources]
        return _changes(claim, article_list=True)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        # Undo removes exactly the verdict row this operation added, and nothing else ever does.
        session.exec(delete(Verdict).where(col(Verdict.id) == self._verdict_id))
        if self._source_ids:
            session.exec(delete(Source).where(col(Source.id).in_(self._source_ids)))
        self._put_back(claim)
        return _changes(claim, article_list=True)


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
        return _changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        if self._verdict_id is not None:
            row = session.get(Verdict, self._verdict_id)
            if row is not None:
                row.rationale = self._old_verdict_rationale or ""
        self._put_back(claim)
        return _changes(claim)


@dataclass
class AddSource(ClaimOperation):
    source: SourceInput = field(default_factory=lambda: SourceInput(url=""))
    _source_id: int | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        s = self.source
        self.source = SourceInput(check_source_url(s.url), s.title, s.publisher, s.excerpt, s.accessed)

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
        return _changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        session.exec(delete(Source).where(col(Source.id) == self._source_id))
        self._put_back(claim)
        return _changes(claim)


_SOURCE_FIELDS = ("url", "title", "publisher", "excerpt", "accessed")


@dataclass
class EditSource(ClaimOperation):
    source_id: int = 0
    source: SourceInput = field(default_factory=lambda: SourceInput(url=""))
    _old: dict[str, Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        s = self.source
        self.source = SourceInput(check_source_url(s.url), s.title, s.publisher, s.excerpt, s.accessed)

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
        return _changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        row = session.get(Source, self.source_id)
        if row is not None and self._old is not None:
            for name, value in self._old.items():
                setattr(row, name, value)
        self._put_back(claim)
        return _changes(claim)


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
        return _changes(claim)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        assert self._row is not None
        session.add(Source(**self._row))  # same id: the source comes back exactly as it was
        self._put_back(claim)
        return _changes(claim)


@dataclass
class SetClaimFields(ClaimOperation, ABC):
    """An operation that only sets fields of the claim row; revert puts the snapshot back."""

    @abstractmethod
    def fields(self) -> dict[str, Any]: ...

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        for name, value in self.fields().items():
            setattr(claim, name, value)
        return _changes(claim, article_list=True)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        self._put_back(claim)
        return _changes(claim, article_list=True)


@dataclass
class EditClaimText(SetClaimFields):
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.text.strip()
        if not self.text:
            raise OperationError("A claim cannot be empty; dismiss it instead.")

    @property
    def label(self) -> str:
        return "Edit claim"

    def fields(self) -> dict[str, Any]:
        return {"text": self.text}


@dataclass
class SetDismissed(SetClaimFields):
    dismissed: bool = True

    @property
    def label(self) -> str:
        return "Dismiss claim" if self.dismissed else "Restore claim"

    def fields(self) -> dict[str, Any]:
        return {"dismissed": self.dismissed}


@dataclass
class SetProposed(SetClaimFields):
    """Promote a sentence the scorer passed over to a claim to review (or take it back)."""

    proposed: bool = True

    @property
    def label(self) -> str:
        return "Promote sentence" if self.proposed else "Demote claim"

    def fields(self) -> dict[str, Any]:
        # A promoted sentence is one to review, so it cannot stay dismissed.
        return {"proposed": True, "dismissed": False} if self.proposed else {"proposed": False}


@dataclass
class AddClaim(Operation):
    """A claim from a stretch of the article (start/end) or typed by the reviewer (no offsets)."""

    article_id: int
    text: str = ""
    start: int | None = None
    end: int | None = None
    claim_id: int | None = field(default=None, init=False)

    @property
    def label(self) -> str:
        return "Add claim"

    def apply(self, session: Session) -> Changes:
        article = session.get(Article, self.article_id)
        if article is None:
            raise OperationError(f"Article {self.article_id} no longer exists.")
        if self.start is not None or self.end is not None:
            if self.start is None or self.end is None or not 0 <= self.start < self.end <= len(article.body):
                raise OperationError("The selection is not inside the article text.")
            self.text = article.body[self.start:self.end]
            lead = len(self.text) - len(self.text.lstrip())
            trail = len(self.text) - len(self.text.rstrip())
            self.start, self.end = self.start + lead, self.end - trail
            self.text = self.text.strip()
        self.text = self.text.strip()
        if not self.text:
            raise OperationError("A claim needs some text: select a stretch of the article or type it.")
        # Sentence analysis loads word lists: not needed to open the app.
        from factcheck.analysis import article as analysis

        found = analysis.analyse_claim(self.text, article.language, analysis.reference_date(article.published))
        position = self._position(session)
        claim = Claim(article_id=saved_id(article.id), position=position, text=self.text, start=self.start,
                      end=self.end, speaker=found.speaker, score=found.score.value,
                      reasons=json.dumps(found.score.reasons), proposed=True)
        session.add(claim)
        session.flush()
        offset = self.start if self.start is not None else 0
        session.add_all(
            DateMention(article_id=saved_id(article.id), claim_id=claim.id, start=m.start + offset, end=m.end + offset,
                        text=m.text, value=m.value, granularity=m.granularity)
            for m in found.dates
        )
        self.claim_id = claim.id
        return Changes(articles={saved_id(article.id)}, claims={saved_id(claim.id)}, article_list=True)

    def _position(self, session: Session) -> int:
        """Right after the sentence the new claim starts in; typed claims go last."""
        positions = select(Claim.position).where(Claim.article_id == self.article_id)
        if self.start is not None:
            before = session.exec(
                positions.where(col(Claim.start) <= self.start).order_by(col(Claim.position).desc()).limit(1)
            ).first()
            if before is not None:
                return before + 1
            return -1
        last = session.exec(positions.order_by(col(Claim.position).desc()).limit(1)).first()
        return (last or 0) + 10

    def revert(self, session: Session) -> Changes:
        claim = session.get(Claim, self.claim_id)
        if claim is None:
            raise OperationError("The added claim no longer exists; nothing to undo.")
        session.exec(delete(DateMention).where(col(DateMention.claim_id) == claim.id))
        session.delete(claim)
        return Changes(articles={self.article_id}, claims={saved_id(self.claim_id)}, article_list=True)


# -- saved searches ------------------------------------------------------------------------------

SAVED_SEARCH_NAME_LIMIT = 80


@dataclass
class SaveSearch(Operation):
    """Keep a query under a name. The query is stored in its canonical form, so a malformed one
    is refused (QueryError) when the operation is made, before anything is written."""

    name: str
    query: str
    search_id: int | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.name = " ".join(self.name.split())
        if not self.name:
            raise OperationError("A saved search needs a name.")
        if len(self.name) > SAVED_SEARCH_NAME_LIMIT:
            raise OperationError(f"A saved search's name can be at most {SAVED_SEARCH_NAME_LIMIT} characters long.")
        self.query = canonical(self.query)

    @property
    def label(self) -> str:
        return f"Save search: {self.name}"

    def apply(self, session: Session) -> Changes:
        taken = session.exec(select(SavedSearchRow).where(SavedSearchRow.name == self.name)).first()
        if taken is not None:
            raise OperationError(f"There is already a saved search named {self.name!r}; choose another name.")
        row = SavedSearchRow(id=self.search_id, name=self.name, query=self.query)  # a redo keeps the id
        session.add(row)
        session.flush()
        self.search_id = row.id
        return Changes(saved_searches=True)

    def revert(self, session: Session) -> Changes:
        session.exec(delete(SavedSearchRow).where(col(SavedSearchRow.id) == self.search_id))
        return Changes(saved_searches=True)


@dataclass
class DeleteSavedSearch(Operation):
    search_id: int
    _row: dict[str, Any] | None = field(default=None, init=False, repr=False)

    @property
    def label(self) -> str:
        return f"Delete saved search: {self._row['name']}" if self._row else "Delete saved search"

    def apply(self, session: Session) -> Changes:
        row = session.get(SavedSearchRow, self.search_id)
        if row is None:
            raise OperationError(f"Saved search {self.search_id} no longer exists.")
        self._row = row.model_dump()
        session.delete(row)
        return Changes(saved_searches=True)

    def revert(self, session: Session) -> Changes:
        assert self._row is not None
        session.add(SavedSearchRow(**self._row))  # same id and time: back exactly as it was
        return Changes(saved_searches=True)
