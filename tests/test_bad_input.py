"""Every kind of bad input the desk meets: files, databases, addresses, text. Each is refused with one
clear line naming the problem (or taken in cleanly), and each test checks that nothing stored changed."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.errors import FactcheckError, OperationError
from factcheck.importing import reading
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.conftest import PROJECT_ROOT, SEED


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table: what "nothing stored changed" compares."""
    con = sqlite3.connect(path)
    try:
        # The search index's own tables are left out: SQLite may lay out the same index differently
        # after a change and its undo, and the rows it indexes are compared anyway.
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                                            "ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


@pytest.fixture
def desk(db_path: Path) -> Iterator[Store]:
    with Store(db_path, reviewer="ana") as store:
        store.import_file(SEED)
        yield store


def _refused_file(store: Store, path: Path | str, *fragments: str) -> str:
    before = snapshot(store.path)  # type: ignore[arg-type]
    report = store.import_paths([path])
    after = snapshot(store.path)  # type: ignore[arg-type]
    assert report.imported == [] and len(report.failed) == 1, report
    message = report.failed[0][1]
    assert len(message.splitlines()) == 1 and "unexpected" not in message
    for fragment in fragments:
        assert fragment in message
    assert after == before
    return message


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
ZIP = b"PK\x03\x04\x14\x00\x00\x00" + bytes(64)
ELF = b"\x7fELF\x02\x01\x01" + bytes(64)


