"""Imports in the real window: each one finishes, reports, and leaves the window ready for the next."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ui.import_report_dialog import ImportReportDialog

BINARY = b"\x89PNG\r\n\x1a\n" + bytes(200)


@contextmanager
def busy_interpreter() -> Iterator[None]:
    """Another thread competing for the interpreter, as a busy desktop would: the GUI thread is then
    often paused between two of its lines, which is where ordering mistakes between threads show."""
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            sum(range(1000))

    thread = threading.Thread(target=spin, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def test_quick_imports_each_finish_so_the_next_is_accepted(open_window, db_path, qtbot, tmp_path) -> None:  # noqa: ANN001
    # A refused file is done at once: the job ends before a window that started it could listen.
    bad = tmp_path / "photo.txt"
    bad.write_bytes(BINARY)
    window = open_window(db_path)
    with busy_interpreter():
        for _ in range(50):
            with qtbot.waitSignal(window.importer.importFinished, timeout=5000):
                window.importer.import_files([str(bad)])
            for box in [*window.findChildren(QMessageBox), *window.findChildren(ImportReportDialog)]:
                box.done(0)
            assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
    good = tmp_path / "note.txt"
    good.write_text("The council approved 40 new homes in 2024, the mayor said.\n")
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.importer.import_files([str(good)])
    assert window.statusBar().currentMessage() == "Imported 1 of 1 file."
    assert window.store.article_count() == 1
