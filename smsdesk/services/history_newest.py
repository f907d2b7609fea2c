"""The newest messages without SQLAlchemy: `smsdesk history list` with no filter, on SQLite.

Importing SQLAlchemy and the models takes 0.2-0.3 s; the listing itself takes 10 ms. So the
plain listing runs History's own statement (what `history_query` builds for an empty filter,
newest first) through `sqlite3`. The text below is that statement rendered for SQLite:
tests/services/test_history_newest.py fails, and prints the new text, when they differ.
Anything else (a filter, PostgreSQL, a file to create or migrate) takes the usual path.
"""

from __future__ import annotations

from smsdesk.db.sqlite_file import on_current_file
from smsdesk.services.message_row import MessageRow, message_row_from_sqlite

NEWEST_SQL = (
    "SELECT message.id, message.campaign_id, message.created_at, message.submitted_at, "
    "message.delivered_at, message.sender, message.receiver, message.body, message.status, "
    "message.ptt, message.dlr, message.operator_code, message.tag, message.parts, "
    "message.provider, message.provider_ref, message.credits, message.attempts, message.error "
    "FROM message "
    "WHERE message.status != 'cancelled' AND (message.campaign_id IS NULL OR "
    "(message.campaign_id NOT IN (SELECT campaign.id FROM campaign "
    "WHERE campaign.status IN ('draft', 'scheduled')))) "
    "ORDER BY message.submitted_at DESC, message.id DESC"
)


def newest_rows(db_url: str, limit: int) -> list[MessageRow] | None:
    """The `limit` newest rows History shows (no campaign names: the listing has none), or
    None when this path cannot answer and the caller takes the usual one."""
    found = on_current_file(
        db_url, lambda connection: connection.execute(f"{NEWEST_SQL} LIMIT ?", (limit,)).fetchall()
    )
    if found is None:
        return None
    return [message_row_from_sqlite(values) for values in found]
