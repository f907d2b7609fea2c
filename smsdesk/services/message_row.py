"""One History row, as History, its details, exports and the command line see it.

Apart from `history_query` so that the command line's plain listing (`history_newest`)
builds the same rows without importing SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from smsdesk.db.sqlite_file import utc_from_text
from smsdesk.domain.delivery import MessageStatus
from smsdesk.domain.operators import operator_name


@dataclass(frozen=True)
class MessageRow:
    id: int
    campaign_id: int | None
    created_at: datetime
    submitted_at: datetime | None
    delivered_at: datetime | None
    sender: str
    receiver: str
    body: str
    status: MessageStatus
    ptt: int | None
    dlr: int | None
    operator_code: str | None
    tag: str
    parts: int
    provider: str
    provider_ref: str | None
    credits: float | None
    attempts: int
    error: str | None
    campaign_name: str | None = None

    @property
    def operator(self) -> str:
        """The operator's name ("Orange"); the code itself when unknown; "" for none."""
        return operator_name(self.operator_code)


_STATUS_INDEX = 8
_INSTANT_INDEXES = (2, 3, 4)  # created_at, submitted_at, delivered_at


def message_row(values: Sequence[Any]) -> MessageRow:
    """A row of `history_query`'s columns (in MessageRow's order), read by SQLAlchemy."""
    fields = list(values)
    fields[_STATUS_INDEX] = MessageStatus(fields[_STATUS_INDEX])
    return MessageRow(*fields)


def message_row_from_sqlite(values: Sequence[Any]) -> MessageRow:
    """The same columns read by `sqlite3` itself: instants are still text."""
    fields = list(values)
    for index in _INSTANT_INDEXES:
        if fields[index] is not None:
            fields[index] = utc_from_text(fields[index])
    return message_row(fields)
