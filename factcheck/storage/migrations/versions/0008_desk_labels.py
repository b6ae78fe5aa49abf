"""what the desk decided about each sentence, and the claim model retrained on those decisions

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

`claim.desk_label` is the reviewer's own word on whether a sentence is worth checking: 0 when a
proposed claim was dismissed (or a claim demoted), 1 when a passed-over sentence was promoted or
a claim was made from a selection, NULL while the reviewer has not said. The operations set it,
and their undo puts the old value back with the rest of the claim.

`claim_model` holds, per language, the weights of the claim proposal model fitted further on this
database's decisions (Tools → Retrain). The vocabulary stays the shipped model's, so a row is its
weight vector and bias plus the shipped model it started from; removing the row goes back to the
shipped model.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('claim', sa.Column('desk_label', sa.Integer(), nullable=True))
    op.create_table(
        'claim_model',
        sa.Column('language', sa.String(), primary_key=True),
        sa.Column('base', sa.String(), nullable=False),
        sa.Column('weights', sa.LargeBinary(), nullable=False),
        sa.Column('intercept', sa.Float(), nullable=False),
        sa.Column('decisions', sa.Integer(), nullable=False),
        sa.Column('figures', sa.String(), nullable=False),
        sa.Column('trained_at', sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('claim_model')
    # In place (SQLite 3.35+): a copy of the table would break the triggers that name it.
    op.execute("ALTER TABLE claim DROP COLUMN desk_label")
