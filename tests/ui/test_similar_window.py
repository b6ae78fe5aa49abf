"""Similar past verdicts in the real window: shown for the claim on screen, reused with a click or Shift+R."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck.ops import SetVerdict
from factcheck.records import SourceInput
from factcheck.store import Store
from ui.models.similar_model import OUTLET, SOURCES, VERDICT

EARLIER = (
    "Officials in Lisbon said on Monday that the city's metro carried 180 million passengers in 2024, "
    "a record. The mayor said the new line will open in March 2026. Residents were pleased."
)
LATER = (
    "The city's metro carried 180 million passengers in 2024, a record, officials in Lisbon said on Friday. "
    "Tourism rose by 12 percent in 2024, the national statistics office said."
)
UNRELATED = "Iowa farmers planted corn across 13,000 acres during 2023, according to agriculture department figures."


@pytest.fixture
def window(open_window, db_path):  # noqa: ANN001, ANN201
    with Store(db_path, reviewer="ana") as store:
        earlier = store.import_text(EARLIER, title="Lisbon metro sets a record", outlet="Público").article_id
        store.import_text(LATER, title="Lisbon's record year", outlet="Reuters")
        store.import_text(UNRELATED, title="Iowa corn", outlet="AP")
        metro = next(c for c in store.claims(earlier, proposed_only=True) if "180 million" in c.text)
        store.run(SetVerdict(metro.id, verdict="verified", reviewer="bea", rationale="Metro annual report, p. 4.",
                             sources=(SourceInput("https://www.metrolisboa.pt/relatorio-2024", "Relatório 2024"),)))
    w = open_window(db_path)
    w.reviewed_metro_claim = metro.id
    return w


def open_claim(qtbot, window, title: str, words: str) -> int:  # noqa: ANN001
    article = next(a for a in window.store.articles() if a.title == title)
    claim = next(c for c in window.store.claims(article.id, proposed_only=True) if words in c.text)
    with qtbot.waitSignal(window.similar_panel.similarShown, timeout=10000):
        window.show_article(article.id, claim.id)
    window.article_view.setFocus()
    return claim.id


def test_the_similar_reviewed_claim_is_listed_and_reused_with_a_click(window, qtbot) -> None:  # noqa: ANN001
    claim_id = open_claim(qtbot, window, "Lisbon's record year", "180 million")
    panel = window.similar_panel
    assert panel.isVisible() and panel.model.rowCount() >= 1
    assert panel.best() == window.reviewed_metro_claim
    assert panel.model.index(0, VERDICT).data() == "✓ verified"
    assert panel.model.index(0, OUTLET).data() == "Público"
    assert panel.model.index(0, SOURCES).data() == "1"

    button = panel.view.indexWidget(panel.model.index(0, panel.model.columnCount() - 1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    claim = window.store.claim(claim_id)
    assert (claim.verdict, claim.rationale) == ("verified", "Metro annual report, p. 4.")
    assert [s.url for s in claim.sources] == ["https://www.metrolisboa.pt/relatorio-2024"]
    assert window.store.history(claim_id)[-1].reused_from == window.reviewed_metro_claim
    shown = window.review_panel.history_model.index(0, 3).data()
    assert f"reused from claim {window.reviewed_metro_claim}" in shown

    window.undo_stack.undo()
    assert window.store.claim(claim_id).verdict is None and window.store.claim(claim_id).sources == ()


def test_shift_r_reuses_the_best_and_nothing_similar_shows_nothing(window, qtbot) -> None:  # noqa: ANN001
    claim_id = open_claim(qtbot, window, "Lisbon's record year", "180 million")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert window.store.claim(claim_id).verdict == "verified"
    assert window.undo_action.text().startswith("&Undo")

    open_claim(qtbot, window, "Iowa corn", "corn")
    assert not window.similar_panel.isVisible()
    before = window.claim_id
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert window.store.claim(before).verdict is None
    assert "similar" in window.statusBar().currentMessage().lower()
