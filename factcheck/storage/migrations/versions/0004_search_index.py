"""the full-text search index over claims, kept by triggers, and saved searches

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# One row per claim (rowid = claim.id). Triggers keep it in the same transaction as every write,
# the raw importer's included, so a search never sees a claim that is not saved or misses one that is.
# porter stems English ("checks" finds "checked"); remove_diacritics 2 folds accents ("sabado" finds
# "sábado"). Column order matters for the bm25 weights below: claim text counts most.
CREATE_INDEX = """
CREATE VIRTUAL TABLE claim_fts USING fts5(
    text, rationale, sources, article_title,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
RANK = "INSERT INTO claim_fts(claim_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)')"

# A claim's sources as one text: every title and excerpt, in the order they were added.
SOURCES_OF = ("coalesce((SELECT group_concat(t, ' ') FROM (SELECT title || ' ' || excerpt AS t "
              "FROM source WHERE claim_id = {claim} ORDER BY id)), '')")

TRIGGERS = {
    "claim_fts_claim_insert": f"""
        AFTER INSERT ON claim BEGIN
            INSERT INTO claim_fts (rowid, text, rationale, sources, article_title)
            VALUES (new.id, new.text, new.rationale, {SOURCES_OF.format(claim='new.id')},
                    coalesce((SELECT title FROM article WHERE id = new.article_id), ''));
        END""",
    "claim_fts_claim_update": """
        AFTER UPDATE OF text, rationale ON claim
        WHEN old.text IS NOT new.text OR old.rationale IS NOT new.rationale BEGIN
            UPDATE claim_fts SET text = new.text, rationale = new.rationale WHERE rowid = new.id;
        END""",
    "claim_fts_claim_delete": """
        AFTER DELETE ON claim BEGIN
            DELETE FROM claim_fts WHERE rowid = old.id;
        END""",
    "claim_fts_source_insert": f"""
        AFTER INSERT ON source BEGIN
            UPDATE claim_fts SET sources = {SOURCES_OF.format(claim='new.claim_id')} WHERE rowid = new.claim_id;
        END""",
    "claim_fts_source_update": f"""
        AFTER UPDATE ON source BEGIN
            UPDATE claim_fts SET sources = {SOURCES_OF.format(claim='old.claim_id')} WHERE rowid = old.claim_id;
            UPDATE claim_fts SET sources = {SOURCES_OF.format(claim='new.claim_id')}
            WHERE rowid = new.claim_id AND new.claim_id IS NOT old.claim_id;
        END""",
    "claim_fts_source_delete": f"""
        AFTER DELETE ON source BEGIN
            UPDATE claim_fts SET sources = {SOURCES_OF.format(claim='old.claim_id')} WHERE rowid = old.claim_id;
        END""",
    "claim_fts_article_title": """
        AFTER UPDATE OF title ON article WHEN old.title IS NOT new.title BEGIN
            UPDATE claim_fts SET article_title = new.title
            WHERE rowid IN (SELECT id FROM claim WHERE article_id = new.id);
        END""",
}

BACKFILL = f"""
INSERT INTO claim_fts (rowid, text, rationale, sources, article_title)
SELECT claim.id, claim.text, claim.rationale, {SOURCES_OF.format(claim='claim.id')}, article.title
FROM claim JOIN article ON article.id = claim.article_id
"""


def upgrade() -> None:
    op.execute(CREATE_INDEX)
    op.execute(RANK)
    op.execute(BACKFILL)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # The empty query lists the newest verdicts first: an index answers it without sorting every claim.
    op.execute("CREATE INDEX ix_claim_reviewed_at ON claim (reviewed_at)")
    op.execute("""
        CREATE TABLE saved_search (
            id INTEGER NOT NULL PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE,
            query VARCHAR NOT NULL,
            created_at DATETIME NOT NULL
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE saved_search")
    op.execute("DROP INDEX ix_claim_reviewed_at")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE claim_fts")
