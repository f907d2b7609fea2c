"""results and replies: incoming SMS, the consent trail of the stop list, report indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'incoming',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.Column('sender', sa.String(length=20), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=True),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('provider', sa.String(length=40), nullable=False),
        sa.Column('provider_ref', sa.String(length=200), nullable=False),
        sa.Column('is_stop', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('provider', 'provider_ref', name='uq_incoming_provider_ref'),
    )
    op.create_index('ix_incoming_received', 'incoming', ['received_at', 'id'])
    op.create_index('ix_incoming_sender', 'incoming', ['sender', 'id'])
    op.create_index('ix_incoming_campaign', 'incoming', ['campaign_id', 'is_stop'])
    op.create_table(
        'stop_release',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('e164', sa.String(length=20), nullable=False),
        sa.Column('released_at', sa.DateTime(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('stop_reason', sa.String(length=200), nullable=False),
        sa.Column('stopped_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_stop_release_e164', 'stop_release', ['e164', 'id'])
    op.add_column('stop_list', sa.Column('incoming_id', sa.Integer(), nullable=True))
    # the campaign report: failures by code, operators, delivery over time, in SQL
    op.create_index(
        'ix_message_campaign_report',
        'message',
        ['campaign_id', 'status', 'ptt', 'operator_code', 'parts', 'credits'],
    )
    op.create_index('ix_message_campaign_delivered', 'message', ['campaign_id', 'delivered_at'])


def downgrade() -> None:
    op.drop_index('ix_message_campaign_delivered', table_name='message')
    op.drop_index('ix_message_campaign_report', table_name='message')
    with op.batch_alter_table('stop_list', schema=None) as batch_op:
        batch_op.drop_column('incoming_id')
    op.drop_index('ix_stop_release_e164', table_name='stop_release')
    op.drop_table('stop_release')
    op.drop_index('ix_incoming_campaign', table_name='incoming')
    op.drop_index('ix_incoming_sender', table_name='incoming')
    op.drop_index('ix_incoming_received', table_name='incoming')
    op.drop_table('incoming')
