"""Similar past verdicts: the reviewed claims of other articles that say what a claim says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factcheck import ops
from factcheck.records import HIGHLIGHT_END, HIGHLIGHT_START, ClaimRecord
from factcheck.search.similar_text import clean, words
from factcheck.store import Store

BAGS = "The city council voted to ban plastic bags in every grocery store from next January."
BAGS_AGAIN = "Grocery stores will have to stop handing out plastic bags after the council's ban vote."
BUDGET = "The council approved a new budget for road repairs in the northern districts."
MOON = "The footage of the first moon landing was filmed in a television studio."


def article(store: Store, title: str, *sentences: str, language: str = "en") -> list[ClaimRecord]:
    """An article of these sentences; each sentence is stored as one of its claims."""
    result = store.import_text(" ".join(sentences), title=title, language=language)
    return store.claims(result.article_id)


def reviewed(store: Store, title: str, sentence: str, verdict: str = "disputed", **kw: str) -> ClaimRecord:
    (claim,) = article(store, title, sentence, **kw)
    store.set_verdict(claim.id, verdict, rationale="Checked with the council minutes.")
    return claim


def test_a_paraphrase_in_another_article_is_found_with_its_verdict(store: Store) -> None:
    past = reviewed(store, "Council bans bags", BAGS)
    reviewed(store, "Moon hoax", MOON, "verified")
    (current,) = article(store, "Shops and bags", BAGS_AGAIN)
    found = store.similar(current.id)
    assert [r.claim_id for r in found] == [past.id]
    assert found[0].verdict == "disputed" and found[0].article_title == "Council bans bags"
    assert 0 < found[0].score <= 1
    assert f"{HIGHLIGHT_START}plastic{HIGHLIGHT_END} {HIGHLIGHT_START}bags{HIGHLIGHT_END}" in found[0].snippet


def test_an_unrelated_claim_sharing_a_word_is_not_listed(store: Store) -> None:
    reviewed(store, "Budget", BUDGET)
    reviewed(store, "Moon hoax", MOON)
    (current,) = article(store, "Shops and bags", BAGS_AGAIN)
    assert store.similar(current.id) == []
    assert store.similar_to_text("Plastic bags are banned from grocery stores.") == []


def test_claims_of_the_same_article_and_the_claim_itself_are_left_out(store: Store) -> None:
    first, second = article(store, "Bags twice", BAGS, BAGS_AGAIN)
    store.set_verdict(first.id, "verified")
    store.set_verdict(second.id, "verified")
    assert store.similar(second.id) == []
    # Asked by text, as the window does for a claim being typed, the article is no boundary.
    assert {r.claim_id for r in store.similar_to_text(BAGS_AGAIN)} == {first.id, second.id}


def test_unreviewed_and_dismissed_claims_are_not_offered(store: Store) -> None:
    (unreviewed,) = article(store, "Bags, not yet checked", BAGS)
    dismissed = reviewed(store, "Bags, dismissed", BAGS.replace("January", "March"))
    store.run(ops.SetDismissed(dismissed.id, dismissed=True))
    (current,) = article(store, "Shops and bags", BAGS_AGAIN)
    assert store.similar(current.id) == []
    store.set_verdict(unreviewed.id, "unclear")
    assert [r.claim_id for r in store.similar(current.id)] == [unreviewed.id]


def test_best_first_and_at_most_the_limit(store: Store) -> None:
    close = reviewed(store, "Bags", BAGS_AGAIN.replace("vote", "decision"))
    further = reviewed(store, "Bags elsewhere", BAGS)
    for n in range(3):
        reviewed(store, f"Bags {n}", f"Plastic bags in grocery stores were banned by council vote number {n}.")
    found = store.similar_to_text(BAGS_AGAIN, limit=3)
    assert len(found) == 3 and found[0].claim_id == close.id
    assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
    assert further.id in {r.claim_id for r in store.similar_to_text(BAGS_AGAIN, limit=5)}


def test_a_language_keeps_to_articles_in_that_language(store: Store) -> None:
    english = reviewed(store, "Bags", BAGS)
    found = store.similar_to_text(BAGS_AGAIN, language="en")
    assert [r.claim_id for r in found] == [english.id]
    assert store.similar_to_text(BAGS_AGAIN, language="es") == []


def test_text_with_no_words_to_match_finds_nothing(store: Store) -> None:
    reviewed(store, "Bags", BAGS)
    for text in ("", "   ", "the of and", "https://t.co/abc #", '"OR" NOT * ( ) :'):
        assert store.similar_to_text(text) == []
    assert store.similar(424242) == []


def test_a_post_is_cleaned_of_links_tags_and_its_credit_line() -> None:
    post = ("Shocking! #PlasticBagBan in all #NYC stores https://t.co/AbC123 pic.twitter.com/xYz "
            "— Jane Doe (@jane_doe) May 3, 2020")
    assert clean(post) == "Shocking! Plastic Bag Ban in all NYC stores Jane Doe"
    assert words("The café's VACCINES, and the U.S. 5G") == ["cafe", "vaccines", "5g"]


def factcheck(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def test_the_command_lists_similar_claims_and_refuses_an_unknown_one(store: Store, db_path: Path) -> None:
    past = reviewed(store, "Council bans bags", BAGS)
    (current,) = article(store, "Shops and bags", BAGS_AGAIN)
    done = factcheck(db_path, "similar", str(current.id), "--json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert set(row) == {"claim_id", "article_id", "text", "verdict", "article_title", "snippet", "score"}
    assert (row["claim_id"], row["verdict"]) == (past.id, "disputed")
    shown = factcheck(db_path, "similar", str(current.id))
    assert shown.returncode == 0 and str(past.id) in shown.stdout and "disputed" not in shown.stderr
    missing = factcheck(db_path, "similar", "999")
    assert missing.returncode == 1 and "no claim 999" in missing.stderr and "Traceback" not in missing.stderr
    nothing = factcheck(db_path, "similar", str(past.id), "--limit", "1")
    assert nothing.returncode == 0


def test_words_too_common_to_score_are_left_to_the_rarer_ones(store: Store) -> None:
    from factcheck.search.similar_terms import affordable

    for n in range(6):
        reviewed(store, f"Council {n}", f"The council met on day {n} of the session.")
    reviewed(store, "Bags", BAGS)
    with store.engine.connect() as conn:
        # "councils" is counted under the index's stem "council", found in 7 claims; "bags" in 1.
        assert affordable(conn, ["councils", "bags", "unheard"], max_postings=5) == ["bags"]
        assert affordable(conn, ["councils", "bags"], max_postings=100) == ["councils", "bags"]
        assert affordable(conn, []) == []


def test_a_match_beyond_the_best_ranked_of_the_claims_own_article_is_still_found(store: Store) -> None:
    """The lookup ranks the index's best matches before reading claims; when all of those are of
    the claim's own article, it must look further rather than find nothing."""
    crowded = article(store, "Bag rules, clause by clause",
                      *(f"Clause {n}: grocery stores must stop handing out plastic bags after the council's "
                        f"ban vote." for n in range(230)))
    for claim in crowded:
        store.set_verdict(claim.id, "verified")
    elsewhere = reviewed(store, "Council bans bags", BAGS)
    found = store.similar(crowded[0].id)
    assert [r.claim_id for r in found] == [elsewhere.id]


