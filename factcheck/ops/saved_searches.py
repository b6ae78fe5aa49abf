"""Operations on the saved searches of the sidebar: save one, delete one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete, select

from factcheck.errors import OperationError
from factcheck.ops.base import Operation
from factcheck.records import Changes
from factcheck.storage.models import (
    SavedSearchRow,
)

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
        # The query parser (and dateutil under it) loads only when a search is saved: every start
        # imports the operations, and this is the one that needs it.
        from factcheck.search.parser import canonical

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
