"""The reading pane on the real seed article: highlights, the current claim, selection offsets, dates."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from factcheck import ops
from factcheck.records import ArticleText, ClaimRecord
from factcheck.store import Store
from ui import theme
from ui.article_view import CLAIM_ID_PROPERTY, DATE_PROPERTY, ArticleView, describe_date
from ui.text_positions import QtTextPositions

EMOJI_ARTICLE = (
    "🇲🇽🙂 Mexico City - President Claudia Sheinbaum said on Saturday that the government spent "
    "$4.5 billion on security in 2024, according to the finance ministry.\n"
    "Officials said 😀 unemployment fell to 2.6% in March 2025, the lowest rate since 2005.\n"
)


def utf16(text: str, offset: int) -> int:
    """An independent reckoning of a Qt position: UTF-16 units before a Python offset."""
    return len(text[:offset].encode("utf-16-le")) // 2


def open_claims(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    return [c for c in claims if c.proposed and not c.dismissed]


class Highlight(NamedTuple):
    claim_id: int
    cursor: QTextCursor
    format: QTextCharFormat


class Shown(NamedTuple):
    """One highlight as the reader sees it: the text it covers and its format."""

    cursor: QTextCursor
    format: QTextCharFormat


def shown(view: ArticleView) -> list[Shown]:
    """Every highlight on screen, in the order laid on (the current claim's emphasised)."""
    found = []
    for start, end, fmt in view.highlights():
        cursor = QTextCursor(view.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        found.append(Shown(cursor, QTextCharFormat(fmt)))
    return found


def claim_selections(view: ArticleView) -> list[Highlight]:
    return [Highlight(s.format.property(CLAIM_ID_PROPERTY), s.cursor, s.format)
            for s in shown(view) if s.format.hasProperty(CLAIM_ID_PROPERTY)]


def date_formats(view: ArticleView) -> list[QTextCharFormat]:
    return [s.format for s in shown(view) if s.format.hasProperty(DATE_PROPERTY)]


def selection_for(view: ArticleView, claim_id: int) -> Highlight:
    return next(h for h in claim_selections(view) if h.claim_id == claim_id)


@pytest.fixture
def article(seeded: Store) -> ArticleText:
    text = seeded.article_text(seeded.articles()[0].id)
    assert text is not None
    return text


@pytest.fixture
def view(qtbot, seeded: Store, article: ArticleText) -> ArticleView:  # noqa: ANN001
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_article(article.body, seeded.claims(article.article.id), article.dates)
    return widget


def test_without_an_article_the_pane_says_what_to_do(qtbot) -> None:  # noqa: ANN001
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.empty_hint.isVisible()
    assert not widget.text_view.isVisible()
    assert widget.selected_span() is None


def test_the_body_is_shown_exactly_as_imported(view: ArticleView, article: ArticleText) -> None:
    assert view.text_view.toPlainText() == article.body


def test_one_highlight_per_open_proposed_claim(view: ArticleView, seeded: Store, article: ArticleText) -> None:
    claims = seeded.claims(article.article.id)
    expected = open_claims(claims)
    assert expected, "the seed article proposes claims"
    selections = claim_selections(view)
    assert sorted(h.claim_id for h in selections) == sorted(c.id for c in expected)
    for claim in expected:
        cursor = selection_for(view, claim.id).cursor
        assert (cursor.selectionStart(), cursor.selectionEnd()) == (claim.start, claim.end)
        assert cursor.selectedText() == article.body[claim.start:claim.end]


def test_verdicts_differ_by_underline_as_well_as_colour(view: ArticleView, seeded: Store,
                                                        article: ArticleText) -> None:
    first, second = open_claims(seeded.claims(article.article.id))[:2]
    seeded.run(ops.SetVerdict(first.id, verdict="disputed", reviewer="ana"))
    seeded.run(ops.SetVerdict(second.id, verdict="verified", reviewer="ana"))
    scroll = view.text_view.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    view.update_claims(seeded.claims(article.article.id))

    disputed, verified = selection_for(view, first.id).format, selection_for(view, second.id).format
    assert disputed.background().color() == theme.background("disputed")
    assert disputed.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert verified.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert scroll.value() == scroll.maximum(), "re-highlighting keeps the reader's place"


def painted(view: ArticleView) -> list[tuple]:
    """What the reader sees of every highlight: where it is, its colour, its underline, its kind."""
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name(),
             s.format.background().style(), s.format.underlineStyle(), s.format.property(CLAIM_ID_PROPERTY),
             s.format.hasProperty(DATE_PROPERTY)) for s in shown(view)]


