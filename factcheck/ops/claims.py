"""Operations on the claims themselves: edit the text, dismiss or restore, promote, add a claim."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete, select

from factcheck.errors import OperationError
from factcheck.ops.base import ClaimOperation, Operation, claim_changes, saved_id
from factcheck.records import Changes
from factcheck.storage.models import (
    Article,
    Claim,
    DateMention,
)


@dataclass
class SetClaimFields(ClaimOperation, ABC):
    """An operation that only sets fields of the claim row; revert puts the snapshot back."""

    @abstractmethod
    def fields(self) -> dict[str, Any]: ...

    def apply(self, session: Session) -> Changes:
        claim = self._lock_for_apply(session)
        for name, value in self.fields().items():
            setattr(claim, name, value)
        return claim_changes(claim, article_list=True)

    def revert(self, session: Session) -> Changes:
        claim = self._lock_for_revert(session)
        self._put_back(claim)
        return claim_changes(claim, article_list=True)


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
        # Dismissing says "not worth checking", a label the claim proposal can learn from;
        # restoring takes the word back.
        return {"dismissed": self.dismissed, "desk_label": 0 if self.dismissed else None}


@dataclass
class SetProposed(SetClaimFields):
    """Promote a sentence the scorer passed over to a claim to review (or take it back)."""

    proposed: bool = True

    @property
    def label(self) -> str:
        return "Promote sentence" if self.proposed else "Demote claim"

    def fields(self) -> dict[str, Any]:
        # A promoted sentence is one to review, so it cannot stay dismissed.
        # Both are the reviewer overruling the scorer: labels for retraining it.
        if self.proposed:
            return {"proposed": True, "dismissed": False, "desk_label": 1}
        return {"proposed": False, "desk_label": 0}


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
                      reasons=json.dumps(found.score.reasons), proposed=True, desk_label=1)
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
