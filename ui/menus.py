"""The menu bar and toolbar, built from the declared actions and the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

from ui.actions import Actions


def build_menus(window: QMainWindow, a: Actions, undo_stack: QUndoStack) -> tuple[QAction, QAction]:
    """Fill the window's menu bar and toolbar; returns the Undo and Redo actions it made."""
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.addActions([undo, redo])

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.import_files, a.paste_article])
    file_menu.addSeparator()
    file_menu.addActions([a.open_database, a.backups, a.export, a.preferences])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu("&Edit")
    edit.addActions([undo, redo])
    edit.addSeparator()
    edit.addActions([a.make_claim, a.toggle_dismiss, a.add_source, a.focus_rationale])
    edit.addSeparator()
    edit.addAction(a.article_details)
    edit.addSeparator()
    edit.addActions([a.search, a.search_back])

    review = bar.addMenu("&Review")
    review.addActions([a.verified, a.disputed, a.unclear])
    review.addSeparator()
    review.addActions([a.next_claim, a.prev_claim, a.next_unreviewed, a.next_article, a.prev_article])
    review.addSeparator()
    review.addAction(a.reuse_best)

    view = bar.addMenu("&View")
    view.addAction(a.show_all)
    view.addAction(a.refresh)

    tools = bar.addMenu("&Tools")
    tools.addActions([a.retrain_claims, a.shipped_claims])

    toolbar = window.addToolBar("Review")
    toolbar.setObjectName("review_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions([a.import_files, a.paste_article])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addActions([a.prev_claim, a.next_claim, a.next_unreviewed])
    return undo, redo
