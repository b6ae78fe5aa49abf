"""Correcting an article's details: one undoable operation; a corrected date re-resolves its dates."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck import ops
from factcheck.errors import OperationError
from factcheck.store import Store

BODY = "The minister said on Saturday that exports rose 4% last month.\n"


def dump(store: Store) -> list[str]:
    con = sqlite3.connect(store.path)
    try:
        return [line for line in con.iterdump() if not line.startswith('INSERT INTO "claim_fts_')]
    finally:
        con.close()


def dates_of(store: Store, article_id: int) -> dict[str, str | None]:
    return {d.text: d.value for c in store.claims(article_id) for d in c.dates}


def test_a_corrected_date_resolves_the_relative_dates_again_and_undo_puts_all_back(store: Store) -> None:
    article = store.import_text(BODY, title="Exports").article_id
    assert dates_of(store, article) == {"Saturday": None, "last month": None}  # no date: nothing to count from
    before = dump(store)
    op = ops.EditArticleDetails(article, title="Exports rise", outlet="AP", url="https://apnews.com/a",
                                published="3 May 2025", language="en")
    changes = store.run(op)
    record = store.article(article)
    assert (record.title, record.outlet, record.url, record.published) == (
        "Exports rise", "AP", "https://apnews.com/a", "2025-05-03")
    assert dates_of(store, article) == {"Saturday": "2025-05-03", "last month": "2025-04"}
    assert article in changes.articles and changes.article_list and changes.claims
    store.revert(op)
    assert dump(store) == before
    store.run(op)  # redo
    assert store.article(article).published == "2025-05-03"


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": "  "}, "needs a title"),
    ({"url": "javascript:alert(1)"}, "not a web address"),
    ({"published": "sometime"}, "not a date"),
    ({"language": "klingon"}, "not supported"),
])
def test_bad_details_are_refused_before_anything_is_written(store: Store, fields: dict, message: str) -> None:
    article = store.import_text(BODY, title="Exports").article_id
    before = dump(store)
    with pytest.raises(OperationError, match=message):
        store.edit_article(article, **{"title": "Exports", **fields})
    assert dump(store) == before