def test_a_verdict_repaints_like_opening_the_article_afresh(qtbot, view: ArticleView, seeded: Store,  # noqa: ANN001
                                                            article: ArticleText) -> None:
    """Only the judged claims are repainted after a verdict; the result must be what a full
    rebuild shows, dates inside a judged claim included (they take the claim's new colour)."""
    claims = open_claims(seeded.claims(article.article.id))
    with_date = next(c for c in claims if any(c.start <= d.start < c.end for d in article.dates))
    view.set_current(claims[-1].id)
    seeded.run(ops.SetVerdict(with_date.id, verdict="disputed", reviewer="ana"))
    other = next(c for c in claims if c.id != with_date.id)
    seeded.run(ops.SetVerdict(other.id, verdict="unclear", reviewer="ana"))
    view.update_claims(seeded.claims(article.article.id))

    fresh = ArticleView()
    qtbot.addWidget(fresh)
    fresh.set_article(article.body, seeded.claims(article.article.id), article.dates)
    fresh.set_current(claims[-1].id)
    assert painted(view) == painted(fresh)
    date = next(d for d in article.dates if with_date.start <= d.start < with_date.end)
    date_inside = next(s.format for s in shown(view)
                       if s.format.hasProperty(DATE_PROPERTY) and s.cursor.selectionStart() == date.start)
    assert date_inside.background().color() == theme.background("disputed")


def test_dismissed_and_unproposed_sentences_appear_only_with_show_all(view: ArticleView, seeded: Store,
                                                                      article: ArticleText) -> None:
    claims = seeded.claims(article.article.id)
    victim = open_claims(claims)[0]
    seeded.run(ops.SetDismissed(victim.id, dismissed=True))
    claims = seeded.claims(article.article.id)
    view.update_claims(claims)
    assert victim.id not in {h.claim_id for h in claim_selections(view)}

    view.set_show_all(True)
    shown = claim_selections(view)
    assert len(shown) == len([c for c in claims if c.start is not None])
    quiet = selection_for(view, victim.id).format
    assert quiet.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert not quiet.hasProperty(QTextCharFormat.Property.BackgroundBrush)

    view.set_show_all(False)
    assert len(claim_selections(view)) == len(open_claims(claims))


def test_the_current_claim_is_emphasised_and_scrolled_into_view(view: ArticleView, seeded: Store,
                                                                article: ArticleText) -> None:
    last = open_claims(seeded.claims(article.article.id))[-1]
    plain = selection_for(view, last.id).format.background().color()
    view.set_current(last.id)

    assert view.current_claim_id() == last.id
    assert selection_for(view, last.id).format.background().color() != plain
    assert view.text_view.marked_range == (last.start, last.end)
    cursor = view.text_view.textCursor()
    cursor.setPosition(last.start)
    assert view.text_view.viewport().rect().contains(view.text_view.cursorRect(cursor))


def test_selected_span_gives_exact_body_offsets(view: ArticleView, seeded: Store, article: ArticleText) -> None:
    claim = open_claims(seeded.claims(article.article.id))[1]
    cursor = view.text_view.textCursor()
    cursor.setPosition(claim.start + 4)
    cursor.setPosition(claim.end - 1, cursor.MoveMode.KeepAnchor)
    view.text_view.setTextCursor(cursor)
    assert view.selected_span() == (claim.start + 4, claim.end - 1)
    start, end = view.selected_span()  # type: ignore[misc]
    assert article.body[start:end] == claim.text[4:-1]


