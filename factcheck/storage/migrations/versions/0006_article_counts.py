"""each article's open and reviewed claim counts on its row, and an index of the open unreviewed claims

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The article list showed per article how many claims are open (proposed, not dismissed) and how
many of those have a verdict, by grouping every claim of the database on each load: about a second
at a million sentences. The counts now live on the article row, kept by triggers in the same
transaction as every change to a claim (the importer's, every operation's and its undo's alike).

N (the next claim without a verdict) sorted every open claim to take the first: the partial index
holds just those claims, in reading order, so it is one index step. Its WHERE clause is written
as SQLAlchemy renders the read's conditions, which is what lets SQLite use it. The indexes on
`proposed` alone and on `verdict` alone go: without statistics SQLite took an equality on either
for selective and sorted half the table rather than read the partial index. Verdict filters keep
an index of the reviewed claims only (`verdict = 'x'` implies `verdict IS NOT NULL`).
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

OPEN = "({row}.proposed AND NOT {row}.dismissed)"
REVIEWED = "({row}.proposed AND NOT {row}.dismissed AND {row}.verdict IS NOT NULL)"


def _add(row: str, sign: str) -> str:
    return (f"UPDATE article SET open_claims = open_claims {sign} {OPEN.format(row=row)}, "
            f"reviewed_claims = reviewed_claims {sign} {REVIEWED.format(row=row)} WHERE id = {row}.article_id;")


TRIGGERS = {
    "article_counts_claim_insert": f"AFTER INSERT ON claim WHEN {OPEN.format(row='new')} BEGIN {_add('new', '+')} END",
    "article_counts_claim_delete": f"AFTER DELETE ON claim WHEN {OPEN.format(row='old')} BEGIN {_add('old', '-')} END",
    "article_counts_claim_update": f"""
        AFTER UPDATE OF proposed, dismissed, verdict, article_id ON claim
        WHEN {OPEN.format(row='old')} IS NOT {OPEN.format(row='new')}
          OR {REVIEWED.format(row='old')} IS NOT {REVIEWED.format(row='new')}
          OR old.article_id IS NOT new.article_id BEGIN
            {_add('old', '-')}
            {_add('new', '+')}
        END""",
}

BACKFILL = f"""
UPDATE article SET
    open_claims = (SELECT count(*) FROM claim WHERE claim.article_id = article.id AND {OPEN.format(row='claim')}),
    reviewed_claims = (SELECT count(*) FROM claim WHERE claim.article_id = article.id
                       AND {REVIEWED.format(row='claim')})
"""


def upgrade() -> None:
    op.add_column('article', sa.Column('open_claims', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('article', sa.Column('reviewed_claims', sa.Integer(), nullable=False, server_default='0'))
    op.execute(BACKFILL)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("CREATE INDEX ix_claim_open_unreviewed ON claim (article_id, position, id) "
               "WHERE proposed = 1 AND dismissed = 0 AND verdict IS NULL")
    op.execute("DROP INDEX ix_claim_proposed")
    op.execute("DROP INDEX ix_claim_verdict")
    op.execute("CREATE INDEX ix_claim_reviewed_verdict ON claim (verdict) WHERE verdict IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX ix_claim_reviewed_verdict")
    op.execute("CREATE INDEX ix_claim_verdict ON claim (verdict)")
    op.execute("CREATE INDEX ix_claim_proposed ON claim (proposed)")
    op.execute("DROP INDEX ix_claim_open_unreviewed")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    # In place (SQLite 3.35+): a copy of the table would break the search triggers that name it.
    op.execute("ALTER TABLE article DROP COLUMN reviewed_claims")
    op.execute("ALTER TABLE article DROP COLUMN open_claims")
