"""campaigns: the recipient list a campaign came from, provider-side deferral

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        # where {placeholders} are read from when the message is edited before the start
        # (no foreign key: deleting a list must not touch the campaigns made from it)
        batch_op.add_column(sa.Column('list_id', sa.Integer(), nullable=True))
        # True: the schedule was handed to the gateway (OVH differedPeriod)
        batch_op.add_column(
            sa.Column(
                'provider_deferred', sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('provider_deferred')
        batch_op.drop_column('list_id')
