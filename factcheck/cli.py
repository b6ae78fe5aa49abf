"""The `factcheck` command: a second thin front end over `factcheck.store.Store`.

Errors go to stderr as one sentence naming the problem and the way out, with a non-zero exit
status; a traceback is shown only when FACTCHECK_DEBUG is set.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factcheck import __version__
from factcheck.errors import BackupError, DatabaseError, FactcheckError, QueryError
from factcheck.labels import VERDICT_LABELS

if TYPE_CHECKING:
    # The store brings SQLAlchemy and SQLModel (most of a second to import), and the records their
    # dataclasses: only a command that needs them loads them, so `factcheck --help` and a mistyped
    # option answer at once.
    from factcheck.quick_reads import QuickReads
    from factcheck.records import BackupRecord, ClaimRecord
    from factcheck.store import Store

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# SQLite keeps ids in 64 bits; a larger number is no id at all, and binding it would overflow.
MAX_ID = 2**63 - 1
# Control characters a terminal would obey (colours, cursor moves, a title change), C1 included.
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The export formats, named here so that building the parser loads nothing of the store (a test
# checks they are the store's, and the PDF that the window's package renders).
EXPORT_CHOICES = ("html", "pdf", "md", "csv", "json", "claimreview")
JSON_HELP = "print JSON (the shapes are stable for scripts; see the README)"
IMPORT_FIELDS = {
    "title": "the article's title (default: front-matter, else its first line or sentence)",
    "outlet": "who published it, like AP",
    "url": "where it was published",
    "author": "who wrote it",
    "published": "when it was published: 2025-05-03, 3 May 2025, May 3, 2025 or 2025-05-03T14:30 "
                 "(a day, month and year are needed)",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Review the claims in news articles.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file or SQLAlchemy URL (default: $FACTCHECK_DB, else the user data folder)")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("import", help="import .txt or .md articles, saved web pages (.html, .mhtml), "
                                      "or the articles in a folder")
    p.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER",
                   help="article files, or folders whose article files are taken in name order")
    for name, text in IMPORT_FIELDS.items():
        p.add_argument(f"--{name}", metavar=name.upper(), help=text)
    p.add_argument("--language", choices=("auto", "en", "es"), default="auto",
                   help="the article's language (default: auto, detected from the text)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("articles", help="list the articles")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("claims", help="list the proposed claims of an article")
    p.add_argument("article_id", type=_id, metavar="ARTICLE_ID", help="the id `factcheck articles` shows")
    p.add_argument("--all", action="store_true", help="every sentence, not only the proposed claims")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("verdict", help="record a verdict on a claim")
    p.add_argument("claim_id", type=_id, metavar="CLAIM_ID", help="the id `factcheck claims ARTICLE_ID` shows")
    p.add_argument("verdict", type=str.lower, choices=VERDICT_LABELS, help="verified, disputed or unclear (any case)")
    p.add_argument("--note", help="the rationale: why this verdict")
    p.add_argument("--source", action="append", default=[], metavar="URL",
                   help="an http or https address backing the verdict (repeatable)")
    p.add_argument("--reviewer", type=_name, help="who gives the verdict (default: the reviewer set in the "
                                                   "window's Preferences, else the OS user name)")

    p = sub.add_parser("search", help="search the claims (see the query language in the README)")
    p.add_argument("query", metavar="QUERY", help="words, \"phrases\", -exclusions, OR, fields like verdict:disputed")
    p.add_argument("--limit", type=_positive, default=50, metavar="N", help="at most N results (default 50)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("similar", help="the reviewed claims of other articles that say what a claim says")
    p.add_argument("claim_id", type=_id, metavar="CLAIM_ID", help="the claim to compare")
    p.add_argument("--limit", type=_positive, default=5, metavar="N", help="at most N claims (default 5)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("seed", help="load the sample articles into a database that has none")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("backup", help="back up the database now (into its backups folder, or to FILE)")
    p.add_argument("--output", metavar="FILE", help="write the backup to this new file instead")

    p = sub.add_parser("backups", help="list the database's backups, newest first")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("restore", help="put a backup in the database's place (the current state is backed up first)")
    p.add_argument("file", metavar="FILE", help="a backup file, or its name in the backups folder")

    p = sub.add_parser("export", help="write a verdict report or a backup (see Export formats in the README)")
    p.add_argument("--format", required=True, choices=EXPORT_CHOICES,
                   help="html, pdf or md: a report to read; csv: one row per claim; json: a backup of everything "
                        "that import reads back; claimreview: schema.org JSON-LD for search engines")
    p.add_argument("--query", metavar="Q", help="only the claims this search finds, in its order")
    p.add_argument("--article", type=_id, metavar="ID", help="only this article")
    p.add_argument("--publisher", metavar="NAME", help="the publishing organisation (default: the preferences)")
    p.add_argument("--publisher-url", metavar="URL",
                   help="base URL of the published reviews (default: the preferences)")
    p.add_argument("--output", "-o", required=True, metavar="FILE", help="the file to write; - for standard output")

    p = sub.add_parser("retrain", help="fit the claim proposal to this desk's decisions (dismissed, promoted, "
                                       "added and judged claims); later imports into this database use it")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--reset", action="store_true", help="go back to the shipped claim proposal model")
    how.add_argument("--status", action="store_true", help="say which model each language uses, change nothing")

    sub.add_parser("gui", help="open the review window")
    return parser


class _TerminalSafe:
    """A stream that shows control characters as escapes (\\x1b) instead of letting the terminal obey
    them, and names that are not valid UTF-8 with their bytes escaped: text from imported files and
    other people's names is printed, and it must never drive the reader's terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return self._stream.write(_TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    @property
    def unfiltered(self) -> TextIO:
        """The stream itself, for data meant for a pipe (an export to `-`): it must arrive unchanged,
        its CSV line ends included; the formats escape what they hold themselves."""
        return self._stream


def _emit(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    overrides = {k: getattr(args, k) for k in ("title", "outlet", "url", "author", "published", "language")}
    report = store.import_paths(args.files, overrides)
    for _name, message in report.failed:
        print(f"factcheck: {message}", file=sys.stderr)
    results = []
    for name, result in report.imported:
        results.append({"file": name, "id": result.article_id, "title": result.title,
                        "proposed": result.proposed, "duplicate": result.duplicate})
        if args.json:
            continue
        if result.duplicate:
            print(f"{name}: already imported as article {result.article_id} ({result.title})")
        else:
            print(f"{name}: article {result.article_id}, {result.proposed} proposed claims "
                  f"of {result.sentences} sentences")
    if args.json:
        _emit(results)
    if report.failed:
        print(f"factcheck: {_failed_summary(len(report.failed), len(report.imported))}", file=sys.stderr)
    return EXIT_ERROR if report.failed else EXIT_OK


def _failed_summary(failed: int, imported: int) -> str:
    """What is true of the count: none imported, or how many of how many were not."""
    total = failed + imported
    if imported == 0:
        return "the file was not imported." if total == 1 else f"none of the {total} files were imported."
    kept = "the other was" if imported == 1 else f"the other {imported} were"
    return f"{failed} of {total} files {'was' if failed == 1 else 'were'} not imported; {kept}."


def _header(line: str) -> None:
    """A header row for a person at a terminal; scripts reading a pipe get the rows alone."""
    if sys.stdout.isatty():
        print(line)


def cmd_articles(store: Store | QuickReads, args: argparse.Namespace) -> int:
    rows = store.articles()
    if args.json:
        _emit([a.as_json() for a in rows])
        return EXIT_OK
    if not rows:
        print("No articles yet. Import one with: factcheck import FILE")
    else:
        _header(f"{'ID':>5}  {'DONE':<7} {'PUBLISHED':<10}  {'OUTLET':<12}  TITLE")
    for a in rows:
        when = a.published or "undated"
        print(f"{a.id:>5}  {a.reviewed:>3}/{a.claims:<3} {when:<10}  {a.outlet[:12]:<12}  {a.title}")
    return EXIT_OK


def cmd_claims(store: Store | QuickReads, args: argparse.Namespace) -> int:
    if store.article(args.article_id) is None:
        print(f"factcheck: there is no article {args.article_id}; list them with: factcheck articles",
              file=sys.stderr)
        return EXIT_ERROR
    rows = store.claims(args.article_id, proposed_only=not args.all)
    if args.json:
        _emit([c.as_json() for c in rows])
        return EXIT_OK
    if not rows:
        print(f"Article {args.article_id} has no proposed claims. Every sentence: factcheck claims "
              f"{args.article_id} --all")
        return EXIT_OK
    _header(f"{'ID':>6}  {'SCORE':<4}  {'STATE':<9}  CLAIM")
    for c in rows:
        state = "dismissed" if c.dismissed else (c.verdict or "-")
        print(f"{c.id:>6}  {c.score:.2f}  {state:<9}  {c.text}")
        if c.speaker:
            print(f"{'':>8}speaker: {c.speaker}")
        for d in c.dates:
            print(f"{'':>8}date: {d.text!r} -> {d.value or 'unresolved'}")
    return EXIT_OK


def _known_claim(store: Store, claim_id: int) -> ClaimRecord | None:
    """The claim, or None after saying on stderr that there is none and how to find one."""
    claim = store.claim(claim_id)
    if claim is None:
        print(f"factcheck: there is no claim {claim_id}; list them with: factcheck claims ARTICLE_ID",
              file=sys.stderr)
    return claim


def cmd_verdict(store: Store, args: argparse.Namespace) -> int:
    target = _known_claim(store, args.claim_id)
    if target is None:
        return EXIT_ERROR
    if not target.proposed:
        # As in the window: `claims` and the progress count proposed claims only, so a verdict here
        # would be stored where nobody sees it.
        print(f"factcheck: claim {target.id} is a sentence that was not proposed as a claim; make it one in the "
              f"review window first (Show All, then X on it), then give it a verdict.", file=sys.stderr)
        return EXIT_ERROR
    from factcheck.records import SourceInput

    sources = [SourceInput(url=u) for u in args.source]
    store.set_verdict(args.claim_id, args.verdict, rationale=args.note, sources=sources, reviewer=args.reviewer)
    claim = store.claim(args.claim_id)
    assert claim is not None
    print(f"claim {claim.id}: {claim.verdict} by {claim.reviewer}, {len(claim.sources)} sources")
    return EXIT_OK


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return min(int(text), 1_000_000)


def _id(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id; ids are whole numbers like 12")
    if int(text) > MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:30]!r} is too large to be an id")
    return int(text)


def _name(text: str) -> str:
    if _NAME_CONTROL.search(text):
        raise argparse.ArgumentTypeError("a name may not contain control characters (escape codes, line breaks); "
                                         "type it as plain text")
    if not text.strip() or len(text) > 200:
        raise argparse.ArgumentTypeError("a name takes 1 to 200 characters")
    return text.strip()


_VERDICT_MARKS = {"verified": "\u2713", "disputed": "\u2717", "unclear": "?", None: "\u25cb"}  # as in the window


def cmd_search(store: Store, args: argparse.Namespace) -> int:
    try:
        results = store.search(args.query, limit=args.limit)
    except QueryError as exc:
        # The query on one line and a caret under the bad part, as compilers point at an error.
        shown = args.query if len(args.query) <= 200 else args.query[:200] + "…"
        print(f"factcheck: {exc}\n  {shown}", file=sys.stderr)
        if exc.position <= 200:
            print("  " + " " * exc.position + "^", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _emit([r.as_json() for r in results])
        return EXIT_OK
    if not results:
        print(f"No claims match {args.query!r}." if args.query.strip() else "No claims yet.")
    else:
        _header(f"{'ID':>6}  V  {'ARTICLE':<30}  MATCH")
    for r in results:
        snippet = " ".join(r.snippet.split())
        print(f"{r.claim_id:>6}  {_VERDICT_MARKS.get(r.verdict, '?')}  {r.article_title[:30]:<30}  {snippet}")
    return EXIT_OK


def cmd_similar(store: Store, args: argparse.Namespace) -> int:
    claim = _known_claim(store, args.claim_id)
    if claim is None:
        return EXIT_ERROR
    from factcheck.search.similar_embedding import EmbeddingMissingError

    try:
        results = store.similar(claim.id, limit=args.limit)
    except EmbeddingMissingError as error:
        print(f"factcheck: similar claims are not available: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        _emit([r.as_json() for r in results])
        return EXIT_OK
    if not results:
        print(f"No reviewed claim of another article is close to claim {claim.id}.")
    else:
        _header(f"{'ID':>6}  V  {'SCORE':<4}  {'ARTICLE':<30}  CLAIM")
    for r in results:
        print(f"{r.claim_id:>6}  {_VERDICT_MARKS.get(r.verdict, '?')}  {r.score:.2f}  {r.article_title[:30]:<30}  "
              f"{' '.join(r.text.split())}")
    return EXIT_OK


def cmd_seed(store: Store, args: argparse.Namespace) -> int:
    results = store.seed()
    if args.json:
        _emit([{"id": r.article_id, "title": r.title, "proposed": r.proposed} for r in results])
    elif not results:
        print("The database already has articles; nothing seeded.")
    for r in results if not args.json else []:
        print(f"article {r.article_id}, {r.proposed} proposed claims: {r.title}")
    return EXIT_OK


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    to_stdout = args.output == "-"
    # Into a pipe the export goes as written; onto a terminal, through the control-character filter.
    stdout = sys.stdout
    if isinstance(stdout, _TerminalSafe) and not stdout.isatty():
        stdout = stdout.unfiltered
    try:
        result = store.export(args.format, stdout if to_stdout else args.output, query=args.query,
                              article_id=args.article, publisher_name=args.publisher,
                              publisher_url=args.publisher_url)
    except QueryError as exc:
        print(f"factcheck: {exc}\n  {args.query}\n  " + " " * exc.position + "^", file=sys.stderr)
        return EXIT_USAGE
    if not to_stdout:
        print(f"{result.path}: {result.claims} claims of {result.articles} articles ({args.format})")
    return EXIT_OK


def export_pdf(args: argparse.Namespace) -> int:
    """A PDF is the HTML report rendered by Qt: like the window, the GUI package renders it, in a
    process of its own, so the core never imports Qt."""
    if args.output == "-":
        print("factcheck: a PDF is not text for standard output; give a file with --output FILE.pdf", file=sys.stderr)
        return EXIT_USAGE
    import importlib.util  # here, with subprocess: the listings start quicker without either
    import subprocess

    if importlib.util.find_spec("ui.pdf_export") is None:
        print("factcheck: PDF export needs the window's package, which is not installed with this copy; "
              "reinstall factcheck with its GUI, or export --format html.", file=sys.stderr)
        return EXIT_ERROR
    command = [sys.executable, "-m", "ui.pdf_export", "--output", args.output]
    for flag, value in (("--db", args.db), ("--query", args.query), ("--article", args.article)):
        if value is not None:
            command += [flag, str(value)]
    return subprocess.run(command, check=False).returncode


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _holds(record: BackupRecord) -> str:
    if record.articles is None:
        return "unreadable"
    return f"{record.articles} articles, {record.claims} claims"


def cmd_backup(store: Store, args: argparse.Namespace) -> int:
    made = store.backup(args.output)
    print(f"backed up to {made.path} ({_holds(made)}, {_size(made.size)})")
    return EXIT_OK


def cmd_backups(store: Store, args: argparse.Namespace) -> int:
    found = store.backups()
    if args.json:
        _emit([b.as_json() for b in found])
        return EXIT_OK
    if not found:
        print(f"No backups yet in {store.backups_folder}. Make one with: factcheck backup")
    for b in found:
        print(f"{b.made_at:%Y-%m-%d %H:%M:%S}  {b.kind:<14}  {_size(b.size):>8}  {_holds(b):<28}  {b.path}")
    return EXIT_OK


def cmd_restore(store: Store, args: argparse.Namespace) -> int:
    chosen = args.file
    folder = store.backups_folder
    if not os.path.exists(chosen) and folder and os.path.exists(os.path.join(folder, chosen)):
        chosen = os.path.join(folder, chosen)
    before = store.restore(chosen)
    print(f"restored {chosen}: {store.article_count()} articles, {store.claim_count()} sentences. "
          f"The state before is kept in {before.path}; restore that to undo.")
    return EXIT_OK


def cmd_retrain(store: Store, args: argparse.Namespace) -> int:
    if args.reset:
        removed = store.reset_claim_model()
        print("Back to the shipped claim proposal model." if removed
              else "This database already uses the shipped claim proposal model.")
    elif not args.status:
        report = store.retrain_claim_model()
        print(report.describe())
        if not report.trained:
            return EXIT_ERROR
    for status in store.claim_model_status():
        print(f"  {status.describe()}")
    return EXIT_OK


# The listings, which the quick reads answer when they can (see _quick_listing).
QUICK_COMMANDS = ("articles", "claims")
COMMANDS = {"import": cmd_import, "articles": cmd_articles, "claims": cmd_claims, "verdict": cmd_verdict,
            "seed": cmd_seed, "search": cmd_search, "similar": cmd_similar, "backup": cmd_backup,
            "backups": cmd_backups, "restore": cmd_restore, "export": cmd_export, "retrain": cmd_retrain}


def _backup_on_open(store: Store) -> None:
    """An automatic backup when the database changed since the last one, at most every 30 minutes; a
    failed backup is reported and the command goes on."""
    from factcheck.store import BACKUP_INTERVAL

    try:
        if store.backup_due(BACKUP_INTERVAL):
            store.automatic_backup()
    except BackupError as exc:
        print(f"factcheck: warning: {exc}", file=sys.stderr)


def _quick_listing(args: argparse.Namespace) -> int | None:
    """A listing read over sqlite3 (factcheck.quick_reads), without loading SQLAlchemy; None when the
    store has to answer: the database is to be created, upgraded or refused, a backup is due (the
    store takes it, as on any open), or the read-only connection was refused a read."""
    import sqlite3

    from factcheck.quick_reads import QuickReads
    from factcheck.storage import backups, locations

    reader = QuickReads.open(args.db if args.db is not None else locations.default_database_path())
    if reader is None:
        return None
    with reader:
        try:
            if reader.backup_due(backups.INTERVAL):
                return None
            command = cmd_articles if args.command == "articles" else cmd_claims
            return command(reader, args)
        except sqlite3.Error:
            return None


def _refuse_missing_folder(database: str | None) -> None:
    """--db names a file to open or create, never folders: a typo must not make a new tree."""
    if database is None or "://" in database:
        return
    folder = Path(database).expanduser().parent
    if not folder.is_dir():
        raise DatabaseError(f"the folder {folder} does not exist; create it first, or give --db a file in a "
                         "folder that exists")


def launch_gui(database: str | None) -> int:
    """Become the window program (`factcheck-gui`): the core never imports the GUI."""
    import importlib.util

    if importlib.util.find_spec("ui.app") is None:
        print("factcheck: the window is not installed with this copy; reinstall factcheck with its GUI.",
              file=sys.stderr)
        return EXIT_ERROR
    command = [sys.executable, "-m", "ui.app"] + (["--db", database] if database else [])
    os.execv(sys.executable, command)
    return EXIT_ERROR  # not reached: execv replaces this process


def main(argv: Sequence[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(out), _TerminalSafe(err)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


# Arguments that are text, not file names: a byte sequence that is not UTF-8 (which Python keeps
# as lone surrogates, and which no database or terminal takes) becomes the replacement character.
_TEXT_ARGUMENTS = ("title", "outlet", "url", "author", "published", "note", "reviewer", "query", "publisher",
                   "publisher_url")


def _readable(args: argparse.Namespace) -> None:
    for name in _TEXT_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, value.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    if getattr(args, "source", None):
        args.source = [u.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for u in args.source]


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    _readable(args)
    if args.command == "gui":
        return launch_gui(args.db)
    if args.command == "export" and args.format == "pdf":
        return export_pdf(args)
    try:
        _refuse_missing_folder(args.db)
        if args.command in QUICK_COMMANDS:
            answered = _quick_listing(args)
            if answered is not None:
                return answered
        from factcheck.store import Store

        with Store(args.db) as store:
            if args.command not in ("backup", "backups", "restore"):
                _backup_on_open(store)
            return COMMANDS[args.command](store, args)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (`factcheck claims 1 | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("factcheck: interrupted; every finished change is saved.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: never a traceback for the user
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: unexpected error ({type(exc).__name__}: {exc}). Nothing half-done was saved; "
              "run again with FACTCHECK_DEBUG=1 to see the details.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
