"""Plain read models: what the store hands to the GUI, the CLI and exports.

They are frozen dataclasses detached from any session, so a screen can keep one as long as it
likes. `as_json()` gives the stable shapes documented for `--json`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

# Re-exported: front ends read the verdict labels here, with the records.
from factcheck.labels import VERDICT_LABELS as VERDICT_LABELS


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    claim_id: int
    url: str
    title: str = ""
    publisher: str = ""
    excerpt: str = ""
    accessed: str | None = None

    def as_json(self) -> dict:
        return {"url": self.url, "title": self.title, "publisher": self.publisher,
                "excerpt": self.excerpt, "accessed": self.accessed}


@dataclass(frozen=True, slots=True)
class SourceInput:
    """A source as the reviewer enters it (no id yet)."""

    url: str
    title: str = ""
    publisher: str = ""
    excerpt: str = ""
    accessed: str | None = None


@dataclass(frozen=True, slots=True)
class DateRecord:
    start: int
    end: int
    text: str
    value: str | None
    granularity: str

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    title: str
    outlet: str
    url: str
    author: str
    published: str | None
    language: str
    origin: str
    imported_at: dt.datetime | None
    claims: int  # proposed, not dismissed
    reviewed: int  # of those, with a verdict

    def as_json(self) -> dict:
        return {"id": self.id, "title": self.title, "outlet": self.outlet, "url": self.url,
                "author": self.author, "published": self.published, "language": self.language,
                "claims": self.claims, "reviewed": self.reviewed}

    @property
    def finished(self) -> bool:
        return self.claims > 0 and self.reviewed >= self.claims


# One article as the article list shows it, a plain tuple straight from the cursor: building a record
# per article (and parsing its timestamps) was most of a reload at tens of thousands of articles.
# (id, title, outlet, publication day "2025-05-03" or "" when unknown, open claims, reviewed of those)
ArticleRow = tuple[int, str, str, str, int, int]


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article with its body, for the reading pane."""

    article: ArticleRecord
    body: str
    dates: tuple[DateRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    article_id: int
    position: int
    text: str
    start: int | None
    end: int | None
    speaker: str | None
    score: float
    reasons: tuple[str, ...]
    proposed: bool
    dismissed: bool
    verdict: str | None
    rationale: str
    reviewer: str | None
    reviewed_at: dt.datetime | None
    version: int
    sources: tuple[SourceRecord, ...] = ()
    dates: tuple[DateRecord, ...] = ()

    def as_json(self) -> dict:
        return {
            "id": self.id, "article_id": self.article_id, "position": self.position,
            "text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker,
            "score": round(self.score, 4), "reasons": list(self.reasons), "proposed": self.proposed,
            "dismissed": self.dismissed, "verdict": self.verdict, "rationale": self.rationale,
            "reviewer": self.reviewer, "reviewed_at": iso(self.reviewed_at),
            "sources": [s.as_json() for s in self.sources], "dates": [d.as_json() for d in self.dates],
        }


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    id: int
    claim_id: int
    label: str
    rationale: str
    reviewer: str
    created_at: dt.datetime | None
    reused_from: int | None = None  # the claim whose verdict this one copied (ReuseVerdict)


# Around each matched stretch of a search snippet. Rare brackets, so that they cannot be mistaken
# for the text's own punctuation (Spanish quotes with « »); the window renders them as bold.
HIGHLIGHT_START, HIGHLIGHT_END = "\u27e6", "\u27e7"  # ⟦ ⟧


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One claim found by a search or by the similar-claims lookup, best first in its list."""

    claim_id: int
    article_id: int
    text: str
    verdict: str | None
    article_title: str
    snippet: str  # the matching passage, matches between HIGHLIGHT_START and HIGHLIGHT_END
    score: float  # higher is better; comparable only within one list

    def as_json(self) -> dict:
        return {"claim_id": self.claim_id, "article_id": self.article_id, "text": self.text,
                "verdict": self.verdict, "article_title": self.article_title, "snippet": self.snippet,
                "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A named query the reviewer keeps in the sidebar; stored in the database with the verdicts."""

    id: int
    name: str
    query: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """One imported text: the new article, or the one that already holds the same text."""

    article_id: int
    title: str
    proposed: int
    sentences: int
    duplicate: bool = False


@dataclass(slots=True)
class ImportReport:
    """A whole import: what each item became, what each failed item was refused for."""

    imported: list[tuple[str, ImportResult]] = field(default_factory=list)  # (file or "pasted text", result)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    cancelled: bool = False

    @property
    def new_article_ids(self) -> list[int]:
        return [r.article_id for _, r in self.imported if not r.duplicate]

    @property
    def changes(self) -> Changes:
        new = self.new_article_ids
        return Changes(articles=set(new), article_list=bool(new))


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A finished (or cancelled) export: where it went and how much it holds."""

    path: str | None  # None when written to a stream (stdout)
    format: str
    articles: int
    claims: int
    cancelled: bool = False


@dataclass(slots=True)
class Changes:
    """What an operation touched, so each view refreshes only that (Anki's OpChanges)."""

    articles: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    article_list: bool = False  # articles added or removed, or their counts changed
    saved_searches: bool = False  # a saved search added or removed

    @property
    def empty(self) -> bool:
        """Nothing was touched (an import of known texts only, say): no view needs refreshing."""
        return not (self.articles or self.claims or self.article_list or self.saved_searches)

    def merge(self, other: Changes) -> Changes:
        self.articles |= other.articles
        self.claims |= other.claims
        self.article_list = self.article_list or other.article_list
        self.saved_searches = self.saved_searches or other.saved_searches
        return self


@dataclass(frozen=True, slots=True)
class BackupRecord:
    """One backup of the open database, as the Backups dialog and `factcheck backups` list it."""

    path: str
    kind: str  # automatic, before-upgrade, before-restore or manual
    made_at: dt.datetime  # local time
    size: int  # bytes
    articles: int | None = None  # None when the copy cannot be read
    claims: int | None = None

    def as_json(self) -> dict:
        return {"path": self.path, "kind": self.kind, "made_at": self.made_at.isoformat(timespec="seconds"),
                "size": self.size, "articles": self.articles, "claims": self.claims}


@dataclass(frozen=True, slots=True)
class ClaimModelStatus:
    """Which claim proposal model scores one language's new sentences in this database."""

    language: str
    retrained: bool  # False: the shipped model
    decisions: int = 0  # the desk's decisions the retrained model was fitted on
    trained_at: dt.datetime | None = None
    stale: bool = False  # retrained from a shipped model since replaced: not in use

    def describe(self) -> str:
        name = {"en": "English", "es": "Spanish"}.get(self.language, self.language)
        if not self.retrained:
            return f"{name}: the shipped model"
        when = self.trained_at.strftime("%Y-%m-%d %H:%M") if self.trained_at else "earlier"
        state = " (made for an older shipped model, not in use: retrain again)" if self.stale else ""
        return f"{name}: retrained on {self.decisions} of this desk's decisions, {when}{state}"


@dataclass(frozen=True, slots=True)
class RetrainReport:
    """What retraining the claim proposal did, per language: decisions used, and those skipped."""

    trained: dict[str, int] = field(default_factory=dict)  # language -> decisions fitted on
    too_few: dict[str, int] = field(default_factory=dict)  # language -> decisions, under the minimum
    seconds: float = 0.0
    cancelled: bool = False

    def describe(self) -> str:
        if self.cancelled:
            return "Retraining cancelled; the claim proposal is unchanged."
        parts = [f"{n} decisions ({lang})" for lang, n in self.trained.items()]
        few = [f"{lang}: only {n}" for lang, n in self.too_few.items()]
        if not parts:
            return ("Not enough decisions to retrain on yet: dismiss, promote or judge claims first"
                    + (f" ({', '.join(few)})." if few else "."))
        return (f"Claim proposal retrained on {', '.join(parts)} in {self.seconds:.1f} s; new imports use it."
                + (f" Skipped {', '.join(few)}." if few else ""))
