"""two search indexes: claims a reviewer steps through, and reviewed claims

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

claim_fts held every sentence, though a search only ever looks at proposed or dismissed claims:
half of what an import wrote to it could never be found. It now holds those claims alone.
reviewed_fts holds the claims with a verdict, a few thousand among millions of sentences: a search
that asks for a verdict ("verdict:disputed trump") and the similar-claims lookup read it, so their
cost follows the number of verdicts, not the size of the database.

Both are kept by triggers in the same transaction as every write, as in 0004. FTS5 merges its
segments less eagerly (automerge 16 instead of 4): an import commits one small segment per
article, and merging them four at a time was most of what the index cost an import.
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TOKENIZER = "porter unicode61 remove_diacritics 2"
COLUMNS = "text, rationale, sources, article_title"
RANK = "bm25(10.0, 4.0, 2.0, 1.0)"

# Which claims each index holds, as a condition on a claim row ({row} is new or old).
SCOPES = {
    "claim_fts": ("{row}.proposed OR {row}.dismissed", "proposed, dismissed"),
    "reviewed_fts": ("{row}.verdict IS NOT NULL", "verdict"),
}

SOURCES_OF = ("coalesce((SELECT group_concat(t, ' ') FROM (SELECT title || ' ' || excerpt AS t "
              "FROM source WHERE claim_id = {claim} ORDER BY id)), '')")
TITLE_OF = "coalesce((SELECT title FROM article WHERE id = {article}), '')"


def row_values(row: str) -> str:
    return (f"{row}.id, {row}.text, {row}.rationale, {SOURCES_OF.format(claim=row + '.id')}, "
            f"{TITLE_OF.format(article=row + '.article_id')}")


def triggers(index: str) -> dict[str, str]:
    scope, scope_columns = SCOPES[index]
    new, old = scope.format(row="new"), scope.format(row="old")
    insert = f"INSERT INTO {index} (rowid, {COLUMNS}) SELECT {row_values('new')} WHERE {new};"
    # A claim being created has no sources yet (a source names its claim, which must exist first),
    # so its row needs no look-up of them: a third of what indexing an imported sentence cost.
    created = (f"INSERT INTO {index} (rowid, {COLUMNS}) VALUES (new.id, new.text, new.rationale, '', "
               f"{TITLE_OF.format(article='new.article_id')});")
    sources = f"UPDATE {index} SET sources = {SOURCES_OF.format(claim='{c}.claim_id')} WHERE rowid = {{c}}.claim_id;"
    return {
        f"{index}_claim_insert": f"AFTER INSERT ON claim WHEN {new} BEGIN {created} END",
        # A claim entering or leaving the index's scope (proposed, dismissed, given or losing a verdict).
        f"{index}_claim_scope": f"""
            AFTER UPDATE OF {scope_columns} ON claim WHEN ({old}) IS NOT ({new}) BEGIN
                DELETE FROM {index} WHERE rowid = old.id;
                {insert}
            END""",
        f"{index}_claim_update": f"""
            AFTER UPDATE OF text, rationale ON claim
            WHEN old.text IS NOT new.text OR old.rationale IS NOT new.rationale BEGIN
                UPDATE {index} SET text = new.text, rationale = new.rationale WHERE rowid = new.id;
            END""",
        f"{index}_claim_delete": f"AFTER DELETE ON claim BEGIN DELETE FROM {index} WHERE rowid = old.id; END",
        f"{index}_source_insert": f"AFTER INSERT ON source BEGIN {sources.format(c='new')} END",
        f"{index}_source_update": f"""
            AFTER UPDATE ON source BEGIN
                {sources.format(c='old')}
                {sources.format(c='new')[:-1]} AND new.claim_id IS NOT old.claim_id;
            END""",
        f"{index}_source_delete": f"AFTER DELETE ON source BEGIN {sources.format(c='old')} END",
        f"{index}_article_title": f"""
            AFTER UPDATE OF title ON article WHEN old.title IS NOT new.title BEGIN
                UPDATE {index} SET article_title = new.title
                WHERE rowid IN (SELECT id FROM claim WHERE article_id = new.id);
            END""",
    }


OLD_TRIGGERS = ("claim_fts_claim_insert", "claim_fts_claim_update", "claim_fts_claim_delete",
                "claim_fts_source_insert", "claim_fts_source_update", "claim_fts_source_delete",
                "claim_fts_article_title")


def upgrade() -> None:
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute(f"DELETE FROM claim_fts WHERE rowid IN (SELECT id FROM claim WHERE NOT ({SCOPES['claim_fts'][0].format(row='claim')}))")
    op.execute(f"CREATE VIRTUAL TABLE reviewed_fts USING fts5({COLUMNS}, tokenize = '{TOKENIZER}')")
    op.execute(f"INSERT INTO reviewed_fts(reviewed_fts, rank) VALUES ('rank', '{RANK}')")
    op.execute(f"INSERT INTO reviewed_fts (rowid, {COLUMNS}) SELECT {row_values('claim')} FROM claim "
               f"WHERE {SCOPES['reviewed_fts'][0].format(row='claim')}")
    for index in SCOPES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 16)")
        for name, body in triggers(index).items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    # What the deletions above freed, merged away (a new database has nothing to merge).
    op.execute("INSERT INTO claim_fts(claim_fts) VALUES ('optimize')")


def downgrade() -> None:
    for index in SCOPES:
        for name in triggers(index):
            op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE reviewed_fts")
    op.execute("INSERT INTO claim_fts(claim_fts, rank) VALUES ('automerge', 4)")
    # 0004's index held every claim: put the others back, then 0004's triggers.
    op.execute(f"INSERT INTO claim_fts (rowid, {COLUMNS}) SELECT {row_values('claim')} FROM claim "
               f"WHERE NOT ({SCOPES['claim_fts'][0].format(row='claim')})")
    body = {
        "claim_fts_claim_insert": f"AFTER INSERT ON claim BEGIN INSERT INTO claim_fts (rowid, {COLUMNS}) "
                                  f"VALUES ({row_values('new')}); END",
        "claim_fts_claim_update": triggers("claim_fts")["claim_fts_claim_update"],
        "claim_fts_claim_delete": triggers("claim_fts")["claim_fts_claim_delete"],
        "claim_fts_source_insert": triggers("claim_fts")["claim_fts_source_insert"],
        "claim_fts_source_update": triggers("claim_fts")["claim_fts_source_update"],
        "claim_fts_source_delete": triggers("claim_fts")["claim_fts_source_delete"],
        "claim_fts_article_title": triggers("claim_fts")["claim_fts_article_title"],
    }
    for name in OLD_TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {body[name]}")
