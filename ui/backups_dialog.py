"""File → Backups…: the open database's backups (date, size, articles, claims), a backup now, a restore.

Listing reads every copy and restoring writes the whole database, so both run on the background
runner; the dialog says what it is doing meanwhile. A restore first backs up the current state,
so it can itself be undone by restoring that copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import BackupRecord
from ui.backups_table_model import BackupTableModel
from ui.tasks import Task

if TYPE_CHECKING:
    from factcheck.store import Store


class RestoreHost(Protocol):
    @property
    def store(self) -> Store: ...

    def database_restored(self, message: str) -> None: ...


class BackupsDialog(QDialog):
    listed = Signal()  # the table shows the backups as they are now
    restored = Signal(str)  # what the status bar says after a restore
    problem = Signal(str)  # a backup or restore that failed, as the message box says it

    def __init__(self, host: RestoreHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._task: Task | None = None
        self.setWindowTitle("Backups")
        self.resize(720, 420)
        folder = host.store.backups_folder
        self.where = QLabel(f"Backups of {host.store.location}, kept in {folder}." if folder
                            else "This database is not a file: back it up with its server's own tools.")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("&Back Up Now")
        self.restore_button = QPushButton("&Restore…")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        self.problem.connect(self._say_problem)
        self.refresh()

    def selected(self) -> BackupRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        store = self._host.store
        self._run("Reading the backups…", lambda: store.backups() if store.backups_folder else [], self._show)

    def back_up_now(self) -> None:
        store = self._host.store
        self._run("Backing up…", store.backup, lambda _made: self.refresh())

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self._task is not None:
            return
        when = f"{chosen.made_at:%Y-%m-%d %H:%M}"
        answer = QMessageBox.question(
            self, "Restore this backup?",
            f"Put the backup of {when} in place of the database?\n\nThe database as it is now is backed up "
            "first, so you can go back to it by restoring that copy.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store = self._host.store

        def done(before: BackupRecord) -> None:
            message = (f"Restored the backup of {when}; the state before it is kept as a backup "
                       f"({before.made_at:%H:%M}).")
            self._host.database_restored(message)
            self.restored.emit(message)
            self.refresh()

        self._run("Restoring…", lambda: store.restore(chosen.path), done)

    def _run(self, doing: str, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        if self._task is not None:
            return
        self.state.setText(doing)
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self._task = task = Task(lambda _progress, _cancelled: work())
        task.succeeded.connect(lambda result: (self._finished(), then(result)))
        task.failed.connect(lambda error: (self._finished(), self.problem.emit(str(error))))
        task.start()

    def _finished(self) -> None:
        self._task = None
        self.state.setText("")
        has_file = self._host.store.backups_folder is not None
        self.backup_button.setEnabled(has_file)
        self.restore_button.setEnabled(has_file)

    def _show(self, found: list[BackupRecord]) -> None:
        self.model.set_backups(found)
        if found:
            self.table.selectRow(0)
        else:
            self.state.setText("No backups yet: one is made when the database is opened after a change.")
        self.listed.emit()

    def _say_problem(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Backups", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
