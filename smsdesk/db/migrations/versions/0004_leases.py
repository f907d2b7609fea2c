"""trust: claim leases, receipt deadlines, paused campaigns, room for SMPP part ids

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMNs: no table rebuild on SQLite, even with a million messages
    op.add_column('message', sa.Column('lease_until', sa.DateTime(), nullable=True))
    op.add_column('message', sa.Column('receipt_deadline', sa.DateTime(), nullable=True))
    op.add_column('campaign', sa.Column('paused_reason', sa.Text(), nullable=True))
    if op.get_bind().dialect.name != 'sqlite':  # SQLite does not enforce VARCHAR lengths
        op.alter_column(
            'message',
            'provider_ref',
            existing_type=sa.String(length=64),
            type_=sa.String(length=1000),
            existing_nullable=True,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        op.alter_column(
            'message',
            'provider_ref',
            existing_type=sa.String(length=1000),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('paused_reason')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('receipt_deadline')
        batch_op.drop_column('lease_until')
