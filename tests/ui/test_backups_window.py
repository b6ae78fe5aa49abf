"""Backups in the real window: made in the background on open and on quit, listed, restored, and a
failure shown as a banner while the work goes on; a claim changed by another instance is a clear conflict."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from factcheck.store import Store
from tests.conftest import SEED
from ui.backups_dialog import BackupsDialog
from ui.backups_table_model import BackupTableModel


def _seeded(db_path: Path) -> Path:
    with Store(db_path) as store:
        store.import_file(SEED)
    return db_path


def _backups(db_path: Path) -> list[Path]:
    folder = db_path.parent / "backups"
    return sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime_ns) if folder.exists() else []


def test_opening_a_changed_database_backs_it_up_in_the_background(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    _seeded(db_path)
    window = open_window(db_path)
    assert _backups(db_path) == []  # the window is up before any copying starts
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000) as finished:
        pass
    made = finished.args[0]
    assert made is not None and (made.kind, made.articles) == ("automatic", 1)
    assert _backups(db_path) == [Path(made.path)]
    assert window.backup_label.text().startswith("backed up ")


def test_a_failed_backup_is_a_banner_and_the_review_goes_on(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    _seeded(db_path)
    (db_path.parent / "backups").write_text("a file where the folder should be", encoding="utf-8")
    window = open_window(db_path)
    with qtbot.waitSignal(window.backups.backupFailed, timeout=30000):
        pass
    assert window.backup_banner.isVisible()
    assert "The automatic backup failed" in window.backup_banner.message.text()
    assert "the database itself is unchanged" in window.backup_banner.message.text()
    window.record_verdict("verified")  # the database works as before
    assert window.store.claim(window.visible_claims()[0].id).verdict == "verified"


def test_quitting_after_a_change_takes_a_last_backup(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    _seeded(db_path)
    window = open_window(db_path)
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000):
        pass
    claim = window.visible_claims()[0].id
    window.record_verdict("disputed")
    window.close()
    newest = _backups(db_path)[-1]
    con = sqlite3.connect(newest)
    try:
        assert con.execute("SELECT verdict FROM claim WHERE id = ?", (claim,)).fetchone() == ("disputed",)
    finally:
        con.close()
    assert len(_backups(db_path)) == 2


def test_the_backups_dialog_lists_them_and_restores_one_which_can_be_undone(  # noqa: ANN001
        open_window, db_path, qtbot, monkeypatch) -> None:
    _seeded(db_path)
    window = open_window(db_path)
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000):
        pass
    claim = window.visible_claims()[0].id
    window.record_verdict("disputed")
    assert window.undo_stack.count() == 1

    window.actions.backups.trigger()
    dialog = window.findChild(BackupsDialog)
    with qtbot.waitSignal(dialog.listed, timeout=30000):
        pass
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[1] == "automatic" and row[2].endswith("KB") and row[3] == "1"
    assert int(row[4]) == len(window.visible_claims())

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=30000):
        dialog.restore_button.click()
    assert window.store.claim(claim).verdict is None  # back to the copy, in the window too
    assert window.undo_stack.count() == 0
    assert "Restored the backup of" in window.statusBar().currentMessage()

    with qtbot.waitSignal(dialog.listed, timeout=30000):
        pass
    kinds = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert kinds[0] == "before a restore"
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=30000):
        dialog.restore_button.click()
    assert window.store.claim(claim).verdict == "disputed"  # the restore itself undone


def test_preferences_show_where_the_backups_are(open_window, db_path) -> None:  # noqa: ANN001
    from ui.preferences_dialog import PreferencesDialog

    window = open_window(db_path)
    dialog = PreferencesDialog("ana", True, window.store.location, window, backups=window.store.backups_folder)
    assert dialog.backups.text() == str(db_path.parent / "backups")


def test_a_claim_changed_by_another_instance_is_refused_naming_the_other_version(  # noqa: ANN001
        open_window, db_path, qtbot) -> None:
    _seeded(db_path)
    window = open_window(db_path)
    claim = window.visible_claims()[0]
    window.show_claim(claim.id)
    with Store(db_path, reviewer="ben") as other:  # the other instance
        other.set_verdict(claim.id, "verified", rationale="ben checked the record")
    window.record_verdict("disputed")
    message = window.statusBar().currentMessage()
    assert f"Claim {claim.id} was changed elsewhere" in message
    assert f"it is now version {claim.version + 1}: verified by ben" in message
    assert window.store.claim(claim.id).verdict == "verified"  # neither change lost silently: ben's stays
    assert window.review_panel.rationale_edit.toPlainText() == "ben checked the record"  # shown afresh


def test_after_30_minutes_of_changes_the_window_backs_up_again(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    _seeded(db_path)
    window = open_window(db_path)
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000):
        pass
    [first] = _backups(db_path)
    half_an_hour_ago = time.time() - 31 * 60
    os.utime(first, (half_an_hour_ago, half_an_hour_ago))
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000) as quiet:
        window.backups._timer.timeout.emit()  # the half-hour tick, with nothing changed since
    assert quiet.args == [None] and _backups(db_path) == [first]

    window.record_verdict("verified")
    with qtbot.waitSignal(window.backups.backupFinished, timeout=30000) as made:
        window.backups._timer.timeout.emit()
    assert made.args[0] is not None and len(_backups(db_path)) == 2


def test_the_backup_table_model_passes_modeltester(qtmodeltester, db_path) -> None:  # noqa: ANN001
    with Store(_seeded(db_path)) as store:
        store.backup()
        store.automatic_backup()
        model = BackupTableModel()
        model.set_backups(store.backups())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
