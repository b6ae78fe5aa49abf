"""The article filter's matching: case-insensitive (casefolded) text in an article's title or outlet.

Plain Python on lists, no Qt: the search keys are folded once per reload (on the first keystroke
after it), and a keystroke is one pass of C-level `in` tests over them that yields the rows to
show. A longer needle containing the previous one only re-tests the rows already shown,
which is what typing a word does.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains, not_

UNTITLED = "(untitled)"  # what the list shows for an article without a title; the filter finds it too


def search_key(title: str, outlet: str) -> str:
    """What the filter looks in for one article: its shown title and its outlet, casefolded."""
    return f"{title or UNTITLED}\n{outlet}".casefold()


def search_keys(titles: Sequence[str], outlets: Sequence[str]) -> list[str]:
    """`search_key` of every article, in C-level passes (casefold is quick on the many ASCII titles)."""
    keys = list(map(str.casefold, map("\n".join, zip(titles, outlets, strict=True))))
    for untitled in compress(range(len(keys)), map(not_, titles)):
        keys[untitled] = search_key("", outlets[untitled])
    return keys


def fold(text: str) -> str:
    return text.casefold()


def matching(keys: Sequence[str], needle: str, among: Sequence[int] | None = None) -> list[int]:
    """The rows (ascending) whose key contains the folded `needle`, out of `among` or of all rows."""
    if among is None:
        return list(compress(range(len(keys)), map(contains, keys, repeat(needle))))
    return list(compress(among, map(contains, map(keys.__getitem__, among), repeat(needle))))
