"""A child process for the GUI benchmark: start, paint, report times and memory, quit.

    python -m tests.benchmarks.gui_probe bare
    python -m tests.benchmarks.gui_probe app DB [ARTICLE_ID STEPS]

Prints one JSON line. Times are seconds from the parent's spawn of this process (PROBE_T0, so the
interpreter's own start counts) to a paint that has been drawn: the clock stops on the event loop's
next turn after the paint event, when the frame has been flushed to the screen.

- `painted`: the first paint of the window: for `bare` a plain QMainWindow; for `app` the review
  window's frame (menus, status bar, its centre still empty), started the way `factcheck-gui` starts
  (ui.app.start).
- `ready` (app): the first paint of the article text once the panels are filled, the article list
  read, and the first claim shown and highlighted.
- `loaded` (app): the Store behind the quick reads is loaded (every operation ready).
- `keys` (app with ARTICLE_ID and STEPS): seconds from a J key event to the paint event of the
  repaint that shows the next claim, in that article, once the Store is loaded.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter() - (time.time() - float(os.environ.get("PROBE_T0", time.time())))
TIMEOUT_S = 120


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1400, 860)
        window.show()
    else:
        import tempfile

        from ui import app as ui_app
        from ui import settings as settings_module

        settings_module.use_folder(tempfile.mkdtemp())
        started = ui_app.start(["factcheck-gui", "--db", sys.argv[2]])
        if started is None:
            raise SystemExit("the window did not open")
        window = started
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()  # type: ignore[assignment]

    class PaintWatch(QObject):
        """Notes when the watched widget's next paint has been drawn (the loop's turn after it), or
        with `at_event` when its paint event arrives (as the J latency has always been measured)."""

        def __init__(self, at_event: bool = False) -> None:
            super().__init__()
            self.painted_at: float | None = None
            self.armed = True
            self._at_event = at_event

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint and self.armed:
                self.armed = False
                if self._at_event:
                    self._drawn()
                else:
                    QTimer.singleShot(0, self._drawn)
            return False

        def _drawn(self) -> None:
            self.painted_at = time.perf_counter()

        def wait(self, what: str) -> float:
            deadline = time.perf_counter() + TIMEOUT_S
            while self.painted_at is None:
                if time.perf_counter() > deadline:
                    raise SystemExit(f"no paint: {what}")
                app.processEvents()
            return self.painted_at

    frame = PaintWatch()
    window.installEventFilter(frame)
    result = {"painted": frame.wait("the window") - STARTED}
    if mode == "bare":
        result["rss_mb"] = rss_mb()
        print(json.dumps(result), flush=True)
        os._exit(0)

    marks: dict[str, float] = {}
    text = PaintWatch()

    def filled() -> None:
        marks["started"] = time.perf_counter()
        window.article_view.text_view.viewport().installEventFilter(text)

    window.started.connect(filled)
    window.storeLoaded.connect(lambda: marks.setdefault("loaded", time.perf_counter()))
    if hasattr(window, "article_view"):  # the Store opened first (a new or upgraded database)
        filled()
        window.article_view.text_view.viewport().update()
    result["ready"] = text.wait("the first article") - STARTED
    if window.article_list.model.rowCount() == 0 or window.claim_id is None:
        raise SystemExit("ready without an article list or a claim shown")
    view = window.article_view
    if not view.text_view.extraSelections() or view.current_claim_id() != window.claim_id:
        raise SystemExit("the first claim is not highlighted")
    result["rss_mb"] = rss_mb()
    deadline = time.perf_counter() + TIMEOUT_S
    while "loaded" not in marks and time.perf_counter() < deadline:
        app.processEvents()
    if "loaded" not in marks:
        raise SystemExit("the store was not loaded")
    result["loaded"] = marks["loaded"] - STARTED

    if len(sys.argv) > 3:
        article_id, steps = int(sys.argv[3]), int(sys.argv[4])
        window.show_article(article_id)
        app.processEvents()
        keys = []
        window.article_view.setFocus()
        focus = QApplication.focusWidget()
        watch = PaintWatch(at_event=True)
        window.article_view.text_view.viewport().installEventFilter(watch)
        for _ in range(steps):
            watch.painted_at, watch.armed = None, True
            began = time.perf_counter()
            QTest.keyClick(focus, Qt.Key.Key_J)
            keys.append(watch.wait("after J") - began)
        result["keys"] = keys
        result["claims_in_article"] = len(window.visible_claims())
    result["rss_mb_after"] = rss_mb()
    print(json.dumps(result), flush=True)
    # As the app leaves (ui.app.main): at once, whatever runs on the pool (the backup on open).
    os._exit(0)


if __name__ == "__main__":
    main()
