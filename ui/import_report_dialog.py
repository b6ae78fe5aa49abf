"""What an import did, one line per file with the file name first, in a list that can be copied.

The messages of the core name the file by its full path ("'/home/ana/x/binary.txt' is a binary
file"); the line already starts with the name, so the path is said once, as "it".
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.records import ImportReport


def report_lines(report: ImportReport) -> list[str]:
    """One line per file: refused ones first, then those already in the database, then the new ones."""
    lines = [f"{Path(name).name} — not imported: {_without_path(name, message)}" for name, message in report.failed]
    for name, result in report.imported:
        label = Path(name).name if name != "pasted text" else "pasted text"
        if result.duplicate:
            lines.append(f"{label} — already imported as article {result.article_id} ({result.title})")
        else:
            lines.append(f"{label} — imported as article {result.article_id}: {result.title}")
    return lines


def _without_path(name: str, message: str) -> str:
    """The message with its leading mention of the file's path turned into "it"."""
    for form in (f"'{name}'", name):
        if message.startswith(form):
            rest = message[len(form):]
            return re.sub(r"^:\s*", "", rest).strip() if rest.startswith(":") else "it" + rest
    return message


def summary(report: ImportReport) -> str:
    """One sentence for the status bar and the dialog's head: what happened to how many."""
    new = len(report.new_article_ids)
    total = len(report.imported) + len(report.failed)
    if [name for name, _ in report.imported] == ["pasted text"] and not report.failed:
        result = report.imported[0][1]
        text = (f"The pasted text is already article {result.article_id}" if result.duplicate
                else f"Imported the pasted article: {result.title}")
    else:
        text = f"Imported {new} of {total} file{'s' if total != 1 else ''}"
        if report.failed:
            text += f"; {len(report.failed)} not imported"
        duplicates = len(report.imported) - new
        if duplicates:
            text += f"; {duplicates} already there"
    if report.cancelled:
        text += " (cancelled; the files already imported are kept)"
    return text + "."


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.resize(720, 320)
        self.summary_label = QLabel(summary(report))
        self.summary_label.setWordWrap(True)
        self.model = QStringListModel(report_lines(report), self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        copy_key = QShortcut(QKeySequence.StandardKey.Copy, self.list)
        copy_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_key.activated.connect(self.copy)
        copy_button = QPushButton("&Copy")
        copy_button.setToolTip("Copy the selected lines, or every line when none is selected (Ctrl+C)")
        copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def lines(self) -> list[str]:
        return self.model.stringList()

    def copy(self) -> None:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        lines = self.lines()
        chosen = [lines[r] for r in rows] if rows else lines
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText("\n".join(chosen))
