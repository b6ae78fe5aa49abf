"""Saved web pages in the real window: dropped on it, or chosen in the file dialog (its filter
offers them), they become articles like text files do. The pages are written for these tests."""

from __future__ import annotations

import gzip

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.test_web_pages import BARE_PAGE, article_page


def test_dropping_saved_pages_imports_their_articles(open_window, db_path, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # the import report, if one opens
    page = tmp_path / "parking.html"
    page.write_text(article_page(), encoding="utf-8")
    packed = tmp_path / "water.html.gz"
    packed.write_bytes(gzip.compress(BARE_PAGE.encode()))
    window = open_window(db_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(packed))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000) as finished:
        window.dropEvent(event)
    assert not finished.args[0].failed
    titles = sorted(a.title for a in window.store.articles())
    assert titles[0] == "Riverton raises parking fees to pay for bridge repairs"
    assert titles[1].startswith("Water use in the county")


def test_the_file_dialog_offers_saved_pages(open_window, db_path, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    page = tmp_path / "parking.htm"
    page.write_text(article_page(), encoding="utf-8")
    offered: list[str] = []

    def choose(parent, caption, folder, file_filter):  # noqa: ANN001, ANN202
        offered.append(file_filter)
        return [str(page)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window = open_window(db_path)
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.importer.choose_files()
    for pattern in ("*.html", "*.htm", "*.html.gz", "*.mhtml", "*.mht"):
        assert pattern in offered[0]
    [article] = window.store.articles()
    assert article.outlet == "Riverton Ledger"
