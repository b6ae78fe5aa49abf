"""The JSON backup: everything goes out, and `factcheck import backup.json` into an empty database
gives back the same articles, claims, verdict histories, sources, dates and saved searches."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from factcheck import ops
from factcheck.errors import IngestError
from factcheck.export import json_backup
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.export_data import reviewed

SCHEMA = Path(json_backup.__file__).with_name(json_backup.SCHEMA_FILE)

# What a restore must give back, table by table: every column except row ids a reader never sees
# (verdict, source and date rows are told apart by their content and order). Article and claim ids
# are kept: searches (article:12) and histories ("reused from claim 40") refer to them.
TABLES = {
    "article": "id, title, outlet, url, author, published, language, body, content_hash, imported_at, origin",
    "claim": "id, article_id, position, text, start, \"end\", speaker, score, reasons, proposed, dismissed, verdict, "
             "rationale, reviewer, reviewed_at, created_at, updated_at, version",
    "verdict": "claim_id, label, rationale, reviewer, created_at, reused_from",
    "source": "claim_id, url, title, publisher, excerpt, accessed, added_at",
    "datemention": "article_id, claim_id, start, \"end\", text, value, granularity",
    "saved_search": "name, query",
}


def contents(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return {table: con.execute(f"SELECT {columns} FROM {table} ORDER BY {columns}").fetchall()
                for table, columns in TABLES.items()}
    finally:
        con.close()


WORDS = ("minister senate budget border troops tariff council election vaccine report mayor court police "
         "company shares inflation exports drought harvest hospital school").split()


def generated(store: Store, seed: int = 8, articles: int = 12) -> None:
    """Articles made up from a seeded random source, and a reviewer's work on them: verdicts changed,
    claims dismissed, typed and edited, sources added and removed, reused verdicts, saved searches."""
    rng = random.Random(seed)
    reviewed_ids: list[int] = []
    for n in range(articles):
        sentences = [f"The {rng.choice(WORDS)} said on {rng.choice(['Monday', 'Friday', '3 May 2025'])} that "
                     f"{rng.randint(2, 98)} percent of the {rng.choice(WORDS)} {rng.choice(WORDS)} grew in "
                     f"{rng.randint(2001, 2024)}, according to {rng.choice(['officials', 'the agency', 'Reuters'])}."
                     for _ in range(rng.randint(2, 7))]
        front = f"---\ntitle: Story {n} about the {rng.choice(WORDS)}\noutlet: Outlet {n % 3}\n"
        if n % 2:
            front += f"url: https://news{n}.example/story\npublished: 2025-0{1 + n % 9}-1{n % 9}\nlanguage: en\n"
        article = store.import_text(front + "---\n" + "\n".join(sentences)).article_id
        claims = store.claims(article)
        for claim in claims:
            roll = rng.random()
            if roll < 0.45:
                store.set_verdict(claim.id, rng.choice(["verified", "disputed", "unclear"]),
                                  rationale=f"Checked against {rng.choice(WORDS)} records.",
                                  reviewer=rng.choice(["ana", "ben"]),
                                  sources=[SourceInput(f"https://src{rng.randint(1, 9)}.example/{claim.id}",
                                                       title=f"Doc {claim.id}", publisher="Agency",
                                                       excerpt="“quoted” — text", accessed="2025-05-04")]
                                  [: rng.randint(0, 1)])
                reviewed_ids.append(claim.id)
                if rng.random() < 0.3:
                    store.set_verdict(claim.id, "disputed", rationale="Changed my mind.", reviewer="ben")
            elif roll < 0.55:
                store.run(ops.SetDismissed(claim.id, dismissed=True))
            elif roll < 0.65 and reviewed_ids:
                store.run(ops.ReuseVerdict(claim.id, from_claim_id=rng.choice(reviewed_ids), reviewer="ana"))
        if n % 4 == 0:
            added = ops.AddClaim(article, text="A claim the reviewer typed, in no sentence of the text.")
            store.run(added)
            assert added.claim_id is not None
            store.run(ops.EditClaimText(added.claim_id, text="A claim the reviewer typed, then corrected."))
        if n % 5 == 0 and reviewed_ids:
            claim = store.claim(reviewed_ids[-1])
            if claim is not None and claim.sources:
                store.run(ops.RemoveSource(claim.id, source_id=claim.sources[0].id))
    store.run(ops.SaveSearch("disputed budget", "verdict:disputed budget"))
    store.run(ops.SaveSearch("no sources", "-has:source is:reviewed"))


def test_a_backup_restored_into_an_empty_database_gives_back_everything(store: Store, tmp_path: Path) -> None:
    reviewed(store)
    generated(store)
    backup = tmp_path / "backup.json"
    store.export("json", backup)
    with Store(tmp_path / "restored.db", reviewer="ana") as restored:
        report = restored.import_paths([backup])
        assert not report.failed
        assert len(report.imported) == store.article_count() == 14
        original, back = contents(store.path), contents(restored.path)
        for table in TABLES:
            assert back[table] == original[table], table
        assert sum(len(rows) for rows in original.values()) > 250
        assert any(row[5] is not None for row in original["verdict"])  # reused verdicts came through
        # The search index was rebuilt from the restored rows: the same query finds the same claims.
        for query in ("troops", "verdict:disputed budget", "source:src3.example", "-has:source is:reviewed"):
            assert restored.search_ids(query) == store.search_ids(query), query
        assert [c.as_json() for c in restored.claims(1)] == [c.as_json() for c in store.claims(1)]
        assert [a.as_json() for a in restored.articles()] == [a.as_json() for a in store.articles()]  # the counts
        assert restored.history(2) == store.history(2)


def test_restoring_into_a_database_with_articles_adds_the_new_ones_and_skips_known_texts(
        store: Store, tmp_path: Path) -> None:
    ids = reviewed(store)
    backup = tmp_path / "backup.json"
    store.export("json", backup)
    with Store(tmp_path / "other.db", reviewer="ana") as other:
        other.import_text("Ten new schools opened in 2024, the minister said on Friday in the capital.")
        other.import_file(Path(__file__).resolve().parents[1] / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt")
        results = dict((r.title, r) for _, r in other.import_paths([backup]).imported)
        assert results["Council bans plastic bags"].duplicate is False
        assert next(r for t, r in results.items() if t.startswith("Mexico")).duplicate
        council = results["Council bans plastic bags"].article_id
        assert council == 3  # the next free id, not the backup's 2
        claims = other.claims(council, proposed_only=True)
        assert [c.verdict for c in claims][:2] == ["verified", "verified"]
        # Its reuse pointed at a claim of the seed article, which this database holds under other ids.
        assert other.history(claims[1].id)[0].reused_from is None
        assert ids["reused"] != claims[1].id


def test_the_backup_says_its_format_and_schema_version_and_the_schema_file_documents_it(
        store: Store, tmp_path: Path) -> None:
    reviewed(store)
    data = json.loads(export(store, tmp_path))
    assert data["format"] == "factcheck-backup" and data["schema_version"] == 1
    assert data["scope"]["kind"] == "database" and data["counts"]["claims"] == 15
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"]["const"] == 1
    # Every key written is described in the schema, at every level.
    def described(value: dict, node: dict, where: str) -> None:
        assert set(value) <= set(node["properties"]), (where, set(value) - set(node["properties"]))
        assert set(node.get("required", ())) <= set(value), where
        for key, item in value.items():
            sub = node["properties"][key]
            if isinstance(item, dict):
                described(item, sub, f"{where}.{key}")
            elif isinstance(item, list) and item and isinstance(item[0], dict):
                for entry in item:
                    described(entry, _resolve(schema, sub["items"]), f"{where}.{key}")
    described(data, schema, "backup")


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref")
    return schema["$defs"][ref.rsplit("/", 1)[1]] if ref else node


def export(store: Store, tmp_path: Path) -> str:
    target = tmp_path / "backup.json"
    store.export("json", target)
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(format="something-else"), "is not a factcheck JSON backup"),
    (lambda d: d.update(schema_version=2), "newer factcheck .* Update factcheck to import it"),
    (lambda d: d["articles"][1]["claims"][0].update(verdict="maybe"), "article 2, claim 1: the verdict 'maybe'"),
    (lambda d: d["articles"][0]["claims"][0]["sources"][0].update(url="javascript:alert(1)"),
     "is not an http or https address"),
    (lambda d: d["articles"][0].pop("body"), "article 1: body must be text"),
    (lambda d: d["articles"][1]["claims"][0].update(id=1), "claim id 1: it appears twice"),
])
def test_a_damaged_or_foreign_backup_is_refused_and_nothing_is_stored(store: Store, tmp_path: Path, change,
                                                                       message: str) -> None:
    reviewed(store)
    data = json.loads(export(store, tmp_path))
    change(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with Store(tmp_path / "empty.db") as empty:
        report = empty.import_paths([bad])
        assert not report.imported and len(report.failed) == 1
        assert report.failed[0][1].startswith("'")
        with pytest.raises(IngestError, match=message):
            empty.import_backup(bad)
        assert empty.article_count() == 0


def test_a_file_that_is_not_json_is_refused_with_how_to_make_one(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(IngestError, match="is not valid JSON .*factcheck export --format json"):
        store.import_backup(bad)


def test_a_backup_and_article_files_in_one_import_are_all_reported(store: Store, tmp_path: Path) -> None:
    reviewed(store)
    backup = tmp_path / "backup.json"
    store.export("json", backup)
    note = tmp_path / "note.txt"
    note.write_text("The council approved 40 new homes in 2024, the mayor said on Monday.\n", encoding="utf-8")
    steps: list[tuple[int, int]] = []
    with Store(tmp_path / "fresh.db") as fresh:
        report = fresh.import_paths([backup, note], progress=lambda done, total, _name: steps.append((done, total)))
        assert not report.failed and not report.cancelled
        assert [name for name, _ in report.imported] == [str(note), str(backup), str(backup)]
        assert fresh.article_count() == 3
    assert steps[-1] == (1, 1)  # the progress counts the article files; the backup is reported with them