def test_offsets_survive_emoji_before_a_claim(qtbot, store: Store) -> None:  # noqa: ANN001
    result = store.import_text(EMOJI_ARTICLE, title="Emoji test")
    text = store.article_text(result.article_id)
    assert text is not None and "😀" in text.body
    claims = [c for c in store.claims(result.article_id) if c.start is not None]
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.set_article(text.body, claims, text.dates)
    widget.set_show_all(True)

    for claim in claims:  # every highlight covers exactly its claim, emoji before it or not
        selection = selection_for(widget, claim.id)
        assert selection.cursor.selectionStart() == utf16(text.body, claim.start)
        assert selection.cursor.selectedText() == text.body[claim.start:claim.end]

    after_emoji = text.body.index("unemployment")
    cursor = widget.text_view.textCursor()
    cursor.setPosition(utf16(text.body, after_emoji))
    cursor.setPosition(utf16(text.body, after_emoji + len("unemployment")), cursor.MoveMode.KeepAnchor)
    widget.text_view.setTextCursor(cursor)
    start, end = widget.selected_span()  # type: ignore[misc]
    assert (start, end) == (after_emoji, after_emoji + len("unemployment"))
    assert text.body[start:end] == "unemployment"


@pytest.mark.parametrize("body", ["plain", "a😀b🇲🇽c", "one\r\ntwo\r\n\r\nthree", "x\ry\n😀\r\nz"])
def test_positions_match_what_qt_counts(body: str) -> None:
    document = QTextDocument()
    document.setPlainText(body)
    positions = QtTextPositions(body)
    assert positions.qt_length == document.characterCount() - 1
    for offset, char in enumerate(body):
        if char == "\r" and body[offset + 1:offset + 2] == "\n":
            continue  # folded into the paragraph break that "\n" stands for
        qt = positions.to_qt(offset)
        assert positions.to_python(qt) == offset
        if char not in "\r\n" and ord(char) < 0x10000:
            assert document.characterAt(qt) == char


# The offscreen platform cannot raise the tooltip window; that notice is not a defect.
@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)",
                           r"This plugin does not support propagateSizeHints\(\)")
def test_hovering_a_date_explains_how_it_was_read(view: ArticleView, article: ArticleText) -> None:
    assert article.dates, "the seed article mentions dates"
    for date in article.dates:
        assert view.tooltip_at(date.start) == describe_date(date)
        assert view.tooltip_at(date.end - 1) == describe_date(date)
    first = article.dates[0]
    assert describe_date(first) == f"{first.text} → {first.value} ({first.granularity})"
    dates = date_formats(view)
    assert len(dates) == len(article.dates)
    assert all(f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine for f in dates)

    # The point under the mouse maps to the date's character, as a real tooltip event would.
    cursor = view.text_view.textCursor()
    cursor.setPosition(first.start + 1)
    view.text_view.setTextCursor(cursor)
    point = view.text_view.cursorRect(cursor).center() + QPoint(2, 0)
    assert view.tooltip_at(view.offset_at(point)) == describe_date(first)
    viewport = view.text_view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert QToolTip.text() == describe_date(first)
    QToolTip.hideText()


def test_an_unresolved_date_says_so() -> None:
    from factcheck.records import DateRecord

    assert describe_date(DateRecord(0, 7, "someday", None, "day")) == "someday → unresolved"


