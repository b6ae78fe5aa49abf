"""Operations on an article's details: title, outlet, publication date, URL, language.

The body is never touched (claim offsets index into it). A corrected publication date changes
what the article's relative dates mean ("on Saturday", "last month"), so the date mentions are
resolved again against it; undo puts back the details and the old resolutions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from factcheck.analysis.dates import find_dates
from factcheck.analysis.languages import UnsupportedLanguageError, normalise_language
from factcheck.errors import IngestError, OperationError
from factcheck.importing.reading import parse_published
from factcheck.ops.base import Operation
from factcheck.records import Changes
from factcheck.storage.models import Article, DateMention
from factcheck.urls import is_web_address

_FIELDS = ("title", "outlet", "url", "published", "language")


def _reference(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@dataclass
class EditArticleDetails(Operation):
    """Set the details a reviewer can correct; `published` is any form the importer takes, or ""."""

    article_id: int
    title: str
    outlet: str = ""
    url: str = ""
    published: str = ""
    language: str = "en"
    _before: dict[str, Any] | None = field(default=None, init=False, repr=False)
    _old_dates: list[tuple[int, str | None, str]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.title = " ".join(self.title.split())
        if not self.title:
            raise OperationError("An article needs a title.")
        self.outlet, self.url = self.outlet.strip(), self.url.strip()
        if self.url and not is_web_address(self.url):
            raise OperationError(f"{self.url!r} is not a web address; give an http or https URL, or leave it empty.")
        if self.published.strip():
            try:
                self.published = parse_published(self.published.strip()).isoformat()
            except IngestError as exc:
                raise OperationError(str(exc)[:1].upper() + str(exc)[1:] + ".") from None
        else:
            self.published = ""
        try:
            self.language = normalise_language(self.language)
        except UnsupportedLanguageError:
            raise OperationError(f"Language {self.language!r} is not supported; use en or es.") from None

    @property
    def label(self) -> str:
        return "Edit article details"

    def apply(self, session: Session) -> Changes:
        article = session.get(Article, self.article_id)
        if article is None:
            raise OperationError(f"Article {self.article_id} no longer exists.")
        self._before = {name: getattr(article, name) for name in _FIELDS}
        article.title, article.outlet, article.url = self.title, self.outlet, self.url
        article.published, article.language = self.published or None, self.language
        claims: set[int] = set()
        if self._before["published"] != article.published or self._before["language"] != article.language:
            claims = self._resolve_dates(session, _reference(article.published), article.language)
        return Changes(articles={self.article_id}, claims=claims, article_list=True)

    def _resolve_dates(self, session: Session, reference: dt.date | None, language: str) -> set[int]:
        """Each mention read again on its own words against the new date; its span stays."""
        self._old_dates = []
        touched: set[int] = set()
        mentions = session.exec(select(DateMention).where(DateMention.article_id == self.article_id)
                                .order_by(col(DateMention.id))).all()
        for mention in mentions:
            found = [m for m in find_dates(mention.text, reference, language)
                     if (m.start, m.end) == (0, len(mention.text))]
            value, granularity = (found[0].value, found[0].granularity) if found else (None, mention.granularity)
            if (value, granularity) != (mention.value, mention.granularity):
                self._old_dates.append((mention.id or 0, mention.value, mention.granularity))
                mention.value, mention.granularity = value, granularity
                if mention.claim_id is not None:
                    touched.add(mention.claim_id)
        return touched

    def revert(self, session: Session) -> Changes:
        article = session.get(Article, self.article_id)
        if article is None or self._before is None:
            raise OperationError(f"Article {self.article_id} no longer exists; nothing to undo.")
        for name, value in self._before.items():
            setattr(article, name, value)
        claims: set[int] = set()
        for mention_id, value, granularity in self._old_dates:
            mention = session.get(DateMention, mention_id)
            if mention is not None:
                mention.value, mention.granularity = value, granularity
                if mention.claim_id is not None:
                    claims.add(mention.claim_id)
        return Changes(articles={self.article_id}, claims=claims, article_list=True)
