"""The review panel on real claims: verdict buttons, committing edits, sources by paste and dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from factcheck import ops
from factcheck.records import ClaimRecord, SourceInput, SourceRecord
from factcheck.store import Store
from ui.review_panel import ReviewPanel
from ui.source_dialog import SourceDialog

URL = "https://www.wsj.com/world/americas/trump-mexico-troops"


def first_open_claim(store: Store) -> ClaimRecord:
    article_id = store.articles()[0].id
    return next(c for c in store.claims(article_id) if c.proposed and not c.dismissed)


@pytest.fixture
def reviewed(seeded: Store) -> ClaimRecord:
    """A claim with a disputed verdict, one source and two history rows."""
    claim = first_open_claim(seeded)
    seeded.run(ops.SetVerdict(claim.id, verdict="unclear", reviewer="ana", rationale="first look"))
    seeded.run(ops.SetVerdict(claim.id, verdict="disputed", reviewer="ana", rationale="The call was in March.",
                              sources=(SourceInput(URL, "Trump pressures Mexico", "WSJ"),)))
    fresh = seeded.claim(claim.id)
    assert fresh is not None
    return fresh


@pytest.fixture
def panel(qtbot, seeded: Store, reviewed: ClaimRecord) -> ReviewPanel:  # noqa: ANN001
    widget = ReviewPanel()
    qtbot.addWidget(widget)
    widget.resize(460, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.show_claim(reviewed, seeded.history(reviewed.id))
    return widget


def focus(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_no_claim_shows_an_empty_state(qtbot) -> None:  # noqa: ANN001
    widget = ReviewPanel()
    qtbot.addWidget(widget)
    widget.show()
    widget.show_claim(None, [])
    assert widget.empty_label.isVisible()
    assert widget.empty_label.text() == "No claim selected"
    assert widget.paste_source(URL) is False


def test_the_claim_is_shown_with_its_reasons_dates_sources_and_history(panel: ReviewPanel,
                                                                      reviewed: ClaimRecord) -> None:
    assert panel.claim_edit.toPlainText() == reviewed.text
    assert panel.rationale_edit.toPlainText() == "The call was in March."
    assert all(reason in panel.reasons_label.text() for reason in reviewed.reasons)
    assert f"{reviewed.score:.2f}" in panel.reasons_label.text()
    assert panel.speaker_label.text() == reviewed.speaker
    assert panel.dates_label.text() == "Saturday → 2025-05-03 (day)"
    assert panel.verdict_buttons.buttons["disputed"].isChecked()
    assert not panel.verdict_buttons.buttons["verified"].isChecked()
    assert panel.sources_model.rowCount() == 1
    assert panel.sources_model.source_at(0).url == URL
    assert panel.history_model.rowCount() == 2


def test_verdict_buttons_trigger_the_bound_actions(qtbot, panel: ReviewPanel) -> None:  # noqa: ANN001
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = {name: QAction(name.capitalize(), owner) for name in ("verified", "disputed", "unclear")}
    actions["verified"].setShortcut("V")
    panel.set_verdict_actions(actions["verified"], actions["disputed"], actions["unclear"])
    requested: list[str] = []
    panel.verdictRequested.connect(requested.append)

    assert panel.verdict_buttons.buttons["verified"].text().endswith("Verified (V)")
    for name, action in actions.items():
        with qtbot.waitSignal(action.triggered):
            qtbot.mouseClick(panel.verdict_buttons.buttons[name], Qt.MouseButton.LeftButton)
    assert requested == [], "with actions bound, the window's actions decide"
    # The buttons keep showing the stored verdict until the window shows the refreshed claim.
    assert panel.verdict_buttons.buttons["disputed"].isChecked()
    assert not panel.verdict_buttons.buttons["unclear"].isChecked()


def test_unbound_verdict_buttons_request_the_verdict(qtbot, panel: ReviewPanel) -> None:  # noqa: ANN001
    with qtbot.waitSignal(panel.verdictRequested) as requested:
        qtbot.mouseClick(panel.verdict_buttons.buttons["unclear"], Qt.MouseButton.LeftButton)
    assert requested.args == ["unclear"]


def test_rationale_is_committed_once_after_typing_stops(qtbot, panel: ReviewPanel) -> None:  # noqa: ANN001
    emitted: list[str] = []
    panel.rationaleEdited.connect(emitted.append)
    panel.focus_rationale()
    qtbot.waitUntil(panel.rationale_edit.hasFocus)
    with qtbot.waitSignal(panel.rationaleEdited, timeout=3000):
        qtbot.keyClicks(panel.rationale_edit, " Checked")
    assert emitted == ["The call was in March. Checked"]
    assert not panel.rationale_edit.idle_timer.isActive()
    focus(qtbot, panel.claim_edit)  # leaving without further typing commits nothing new
    assert emitted == ["The call was in March. Checked"]


def test_claim_text_is_committed_on_focus_out_only_when_changed(qtbot, panel: ReviewPanel,  # noqa: ANN001
                                                                reviewed: ClaimRecord) -> None:
    emitted: list[str] = []
    panel.claimTextEdited.connect(emitted.append)
    focus(qtbot, panel.claim_edit)
    focus(qtbot, panel.rationale_edit)
    assert emitted == []

    focus(qtbot, panel.claim_edit)
    panel.claim_edit.moveCursor(panel.claim_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.claim_edit, " Really.")
    with qtbot.waitSignal(panel.claimTextEdited) as edited:
        focus(qtbot, panel.rationale_edit)
    assert edited.args == [reviewed.text + " Really."]


def test_ctrl_enter_commits_the_claim_text(qtbot, panel: ReviewPanel, reviewed: ClaimRecord) -> None:  # noqa: ANN001
    focus(qtbot, panel.claim_edit)
    panel.claim_edit.selectAll()
    qtbot.keyClicks(panel.claim_edit, "Sheinbaum refused U.S. troops.")
    with qtbot.waitSignal(panel.claimTextEdited) as edited:
        qtbot.keyClick(panel.claim_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert edited.args == ["Sheinbaum refused U.S. troops."]
    assert panel.claim_edit.hasFocus()


def test_refreshing_the_same_claim_keeps_what_the_reviewer_is_typing(qtbot, panel: ReviewPanel,  # noqa: ANN001
                                                                    seeded: Store,
                                                                    reviewed: ClaimRecord) -> None:
    panel.focus_rationale()
    qtbot.waitUntil(panel.rationale_edit.hasFocus)
    qtbot.keyClicks(panel.rationale_edit, " Draft")
    panel.show_claim(reviewed, seeded.history(reviewed.id))
    assert panel.rationale_edit.toPlainText() == "The call was in March. Draft"

    other = next(c for c in seeded.claims(reviewed.article_id) if c.id != reviewed.id)
    panel.show_claim(other, [])
    assert panel.rationale_edit.toPlainText() == other.rationale
    assert panel.claim_edit.toPlainText() == other.text


def test_pasting_a_web_address_adds_it_as_a_source(qtbot, panel: ReviewPanel) -> None:  # noqa: ANN001
    with qtbot.waitSignal(panel.sourceAddRequested) as added:
        assert panel.paste_source(f"  {URL}\n") is True
    assert added.args == [SourceInput(url=URL)]

    QGuiApplication.clipboard().setText("https://apnews.com/article/mexico")
    focus(qtbot, panel.sources_table)
    with qtbot.waitSignal(panel.sourceAddRequested) as pasted:
        qtbot.keyClick(panel.sources_table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pasted.args == [SourceInput(url="https://apnews.com/article/mexico")]


@pytest.mark.parametrize("text", ["not a link", "javascript:alert(1)", "ftp://example.com/x",
                                  "https://example.com and more words", ""])
def test_pasting_anything_else_adds_nothing(qtbot, panel: ReviewPanel, text: str) -> None:  # noqa: ANN001
    with qtbot.assertNotEmitted(panel.sourceAddRequested):
        assert panel.paste_source(text) is False


def test_source_buttons_act_on_the_selected_source(qtbot, panel: ReviewPanel,  # noqa: ANN001
                                                   reviewed: ClaimRecord) -> None:
    assert not panel.remove_source_button.isEnabled()
    panel.sources_table.selectRow(0)
    source_id = reviewed.sources[0].id
    with qtbot.waitSignal(panel.sourceOpenRequested) as opened:
        qtbot.mouseClick(panel.open_source_button, Qt.MouseButton.LeftButton)
    assert opened.args == [URL]
    with qtbot.waitSignal(panel.sourceRemoveRequested) as removed:
        qtbot.mouseClick(panel.remove_source_button, Qt.MouseButton.LeftButton)
    assert removed.args == [source_id]


def test_adding_a_source_through_the_dialog(qtbot, panel: ReviewPanel) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText("")

    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SourceDialog)
        dialog.url_edit.setText("https://apnews.com/article/mexico-troops")
        dialog.title_edit.setText("Mexico rejects troops")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_and_accept)
    with qtbot.waitSignal(panel.sourceAddRequested) as added:
        panel.add_source_dialog()
    source = added.args[0]
    assert (source.url, source.title) == ("https://apnews.com/article/mexico-troops", "Mexico rejects troops")
    assert source.accessed == dt.date.today().isoformat()


def test_source_dialog_refuses_non_web_addresses(qtbot) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText("")
    dialog = SourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()

    dialog.url_edit.setText("javascript:alert(1)")
    assert not ok.isEnabled()
    assert dialog.url_error.isVisible()
    assert "http or https" in dialog.url_error.text()
    dialog.accept()
    assert dialog.result() != SourceDialog.DialogCode.Accepted

    dialog.url_edit.setText(URL)
    assert ok.isEnabled()
    assert not dialog.url_error.isVisible()


def test_source_dialog_prefills_a_copied_address_and_edits_existing_sources(qtbot) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText(URL)
    adding = SourceDialog()
    qtbot.addWidget(adding)
    assert adding.url_edit.text() == URL
    assert adding.source().accessed == QDate.currentDate().toString(Qt.DateFormat.ISODate)

    QGuiApplication.clipboard().setText("javascript:alert(1)")
    refused = SourceDialog()
    qtbot.addWidget(refused)
    assert refused.url_edit.text() == ""

    existing = SourceRecord(7, 1, URL, "Title", "WSJ", "a quote", "2025-05-04")
    editing = SourceDialog(existing=existing)
    qtbot.addWidget(editing)
    assert editing.source() == SourceInput(URL, "Title", "WSJ", "a quote", "2025-05-04")
