"""Opening another database file, and the Preferences dialog that can ask for one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from factcheck.storage.database import DatabaseError
from factcheck.store import Store
from ui.preferences_dialog import PreferencesDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def switch_to(window: MainWindow, path: str) -> bool:
    """Open `path` (creating it if new); on refusal keep the current database and say why."""
    if path == window.store.location:
        return True
    try:
        store = Store(path, reviewer=window.settings.reviewer)
    except DatabaseError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open database", str(exc), QMessageBox.StandardButton.Ok,
                          window)
        box.open()
        window.last_error_box = box
        return False
    window.settings.database = store.location
    window.replace_store(store)
    return True


def choose_and_switch(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, "Open or create a database", window.store.location, "factcheck database (*.db);;All files (*)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if path:
        switch_to(window, path)


def edit_preferences(window: MainWindow) -> None:
    settings = window.settings
    dialog = PreferencesDialog(settings.reviewer, settings.advance_after_verdict, window.store.location, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    apply_preferences(window, dialog.reviewer.text(), dialog.advance.isChecked(), dialog.database.text().strip())


def apply_preferences(window: MainWindow, reviewer: str, advance: bool, database: str) -> None:
    settings = window.settings
    if reviewer.strip():
        settings.reviewer = reviewer
        window.store.reviewer = settings.reviewer
    settings.advance_after_verdict = advance
    if database and database != window.store.location:
        switch_to(window, database)
    window._update_status_labels()
