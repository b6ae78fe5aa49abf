"""The window's quick start (ui.app.start): the frame first, then the first screen from the quick
reads, then the Store. The reviewer must see the same window as before, only sooner; a database the
quick reads cannot vouch for is opened, upgraded or refused by the Store, as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from factcheck.store import Store
from tests.conftest import SEED
from ui import app as ui_app
from ui.starting_store import StartingStore


@pytest.fixture
def desk(db_path: Path) -> Path:
    with Store(db_path, reviewer="ana") as store:
        store.import_file(SEED)
        store.import_text("El Gobierno anunció que el paro bajó al 4,1 % en marzo de 2025, según el INE.",
                          title="Paro: ¿récord?", outlet="El País", language="es")
    return db_path


def _start(qtbot, db: Path):  # noqa: ANN001, ANN202
    window = ui_app.start(["factcheck-gui", "--db", str(db)])
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_the_frame_is_painted_before_the_panels_and_the_store_after_them(qtbot, desk: Path) -> None:  # noqa: ANN001
    window = _start(qtbot, desk)
    assert isinstance(window.store, StartingStore)
    assert not hasattr(window, "article_list")  # a frame: menus and status bar, no panels yet
    assert window.menuBar().actions() and window.windowTitle() == f"{desk.name} — factcheck"
    with qtbot.waitSignal(window.started, timeout=10000):
        pass  # comes after the frame's first paint
    assert not window.store.loaded  # the first screen came from the quick reads
    assert window.article_list.model.rowCount() == 2
    first = window.current_claim()
    assert first is not None and window.article_view.current_claim_id() == first.id
    assert window.review_panel.claim_edit.toPlainText() == first.text
    with qtbot.waitSignal(window.storeLoaded, timeout=30000):
        pass
    assert window.store.loaded
    window.store.close()


def test_the_first_screen_is_the_one_the_store_would_show(qtbot, desk: Path, open_window) -> None:  # noqa: ANN001
    quick = _start(qtbot, desk)
    qtbot.waitSignal(quick.started, timeout=10000).wait()
    shown = (quick.article_id, quick.claim_id, [c.id for c in quick.visible_claims()],
             quick.position_label.text(), quick.article_view.text_view.toPlainText())
    quick.close()
    quick.store.close()
    slow = open_window(desk)  # the Store all along, as the tests' windows are
    assert (slow.article_id, slow.claim_id, [c.id for c in slow.visible_claims()], slow.position_label.text(),
            slow.article_view.text_view.toPlainText()) == shown


def test_a_verdict_before_the_store_is_loaded_waits_for_it_and_is_saved(qtbot, desk: Path) -> None:  # noqa: ANN001
    window = _start(qtbot, desk)
    qtbot.waitSignal(window.started, timeout=10000).wait()
    assert not window.store.loaded
    claim = window.current_claim()
    assert claim is not None
    qtbot.keyClick(window.article_view, Qt.Key.Key_V)
    assert window.store.loaded
    window.store.close()
    with Store(desk) as store:
        assert store.claim(claim.id).verdict == "verified"  # type: ignore[union-attr]


def test_a_newer_database_is_refused_with_its_reason_and_left_as_it_was(qtbot, desk: Path, monkeypatch) -> None:  # noqa: ANN001
    con = sqlite3.connect(desk)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = desk.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert ui_app.start(["factcheck-gui", "--db", str(desk)]) is None
    assert shown and "newer version of factcheck" in shown[0]
    assert desk.read_bytes() == before


def test_an_older_database_is_upgraded_by_the_store_before_the_window(qtbot, desk: Path) -> None:  # noqa: ANN001
    from factcheck.storage import migrate

    with Store(desk) as store:
        migrate.downgrade(store.engine, migrate.REVISIONS[-2])
    window = _start(qtbot, desk)
    assert isinstance(window.store, Store)  # the Store opened it, and upgraded it
    qtbot.waitSignal(window.started, timeout=10000).wait()
    assert window.article_list.model.rowCount() == 2 and window.current_claim() is not None
    window.store.close()
