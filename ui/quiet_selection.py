"""Telling a selection the reviewer made from one the program made.

List panels emit "activated" only when the reviewer moves the selection; when the window selects
a row itself (after a verdict, a reload, a filter), the panel stays quiet, so the window never
reloads what it is already showing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView


class QuietSelectionMixin:
    """For a panel with `self.view`; it sets `_id_role` and `_activated` (a signal's emit)."""

    view: QAbstractItemView
    _id_role: int
    _activated: Callable[[int], None]
    _quiet: bool = False
    _current_id: int | None = None

    def _quietly(self, change: Callable[[], None]) -> None:
        was, self._quiet = self._quiet, True
        try:
            change()
        finally:
            self._quiet = was

    def _hold_quiet(self) -> None:
        self._quiet = True

    def _select_index(self, index: QModelIndex) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        record_id = current.data(self._id_role)
        if record_id is None or record_id == self._current_id:
            return
        self._current_id = int(record_id)
        self._activated(self._current_id)
