"""History queries: what a History filter means in SQL, the three page strategies, and the
snapshots the History tab scrolls through.

A million rows stay fast because nothing ever walks deep into an unindexed sort:

- with no filter, nothing hidden and an indexed sort, a page next to one already read is
  an index seek from its edge row, and any other page is `LIMIT/OFFSET` along that index
  from whichever end is nearer (so the last page costs what the first does);
- with no filter but hidden rows (cancelled messages, campaigns not started), the ids are
  read along the sort index alone and the hidden ones dropped in memory;
- otherwise the sorted ids of the result are read once (`open_result`, in a worker) and a
  page is a lookup by primary key. Filters are shaped so that the planner narrows first
  (see `filter_clauses`); measured figures are in benchmarks/history.py.

Either way a `ResultSet` is a snapshot: row n of the view stays the same message until
the view asks for a new one, so a selection always means the messages the user saw.

What History shows is what OVH's manager shows: the Date is the sending instant
(`submitted_at`), messages of campaigns not yet started belong to Scheduled, and cancelled
messages appear only when the status filter asks for them (`visibility_clauses`).
"""

from __future__ import annotations

import heapq
import re
import threading
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.selectable import GenerativeSelect

from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.services.cancellation import raise_if_cancelled as _check
from smsdesk.services.message_row import MessageRow, message_row

PAGE_SIZE = 200
LOOKUP_CHUNK = 500
DEEP_WALK = 20_000  # rows skipped along an index beyond which a page read runs lean
ID_BATCH = 50_000


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

# campaigns whose messages are in Scheduled, not in History
NOT_STARTED = (str(CampaignStatus.DRAFT), str(CampaignStatus.SCHEDULED))


class SortColumn(StrEnum):
    ID = "id"
    SUBMITTED_AT = "submitted_at"  # the Date column: when it was sent
    CREATED_AT = "created_at"
    SENDER = "sender"
    RECEIVER = "receiver"
    BODY = "body"
    PARTS = "parts"
    STATUS = "status"
    OPERATOR = "operator_code"
    TAG = "tag"
    CAMPAIGN = "campaign_id"


# Sorts that an index `(column, id)` serves (see db/models.py); the others are sorted once
# per result into an id list instead of being re-sorted for every page.
INDEXED_SORTS = frozenset(
    {
        SortColumn.ID,
        SortColumn.SUBMITTED_AT,
        SortColumn.CREATED_AT,
        SortColumn.SENDER,
        SortColumn.RECEIVER,
        SortColumn.PARTS,
        SortColumn.STATUS,
        SortColumn.OPERATOR,
        SortColumn.TAG,
        SortColumn.CAMPAIGN,
    }
)


# Never NULL: a neighbouring row's value marks exactly where a page starts (NULLs sort
# first or last depending on the database, so nullable columns walk the index instead).
KEYSET_SORTS = frozenset(
    {
        SortColumn.ID,
        SortColumn.CREATED_AT,
        SortColumn.SENDER,
        SortColumn.RECEIVER,
        SortColumn.PARTS,
        SortColumn.STATUS,
        SortColumn.TAG,
    }
)


@dataclass(frozen=True)
class SortKey:
    column: SortColumn = SortColumn.SUBMITTED_AT
    descending: bool = True

    def reversed(self) -> SortKey:
        return SortKey(self.column, not self.descending)


@dataclass(frozen=True)
class HistoryFilter:
    receiver: str | None = None  # partial number in any format: "0612", "+33 6 12"
    sender: str | None = None
    status: StatusGroup | None = None  # None: every status but cancelled
    since: datetime | None = None  # aware, inclusive (sending instant)
    until: datetime | None = None  # aware, exclusive
    campaign_id: int | None = None
    tag: str | None = None
    text: str | None = None  # words in the message, accents and case ignored
    region: str = "FR"  # how a national receiver ("0612") is read

    def is_empty(self) -> bool:
        return not filter_clauses(self)


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


