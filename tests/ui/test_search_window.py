"""Search in the real window: Ctrl+F, typing, the results, opening one, J/K through them, Esc back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from factcheck.ops import SetVerdict
from factcheck.store import Store
from tests.conftest import SEED
from ui.models.search_result_model import SNIPPET, SnippetRole
from ui.search_flow import ARTICLES_TAB, SEARCH_TAB

SECOND_ARTICLE = (
    "Officials in Washington said on Tuesday that the administration designated eight cartels as "
    "terrorist groups in 2025, a first. The Treasury said 40 accounts of the cartels were frozen in March. "
    "Residents were pleased."
)


@pytest.fixture
def window(open_window, db_path, qtbot, monkeypatch):  # noqa: ANN001, ANN201
    def no_dialogs(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a search never opens a message box")

    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, no_dialogs)
    with Store(db_path, reviewer="ana") as store:
        store.import_file(SEED)
        store.import_text(SECOND_ARTICLE, title="Cartels named terrorist groups", outlet="Reuters")
        first = store.claims(1, proposed_only=True)
        store.run(SetVerdict(first[0].id, verdict="verified", reviewer="ana"))
    return open_window(db_path)


def press(qtbot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def search(qtbot, window, query: str):  # noqa: ANN001, ANN201
    """Ctrl+F, type the query as a reviewer would, wait for the results to be shown."""
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search.panel
    assert QApplication.focusWidget() is panel.query_edit
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        qtbot.keyClicks(panel.query_edit, query)
    return panel


def test_ctrl_f_searches_as_you_type_and_counts_the_verdicts(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "cartels")
    assert window.left_tabs.currentIndex() == SEARCH_TAB
    ids = window.store.search_ids("cartels")
    assert ids and panel.model.total == len(ids)
    assert [panel.model.claim_id_at(r) for r in range(len(ids))] == ids
    articles = {window.store.claim(i).article_id for i in ids}
    assert len(articles) == 2  # both articles mention cartels
    counts = window.store.verdict_counts("cartels")
    assert panel.counts_label.text().startswith(f"{len(ids)} result")
    assert f"○ {counts['unreviewed']} unreviewed" in panel.counts_label.text()
    snippet = panel.model.index(0, SNIPPET).data(SnippetRole)
    assert "⟦" in snippet and "cartels" in panel.model.index(0, SNIPPET).data().lower()


def test_a_result_opens_in_its_article_and_j_walks_the_results(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "cartels")
    ids = [panel.model.claim_id_at(r) for r in range(panel.model.total)]
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.view
    press(qtbot, Qt.Key.Key_Return)
    assert window.claim_id == ids[0]
    assert window.article_id == window.store.claim(ids[0]).article_id
    assert window.position_label.text().startswith(f"result 1 of {len(ids)}")
    assert window.article_view.isAncestorOf(QApplication.focusWidget())
    for step in range(1, len(ids)):
        press(qtbot, Qt.Key.Key_J)
        assert window.claim_id == ids[step]
        assert window.article_id == window.store.claim(ids[step]).article_id
        assert window.position_label.text().startswith(f"result {step + 1} of {len(ids)}")
        assert panel.current_row() == step
    press(qtbot, Qt.Key.Key_K)
    assert window.claim_id == ids[-2]


def test_a_result_picked_by_hand_in_the_article_moves_the_queue_there(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "cartels")
    ids = [panel.model.claim_id_at(r) for r in range(panel.model.total)]
    assert len(ids) >= 3
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    same_article = [i for i in ids[1:] if window.store.claim(i).article_id == window.article_id]
    assert same_article, "the test needs a later result in the first result's article"
    picked = same_article[-1]
    window.claims_panel.claimActivated.emit(picked)  # as a click on its row does
    assert window.claim_id == picked
    assert window.position_label.text().startswith(f"result {ids.index(picked) + 1} of {len(ids)}")
    if ids.index(picked) + 1 < len(ids):
        press(qtbot, Qt.Key.Key_J)
        assert window.claim_id == ids[ids.index(picked) + 1]


def test_esc_returns_to_the_results_and_esc_there_ends_the_search(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "cartels")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    opened = window.claim_id
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is panel.view
    assert panel.current_row() == 1 and panel.query_edit.text() == "cartels"
    assert window.search.active and window.claim_id == opened

    press(qtbot, Qt.Key.Key_Escape)  # in the panel: the search is over
    assert not window.search.active
    assert window.left_tabs.currentIndex() == ARTICLES_TAB
    assert "result" not in window.position_label.text()
    visible = [c.id for c in window.visible_claims()]
    press(qtbot, Qt.Key.Key_J)  # per article again
    assert window.claim_id == visible[visible.index(opened) + 1]


def test_a_verdict_in_a_search_moves_to_the_next_result(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "is:unreviewed cartels")
    first, second = panel.model.claim_id_at(0), panel.model.claim_id_at(1)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert window.claim_id == first and window.search.active
    press(qtbot, Qt.Key.Key_D)
    assert window.store.claim(first).verdict == "disputed"
    assert window.claim_id == second
    assert window.position_label.text().startswith("result 2 of")
    assert panel.model.index(0, 1).data() == "✗ disputed"  # its row stays, with the new mark


def test_a_malformed_query_is_explained_under_the_box(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, 'troops "never closed')
    assert panel.error_label.isVisible()
    text = panel.error_label.text()
    assert "never closed" in text
    caret_line = text.split("<br>")[-1]
    assert caret_line.count("&nbsp;") == len("troops ") and caret_line.endswith("^</span>")
    assert panel.query_edit.styleSheet()  # the box is marked
    assert panel.model.total == 0
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_QuoteDbl)
    assert not panel.error_label.isVisible() and not panel.query_edit.styleSheet()


def test_an_older_answer_never_replaces_a_newer_query(window, qtbot) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "Sheinbaum")
    panel.query_edit.setText("cartels")
    panel.search_now()
    panel.query_edit.setText("Sheinbaum")
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.search_now()
    QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()
    assert panel.model.query == "Sheinbaum"
    assert panel.model.total == len(window.store.search_ids("Sheinbaum"))


def test_saved_searches_are_kept_run_with_a_click_and_undone(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    window.article_view.setFocus()
    panel = search(qtbot, window, "is:unreviewed outlet:Reuters")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Reuters queue", True))
    qtbot.mouseClick(panel.saved.save_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in window.store.saved_searches()] == ["Reuters queue"]
    assert panel.saved.model.rowCount() == 1

    panel.query_edit.clear()
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.search_now()
    index = panel.saved.model.index(0, 0)
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        qtbot.mouseClick(panel.saved.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.saved.view.visualRect(index).center())
    assert panel.query_edit.text() == "is:unreviewed outlet:Reuters"
    assert panel.model.total == len(window.store.search_ids("is:unreviewed outlet:Reuters")) > 0

    window.undo_stack.undo()
    assert window.store.saved_searches() == [] and panel.saved.model.rowCount() == 0
    window.undo_stack.redo()
    assert panel.saved.model.rowCount() == 1
    panel.saved.view.setCurrentIndex(panel.saved.model.index(0, 0))
    qtbot.mouseClick(panel.saved.delete_button, Qt.MouseButton.LeftButton)
    assert window.store.saved_searches() == []
    assert window.undo_action.text().startswith("&Undo")


def test_the_search_tab_is_there_from_the_start_and_leaving_it_ends_the_queue(window, qtbot) -> None:  # noqa: ANN001
    assert window.left_tabs.count() == 2 and window.left_tabs.tabText(SEARCH_TAB) == "Search"
    window.left_tabs.setCurrentIndex(SEARCH_TAB)
    panel = window.search.panel
    assert QApplication.focusWidget() is panel.query_edit
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        qtbot.keyClicks(panel.query_edit, "cartels")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert window.search.active
    window.left_tabs.setCurrentIndex(ARTICLES_TAB)
    assert not window.search.active and not window.actions.search_back.isEnabled()


def test_the_search_widens_the_left_side_and_closing_it_gives_the_room_back(window, qtbot) -> None:  # noqa: ANN001
    before = window.main_split.sizes()
    window.article_view.setFocus()
    search(qtbot, window, "cartels")
    assert window.main_split.sizes()[0] > before[0]
    press(qtbot, Qt.Key.Key_Escape)
    assert window.main_split.sizes() == before
