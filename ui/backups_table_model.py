"""The Backups dialog's table: one backup per row, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from factcheck.records import BackupRecord
from ui.models.record_table_model import Index, RecordTableModel

KIND_NAMES = {"automatic": "automatic", "before-upgrade": "before an upgrade", "before-restore": "before a restore",
              "manual": "made on request"}


def size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class BackupTableModel(RecordTableModel[BackupRecord]):
    HEADERS = ("Made", "Kind", "Size", "Articles", "Claims")
    HEADER_TIPS = {0: "Local time the copy was made", 4: "Proposed claims in the copy"}

    def set_backups(self, backups: list[BackupRecord]) -> None:
        self._replace(backups)

    def backup_at(self, row: int) -> BackupRecord | None:
        return self._record(self.index(row, 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self._record(index)
        if record is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.path
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        unreadable = "unreadable"
        return (f"{record.made_at:%Y-%m-%d %H:%M:%S}", KIND_NAMES.get(record.kind, record.kind), size_text(record.size),
                unreadable if record.articles is None else f"{record.articles:,}",
                unreadable if record.claims is None else f"{record.claims:,}")[index.column()]
