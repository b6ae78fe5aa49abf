"""Saved searches: kept in the database as canonical text, undoable like every other change."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck import ops
from factcheck.errors import OperationError, QueryError
from factcheck.records import SavedSearch
from factcheck.store import Store


def rows(store: Store) -> list[tuple]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute("SELECT * FROM saved_search ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_saved_search_keeps_the_canonical_query_and_undo_removes_it(seeded: Store) -> None:
    save = ops.SaveSearch("  Disputed   tariffs ", "VERDICT:Disputed  tariff OR tariffs")
    changes = seeded.run(save)
    assert changes.saved_searches and not changes.empty
    assert seeded.saved_searches() == [SavedSearch(save.search_id or 0, "Disputed tariffs",
                                                   "verdict:disputed tariff OR tariffs")]
    seeded.revert(save)
    assert seeded.saved_searches() == [] and rows(seeded) == []
    seeded.run(save)  # redo brings back the same search under the same id
    assert [s.id for s in seeded.saved_searches()] == [save.search_id]


def test_deleting_a_saved_search_and_undoing_it_leaves_the_table_as_it_was(seeded: Store) -> None:
    seeded.run(ops.SaveSearch("Open", "is:unreviewed"))
    seeded.run(ops.SaveSearch("About troops", "troops"))
    before = rows(seeded)
    target = seeded.saved_searches()[0]
    delete = ops.DeleteSavedSearch(target.id)
    assert seeded.run(delete).saved_searches
    assert target not in seeded.saved_searches()
    seeded.revert(delete)
    assert rows(seeded) == before


def test_names_are_unique_and_queries_must_parse(seeded: Store) -> None:
    seeded.run(ops.SaveSearch("Open", "is:unreviewed"))
    before = rows(seeded)
    with pytest.raises(OperationError, match="already a saved search"):
        seeded.run(ops.SaveSearch("Open", "troops"))
    with pytest.raises(QueryError):
        ops.SaveSearch("Broken", 'verdict:maybe "troops')
    with pytest.raises(OperationError, match="needs a name"):
        ops.SaveSearch("   ", "troops")
    with pytest.raises(OperationError):
        seeded.run(ops.DeleteSavedSearch(9999))
    assert rows(seeded) == before


def test_changes_merge_keeps_the_saved_search_flag() -> None:
    from factcheck.records import Changes

    assert Changes().merge(Changes(saved_searches=True)).saved_searches
    assert Changes().empty and not Changes(saved_searches=True).empty
