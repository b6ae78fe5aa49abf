"""The SQLite backend: a query tree turned into SQL over the claims and the FTS5 index claim_fts.

Everything the reviewer typed reaches SQLite as a bound parameter. Words and phrases become one
FTS5 MATCH expression made of double-quoted strings only, so no user text can ever be read as FTS5
syntax (`NEAR`, `*`, `^`, column filters): the expression's operators are ours alone.

When the query's top level holds words, the search runs from an index (ranked by bm25, claim
text weighted highest, see migration 0004); filters and words nested under OR become conditions on
each claim. Otherwise claims come newest verdict first. There are two indexes (migration 0005):
claim_fts over the claims a reviewer steps through, and reviewed_fts over the claims with a
verdict, which a query asking for a verdict reads, so that its cost follows the number of
verdicts rather than the number of claims that hold its words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    column,
    exists,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    table,
    true,
)

from factcheck.records import HIGHLIGHT_END, HIGHLIGHT_START
from factcheck.search.query import And, Field, Group, Node, Not, Or, Phrase, Term, mentions, text_nodes
from factcheck.storage.models import ARTICLES, CLAIMS, SOURCES

CLAIM_INDEX = "claim_fts"
REVIEWED_INDEX = "reviewed_fts"
SNIPPET_TOKENS = 16
# Scoring costs about a microsecond per matching claim. A word found in hundreds of thousands of
# claims ("the", a president's name) would take far longer than a keystroke to rank, so a search
# asking for the best few ranks the newest RANK_WINDOW claims with its words; when fewer than
# asked for pass its filters there, it ranks every match (reads.ranked).
RANK_WINDOW = 10_000
PLAIN_SNIPPET_CHARS = 160


def fts_string(text: str) -> str:
    """One FTS5 string: the tokenizer splits it into words, and nothing in it is an operator."""
    return '"' + text.replace('"', '""') + '"'


def match_expression(node: Node) -> str | None:
    """The FTS5 expression for a node made only of words and phrases; None when it has filters
    or is a bare exclusion (FTS5 cannot say "everything but")."""
    if isinstance(node, Term):
        return fts_string(node.word)
    if isinstance(node, Phrase):
        return fts_string(node.text)
    if isinstance(node, Group):
        return match_expression(node.child)
    if isinstance(node, Or):
        parts = [match_expression(child) for child in node.children]
        return None if any(p is None for p in parts) else "(" + " OR ".join(p for p in parts if p) + ")"
    if isinstance(node, And):
        wanted, unwanted = _split_words(node.children)
        if wanted is None or len(wanted) + len(unwanted) != len(node.children):
            return None
        return _combine(wanted, unwanted)
    return None


def _split_words(children: tuple[Node, ...]) -> tuple[list[str] | None, list[str]]:
    """The FTS expressions of the children that are words (wanted) and excluded words (unwanted)."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for child in children:
        if isinstance(child, Not):
            inner = match_expression(child.child)
            if inner is not None:
                unwanted.append(inner)
            continue
        expression = match_expression(child)
        if expression is not None:
            wanted.append(expression)
    return (wanted or None), unwanted


def _combine(wanted: list[str], unwanted: list[str]) -> str:
    expression = "(" + " AND ".join(wanted) + ")"
    for excluded in unwanted:
        expression = f"({expression} NOT {excluded})"
    return expression


ARTICLE_FIELDS = ("outlet", "lang", "published-after", "published-before")


@dataclass(frozen=True)
class Plan:
    """How one query runs: an FTS5 expression driving it (or none), the conditions on claims, and
    whether they read the article's fields (then the article is joined once)."""

    match: str | None
    condition: ColumnElement[bool]
    article: bool = False
    index: str = CLAIM_INDEX


def _index_table(index: str) -> Any:
    return table(index, column("rowid"), column("rank"))


def _target(index: str) -> ColumnElement[Any]:
    return literal_column(index)  # the table name: MATCH and snippet() take it


def plan(tree: Node) -> Plan:
    children = tree.children if isinstance(tree, And) else (tree,)
    match: str | None = None
    rest = list(children)
    wanted, unwanted = _split_words(children)
    if wanted is not None:
        match = _combine(wanted, unwanted)
        rest = [c for c in children if match_expression(c) is None
                and not (isinstance(c, Not) and match_expression(c.child) is not None)]
    conditions = [condition(child) for child in rest]
    # By default a search looks at the claims a reviewer steps through; naming is:proposed or
    # is:dismissed anywhere says which claims to look at instead.
    if not (mentions(tree, "is", ("proposed", "dismissed"))):
        conditions.append(and_(CLAIMS.c.proposed, ~CLAIMS.c.dismissed))
    article = any(_mentions_field(tree, name) for name in ARTICLE_FIELDS)
    return Plan(match, and_(true(), *conditions), article, REVIEWED_INDEX if needs_verdict(tree) else CLAIM_INDEX)


