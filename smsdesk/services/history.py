"""History: page queries (sorted and filtered in SQL), details, delete and CSV export."""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.selectable import GenerativeSelect

from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus, dlr_meaning

EXPORT_HEADER = (
    "id",
    "date",
    "sender",
    "receiver",
    "ptt",
    "operatorCode",
    "descriptionDlr",
    "tag",
    "message",
)
DELETE_CHUNK = 500


class StatusGroup(StrEnum):
    """The status choices of the filter bar."""

    DELIVERED = "delivered"
    FAILED = "failed"
    PENDING = "pending"
    CANCELLED = "cancelled"


STATUS_GROUPS: dict[StatusGroup, tuple[MessageStatus, ...]] = {
    StatusGroup.DELIVERED: (MessageStatus.DELIVERED,),
    StatusGroup.FAILED: (MessageStatus.FAILED, MessageStatus.EXPIRED, MessageStatus.UNKNOWN),
    StatusGroup.PENDING: (
        MessageStatus.QUEUED,
        MessageStatus.SUBMITTING,
        MessageStatus.SUBMITTED,
    ),
    StatusGroup.CANCELLED: (MessageStatus.CANCELLED,),
}


class SortColumn(StrEnum):
    ID = "id"
    CREATED_AT = "created_at"
    SENDER = "sender"
    RECEIVER = "receiver"
    BODY = "body"
    PARTS = "parts"
    STATUS = "status"
    OPERATOR = "operator_code"
    TAG = "tag"
    CAMPAIGN = "campaign_id"


@dataclass(frozen=True)
class SortKey:
    column: SortColumn = SortColumn.CREATED_AT
    descending: bool = True


@dataclass(frozen=True)
class HistoryFilter:
    receiver: str | None = None  # partial number in any format: "0612", "+33 6 12"
    sender: str | None = None
    status: StatusGroup | None = None
    since: datetime | None = None  # aware, inclusive
    until: datetime | None = None  # aware, exclusive
    campaign_id: int | None = None
    tag: str | None = None
    text: str | None = None  # words in the message


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


_ROW_COLUMNS = (
    Message.id,
    Message.campaign_id,
    Message.created_at,
    Message.submitted_at,
    Message.delivered_at,
    Message.sender,
    Message.receiver,
    Message.body,
    Message.status,
    Message.ptt,
    Message.dlr,
    Message.operator_code,
    Message.tag,
    Message.parts,
    Message.provider,
    Message.provider_ref,
    Message.credits,
    Message.attempts,
    Message.error,
)


_STATUS_INDEX = 8


def _row(values: Sequence[Any]) -> MessageRow:
    fields = list(values)
    fields[_STATUS_INDEX] = MessageStatus(fields[_STATUS_INDEX])
    return MessageRow(*fields)


