"""The tables. All of them live here so the schema can be read in one place.

These are ORM classes: they stay inside `factcheck.store` and `factcheck.ops`. Everything that
leaves the store is a plain read model from `factcheck.records`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, Table, Text, text
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Times are stored in UTC; older SQLModel versions hand them back without a zone."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _owner(table: str, *, index: bool = True) -> Column[int]:
    """The column pointing at the row this one belongs to; deleting that row deletes this one."""
    return Column(Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False, index=index)


def _count() -> Column[int]:
    """A count the database keeps (a trigger's, starting at 0): no insert names it."""
    return Column(Integer, nullable=False, server_default="0")


class Article(SQLModel, table=True):
    # The article list's columns in one index, so reading the list never reads a body (migration 0007).
    __table_args__ = (
        Index("ix_article_list", "id", "title", "outlet", "published", "open_claims", "reviewed_claims"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    # ISO date ("2025-05-03") or datetime; None when the article does not say.
    published: str | None = Field(default=None, index=True)
    language: str = "en"
    # The text exactly as imported: claim offsets and highlights index into it, so it is never rewritten.
    body: str = Field(sa_column=Column(Text, nullable=False))
    # sha256 of the body, to tell the reviewer that a text was already imported.
    content_hash: str = Field(index=True, unique=True)
    imported_at: dt.datetime = Field(default_factory=utcnow)
    origin: str = "pasted"
    # Kept by triggers on claim (migration 0006), never set by hand: the article list reads them
    # instead of counting every claim of the database.
    open_claims: int = Field(default=0, sa_column=_count())  # proposed, not dismissed
    reviewed_claims: int = Field(default=0, sa_column=_count())  # of those, with a verdict


# Optimistic locking: every change checks and bumps it, so two reviewers never overwrite each other.
# As the mapper's version column, every UPDATE and DELETE of a claim row names the version it read
# in its WHERE clause, and one that matches no row fails instead of overwriting a change that
# landed in between. The operations set the number themselves (an undo puts the old one back).
_CLAIM_VERSION = Column("version", Integer, nullable=False, default=1)


class Claim(SQLModel, table=True):
    __table_args__ = (
        Index("ix_claim_article_position", "article_id", "position"),
        # An article's claims counted by state: the backfill of the counts kept on the article row
        # (migration 0006) and any recount of them; the article list itself reads the row.
        Index("ix_claim_counts", "article_id", "proposed", "dismissed", "verdict"),
        # The open claims without a verdict in reading order: N is one step in it (migration 0006).
        Index("ix_claim_open_unreviewed", "article_id", "position", "id",
              sqlite_where=text("proposed = 1 AND dismissed = 0 AND verdict IS NULL")),
        # Verdict filters read the reviewed claims only; an index over every claim's verdict (or its
        # proposed flag) tempted SQLite away from the one above.
        Index("ix_claim_reviewed_verdict", "verdict", sqlite_where=text("verdict IS NOT NULL")),
    )
    __mapper_args__ = {"version_id_col": _CLAIM_VERSION, "version_id_generator": False}

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_owner("article", index=False))
    # Order inside the article. Sentences get 0, 10, 20...; claims added later slot in between.
    position: int = 0
    text: str = Field(sa_column=Column(Text, nullable=False))
    # Offsets into Article.body; None for a claim the reviewer typed that is not in the text.
    start: int | None = None
    end: int | None = None
    speaker: str | None = None
    score: float = 0.0
    reasons: str = "[]"  # JSON list of the scorer's human-readable reasons
    # Every sentence is stored; the proposed ones are those the reviewer steps through.
    proposed: bool = False
    dismissed: bool = False
    # The current verdict, denormalised from the Verdict history for fast lists.
    verdict: str | None = None
    rationale: str = ""
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = Field(default=None, index=True)  # searches list newest verdicts first
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = Field(default=1, sa_column=_CLAIM_VERSION)
    # The reviewer's word on the sentence, a label for retraining the claim proposal (migration
    # 0008): 0 dismissed or demoted, 1 promoted or made from a selection, None not said.
    desk_label: int | None = None


class Verdict(SQLModel, table=True):
    """One row per verdict given; a claim's history is its rows in time order."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(sa_column=_owner("claim"))
    label: str
    rationale: str = ""
    reviewer: str = Field(default="", index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    # When the verdict was reused from a similar past claim (Reuse), the id of that claim.
    reused_from: int | None = None


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(sa_column=_owner("claim"))
    url: str
    title: str = ""
    publisher: str = ""
    excerpt: str = ""
    accessed: str | None = None  # ISO date the reviewer read the source
    added_at: dt.datetime = Field(default_factory=utcnow)


class DateMention(SQLModel, table=True):
    """A date expression. Offsets index Article.body, or the claim's own text for a typed claim."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_owner("article"))
    claim_id: int | None = Field(  # None for a date of the article itself
        default=None, sa_column=Column(Integer, ForeignKey("claim.id", ondelete="CASCADE"), index=True))
    start: int
    end: int
    text: str
    value: str | None = None  # ISO date, month or year; None when it could not be resolved
    granularity: str = "day"


class SavedSearchRow(SQLModel, table=True):
    """A named query kept in the sidebar; `query` is the canonical text of the parsed query."""

    __tablename__ = "saved_search"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    query: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class ClaimModelRow(SQLModel, table=True):
    """The claim proposal model fitted further on this database's decisions, for one language."""

    __tablename__ = "claim_model"

    language: str = Field(primary_key=True)
    base: str  # sha256 of the shipped model file it started from; another file makes it stale
    weights: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float64, little-endian
    intercept: float
    decisions: int  # how many of the desk's decisions it was fitted on
    figures: str = "{}"  # JSON: what the fit measured (labels of each kind, held-out check)
    trained_at: dt.datetime = Field(default_factory=utcnow)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, typed, for the reads that fetch columns rather than objects."""
    table: Table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel's metaclass
    return table


ARTICLES = table_of(Article)
CLAIMS = table_of(Claim)
VERDICTS = table_of(Verdict)
SOURCES = table_of(Source)
DATE_MENTIONS = table_of(DateMention)
SAVED_SEARCHES = table_of(SavedSearchRow)