@dataclass(frozen=True)
class CampaignChoice:
    id: int
    name: str


# -- filters ------------------------------------------------------------------------------


@cache
def _region_prefixes(region: str) -> tuple[str, str]:
    """(country calling code, national prefix) of a region: ("33", "0") for France."""
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region.upper(), None)
    if metadata is None:
        return "", ""
    return str(metadata.country_code), str(metadata.national_prefix or "")


def receiver_pattern(text: str, *, region: str = "FR") -> str | None:
    """SQL LIKE pattern for a partial number typed in any common format, read as people
    of `region` write it.

    In France: "0612" -> "+33612%" (a national number starts after the country code),
    "+33 6 12" -> "+33612%", "0033 6" -> "+336%", "5678" -> "%5678%" (anywhere).
    A whole number is read by the one phone normaliser. None when the text has no digit.
    """
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    from smsdesk.domain.phone import normalize  # phonenumbers: only when a number is typed

    whole = normalize(text, region)
    if whole.e164 is not None:
        return f"{whole.e164}%"
    if text.strip().startswith("+"):
        return f"+{digits}%"
    if digits.startswith("00"):
        return f"+{digits[2:]}%" if len(digits) > 2 else "%00%"
    country, national = _region_prefixes(region)
    if country and national and digits.startswith(national):
        rest = digits[len(national) :]
        return f"+{country}{rest}%" if rest else f"%{digits}%"
    return f"%{digits}%"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _digits_successor(prefix: str) -> str | None:
    """The smallest string above every string that starts with `prefix` ("+3369" -> "+337")."""
    chars = list(prefix)
    while chars and chars[-1] == "9":
        chars.pop()
    if not chars or not chars[-1].isdigit():
        return None
    chars[-1] = chr(ord(chars[-1]) + 1)
    return "".join(chars)


