"""Item models and the two list panels, on a real database holding the seed article."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from factcheck.ops import AddClaim, SetDismissed, SetProposed, SetVerdict
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.conftest import SEED
from ui.article_list_panel import EMPTY_MESSAGE, ArticleListPanel
from ui.claims_panel import ClaimsPanel
from ui.models.article_list_model import (
    DATE,
    OUTLET,
    PROGRESS,
    TITLE,
    ArticleIdRole,
    ArticleListModel,
    ProgressRole,
)
from ui.models.claim_table_model import (
    SCORE,
    SOURCES,
    TEXT,
    VERDICT,
    ClaimIdRole,
    ClaimTableModel,
)
from ui.models.history_model import HistoryModel
from ui.models.source_table_model import SourceIdRole, SourceTableModel

SECOND_ARTICLE = (
    "Officials in Lisbon said on Monday that the city's metro carried 180 million passengers in 2024, "
    "a record. The mayor said the new line will open in March 2026. Residents were pleased."
)


def seed_id(store: Store) -> int:
    return store.articles()[0].id


def finish(store: Store, article_id: int) -> None:
    for claim in store.claims(article_id, proposed_only=True):
        store.run(SetVerdict(claim.id, verdict="verified", reviewer="ana"))


def shown_ids(model: ArticleListModel) -> list[int]:
    return [model.index(row, 0).data(ArticleIdRole) for row in range(model.rowCount())]


@pytest.fixture
def two_articles(seeded: Store) -> Store:
    seeded.import_text(SECOND_ARTICLE, title="Lisbon metro sets a record", outlet="Público")
    return seeded


# -- model checks -------------------------------------------------------------------------


def test_article_list_model_passes_modeltester(qtmodeltester, two_articles: Store) -> None:
    model = ArticleListModel(two_articles)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.headerData(PROGRESS, Qt.Orientation.Horizontal) == "Progress"


def test_article_list_model_passes_modeltester_when_empty(qtmodeltester, store: Store) -> None:
    qtmodeltester.check(ArticleListModel(store))


def test_article_list_model_passes_modeltester_while_filtered(qtmodeltester, two_articles: Store) -> None:
    model = ArticleListModel(two_articles)
    model.set_filter("lisbon")
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_claim_table_model_passes_modeltester(qtmodeltester, seeded: Store) -> None:
    model = ClaimTableModel(seeded)
    model.set_article(seed_id(seeded), show_all=False)
    qtmodeltester.check(model)
    model.set_article(seed_id(seeded), show_all=True)
    qtmodeltester.check(model)
    assert model.rowCount() == len(seeded.claims(seed_id(seeded)))


def test_source_table_model_passes_modeltester(qtmodeltester, seeded: Store) -> None:
    claim = seeded.claims(seed_id(seeded), proposed_only=True)[0]
    seeded.run(SetVerdict(claim.id, verdict="verified", reviewer="ana", sources=(
        SourceInput("https://apnews.com/a", "AP story", "AP", "Sheinbaum said\non Saturday", "2025-05-04"),
        SourceInput("https://example.org/b", "Second source"),
    )))
    model = SourceTableModel()
    model.set_sources(seeded.claim(claim.id).sources)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 3).data() == "Sheinbaum said on Saturday"
    assert model.index(0, 0).data(SourceIdRole) == model.source_at(0).id


def test_history_model_passes_modeltester(qtmodeltester, seeded: Store) -> None:
    claim = seeded.claims(seed_id(seeded), proposed_only=True)[0]
    seeded.run(SetVerdict(claim.id, verdict="unclear", reviewer="ana", rationale="Needs a second source"))
    seeded.run(SetVerdict(claim.id, verdict="disputed", reviewer="ben"))
    model = HistoryModel()
    model.set_history(seeded.history(claim.id))
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(2)] == ["ana", "ben"]
    assert model.index(0, 2).data() == "? unclear"
    assert model.index(1, 2).data() == "✗ disputed"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", model.index(0, 0).data())


# -- behaviour ----------------------------------------------------------------------------


def test_article_cells_and_progress_role(seeded: Store) -> None:
    model = ArticleListModel(seeded)
    article = seeded.articles()[0]
    assert model.index(0, TITLE).data() == article.title
    assert model.index(0, OUTLET).data() == "AP"
    assert model.index(0, DATE).data() == "2025-05-03"
    assert article.claims > 0
    assert model.index(0, PROGRESS).data(ProgressRole) == (0, article.claims)

    first = seeded.claims(article.id, proposed_only=True)[0]
    changes = seeded.run(SetVerdict(first.id, verdict="disputed", reviewer="ana"))
    model.refresh_articles(changes.articles)
    assert model.index(0, PROGRESS).data(ProgressRole) == (1, article.claims)
    assert model.index(0, PROGRESS).data() == f"1/{article.claims}"


def test_refresh_articles_emits_data_changed_for_that_row(qtbot, two_articles: Store) -> None:
    model = ArticleListModel(two_articles)
    second = two_articles.articles()[1]
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_articles({second.id})
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (model.row_of(second.id),) * 2
    assert model.index(model.row_of(second.id), TITLE).data() == second.title


def test_refresh_articles_appends_a_new_article(seeded: Store) -> None:
    model = ArticleListModel(seeded)
    result = seeded.import_text(SECOND_ARTICLE, title="Lisbon metro")
    model.refresh_articles({result.article_id})
    assert model.rowCount() == 2
    assert model.row_of(result.article_id) == 1


def test_filter_narrows_the_list_case_insensitively(two_articles: Store) -> None:
    model = ArticleListModel(two_articles)
    lisbon = two_articles.articles()[1].id
    model.set_filter("LISBON")
    assert shown_ids(model) == [lisbon]
    model.set_filter("público")  # the outlet
    assert shown_ids(model) == [lisbon]
    model.set_filter("no such words")
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 2


def test_finished_articles_move_after_unfinished_ones(two_articles: Store) -> None:
    model = ArticleListModel(two_articles)
    first, second = (a.id for a in two_articles.articles())
    assert shown_ids(model) == [first, second]

    finish(two_articles, first)
    model.refresh_articles({first})
    reviewed, claims = model.index(model.row_of(first), 0).data(ProgressRole)
    assert claims > 0 and reviewed == claims
    assert shown_ids(model) == [second, first]

    model.set_unfinished_first(False)
    assert shown_ids(model) == [first, second]
    model.set_unfinished_first(True)
    assert shown_ids(model) == [second, first]


def test_refresh_claims_updates_the_verdict_cell(qtbot, seeded: Store) -> None:
    model = ClaimTableModel(seeded)
    model.set_article(seed_id(seeded))
    claim = model.claim_at(2)
    assert model.index(2, VERDICT).data() == "○ unreviewed"
    changes = seeded.run(SetVerdict(claim.id, verdict="disputed", reviewer="ana", sources=(
        SourceInput("https://apnews.com/x"),)))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_claims(changes.claims)
    assert blocker.args[0].row() == 2
    assert model.index(2, VERDICT).data() == "✗ disputed"
    assert model.index(2, SOURCES).data() == "1"
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#ffc9c9"
    assert model.row_of(claim.id) == 2 and model.index(2, 0).data(ClaimIdRole) == claim.id


def test_claim_cells(seeded: Store) -> None:
    model = ClaimTableModel(seeded)
    model.set_article(seed_id(seeded))
    claim = model.claim_at(0)
    assert model.index(0, 0).data() == "1"
    assert model.index(0, SCORE).data() == f"{claim.score:.2f}"
    assert model.index(0, TEXT).data(Qt.ItemDataRole.ToolTipRole).startswith(claim.text)
    assert "\n" not in model.index(0, TEXT).data()


def test_refresh_claims_reloads_when_rows_come_and_go(seeded: Store) -> None:
    article_id = seed_id(seeded)
    model = ClaimTableModel(seeded)
    model.set_article(article_id)
    proposed = model.rowCount()

    dismissed = model.claim_at(0)
    model.refresh_claims(seeded.run(SetDismissed(dismissed.id)).claims)
    assert model.rowCount() == proposed
    assert model.index(0, VERDICT).data() == "– dismissed"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None

    plain = next(c for c in seeded.claims(article_id) if not c.proposed)
    model.refresh_claims(seeded.run(SetProposed(plain.id)).claims)
    assert model.rowCount() == proposed + 1 and model.row_of(plain.id) is not None

    model.refresh_claims(seeded.run(SetProposed(plain.id, proposed=False)).claims)
    assert model.rowCount() == proposed and model.row_of(plain.id) is None

    add = AddClaim(article_id, text="The border wall cost $15 billion.")
    model.refresh_claims(seeded.run(add).claims)
    assert model.row_of(add.claim_id) is not None


def test_empty_state_shows_until_articles_are_imported(qtbot, store: Store) -> None:
    panel = ArticleListPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == EMPTY_MESSAGE
    assert not panel.view.isVisible()

    store.import_file(SEED)
    panel.model.reload()
    assert not panel.empty_label.isVisible()
    assert panel.view.isVisible() and panel.filter_edit.isVisible()


def test_article_panel_emits_on_keys_and_not_on_select(qtbot, two_articles: Store) -> None:
    panel = ArticleListPanel(two_articles)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    first, second = (a.id for a in two_articles.articles())

    with qtbot.assertNotEmitted(panel.articleActivated):
        assert panel.select_article(first)
    assert panel.current_article_id() == first
    assert panel.view.currentIndex().data(ArticleIdRole) == first

    # Finishing the selected article re-sorts the list; the selection follows it, quietly.
    finish(two_articles, first)
    with qtbot.assertNotEmitted(panel.articleActivated):
        panel.model.refresh_articles({first})
    assert shown_ids(panel.model) == [second, first]
    assert panel.view.currentIndex().data(ArticleIdRole) == first

    panel.view.setFocus()
    with qtbot.waitSignal(panel.articleActivated) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    assert blocker.args == [second]

    # A filter that hides the shown article clears the highlight instead of jumping elsewhere.
    with qtbot.assertNotEmitted(panel.articleActivated):
        panel.filter_edit.setText("Mexico")
    assert shown_ids(panel.model) == [first]
    assert not panel.view.selectionModel().hasSelection()
    with qtbot.assertNotEmitted(panel.articleActivated):
        panel.filter_edit.clear()
    assert panel.view.currentIndex().data(ArticleIdRole) == second


def test_claims_panel_emits_on_click_and_not_on_select(qtbot, seeded: Store) -> None:
    panel = ClaimsPanel(seeded)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.set_article(seed_id(seeded))
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model

    target = model.claim_at(3).id
    with qtbot.assertNotEmitted(panel.claimActivated):
        assert panel.select_claim(target)
    assert panel.view.currentIndex().row() == 3

    rect = panel.view.visualRect(model.index(1, TEXT))
    with qtbot.waitSignal(panel.claimActivated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [model.claim_at(1).id]
    assert panel.current_claim_id() == model.claim_at(1).id
    assert not panel.select_claim(-1)


def test_claim_model_is_flat(seeded: Store) -> None:
    """Table models are flat: no index has children."""
    model = ClaimTableModel(seeded)
    model.set_article(seed_id(seeded))
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.index(0, 0, model.index(0, 0)).isValid()
    assert model.index(0, 0).parent() == QModelIndex()


def _as_painted(view, index: QModelIndex) -> QStyleOptionViewItem:
    """What the view's delegate reads for a cell before painting it: the roles it asks the model
    for in one multiData call (text, colours, alignment), as the cell is drawn."""
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option


def test_tables_paint_what_their_models_hold(qtbot, two_articles: Store) -> None:
    """The claims table and the article list answer a painted cell's roles in one call: each cell
    as drawn shows the text, verdict colour and alignment data() gives, dismissed claims greyed,
    and nothing carries over from the cell painted before it (the view reuses what it asks with)."""
    article_id = seed_id(two_articles)
    two_articles.run(SetVerdict(two_articles.claims(article_id, proposed_only=True)[1].id, verdict="disputed",
                                reviewer="ana"))
    two_articles.run(SetDismissed(two_articles.claims(article_id, proposed_only=True)[2].id))
    claims = ClaimsPanel(two_articles)
    qtbot.addWidget(claims)
    claims.set_article(article_id)
    articles = ArticleListPanel(two_articles)
    qtbot.addWidget(articles)
    left = QStyleOptionViewItem().displayAlignment  # what a cell starts with, unless the model says
    for view in (claims.view, articles.view):
        model = view.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                painted = _as_painted(view, index)
                assert painted.text == (index.data() or ""), (row, column)
                aligned = index.data(Qt.ItemDataRole.TextAlignmentRole)
                assert painted.displayAlignment == (aligned if aligned is not None else left), (row, column)
                colour = index.data(Qt.ItemDataRole.BackgroundRole)
                brush = painted.backgroundBrush
                assert (brush.color() == colour) if colour is not None else brush.style() == Qt.BrushStyle.NoBrush
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert _as_painted(claims.view, claims.model.index(0, SCORE)).displayAlignment == right
    assert _as_painted(articles.view, articles.model.index(0, DATE)).displayAlignment == Qt.AlignmentFlag.AlignCenter
    disputed = _as_painted(claims.view, claims.model.index(1, TEXT))
    assert disputed.backgroundBrush.color().name() == "#ffc9c9"
    dismissed = _as_painted(claims.view, claims.model.index(2, TEXT))
    greyed = claims.model.index(2, TEXT).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(greyed, QColor) and dismissed.palette.color(QPalette.ColorRole.Text) == greyed


def test_painted_cells_follow_a_verdict_and_the_palette(qtbot, qapp, seeded: Store) -> None:
    """A row is drawn again with its new verdict once the claim changes, and verdict colours follow
    the system palette from light to dark (the table keeps what it drew for the next repaint)."""
    article_id = seed_id(seeded)
    panel = ClaimsPanel(seeded)
    qtbot.addWidget(panel)
    panel.set_article(article_id)
    model = panel.model
    claim = model.claim_at(1)
    assert _as_painted(panel.view, model.index(1, VERDICT)).text == "○ unreviewed"
    assert _as_painted(panel.view, model.index(1, TEXT)).backgroundBrush.color().name() == "#fff3b0"
    panel.on_changes(seeded.run(SetVerdict(claim.id, verdict="verified", reviewer="ana")))
    assert _as_painted(panel.view, model.index(1, VERDICT)).text == "✓ verified"
    assert _as_painted(panel.view, model.index(1, TEXT)).backgroundBrush.color().name() == "#c8efc8"
    original = qapp.palette()
    dark = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#1e1e1e"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()  # Qt posts the palette change to each widget
        assert _as_painted(panel.view, model.index(1, TEXT)).backgroundBrush.color().name() == "#1f5a2a"
        assert _as_painted(panel.view, model.index(0, TEXT)).backgroundBrush.color().name() == "#5c5210"
    finally:
        qapp.setPalette(original)
        qapp.processEvents()
    assert _as_painted(panel.view, model.index(1, TEXT)).backgroundBrush.color().name() == "#c8efc8"


def test_a_new_article_is_laid_out_before_its_first_paint(qtbot, two_articles: Store) -> None:
    """Going between an article whose claims overflow the table and one whose claims fit, the
    scroll bar comes or goes and the claim column fills the rest before the table is first
    painted, and nothing is laid out or painted again afterwards (no flicker, no wasted paint)."""
    long_id, short_id = (a.id for a in two_articles.articles())
    panel = ClaimsPanel(two_articles)
    qtbot.addWidget(panel)
    panel.resize(700, 140)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    paints = []

    class CountPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                paints.append(view.viewport().width())
            return False

    counter = CountPaints()
    view.viewport().installEventFilter(counter)

    def laid_out() -> tuple[bool, int, int]:
        return view.verticalScrollBar().isVisible(), view.horizontalHeader().length(), view.viewport().width()

    row_height = view.verticalHeader().defaultSectionSize()
    assert len(two_articles.claims(long_id, proposed_only=True)) * row_height > view.viewport().height()
    for article_id, scrolls in ((long_id, True), (short_id, False), (long_id, True)):
        panel.set_article(article_id, claims=two_articles.claims(article_id))
        bar, columns, width = laid_out()
        assert bar is scrolls and columns == width, article_id
        paints.clear()
        qtbot.wait(50)  # Qt's deferred passes: the scroll bar, the header, the table's own timers
        assert laid_out() == (bar, columns, width)
        assert paints == [width]
