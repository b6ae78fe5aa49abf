"""Tools → Retrain Claim Proposal in the real window: runs in the background with progress, says
what it did, and Use the Shipped Claim Proposal goes back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from factcheck import ops
from factcheck.store import Store
from tests.test_claim_retrain import article


def dismissing_desk(path: Path) -> None:
    with Store(path, reviewer="ana") as store:
        for i in range(12):
            result = store.import_text(article(i), title=f"Round-up {i}", published="2025-05-03")
            for claim in store.claims(result.article_id):
                if claim.proposed and " beat the " in claim.text:
                    store.run(ops.SetDismissed(claim.id, dismissed=True))


def test_retraining_from_the_tools_menu(qtbot, open_window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = tmp_path / "desk.db"
    dismissing_desk(path)
    window = open_window(path)
    tools = next(m for m in window.menuBar().actions() if m.text() == "&Tools").menu()
    assert [a.text() for a in tools.actions()] == ["&Retrain Claim Proposal from My Decisions",
                                                   "Use the &Shipped Claim Proposal"]

    window.actions.retrain_claims.trigger()
    qtbot.waitUntil(lambda: "Claim proposal retrained on" in window.statusBar().currentMessage(), timeout=30000)
    assert window.claim_retraining().progress is None, "the progress dialog closes when done"
    with Store(path) as store:
        assert [s.language for s in store.claim_model_status() if s.retrained] == ["en"]

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.actions.shipped_claims.trigger()
    assert window.statusBar().currentMessage() == "Back to the shipped claim proposal model."
    with Store(path) as store:
        assert not any(s.retrained for s in store.claim_model_status())


def test_with_nothing_to_learn_from_the_window_says_so(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    with Store(tmp_path / "new.db") as store:
        store.import_text(article(0), title="one")
    window = open_window(tmp_path / "new.db")
    window.actions.retrain_claims.trigger()
    qtbot.waitUntil(lambda: "Not enough decisions" in window.statusBar().currentMessage(), timeout=30000)
