"""A child process for the GUI benchmark: start, paint, report times and memory, quit.

    python -m tests.benchmarks.gui_probe bare
    python -m tests.benchmarks.gui_probe app DB ARTICLE_ID STEPS

Prints one JSON line. `painted` is seconds from interpreter start (process start as Python sees
it) to the first paint of the window; `keys` are seconds from a J key event to the repaint that
shows the next claim.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter() - (time.time() - float(os.environ.get("PROBE_T0", time.time())))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    mode = sys.argv[1]
    if mode == "bare":
        window = QMainWindow()
        target = window
    else:
        import tempfile

        from factcheck.store import Store
        from ui import settings as settings_module
        from ui.main_window import MainWindow

        settings_module.use_folder(tempfile.mkdtemp())
        window = MainWindow(Store(sys.argv[2], reviewer="bench"), settings_module.Settings())
        target = window.article_view.text_view.viewport()
    window.resize(1400, 860)

    class PaintWatch(QObject):
        painted_at: float | None = None

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint and self.painted_at is None:
                self.painted_at = time.perf_counter()
            return False

    watch = PaintWatch()
    target.installEventFilter(watch)
    window.show()
    while watch.painted_at is None:
        app.processEvents()
    result = {"painted": watch.painted_at - STARTED, "rss_mb": rss_mb()}

    if mode == "app":
        article_id, steps = int(sys.argv[3]), int(sys.argv[4])
        window.show_article(article_id)
        app.processEvents()
        keys = []
        window.article_view.setFocus()
        focus = QApplication.focusWidget()
        for _ in range(steps):
            watch.painted_at = None
            began = time.perf_counter()
            QTest.keyClick(focus, Qt.Key.Key_J)
            deadline = began + 5
            while watch.painted_at is None and time.perf_counter() < deadline:
                app.processEvents()
            if watch.painted_at is None:
                raise SystemExit("no repaint after J: the next claim was not shown")
            keys.append(time.perf_counter() - began)
        result["keys"] = keys
        result["claims_in_article"] = len(window.visible_claims())
        result["rss_mb_after"] = rss_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
