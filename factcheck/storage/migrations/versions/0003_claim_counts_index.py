"""covering index for the per-article claim counts of the article list

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The article list counts proposed, open and reviewed claims per article on every start; with
    # these columns in one index SQLite answers from the index without touching claim rows.
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index('ix_claim_counts', ['article_id', 'proposed', 'dismissed', 'verdict'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_counts')
