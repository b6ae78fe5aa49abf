"""The review loop as a reviewer lives it: Esc out of fields, J/K after a dismissal, undo across
articles, article moves said aloud, one claim numbering, dismissed claims refusing verdicts, and
the place kept across a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from factcheck import ops
from factcheck.store import Store
from tests.conftest import SEED
from ui.models.claim_table_model import NUMBER

SECOND = ("The city council approved a budget of $4.2 billion on Tuesday, the mayor said. "
          "Unemployment fell to 3.9% in March, according to the labor department.\n")


def press(qtbot, window, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key where focus is now, as the reviewer's next key press would land."""
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifier)


@pytest.fixture
def window(open_window, db_path, qtbot, monkeypatch):  # noqa: ANN001, ANN201
    w = open_window(db_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(SEED)], ""))
    with qtbot.waitSignal(w.importer.importFinished, timeout=30000):
        w.actions.import_files.trigger()
    w.focus_reading()
    return w


def open_claims(window) -> list:  # noqa: ANN001
    return window.visible_claims()


# -- 1: Esc in a text field gives the keys back to the article --------------------------------

@pytest.mark.parametrize("field", ["filter", "claim", "rationale"])
def test_esc_in_any_text_field_makes_the_next_key_a_command(window, qtbot, field) -> None:  # noqa: ANN001
    editor = {"filter": window.article_list.filter_edit, "claim": window.review_panel.claim_edit,
              "rationale": window.review_panel.rationale_edit}[field]
    first = window.claim_id
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.article_view.text_view
    press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == open_claims(window)[1].id != first
    assert window.article_list.filter_edit.text() == ""


def test_esc_after_a_rationale_then_v_records_the_verdict_and_keeps_the_words(window, qtbot) -> None:  # noqa: ANN001
    first = window.claim_id
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.keyClicks(QApplication.focusWidget(), "Checked against the transcript")
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_V)
    stored = window.store.claim(first)
    assert stored.verdict == "verified"
    assert stored.rationale == "Checked against the transcript"  # no trailing "v"
    assert [v.rationale for v in window.store.history(first)] == ["Checked against the transcript"]


def test_esc_in_the_filter_while_a_search_is_open_stays_with_the_reading(window, qtbot) -> None:  # noqa: ANN001
    window.search.open()
    qtbot.keyClicks(window.search.panel.query_edit, "troops")
    qtbot.waitUntil(lambda: window.search.panel.model.total > 0, timeout=5000)
    window.search.open_result(0)
    window.left_tabs.setCurrentIndex(0)
    window.search.open_result(0)
    window.article_list.filter_edit.setFocus()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.article_view.text_view


# -- 2: J/K continue from the place of a claim that left the list -----------------------------

def test_j_after_dismissing_goes_to_the_claim_that_followed(window, qtbot) -> None:  # noqa: ANN001
    claims = open_claims(window)
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == claims[4].id
    press(qtbot, window, Qt.Key.Key_X)
    assert window.store.claim(claims[4].id).dismissed
    press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == claims[5].id
    press(qtbot, window, Qt.Key.Key_K)
    assert window.claim_id == claims[3].id


def test_k_after_dismissing_goes_to_the_claim_before(window, qtbot) -> None:  # noqa: ANN001
    claims = open_claims(window)
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_X)
    press(qtbot, window, Qt.Key.Key_K)
    assert window.claim_id == claims[2].id


# -- 3: undo and redo bring the claim they change on screen ----------------------------------

def test_undo_of_a_verdict_in_another_article_goes_there_and_says_so(window, qtbot) -> None:  # noqa: ANN001
    seed_article = window.article_id
    claim = window.claim_id
    press(qtbot, window, Qt.Key.Key_D)
    with Store(window.store.location) as other:
        other.import_text(SECOND, title="Council budget")
    window.refresh_from_store()
    other_id = next(a.id for a in window.store.articles() if a.title == "Council budget")
    window.show_article(other_id)
    assert window.article_id == other_id

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(claim).verdict is None
    assert (window.article_id, window.claim_id) == (seed_article, claim)
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: Set verdict: disputed")
    assert "Mexico's president" in message

    window.show_article(other_id)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.store.claim(claim).verdict == "disputed"
    assert (window.article_id, window.claim_id) == (seed_article, claim)
    assert window.statusBar().currentMessage().startswith("Redone: Set verdict: disputed")


def test_undo_of_a_rationale_points_at_the_rationale_and_leaves_the_keys_to_the_reviewer(window, qtbot) -> None:  # noqa: ANN001
    claim = window.claim_id
    window.run_op(ops.EditRationale(claim, rationale="the decree was published on 19 February"))
    press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id != claim
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    panel = window.review_panel
    assert window.claim_id == claim and window.store.claim(claim).rationale == ""
    assert panel.pointed == "rationale"
    assert panel.outline.isVisible() and panel.outline.geometry().contains(panel.rationale_edit.geometry())
    assert not panel.rationale_edit.hasFocus()  # the next key is still a command
    qtbot.waitUntil(lambda: not panel.outline.isVisible(), timeout=3000)


