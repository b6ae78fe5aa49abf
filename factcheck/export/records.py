"""What an export is made from: plain frozen records, one article at a time with all it holds.

The store reads them (factcheck.storage.report_reads) and hands them to one writer per format; a
JSON backup reads back into the same records, so writing and restoring share one shape.

The per-row records are named tuples rather than frozen dataclasses: as immutable, and an export
of 100,000 claims builds several hundred thousand of them, which tuples do several times faster.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.records import VERDICT_LABELS


class VerdictEntry(NamedTuple):
    """One verdict of a claim's history, oldest first in `ClaimEntry.history`."""

    label: str
    rationale: str
    reviewer: str
    created_at: dt.datetime | None
    reused_from: int | None = None  # the claim whose verdict this one copied


class SourceEntry(NamedTuple):
    url: str
    title: str = ""
    publisher: str = ""
    excerpt: str = ""
    accessed: str | None = None
    added_at: dt.datetime | None = None


class DateEntry(NamedTuple):
    start: int
    end: int
    text: str
    value: str | None
    granularity: str


class ClaimEntry(NamedTuple):
    """A claim with what it holds. A backup's records hold everything; a report's hold what a
    report shows: no offsets, score, reasons, dates or row times, and for `history` only the
    current verdict (with the claim it was reused from)."""

    id: int
    position: int
    text: str
    start: int | None = None
    end: int | None = None
    speaker: str | None = None
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    proposed: bool = True
    dismissed: bool = False
    verdict: str | None = None
    rationale: str = ""
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    version: int = 1
    sources: tuple[SourceEntry, ...] = ()
    dates: tuple[DateEntry, ...] = ()
    history: tuple[VerdictEntry, ...] = ()

    @property
    def reused_from(self) -> int | None:
        """The claim the current verdict was copied from, if it was (the last verdict given)."""
        return self.history[-1].reused_from if self.history and self.verdict else None

    @property
    def unsourced(self) -> bool:
        """A verdict given without any source: reports flag it rather than hide it."""
        return self.verdict is not None and not self.sources


class ArticleEntry(NamedTuple):
    id: int
    title: str
    body: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None
    language: str = "en"
    origin: str = "pasted"
    imported_at: dt.datetime | None = None
    claims: tuple[ClaimEntry, ...] = ()
    dates: tuple[DateEntry, ...] = ()  # dates of the article itself, not of a claim


# What a report covers. `description` is the sentence its header states.
SCOPE_KINDS = ("database", "article", "search", "claims")


@dataclass(frozen=True, slots=True)
class ReportScope:
    kind: str = "database"
    description: str = "the whole database"
    query: str | None = None
    article_id: int | None = None
    claim_ids: tuple[int, ...] | None = None

    def as_json(self) -> dict:
        return {"kind": self.kind, "description": self.description, "query": self.query,
                "article_id": self.article_id, "claim_ids": list(self.claim_ids) if self.claim_ids else None}


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """The counts a header states: of the claims in scope, how many got each verdict."""

    articles: int = 0
    claims: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)  # verified, disputed, unclear
    unsourced: int = 0  # verdicts given without any source

    @property
    def reviewed(self) -> int:
        return sum(self.verdicts.get(label, 0) for label in VERDICT_LABELS)

    @property
    def unreviewed(self) -> int:
        return self.claims - self.reviewed


@dataclass(frozen=True, slots=True)
class ReportHeader:
    scope: ReportScope
    made_at: dt.datetime
    version: str
    summary: ReportSummary
    title: str = "Verdict report"


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the report: ClaimReview names it as author and builds its URLs from `url`."""

    name: str = ""
    url: str = ""
