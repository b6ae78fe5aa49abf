"""File → Export… in the real window: every format from every scope the window offers, progress
and Cancel on the background runner, no file left by a cancel, opening the result, the previews."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from factcheck import preferences
from factcheck.store import Store
from tests.export_data import bulk, reviewed


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QDesktopServices.openUrl, the way out of the app to the file manager or browser, recorded."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


@pytest.fixture
def window(open_window, db_path: Path):  # noqa: ANN001, ANN201
    with Store(db_path, reviewer="ana") as store:
        reviewed(store)
    return open_window(db_path)


def open_dialog(window, qtbot):  # noqa: ANN001, ANN201
    window.actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    return dialog


def run_export(dialog, qtbot, fmt: str, target: Path, scope: str = "database"):  # noqa: ANN001, ANN201
    dialog.set_choice(fmt, scope)
    dialog.destination.setText(str(target))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000) as finished:
        dialog.export_button.click()
    return finished.args[0]


def test_ctrl_e_is_file_export_and_every_format_is_written(window, qtbot, tmp_path: Path, opened) -> None:  # noqa: ANN001
    action = window.actions.export
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    dialog = open_dialog(window, qtbot)
    preferences.save(preferences.load().with_changes(publisher_name="Desk", publisher_url="https://desk.example"))
    markers = {"html": "<!DOCTYPE html>", "md": "# Verdict report", "csv": "article_id,article_title",
               "json": '"schema_version": 1', "claimreview": '"@type": "ClaimReview"'}
    for fmt, marker in markers.items():
        target = tmp_path / f"out.{fmt}"
        result = run_export(dialog, qtbot, fmt, target)
        assert result.path == str(target) and not result.cancelled
        assert marker in target.read_text(encoding="utf-8"), fmt
        assert dialog.status.text() == f"Exported {result.claims} claims of 2 articles to {target}."
    pdf = tmp_path / "out.pdf"
    result = run_export(dialog, qtbot, "pdf", pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and result.format == "pdf"
    # Offered afterwards: the file, or the folder it is in (the desktop opens them).
    assert dialog.open_file_button.isVisible() and dialog.open_folder_button.isVisible()
    dialog.open_file_button.click()
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(pdf)).toString(), QUrl.fromLocalFile(str(tmp_path)).toString()]
    assert window.settings.last_folder == str(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out.")) == sorted(
        ["out.html", "out.md", "out.csv", "out.json", "out.claimreview", "out.pdf"])


def test_the_scopes_are_what_is_on_screen(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window.show_article(2)
    view = window.claims_panel.view
    for row in (0, 2):  # Ctrl+click two claims of the council article
        view.selectionModel().select(window.claims_panel.model.index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    chosen = window.claims_panel.selected_claim_ids()
    assert len(chosen) == 2
    search = window.search.panel
    with qtbot.waitSignal(search.model.modelReset, timeout=10000):
        search.run_query("verdict:verified")
    qtbot.waitUntil(lambda: search.model.query == "verdict:verified", timeout=10000)
    dialog = open_dialog(window, qtbot)
    assert dialog.scope_buttons["article"].isEnabled()
    assert "Council bans plastic bags" in dialog.scope_buttons["article"].text()
    assert dialog.scope_buttons["search"].text() == "Current search: “verdict:verified”"
    assert dialog.scope_buttons["claims"].text() == "Selected claims (2)"

    run_export(dialog, qtbot, "csv", tmp_path / "a.csv", "article")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert {r["article_title"] for r in rows} == {"Council bans plastic bags"} and len(rows) == 3
    run_export(dialog, qtbot, "csv", tmp_path / "s.csv", "search")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 3 and {r["verdict"] for r in rows} == {"verified"}
    run_export(dialog, qtbot, "json", tmp_path / "c.json", "claims")
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["scope"] == {"kind": "claims", "description": "2 chosen claims", "query": None, "article_id": None,
                             "claim_ids": chosen}


def test_without_a_publisher_url_claimreview_says_how_to_set_one(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = open_dialog(window, qtbot)
    assert run_export(dialog, qtbot, "claimreview", tmp_path / "r.jsonld") is None
    assert "--publisher-url https://… or set it in Preferences" in dialog.status.text()
    assert not list(tmp_path.glob("r.jsonld*")) and not list(tmp_path.glob(".r.jsonld*"))
    assert dialog.export_button.isEnabled()


def test_choose_names_the_file_with_the_formats_suffix(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(tmp_path / "weekly"), ""))
    dialog = open_dialog(window, qtbot)
    dialog.set_choice("md")
    dialog.choose_destination()
    assert dialog.destination.text() == str(tmp_path / "weekly.md")
    dialog.set_choice("csv")
    assert dialog.destination.text() == str(tmp_path / "weekly.csv")


def test_progress_then_cancel_stops_the_export_and_leaves_no_file(open_window, db_path: Path, qtbot,  # noqa: ANN001
                                                                    tmp_path: Path) -> None:
    with Store(db_path, reviewer="ana") as store:
        bulk(store, 400, 20, per_call=100)
    window = open_window(db_path)
    dialog = open_dialog(window, qtbot)
    target = tmp_path / "out" / "big.html"
    target.parent.mkdir()
    # A whole export first: the bar counts the articles as they are written.
    seen: list[tuple[int, int]] = []
    dialog.set_choice("html")
    dialog.destination.setText(str(target))
    dialog.export_button.click()
    assert dialog.task is not None and dialog.progress.isVisible() and dialog.cancel_button.text() == "Cancel"
    dialog.task.progressed.connect(lambda done, total, _name: seen.append((done, total)))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
        pass
    assert seen and seen[-1] == (400, 400) and dialog.progress.maximum() == 400
    target.unlink()
    # Then one cancelled at once: the work stops at the next article and removes its temporary file.
    dialog.export_button.click()
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000) as finished:
        dialog.cancel_button.click()
    assert finished.args[0].cancelled
    assert dialog.status.text() == "Export cancelled; no file was written."
    assert list(target.parent.iterdir()) == []  # neither the file nor its temporary
    assert dialog.cancel_button.text() == "Close" and not dialog.open_file_button.isVisible()


def test_html_and_pdf_previews(window, qtbot, opened) -> None:  # noqa: ANN001
    dialog = open_dialog(window, qtbot)
    dialog.set_choice("html", "article")
    with qtbot.waitSignal(dialog.previewOpened, timeout=30000) as shown:
        dialog.preview_button.click()
    preview = shown.args[0]
    text = preview.browser.toPlainText()
    assert "Verdict report" in text and "Scope: article 1" in text and "No source backs this verdict." in text
    preview.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    preview.browser.anchorClicked.emit(QUrl("https://apnews.com/article/mexico-sheinbaum-trump-troops"))
    assert opened == ["https://apnews.com/article/mexico-sheinbaum-trump-troops"]
    preview.close()
    dialog.set_choice("pdf", "database")
    with qtbot.waitSignal(dialog.previewOpened, timeout=30000) as shown:
        dialog.preview_button.click()
    pages = shown.args[0].page_labels
    assert len(pages) >= 3  # the header and two articles, each article on a page of its own
    first = pages[0].pixmap().toImage()
    assert (first.width(), first.height()) == (793, 1122)  # A4 (210 x 297 mm) at 96 dpi, from the preferences
    dialog.set_choice("csv")
    assert not dialog.preview_button.isEnabled()
