"""The sidebar of saved searches: click one to run it, save the current query, delete one.

It changes nothing itself: saving and deleting leave as signals, and the main window pushes the
operations on the undo stack like every other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import Changes
from ui.models.saved_search_model import QueryRole, SavedSearchModel

if TYPE_CHECKING:
    from factcheck.store import Store


class SavedSearchesPanel(QWidget):
    """Lists the saved searches; emits the query to run, or a request to save or delete one."""

    searchChosen = Signal(str)  # query
    saveRequested = Signal(str, str)  # name, query
    deleteRequested = Signal(int)  # saved search id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.model = SavedSearchModel(store, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.delete_selected)

        self.save_button = QPushButton("Save…")
        self.save_button.setToolTip("Keep the current query in this list under a name")
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Remove the selected saved search (Delete); Ctrl+Z brings it back")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QVBoxLayout()  # stacked: the sidebar stays narrow, the results keep the width
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)

        heading = QLabel("Saved searches")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel("None yet: Save… keeps the query in the box here.")
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.reload()

    def set_query(self, query: str) -> None:
        """The query Save would keep: the one in the search box."""
        self._query = query.strip()
        self._update_buttons()

    def on_changes(self, changes: Changes) -> None:
        if changes.saved_searches:
            self.model.reload()

    def save_current(self) -> None:
        if not self._query:
            return
        name, ok = QInputDialog.getText(self, "Save search", "Name for this search:", text=self._query)
        if ok and name.strip():
            self.saveRequested.emit(name.strip(), self._query)

    def delete_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        search = self.model.search_at(rows[0].row()) if rows else None
        if search is not None:
            self.deleteRequested.emit(search.id)

    def _chosen(self, index: QModelIndex) -> None:
        query = index.data(QueryRole)
        if query:
            self.searchChosen.emit(str(query))

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self._query))
        self.delete_button.setEnabled(bool(self.view.selectionModel().selectedRows()))
        self.empty_label.setVisible(self.model.rowCount() == 0)