def fold(text: str) -> str:
    """Lower case without accents: "Vérification" -> "verification"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _letter_variants() -> dict[str, str]:
    """Every Latin letter with its accented forms, both cases: "e" -> "eEéÉèÈêÊëË…"."""
    variants: dict[str, set[str]] = {}
    for code in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250)):
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants.setdefault(base, set()).update({char, char.upper(), char.lower()})
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


def text_clause(column: Any, text: str, dialect: str) -> ColumnElement[bool]:
    """`column` contains `text`, accents and case ignored, as a plain scan (no function of
    the column): each letter becomes the class of its accented forms, GLOB on SQLite, a
    regular expression on PostgreSQL."""
    letters = _letter_variants()
    folded = fold(text)
    if dialect == "sqlite":
        parts = []
        for char in folded:
            if char in letters:
                parts.append(f"[{letters[char]}]")
            elif char in "*?[":
                parts.append(f"[{char}]")
            else:
                parts.append(char)
        return column.op("GLOB")(f"*{''.join(parts)}*")  # type: ignore[no-any-return]
    if dialect == "postgresql":
        parts = []
        for char in folded:
            if char in letters:
                parts.append(f"[{letters[char]}]")
            elif char.isalnum():
                parts.append(char)
            else:
                parts.append("\\" + char)
        return column.op("~")("".join(parts))  # type: ignore[no-any-return]
    return column.ilike(f"%{_escape_like(text)}%", escape="\\")  # type: ignore[no-any-return]


def filter_clauses(flt: HistoryFilter, *, dialect: str = "") -> list[ColumnElement[bool]]:
    """WHERE clauses for what the user asked, shaped so that the planner finds the cheap path:

    a number prefix is also a range on the receiver index (SQLite: LIKE cannot use a
    BINARY index), and a substring is matched by scanning the narrow (receiver, id) index
    inside a sub-query instead of walking the sort index row by row (the message text
    likewise, by one scan of the table).
    """
    clauses: list[ColumnElement[bool]] = []
    if flt.receiver:
        pattern = receiver_pattern(flt.receiver, region=flt.region)
        if pattern is not None:
            is_prefix = pattern.startswith("+") and "%" not in pattern[:-1]
            clauses.append(Message.receiver.like(pattern))
            if is_prefix and dialect == "sqlite":
                prefix = pattern[:-1]
                clauses.append(Message.receiver >= prefix)
                upper = _digits_successor(prefix)
                if upper is not None:
                    clauses.append(Message.receiver < upper)
            elif not is_prefix:
                clauses[-1] = Message.id.in_(
                    select(Message.id).where(Message.receiver.like(pattern)).scalar_subquery()
                )
    if flt.sender:
        like = Message.sender.like(f"%{_escape_like(flt.sender)}%", escape="\\")
        clauses.append(Message.id.in_(select(Message.id).where(like).scalar_subquery()))
    if flt.status is not None:
        clauses.append(Message.status.in_([str(s) for s in STATUS_GROUPS[flt.status]]))
    if flt.since is not None:
        clauses.append(Message.submitted_at >= flt.since)
    if flt.until is not None:
        clauses.append(Message.submitted_at < flt.until)
    if flt.campaign_id is not None:
        clauses.append(Message.campaign_id == flt.campaign_id)
    if flt.tag:
        clauses.append(Message.tag == flt.tag)
    if flt.text:
        # no index has the text: one scan for the matching ids, then only those are sorted
        match = text_clause(Message.body, flt.text, dialect)
        clauses.append(Message.id.in_(select(Message.id).where(match).scalar_subquery()))
    return clauses


def _not_started_campaigns() -> Any:
    return select(Campaign.id).where(Campaign.status.in_(NOT_STARTED)).scalar_subquery()


def hides_cancelled(flt: HistoryFilter) -> bool:
    return flt.status is None


def hides_not_started(flt: HistoryFilter) -> bool:
    """Only queued messages belong to campaigns not started (a cancelled one is shown
    when asked for)."""
    return flt.status in (None, StatusGroup.PENDING)


def visibility_clauses(flt: HistoryFilter) -> list[ColumnElement[bool]]:
    """What History leaves out unless asked: cancelled messages (unless the status filter
    says so) and the messages of campaigns not started yet (they are in Scheduled)."""
    clauses: list[ColumnElement[bool]] = []
    if hides_cancelled(flt):
        clauses.append(Message.status != str(MessageStatus.CANCELLED))
    if hides_not_started(flt):
        clauses.append(
            or_(Message.campaign_id.is_(None), Message.campaign_id.not_in(_not_started_campaigns()))
        )
    return clauses


class DatePreset(StrEnum):
    TODAY = "today"
    LAST_7_DAYS = "7 days"
    THIS_MONTH = "this month"
    LAST_6_MONTHS = "6 months"


def date_range(
    preset: DatePreset, today: date, tz: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """[since, until) as aware instants: whole days of `tz` (default: local time), today
    included. Each end gets its own UTC offset, so a range across a DST change is exact."""
    until_day = today + timedelta(days=1)
    if preset is DatePreset.TODAY:
        since_day = today
    elif preset is DatePreset.LAST_7_DAYS:
        since_day = today - timedelta(days=6)
    elif preset is DatePreset.THIS_MONTH:
        since_day = today.replace(day=1)
        until_day = (since_day + timedelta(days=32)).replace(day=1)
    else:
        month = today.month - 6
        year = today.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        since_day = date(year, month, min(today.day, _days_in_month(year, month)))
    return _midnight(since_day, tz), _midnight(until_day, tz)


def _days_in_month(year: int, month: int) -> int:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return (first_next - timedelta(days=1)).day


def _midnight(day: date, tz: tzinfo | None) -> datetime:
    if tz is None:
        return datetime.combine(day, time()).astimezone()  # the system's rules for that day
    return datetime.combine(day, time(), tz)


# -- ordering and snapshots ---------------------------------------------------------------


_Query = TypeVar("_Query", bound=GenerativeSelect)


def ordered(query: _Query, order: SortKey, *, filter_first: bool = False) -> _Query:
    """ORDER BY the sort column, id. `filter_first` sorts by an expression of the column,
    which no index serves: the planner then narrows by the filter and sorts what is left,
    instead of walking the whole sort index and reading every row to test the filter."""
    column: Any = getattr(Message, str(order.column))
    if filter_first and order.column is not SortColumn.ID:
        column = func.coalesce(column, column)
    if order.column is SortColumn.ID:
        return query.order_by(column.desc() if order.descending else column.asc())
    if order.descending:
        return query.order_by(column.desc(), Message.id.desc())
    return query.order_by(column.asc(), Message.id.asc())


def history_clauses(flt: HistoryFilter, dialect: str) -> list[ColumnElement[bool]]:
    """Everything a filter means: what the user asked, and what History hides."""
    return filter_clauses(flt, dialect=dialect) + visibility_clauses(flt)


def rows_statement(flt: HistoryFilter, order: SortKey, dialect: str) -> Any:
    """The rows of a filter in an order: every column of MessageRow. (Rendered for SQLite
    with an empty filter, newest first, it is `history_newest.NEWEST_SQL`.)"""
    return ordered(select(*_ROW_COLUMNS).where(*history_clauses(flt, dialect)), order)


@dataclass(frozen=True)
class ResultSet:
    """One filter and one order, frozen when it was opened.

    `ids` holds the sorted ids when pages are looked up by id (every filtered result);
    it is None when pages are read along the sort index (no filter, nothing hidden,
    indexed sort), bounded by `max_id` so rows inserted later do not shift the rows the
    user is looking at. Either way it is exactly the rows shown, what "all" means.
    """

    filter: HistoryFilter
    order: SortKey
    count: int
    max_id: int
    ids: array[int] | None = field(default=None, repr=False)
    first_page: tuple[MessageRow | None, ...] = field(default=(), repr=False)


SORT_RUN = 50_000


def sorted_unique(ids: Iterable[int], *, descending: bool = False) -> list[int]:
    """The ids once each, sorted. Sorted in runs merged in Python: one sort of a million
    ids would hold the GIL, hence the window's thread, for a third of a second."""
    values = list(ids)
    runs = [
        sorted(values[start : start + SORT_RUN], reverse=descending)
        for start in range(0, len(values), SORT_RUN)
    ]
    unique: list[int] = []
    previous = None
    for value in heapq.merge(*runs, reverse=descending):
        if value != previous:
            unique.append(value)
            previous = value
    return unique


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, stop) ranges covering the same rows."""
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


LEAN_CACHE_KIB = 8192


@contextmanager
def lean_cache(session: Session, wanted: bool = True) -> Iterator[None]:
    """A small SQLite page cache while one big scan or sort runs on this connection.

    The pool keeps its connections, each with the 64 MiB cache that bulk writes want
    (db/session.py); a full scan would fill it for nothing, and SQLite sizes its sorter
    from it too. A sequential scan gains nothing from it: measured, same speed, 100+ MB
    less memory. Deletes too: they touch pages all over the indexes, and spilling them
    early costs nothing measurable. The connection gets its cache back (emptied) afterwards.
    """
    connection = session.connection()
    if not wanted or connection.dialect.name != "sqlite":
        yield
        return
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size=-{LEAN_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={previous}")
        connection.exec_driver_sql("PRAGMA shrink_memory")


def all_rows(session: Session, query: Any) -> Sequence[Sequence[Any]]:
    """Every row of a small `query`, as the driver gives them (see `raw_batches`)."""
    result = session.connection().execute(query)
    try:
        return result.cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        result.close()


def raw_batches(session: Session, query: Any, size: int) -> Iterator[Sequence[Sequence[Any]]]:
    """The rows of `query` as the driver gives them, `size` at a time.

    SQLAlchemy compiles and binds; reading the DBAPI cursor directly skips building a Row
    per result (twice as fast over a million rows). Only for columns that need no
    result processing (ints, strings; dates are parsed by the caller).
    """
    result = session.connection().execute(query)  # Core: a CursorResult over the cursor
    cursor = result.cursor
    try:
        while True:
            rows = cursor.fetchmany(size)
            if not rows:
                return
            yield rows
    finally:
        result.close()


@dataclass(frozen=True)
class _IndexWalk:
    statement: Any  # a Select (its generic form differs between SQLAlchemy 2.0 and 2.1)
    reversed: bool
    deep: bool  # walks past many index entries: not worth keeping in the page cache


class HistoryQueries:
    """Reads of the history: plain queries (command line, small results) and snapshots."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        self.dialect = bind.dialect.name if bind is not None else ""

    def clauses(self, flt: HistoryFilter) -> list[ColumnElement[bool]]:
        return history_clauses(flt, self.dialect)

    # -- plain queries -------------------------------------------------------------------

    def count(self, flt: HistoryFilter, *, max_id: int | None = None) -> int:
        with self._sessions() as session:
            query = select(func.count()).select_from(Message).where(*self.clauses(flt))
            if max_id is not None:
                query = query.where(Message.id <= max_id)
            return int(session.scalar(query) or 0)

    def page(self, flt: HistoryFilter, order: SortKey, offset: int, limit: int) -> list[MessageRow]:
        query = rows_statement(flt, order, self.dialect)
        with self._sessions() as session:
            rows = [message_row(r) for r in session.execute(query.offset(offset).limit(limit))]
            return self._with_campaign_names(session, rows)

    def get(self, message_id: int) -> MessageRow | None:
        with self._sessions() as session:
            values = session.execute(select(*_ROW_COLUMNS).where(Message.id == message_id)).first()
            if values is None:
                return None
            return self._with_campaign_names(session, [message_row(values)])[0]

    def existing_ids(self, ids: Sequence[int]) -> set[int]:
        """Which of `ids` are in the history (any status)."""
        found: set[int] = set()
        unique = sorted_unique(ids)
        with self._sessions() as session:
            for start in range(0, len(unique), LOOKUP_CHUNK):
                chunk = unique[start : start + LOOKUP_CHUNK]
                found.update(session.scalars(select(Message.id).where(Message.id.in_(chunk))))
        return found

    def ids(self, flt: HistoryFilter, *, max_id: int | None = None) -> list[int]:
        query = select(Message.id).where(*self.clauses(flt))
        if max_id is not None:
            query = query.where(Message.id <= max_id)
        with self._sessions() as session:
            return list(session.scalars(query.order_by(Message.id)))

    def campaign_choices(self) -> list[CampaignChoice]:
        """Started campaigns for the filter bar, newest first."""
        with self._sessions() as session:
            query = (
                select(Campaign.id, Campaign.name)
                .where(Campaign.status.not_in(NOT_STARTED))
                .order_by(Campaign.id.desc())
            )
            return [CampaignChoice(int(i), str(n)) for i, n in session.execute(query)]

    def tag_choices(self) -> list[str]:
        """Tags in use (from the campaigns, a small table), sorted."""
        with self._sessions() as session:
            query = select(Campaign.tag).where(Campaign.tag != "").distinct()
            return sorted(str(t) for t in session.scalars(query))

    @staticmethod
    def _with_campaign_names(session: Session, rows: list[MessageRow]) -> list[MessageRow]:
        wanted = {r.campaign_id for r in rows if r.campaign_id is not None}
        if not wanted:
            return rows
        query = select(Campaign.id, Campaign.name).where(Campaign.id.in_(wanted))
        names = {int(i): str(n) for i, n in session.execute(query)}
        return [
            replace(r, campaign_name=names.get(r.campaign_id)) if r.campaign_id in names else r
            for r in rows
        ]

    # -- snapshots for the History tab ---------------------------------------------------

    def open_result(
        self,
        flt: HistoryFilter,
        order: SortKey,
        *,
        page_size: int = PAGE_SIZE,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> ResultSet:
        """Count the rows of `flt` in `order` and read the first page; may take a moment
        on a large history with a filter or an unindexed sort (run it in a worker)."""
        asked = filter_clauses(flt, dialect=self.dialect)
        with self._sessions() as session:
            hidden = self._hidden_ids(session, flt) if not asked else None
            if hidden is not None and not hidden and order.column in INDEXED_SORTS:
                # one statement, one snapshot: the count matches max_id exactly
                max_sq = select(func.max(Message.id)).scalar_subquery()
                count_sq = select(func.count()).select_from(Message).scalar_subquery()
                max_id, count = session.execute(select(max_sq, count_sq)).one()
                result = ResultSet(flt, order, int(count or 0), int(max_id or 0))
            else:
                ids: array[int] = array("q")
                where = asked if hidden is not None else asked + visibility_clauses(flt)
                query = ordered(
                    select(Message.id).where(*where),
                    order,
                    filter_first=self._filter_first(flt, order),
                )
                with lean_cache(session):
                    for part in raw_batches(session, query, ID_BATCH):
                        _check(cancel)
                        if hidden:
                            ids.extend([v[0] for v in part if v[0] not in hidden])
                        else:
                            ids.extend([v[0] for v in part])
                max_id = max(ids) if ids else 0
                result = ResultSet(flt, order, len(ids), max_id, ids)
            _check(cancel)
            first = self._result_page(session, result, 0, page_size)
        return replace(result, first_page=tuple(first))

    def _hidden_ids(self, session: Session, flt: HistoryFilter) -> set[int]:
        """The ids History leaves out of an unfiltered view, read from narrow indexes."""
        hidden: set[int] = set()
        if hides_cancelled(flt):
            query = select(Message.id).where(Message.status == str(MessageStatus.CANCELLED))
            hidden.update(v[0] for v in all_rows(session, query))
        if hides_not_started(flt):
            query = select(Message.id).where(Message.campaign_id.in_(_not_started_campaigns()))
            hidden.update(v[0] for v in all_rows(session, query))
        return hidden

    def _filter_first(self, flt: HistoryFilter, order: SortKey) -> bool:
        """SQLite has no statistics on how much a date range or a text keeps (measured on
        1M rows, 7 days sorted by receiver: 1.5 s walking the receiver index, 20 ms
        filtering first). PostgreSQL's planner knows; it is left alone."""
        narrowing = flt.since is not None or flt.until is not None or bool(flt.text)
        return (
            self.dialect == "sqlite" and narrowing and order.column is not SortColumn.SUBMITTED_AT
        )

    def result_page(
        self,
        result: ResultSet,
        start: int,
        limit: int,
        *,
        after: MessageRow | None = None,
        before: MessageRow | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> list[MessageRow | None]:
        """Rows start..start+limit of a snapshot; None for a row deleted since.

        Cheap whatever `start` is: a lookup by id, or a walk along an index from the
        nearer end. `after` (the row just before `start`) or `before` (the row just after
        the page), when the caller has one, lets the page start right there in the index
        instead of counting its way to it: scrolling stays fast deep in a million rows.
        """
        with self._sessions() as session:
            return self._result_page(session, result, start, limit, after, before)

    def _result_page(
        self,
        session: Session,
        result: ResultSet,
        start: int,
        limit: int,
        after: MessageRow | None = None,
        before: MessageRow | None = None,
    ) -> list[MessageRow | None]:
        stop = min(start + limit, result.count)
        if start >= stop:
            return []
        if result.ids is not None:
            wanted = list(result.ids[start:stop])
            query = select(*_ROW_COLUMNS).where(Message.id.in_(wanted))
            found = [message_row(v) for v in session.execute(query)]
            by_id = {r.id: r for r in self._with_campaign_names(session, found)}
            return [by_id.get(i) for i in wanted]
        if result.order.column in KEYSET_SORTS and (after is not None or before is not None):
            rows = self._seek_page(session, result, stop - start, after, before)
            return list(self._with_campaign_names(session, rows))
        walk = self._along_index(result, select(*_ROW_COLUMNS), start, stop)
        with lean_cache(session, walk.deep):
            rows = [message_row(v) for v in session.execute(walk.statement)]
        if walk.reversed:
            rows.reverse()
        return list(self._with_campaign_names(session, rows))

    def _seek_page(
        self,
        session: Session,
        result: ResultSet,
        limit: int,
        after: MessageRow | None,
        before: MessageRow | None,
    ) -> list[MessageRow]:
        """`limit` rows next to a known row, as two exact index seeks: the rest of the
        rows that share its value (by id), then the rows with the next values. (A row
        value comparison would seek on the first column only, in SQLite.)"""
        order = result.order if after is not None else result.order.reversed()
        mark = after if after is not None else before
        assert mark is not None
        column = getattr(Message, str(order.column))
        value = literal(getattr(mark, str(order.column)), column.type)
        bounded = select(*_ROW_COLUMNS).where((Message.id + 0) <= result.max_id)
        beyond_id = Message.id < mark.id if order.descending else Message.id > mark.id
        beyond = column < value if order.descending else column > value
        if order.column is SortColumn.ID:
            steps = [beyond_id]
        else:
            steps = [and_(column == value, beyond_id), beyond]
        rows: list[MessageRow] = []
        for step in steps:
            query = ordered(bounded.where(step), order).limit(limit - len(rows))
            rows.extend(message_row(v) for v in session.execute(query))
            if len(rows) >= limit:
                break
        if after is None:
            rows.reverse()
        return rows

    def result_ids(self, result: ResultSet, start: int, stop: int) -> list[int]:
        """The ids of rows start..stop (exclusive) of a snapshot."""
        stop = min(stop, result.count)
        if start >= stop:
            return []
        if result.ids is not None:
            return list(result.ids[start:stop])
        walk = self._along_index(result, select(Message.id), start, stop)
        with self._sessions() as session, lean_cache(session, walk.deep):
            found = list(session.scalars(walk.statement))
        if walk.reversed:
            found.reverse()
        return found

    def _along_index(self, result: ResultSet, base: Any, start: int, stop: int) -> _IndexWalk:
        # `id + 0`: keeps SQLite from answering the bound with the rowid and re-sorting
        bounded = base.where((Message.id + 0) <= result.max_id)
        from_end = result.count - stop
        if from_end < start:
            statement = ordered(bounded, result.order.reversed())
            walk = statement.offset(from_end).limit(stop - start)
            return _IndexWalk(walk, True, from_end > DEEP_WALK)
        statement = ordered(bounded, result.order)
        return _IndexWalk(statement.offset(start).limit(stop - start), False, start > DEEP_WALK)

    def rows_ids(
        self,
        result: ResultSet,
        ranges: Iterable[tuple[int, int]],
        *,
        cancel: threading.Event | None = None,
    ) -> list[int]:
        """The ids behind row ranges [start, stop) of a snapshot (a selection)."""
        ids: list[int] = []
        for start, stop in merge_ranges(ranges):
            for chunk_start in range(start, stop, ID_BATCH):
                _check(cancel)
                ids.extend(self.result_ids(result, chunk_start, min(stop, chunk_start + ID_BATCH)))
        return ids

    def snapshot_ids(
        self,
        result: ResultSet,
        merged: list[tuple[int, int]],
        *,
        cancel: threading.Event | None = None,
    ) -> Sequence[int]:
        """The ids of merged row ranges of a snapshot; all of them is the snapshot's own
        id array when it has one (no copy, no second query)."""
        if merged == [(0, result.count)] and result.ids is not None:
            return result.ids
        return self.rows_ids(result, merged, cancel=cancel)
