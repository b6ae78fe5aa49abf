"""The command line says what is true: counts, empty listings, headers, verdict rules, --db folders."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import preferences
from factcheck.store import Store
from tests.conftest import SEED
from tests.test_cli import factcheck


def claims_json(db: Path, *extra: str) -> list[dict]:
    return json.loads(factcheck(db, "claims", "1", "--json", *extra).stdout)


@pytest.fixture
def imported(db_path: Path) -> Path:
    assert factcheck(db_path, "import", str(SEED)).returncode == 0
    return db_path


def test_verdict_on_a_sentence_never_proposed_is_refused_and_nothing_stored(imported: Path) -> None:
    sentence = next(c for c in claims_json(imported, "--all") if not c["proposed"])
    done = factcheck(imported, "verdict", str(sentence["id"]), "verified")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("then give it a verdict.")
    assert "not proposed" in done.stderr and "Traceback" not in done.stderr
    after = next(c for c in claims_json(imported, "--all") if c["id"] == sentence["id"])
    assert after["verdict"] is None
    assert json.loads(factcheck(imported, "articles", "--json").stdout)[0]["reviewed"] == 0


def test_verdict_on_a_dismissed_claim_is_refused(imported: Path) -> None:
    from factcheck import ops

    target = claims_json(imported)[0]["id"]
    with Store(imported) as s:
        s.run(ops.SetDismissed(target, dismissed=True))
    done = factcheck(imported, "verdict", str(target), "disputed")
    assert done.returncode == 1
    assert f"Claim {target} is dismissed; restore it first" in done.stderr
    assert next(c for c in claims_json(imported) if c["id"] == target)["verdict"] is None


def test_verdict_words_are_taken_in_any_case(imported: Path) -> None:
    target = claims_json(imported)[0]["id"]
    done = factcheck(imported, "verdict", str(target), "Disputed")
    assert done.returncode == 0, done.stderr
    assert next(c for c in claims_json(imported) if c["id"] == target)["verdict"] == "disputed"


def test_the_reviewer_defaults_to_the_one_the_window_preferences_set(imported: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))
    preferences.save(preferences.load().with_changes(reviewer="Marta Ruiz"))  # what Preferences… writes
    env = dict(os.environ)
    target = claims_json(imported)[0]["id"]
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(imported), "verdict", str(target),
                           "verified"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "by Marta Ruiz" in done.stdout
    assert next(c for c in claims_json(imported) if c["id"] == target)["reviewer"] == "Marta Ruiz"


@pytest.mark.parametrize(("bad", "good", "message"), [
    (1, 0, "factcheck: the file was not imported."),
    (2, 0, "factcheck: none of the 2 files were imported."),
    (1, 1, "factcheck: 1 of 2 files was not imported; the other was."),
    (2, 3, "factcheck: 2 of 5 files were not imported; the other 3 were."),
])
def test_the_import_summary_says_what_is_true_of_the_count(db_path: Path, tmp_path: Path, bad: int, good: int,
                                                           message: str) -> None:
    files = []
    for i in range(bad):
        (tmp_path / f"empty{i}.txt").write_text("")
        files.append(str(tmp_path / f"empty{i}.txt"))
    for i in range(good):
        (tmp_path / f"good{i}.txt").write_text(f"The city spent ${i + 2}.3 million on bridge {i} in 2024, "
                                              "the mayor said.\n")
        files.append(str(tmp_path / f"good{i}.txt"))
    done = factcheck(db_path, "import", *files)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == message


def test_claims_of_an_article_without_proposed_claims_says_so(db_path: Path) -> None:
    with Store(db_path) as s:
        s.import_text("Hello there.\n", title="Greeting")
    done = factcheck(db_path, "claims", "1")
    assert done.returncode == 0
    assert done.stdout.strip() == "Article 1 has no proposed claims. Every sentence: factcheck claims 1 --all"


def run_in_terminal(db: Path, *args: str) -> str:
    """The command's output as a person at a terminal sees it (stdout is a tty)."""
    main, secondary = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "factcheck.cli", "--db", str(db), *args], stdout=secondary,
                          stderr=subprocess.PIPE) as process:
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_listings_have_a_header_at_a_terminal_and_none_in_a_pipe(imported: Path) -> None:
    seen = run_in_terminal(imported, "articles").splitlines()
    assert seen[0].split() == ["ID", "DONE", "PUBLISHED", "OUTLET", "TITLE"]
    assert seen[1].split()[0] == "1"
    assert run_in_terminal(imported, "claims", "1").splitlines()[0].split() == ["ID", "SCORE", "STATE", "CLAIM"]
    piped = factcheck(imported, "articles").stdout.splitlines()
    assert piped[0].split()[0] == "1"


def test_every_option_has_help_and_published_names_its_date_forms() -> None:
    from factcheck.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in commands.items():
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"factcheck {name}: {action.dest} has no help text"
    published = next(a for a in commands["import"]._actions if a.dest == "published")
    assert "2025-05-03" in published.help and "3 May 2025" in published.help


def test_db_in_a_folder_that_does_not_exist_is_refused_and_not_created(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "review.db"
    done = factcheck(target, "articles")
    assert done.returncode == 1
    assert done.stderr.strip() == (f"factcheck: the folder {target.parent} does not exist; create it first, or give "
                                   "--db a file in a folder that exists")
    assert not target.parent.exists()
