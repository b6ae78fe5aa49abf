"""The desk's decisions become labels for the claim proposal: dismissals, promotions, added and
judged claims, each taken back by its undo."""

from __future__ import annotations

from factcheck import ops
from factcheck.store import Store


def kinds(store: Store) -> list[tuple[str, int, str]]:
    return [(d.kind, d.label, d.text) for d in store.desk_decisions()]


def test_an_untouched_database_has_no_decisions(seeded: Store) -> None:
    assert seeded.desk_decisions() == []


def test_each_kind_of_decision_is_a_label_and_undo_takes_it_back(seeded: Store) -> None:
    article = seeded.articles()[0]
    claims = seeded.claims(article.id)
    proposed = [c for c in claims if c.proposed]
    passed_over = next(c for c in claims if not c.proposed)

    dismiss = ops.SetDismissed(proposed[0].id, dismissed=True)
    seeded.run(dismiss)
    seeded.run(ops.SetProposed(passed_over.id, proposed=True))
    seeded.run(ops.SetVerdict(proposed[1].id, verdict="verified", reviewer="ana"))
    add = ops.AddClaim(article.id, text="Mexico spent 4 billion pesos on the border in 2024.")
    seeded.run(add)

    assert sorted(kinds(seeded)) == sorted([
        ("dismissed", 0, proposed[0].text),
        ("promoted", 1, passed_over.text),
        ("judged", 1, proposed[1].text),
        ("added", 1, "Mexico spent 4 billion pesos on the border in 2024."),
    ])
    assert {d.language for d in seeded.desk_decisions()} == {article.language}

    seeded.revert(add)
    seeded.revert(dismiss)
    assert ("added", 1, "Mexico spent 4 billion pesos on the border in 2024.") not in kinds(seeded)
    assert ("dismissed", 0, proposed[0].text) not in kinds(seeded)


def test_restoring_a_dismissed_claim_withdraws_the_label(seeded: Store) -> None:
    claim = next(c for c in seeded.claims(seeded.articles()[0].id) if c.proposed)
    seeded.run(ops.SetDismissed(claim.id, dismissed=True))
    seeded.run(ops.SetDismissed(claim.id, dismissed=False))
    assert seeded.desk_decisions() == []


def test_demoting_a_claim_is_a_no(seeded: Store) -> None:
    claim = next(c for c in seeded.claims(seeded.articles()[0].id) if c.proposed)
    seeded.run(ops.SetProposed(claim.id, proposed=False))
    assert kinds(seeded) == [("demoted", 0, claim.text)]
