"""change notifications: PostgreSQL tells listening windows that another client wrote

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

One statement-level trigger per watched table calls pg_notify('smsdesk_changes', table):
the window LISTENs and refreshes what is visible (smsdesk/services/changes.py). SQLite
needs nothing: PRAGMA data_version moves on every commit of another connection.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATCHED = ('message', 'campaign', 'incoming', 'recipient_list', 'contact', 'stop_list')


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(
        """
        CREATE OR REPLACE FUNCTION smsdesk_notify_change() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('smsdesk_changes', TG_TABLE_NAME);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    for table in WATCHED:
        op.execute(
            f'CREATE TRIGGER smsdesk_notify_{table} AFTER INSERT OR UPDATE OR DELETE '
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION smsdesk_notify_change()'
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in WATCHED:
        op.execute(f'DROP TRIGGER IF EXISTS smsdesk_notify_{table} ON "{table}"')
    op.execute('DROP FUNCTION IF EXISTS smsdesk_notify_change()')
