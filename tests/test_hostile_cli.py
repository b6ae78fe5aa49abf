"""Every command with hostile arguments: never an "unexpected error", never a traceback, never a
control character reaching the terminal, and a refusal leaves the database as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.store import Store
from tests.conftest import SEED

HOSTILE = [
    "", " ", "-1", "0", "99999999999999999999", "1e9", "\u00b2", "NaN", "\x1b[2J\x1b]0;owned\x07", "../elsewhere.txt",
    "../review.db", "a" * 20_000, "'; DROP TABLE claim; --", "https://[::1", "javascript:alert(1)", "\udcff\udcfe",
    "🪖🇲🇽", "%s%n{0}", "--", "=1+2", "\u202eRTL",
]

# Each command with one place for a hostile value ({}), and the arguments that make it complete.
TEMPLATES = [
    ["--db", "{}", "articles"],
    ["import", "{}"],
    ["import", "{file}", "--title", "{}"],
    ["import", "{file}", "--outlet", "{}"],
    ["import", "{file}", "--author", "{}"],
    ["import", "{file}", "--url", "{}"],
    ["import", "{file}", "--published", "{}"],
    ["import", "{file}", "--language", "{}"],
    ["articles", "{}"],
    ["claims", "{}"],
    ["claims", "1", "--all", "{}"],
    ["verdict", "{}", "disputed"],
    ["verdict", "{claim}", "{}"],
    ["verdict", "{claim}", "unclear", "--note", "{}"],
    ["verdict", "{claim}", "unclear", "--source", "{}"],
    ["verdict", "{claim}", "unclear", "--reviewer", "{}"],
    ["search", "{}"],
    ["search", "troops", "--limit", "{}"],
    ["similar", "{}"],
    ["similar", "{claim}", "--limit", "{}"],
    ["seed", "{}"],
    ["backup", "--output", "{}"],
    ["backups", "{}"],
    ["restore", "{}"],
]


@pytest.fixture
def hostile_desk(tmp_path: Path) -> tuple[Path, Path, int]:
    db = tmp_path / "review.db"
    with Store(db) as store:
        store.import_file(SEED)
        claim = store.claims(1, proposed_only=True)[0].id
        store.backup()
    article = tmp_path / "article.txt"
    article.write_text("The mayor said on Monday that 40 homes were built in 2024.\n")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    return db, article, claim


def test_every_command_with_hostile_arguments_fails_cleanly(hostile_desk: tuple[Path, Path, int],
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db, article, claim = hostile_desk
    # Relative names land in a folder of the test's own, and "../" stays inside the test's folder:
    # a command that wrongly writes where it is told must not reach anything outside.
    (db.parent / "cwd").mkdir()
    monkeypatch.chdir(db.parent / "cwd")
    (db.parent / "elsewhere.txt").write_text("someone else's file\n")
    outside = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file() and p.name != "review.db"}
    tried = 0
    broken: list[str] = []
    for template in TEMPLATES:
        for value in [*HOSTILE, str(article.parent / "pipe.txt")]:
            argv = [part.replace("{file}", str(article)).replace("{claim}", str(claim)) for part in template]
            argv = [value if part == "{}" else part for part in argv]
            if argv[0] != "--db":
                argv = ["--db", str(db), *argv]
            before = db.read_bytes()  # cheaper than comparing rows, and stricter
            try:
                code = cli.main(argv)
            except SystemExit as exit_:  # argparse refusing the arguments
                code = exit_.code
            out, err = capsys.readouterr()
            tried += 1
            shown = f"{argv!r:.200}: {err[:300]!r}"
            if code not in (0, 1, 2) or "unexpected error" in err or "Traceback" in err:
                broken.append(shown)
            elif "\x1b" in out + err or "\x07" in out + err:  # never obeyed by the terminal
                broken.append(f"raw control character: {shown}")
            elif code != 0 and db.read_bytes() != before:
                broken.append(f"changed the database: {shown}")
    assert broken == [], "\n".join(broken)
    assert tried == len(TEMPLATES) * (len(HOSTILE) + 1)
    assert {p.name: p.read_bytes() for p in db.parent.iterdir() if p.name in outside} == outside
    print(f"{tried} hostile command lines, none unexpected")