def test_clicking_a_claim_reports_it(qtbot, view: ArticleView, seeded: Store,  # noqa: ANN001
                                     article: ArticleText) -> None:
    claim = open_claims(seeded.claims(article.article.id))[0]
    cursor = view.text_view.textCursor()
    cursor.setPosition(claim.start + 3)
    point = view.text_view.cursorRect(cursor).center() + QPoint(2, 0)
    with qtbot.waitSignal(view.claimClicked) as clicked:
        qtbot.mouseClick(view.text_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [claim.id]


def test_an_article_without_proposals_offers_all_sentences(qtbot, store: Store) -> None:  # noqa: ANN001
    result = store.import_text("The weather was nice. We walked to the park and sat on a bench.\n",
                               title="Quiet day")
    claims = store.claims(result.article_id)
    assert not open_claims(claims)
    text = store.article_text(result.article_id)
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_article(text.body, claims, text.dates)  # type: ignore[union-attr]
    assert widget.banner_label.isVisible()
    assert widget.banner_label.text() == "No claims were proposed for this article."
    assert claim_selections(widget) == []

    with qtbot.waitSignal(widget.showAllRequested):
        qtbot.mouseClick(widget.show_all_button, Qt.MouseButton.LeftButton)
    assert widget.show_all()
    assert len(claim_selections(widget)) == len(claims)


def _drawn_format(view: ArticleView, position: int) -> QTextCharFormat:
    """The character format the document holds for the character at a Qt position."""
    cursor = QTextCursor(view.text_view.document())
    cursor.setPosition(position + 1)  # a cursor reports the format of the character before it
    return cursor.charFormat()


def test_the_highlights_are_drawn_where_they_are_listed(view: ArticleView, seeded: Store,
                                                        article: ArticleText) -> None:
    """Each claim's and date's look is in the document under its span; the current claim's
    emphasis is the one ExtraSelection set on top, and a verdict repaints the judged claim there."""
    claims = open_claims(seeded.claims(article.article.id))
    view.set_current(claims[1].id)
    current = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.text_view.extraSelections()]
    assert current and current[0] == (claims[1].start, claims[1].end)  # the seed text is plain ASCII
    seeded.run(ops.SetVerdict(claims[0].id, verdict="disputed", reviewer="ana"))
    view.update_claims(seeded.claims(article.article.id))
    for start, end, fmt in view.highlights():
        drawn = _drawn_format(view, start)
        if (start, end) in current:
            assert drawn.background().color() != fmt.background().color()  # emphasised on top
            continue
        assert (drawn.background().style(), drawn.background().color().name(), drawn.underlineStyle()) == (
            fmt.background().style(), fmt.background().color().name(), fmt.underlineStyle())
    judged = _drawn_format(view, claims[0].start)
    assert judged.background().color() == theme.background("disputed")
    assert judged.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    plain = next(p for p in range(len(article.body)) if article.body[p] not in "\r\n"
                 and all(not s <= p < e for s, e, _f in view.highlights()))
    assert _drawn_format(view, plain).background().style() == Qt.BrushStyle.NoBrush


def test_a_copy_of_the_text_carries_no_highlight(qtbot, view: ArticleView, seeded: Store,  # noqa: ANN001
                                                 article: ArticleText) -> None:
    claim = open_claims(seeded.claims(article.article.id))[0]
    view.select_span(claim.start, claim.end)
    copied = view.text_view.createMimeDataFromSelection()
    assert copied.text() == article.body[claim.start:claim.end]
    colour = theme.background(None).name()
    assert claim.text[:20] in copied.html()
    assert colour not in copied.html() and "underline" not in copied.html()


def test_the_scroll_bar_shows_only_for_a_text_longer_than_the_view(view: ArticleView, seeded: Store,
                                                                  article: ArticleText) -> None:
    """From article to article the bar comes and goes with the text's length, whichever came
    before, and the text always fills the width the bar leaves (the text is laid out with the bar
    shown when it may be needed, and without it when it surely is not)."""
    bar = view.text_view.verticalScrollBar()
    short = "The mayor said the bridge cost $2.3 million in 2024."
    sequence = [article.body, short, short, article.body, article.body, short]
    for body in sequence:
        view.set_article(body, [], ())
        QApplication.processEvents()
        document = view.text_view.document()
        laid_out = document.documentLayout().documentSize().height()
        assert bar.isVisible() == (laid_out > view.text_view.viewport().height()), body[:20]
        assert document.textWidth() == view.text_view.viewport().width()
