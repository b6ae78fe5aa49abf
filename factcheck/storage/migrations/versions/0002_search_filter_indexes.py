"""indexes for the search filters published-after/before and reviewer:

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_published', ['published'], unique=False)
    with op.batch_alter_table('verdict', schema=None) as batch_op:
        batch_op.create_index('ix_verdict_reviewer', ['reviewer'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('verdict', schema=None) as batch_op:
        batch_op.drop_index('ix_verdict_reviewer')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_published')
