"""Articles imported without front-matter read well in the list, and their details can be corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from factcheck.store import Store
from ui.article_details_dialog import ArticleDetailsDialog
from ui.models.article_list_model import DATE, OUTLET, TITLE

BUZZFEED_LIKE = ("Ivanka Trump now has her own Secret Service protection, sources familiar with the matter tell "
                 "ABC News. Before now, she relied on her father's detail at events on Saturday.\n"
                 "The protection began last month, officials said.\n")


def fill_and_accept(qtbot, **fields: str) -> None:  # noqa: ANN001
    """Answer the dialog when it opens, as the reviewer would type into it."""

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ArticleDetailsDialog)
                      and w.isVisible())
        for name, value in fields.items():
            edit = getattr(dialog, name)
            edit.clear()
            qtbot.keyClicks(edit, value)
        dialog.accept()

    QTimer.singleShot(200, answer)


def test_a_file_without_front_matter_gets_its_first_sentence_as_title(open_window, db_path, tmp_path, qtbot) -> None:  # noqa: ANN001
    path = tmp_path / "ivanka.txt"
    path.write_text(BUZZFEED_LIKE)
    with Store(db_path) as s:
        s.import_file(path)
    window = open_window(db_path)
    view = window.article_list.view
    title = "Ivanka Trump now has her own Secret Service protection, sources familiar with the matter tell ABC News."
    index = window.article_list.model.index(0, TITLE)
    assert index.data() == title
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(title)
    assert view.isColumnHidden(OUTLET) and view.isColumnHidden(DATE)  # nobody filled them: titles get the room


def test_article_details_corrects_the_article_and_its_dates_and_undo_takes_it_back(open_window, db_path, tmp_path,
                                                                                  qtbot) -> None:  # noqa: ANN001
    path = tmp_path / "ivanka.txt"
    path.write_text(BUZZFEED_LIKE)
    with Store(db_path) as s:
        s.import_file(path)
    window = open_window(db_path)
    fill_and_accept(qtbot, title="Ivanka Trump gets her own Secret Service detail", outlet="ABC News",
                    published="2017-03-18")
    window.actions.article_details.trigger()
    record = window.store.article(window.article_id)
    assert (record.title, record.outlet, record.published) == (
        "Ivanka Trump gets her own Secret Service detail", "ABC News", "2017-03-18")
    assert window.article_list.model.index(0, TITLE).data() == "Ivanka Trump gets her own Secret Service detail"
    tip = window.article_list.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "ABC News · 2017-03-18" in tip
    dates = {d.text: d.value for c in window.store.claims(window.article_id) for d in c.dates}
    assert dates["Saturday"] == "2017-03-18" and dates["last month"] == "2017-02"
    assert window.undo_action.text() == "&Undo Edit article details"

    window.undo_stack.undo()
    assert window.store.article(window.article_id).outlet == ""
    dates = {d.text: d.value for c in window.store.claims(window.article_id) for d in c.dates}
    assert dates["Saturday"] is None
    assert window.statusBar().currentMessage().startswith("Undone: Edit article details")


def test_a_date_that_is_not_one_is_explained_in_the_dialog(open_window, db_path, tmp_path, qtbot) -> None:  # noqa: ANN001
    with Store(db_path) as s:
        s.import_text(BUZZFEED_LIKE)
    window = open_window(db_path)
    seen: list[str] = []

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ArticleDetailsDialog)
                      and w.isVisible())
        if dialog.error.isVisible():
            seen.append(dialog.error.text())
            dialog.reject()
            return
        dialog.published.setText("sometime in spring")
        dialog.accept()
        QTimer.singleShot(200, answer)

    QTimer.singleShot(200, answer)
    window.actions.article_details.trigger()
    assert seen and "not a date" in seen[0]
    assert window.store.article(window.article_id).published is None
