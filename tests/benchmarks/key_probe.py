"""A child process for the key benchmark: open the window on a database, press review keys, report.

    python -m tests.benchmarks.key_probe DB ARTICLE_ID REPEATS WALK
    python -m tests.benchmarks.key_probe floor TEXT_FILE REPEATS

The floor is a bare QTextEdit holding the same article text, in which J moves a highlight to the
next line: the least any review key must cost to show its result.

Prints one JSON line: for each key (J, K, V, D, U, N, Shift+J) the seconds from the key event to
the end of the repaint it caused, `repeats` times each; then `walk` claims are stepped through
(J, and Shift+J at an article's end) and the resident memory after the walk is reported.

The clock stops after the paint has been drawn, not when it is announced: the event filter only
notes that a paint event reached the article text, and the time is read once `processEvents`
has returned, which is after Qt has delivered that event and drawn the view.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time

from tests.benchmarks.gui_probe import rss_mb

BACKUP_WAIT_S = 300


class _Clock:
    """Times one key press up to the end of the repaint of `viewport`."""

    def __init__(self, app, viewport) -> None:  # noqa: ANN001 - Qt objects
        from PySide6.QtCore import QEvent, QObject

        class PaintSeen(QObject):
            seen = False

            def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt API
                if event.type() == QEvent.Type.Paint:
                    self.seen = True
                return False

        self.app = app
        self.paint = PaintSeen()
        viewport.installEventFilter(self.paint)

    def press(self, key, modifier=None) -> float:  # noqa: ANN001 - Qt enums
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        # Drain what is pending first, so one key's clock never pays for the last one's work.
        self.app.processEvents()
        self.paint.seen = False
        began = time.perf_counter()
        QTest.keyClick(QApplication.focusWidget(), key, modifier or Qt.KeyboardModifier.NoModifier)
        deadline = began + 5
        while not self.paint.seen and time.perf_counter() < deadline:
            self.app.processEvents()
        if not self.paint.seen:
            window = QApplication.activeWindow()
            status = window.statusBar().currentMessage() if window is not None else ""
            raise SystemExit(f"no repaint after {key!r} {modifier!r}: the key changed nothing on screen "
                             f"(status bar: {status!r}, focus: {type(QApplication.focusWidget()).__name__})")
        return time.perf_counter() - began


def floor(text_path: str, repeats: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication(sys.argv[:1])
    view = QTextEdit()
    view.setReadOnly(True)
    view.setPlainText(open(text_path, encoding="utf-8").read())
    view.resize(1400, 860)
    line = [0]

    def next_line() -> None:
        line[0] += 1
        cursor = QTextCursor(view.document().findBlockByNumber(line[0]))
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(Qt.GlobalColor.yellow)
        view.setExtraSelections([selection])
        view.setTextCursor(cursor)

    QShortcut(QKeySequence("J"), view, next_line)
    clock = _Clock(app, view.viewport())
    view.show()
    QTest.qWaitForWindowExposed(view)
    view.setFocus()
    print(json.dumps({"keys": {"J": [clock.press(Qt.Key.Key_J) for _ in range(repeats)]}}))


def main() -> None:
    if sys.argv[1] == "floor":
        floor(sys.argv[2], int(sys.argv[3]))
        return
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from factcheck.store import Store
    from ui import settings as settings_module
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    path, article_id, repeats, walk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    settings_module.use_folder(tempfile.mkdtemp())
    window = MainWindow(Store(path, reviewer="bench"), settings_module.Settings())
    # A database opened for the first time that day is backed up in the background (at 1M claims,
    # several seconds of copying 860 MB on a 2-core machine): the keys are timed after it, as the
    # reviewer presses them all day. The backup's own cost is the start-up benchmark's.
    backed_up: list[object] = []
    window.backups.backupFinished.connect(backed_up.append)
    window.backups.backupFailed.connect(backed_up.append)
    window.resize(1400, 860)
    clock = _Clock(app, window.article_view.text_view.viewport())
    window.show()
    QTest.qWaitForWindowExposed(window)
    deadline = time.perf_counter() + BACKUP_WAIT_S
    while not backed_up and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if not backed_up:
        raise SystemExit(f"the backup on opening did not end within {BACKUP_WAIT_S} s")
    window.show_article(article_id)
    app.processEvents()
    window.article_view.setFocus()
    press = clock.press

    def back_to_start() -> None:
        window.show_article(article_id)
        app.processEvents()
        window.article_view.setFocus()

    keys = Qt.Key
    timings: dict[str, list[float]] = {"J": [], "K": [], "V": [], "D": [], "U": [], "N": [], "Shift+J": []}
    for _ in range(repeats):
        timings["J"].append(press(keys.Key_J))
    for _ in range(repeats):
        timings["K"].append(press(keys.Key_K))
    for name, key in (("V", keys.Key_V), ("D", keys.Key_D), ("U", keys.Key_U)):
        back_to_start()
        for _ in range(repeats):
            timings[name].append(press(key))
    back_to_start()
    for _ in range(repeats):
        timings["N"].append(press(keys.Key_N))
    # Shift+J from the top of the article list, so there are always articles after it.
    window.show_article(window.article_list.first_article_id())
    app.processEvents()
    window.article_view.setFocus()
    for _ in range(repeats):
        timings["Shift+J"].append(press(keys.Key_J, Qt.KeyboardModifier.ShiftModifier))

    # A morning's work: `walk` claims shown one after another, across articles: J within an
    # article, and at its end N, to the next claim still waiting in another one.
    shown = 0
    while shown < walk:
        before = window.claim_id
        for key in (keys.Key_J, keys.Key_N):
            QTest.keyClick(QApplication.focusWidget(), key)
            app.processEvents()
            if window.claim_id != before:
                break
        else:
            break  # nothing left to step to
        shown += 1
    print(json.dumps({"keys": timings, "rss_mb_after_walk": rss_mb(), "walked": shown,
                      "claims_in_article": len(window.visible_claims())}))


if __name__ == "__main__":
    main()