@pytest.mark.parametrize("name, data, fragments", [
    ("empty.txt", b"", ("is empty",)),
    ("blank.txt", b" \n\t \r\n  ", ("is empty",)),
    ("invisible.txt", "\u00a0\u200b\ufeff \u200b\n\u00a0".encode(), ("is empty",)),
    ("photo.txt", PNG, ("binary file",)),
    ("archive.md", ZIP, ("binary file",)),
    ("program.txt", ELF, ("binary file",)),
    ("nul-late.txt", b"A long article. " * 600 + b"\x00 and more text after it.", ("binary file",)),
    ("header.md", b"---\ntitle: Forgot to close\nauthor: ana\n", ("never closes",)),
    ("long-title.md", b"---\ntitle: " + b"x" * 200_000 + b"\n---\nThe body.\n", ("200,000 characters",)),
    ("year-one.md", b"---\npublished: 0001-01-01\n---\nOn Saturday 3 troops came.\n", ("plausible",)),
    ("year-9999.md", b"---\npublished: 9999-12-31\n---\nOn Saturday 3 troops came.\n", ("plausible",)),
    ("url-space.md", b"---\nurl: https://ap news.com/a\n---\nBody text.\n", ("a space",)),
])
def test_a_bad_file_is_refused_naming_the_problem_and_nothing_changes(
        desk: Store, tmp_path: Path, name: str, data: bytes, fragments: tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _refused_file(desk, path, f"'{path}'", *fragments)


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(desk: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused before it is read
    _refused_file(desk, path, "too large", "50.0 MB", "the limit is 5.0 MB")


def test_a_folder_a_missing_path_and_a_symlink_loop_each_get_their_own_message(desk: Store, tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    _refused_file(desk, tmp_path / "empty-folder", "folder with no article files")
    _refused_file(desk, tmp_path / "nowhere.txt", "does not exist")
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    _refused_file(desk, loop, "symbolic link", "loop")


# Permissions do not bind root, which CI runs as: there the command runs without the capabilities
# that let root pass them, so the file's own mode bits decide, as for anyone else.
_BOUND_BY_PERMISSIONS = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                         "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def _cli_bound_by_permissions(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_BOUND_BY_PERMISSIONS, sys.executable, "-m", "factcheck.cli", "--db", str(db), *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)


def test_a_file_without_read_permission_is_refused_and_the_others_imported(desk: Store, tmp_path: Path) -> None:
    db = desk.path
    assert db is not None
    desk.backup()  # the command's automatic backup is not what this test is about
    secret = tmp_path / "secret.txt"
    secret.write_text("The council approved 40 homes in 2024.\n")
    secret.chmod(0)
    fine = tmp_path / "fine.txt"
    fine.write_text("The mayor said 12 bridges were closed on Monday.\n")
    before = snapshot(db)
    done = _cli_bound_by_permissions(db, "import", str(secret), str(fine))
    secret.chmod(0o600)
    assert done.returncode == 1, done.stderr
    assert f"factcheck: '{secret}' cannot be read (permission denied)" in done.stderr
    assert "fine.txt: article 2" in done.stdout
    after = snapshot(db)
    assert after["article"][:1] == before["article"][:1] and len(after["article"]) == 2


def test_a_read_only_database_is_refused_in_one_line_and_left_untouched(desk: Store) -> None:
    db = desk.path
    assert db is not None
    desk.close()
    db.chmod(0o444)
    before = db.read_bytes()
    done = _cli_bound_by_permissions(db, "articles")
    db.chmod(0o644)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"factcheck: {db} is read-only") and len(done.stderr.splitlines()) == 1
    assert db.read_bytes() == before


def test_a_read_only_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "review.db"
    with Store(db) as store:
        store.import_file(SEED)
    folder.chmod(0o555)
    done = _cli_bound_by_permissions(db, "articles")
    folder.chmod(0o755)
    assert done.returncode == 1 and "folder" in done.stderr and "read-only" in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_a_non_utf8_file_name_is_imported_readably_and_the_files_after_it_too(desk: Store, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    odd = folder + b"/informe-espa\xf1a.txt"  # Latin-1 bytes in a name: not UTF-8
    with open(odd, "wb") as fh:
        fh.write(b"El alcalde dijo el lunes que 40 puentes se cerraron en 2024.\n")
    after = tmp_path / "zz-after.txt"
    after.write_text("The council approved 40 homes in 2024, the mayor said.\n")
    report = desk.import_paths([os.fsdecode(odd), after])
    assert report.failed == [] and len(report.imported) == 2
    article = desk.article(report.imported[0][1].article_id)
    assert article is not None and article.origin.endswith("informe-espa\ufffda.txt")


@pytest.mark.parametrize("name, data, body_start", [
    ("utf16-bom.txt", "\ufeffSheinbaum dijo el sábado que 3 tropas llegaron.".encode("utf-16-le"), "Sheinbaum dijo"),
    ("utf16-no-bom.txt", "Sheinbaum said on Saturday 3 troops came.".encode("utf-16-le"), "Sheinbaum said"),
    ("utf16-be.txt", "Sheinbaum said on Saturday 3 troops came.".encode("utf-16-be"), "Sheinbaum said"),
    ("cp1252.txt", "The “mayor” said €40 million was spent in 2024 — officials agreed.".encode("cp1252"),
     "The “mayor”"),
    ("latin1.txt", "El alcalde de Peña dijo que 40 niños llegaron en 2024.".encode("latin-1"), "El alcalde de Peña"),
    ("mixed-endings.txt", b"First line 40 troops.\r\nSecond line in 2024.\nThird\rline.\n", "First line"),
    ("one-line.txt", b"The council said 40 homes were built. " * 27_000, "The council said"),
])
def test_odd_but_good_files_are_imported_with_their_text_decoded(desk: Store, tmp_path: Path, name: str,
                                                                 data: bytes, body_start: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = desk.import_paths([path])
    assert report.failed == [] and len(report.imported) == 1
    text = desk.article_text(report.imported[0][1].article_id)
    assert text is not None and text.body.startswith(body_start)
    assert all(text.body[c.start:c.end] == c.text for c in desk.claims(text.article.id) if c.start is not None)


def test_escape_codes_in_a_header_are_kept_out_of_the_title(desk: Store, tmp_path: Path) -> None:
    path = tmp_path / "escapes.md"
    path.write_text("---\ntitle: \x1b[2J\x1b]0;owned\x07Real title\n---\n"
                    + "The mayor said 40 homes were built. " * 20)
    [(_, result)] = desk.import_paths([path]).imported
    assert desk.article(result.article_id).title == "[2J]0;ownedReal title"  # printable, never obeyed


# -- databases ------------------------------------------------------------------------------


def _refused_database(target: str, *fragments: str, file: Path | None = None) -> None:
    before = file.read_bytes() if file is not None and file.exists() else None
    with pytest.raises(FactcheckError) as refused:
        Store(target)
    message = str(refused.value)
    assert len(message.splitlines()) == 1 and "sqlalche.me" not in message and "[SQL" not in message
    for fragment in fragments:
        assert fragment in message
    if file is not None and before is not None:
        assert file.read_bytes() == before


def test_a_file_that_is_not_a_database_and_a_truncated_one_are_refused_untouched(desk: Store, tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("these are my notes\n" * 100)
    _refused_database(str(text), "not a factcheck database", file=text)
    desk.close()
    truncated = tmp_path / "truncated.db"
    data = desk.path.read_bytes()  # type: ignore[union-attr]
    truncated.write_bytes(data[: len(data) // 3])
    _refused_database(str(truncated), "damaged", file=truncated)


@pytest.mark.parametrize("how", ["alembic", "user_version", "hand-edited"])
def test_a_database_from_a_newer_version_is_refused_untouched(db_path: Path, how: str) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    con = sqlite3.connect(db_path)
    if how == "alembic":
        con.execute("UPDATE alembic_version SET version_num = '0099'")
    elif how == "user_version":
        con.execute("PRAGMA user_version = 99")
    else:  # someone edited the version table by hand: another shape altogether
        con.execute("DROP TABLE alembic_version")
        con.execute("CREATE TABLE alembic_version (revision TEXT)")
        con.execute("INSERT INTO alembic_version VALUES ('mine')")
    con.commit()
    con.close()
    _refused_database(str(db_path), "left untouched", file=db_path)


@pytest.mark.parametrize("target, fragment", [
    ("sqlite://", "in memory"),
    ("sqlite:///:memory:", "in memory"),
    ("/dev/null", "not a database file"),
    ("nosuchdriver://x", "Cannot open"),
])
def test_database_addresses_that_would_lose_the_work_are_refused_in_one_line(target: str, fragment: str) -> None:
    _refused_database(target, fragment)


def test_a_read_only_url_is_refused_and_nothing_written(db_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
    before = snapshot(db_path)
    _refused_database(f"sqlite:///{db_path}?mode=ro", "read-only")
    assert snapshot(db_path) == before


def test_a_half_created_empty_database_is_finished_not_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM alembic_version")  # what a creation cut short left before it was atomic
    con.commit()
    con.close()
    with Store(db_path) as store:
        store.import_file(SEED)
        assert store.article_count() == 1


def _with_file_limit(limit: int):  # noqa: ANN202 - a preexec_fn
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_that_fills_up_during_an_import_fails_cleanly_and_the_database_stays_intact(
        db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.import_file(SEED)
        store.backup()  # the command's own automatic backup is not what this test fills the disk with
    files = []
    for n in range(3):
        path = tmp_path / f"long-{n}.txt"
        path.write_text(" ".join(f"Article {n} says {k} troops crossed the border in 2024." for k in range(3000)))
        files.append(str(path))
    before = snapshot(db_path)
    limit = db_path.stat().st_size + 64 * 1024
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(db_path), "import", *files],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
                          preexec_fn=_with_file_limit(limit))
    assert done.returncode == 1
    refusals = [line for line in done.stderr.splitlines() if "long-" in line]
    assert refusals and all("the disk is full" in line and "Nothing was saved" in line for line in refusals)
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    after = snapshot(db_path)
    assert after["article"][:1] == before["article"][:1]  # what was there is intact
    for table in ("article", "claim"):  # and no article is there in part
        assert {r[0] for r in after[table]} >= {r[0] for r in before[table]}
    with Store(db_path) as store:
        for article in store.articles():
            assert len(store.claims(article.id)) > 0


# -- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize("url, reason", [
    ("javascript:alert(1)", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("apnews.com/article", "only http and https"),
    ("https://apnews.com/" + "a" * 10_240, "characters long"),
    ("https://ap news.com/", "a space"),
    ("https://apnews.com/a\nb", "a line break"),
    ("https://apnews.com:99999/", "Port out of range"),
    ("https://[::1", "cannot be read"),
    ("https:///path-only", "no sound host"),
])
def test_a_bad_source_address_is_refused_with_the_reason_and_nothing_changes(desk: Store, url: str,
                                                                             reason: str) -> None:
    claim = desk.claims(1, proposed_only=True)[0]
    before = snapshot(desk.path)  # type: ignore[arg-type]
    with pytest.raises(OperationError) as refused:
        desk.run(ops.AddSource(claim.id, source=SourceInput(url=url)))
    assert reason in str(refused.value) and len(str(refused.value)) < 400
    assert snapshot(desk.path) == before  # type: ignore[arg-type]
    with pytest.raises(reading.IngestError):
        reading.from_text("The body.", url=url)


def test_a_non_ascii_domain_is_stored_in_its_normal_form(desk: Store) -> None:
    claim = desk.claims(1, proposed_only=True)[0]
    desk.run(ops.AddSource(claim.id, source=SourceInput(url="https://Bücher.Example/Seite?q=ñ")))
    assert [s.url for s in desk.claim(claim.id).sources] == ["https://xn--bcher-kva.example/Seite?q=ñ"]


# -- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "x" * 1_000_000,  # a rationale of 1 MB
    "مرحبا، قال الرئيس إن ٤٠ جنديا عبروا الحدود",  # right to left
    "Troops 🪖 crossed 🇲🇽 the border 👨‍👩‍👧 in 2024",  # emoji, flags and joined sequences
    "tab\there, bell\x07, escape\x1b[31m red",  # control characters: kept as typed, escaped when printed
])
def test_a_rationale_of_any_text_is_kept_exactly_and_undone_exactly(desk: Store, text: str) -> None:
    claim = desk.claims(1, proposed_only=True)[0]
    before = snapshot(desk.path)  # type: ignore[arg-type]
    op = ops.SetVerdict(claim.id, verdict="unclear", reviewer="ana", rationale=text)
    desk.run(op)
    assert desk.claim(claim.id).rationale == text
    desk.revert(op)
    after = snapshot(desk.path)  # type: ignore[arg-type]
    assert {t: rows for t, rows in after.items() if t != "claim"} == \
        {t: rows for t, rows in before.items() if t != "claim"}
    assert desk.claim(claim.id).rationale == claim.rationale and desk.claim(claim.id).verdict is None


def test_a_claim_of_1_mb_and_right_to_left_text_imported_keep_their_offsets(desk: Store) -> None:
    body = "قال الرئيس يوم السبت إن 40 جنديا عبروا الحدود. " * 10 + "Emoji 🪖 troops: 40 in 2024. " * 5
    result = desk.import_text(body)
    for claim in desk.claims(result.article_id):
        assert body[claim.start:claim.end] == claim.text
    claim = desk.claims(result.article_id, proposed_only=False)[0]
    big = "A claim. " * 116_509  # about 1 MB of claim text, typed in
    desk.run(ops.EditClaimText(claim.id, text=big))
    assert desk.claim(claim.id).text == big.strip()
