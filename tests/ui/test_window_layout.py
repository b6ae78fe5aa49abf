"""The window at the smallest common laptop size, the claim box that stays still, a progress
number that stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QStyleOptionViewItem

from factcheck.store import Store
from tests.conftest import SEED
from ui.models.article_list_model import DATE, OUTLET, PROGRESS, TITLE
from ui.progress_delegate import ProgressDelegate


@pytest.fixture
def seeded_window(open_window, db_path, qtbot):  # noqa: ANN001, ANN201
    with Store(db_path) as s:
        s.import_file(SEED)
    return open_window(db_path)


def settle(qtbot) -> None:  # noqa: ANN001
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_at_1024_by_700_every_button_reads_whole_and_nothing_scrolls_sideways(seeded_window, qtbot,
                                                                             tmp_path: Path) -> None:  # noqa: ANN001
    window = seeded_window
    window.resize(1024, 700)
    settle(qtbot)
    assert (window.width(), window.height()) == (1024, 700)
    panel = window.review_panel
    buttons = [*panel.verdict_buttons.buttons.values(), *panel.findChildren(QPushButton)]
    for button in buttons:
        if button.isVisibleTo(window):
            assert isinstance(button, QAbstractButton)
            assert button.width() >= button.sizeHint().width(), f"{button.text()!r} is cut"
    assert panel.mapTo(window, panel.rect().topRight()).x() <= window.width()
    assert panel._scroll.horizontalScrollBar().maximum() == 0 or not panel._scroll.horizontalScrollBar().isVisible()
    view = window.article_list.view
    assert view.isColumnHidden(OUTLET) and view.isColumnHidden(DATE)  # the titles get the room
    assert view.columnWidth(TITLE) >= view.fontMetrics().horizontalAdvance("Mexico's president")
    shot = window.grab()
    assert shot.size() == QSize(1024, 700)
    assert shot.save(str(tmp_path / "window-1024x700.png"))


def test_the_verdict_buttons_stay_put_from_claim_to_claim(seeded_window, qtbot) -> None:  # noqa: ANN001
    window = seeded_window
    settle(qtbot)
    claims = window.visible_claims()
    longest = max(claims, key=lambda c: len(c.text))
    shortest = min(claims, key=lambda c: len(c.text))
    places = set()
    for claim in (shortest, longest, shortest):
        window.show_claim(claim.id)
        settle(qtbot)
        places.add(window.review_panel.verdict_buttons.mapTo(window, window.review_panel.verdict_buttons.rect()
                                                              .topLeft()).y())
    assert len(places) == 1
    window.show_claim(claims[0].id)
    settle(qtbot)
    edit = window.review_panel.claim_edit
    assert not edit.verticalScrollBar().isVisible()  # the first claim reads whole on the first screen


@pytest.mark.parametrize("dark", [False, True])
def test_the_progress_number_never_sits_on_the_bar(seeded_window, dark: bool) -> None:  # noqa: ANN001
    view = seeded_window.article_list.view
    palette = QPalette(view.palette())
    if dark:
        for role, colour in ((QPalette.ColorRole.Base, "#202020"), (QPalette.ColorRole.Text, "#f0f0f0"),
                             (QPalette.ColorRole.Highlight, "#3daee9"), (QPalette.ColorRole.Window, "#2a2a2a")):
            palette.setColor(role, QColor(colour))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 110, 26)
    option.palette = palette
    option.fontMetrics = view.fontMetrics()
    option.widget = view
    delegate = view.itemDelegateForColumn(PROGRESS)
    assert isinstance(delegate, ProgressDelegate)
    text_rect, bar_rect = ProgressDelegate.parts(option, "10/10")
    assert not text_rect.intersects(bar_rect)
    index = view.model().index(0, PROGRESS)
    image = QImage(110, 26, QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    text = palette.color(QPalette.ColorRole.Text)
    inked = [image.pixelColor(x, y) for x in range(text_rect.left(), text_rect.right())
             for y in range(text_rect.top(), text_rect.bottom())]
    # The number is drawn in the palette's own text colour, so it contrasts as all text does.
    assert any(abs(c.lightness() - text.lightness()) < 40 for c in inked)
    assert view.model().index(0, PROGRESS).data(Qt.ItemDataRole.DisplayRole).endswith("/12")


@pytest.mark.parametrize("width", [1024, 1400, 1600])
def test_the_article_columns_stay_as_they_are_through_verdicts(seeded_window, qtbot, width: int) -> None:  # noqa: ANN001
    window = seeded_window
    window.resize(width, 760)
    settle(qtbot)
    view = window.article_list.view
    shown = [view.isColumnHidden(c) for c in (OUTLET, DATE)], view.columnWidth(PROGRESS)
    for _ in range(3):
        window.actions.verified.trigger()
        settle(qtbot)
        assert ([view.isColumnHidden(c) for c in (OUTLET, DATE)], view.columnWidth(PROGRESS)) == shown
    assert view.columnWidth(TITLE) >= view.fontMetrics().horizontalAdvance("Mexico's president")
