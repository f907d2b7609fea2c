"""pushed receipts: SMPP receipts kept in the database before they are acknowledged

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'pushed_receipt',
        sa.Column('provider', sa.String(length=40), nullable=False),
        sa.Column('part_ref', sa.String(length=100), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('error_code', sa.String(length=16), nullable=True),
        sa.Column('done_at', sa.DateTime(), nullable=True),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('provider', 'part_ref'),
    )


def downgrade() -> None:
    op.drop_table('pushed_receipt')
