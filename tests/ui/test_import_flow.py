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


def test_progress_that_arrives_as_the_import_ends_is_no_error(open_window, db_path, qtbot, tmp_path) -> None:  # noqa: ANN001
    """A modal progress dialog runs the event loop while it takes a new value, and the import's
    end can be delivered right then, closing the dialog: the rest of that progress report must not
    fail on a dialog that is gone (pytest-qt fails the test on any exception raised in a Qt slot)."""
    import time

    note = tmp_path / "note.txt"
    note.write_text("The council approved 40 new homes in 2024, the mayor said.\n")
    window = open_window(db_path)
    importer = window.importer
    importer.import_files([str(note)])
    dialog = importer.progress
    assert dialog is not None
    dialog.forceShow()  # on screen, as after its first 300 ms: setValue now runs the event loop
    # The import ends in the background while this thread is busy, so its end waits in the queue...
    deadline = time.monotonic() + 30
    while window.store.article_count() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    # ...and is delivered inside the next progress report's setValue.
    importer._progressed(0, 1, str(note))  # the task's progress signal, as it arrives
    qtbot.waitUntil(lambda: importer.progress is None, timeout=5000)
    assert window.store.article_count() == 1
    assert not dialog.isVisible()
