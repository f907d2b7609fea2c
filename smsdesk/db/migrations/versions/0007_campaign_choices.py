"""campaign choices kept for editing: transliterated merged values, every list sent to

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('campaign') as batch:
        batch.add_column(
            sa.Column('transliterate', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column('list_ids', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('campaign') as batch:
        batch.drop_column('list_ids')
        batch.drop_column('transliterate')
