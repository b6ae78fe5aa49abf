"""How every list of records in the window is shown: one row per record, read-only, compact.

The article list, the claims table and the search results share this so that selecting, the row
height and the header look the same everywhere; each panel then sets its own columns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui import theme


def setup_record_table(view: QTableView) -> None:
    """Whole rows, one at a time, never edited in place, one line each, no grid, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setShowGrid(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)


def verdict_column_width(view: QTableView) -> int:
    """Wide enough for the longest verdict label with its mark ("✓ verified", "○ unreviewed")."""
    metrics = view.fontMetrics()
    labels = [theme.label(v) for v in theme.STYLES] + [theme.label(None, True)]
    return max(metrics.horizontalAdvance(label) for label in labels) + 24
