"""The review window: articles and search on the left, the text in the middle, the review panel on the right.

It owns the undo stack, the actions and the status bar, and is the only place that turns a
reviewer's intent into a core operation. Panels refresh themselves from the `Changes` that each
operation and import reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from factcheck.errors import FactcheckError
from ui.actions import Actions
from ui.backups_banner import BackupBanner
from ui.backups_schedule import BackupSchedule
from ui.escape_to_reading import EscapeToReading
from ui.first_paint import after_next_paint
from ui.formatting import clock_time
from ui.menus import build_menus
from ui.settings import Settings
from ui.starting_store import StartingStore

if TYPE_CHECKING:
    from factcheck import ops
    from factcheck.records import ArticleText, Changes, ClaimRecord, ImportReport
    from factcheck.store import Store
    from ui.backups_dialog import BackupsDialog
    from ui.claim_retraining import ClaimRetraining

# The panels' modules are imported when the panels are built, after the frame's first paint (see
# MainWindow.__init__): the frame needs only the actions, the menus and the status bar.

CLOSE_WAIT_MS = 2000  # at most, for background work to end when the window closes
# A quick start's next step (the panels, the Store) waits for the paint before it, at most this long.
START_AT_MOST_MS = 1000
# Rows of the article list read before the first paint: more than a tall window shows.
FIRST_SCREEN_ARTICLES = 100


@runtime_checkable
class ChangeListener(Protocol):
    """A panel that refreshes itself from what an operation or an import touched."""

    def on_changes(self, changes: Changes) -> None: ...


class MainWindow(QMainWindow):
    # The panels are filled and the first article shown (at once, or after the frame's first paint).
    started = Signal()
    # The Store behind a quick start is loaded: every operation is ready without a wait.
    storeLoaded = Signal()

    def __init__(self, store: Store | StartingStore, settings: Settings, *, panels_after_paint: bool = False) -> None:
        """With `panels_after_paint`, the frame (menus, status bar, an empty centre) is shown and
        painted first, then the panels are built and filled, then a StartingStore loads its Store."""
        super().__init__()
        self.store, self.settings = store, settings
        self.setWindowTitle("factcheck")
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)
        self._shown_once = False
        self.actions = Actions(self)
        self.addActions(self.actions.all())
        self.article_id: int | None = None
        self._article_text: ArticleText | None = None  # the article on screen, as read to show it
        self.claim_id: int | None = None
        self._claims: list[ClaimRecord] = []
        self.backup_banner = BackupBanner()
        # Where the last claim shown sat in its article: J/K go on from there when that claim has
        # left the list (dismissed, un-proposed by an undo, removed).
        self._anchor: tuple[int, int] | None = None
        # A verdict whose key moves on to the next claim is being recorded (record_verdict).
        self._moving_on = False
        self._escape = EscapeToReading(self.focus_reading, self)
        self._build_status_bar()
        self.undo_action, self.redo_action = build_menus(self, self.actions, self.undo_stack)
        self.backups = BackupSchedule(self, self)
        self.backups.report_to(self.backup_label, self.backup_banner)
        self._restore_geometry()
        if panels_after_paint:
            placeholder = QWidget()  # the frame's empty centre, in the window's background
            self.setCentralWidget(placeholder)
            after_next_paint(placeholder, self._finish_start, at_most_ms=START_AT_MOST_MS)
            return
        self._finish_start()

    def _finish_start(self) -> None:
        """The panels, filled, and the first article shown; then the Store, if it was not loaded yet."""
        from ui.import_flow import ImportFlow
        from ui.outside_changes import OutsideChanges

        self._build_panels()
        self.importer = ImportFlow(self)
        self._connect_actions()
        self._restore_splitters()
        self._show_first_article()
        self.outside_changes = OutsideChanges(lambda: self.store.data_version(), self)
        self.outside_changes.changed.connect(self.refresh_from_store)
        if self.isVisible() and not self._shown_once:  # shown as a frame first: the keys go to the text now
            self._shown_once = True
            self.focus_reading()
        self.started.emit()
        if isinstance(self.store, StartingStore) and not self.store.loaded:
            after_next_paint(self.article_view.text_view.viewport(), self._load_store, at_most_ms=START_AT_MOST_MS)
        else:
            self._store_ready()

    def _load_store(self) -> None:
        """After the first screen is painted: the Store behind the quick reads (most of a second)."""
        if isinstance(self.store, StartingStore):
            try:
                self.store.load()
            except FactcheckError as exc:  # changed on disk since the quick look: say so, as an open would
                self.backup_banner.show_problem(f"The database could not be opened for changes: {exc}")
                return
        self._store_ready()

    def _store_ready(self) -> None:
        self.backups.on_open()
        self.storeLoaded.emit()

    # -- construction ------------------------------------------------------------------------

    def _build_panels(self) -> None:
        from ui.article_list_panel import ArticleListPanel
        from ui.article_view import ArticleView
        from ui.claims_panel import ClaimsPanel
        from ui.review_panel import ReviewPanel
        from ui.search_flow import SearchFlow
        from ui.similar_panel import SimilarPanel

        # A screenful of the article list first; the whole of it (43,000 rows at a desk with years
        # of work, a tenth of a second to read) once the first screen is painted.
        self.article_list = ArticleListPanel(self.store, head=FIRST_SCREEN_ARTICLES)
        self.article_view = ArticleView()
        self.claims_panel = ClaimsPanel(self.store)
        self.review_panel = ReviewPanel()
        self.review_panel.set_verdict_actions(self.actions.verified, self.actions.disputed, self.actions.unclear)
        self.review_panel.set_add_source_action(self.actions.add_source)
        self.similar_panel = SimilarPanel(self.store)
        self.similar_panel.reuseRequested.connect(self.reuse_verdict)
        self.review_panel.set_similar_panel(self.similar_panel)

        self.centre_split = QSplitter(Qt.Orientation.Vertical)
        self.centre_split.addWidget(self.article_view)
        self.centre_split.addWidget(self.claims_panel)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 1)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        # The search sits in a tab beside the articles: both are ways of choosing what to review.
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(self.article_list, "Articles")
        self.main_split.addWidget(self.left_tabs)
        if hasattr(self, "search"):
            self.search.deleteLater()  # another database: its search goes with its panels
        self.search = SearchFlow(self, self.left_tabs, self.main_split, self.actions.search_back, self)
        self.main_split.addWidget(self.centre_split)
        self.main_split.addWidget(self.review_panel)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 5)
        self.main_split.setStretchFactor(2, 3)
        # The review panel is never narrower than its buttons; the articles and the text share the rest.
        self.review_panel.setMinimumWidth(self.review_panel.minimum_width())
        self._fit_split(self.width() if self.isVisible() else 1400)
        self.centre_split.setSizes([520, 200])
        # The banner sits above the panels, outside them: it outlives a change of database.
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.backup_banner)
        column.addWidget(self.main_split, 1)
        self.setCentralWidget(centre)
        self._listeners = [panel for panel in (self.article_list, self.article_view, self.claims_panel,
                                               self.review_panel, self.search, self.similar_panel)
                           if isinstance(panel, ChangeListener)]
        self._escape.watch(self.article_list.filter_edit, self.review_panel.claim_edit,
                           self.review_panel.rationale_edit)
        # The rest of the list once the first screen (the article text is painted last) is on
        # screen: a turn after the one that finishes drawing it.
        listing = self.article_list
        after_next_paint(self.article_view.text_view.viewport(),
                         lambda: QTimer.singleShot(0, listing, listing.complete), at_most_ms=START_AT_MOST_MS)

        self.article_list.articleActivated.connect(self.show_article)
        self.claims_panel.claimActivated.connect(self.pick_claim)
        self.article_view.claimClicked.connect(self.pick_claim)
        self.article_view.showAllRequested.connect(lambda: self.actions.show_all.setChecked(True))
        rp = self.review_panel
        rp.claimTextEdited.connect(lambda text: self._claim_op("EditClaimText", text=text))
        rp.rationaleEdited.connect(lambda text: self._claim_op("EditRationale", rationale=text))
        rp.sourceAddRequested.connect(lambda source: self._claim_op("AddSource", source=source))
        rp.sourceEditRequested.connect(
            lambda source_id, source: self._claim_op("EditSource", source_id=source_id, source=source))
        rp.sourceRemoveRequested.connect(lambda source_id: self._claim_op("RemoveSource", source_id=source_id))
        rp.sourceOpenRequested.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))

    def _fit_split(self, width: int) -> None:
        """Sizes for a window `width` wide: about a quarter for the articles and for the review panel."""
        right = max(self.review_panel.minimum_width(), int(width * 0.28))
        left = max(200, int(width * 0.24))
        self.main_split.setSizes([left, max(300, width - left - right), right])

    def _build_status_bar(self) -> None:
        self.position_label = QLabel()
        self.reviewer_label = QLabel()
        self.database_label = QLabel()
        self.saved_label = QLabel()
        self.backup_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.position_label, 1)
        for label in (self.reviewer_label, self.database_label, self.saved_label, self.backup_label):
            bar.addPermanentWidget(label)
        self.update_status()

    def _connect_actions(self) -> None:
        a = self.actions
        a.verified.triggered.connect(lambda: self.record_verdict("verified"))
        a.disputed.triggered.connect(lambda: self.record_verdict("disputed"))
        a.unclear.triggered.connect(lambda: self.record_verdict("unclear"))
        a.next_claim.triggered.connect(lambda: self.step_claim(1))
        a.prev_claim.triggered.connect(lambda: self.step_claim(-1))
        a.next_article.triggered.connect(lambda: self.step_article(1))
        a.prev_article.triggered.connect(lambda: self.step_article(-1))
        a.next_unreviewed.triggered.connect(self.next_unreviewed)
        a.make_claim.triggered.connect(self.make_claim_from_selection)
        a.toggle_dismiss.triggered.connect(self.toggle_dismissed)
        a.add_source.triggered.connect(self.review_panel.add_source_dialog)
        a.focus_rationale.triggered.connect(self.review_panel.focus_rationale)
        a.show_all.toggled.connect(self._set_show_all)
        a.import_files.triggered.connect(self.importer.choose_files)
        a.paste_article.triggered.connect(self.importer.paste_article)
        a.open_database.triggered.connect(self.choose_database)
        a.backups.triggered.connect(self.show_backups)
        a.preferences.triggered.connect(self.edit_preferences)
        a.quit.triggered.connect(self.close)
        a.refresh.triggered.connect(self.refresh_from_store)
        a.article_details.triggered.connect(self._edit_article_details)
        a.search.triggered.connect(lambda: self.search.open())
        a.search_back.triggered.connect(lambda: self.search.back_to_results())
        a.reuse_best.triggered.connect(self.reuse_best)
        a.export.triggered.connect(self.export_report)
        a.retrain_claims.triggered.connect(lambda: self.claim_retraining().retrain())
        a.shipped_claims.triggered.connect(lambda: self.claim_retraining().reset())

    # -- what is on screen -------------------------------------------------------------------

    def refresh_articles(self) -> None:
        self.article_list.reload()
        self._show_first_article()

    def _show_first_article(self) -> None:
        if self.article_id is None:
            if not self._resume_position():
                first = self.article_list.first_article_id()
                if first is not None:
                    self.show_article(first)
        self.update_status()

    def _resume_position(self) -> bool:
        """Reopen the article and claim last shown in this database, if they still exist."""
        saved = self.settings.position(self.store.location)
        if saved is None or self.store.article(saved[0]) is None:
            return False
        claim = self.store.claim(saved[1]) if saved[1] is not None else None
        self.show_article(saved[0], claim.id if claim is not None and claim.article_id == saved[0] else None)
        return True

    def visible_claims(self) -> list[ClaimRecord]:
        """The claims J/K step through: proposed and open, or every sentence with Show All."""
        if self.actions.show_all.isChecked():
            return self._claims
        return [c for c in self._claims if c.proposed and not c.dismissed]

    def show_article(self, article_id: int, claim_id: int | None = None) -> None:
        text = self.store.article_text(article_id)
        if text is None:
            return
        self.article_id = article_id
        self._article_text = text
        self._claims = self.store.claims(article_id)
        if not self.article_list.select_article(article_id):
            # Written elsewhere since the list was read (N can find it first): list it, then show it.
            self.article_list.reload()
            self.article_list.select_article(article_id)
        self.article_view.set_article(text.body, self._claims, text.dates)
        self.article_view.set_show_all(self.actions.show_all.isChecked())
        self.claims_panel.set_article(article_id, self.actions.show_all.isChecked(), self._claims)
        visible = self.visible_claims()
        if claim_id is None:
            # Resume where the work is: the first claim still without a verdict.
            pending = [c for c in visible if c.verdict is None] or visible
            claim_id = pending[0].id if pending else None
        self.show_claim(claim_id)

    def pick_claim(self, claim_id: int | None) -> None:
        """A claim the reviewer chose by hand: shown, and a search queue goes on from it."""
        self.show_claim(claim_id)
        self.search.follow(claim_id)

    def show_claim(self, claim_id: int | None) -> None:
        if claim_id != self.claim_id:
            # Typing not yet saved belongs to the claim being left: save it before switching.
            self.review_panel.commit_pending_edits()
        claim = next((c for c in self._claims if c.id == claim_id), None)
        if claim is None and claim_id is not None:
            found = self.store.claim(claim_id)
            if found is not None and found.article_id != self.article_id:
                self.show_article(found.article_id, claim_id)
                return
        self.claim_id = claim.id if claim else None
        if claim is not None:
            self._anchor = (claim.article_id, claim.position)
        if self.article_id is not None:
            self.settings.set_position(self.store.location, self.article_id, self.claim_id)
        self.article_view.set_current(self.claim_id)
        if self.claim_id is not None:
            self.claims_panel.select_claim(self.claim_id)
        self.review_panel.show_claim(claim, self.store.history(claim.id) if claim else [])
        self.similar_panel.set_claim(claim)
        self.update_status()

    def focus_reading(self) -> None:
        """Keys back to the article text, where J/K and the verdict keys work."""
        self.article_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_claim(self) -> ClaimRecord | None:
        return next((c for c in self._claims if c.id == self.claim_id), None)

    def _set_show_all(self, on: bool) -> None:
        if self.article_id is not None:
            self.show_article(self.article_id, self.claim_id)

    # -- navigation --------------------------------------------------------------------------

    def step_claim(self, step: int) -> None:
        if self.search.active:  # a search opened: J/K walk its results, across articles
            self.search.step(step)
            return
        visible = self.visible_claims()
        if not visible:
            return
        from ui.claim_navigation import neighbour_claim

        target = neighbour_claim(visible, self.claim_id, self._anchor, self.article_id, step)
        if target is not None:
            self.show_claim(target)
        else:
            self.statusBar().showMessage(
                "Last claim of this article: Shift+J for the next article, N for the next unreviewed claim."
                if step > 0 else "First claim of this article.", 4000)

    def step_article(self, step: int) -> None:
        target = self.article_list.neighbour(self.article_id, step)
        if target is None:
            self.statusBar().showMessage("No next article." if step > 0 else "No previous article.", 4000)
            return
        self.show_article(target)
        self.announce_article()

    def announce_article(self) -> None:
        """Say which article the reviewer has just been taken to ("Article 3 of 9: title")."""
        if self.article_id is None:
            return
        index, total = self.article_list.position_of(self.article_id)
        shown = self._article_text  # read a moment ago, to show it
        article = shown.article if shown is not None and shown.article.id == self.article_id else None
        title = article.title if article is not None else ""
        self.statusBar().showMessage(f"Article {index} of {total}: {title}", 6000)

    def next_unreviewed(self) -> None:
        current = self.current_claim()
        found = self.store.next_unreviewed(current.article_id if current else None,
                                           current.position if current else None)
        if found is None:
            self.statusBar().showMessage("Every proposed claim has a verdict.", 4000)
            return
        if found.article_id != self.article_id:
            self.show_article(found.article_id, found.id)
            self.announce_article()
        else:
            self.show_claim(found.id)

    # -- changes -----------------------------------------------------------------------------

    def run_op(self, op: ops.Operation) -> Changes | None:
        from ui.undo import run_and_push

        return run_and_push(self.undo_stack, self.store, op, self.apply_changes, self.show_error,
                            self.show_undo_step)

    def show_undo_step(self, message: str, changes: Changes, op: ops.Operation | None = None) -> None:
        """After an undo or redo: the claim it changed on screen (in whichever article), the field
        it changed pointed at, and what was done said in the status bar."""
        changed = self.store.claims_by_ids(sorted(changes.claims))
        if changed and all(c.id != self.claim_id for c in changed):
            self.show_claim(changed[0].id)
        if changed and op is not None:
            from ui.review_panel import changed_field

            self.review_panel.point_at(changed_field(op))
        elif not changed and len(changes.articles) == 1 and self.article_id not in changes.articles:
            self.show_article(next(iter(changes.articles)))  # an article's own details
        shown = changed[0].article_id if changed else next(iter(changes.articles), None)
        where = ""
        if shown is not None:
            article = self.store.article(shown)
            where = f" in “{article.title}”" if article is not None else ""
        self.statusBar().showMessage(message + where, 6000)

    def _claim_op(self, kind: str, **fields: object) -> Changes | None:
        """Run the claim operation named `kind` (a class of factcheck.ops) on the claim on screen."""
        from factcheck import ops  # loaded after the first paint; at the latest here

        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("No claim selected.", 3000)
            return None
        try:
            op = getattr(ops, kind)(claim.id, expected_version=claim.version, **fields)
        except FactcheckError as exc:
            self.show_error(str(exc))
            return None
        return self.run_op(op)

    def record_verdict(self, verdict: str) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if claim.dismissed or not claim.proposed:
            # The verdict would sit on a row the lists and the progress do not count.
            self.statusBar().showMessage(
                "This claim is dismissed. Restore it first (X)." if claim.dismissed
                else "This sentence is not a claim. Make it one first (X).", 6000)
            return
        advance = self.settings.advance_after_verdict
        # Moving on shows the next claim: the judged one is not shown again on the way (see apply_changes).
        self._moving_on = advance
        try:
            done = self._claim_op("SetVerdict", verdict=verdict, reviewer=self.settings.reviewer)
        finally:
            self._moving_on = False
        if done is None:
            return
        if advance and self.search.active:
            self.search.step(1)
        elif advance:
            ids = [c.id for c in self.visible_claims()]
            if claim.id in ids and ids.index(claim.id) + 1 < len(ids):
                self.show_claim(ids[ids.index(claim.id) + 1])
            else:
                self.next_unreviewed()
        if advance and self.claim_id == claim.id:  # nowhere to move to: the verdict shown where it is
            self.show_claim(claim.id)

    def reuse_verdict(self, from_claim_id: int) -> None:
        """Copy a similar past verdict (label, rationale, sources) onto the claim on screen."""
        self._claim_op("ReuseVerdict", from_claim_id=from_claim_id, reviewer=self.settings.reviewer)

    def reuse_best(self) -> None:
        best = self.similar_panel.best()
        if best is None:
            self.statusBar().showMessage("No similar past verdict to reuse for this claim.", 4000)
            return
        self.reuse_verdict(best)

    def toggle_dismissed(self) -> None:
        """X: dismiss or restore a claim; on a sentence that was not proposed, promote it."""
        claim = self.current_claim()
        if claim is None:
            return
        if not claim.proposed:
            self._claim_op("SetProposed", proposed=True)
        else:
            self._claim_op("SetDismissed", dismissed=not claim.dismissed)

    def make_claim_from_selection(self) -> None:
        span = self.article_view.selected_span()
        if self.article_id is None or span is None:
            self.statusBar().showMessage("Select some article text first, then press C.", 4000)
            return
        from factcheck import ops

        op = ops.AddClaim(self.article_id, start=span[0], end=span[1])
        if self.run_op(op) is not None and op.claim_id is not None:
            self.show_claim(op.claim_id)

    def apply_changes(self, changes: Changes) -> None:
        """Each panel refreshes what the change touched; then the current claim is shown afresh."""
        for listener in self._listeners:
            listener.on_changes(changes)
        if self.article_id in changes.articles:
            # The window holds the open article's claims; the reading pane re-highlights from this
            # one read instead of reading them again itself (this runs on every verdict).
            self._claims = self._claims_after(changes)
            self.article_view.update_claims(self._claims)
            ids = {c.id for c in self._claims}
            if not (self._moving_on and self.claim_id in ids):
                self.show_claim(self.claim_id if self.claim_id in ids else None)
        if not changes.empty:
            self.saved_label.setText(f"saved {clock_time()}")
        self.outside_changes.note()

    def _claims_after(self, changes: Changes) -> list[ClaimRecord]:
        """The open article's claims after a change: only the changed ones are read again when
        they stay where they were (a verdict, a rationale, a source), else the whole article."""
        held = {c.id: i for i, c in enumerate(self._claims)}
        if not changes.claims or not changes.claims <= held.keys():
            return self.store.claims(self.article_id)  # type: ignore[arg-type]
        fresh = self.store.claims_by_ids(changes.claims)
        if len(fresh) != len(changes.claims):
            return self.store.claims(self.article_id)  # type: ignore[arg-type]
        claims = list(self._claims)
        for record in fresh:
            old = claims[held[record.id]]
            if (record.article_id, record.position) != (old.article_id, old.position):
                return self.store.claims(self.article_id)  # type: ignore[arg-type]
            claims[held[record.id]] = record
        return claims

    def refresh_from_store(self) -> None:
        """Read again what is on screen, keeping the reviewer's place (article, claim, typing)."""
        self.outside_changes.note()
        self.article_list.reload()
        if self.article_id is not None and self.store.article(self.article_id) is None:
            self.article_id, self.claim_id, self._claims = None, None, []  # deleted elsewhere
        if self.article_id is None:
            self._show_first_article()
            return
        self._claims = self.store.claims(self.article_id)
        self.article_view.update_claims(self._claims)
        self.claims_panel.model.reload()
        ids = {c.id for c in self._claims}
        self.show_claim(self.claim_id if self.claim_id in ids else None)

    def show_import(self, report: ImportReport) -> None:
        """Take in what an import stored and open its first new article (or the known one it matched)."""
        self.apply_changes(report.changes)
        new = report.new_article_ids
        if new:
            self.show_article(new[0])
        elif report.imported:
            self.show_article(report.imported[0][1].article_id)
        self.update_status()

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        if self.article_id is not None:  # another reviewer's change may be why: show the truth
            self.show_article(self.article_id, self.claim_id)

    # -- status, settings, database ----------------------------------------------------------

    def update_status(self) -> None:
        """The status bar and title: where the reviewer is, as whom, in which database."""
        visible = self.visible_claims() if hasattr(self, "actions") else []
        ids = [c.id for c in visible]
        parts = []
        if hasattr(self, "search") and self.search.active:
            parts.append(self.search.status_text())
        if self.claim_id in ids:
            parts.append(f"claim {ids.index(self.claim_id) + 1} of {len(ids)}")
        elif self.current_claim() is not None:  # on screen but out of the list: it has no number
            state = "dismissed claim" if self.current_claim().dismissed else "not a claim"  # type: ignore[union-attr]
            parts.append(f"{state} · {len(ids)} claims")
        elif self.article_id is not None:
            parts.append(f"{len(ids)} claims")
        if self.article_id is not None and hasattr(self, "article_list"):
            index, total = self.article_list.position_of(self.article_id)
            parts.append(f"article {index} of {total}")
        self.position_label.setText(" · ".join(parts))
        self.reviewer_label.setText(f"reviewer: {self.settings.reviewer}")
        self.database_label.setText(Path(self.store.location).name)
        self.database_label.setToolTip(self.store.location)
        # Ending with the application's name keeps Qt from appending it a second time.
        self.setWindowTitle(f"{Path(self.store.location).name} — factcheck")

    def claim_retraining(self) -> ClaimRetraining:
        """Tools → Retrain Claim Proposal: made on first use, on the store open now."""
        from ui.claim_retraining import ClaimRetraining

        found = getattr(self, "_claim_retraining", None)
        if found is None:
            found = self._claim_retraining = ClaimRetraining(self, self.store)
        found.set_store(self.store)
        return found

    def export_report(self) -> None:
        """File → Export… (Ctrl+E), offering what is on screen as the scope."""
        from ui.export_dialog import ExportDialog, ExportScopes

        article = self.store.article(self.article_id) if self.article_id is not None else None
        search = self.search.panel
        scopes = ExportScopes(article.id if article else None, article.title if article else "",
                              search.model.query.strip() if search is not None else "",
                              tuple(self.claims_panel.selected_claim_ids()))
        self.export_dialog = ExportDialog(self.store, scopes, self.settings.last_folder, self)
        self.export_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog.exportFinished.connect(self._exported)
        self.export_dialog.show()

    def _exported(self, result: object) -> None:
        path = getattr(result, "path", None)
        if path and not getattr(result, "cancelled", True):
            self.settings.last_folder = str(Path(path).parent)
            self.statusBar().showMessage(f"Exported to {path}", 6000)

    def choose_database(self) -> None:
        from ui.database_switch import choose_and_switch

        choose_and_switch(self)

    def edit_preferences(self) -> None:
        from ui.database_switch import edit_preferences

        edit_preferences(self)

    def _edit_article_details(self) -> None:
        from ui.article_details_dialog import edit_article_details

        edit_article_details(self)

    def show_backups(self) -> BackupsDialog:
        from ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def database_restored(self, message: str) -> None:
        """The database now holds a backup's content: every panel reads it afresh."""
        self.undo_stack.clear()  # the steps undo would take back belong to the state before
        self.article_id, self.claim_id, self._claims = None, None, []
        self._build_panels()
        self._show_first_article()
        if self.article_id is None:
            self.review_panel.show_claim(None, [])
        self.statusBar().showMessage(message, 10000)

    def replace_store(self, store: Store) -> None:
        """Show another database: the old store is closed, the undo history belongs to it."""
        old = self.store
        self.undo_stack.clear()
        self.store = store
        self.article_id, self.claim_id, self._claims = None, None, []
        self._build_panels()
        old.close()
        self.outside_changes.note()
        self._show_first_article()
        if self.article_id is None:
            self.review_panel.show_claim(None, [])
        self.backups.on_open()

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def _restore_splitters(self) -> None:
        if self.settings.window_state("geometry") is None:
            self._fit_split(1400)
        for key, splitter in (("main_split", self.main_split), ("centre_split", self.centre_split)):
            state = self.settings.window_state(key)
            if state is not None:
                splitter.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown_once and hasattr(self, "article_view"):  # the panels are there (see _finish_start)
            # Qt would give focus to the first field (the article filter), where the reviewer's
            # first J would be typed as text; the review keys work in the article text.
            self._shown_once = True
            self.focus_reading()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and hasattr(self, "outside_changes"):
            self.outside_changes.check()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not hasattr(self, "outside_changes"):  # closed as a frame, before its panels: nothing to keep
            super().closeEvent(event)
            return
        # A task ending on the pool (a search typed just before) is let finish before the window
        # takes itself apart: once, a close met a pool thread outside Python at that moment and
        # never returned. Bounded, so a long import cannot hold the quit up for long.
        QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
        self.outside_changes.stop()
        self.review_panel.commit_pending_edits()
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("main_split", self.main_split.saveState())
        self.settings.set_window_state("centre_split", self.centre_split.saveState())
        self.settings.sync()
        # The last backup, if anything changed since the one before: the window is gone from the
        # screen at once, and the copying runs on the background runner.
        self.hide()
        self.backups.finish_on_quit()
        super().closeEvent(event)

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files and hasattr(self, "importer"):
            event.acceptProposedAction()
            self.importer.import_files(files)