# -- 4: moving to another article, or refusing to, is said ------------------------------------

def test_shift_j_on_the_only_article_says_there_is_no_next_one(window, qtbot) -> None:  # noqa: ANN001
    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage() == "No next article."
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage() == "No previous article."


def test_a_verdict_on_the_last_claim_names_the_article_it_opens(window, qtbot) -> None:  # noqa: ANN001
    with Store(window.store.location) as other:
        other.import_text(SECOND, title="Council budget")
    window.refresh_from_store()
    seed_article = window.article_id
    window.show_claim(open_claims(window)[-1].id)
    press(qtbot, window, Qt.Key.Key_V)
    assert window.article_id != seed_article
    index, total = window.article_list.position_of(window.article_id)
    assert window.statusBar().currentMessage() == f"Article {index} of {total}: Council budget"

    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage().startswith("Article ")
    assert window.statusBar().currentMessage().endswith(window.store.article(window.article_id).title)


# -- 6: one numbering, and the claim id visible ------------------------------------------------

def test_the_table_numbers_claims_as_the_status_bar_does(window, qtbot) -> None:  # noqa: ANN001
    claims = open_claims(window)
    press(qtbot, window, Qt.Key.Key_X)  # dismiss claim 1
    press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == claims[1].id
    model = window.claims_panel.model
    row = model.row_of(window.claim_id)
    number = model.index(row, NUMBER).data()
    assert window.position_label.text().startswith(f"claim {number} of {len(claims) - 1}")
    assert number == "1"
    assert model.index(model.row_of(claims[0].id), NUMBER).data() == "–"
    assert window.review_panel.claim_heading.text() == f"Claim · id {window.claim_id}"


# -- 7: a dismissed claim refuses a verdict ----------------------------------------------------

def test_v_on_a_dismissed_claim_is_refused_with_the_way_out(window, qtbot) -> None:  # noqa: ANN001
    claim = window.claim_id
    press(qtbot, window, Qt.Key.Key_X)
    window.show_claim(claim)  # still on screen, as after clicking it with Show All
    press(qtbot, window, Qt.Key.Key_V)
    assert window.store.claim(claim).verdict is None
    assert window.store.history(claim) == []
    assert window.statusBar().currentMessage() == "This claim is dismissed. Restore it first (X)."
    press(qtbot, window, Qt.Key.Key_X)
    press(qtbot, window, Qt.Key.Key_V)
    assert window.store.claim(claim).verdict == "verified"


# -- 8: the place is kept across a restart, per database --------------------------------------

def test_the_window_reopens_on_the_claim_it_was_on(open_window, window, db_path, qtbot, tmp_path) -> None:  # noqa: ANN001
    claims = open_claims(window)
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_J)
    assert window.claim_id == claims[5].id
    window.close()
    window.store.close()

    other_db = tmp_path / "other.db"
    with Store(other_db) as other:
        other.import_text(SECOND, title="Council budget")
    elsewhere = open_window(other_db)
    assert elsewhere.store.article(elsewhere.article_id).title == "Council budget"
    elsewhere.close()

    again = open_window(db_path)
    assert (again.article_id, again.claim_id) == (claims[5].article_id, claims[5].id)
    assert again.position_label.text().startswith("claim 6 of")


# -- 13: labels without stray ampersands, a title naming the app once -------------------------

def test_dialog_labels_never_show_a_literal_ampersand(window) -> None:  # noqa: ANN001
    from ui.paste_dialog import PasteArticleDialog
    from ui.preferences_dialog import PreferencesDialog
    from ui.source_dialog import SourceDialog

    dialogs = (PreferencesDialog("ana", True, "review.db", window), PasteArticleDialog(window.store, window),
               SourceDialog(window))
    for dialog in dialogs:
        for label in dialog.findChildren(QLabel):
            if "&" in label.text() and not label.textFormat() == Qt.TextFormat.RichText:
                assert label.buddy() is not None, f"{type(dialog).__name__}: {label.text()!r} shows its &"
        dialog.deleteLater()


def test_the_window_title_names_the_database_and_the_app_once(window) -> None:  # noqa: ANN001
    title = window.windowTitle()
    assert title == f"{Path(window.store.location).name} — factcheck"
    # Qt appends the application's display name unless the title already ends with it.
    assert title.endswith("factcheck") and title.count("factcheck") == 1 + Path(window.store.location).name.count(
        "factcheck")
