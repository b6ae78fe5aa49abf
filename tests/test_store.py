"""Importing the seed article and reading it back: the acceptance checks of the core."""

from __future__ import annotations

from pathlib import Path

from factcheck import ops
from factcheck.store import Store
from tests.conftest import SEED


def test_the_seed_article_imports_with_its_metadata_and_claims(seeded: Store) -> None:
    [article] = seeded.articles()
    assert article.outlet == "AP"
    assert article.published == "2025-05-03"
    assert article.language == "en"
    assert article.claims >= 8 and article.reviewed == 0

    claims = seeded.claims(article.id, proposed_only=True)
    assert len(claims) == article.claims
    assert all("Marco Ugarte/AP" not in c.text for c in claims), "the photo credit is not a claim"
    assert claims[0].text.startswith("Mexico City - Mexican President Claudia Sheinbaum said")
    assert claims[0].speaker == "Sheinbaum"
    assert [c.position for c in claims] == sorted(c.position for c in claims)


def test_claim_offsets_point_into_the_unchanged_body(seeded: Store) -> None:
    text = seeded.article_text(seeded.articles()[0].id)
    assert text.body == SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    for claim in seeded.claims(text.article.id):
        assert text.body[claim.start:claim.end] == claim.text
        for d in claim.dates:
            assert text.body[d.start:d.end] == d.text


def test_the_seed_dates_resolve_against_the_publication_day(seeded: Store) -> None:
    claims = seeded.claims(seeded.articles()[0].id)
    resolved = {(d.text, d.value) for c in claims for d in c.dates}
    assert ("February 19", "2025-02-19") in resolved
    assert ("April 2, 2025", "2025-04-02") in resolved
    assert any(value == "2025-05-03" and "Saturday" in text for text, value in resolved)
    assert any(value == "2025-04" and "last month" in text for text, value in resolved)


