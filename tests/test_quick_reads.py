"""The quick reads (sqlite3, no SQLAlchemy) give what the store gives, and step aside when they must.

`factcheck articles` / `claims` and the window's first screen read through factcheck.quick_reads; a
reviewer must never see a difference but speed, so the records and the printed JSON are compared
with the store's on a database holding Spanish text, a verdict with sources, a dismissed claim, a
typed claim, a saved search and an article with every optional field empty.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from factcheck import cli, ops
from factcheck.quick_reads import QuickReads
from factcheck.records import SourceInput
from factcheck.storage import backups
from factcheck.store import Store
from tests.conftest import PROJECT_ROOT, SEED

SPANISH = (
    "El Gobierno anunció que el desempleo bajó al 4,1 % en marzo de 2025, según el INE.\n\n"
    "«Es la cifra más baja desde 2008», dijo la ministra Yolanda Díaz el 3 de mayo de 2025 en Madrid.\n\n"
    "La oposición afirmó que el 60 % de los contratos nuevos son temporales, según un informe de Funcas."
)


@pytest.fixture
def desk(db_path: Path) -> Path:
    """A database with something of everything the listings show."""
    with Store(db_path, reviewer="Begoña Ibáñez") as store:
        store.import_file(SEED)
        spanish = store.import_text(SPANISH, title="Desempleo: ¿récord?", outlet="El País", language="es",
                                    published="2025-05-04").article_id
        store.import_text("The council said it spent $2.3 million on the bridge in 2024, records show.",
                          title="Bare", outlet="", url="", author="")
        claims = store.claims(spanish, proposed_only=True)
        store.set_verdict(claims[0].id, "disputed", rationale="El INE da 4,2 % — véase la nota «EPA».",
                          sources=[SourceInput(url="https://www.ine.es/daco/epa?año=2025", title="Encuesta «EPA»",
                                               publisher="INE", excerpt="tasa de paro: 4,2 %", accessed="2025-05-05"),
                                   SourceInput(url="https://example.org/empty")])
        store.set_verdict(claims[0].id, "unclear", rationale="")  # a history of two verdicts
        store.run(ops.SetDismissed(claims[-1].id, dismissed=True))
        store.run(ops.AddClaim(spanish, text="Un dato escrito a mano, sin posición en el texto."))
        store.run(ops.SaveSearch("Paro «EPA»", "desempleo verdict:disputed"))
    return db_path


def test_the_records_are_the_stores(desk: Path) -> None:
    with Store(desk) as store, QuickReads.open(desk) as quick:  # type: ignore[union-attr]
        articles = store.articles()
        assert quick.articles() == articles and len(articles) == 3
        assert quick.articles([a.id for a in articles][::-1] + [999]) == store.articles([3, 2, 1, 999])
        assert quick.article_list() == store.article_list() and len(quick.article_list()) == 3
        assert quick.article_list([3, 1, 999]) == store.article_list([3, 1, 999])
        for article in articles:
            assert quick.article(article.id) == store.article(article.id)
            assert quick.article_text(article.id) == store.article_text(article.id)
            for proposed_only in (False, True):
                mine = quick.claims(article.id, proposed_only=proposed_only)
                assert mine == store.claims(article.id, proposed_only=proposed_only)
            every = store.claims(article.id)
            assert quick.claims_by_ids([c.id for c in every][::-1]) == store.claims_by_ids([c.id for c in every][::-1])
            for claim in every:
                assert quick.claim(claim.id) == claim
                assert quick.history(claim.id) == store.history(claim.id)
        assert quick.article(999) is None and quick.article_text(999) is None and quick.claim(10**9) is None
        assert quick.saved_searches() == store.saved_searches()
        assert quick.location == store.location
        judged = next(c for c in quick.claims(2) if c.verdict)
        # What the comparison covered: a history, sources with their fields, Spanish text, a typed claim.
        assert len(quick.history(judged.id)) == 2 and len(judged.sources) == 2 and "«" in judged.sources[0].title
        assert any(c.start is None for c in quick.claims(2)) and any(c.dismissed for c in quick.claims(2))
        assert quick.article(3).outlet == "" and quick.article(3).published is None  # type: ignore[union-attr]


def _printed(command: object, reader: object, *argv: str) -> str:
    args = cli.build_parser().parse_args(argv)
    out = io.StringIO()
    with redirect_stdout(out):
        assert command(reader, args) == cli.EXIT_OK  # type: ignore[operator]
    return out.getvalue()


@pytest.mark.parametrize("argv", [("articles", "--json"), ("articles",), ("claims", "2", "--json"),
                                  ("claims", "2", "--all", "--json"), ("claims", "2"), ("claims", "3", "--json")])
def test_the_listings_print_the_same_bytes_either_way(desk: Path, argv: tuple[str, ...]) -> None:
    command = cli.cmd_articles if argv[0] == "articles" else cli.cmd_claims
    with Store(desk) as store, QuickReads.open(desk) as quick:  # type: ignore[union-attr]
        printed = _printed(command, quick, *argv)
        assert printed == _printed(command, store, *argv)
    assert printed.strip()
    if "--json" in argv:
        assert json.loads(printed)


def _run_cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process, saying on its last line whether SQLAlchemy was loaded."""
    code = ("import sys\nfrom factcheck import cli\ncode = cli.main(sys.argv[1:])\n"
            "print('sqlalchemy' in sys.modules, file=sys.stderr)\nsys.exit(code)")
    return subprocess.run([sys.executable, "-c", code, "--db", str(db), *argv], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)