def needs_verdict(node: Node) -> bool:
    """Whether every claim the node can match has a verdict (so reviewed_fts holds them all)."""
    if isinstance(node, Field):
        return node.name == "verdict" or (node.name == "is" and node.value == "reviewed")
    if isinstance(node, Group):
        return needs_verdict(node.child)
    if isinstance(node, And):
        return any(needs_verdict(child) for child in node.children)
    if isinstance(node, Or):
        return all(needs_verdict(child) for child in node.children)
    return False


def _mentions_field(node: Node, name: str) -> bool:
    if isinstance(node, Field):
        return node.name == name
    if isinstance(node, Not | Group):
        return _mentions_field(node.child, name)
    if isinstance(node, And | Or):
        return any(_mentions_field(child, name) for child in node.children)
    return False


def _claims(p: Plan) -> Any:
    """The rows a plan's conditions read: claims, joined with their article when needed."""
    return CLAIMS.join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id) if p.article else CLAIMS


def _matching(p: Plan, since: int | None, *, ranked: bool = True) -> Any:
    """The index's matches with their rank, as a subquery the claims are joined to.

    Its LIMIT keeps SQLite from merging it into the outer query: merged, the planner may start
    from the claims and ask the index about each one in turn, thousands of times slower for a
    common word. The matches are what drives the search, one claim row read per match."""
    assert p.match is not None
    fts = _index_table(p.index)
    columns = [fts.c.rowid.label("id")] + ([fts.c.rank.label("rank")] if ranked else [])  # counting needs no rank
    matches = select(*columns).where(_matches(p.match, p.index))
    if since is not None:
        matches = matches.where(fts.c.rowid >= since)
    return matches.limit(_UNLIMITED).subquery("matches")


_UNLIMITED = 2**62


def condition(node: Node) -> ColumnElement[bool]:
    """A condition on one claim row (CLAIMS) for any node."""
    expression = match_expression(node)
    if expression is not None:  # claim_fts holds every claim a search can find
        return CLAIMS.c.id.in_(select(_index_table(CLAIM_INDEX).c.rowid).where(_matches(expression, CLAIM_INDEX)))
    if isinstance(node, Group):
        return condition(node.child)
    if isinstance(node, Not):
        # NULL (an unreviewed claim's verdict, say) counts as "does not match", so it is excluded-from.
        return not_(func.coalesce(condition(node.child), false(), type_=Boolean))
    if isinstance(node, And):
        return and_(true(), *(condition(child) for child in node.children))
    if isinstance(node, Or):
        return or_(false(), *(condition(child) for child in node.children))
    assert isinstance(node, Field)
    return _field(node)


def _matches(expression: str, index: str) -> ColumnElement[bool]:
    return _target(index).op("MATCH")(bindparam(None, expression, type_=String))


def _field(node: Field) -> ColumnElement[bool]:
    c, a, value = CLAIMS.c, ARTICLES.c, node.value
    name = node.name
    if name == "verdict":
        return c.verdict == value
    if name == "is":
        return {"unreviewed": c.verdict.is_(None), "reviewed": c.verdict.is_not(None),
                "dismissed": c.dismissed == true(), "proposed": and_(c.proposed, ~c.dismissed)}[value]
    if name == "reviewer":
        return func.lower(c.reviewer) == func.lower(value)
    if name == "speaker":
        return c.speaker.like(_contains(value), escape="\\")
    if name == "article":
        return c.article_id == int(value)
    if name == "has":
        return exists().where(SOURCES.c.claim_id == c.id)
    if name == "source":
        return exists().where(SOURCES.c.claim_id == c.id, _host_is(SOURCES.c.url, value))
    # The article's own fields are read through one join with the article (see _from).
    if name == "outlet":
        return a.outlet.like(_contains(value), escape="\\")
    if name == "lang":
        return func.lower(a.language) == value
    assert node.date is not None, name
    if name in ("after", "before"):
        moment = dt.datetime(node.date.year, node.date.month, node.date.day, tzinfo=dt.UTC)  # times are UTC
        return and_(c.reviewed_at.is_not(None), c.reviewed_at >= moment if name == "after" else c.reviewed_at < moment)
    day = node.date.isoformat()  # published is an ISO date or datetime: text order is date order
    published = a.published >= day if name == "published-after" else a.published < day
    return and_(a.published.is_not(None), published)


