"""The query language read into a tree (factcheck.search.query), and the tree written back as text.

Grammar, loosest first (OR binds tighter than the implicit AND, as in web search engines, so
`verdict:disputed tax OR taxes` is verdict:disputed AND (tax OR taxes)):

    query  := clause*                      clauses side by side must all hold
    clause := unary ("OR" unary)*
    unary  := "-" unary | atom             a minus sign excludes
    atom   := "(" query ")" | '"' words '"' | field ":" value | word

Punctuation that carries no word (`*`, `^`, a lone `-`) is ignored; an unclosed quote or
parenthesis, an unknown field or a bad field value is a QueryError pointing at it. `AND` may be
written and means nothing more than the space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.errors import QueryError
from factcheck.records import VERDICT_LABELS
from factcheck.search import dates
from factcheck.search.query import (
    DATE_FIELDS,
    EVERYTHING,
    FIELDS,
    HAS_VALUES,
    IS_VALUES,
    And,
    Field,
    Group,
    Node,
    Not,
    Or,
    Phrase,
    Term,
)

MAX_LENGTH = 1000  # a query longer than this is a paste gone wrong, not a search
MAX_DEPTH = 20  # nested parentheses
_FIELD = re.compile(r"([A-Za-z][A-Za-z-]*):")
_DOMAIN = re.compile(r"[\w-]+(\.[\w-]+)+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_OR_HINT = "Write it between two terms: tax OR taxes."
_FIELD_LIST = ", ".join(f"{name}:" for name in FIELDS)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(" ")" "-" "OR" "word" "phrase" "field"
    position: int
    text: str = ""
    value: str = ""  # a field's value
    value_position: int = 0


def parse(text: str) -> Node:
    """The tree of a query; raises QueryError naming the problem and where it is."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"The query is {len(text):,} characters long; the most a query takes is {MAX_LENGTH:,}.",
                         MAX_LENGTH, "Shorten it, or split it into several searches.")
    # Control characters (a NUL would end the string SQLite reads) separate words like spaces;
    # one for one, so positions still point into the text as typed.
    return _Parser(_tokens(_CONTROL.sub(" ", text))).query()


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, i))
            i += 1
        elif ch == '"':
            end = _closing_quote(text, i)
            tokens.append(_Token("phrase", i, text[i + 1:end]))
            i = end + 1
        elif ch == "-":
            if i + 1 < n and not text[i + 1].isspace() and text[i + 1] != ")":
                tokens.append(_Token("-", i))
            i += 1  # a lone minus is punctuation
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] not in '()"':
                end += 1
            word = text[i:end]
            field = _FIELD.match(word)
            if field and not word[field.end():].startswith("//"):  # https://... is a word
                name = field.group(1).lower()
                value_at = i + field.end()
                if name not in FIELDS:
                    raise QueryError(f'There is no field "{field.group(1)}:".', i, f"Fields: {_FIELD_LIST}.")
                if value_at < n and text[value_at] == '"':
                    end = _closing_quote(text, value_at)
                    value = text[value_at + 1:end]
                    end += 1
                else:
                    value = text[value_at:end]
                tokens.append(_Token("field", i, name, value.strip(), value_at))
            elif word in ("OR", "AND"):
                tokens.append(_Token(word, i))
            else:
                tokens.append(_Token("word", i, word))
            i = end
    return tokens


def _closing_quote(text: str, start: int) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError("This quote is never closed.", start, 'Add the closing " or remove this one.')
    return end


def _has_word(text: str) -> bool:
    """Whether the text holds anything the index keeps; bare punctuation never matches anything."""
    return any(ch.isalnum() for ch in text)


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def query(self) -> Node:
        node = self.clauses()
        token = self.peek()
        if token is not None:  # only a ")" stops the clauses early
            raise QueryError("This parenthesis closes nothing.", token.position, "Remove it or add a ( before it.")
        return node

    def clauses(self) -> Node:
        found: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "AND":
                self.at += 1
                continue
            if token.kind == "OR":
                raise QueryError("OR needs a term before it.", token.position, _OR_HINT)
            node = self.clause()
            if node is not None:
                found.append(node)
        if not found:
            return EVERYTHING
        return found[0] if len(found) == 1 else And(tuple(found))

    def clause(self) -> Node | None:
        options = [self.unary()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.at += 1
            following = self.peek()
            if following is None or following.kind in (")", "OR", "AND"):
                raise QueryError("OR needs a term after it.", token.position, _OR_HINT)
            options.append(self.unary())
        kept = [node for node in options if node is not None]  # punctuation-only terms drop out
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def unary(self) -> Node | None:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "-":
            if self.peek() is None or self.peek().kind in (")", "OR", "AND"):  # type: ignore[union-attr]
                return None
            child = self.unary()
            return None if child is None else Not(child)
        if token.kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"Parentheses are nested more than {MAX_DEPTH} deep.", token.position)
            inner = self.clauses()
            closing = self.peek()
            if closing is None:
                raise QueryError("This parenthesis is never closed.", token.position, "Add a ) or remove this one.")
            self.at += 1
            self.depth -= 1
            return None if inner == EVERYTHING else Group(inner)
        if token.kind == ")":  # not reached: clauses() stops before a ")"
            raise QueryError("This parenthesis closes nothing.", token.position)
        if token.kind == "phrase":
            words = " ".join(token.text.split())
            return Phrase(words) if _has_word(words) else None
        if token.kind == "field":
            return _field(token)
        return Term(token.text) if _has_word(token.text) else None