def test_a_listing_loads_no_orm_and_prints_unicode_as_is(desk: Path) -> None:
    backups.make_backup(desk)  # none is due, so nothing sends the command to the store
    done = _run_cli(desk, "claims", "2", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False"
    assert "«Es la cifra más baja desde 2008»" in done.stdout  # not \u00ab escapes
    with Store(desk) as store:
        assert json.loads(done.stdout) == [c.as_json() for c in store.claims(2, proposed_only=True)]


def test_a_database_that_changed_since_its_backup_is_backed_up_as_before(desk: Path) -> None:
    done = _run_cli(desk, "articles", "--json")
    assert done.returncode == 0, done.stderr
    assert [b.kind for b in backups.list_backups(desk)] == ["automatic"]


def _bytes(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_a_newer_database_is_refused_and_left_as_it_was(desk: Path) -> None:
    con = sqlite3.connect(desk)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert QuickReads.open(desk) is None
    before = _bytes(desk)
    done = _run_cli(desk, "articles", "--json")
    assert done.returncode == 1 and "newer version of factcheck" in done.stderr and "Traceback" not in done.stderr
    assert _bytes(desk)[desk.name] == before[desk.name]


def test_a_damaged_database_is_refused_and_left_as_it_was(desk: Path) -> None:
    data = bytearray(desk.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, garbled behind a sound header
    desk.write_bytes(bytes(data))
    for leftover in desk.parent.glob(desk.name + "-*"):
        leftover.unlink()
    assert QuickReads.open(desk) is None
    done = _run_cli(desk, "claims", "1", "--json")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "damaged" in done.stderr or "cannot be read" in done.stderr
    assert desk.read_bytes() == bytes(data)


def test_an_older_database_goes_to_the_store_which_upgrades_it(desk: Path) -> None:
    from factcheck.storage import migrate

    with Store(desk) as store:
        migrate.downgrade(store.engine, migrate.REVISIONS[-2])
    assert QuickReads.open(desk) is None
    done = _run_cli(desk, "articles", "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 3
    assert QuickReads.open(desk) is not None  # up to date now


def test_what_the_quick_reads_leave_to_the_store(tmp_path: Path, desk: Path) -> None:
    assert QuickReads.open(tmp_path / "missing.db") is None  # to be created
    (tmp_path / "empty.db").write_bytes(b"")
    assert QuickReads.open(tmp_path / "empty.db") is None
    assert QuickReads.open(f"sqlite:///{desk}") is None  # a URL: the store parses it
    (tmp_path / "notes.db").write_text("not a database")
    assert QuickReads.open(tmp_path / "notes.db") is None
    if os.geteuid() != 0:  # root may write anything: the file would not be read-only for it
        desk.chmod(0o444)
        try:
            assert QuickReads.open(desk) is None
        finally:
            desk.chmod(0o644)
