"""The one regex builder for word lists: an alternation written as a prefix tree.

The speaker search and the date finder both match long lists of words (speech verbs, month
names, number words). Written as a tree, "s(?:a(?:id|ys?)|tated)" instead of "said|says|say|stated",
the engine tries one branch per distinct next character at each position instead of every word,
and when every word opens with a plain character it can skip straight to the positions where one
could start, which keeps a full scan of an article cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A word's end inside the tree; no character of a word can be the empty string.
_END = ""


def alternation(words: Iterable[str]) -> str:
    """A regex matching exactly the strings of ``words``, as a prefix tree; a space matches any whitespace.

    The tree matches at a position exactly when one of the words starts there. Where the
    pattern around it admits only whole words, at most one word fits at a position, so it finds
    exactly the matches of the plain list; the order of ``words`` does not matter.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _tree_regex(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if _END in node else "")