def test_reimporting_the_same_text_names_the_existing_article(seeded: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    result = seeded.import_file(copy)
    assert result.duplicate and result.article_id == seeded.articles()[0].id
    assert seeded.article_count() == 1


def test_without_a_publication_date_dates_are_found_but_not_guessed(store: Store) -> None:
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    result = store.import_text(body, title="Undated copy")
    dates = [d for c in store.claims(result.article_id) for d in c.dates]
    assert any(d.text == "February 19" and d.value is None for d in dates)
    assert any(d.text == "April 2, 2025" and d.value == "2025-04-02" for d in dates)


def test_next_unreviewed_walks_forward_and_skips_reviewed_and_dismissed(seeded: Store) -> None:
    claims = seeded.claims(seeded.articles()[0].id, proposed_only=True)
    seeded.run(ops.SetVerdict(claims[1].id, verdict="verified", reviewer="ana"))
    seeded.run(ops.SetDismissed(claims[2].id, dismissed=True))
    assert seeded.next_unreviewed().id == claims[0].id
    assert seeded.next_unreviewed(claims[0].article_id, claims[0].position).id == claims[3].id
    last = claims[-1]
    assert seeded.next_unreviewed(last.article_id, last.position).id == claims[0].id  # wraps


def test_seeding_loads_the_sample_articles_once(store: Store) -> None:
    assert [r.title for r in store.seed()] == [
        "Mexico's president says she rejected Trump's proposal to send U.S. troops to fight cartels"]
    assert store.seed() == []
    assert store.article_count() == 1


def test_a_batch_import_stores_what_one_at_a_time_stores(tmp_path: Path) -> None:
    """import_many analyses in worker processes once a batch is large; the result must not differ."""
    from factcheck.importing import batch as batch_import
    from factcheck.importing.reading import from_text

    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    items = [from_text(f"Dispatch {n}.\n{body}", title=f"Copy {n}", published="2025-05-03")
             for n in range(batch_import.POOL_THRESHOLD + 2)]
    with Store(tmp_path / "batch.db") as batch, Store(tmp_path / "single.db") as single:
        results = list(batch.import_many(items, workers=2))
        for item in items:
            single.import_input(item)
        assert [r.title for r in results] == [i.title for i in items]
        for a, b in zip(batch.articles(), single.articles(), strict=True):
            assert (a.title, a.claims) == (b.title, b.claims)
            assert [(c.text, c.start, c.score, c.speaker, c.dates) for c in batch.claims(a.id)] == [
                (c.text, c.start, c.score, c.speaker, c.dates) for c in single.claims(b.id)]


def test_a_cancelled_batch_keeps_what_was_stored(store: Store) -> None:
    from factcheck.importing.reading import from_text

    items = [from_text(f"The council approved {n} homes in 2024, the mayor said.") for n in range(10)]
    done = []
    for result in store.import_many(items, cancelled=lambda: len(done) >= 4):
        done.append(result)
    assert len(done) == 4
    assert store.article_count() == 4


def test_a_large_cancelled_batch_keeps_exactly_what_it_reported(store: Store) -> None:
    """A large batch commits several articles at a time: what was reported is stored, no more."""
    from factcheck.importing.reading import from_text

    items = [from_text(f"The council approved {n} homes in 2024, the mayor said.") for n in range(80)]
    done = []
    for result in store.import_many(items, workers=1, cancelled=lambda: len(done) >= 1):
        done.append(result)
    assert 1 <= len(done) < 80
    assert store.article_count() == len(done)
    assert sorted(a.id for a in store.articles()) == sorted(r.article_id for r in done)


def test_claims_by_ids_keeps_the_order_given_and_skips_unknown_ids(seeded: Store) -> None:
    """Search and export hand over ranked ids: the records must come back in that rank."""
    ids = [c.id for c in seeded.claims(1, proposed_only=True)]
    wanted = [ids[3], ids[0], 999_999, ids[2], ids[0]]
    got = seeded.claims_by_ids(wanted)
    assert [c.id for c in got] == [ids[3], ids[0], ids[2]]
    assert got[0] == seeded.claim(ids[3])
    assert seeded.claims_by_ids([]) == []


def test_a_folder_imports_the_articles_inside_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "b.txt").write_text("The council approved 40 homes on Monday, the mayor said.\n")
    (folder / "a.md").write_text("# Budget\n\nThe budget rose 12% in 2024, the minister said.\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)
    report = store.import_paths([folder])
    assert [Path(name).name for name, _ in report.imported] == ["a.md", "b.txt"]
    assert report.failed == [] and len(report.new_article_ids) == 2
    assert report.changes.article_list and report.changes.articles == set(report.new_article_ids)


def test_an_import_reports_each_bad_file_and_keeps_the_good_ones(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The unemployment rate fell to 4.1% in March, the Labor Department said.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    seen: list[tuple[int, int, str]] = []
    report = store.import_paths([empty, good, tmp_path / "gone.txt"], progress=lambda *a: seen.append(a))
    assert [Path(n).name for n, _ in report.imported] == ["good.txt"]
    assert {Path(n).name for n, _ in report.failed} == {"empty.txt", "gone.txt"}
    assert "empty" in dict((Path(n).name, m) for n, m in report.failed)["empty.txt"]
    assert seen[-1] == (3, 3, "") and store.article_count() == 1


def test_importing_a_known_text_again_changes_nothing(seeded: Store) -> None:
    report = seeded.import_paths([SEED])
    assert [r.duplicate for _, r in report.imported] == [True]
    assert report.changes.empty and seeded.article_count() == 1
    assert not seeded.set_verdict(seeded.claims(1, proposed_only=True)[0].id, "verified").empty


def test_a_folder_without_articles_is_reported_not_passed_over(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff")
    report = store.import_paths([folder])
    [(name, message)] = report.failed
    assert name == str(folder) and "no article files" in message
    assert report.imported == [] and store.article_count() == 0


def test_a_batch_larger_than_one_statement_keeps_every_sentence_in_order_with_its_dates(store: Store) -> None:
    """Sentences go in several hundred per statement: order, positions and dates must survive the split."""
    from factcheck.importing.reading import from_text

    long_body = " ".join(f"On 3 May 2025 the council approved {n} new homes, the mayor said." for n in range(1200))
    items = [from_text(long_body)] + [from_text(f"The budget rose by {n} percent in March 2024.") for n in range(40)]
    results = list(store.import_many(items, workers=1))
    assert [r.sentences for r in results] == [1200] + [1] * 40
    claims = store.claims(results[0].article_id)
    assert [c.text for c in claims] == [f"On 3 May 2025 the council approved {n} new homes, the mayor said."
                                        for n in range(1200)]
    body = store.article_text(results[0].article_id).body
    assert all(body[c.start:c.end] == c.text for c in claims)
    dates = store.article_text(results[0].article_id).dates
    assert len(dates) == 1200 and {d.value for d in dates} == {"2025-05-03"}
    assert store.search_ids("approved 1199 homes") == [claims[-1].id]
