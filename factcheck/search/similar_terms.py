"""The search index's view of words for the similar-claims lookup: their stems, how many reviewed
claims hold each, and which of a text's words the lookup can afford to ask the index for.

BM25 scores every claim that holds any of the words, so the cost of the candidate query is the
sum of the words' document counts. A word found in a great share of a large database ("said",
"trump") adds thousands of rows to score and little to the ranking (its IDF is low), so the words
are taken rarest first until MAX_POSTINGS claims would be scored. The counts come from the
index's own statistics (an fts5vocab table over reviewed_fts), looked up under its own stems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, bindparam, text

# Chosen on the training tweets (5,000 ranked as well as no limit on the 10,375 Snopes claims).
# On 311,250 claims, every one reviewed, it takes a lookup from 320 ms to 50 ms (median).
MAX_POSTINGS = 5_000

# Connection-private (temp) tables: one to read the index's term statistics, and a one-off index
# with the same tokenizer that turns words into the index's stems. Created once per connection.
_SETUP = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_reviewed_terms USING fts5vocab(main, reviewed_fts, row)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_words USING fts5(words, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_words_tokens USING fts5vocab(temp, similar_words, instance)",
)
_READY = "factcheck.similar_terms"  # the key, in the connection's info, that says the tables are there
_COUNTS = text("SELECT term, doc FROM temp.similar_reviewed_terms WHERE term IN :terms").bindparams(
    bindparam("terms", expanding=True))

# A word's stem depends on the tokenizer alone, never on the data: kept for the process, so that a
# lookup asks the tokenizer only for the words it has not met. Emptied when it grows past the cap.
_STEM_OF: dict[str, str] = {}
_MAX_STEMS = 200_000


def _ready(conn: Connection) -> None:
    if conn.info.get(_READY):
        return
    if conn.in_transaction():
        # Made inside a transaction, the tables go with its rollback: made again next time.
        for statement in _SETUP:
            conn.execute(text(statement))
        return
    # The driver's connection commits each statement (transactions are SQLAlchemy's, see
    # storage/transactions.py), so the tables stay for the connection's life.
    raw = conn.connection.driver_connection
    assert raw is not None
    for statement in _SETUP:
        raw.execute(statement)
    conn.info[_READY] = True


def stems_of(conn: Connection, words: Iterable[str]) -> dict[str, str]:
    """Each word's stem as the index's tokenizer makes it (a word it splits or drops keeps itself)."""
    # The answer is built from what this call read, not from the shared cache, which a lookup on
    # another thread may empty at any moment.
    wanted = set(words)
    stems = {w: s for w in wanted if (s := _STEM_OF.get(w)) is not None}
    unknown = sorted(wanted.difference(stems))
    if unknown:
        _ready(conn)
        conn.execute(text("DELETE FROM temp.similar_words"))
        # One row a word, so a word the tokenizer splits cannot shift the stems of the others.
        conn.execute(text("INSERT INTO temp.similar_words (rowid, words) VALUES (:id, :word)"),
                     [{"id": i + 1, "word": w} for i, w in enumerate(unknown)])
        found: dict[int, str] = {}
        for doc, offset, term in conn.execute(text("SELECT doc, offset, term FROM temp.similar_words_tokens")):
            if int(offset) == 0:
                found[int(doc)] = str(term)
        new = {w: found.get(i + 1, w) for i, w in enumerate(unknown)}
        if len(_STEM_OF) + len(new) > _MAX_STEMS:
            _STEM_OF.clear()
        _STEM_OF.update(new)
        stems.update(new)
    return stems


def doc_counts(conn: Connection, stems: Iterable[str], known: dict[str, int] | None = None) -> dict[str, int]:
    """How many reviewed claims hold each stem (absent: none); `known` counts are not read again."""
    have = dict(known or {})
    missing = sorted(set(stems).difference(have))
    if missing:
        _ready(conn)
        have.update({str(r[0]): int(r[1]) for r in conn.execute(_COUNTS, {"terms": missing})})
        have.update({s: 0 for s in missing if s not in have})
    return have


def affordable(conn: Connection, words: Sequence[str], max_postings: int | None = None,
               counts: dict[str, int] | None = None) -> list[str]:
    """The words (in their order) to match on: rarest first while the claims to score stay under
    `max_postings`; the rarest word is always kept. Words the index has never seen are dropped.
    `counts`, when given, is filled with the document counts read, for the caller to reuse."""
    if not words:
        return []
    stem_of = stems_of(conn, words)
    stems = [stem_of[w] for w in words]
    found = doc_counts(conn, stems)
    if counts is not None:
        counts.update(found)
    budget = MAX_POSTINGS if max_postings is None else max_postings
    kept: set[str] = set()
    total = 0
    for stem in sorted(set(stems), key=lambda s: found.get(s, 0)):
        count = found.get(stem, 0)
        if count == 0:
            continue
        if kept and total + count > budget:
            break
        kept.add(stem)
        total += count
    return [w for w, s in zip(words, stems, strict=True) if s in kept]
