"""The review loop in the real window, driven from the keyboard like a reviewer's working day."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from factcheck.store import Store
from tests.conftest import SEED


def key(qtbot, window, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key press where a reviewer's keys land: the article text, not a text field, of the active
    window. A dialog that has just closed (the import's progress) hands activation back a moment
    later, on a busy machine after the next key; until then keys reach no widget."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.article_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifier)


def import_seed(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(SEED)], ""))
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.actions.import_files.trigger()


@pytest.fixture
def window(open_window, db_path, qtbot, monkeypatch):  # noqa: ANN001, ANN201
    w = open_window(db_path)
    import_seed(qtbot, w, monkeypatch)
    return w


def proposed(window) -> list:  # noqa: ANN001
    return window.visible_claims()


def test_a_new_database_explains_how_to_start(open_window, db_path) -> None:  # noqa: ANN001
    window = open_window(db_path)
    assert window.article_id is None
    assert "Import" in window.article_list.empty_hint_text()


def test_importing_shows_the_article_at_its_first_claim(window) -> None:  # noqa: ANN001
    claims = proposed(window)
    assert len(claims) >= 8
    assert window.claim_id == claims[0].id
    assert window.position_label.text() == f"claim 1 of {len(claims)} · article 1 of 1"
    assert "reviewer: ana" in window.reviewer_label.text()
    assert window.database_label.text() == "review.db"


def test_j_and_k_step_through_the_claims(window, qtbot) -> None:  # noqa: ANN001
    claims = proposed(window)
    key(qtbot, window, Qt.Key.Key_J)
    key(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == claims[2].id
    key(qtbot, window, Qt.Key.Key_K)
    assert window.claim_id == claims[1].id
    key(qtbot, window, Qt.Key.Key_Down)
    assert window.claim_id == claims[2].id
    assert window.position_label.text().startswith("claim 3 of")


def test_verdict_keys_record_and_move_on_and_undo_redo_them(window, qtbot) -> None:  # noqa: ANN001
    claims = proposed(window)
    key(qtbot, window, Qt.Key.Key_V)
    key(qtbot, window, Qt.Key.Key_D)
    key(qtbot, window, Qt.Key.Key_U)
    assert window.claim_id == claims[3].id
    got = {c.id: c.verdict for c in window.store.claims(window.article_id)}
    assert [got[c.id] for c in claims[:4]] == ["verified", "disputed", "unclear", None]
    assert window.saved_label.text().startswith("saved ")
    assert window.undo_action.text() == "&Undo Set verdict: unclear"

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(claims[2].id).verdict is None
    assert window.redo_action.text() == "&Redo Set verdict: unclear"
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.store.claim(claims[2].id).verdict == "unclear"
    assert window.store.article(window.article_id).reviewed == 3


def test_typing_in_the_rationale_never_fires_a_shortcut(window, qtbot) -> None:  # noqa: ANN001
    first = window.claim_id
    key(qtbot, window, Qt.Key.Key_R)
    editor = QApplication.focusWidget()
    assert editor is window.review_panel.rationale_edit
    qtbot.keyClicks(editor, "Verified via the call transcript; no offer of troops")
    assert window.claim_id == first
    assert window.store.claim(first).verdict is None
    window.article_view.setFocus()  # leaving the editor saves the rationale
    qtbot.waitUntil(lambda: window.store.claim(first).rationale.startswith("Verified via the call"))


def test_pasting_a_url_adds_a_source_and_undo_removes_it(window, qtbot) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText("https://www.wsj.com/world/trump-sheinbaum-call")
    assert window.review_panel.paste_source(QGuiApplication.clipboard().text())
    claim = window.store.claim(window.claim_id)
    assert [s.url for s in claim.sources] == ["https://www.wsj.com/world/trump-sheinbaum-call"]
    assert window.review_panel.sources_model.rowCount() == 1
    window.undo_stack.undo()
    assert window.store.claim(window.claim_id).sources == ()
    assert window.review_panel.sources_model.rowCount() == 0


def test_dismissing_hides_the_claim_from_the_loop(window, qtbot) -> None:  # noqa: ANN001
    claims = proposed(window)
    key(qtbot, window, Qt.Key.Key_X)
    assert window.store.claim(claims[0].id).dismissed
    assert claims[0].id not in [c.id for c in proposed(window)]
    assert window.store.article(window.article_id).claims == len(claims) - 1


def test_selected_text_becomes_a_claim_with_c(window, qtbot) -> None:  # noqa: ANN001
    body = window.store.article_text(window.article_id).body
    start = body.index("Trump designated")
    window.article_view.select_span(start, start + len("Trump designated many gangs"))
    key(qtbot, window, Qt.Key.Key_C)
    current = window.store.claim(window.claim_id)
    assert current.text == "Trump designated many gangs"
    assert (current.start, current.end) == (start, start + len("Trump designated many gangs"))


def test_everything_is_there_after_closing_and_reopening(open_window, window, db_path, qtbot) -> None:  # noqa: ANN001
    claims = proposed(window)
    key(qtbot, window, Qt.Key.Key_D)
    window.review_panel.paste_source("https://apnews.com/article/mexico-troops")
    window.close()
    window.store.close()

    again = open_window(db_path)
    assert again.article_id == claims[0].article_id
    assert again.claim_id == claims[1].id  # resumes at the first claim still without a verdict
    first = again.store.claim(claims[0].id)
    assert first.verdict == "disputed" and first.reviewer == "ana"
    assert [v.label for v in again.store.history(claims[0].id)] == ["disputed"]


def test_one_bad_file_in_an_import_is_reported_and_the_rest_kept(open_window, db_path, qtbot, tmp_path) -> None:  # noqa: ANN001
    good = tmp_path / "good.txt"
    good.write_text("The city spent $2.3 million on the bridge in 2024, the mayor said on Monday.\n")
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    window = open_window(db_path)
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000) as done:
        window.importer.import_files([str(good), str(bad)])
    report = done.args[0]
    assert [Path(n).name for n, _ in report.failed] == ["photo.txt"]
    assert "binary" in report.failed[0][1]
    assert window.importer.report_box is not None
    assert any(line.startswith("photo.txt — not imported") for line in window.importer.report_box.lines())
    assert [a.title for a in window.store.articles()] == [
        "The city spent $2.3 million on the bridge in 2024, the mayor said on Monday."]


def test_dropping_files_imports_them(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    window = open_window(db_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.dropEvent(event)
    assert window.store.article_count() == 1


def test_window_geometry_is_remembered(open_window, db_path, tmp_path, qtbot) -> None:  # noqa: ANN001
    window = open_window(db_path)
    window.resize(701, 503)  # within the offscreen screen, which restoreGeometry clamps to
    size = (window.size().width(), window.size().height())  # no narrower than its panels allow
    window.main_split.setSizes([150, 300, 240])
    sizes = window.main_split.sizes()
    window.close()
    again = open_window(tmp_path / "other.db")
    assert (again.size().width(), again.size().height()) == size
    assert size[1] == 503
    assert again.main_split.sizes() == sizes


def test_a_refused_database_keeps_the_current_one(window, tmp_path) -> None:  # noqa: ANN001
    from ui.database_switch import switch_to

    not_db = tmp_path / "notes.db"
    not_db.write_text("shopping list")
    before = window.store.location
    assert not switch_to(window, str(not_db))
    assert window.store.location == before
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "not a factcheck database" in box.text()
    assert not_db.read_text() == "shopping list"


def test_switching_database_shows_the_other_one(window, tmp_path) -> None:  # noqa: ANN001
    from ui.database_switch import switch_to

    other = tmp_path / "desk.db"
    with Store(other) as s:
        s.import_text("The budget rose 12% in 2024, the minister said on Tuesday.", title="Budget")
    assert switch_to(window, str(other))
    assert [a.title for a in window.store.articles()] == ["Budget"]
    assert window.settings.database == str(other)


def test_rationale_saved_while_typing_is_one_undo_step(window, qtbot) -> None:  # noqa: ANN001
    claim_id = window.claim_id
    window.review_panel.focus_rationale()
    editor = window.review_panel.rationale_edit
    qtbot.keyClicks(editor, "The WSJ call")
    qtbot.waitUntil(lambda: window.store.claim(claim_id).rationale == "The WSJ call")  # saved when idle
    qtbot.keyClicks(editor, " was in March")
    qtbot.waitUntil(lambda: window.store.claim(claim_id).rationale == "The WSJ call was in March")
    assert window.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Edit rationale"
    window.undo_stack.undo()
    assert window.store.claim(claim_id).rationale == ""


def test_switching_claims_saves_the_rationale_being_typed(window, qtbot) -> None:  # noqa: ANN001
    first = window.claim_id
    window.review_panel.focus_rationale()
    qtbot.keyClicks(window.review_panel.rationale_edit, "Half-written note")
    window.actions.next_claim.trigger()
    assert window.claim_id != first
    assert window.store.claim(first).rationale == "Half-written note"
    assert window.review_panel.rationale_edit.toPlainText() == ""


def test_preferences_change_the_reviewer_and_stop_the_advance(window, qtbot) -> None:  # noqa: ANN001
    from ui.database_switch import apply_preferences

    apply_preferences(window, "ben", False, "")
    assert window.reviewer_label.text() == "reviewer: ben"
    first = window.claim_id
    key(qtbot, window, Qt.Key.Key_V)
    assert window.claim_id == first  # stays put
    assert window.store.claim(first).reviewer == "ben"


def open_paste_dialog(window, qtbot):  # noqa: ANN001, ANN201
    from ui.paste_dialog import PasteArticleDialog

    window.actions.paste_article.trigger()
    qtbot.waitUntil(lambda: window.findChild(PasteArticleDialog) is not None
                    and window.findChild(PasteArticleDialog).isVisible())
    return window.findChild(PasteArticleDialog)


def test_pasting_an_article_imports_it_with_its_metadata(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    window = open_window(db_path)
    dialog = open_paste_dialog(window, qtbot)
    dialog.title.setText("Budget vote")
    dialog.outlet.setText("El País")
    dialog.known_date.setChecked(True)
    dialog.published.setDate(dialog.published.date().fromString("2025-03-14", "yyyy-MM-dd"))
    dialog.body.setPlainText("El Gobierno aprobó ayer un gasto de 3.000 millones, según el ministro.\n")
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [n for n, _ in done.args[0].imported] == ["pasted text"]
    [article] = window.store.articles()
    assert (article.title, article.outlet, article.published, article.language) == (
        "Budget vote", "El País", "2025-03-14", "es")
    assert window.article_id == article.id
    assert window.statusBar().currentMessage() == "Imported the pasted article: Budget vote."
    dates = [d for c in window.store.claims(article.id) for d in c.dates]
    assert [(d.text, d.value) for d in dates] == [("ayer", "2025-03-13")]


def test_an_empty_paste_keeps_the_dialog_open_with_the_reason(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    window = open_window(db_path)
    dialog = open_paste_dialog(window, qtbot)
    dialog.body.setPlainText("   ")
    with qtbot.assertNotEmitted(window.importer.importFinished):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "empty" in dialog.error.text().lower()
    assert window.store.article_count() == 0


def test_shift_j_and_n_move_between_articles(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    other = tmp_path / "budget.txt"
    other.write_text("---\ntitle: Budget\n---\nThe budget rose 12% in 2024, the minister said on Tuesday.\n")
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.importer.import_files([str(other)])
    seed_id = next(a.id for a in window.store.articles() if a.outlet == "AP")
    budget_id = next(a.id for a in window.store.articles() if a.title == "Budget")
    window.show_article(seed_id)
    key(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_id == budget_id
    assert window.position_label.text().endswith("article 2 of 2")
    key(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_id == seed_id

    for claim in window.visible_claims():  # finish the seed article...
        window.store.set_verdict(claim.id, "verified")
    window.show_article(seed_id)
    key(qtbot, window, Qt.Key.Key_N)  # ...and N finds the work left in the other one
    assert window.article_id == budget_id
    assert window.store.claim(window.claim_id).verdict is None


def test_cancelling_an_import_keeps_what_was_imported(open_window, db_path, qtbot, tmp_path) -> None:  # noqa: ANN001
    files = []
    for n in range(200):
        path = tmp_path / f"note-{n:03}.txt"
        path.write_text(f"Note {n}: the council approved {n + 10} new homes in 2024, the mayor said.\n")
        files.append(str(path))
    window = open_window(db_path)
    with qtbot.waitSignal(window.importer.importFinished, timeout=60000) as done:
        window.importer.import_files(files)
        window.importer.progress.findChild(QPushButton).click()  # the Cancel button
    report = done.args[0]
    assert report.cancelled
    assert len(report.imported) < len(files)
    assert window.store.article_count() == len(report.imported)
    assert "cancelled" in window.statusBar().currentMessage()


def test_show_all_then_x_promotes_a_sentence_the_scorer_passed_over(window, qtbot) -> None:  # noqa: ANN001
    passed_over = next(c for c in window.store.claims(window.article_id) if not c.proposed)
    assert passed_over.id not in [c.id for c in window.visible_claims()]
    window.actions.show_all.setChecked(True)
    window.claims_panel.select_claim(passed_over.id)
    window.show_claim(passed_over.id)
    key(qtbot, window, Qt.Key.Key_X)
    assert window.store.claim(passed_over.id).proposed
    window.actions.show_all.setChecked(False)
    assert passed_over.id in [c.id for c in window.visible_claims()]
    window.undo_stack.undo()
    assert not window.store.claim(passed_over.id).proposed


def test_a_verdict_shows_in_every_panel_and_undo_takes_it_back_everywhere(window, qtbot) -> None:  # noqa: ANN001
    from ui import theme
    from ui.models.article_list_model import ArticleListModel
    from ui.models.claim_table_model import VERDICT

    first = proposed(window)[0]
    panel_row = window.claims_panel.model.row_of(first.id)

    def shown() -> tuple[object, object, object]:
        articles = window.article_list.model
        progress = articles.index(articles.row_of(window.article_id), 0).data(ArticleListModel.ProgressRole)
        verdict_cell = window.claims_panel.model.index(panel_row, VERDICT).data()
        return progress, verdict_cell, window.article_view.tooltip_at(first.start)

    total = len(proposed(window))
    assert shown() == ((0, total), theme.label(None), theme.label(None))
    key(qtbot, window, Qt.Key.Key_V)
    assert shown() == ((1, total), theme.label("verified"), theme.label("verified"))
    window.undo_stack.undo()
    assert shown() == ((0, total), theme.label(None), theme.label(None))


def test_the_first_key_after_opening_reviews_instead_of_typing_into_the_filter(qtbot, open_window, db_path) -> None:  # noqa: ANN001, E501
    """A new reviewer opens the window and presses J: the next claim, not a "j" in the filter box."""
    with Store(db_path) as s:
        s.import_file(SEED)
    window = open_window(db_path)
    first = window.claim_id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is window.article_view.text_view
    QTest.keyClick(focused, Qt.Key.Key_J)
    assert window.claim_id != first
    assert window.article_list.filter_edit.text() == ""


def test_a_selection_survives_the_window_reading_the_store_again(window, qtbot) -> None:  # noqa: ANN001
    """Another program's change (or the window's own background work) makes the window read what
    is on screen again; text the reviewer is selecting for C stays selected, and C still works."""
    body = window.store.article_text(window.article_id).body
    start = body.index("Trump designated")
    window.article_view.select_span(start, start + len("Trump designated many gangs"))
    window.refresh_from_store()
    assert window.article_view.selected_span() == (start, start + len("Trump designated many gangs"))
    key(qtbot, window, Qt.Key.Key_C)
    assert window.store.claim(window.claim_id).text == "Trump designated many gangs"