# A claim as a desk meets it again (same fact, other words), and a claim that shares a word of the
# text's subject but states another fact, in both languages the project reads. In a database this
# small every word is rare, so the acceptance model passes any pair sharing two subject words
# ("plastic bags" in a claim about litter): the README says what it does on a desk's scale.
SAME_CLAIM = [
    ("en", "The measles vaccine causes autism in one child out of every hundred.",
     "One in a hundred children who get the measles vaccine develops autism, the post says."),
    ("es", "El Gobierno subirá el salario mínimo a 1.200 euros al mes a partir de enero.",
     "A partir de enero el salario mínimo subirá hasta los 1.200 euros al mes, según el Gobierno."),
]
OTHER_FACT = [
    ("en", BUDGET, BAGS_AGAIN),
    ("es", "El paro bajó en enero por primera vez en cinco años.",
     "A partir de enero el salario mínimo subirá hasta los 1.200 euros al mes, según el Gobierno."),
]


def test_a_claim_that_says_the_same_thing_is_shown(store: Store) -> None:
    for language, checked, again in SAME_CLAIM:
        past = reviewed(store, f"Checked ({language})", checked, language=language)
        assert [r.claim_id for r in store.similar_to_text(again, language=language)] == [past.id], again


def test_a_claim_on_the_same_subject_stating_another_fact_is_not_shown(store: Store) -> None:
    from factcheck.search.similar import ranked_for

    for language, checked, other in OTHER_FACT:
        past = reviewed(store, f"Checked ({language})", checked, language=language)
        with store.engine.connect() as conn:  # the index does propose it: it shares a word
            assert [r.candidate.claim_id for r in ranked_for(conn, other, language=language)[1]] == [past.id]
        assert store.similar_to_text(other, language=language) == [], other
