"""The `factcheck` command, run as a real process the way a reviewer or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED


def factcheck(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "--db", str(db), *args],
        capture_output=True, text=True, timeout=120,
    )


def test_import_list_and_judge_a_claim(db_path: Path) -> None:
    done = factcheck(db_path, "import", str(SEED))
    assert done.returncode == 0, done.stderr
    assert "article 1" in done.stdout and "proposed claims" in done.stdout

    articles = json.loads(factcheck(db_path, "articles", "--json").stdout)
    assert articles[0]["outlet"] == "AP" and articles[0]["claims"] >= 8
    assert set(articles[0]) >= {"id", "title", "outlet", "url", "author", "published", "language", "claims", "reviewed"}

    claims = json.loads(factcheck(db_path, "claims", "1", "--json").stdout)
    assert set(claims[0]) >= {"id", "article_id", "position", "text", "start", "end", "speaker", "score", "reasons",
                              "proposed", "dismissed", "verdict", "rationale", "reviewer", "reviewed_at", "sources",
                              "dates"}
    assert claims[0]["speaker"] == "Sheinbaum" and claims[0]["reasons"]

    target = claims[1]["id"]
    done = factcheck(db_path, "verdict", str(target), "disputed", "--note", "No record of the offer",
                     "--source", "https://www.wsj.com/world/a", "--reviewer", "ana")
    assert done.returncode == 0, done.stderr
    judged = next(c for c in json.loads(factcheck(db_path, "claims", "1", "--json").stdout) if c["id"] == target)
    assert (judged["verdict"], judged["rationale"], judged["reviewer"]) == ("disputed", "No record of the offer", "ana")
    assert judged["sources"][0]["url"] == "https://www.wsj.com/world/a"
    assert json.loads(factcheck(db_path, "articles", "--json").stdout)[0]["reviewed"] == 1


def test_one_bad_file_does_not_stop_the_others(db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("The unemployment rate fell to 4.1% in March, the Labor Department said on Friday.\n")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nThe city spent $2.3 million on the bridge in 2024, records show.\n")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = factcheck(db_path, "import", str(good), str(binary), str(notes), str(empty), str(tmp_path / "gone.txt"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "b.txt" in done.stderr and "binary" in done.stderr
    assert "empty.txt" in done.stderr and "empty" in done.stderr
    assert "gone.txt" in done.stderr
    assert [a["title"] for a in json.loads(factcheck(db_path, "articles", "--json").stdout)] == [
        "The unemployment rate fell to 4.1% in March, the Labor Department said on Friday.", "Notes"]


def test_reimport_says_which_article_it_already_is(db_path: Path) -> None:
    factcheck(db_path, "import", str(SEED))
    again = factcheck(db_path, "import", str(SEED))
    assert again.returncode == 0
    assert "already imported as article 1" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("claims", "99"), "no article 99"),
        (("verdict", "99", "verified"), "no claim 99"),
        (("verdict", "1", "verified", "--source", "javascript:alert(1)"), "http or https"),
        (("import", "--published", "not a date", str(SEED)), "not a date"),
    ],
)
def test_errors_are_one_clear_line_and_a_non_zero_exit(db_path: Path, args: tuple[str, ...], message: str) -> None:
    factcheck(db_path, "import", "--title", "x", str(SEED)) if args[0] == "verdict" else None
    done = factcheck(db_path, *args)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_that_is_not_a_database_is_refused_without_a_traceback(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("shopping list\n")
    done = factcheck(not_db, "articles")
    assert done.returncode == 1
    assert "not a factcheck database" in done.stderr and "Traceback" not in done.stderr
    assert not_db.read_text() == "shopping list\n"


def test_the_default_database_honours_factcheck_db(tmp_path: Path) -> None:
    target = tmp_path / "desk.db"
    env = {"FACTCHECK_DB": str(target), "PATH": "", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "seed"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.exists()


def test_a_large_batch_is_imported_whole_and_in_order(db_path: Path, tmp_path: Path) -> None:
    """More files than the worker-pool threshold: analysed in worker processes, stored in order."""
    from factcheck.importing.batch import POOL_THRESHOLD

    files = []
    for n in range(POOL_THRESHOLD + 8):
        path = tmp_path / f"brief-{n:02}.txt"
        path.write_text(f"---\ntitle: Brief {n}\n---\nThe council approved {n + 10} homes on Monday, "
                        f"the mayor said.\n")
        files.append(str(path))
    done = factcheck(db_path, "import", "--json", *files)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["title"] for r in results] == [f"Brief {n}" for n in range(len(files))]
    assert all(r["proposed"] == 1 for r in results)
    listed = json.loads(factcheck(db_path, "articles", "--json").stdout)
    assert [a["title"] for a in listed] == [f"Brief {n}" for n in range(len(files))]


def test_a_listing_cut_short_by_its_reader_is_not_an_error(db_path: Path) -> None:
    """`factcheck claims 1 | head -1`: the reader has gone before the listing is written."""
    factcheck(db_path, "import", str(SEED))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone: every write now fails with a broken pipe
    try:
        done = subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(db_path), "claims", "1"],
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == ""


def test_factcheck_gui_opens_the_window_program(db_path: Path, tmp_path: Path) -> None:
    """`factcheck gui` becomes the window program on the given database, and keeps running."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    window = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "--db", str(db_path), "gui"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while not db_path.exists() and window.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        assert window.poll() is None, window.stderr.read().decode() if window.stderr else ""
        assert db_path.exists()
    finally:
        window.kill()
        window.wait()
        if window.stderr is not None:
            window.stderr.close()
