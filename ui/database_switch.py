"""Opening another database file, and the Preferences dialog that can ask for one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from factcheck.errors import FactcheckError
from ui.preferences_dialog import PreferencesDialog
from ui.settings import Settings

if TYPE_CHECKING:
    from factcheck.store import Store


class DatabaseHost(Protocol):
    """What switching databases needs from the window showing one."""

    @property
    def store(self) -> Store: ...

    @property
    def settings(self) -> Settings: ...

    def window(self) -> QWidget: ...  # Qt's own: the top-level widget, parent of the dialogs

    def replace_store(self, store: Store) -> None: ...

    def update_status(self) -> None: ...


def switch_to(host: DatabaseHost, path: str) -> bool:
    """Open `path` (creating it if new); on refusal keep the current database and say why."""
    if path == host.store.location:
        return True
    from factcheck.store import Store

    try:
        store = Store(path, reviewer=host.settings.reviewer)
    except FactcheckError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open database", str(exc), QMessageBox.StandardButton.Ok,
                          host.window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return False
    host.settings.database = store.location
    host.replace_store(store)
    return True


def choose_and_switch(host: DatabaseHost) -> None:
    path, _ = QFileDialog.getSaveFileName(
        host.window(), "Open or create a database", host.store.location, "factcheck database (*.db);;All files (*)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if path:
        switch_to(host, path)


def edit_preferences(host: DatabaseHost) -> None:
    settings = host.settings
    dialog = PreferencesDialog(settings.reviewer, settings.advance_after_verdict, host.store.location, host.window(),
                               backups=host.store.backups_folder)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    apply_preferences(host, dialog.reviewer.text(), dialog.advance.isChecked(), dialog.database.text().strip())


def apply_preferences(host: DatabaseHost, reviewer: str, advance: bool, database: str) -> None:
    settings = host.settings
    if reviewer.strip():
        settings.reviewer = reviewer
        host.store.reviewer = settings.reviewer
    settings.advance_after_verdict = advance
    if database and database != host.store.location:
        switch_to(host, database)
    host.update_status()
