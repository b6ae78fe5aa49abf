"""The background runner: results, progress and errors come back on the GUI thread, and Cancel stops the work."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from ui.tasks import Cancelled, Progress, Task


def on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_a_task_that_ends_at_once_is_still_heard(qtbot) -> None:  # noqa: ANN001
    for n in range(200):
        task = Task(lambda _progress, _cancelled, n=n: n * 2)
        with qtbot.waitSignal(task.succeeded, timeout=5000) as done:
            task.start()
        assert done.args == [n * 2]


def test_progress_arrives_in_order_on_the_gui_thread_before_the_result(qtbot) -> None:  # noqa: ANN001
    seen: list[tuple[int, int, str, bool]] = []
    worker_threads: list[bool] = []

    def work(progress: Progress, _cancelled: Cancelled) -> str:
        worker_threads.append(on_gui_thread())
        for done in range(3):
            progress(done, 3, f"item {done}")
        return "all done"

    task = Task(work)
    task.progressed.connect(lambda done, total, label: seen.append((done, total, label, on_gui_thread())))
    results: list[bool] = []
    task.succeeded.connect(lambda _result: results.append(on_gui_thread()))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as done:
        task.start()
    assert done.args == ["all done"]
    assert worker_threads == [False]
    assert seen == [(0, 3, "item 0", True), (1, 3, "item 1", True), (2, 3, "item 2", True)]
    assert results == [True]


def test_an_unexpected_exception_comes_back_as_the_error(qtbot) -> None:  # noqa: ANN001
    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise ZeroDivisionError("a bug in the task")

    task = Task(work)
    with qtbot.assertNotEmitted(task.succeeded), qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    [error] = failed.args
    assert isinstance(error, ZeroDivisionError) and str(error) == "a bug in the task"
    # The app is fine and the next task runs.
    with qtbot.waitSignal(Task(lambda _p, _c: "next").start().succeeded, timeout=5000) as done:
        pass
    assert done.args == ["next"]


def test_cancel_stops_the_work_which_returns_what_it_did(qtbot) -> None:  # noqa: ANN001
    started = threading.Event()

    def work(progress: Progress, cancelled: Cancelled) -> int:
        steps = 0
        started.set()
        while not cancelled():
            steps += 1
            progress(steps, 0, "")
            QThread.msleep(1)
        return steps

    task = Task(work)
    with qtbot.waitSignal(task.succeeded, timeout=5000) as done:
        task.start()
        assert started.wait(5)
        task.cancel()
    assert done.args[0] >= 1


def test_a_task_nobody_keeps_still_reports(qtbot) -> None:  # noqa: ANN001
    results: list[str] = []
    task = Task(lambda _p, _c: "kept")
    task.succeeded.connect(results.append)
    task.start()
    del task
    gc.collect()
    qtbot.waitUntil(lambda: results == ["kept"], timeout=5000)


def test_a_task_runs_once(qtbot) -> None:  # noqa: ANN001
    task = Task(lambda _p, _c: None)
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        task.start()
    with pytest.raises(RuntimeError):
        task.start()
