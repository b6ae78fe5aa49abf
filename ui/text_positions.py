"""Translate between Python string offsets and Qt text-document positions.

Claims and dates carry offsets into the article body as Python counts them (code points), but a
QTextDocument counts UTF-16 code units and folds each "\\r\\n" into one block separator. Without
this translation every highlight after an emoji or a Windows line break would drift.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Characters whose Qt width differs from their Python width: astral code points take two UTF-16
# units; a "\r" directly before "\n" disappears into one paragraph break.
_UNEVEN = re.compile(r"[\U00010000-\U0010FFFF]|\r(?=\n)")


class QtTextPositions:
    """Maps offsets of one text; build one per article body, then look up in O(log n)."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Python offsets from which the running difference (qt - python) changes, and that difference.
        self._python_starts: list[int] = []
        self._qt_starts: list[int] = []
        self._shifts: list[int] = []
        shift = 0
        for match in _UNEVEN.finditer(text):
            shift += 1 if match.group() != "\r" else -1
            after = match.end()
            self._python_starts.append(after)
            self._qt_starts.append(after + shift)
            self._shifts.append(shift)
        self.qt_length = self._length + shift

    def to_qt(self, offset: int) -> int:
        """The document position of a Python offset (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        index = bisect_right(self._python_starts, offset)
        return offset + (self._shifts[index - 1] if index else 0)

    def to_python(self, position: int) -> int:
        """The Python offset of a document position; inside a surrogate pair, the offset after it."""
        position = max(0, min(position, self.qt_length))
        index = bisect_right(self._qt_starts, position)
        if index == 0:
            return position
        return min(position - self._shifts[index - 1], self._length)