def receiver_pattern(text: str, *, country_code: str = "33") -> str | None:
    """SQL LIKE pattern for a partial number typed in any common format.

    "0612" -> "%612%" (national prefix dropped), "+33 6 12" -> "+33612%",
    "0033 6" -> "+336%". None when the text has no digit.
    """
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    stripped = text.strip()
    if stripped.startswith("+"):
        return f"+{digits}%"
    if digits.startswith("00"):
        return f"+{digits[2:]}%"
    if digits.startswith("0"):
        return f"+{country_code}{digits[1:]}%" if len(digits) > 1 else "%0%"
    return f"%{digits}%"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clauses(flt: HistoryFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if flt.receiver:
        pattern = receiver_pattern(flt.receiver)
        if pattern is not None:
            clauses.append(Message.receiver.like(pattern))
    if flt.sender:
        clauses.append(Message.sender.like(f"%{_escape_like(flt.sender)}%", escape="\\"))
    if flt.status is not None:
        clauses.append(Message.status.in_([str(s) for s in STATUS_GROUPS[flt.status]]))
    if flt.since is not None:
        clauses.append(Message.created_at >= flt.since)
    if flt.until is not None:
        clauses.append(Message.created_at < flt.until)
    if flt.campaign_id is not None:
        clauses.append(Message.campaign_id == flt.campaign_id)
    if flt.tag:
        clauses.append(Message.tag == flt.tag)
    if flt.text:
        clauses.append(Message.body.like(f"%{_escape_like(flt.text)}%", escape="\\"))
    return clauses


_Query = TypeVar("_Query", bound=GenerativeSelect)


def _ordered(query: _Query, order: SortKey) -> _Query:
    column = getattr(Message, str(order.column))
    if order.column is SortColumn.ID:
        return query.order_by(column.desc() if order.descending else column.asc())
    if order.descending:
        return query.order_by(column.desc(), Message.id.desc())
    return query.order_by(column.asc(), Message.id.asc())


def neutralise_cell(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (phone numbers stay as they are)."""
    if value and value[0] in "=+-@\t\r" and not re.fullmatch(r"\+[0-9]{6,15}", value):
        return "'" + value
    return value


class HistoryService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def count(self, flt: HistoryFilter) -> int:
        with self._sessions() as session:
            query = select(func.count()).select_from(Message).where(*filter_clauses(flt))
            return int(session.scalar(query) or 0)

    def page(self, flt: HistoryFilter, order: SortKey, offset: int, limit: int) -> list[MessageRow]:
        query = _ordered(select(*_ROW_COLUMNS).where(*filter_clauses(flt)), order)
        with self._sessions() as session:
            return [_row(r) for r in session.execute(query.offset(offset).limit(limit))]

    def get(self, message_id: int) -> MessageRow | None:
        with self._sessions() as session:
            values = session.execute(select(*_ROW_COLUMNS).where(Message.id == message_id)).first()
            return _row(values) if values is not None else None

    def ids(self, flt: HistoryFilter) -> list[int]:
        with self._sessions() as session:
            return list(session.scalars(select(Message.id).where(*filter_clauses(flt))))

    def delete(self, ids: Sequence[int]) -> int:
        """Delete these messages in one transaction; returns how many were deleted."""
        deleted = 0
        with self._sessions.begin() as session:
            for start in range(0, len(ids), DELETE_CHUNK):
                chunk = list(ids[start : start + DELETE_CHUNK])
                result = session.execute(
                    delete(Message)
                    .where(Message.id.in_(chunk))
                    .execution_options(synchronize_session=False)
                )
                deleted += int(result.rowcount)  # type: ignore[attr-defined]
        return deleted

    def delete_matching(self, flt: HistoryFilter) -> int:
        with self._sessions.begin() as session:
            result = session.execute(
                delete(Message)
                .where(*filter_clauses(flt))
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def iter_rows(
        self, flt: HistoryFilter, order: SortKey = SortKey(), *, chunk: int = 5000
    ) -> Iterator[MessageRow]:
        query = _ordered(select(*_ROW_COLUMNS).where(*filter_clauses(flt)), order)
        with self._sessions() as session:
            for values in session.execute(query.execution_options(yield_per=chunk)):
                yield _row(values)

    def export_csv(
        self,
        flt: HistoryFilter,
        path: Path,
        *,
        ids: Sequence[int] | None = None,
        tz: tzinfo | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Write the matching rows (or just `ids`) as OVH-style CSV; returns rows written.

        The file appears whole or not at all: it is written beside and renamed at the end.
        """
        total = len(ids) if ids is not None else self.count(flt)
        wanted = set(ids) if ids is not None else None
        tmp = path.with_name(path.name + ".part")
        written = 0
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
                writer.writerow(EXPORT_HEADER)
                for row in self.iter_rows(flt, SortKey(SortColumn.ID, descending=True)):
                    if wanted is not None and row.id not in wanted:
                        continue
                    writer.writerow(_export_cells(row, tz))
                    written += 1
                    if written % 5000 == 0:
                        if cancel is not None and cancel.is_set():
                            raise ExportCancelled
                        if progress:
                            progress(written, total)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if progress:
            progress(written, total)
        return written


class ExportCancelled(Exception):
    pass


def _export_cells(row: MessageRow, tz: tzinfo | None) -> list[str]:
    local = row.created_at.astimezone(tz)
    description = dlr_meaning(row.dlr) if row.dlr is not None else row.status.label
    return [
        str(row.id),
        local.strftime("%Y-%m-%d %H:%M:%S"),
        neutralise_cell(row.sender),
        neutralise_cell(row.receiver),
        "" if row.ptt is None else str(row.ptt),
        neutralise_cell(row.operator_code or ""),
        description,
        neutralise_cell(row.tag),
        neutralise_cell(row.body),
    ]
