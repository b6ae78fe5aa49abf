"""Which of a text's words the similar-claims lookup can afford to ask the search index for.

BM25 scores every claim that holds any of the words, so the cost of the candidate query is the
sum of the words' document counts. A word found in a great share of a large database ("said",
"trump") adds thousands of rows to score and little to the ranking (its IDF is low), so the words
are taken rarest first until MAX_POSTINGS claims would be scored. The counts come from the
index's own statistics (an fts5vocab table over reviewed_fts), looked up under its own stems.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, text

# Chosen on the training tweets (5,000 ranked as well as no limit on the 10,375 Snopes claims).
# On 311,250 claims, every one reviewed, it takes a lookup from 320 ms to 50 ms (median).
MAX_POSTINGS = 5_000

# Connection-private (temp) tables: one to read the index's term statistics, and a one-row index
# with the same tokenizer that turns the text's words into the index's stems. The term statistics
# and the count read are shared with the acceptance features (similar_features).
REVIEWED_TERMS = ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_reviewed_terms "
                  "USING fts5vocab(main, reviewed_fts, row)")
_SETUP = (
    REVIEWED_TERMS,
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_query USING fts5(words, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_query_tokens USING fts5vocab(temp, similar_query, instance)",
)
COUNTS = text("SELECT term, doc FROM temp.similar_reviewed_terms WHERE term IN :terms").bindparams(
    bindparam("terms", expanding=True))


def affordable(conn: Connection, words: Sequence[str], max_postings: int | None = None) -> list[str]:
    """The words (in their order) to match on: rarest first while the claims to score stay under
    `max_postings`; the rarest word is always kept. Words the index has never seen are dropped."""
    if not words:
        return []
    for statement in _SETUP:
        conn.execute(text(statement))
    conn.execute(text("DELETE FROM temp.similar_query"))
    conn.execute(text("INSERT INTO temp.similar_query (rowid, words) VALUES (1, :words)"),
                 {"words": " ".join(words)})
    stem_at: dict[int, str] = {
        int(r[0]): str(r[1]) for r in conn.execute(text("SELECT offset, term FROM temp.similar_query_tokens"))}
    stems = [stem_at.get(i, w) for i, w in enumerate(words)]
    counts: dict[str, int] = {str(r[0]): int(r[1]) for r in conn.execute(COUNTS, {"terms": sorted(set(stems))})}
    budget = MAX_POSTINGS if max_postings is None else max_postings
    kept: set[str] = set()
    total = 0
    for stem in sorted(set(stems), key=lambda s: counts.get(s, 0)):
        count = counts.get(stem, 0)
        if count == 0:
            continue
        if kept and total + count > budget:
            break
        kept.add(stem)
        total += count
    return [w for w, s in zip(words, stems, strict=True) if s in kept]
