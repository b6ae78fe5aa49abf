"""What another process writes while the window is open shows up, and the reviewer keeps their place."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck.store import Store
from tests.conftest import SEED

SECOND = "The council approved a budget of $4.2 billion on Tuesday, the mayor said.\n"


def cli(db, *args: str) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def test_a_verdict_and_an_article_from_the_command_line_appear_by_themselves(open_window, db_path, qtbot,
                                                                             tmp_path) -> None:  # noqa: ANN001
    with Store(db_path) as s:
        s.import_file(SEED)
    window = open_window(db_path)
    qtbot.waitUntil(window.isActiveWindow)
    claims = window.visible_claims()
    window.show_claim(claims[3].id)
    window.focus_reading()

    done = cli(db_path, "verdict", str(claims[5].id), "disputed", "--reviewer", "bo")
    assert done.returncode == 0, done.stderr
    article = tmp_path / "budget.txt"
    article.write_text(SECOND)
    done = cli(db_path, "import", str(article), "--title", "Council budget")
    assert done.returncode == 0, done.stderr

    model = window.claims_panel.model
    qtbot.waitUntil(lambda: model.claim_at(model.row_of(claims[5].id)).verdict == "disputed", timeout=6000)
    qtbot.waitUntil(lambda: window.article_list.position_of(window.article_id)[1] == 2, timeout=6000)
    assert window.claim_id == claims[3].id  # still where the reviewer was
    assert QApplication.focusWidget() is window.article_view.text_view
    assert window.position_label.text() == f"claim 4 of {len(claims)} · article 1 of 2"
    index = window.article_list.neighbour(window.article_id, 1)
    assert window.store.article(index).title == "Council budget"


def test_f5_refreshes_at_once_keeping_the_place(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    with Store(db_path) as s:
        s.import_file(SEED)
    window = open_window(db_path)
    qtbot.waitUntil(window.isActiveWindow)
    window.outside_changes.stop()  # only the key, not the timer, may show it here
    claims = window.visible_claims()
    window.show_claim(claims[2].id)
    with Store(db_path) as other:
        other.import_text(SECOND, title="Council budget")
        other.set_verdict(claims[2].id, "verified", reviewer="bo")
    window.focus_reading()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert window.claim_id == claims[2].id
    assert window.review_panel.state_label.text().startswith("✓ verified · by bo")
    assert window.position_label.text() == f"claim 3 of {len(claims)} · article 1 of 2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert window.store.article(window.article_id).title == "Council budget"
    assert window.position_label.text().endswith("article 2 of 2")


def test_n_to_an_article_written_elsewhere_lists_it_first(open_window, db_path, qtbot) -> None:  # noqa: ANN001
    window = open_window(db_path)
    qtbot.waitUntil(window.isActiveWindow)
    window.outside_changes.stop()  # before the watch could notice: N finds it first
    with Store(db_path) as other:
        other.import_text(SECOND, title="Council budget")
    window.next_unreviewed()  # N, with nothing open to hold the keys yet
    assert window.store.article(window.article_id).title == "Council budget"
    assert window.position_label.text().endswith("article 1 of 1")
    assert window.article_list.current_article_id() == window.article_id