def _field(token: _Token) -> Field:
    name, value, at = token.text, token.value, token.value_position
    if not value:
        raise QueryError(f"{name}: needs a value.", token.position, _example(name))
    if name == "verdict":
        return Field(name, _one_of(name, value.lower(), VERDICT_LABELS, at))
    if name == "is":
        return Field(name, _one_of(name, value.lower(), IS_VALUES, at))
    if name == "has":
        return Field(name, _one_of(name, value.lower(), HAS_VALUES, at))
    if name == "article":
        if not value.isdigit() or not value.isascii():
            raise QueryError(f'article: takes an article number, not "{value}".', at, "For example article:12.")
        return Field(name, str(int(value)))
    if name == "lang":
        if not _LANGUAGE.fullmatch(value.lower()):
            raise QueryError(f'lang: takes a language code, not "{value}".', at, "For example lang:en or lang:es.")
        return Field(name, value.lower())
    if name == "source":
        return Field(name, _domain(value, at))
    if name in DATE_FIELDS:
        day = dates.first_day(value)
        if day is None:
            raise QueryError(f'{name}: takes a date, and "{value}" is not one.', at,
                             "Write it like 2025-03-15, 2025-03, March 2025 or 3 May 2025.")
        return Field(name, value, day)
    return Field(name, value)  # reviewer, outlet, speaker: free text


def _one_of(name: str, value: str, allowed: tuple[str, ...], at: int) -> str:
    if value not in allowed:
        raise QueryError(f'{name}: takes {", ".join(allowed[:-1])} or {allowed[-1]}, not "{value}".', at)
    return value


def _domain(value: str, at: int) -> str:
    """The bare host of what was typed: `source:https://www.wsj.com/x` is www.wsj.com."""
    host = value.lower()
    for scheme in ("https://", "http://"):
        if host.startswith(scheme):
            host = host[len(scheme):]
    host = host.split("/", 1)[0].split(":", 1)[0]
    if not _DOMAIN.fullmatch(host):
        raise QueryError(f'source: takes a web domain, not "{value}".', at, "For example source:wsj.com.")
    return host


def _example(name: str) -> str:
    examples = {"verdict": "verdict:disputed", "is": "is:unreviewed", "has": "has:source", "article": "article:12",
                "lang": "lang:es", "source": "source:wsj.com", "outlet": 'outlet:"AP News"'}
    return f"For example {examples.get(name, name + ':2025-03' if name in DATE_FIELDS else name + ':ana')}."


def to_text(node: Node) -> str:
    """The canonical text of a tree: what a saved search stores and the search box shows.

    Parsing it again gives the same tree.
    """
    if isinstance(node, Term):
        return node.word
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Field):
        value = node.value
        if not value or any(ch.isspace() or ch in '()"' for ch in value):
            value = f'"{value}"'
        return f"{node.name}:{value}"
    if isinstance(node, Not):
        return "-" + to_text(node.child)
    if isinstance(node, Group):
        return f"({to_text(node.child)})"
    if isinstance(node, Or):
        return " OR ".join(_bracketed(child, And) for child in node.children)
    return " ".join(_bracketed(child, ()) for child in node.children)


def _bracketed(node: Node, loose: type | tuple[type, ...]) -> str:
    """A child in parentheses when it binds looser than its parent (a tree not made by the parser)."""
    text = to_text(node)
    return f"({text})" if isinstance(node, loose) else text


def canonical(text: str) -> str:
    """The canonical form of a query typed by the reviewer; raises QueryError as `parse` does."""
    return to_text(parse(text))
