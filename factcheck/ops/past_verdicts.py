"""Storing the verdicts a web page published itself (its ClaimReviews) as reviewed claims.

Each becomes a claim of the article, typed rather than tied to the text (the page's sentence
that states it, if any, stays a sentence of its own), with the verdict its rating maps to, the
rating as written in the rationale and the review's address as its source: so the similar-claims
lookup finds it when the claim comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from factcheck.importing.claim_review import PastVerdict
from factcheck.ops.base import Operation, saved_id
from factcheck.ops.claims import AddClaim
from factcheck.ops.verdicts import SetVerdict
from factcheck.records import Changes, SourceInput

# Who gave a verdict read from a page that does not name its publisher.
UNNAMED_REVIEWER = "published fact-check"


@dataclass
class RecordPastVerdicts(Operation):
    article_id: int
    verdicts: tuple[PastVerdict, ...] = ()
    _steps: list[Operation] = field(default_factory=list, init=False, repr=False)

    @property
    def label(self) -> str:
        return "Record published verdicts"

    def apply(self, session: Session) -> Changes:
        changes = Changes(articles={self.article_id}, article_list=True)
        self._steps = []
        for past in self.verdicts:
            add = AddClaim(self.article_id, text=past.claim)
            add.apply(session)
            sources = (SourceInput(past.url, title=f"Fact-check: {past.claim[:200]}", publisher=past.reviewer,
                                   excerpt=f"Rating: {past.rating}" if past.rating else ""),) if past.url else ()
            verdict = SetVerdict(saved_id(add.claim_id), verdict=past.verdict, rationale=past.rationale,
                                 reviewer=past.reviewer or UNNAMED_REVIEWER, sources=sources)
            verdict.apply(session)
            self._steps += [add, verdict]
            changes.claims.add(saved_id(add.claim_id))
        return changes

    def revert(self, session: Session) -> Changes:
        changes = Changes(articles={self.article_id}, article_list=True)
        for step in reversed(self._steps):
            changes.claims |= step.revert(session).claims
        return changes