def _contains(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _host_is(url: Any, domain: str) -> ColumnElement[bool]:
    """Whether a URL's host is `domain` or one under it: wsj.com matches www.wsj.com, not notwsj.com."""
    rest = func.substr(func.lower(url), func.instr(url, "://") + 3)
    rest = func.replace(func.replace(rest, "?", "/"), "#", "/")
    host = func.substr(rest, 1, func.instr(rest.op("||")("/"), "/") - 1)
    host = func.substr(host, func.instr(host, "@") + 1)  # user@host
    escaped = domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(host == domain, host.like("%." + escaped, escape="\\"),
               host.like(escaped + ":%", escape="\\"), host.like("%." + escaped + ":%", escape="\\"))


def window_start(p: Plan) -> Select[Any] | None:
    """The id from which the newest RANK_WINDOW claims with the query's words begin; None when the
    query is not ranked. Answered from the index alone, in id order, without scoring anything."""
    if p.match is None:
        return None
    fts = _index_table(p.index)
    return (select(fts.c.rowid).where(_matches(p.match, p.index)).order_by(fts.c.rowid.desc())
            .limit(1).offset(RANK_WINDOW - 1))


def ids_statement(tree: Node | Plan, limit: int | None = None, since: int | None = None) -> Select[Any]:
    """Claim ids and scores, best first (higher score is better); ranked among claims from `since` on."""
    p = tree if isinstance(tree, Plan) else plan(tree)
    c, fts = CLAIMS.c, _index_table(p.index)
    if p.match is not None and since is not None:
        found = _matching(p, since)
        query = (select(c.id, (-found.c.rank).label("score"))
                 .select_from(found.join(_claims(p), c.id == found.c.id))
                 .where(p.condition)
                 .order_by(found.c.rank, c.id))
    elif p.match is not None:
        # Every match: a plain join, so only the claims that pass the filters are scored. Without
        # a bound on the ids the planner has no reason to start from the claims.
        query = (select(c.id, (-fts.c.rank).label("score"))
                 .select_from(fts.join(CLAIMS, c.id == fts.c.rowid))
                 .where(_matches(p.match, p.index), p.condition)
                 .order_by(fts.c.rank, c.id))
        if p.article:
            query = query.join(ARTICLES, ARTICLES.c.id == c.article_id)
    else:
        # NULL sorts lowest in SQLite, so descending puts unreviewed claims after every verdict;
        # the index on reviewed_at answers this without a sort.
        query = (select(c.id, literal(0.0).label("score")).select_from(_claims(p)).where(p.condition)
                 .order_by(c.reviewed_at.desc(), c.id.desc()))
    return query.limit(limit) if limit is not None else query


def counts_statement(tree: Node) -> Select[Any]:
    """How many claims the query finds per verdict (None: unreviewed)."""
    p = plan(tree)
    c = CLAIMS.c
    query = select(c.verdict, func.count()).where(p.condition).group_by(c.verdict)
    if p.match is not None:
        found = _matching(p, None, ranked=False)
        query = query.select_from(found.join(_claims(p), c.id == found.c.id))
    else:
        query = query.select_from(_claims(p))
    return query


def snippet_match(tree: Node) -> str | None:
    """What to highlight: every word and phrase the query asks for, whichever branch found the claim."""
    found = text_nodes(tree)
    if not found:
        return None
    return "(" + " OR ".join(match_expression(t) or "" for t in found) + ")"


def snippet_statement(expression: str, ids: list[int], index: str = CLAIM_INDEX) -> Select[Any]:
    """Per claim: the passage of its own text, and of whichever column matched best (a rationale,
    a source, the article title) for a claim whose text does not hold the words."""
    own, best = (func.snippet(_target(index), column_number, HIGHLIGHT_START, HIGHLIGHT_END, "…", SNIPPET_TOKENS)
                 for column_number in (0, -1))
    fts = _index_table(index)
    return select(fts.c.rowid, own, best).where(_matches(expression, index), fts.c.rowid.in_(ids))


def plain_snippet(text: str) -> str:
    """The start of a claim's text, for a claim found by filters alone."""
    if len(text) <= PLAIN_SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, PLAIN_SNIPPET_CHARS)
    return text[: cut if cut > PLAIN_SNIPPET_CHARS // 2 else PLAIN_SNIPPET_CHARS].rstrip() + "…"
