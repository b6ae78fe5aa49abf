"""The installed Qt binding must not corrupt the interpreter.

PySide6-Essentials 6.12.0 under Python 3.11 drops a reference to None on every call of a method
that returns nothing; the review window makes thousands of such calls a minute, and the process
aborts ("deallocating None") a few minutes into a session. pyproject.toml excludes that release;
this test catches any other release with the same fault.
"""

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QTextCharFormat


def test_void_calls_keep_the_reference_count_of_none() -> None:
    color, size, fmt = QColor(), QSize(), QTextCharFormat()
    before = sys.getrefcount(None)
    for i in range(200):
        color.setRed(i)
        size.setWidth(i)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    assert sys.getrefcount(None) - before > -100
