"""covering index for the article list's columns

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

The article list reads every article's title, outlet, publication date and claim counts on each
reload. Read from the table, that walks every article row with its body (most of the file at tens
of thousands of articles; the counts, added last, sit behind the body). This index holds just those
columns, in id order, so the list is read from a few megabytes of index instead.
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_article_list ON article (id, title, outlet, published, open_claims, reviewed_claims)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_article_list")
