"""Retraining the claim proposal on one desk's decisions: the desk's scores move, only in its own
database, imports (worker processes included) and added claims use it, and the shipped model is
one step away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from factcheck import ops
from factcheck.analysis import claim_model, claim_retrain
from factcheck.analysis.claims import PROPOSE_THRESHOLD
from factcheck.store import Store

# Sentences of one kind this desk never checks (market wraps), with a figure and a date each, so
# the shipped model proposes them; and a new one of the same kind to score afterwards.
TEAMS = ["Lakers", "Celtics", "Bulls", "Knicks", "Heat", "Spurs", "Suns", "Nets", "Jazz", "Magic", "Kings",
         "Hawks", "Bucks", "Pistons"]


def wrap(i: int) -> str:
    return (f"The {TEAMS[i % len(TEAMS)]} beat the {TEAMS[(i + 3) % len(TEAMS)]} {100 + i}-{90 + i} on "
            f"Sunday, their {i + 2}th win in a row, the team said in a statement.")


NEW_WRAP = "The Rockets beat the Clippers 111-104 on Saturday, their 5th win in a row, the team said in a statement."
UNRELATED = "The ministry said unemployment fell to 4.2 percent in March, the lowest rate since 2008."


def article(i: int) -> str:
    return f"{wrap(i)}\n{UNRELATED.replace('4.2', f'{4 + i / 10:.1f}')}\n"


def score_in(store: Store, text: str) -> float:
    result = store.import_text(text, title="probe", published="2025-05-03")
    claims = store.claims(result.article_id)
    return next(c.score for c in claims if c.text == text.strip())


@pytest.fixture
def desk(tmp_path: Path) -> Store:
    """A database where the reviewer dismissed every game recap and judged the figures."""
    store = Store(tmp_path / "desk.db", reviewer="ana")
    for i in range(14):
        result = store.import_text(article(i), title=f"Round-up {i}", published="2025-05-03")
        for claim in store.claims(result.article_id):
            if claim.text.startswith("The ") and " beat the " in claim.text:
                store.run(ops.SetDismissed(claim.id, dismissed=True) if claim.proposed
                          else ops.SetProposed(claim.id, proposed=False))
            elif claim.proposed:
                store.run(ops.SetVerdict(claim.id, verdict="verified", reviewer="ana"))
    yield store
    store.close()


def test_the_shipped_model_proposes_the_recaps_before_any_retraining(tmp_path: Path) -> None:
    with Store(tmp_path / "fresh.db") as store:
        assert score_in(store, NEW_WRAP) >= PROPOSE_THRESHOLD


def test_retraining_learns_what_this_desk_dismisses_and_only_here(desk: Store, tmp_path: Path) -> None:
    before = claim_model.shipped_model("en").score(NEW_WRAP, *_signals(NEW_WRAP))[0]
    report = desk.retrain_claim_model()
    assert report.trained == {"en": 28}
    assert "28 decisions" in report.describe()

    after = score_in(desk, NEW_WRAP)
    assert after < before / 2, "a recap like those dismissed now scores far lower"
    judged_kind = score_in(desk, "Officials said inflation rose to 3.1 percent in April, the highest since 2011.")
    assert judged_kind >= PROPOSE_THRESHOLD, "the kind of claim the desk judged is still proposed"
    assert judged_kind > 2 * after

    with Store(tmp_path / "other.db") as other:  # another desk's database keeps the shipped model
        assert score_in(other, NEW_WRAP) == pytest.approx(before, abs=1e-6)

    status = {s.language: s for s in desk.claim_model_status()}
    assert status["en"].retrained and status["en"].decisions == 28 and not status["en"].stale
    assert not status["es"].retrained

    assert desk.reset_claim_model() == 1
    assert score_in(desk, NEW_WRAP.replace("111", "112")) == pytest.approx(
        claim_model.shipped_model("en").score(NEW_WRAP.replace("111", "112"), *_signals(NEW_WRAP))[0], abs=1e-6)


def test_an_added_claim_and_a_batch_import_in_workers_use_the_retrained_model(desk: Store) -> None:
    desk.retrain_claim_model()
    weights = desk_weights(desk)
    retrained = claim_retrain.with_weights(claim_model.shipped_model("en"), *weights)
    expected = retrained.score(NEW_WRAP, *_signals(NEW_WRAP))[0]

    target = desk.import_text("Nothing to see in this line of text here.", title="typed").article_id
    add = ops.AddClaim(target, text=NEW_WRAP)
    desk.run(add)
    assert desk.claim(add.claim_id).score == pytest.approx(expected, abs=1e-6)

    from factcheck.importing.reading import from_text

    many = [from_text(f"{NEW_WRAP}\nBatch article number {i} of the import.\n", title=f"b{i}") for i in range(40)]
    results = list(desk.import_many(many, workers=2))
    first = results[0].article_id
    assert next(c.score for c in desk.claims(first) if c.text == NEW_WRAP) == pytest.approx(expected, abs=1e-6)


def test_weights_made_for_another_shipped_model_are_not_used(desk: Store) -> None:
    desk.retrain_claim_model()
    con = sqlite3.connect(desk.location)
    con.execute("UPDATE claim_model SET base = 'an older model'")
    con.commit()
    con.close()
    status = {s.language: s for s in desk.claim_model_status()}
    assert status["en"].stale and "retrain again" in status["en"].describe()
    shipped = claim_model.shipped_model("en").score(NEW_WRAP, *_signals(NEW_WRAP))[0]
    assert score_in(desk, NEW_WRAP) == pytest.approx(shipped, abs=1e-6)


def test_too_few_decisions_change_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "few.db") as store:
        result = store.import_text(article(0), title="one")
        claim = next(c for c in store.claims(result.article_id) if c.proposed)
        store.run(ops.SetDismissed(claim.id, dismissed=True))
        report = store.retrain_claim_model()
        assert report.trained == {} and report.too_few == {"en": 1}
        assert "Not enough decisions" in report.describe()
        assert not any(s.retrained for s in store.claim_model_status())


def test_a_cancelled_retraining_keeps_the_shipped_model(desk: Store) -> None:
    seen = []
    report = desk.retrain_claim_model(progress=lambda done, total: seen.append((done, total)),
                                      cancelled=lambda: len(seen) >= 3)
    assert report.cancelled
    assert not any(s.retrained for s in desk.claim_model_status())


def test_unchanged_weights_score_exactly_as_the_shipped_model() -> None:
    shipped = claim_model.shipped_model("en")
    same = claim_retrain.with_weights(shipped, shipped.coef.copy(), shipped.intercept)
    for text in (NEW_WRAP, UNRELATED, "A short one."):
        assert same.score(text, *_signals(text))[0] == shipped.score(text, *_signals(text))[0]


def _signals(text: str) -> tuple[list[str], int]:
    from factcheck.analysis.claims import signals

    reasons, tokens, _ = signals(text, "en")
    return reasons, tokens


def desk_weights(store: Store) -> tuple[np.ndarray, float]:
    from factcheck.storage import desk_labels

    return desk_labels.weights_in_use(store.engine)["en"]


def test_the_command_line_retrains_reports_and_resets(desk: Store) -> None:
    from tests.test_cli import factcheck

    path = Path(desk.location)
    desk.close()
    status = factcheck(path, "retrain", "--status")
    assert status.returncode == 0 and "English: the shipped model" in status.stdout

    done = factcheck(path, "retrain")
    assert done.returncode == 0, done.stderr
    assert "retrained on 28 decisions (en)" in done.stdout
    assert "English: retrained on 28 of this desk's decisions" in done.stdout

    back = factcheck(path, "retrain", "--reset")
    assert back.returncode == 0 and "Back to the shipped claim proposal model." in back.stdout
    assert "English: the shipped model" in back.stdout


def test_the_command_line_says_when_there_is_nothing_to_learn_from(tmp_path: Path) -> None:
    from tests.test_cli import factcheck

    with Store(tmp_path / "new.db") as store:
        store.import_text(article(0), title="one")
    done = factcheck(tmp_path / "new.db", "retrain")
    assert done.returncode == 1
    assert "Not enough decisions to retrain on yet" in done.stdout
    assert "Traceback" not in done.stderr
