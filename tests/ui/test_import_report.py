"""The import report and the paste dialog say what happened, one line per file, copyable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.import_report_dialog import ImportReportDialog
from ui.paste_dialog import PasteArticleDialog


def test_each_file_gets_its_own_line_with_its_name_first(open_window, db_path, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "good.txt").write_text("The council approved 40 new homes in 2024, the mayor said.\n")
    window = open_window(db_path)
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        window.importer.import_files([str(tmp_path / n) for n in ("empty.txt", "binary.txt", "good.txt")])
    dialog = window.importer.report_box
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    assert dialog.summary_label.text() == "Imported 1 of 3 files; 2 not imported."
    assert window.statusBar().currentMessage() == "Imported 1 of 3 files; 2 not imported."
    lines = dialog.lines()
    assert lines[0] == "empty.txt — not imported: it is empty; it has no article text to import"
    assert lines[1].startswith("binary.txt — not imported: it is a binary file")
    assert lines[2].startswith("good.txt — imported as article 1: The council approved 40 new homes")
    assert str(tmp_path) not in "\n".join(lines)  # the name once, not the path again

    dialog.list.setFocus()
    dialog.copy()
    assert QGuiApplication.clipboard().text() == "\n".join(lines)
    dialog.list.selectionModel().select(dialog.model.index(1, 0),
                                        dialog.list.selectionModel().SelectionFlag.ClearAndSelect)
    qtbot.keyClick(dialog.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == lines[1]


def test_the_paste_error_goes_once_text_is_pasted_and_the_status_says_what_came_in(open_window, db_path,
                                                                                     qtbot) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText("")
    window = open_window(db_path)
    window.actions.paste_article.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PasteArticleDialog) and w.isVisible())
    dialog.accept()
    assert dialog.error.isVisible() and "empty" in dialog.error.text()
    dialog.body.setPlainText("The council approved 40 new homes in 2024, the mayor said on Monday.")
    assert not dialog.error.isVisible()
    dialog.title.setText("Council homes")
    with qtbot.waitSignal(window.importer.importFinished, timeout=30000):
        dialog.accept()
    assert window.statusBar().currentMessage() == "Imported the pasted article: Council homes."
    assert window.store.article(window.article_id).title == "Council homes"
