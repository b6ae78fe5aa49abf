"""The tree a search query becomes: what the parser builds and every backend and writer reads.

Nodes are frozen and compare by value, so the parser's tests read as a table of query -> tree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """A free word: matches claim text, rationale, source titles and excerpts, and article title."""

    word: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together, in this order."""

    text: str


@dataclass(frozen=True, slots=True)
class Field:
    """A filter such as verdict:disputed. `value` is normalised (a verdict in lower case, a source's
    bare domain); for date fields `value` is the text as typed and `date` the day it stands for."""

    name: str
    value: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    """Every child must hold; the empty And (the empty query) matches everything."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Parentheses as typed; kept so the canonical text shows them where the reviewer put them."""

    child: Node


Node = Term | Phrase | Field | Not | And | Or | Group

EVERYTHING = And(())

# The fields the language knows, in the order the help lists them.
FIELDS = ("verdict", "is", "reviewer", "outlet", "speaker", "source", "has", "article", "lang",
          "after", "before", "published-after", "published-before")
DATE_FIELDS = ("after", "before", "published-after", "published-before")
IS_VALUES = ("unreviewed", "reviewed", "proposed", "dismissed")
HAS_VALUES = ("source",)


def text_nodes(node: Node, *, negated: bool = False) -> list[Term | Phrase]:
    """The words and phrases a match can show, those under a minus sign left out."""
    if isinstance(node, Term | Phrase):
        return [] if negated else [node]
    if isinstance(node, Not):
        return text_nodes(node.child, negated=not negated)
    if isinstance(node, Group):
        return text_nodes(node.child, negated=negated)
    if isinstance(node, And | Or):
        return [t for child in node.children for t in text_nodes(child, negated=negated)]
    return []


def mentions(node: Node, name: str, values: tuple[str, ...]) -> bool:
    """Whether a field filter `name:` with one of `values` appears anywhere in the tree."""
    if isinstance(node, Field):
        return node.name == name and node.value in values
    if isinstance(node, Not | Group):
        return mentions(node.child, name, values)
    if isinstance(node, And | Or):
        return any(mentions(child, name, values) for child in node.children)
    return False
