"""`factcheck export` as a script calls it: each text format to a file or standard output, the
publisher from the options or the preferences, and bad input refused in one line with the way out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck import preferences
from factcheck.cli import main
from factcheck.store import Store
from tests.export_data import reviewed


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "desk.db"
    with Store(path, reviewer="ana") as store:
        reviewed(store)
    return path


def test_the_command_offers_the_stores_formats_and_the_pdf() -> None:
    from factcheck.cli import EXPORT_CHOICES
    from factcheck.store import EXPORT_FORMATS

    assert sorted(EXPORT_CHOICES) == sorted((*EXPORT_FORMATS, "pdf"))


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), "export", *args])


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "# Verdict report"),
                                             ("csv", "article_id,article_title"), ("json", '"factcheck-backup"')])
def test_each_text_format_to_a_file(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str,
                                    marker: str) -> None:
    target = tmp_path / f"out.{fmt}"
    assert run(db, "--format", fmt, "--output", str(target)) == 0
    assert marker in target.read_text(encoding="utf-8")
    assert capsys.readouterr().out.startswith(f"{target}: ")


def test_csv_of_a_search_to_standard_output(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "--format", "csv", "--query", "verdict:verified", "--output", "-") == 0
    out = capsys.readouterr().out
    assert out.count("\r\n") == 4 and "\\x0d" not in out  # the CSV arrives as written, CRLF line ends
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 3 and {r["verdict"] for r in rows} == {"verified"}


def test_one_article_in_markdown(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "--format", "md", "--article", "2", "-o", "-") == 0
    out = capsys.readouterr().out
    assert "## Council bans plastic bags" in out and "Sheinbaum" not in out


def test_claimreview_takes_the_publisher_from_options_then_preferences(db: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "--format", "claimreview", "--output", "-") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--publisher-url https://… or set it in Preferences" in err
    assert not list(tmp_path.glob("*.jsonld"))

    assert run(db, "--format", "claimreview", "--publisher", "Desk", "--publisher-url", "https://desk.example",
               "-o", "-") == 0
    review = json.loads(capsys.readouterr().out)["@graph"][0]
    assert review["author"]["name"] == "Desk" and review["url"].startswith("https://desk.example#claim-")

    preferences.save(preferences.load().with_changes(publisher_name="Prefs Desk",
                                                     publisher_url="https://prefs.example/checks"))
    assert run(db, "--format", "claimreview", "-o", "-") == 0
    review = json.loads(capsys.readouterr().out)["@graph"][0]
    assert review["author"]["name"] == "Prefs Desk" and review["url"].startswith("https://prefs.example/checks#")


def test_bad_input_gets_one_line_and_a_non_zero_status(db: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "--format", "html", "--article", "42", "-o", str(tmp_path / "a.html")) == 1
    assert capsys.readouterr().err == "factcheck: There is no article 42. List them with: factcheck articles\n"
    assert run(db, "--format", "html", "--query", "verdict:maybe", "-o", str(tmp_path / "a.html")) == 2
    err = capsys.readouterr().err
    assert "verdict:" in err and "^" in err
    assert run(db, "--format", "html", "-o", str(tmp_path / "no" / "such" / "a.html")) == 1
    assert "does not exist. Choose an existing folder" in capsys.readouterr().err
    assert run(db, "--format", "pdf", "-o", "-") == 2
    assert "a PDF is not text" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.html"))


def test_a_backup_made_by_the_command_imports_back_with_the_import_command(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "backup.json"
    assert run(db, "--format", "json", "-o", str(backup)) == 0
    fresh = tmp_path / "fresh.db"
    capsys.readouterr()
    assert main(["--db", str(fresh), "import", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"{backup}: article 1, 12 proposed claims" in out and f"{backup}: article 2, 3 proposed claims" in out
    with Store(fresh) as restored, Store(db) as original:
        assert [c.as_json() for c in restored.claims(2)] == [c.as_json() for c in original.claims(2)]


def test_hostile_arguments_fail_cleanly_and_change_nothing(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_hostile_cli import HOSTILE

    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")  # a relative output name lands here, never beside the database
    templates = [
        ["--format", "html", "--query", "{}", "--output", "q.html"],
        ["--format", "md", "--article", "{}", "--output", "-"],
        ["--format", "claimreview", "--publisher-url", "{}", "--output", "-"],
        ["--format", "claimreview", "--publisher", "{}", "--publisher-url", "https://desk.example", "--output", "-"],
        ["--format", "html", "--publisher", "{}", "--output", "-"],
        ["--format", "csv", "--output", "{}"],
        ["--format", "{}", "--output", "-"],
    ]
    broken = []
    for template in templates:
        for value in HOSTILE:
            argv = [value if part == "{}" else part for part in template]
            before = db.read_bytes()
            try:
                code = run(db, *argv)
            except SystemExit as exit_:  # argparse refusing the arguments
                code = exit_.code
            out, err = capsys.readouterr()
            shown = f"{argv!r:.160}: {err[:200]!r}"
            if code not in (0, 1, 2) or "unexpected error" in err or "Traceback" in err:
                broken.append(shown)
            elif "\x1b" in out + err or "\x07" in out + err:
                broken.append(f"raw control character: {shown}")
            elif db.read_bytes() != before:
                broken.append(f"changed the database: {shown}")
    assert broken == [], "\n".join(broken)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and p.suffix == ".part"]
