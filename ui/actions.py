"""Every action of the window, declared once: text, shortcut, tooltip.

Menus, toolbar and buttons all reuse these QActions, so every shortcut is visible somewhere and
changing one changes it everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    single_key: bool = False  # a bare letter: must never fire while the reviewer types in a field


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import_files", "&Import Files…", ("Ctrl+I",), "Import .txt or .md articles"),
    ActionSpec("paste_article", "&Paste Article…", ("Ctrl+Shift+V",), "Import an article from pasted text"),
    ActionSpec("open_database", "&Open Database…", ("Ctrl+O",), "Open another database file"),
    ActionSpec("backups", "&Backups…", (), "The database's backups: list them, back up now, restore one"),
    ActionSpec("preferences", "Pre&ferences…", ("Ctrl+,",), "Reviewer name, advance after verdict, database"),
    # Tools
    ActionSpec("retrain_claims", "&Retrain Claim Proposal from My Decisions",
               (), "Fit the claim proposal to what this desk dismissed, promoted, added and judged; "
                   "later imports into this database use it"),
    ActionSpec("shipped_claims", "Use the &Shipped Claim Proposal", (),
               "Forget the retrained claim proposal of this database"),
    ActionSpec("quit", "&Quit", (QKeySequence.StandardKey.Quit,), "Close factcheck (everything is already saved)"),
    # Edit (undo/redo come from the QUndoStack; these are their shortcuts)
    ActionSpec("make_claim", "Make Selection a &Claim", ("C",), "Turn the selected article text into a claim", True),
    ActionSpec("toggle_dismiss", "&Dismiss / Restore Claim", ("X",),
               "Dismiss the claim, or bring it back (promotes a sentence that was not proposed)", True),
    ActionSpec("add_source", "Add &Source…", ("S",), "Add a source backing the verdict", True),
    ActionSpec("article_details", "Article &Details…", ("Ctrl+Shift+D",),
               "Correct the open article's title, outlet, date, URL and language"),
    ActionSpec("focus_rationale", "Write &Rationale", ("R",), "Move to the rationale editor", True),
    # Review
    ActionSpec("verified", "&Verified", ("V",), "Mark the claim verified and move on", True),
    ActionSpec("disputed", "&Disputed", ("D",), "Mark the claim disputed and move on", True),
    ActionSpec("unclear", "&Unclear", ("U",), "Mark the claim unclear and move on", True),
    ActionSpec("next_claim", "&Next Claim", ("J", "Down"), "Next claim in this article", True),
    ActionSpec("prev_claim", "&Previous Claim", ("K", "Up"), "Previous claim in this article", True),
    ActionSpec("next_unreviewed", "Next &Unreviewed Claim", ("N",), "Next claim without a verdict, in any article",
               True),
    ActionSpec("next_article", "Next &Article", ("Shift+J",), "First claim of the next article", True),
    ActionSpec("prev_article", "Previous A&rticle", ("Shift+K",), "First claim of the previous article", True),
    ActionSpec("reuse_best", "Reuse the Best &Similar Verdict", ("Shift+R",),
               "Copy the verdict, rationale and sources of the most similar past claim onto this one", True),
    # View
    ActionSpec("show_all", "Show &All Sentences", ("Ctrl+Shift+A",),
               "Also show dismissed claims and sentences not proposed"),
    ActionSpec("refresh", "&Refresh", ("F5",),
               "Show what changed elsewhere (the command line, another window); also checked every few seconds"),
    ActionSpec("search", "&Search…", ("Ctrl+F",), "Search past verdicts"),
    ActionSpec("search_back", "&Back to Search Results", ("Esc",),
               "Return to the search results, on the one opened (Esc there ends the search)"),
    ActionSpec("export", "&Export…", ("Ctrl+E",), "Export a verdict report"),
)


class Actions(QObject):
    """Owns the QActions; `actions.verified` etc. The window adds them to itself and to menus."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._by_name: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            keys = [QKeySequence(k) for k in spec.shortcuts]
            action.setShortcuts(keys)
            if spec.single_key:
                # Window-wide, yet never fired while the reviewer types: before a shortcut fires, Qt
                # offers the key to the focused widget (ShortcutOverride), and editable text fields
                # claim every key that types. The read-only article text claims none, so they work there.
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            action.setToolTip(f"{spec.tip} ({shown})" if shown else spec.tip)
            action.setStatusTip(spec.tip)
            self._by_name[spec.name] = action
        self.show_all.setCheckable(True)

    def __getattr__(self, name: str) -> QAction:
        by_name = self.__dict__.get("_by_name")
        if by_name is not None and name in by_name:
            return by_name[name]
        raise AttributeError(name)

    def all(self) -> list[QAction]:
        return list(self._by_name.values())
