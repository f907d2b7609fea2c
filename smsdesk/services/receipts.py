"""Delivery receipts: ask the gateways about submitted messages and apply the answers.

Gateways report in-between states too (OVH ptt 3 / DLR 0 "accepted by the operator",
SMPP ACCEPTD or ENROUTE): they are plain updates of the codes while the message stays
`submitted`. A row is written only when something in it changes, so polling the same
in-between state again costs a read and no write, and a late in-between report never
takes back a final verdict (delivered, failed, expired).

Receipts end: each message is asked about on its own schedule (the `next_attempt_at` of a
submitted row is its next poll: 5 s, 10 s, 20 s... doubling up to 10 min after its
submission), and once its `receipt_deadline` (submission + validity, 48 h by default)
has passed it becomes `expired` with "no delivery report". Gateways whose receipts are
pushed to us (SMPP: asking is a lookup in memory) are asked about every message each poll.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Message, PushedReceiptRow, utcnow
from smsdesk.domain.delivery import MessageStatus, status_from_codes
from smsdesk.providers.base import (
    BulkReceipts,
    Capability,
    Provider,
    ProviderError,
    PushedReceipt,
    PushesReceipts,
    Receipt,
)
from smsdesk.providers.retry import Backoff

log = logging.getLogger(__name__)

BULK_CHUNK = 20_000  # messages per bulk read (OVH: a few listings for them all)
POLL_CHUNK = 100  # refs per gateway call: a stop is honoured between calls (OVH: a GET each)
APPLY_CHUNK = 900  # provider_refs per IN (...) lookup, under SQLite's variable limit
POLL_BACKOFF = Backoff(base=5.0, cap=600.0)  # the poll interval of one message
PUSHED_RECEIPTS = frozenset({"smpp"})  # receipts arrive on the link: asking costs nothing
NO_REPORT = "no delivery report"
# Statuses a receipt may change: sent and waiting, or already judged (a gateway may
# correct itself, e.g. a multi-part SMS whose last part failed after the first arrived).
_RECEIVING = frozenset(
    {
        MessageStatus.SUBMITTED,
        MessageStatus.DELIVERED,
        MessageStatus.FAILED,
        MessageStatus.EXPIRED,
    }
)


def next_poll_delay(age_seconds: float) -> float:
    """Seconds until the next poll of a message submitted `age_seconds` ago. Polled at
    0, 5, 15, 35 s... the interval doubles (the shared Backoff's ceiling) up to 10 min."""
    polls = int(math.log2(max(0.0, age_seconds) / POLL_BACKOFF.base + 1))
    return POLL_BACKOFF.ceiling(polls)


class ReceiptService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        provider: Callable[[str], Provider],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._provider = provider
        self._clock = clock
        # ids a receipt just settled (delivered, failed, expired): no next poll to plan
        self._settled: set[int] = set()

    def outstanding(self) -> int:
        """Messages sent and still waiting for their receipt."""
        with self._sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Message)
                    .where(Message.status == MessageStatus.SUBMITTED)
                )
                or 0
            )

    def next_poll_at(self) -> datetime | None:
        """When the next poll has something to do: a message due to be asked about, or
        one reaching its receipt deadline. None: nothing is awaited."""
        with self._sessions() as session:
            submitted = Message.status == MessageStatus.SUBMITTED
            polled = and_(submitted, Message.provider_ref.is_not(None))
            unscheduled = session.scalar(
                select(Message.id).where(polled, Message.next_attempt_at.is_(None)).limit(1)
            )
            if unscheduled is not None:
                return self._clock()
            instants = [
                session.scalar(select(func.min(Message.next_attempt_at)).where(polled)),
                session.scalar(select(func.min(Message.receipt_deadline)).where(submitted)),
            ]
        known = [i for i in instants if i is not None]
        return min(known) if known else None

    def poll(self, *, limit: int = 20_000, stop: threading.Event | None = None) -> int:
        """Ask the gateways about the messages due for a poll, then expire those past their
        receipt deadline; returns messages changed. `stop` ends it between calls."""
        now = self._clock()
        with self._sessions() as session:
            rows = session.execute(
                select(
                    Message.id,
                    Message.provider,
                    Message.provider_ref,
                    Message.batch_ref,
                    Message.submitted_at,
                    Campaign.provider_deferred,
                    Campaign.scheduled_at,
                )
                .outerjoin(Campaign, Campaign.id == Message.campaign_id)
                .where(
                    Message.status == MessageStatus.SUBMITTED,
                    Message.provider_ref.is_not(None),
                    or_(
                        Message.next_attempt_at.is_(None),
                        Message.next_attempt_at <= now,
                        Message.provider.in_(PUSHED_RECEIPTS),
                    ),
                )
                .order_by(Message.status, Message.next_attempt_at)
                .limit(limit)
            ).all()
        by_provider: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            by_provider[row.provider].append(row)
        applied = 0
        for provider_name, due in by_provider.items():
            if stop is not None and stop.is_set():
                break
            applied += self._poll_provider(provider_name, due, stop)
            settled, self._settled = self._settled, set()
            self._schedule([row for row in due if row.id not in settled], now)
        return applied + self.expire(now)

    def _poll_provider(
        self, provider_name: str, due: Sequence[Any], stop: threading.Event | None
    ) -> int:
        refs = [row.provider_ref for row in due]
        applied = 0
        try:
            provider = self._provider(provider_name)
            if Capability.RECEIPTS_POLL not in provider.capabilities:
                return 0
            if Capability.RECEIPTS_BULK in provider.capabilities and isinstance(
                provider, BulkReceipts
            ):
                return self._poll_bulk(provider_name, provider, due, stop)
            pushed: PushesReceipts | None = None
            if Capability.RECEIPTS_PUSH in provider.capabilities and isinstance(
                provider, PushesReceipts
            ):
                pushed = provider
            for start in range(0, len(refs), POLL_CHUNK):
                if stop is not None and stop.is_set():
                    break
                chunk = refs[start : start + POLL_CHUNK]
                if pushed is not None:
                    pushed.remember_receipts(self._stored(provider_name, pushed, chunk))
                receipts = provider.poll_receipts(chunk)
                applied += self.apply(provider_name, receipts)
                if pushed is not None:
                    self._forget_judged(provider_name, pushed, receipts)
        except (ProviderError, ValueError) as exc:
            log.warning("receipts from %s unavailable: %s", provider_name, exc)
        return applied

    # -- receipts the gateway pushed (SMPP) --------------------------------------------

    def store_pushed(self, provider_name: str, receipts: Sequence[PushedReceipt]) -> None:
        """The provider's sink: keep pushed receipts before the gateway is told we have
        them, so that the poll of any process finds them after a crash or a restart."""
        latest = {r.part_ref[:100]: r for r in receipts}
        now = utcnow()
        with self._sessions.begin() as session:
            for start in range(0, len(latest), APPLY_CHUNK):
                refs = list(latest)[start : start + APPLY_CHUNK]
                session.execute(
                    delete(PushedReceiptRow).where(
                        PushedReceiptRow.provider == provider_name,
                        PushedReceiptRow.part_ref.in_(refs),
                    )
                )
            session.execute(
                insert(PushedReceiptRow),
                [
                    {  # the SMSC's words, cut to the columns: never a failed store
                        "provider": provider_name,
                        "part_ref": r.part_ref[:100],
                        "state": r.state[:16],
                        "error_code": r.error_code[:16] if r.error_code else None,
                        "done_at": r.done_at,
                        "received_at": now,
                    }
                    for r in latest.values()
                ],
            )

    def _stored(
        self, provider_name: str, provider: PushesReceipts, refs: Sequence[str]
    ) -> list[PushedReceipt]:
        parts = [part for ref in refs for part in provider.part_refs(ref)]
        found: list[PushedReceipt] = []
        with self._sessions() as session:
            for start in range(0, len(parts), APPLY_CHUNK):
                rows = session.execute(
                    select(
                        PushedReceiptRow.part_ref,
                        PushedReceiptRow.state,
                        PushedReceiptRow.error_code,
                        PushedReceiptRow.done_at,
                    ).where(
                        PushedReceiptRow.provider == provider_name,
                        PushedReceiptRow.part_ref.in_(parts[start : start + APPLY_CHUNK]),
                    )
                )
                found.extend(PushedReceipt(*row) for row in rows)
        return found

    def _forget_judged(
        self, provider_name: str, provider: PushesReceipts, receipts: Sequence[Receipt]
    ) -> None:
        """Stored receipts whose message now has its verdict are not needed any more."""
        judged = [
            part
            for r in receipts
            if status_from_codes(r.ptt, r.dlr) is not MessageStatus.SUBMITTED
            for part in provider.part_refs(r.provider_ref)
        ]
        if not judged:
            return
        with self._sessions.begin() as session:
            for start in range(0, len(judged), APPLY_CHUNK):
                session.execute(
                    delete(PushedReceiptRow).where(
                        PushedReceiptRow.provider == provider_name,
                        PushedReceiptRow.part_ref.in_(judged[start : start + APPLY_CHUNK]),
                    )
                )

    def _poll_bulk(
        self,
        provider_name: str,
        provider: BulkReceipts,
        due: Sequence[Any],
        stop: threading.Event | None,
    ) -> int:
        """Whole batches per call (OVH: ids listed by state), BULK_CHUNK messages a time."""
        applied = 0
        for start in range(0, len(due), BULK_CHUNK):
            if stop is not None and stop.is_set():
                break
            chunk = due[start : start + BULK_CHUNK]
            refs_by_batch: dict[str, list[str]] = defaultdict(list)
            for row in chunk:
                refs_by_batch[row.batch_ref or ""].append(row.provider_ref)
            sent = [row.submitted_at for row in chunk if row.submitted_at is not None]
            receipts = provider.poll_receipts_bulk(
                refs_by_batch, sent_since=min(sent) if sent else None
            )
            applied += self.apply(provider_name, receipts)
        return applied

    def _schedule(self, polled: Sequence[Any], now: datetime) -> None:
        """The next poll of each message just asked about (still waiting), by its age;
        one the gateway holds for a later instant is not asked about again before it."""
        updates = []
        for row in polled:
            since = row.submitted_at
            if row.provider_deferred and row.scheduled_at is not None:
                if row.scheduled_at > now:
                    updates.append({"b_id": row.id, "b_next": row.scheduled_at})
                    continue
                since = max(since, row.scheduled_at) if since is not None else row.scheduled_at
            delay = next_poll_delay(_age(since, now))
            updates.append({"b_id": row.id, "b_next": now + timedelta(seconds=delay)})
        if not updates:
            return
        table = Message.__table__
        assert isinstance(table, Table)
        statement = (
            update(table)
            .where(
                table.c.id == bindparam("b_id"),
                table.c.status == MessageStatus.SUBMITTED,
            )
            .values(next_attempt_at=bindparam("b_next", type_=table.c.next_attempt_at.type))
        )
        with self._sessions.begin() as session:
            session.execute(statement, updates)

    def expire(self, now: datetime | None = None) -> int:
        """Messages still without a receipt at their deadline become `expired`."""
        now = now or self._clock()
        past = and_(Message.status == MessageStatus.SUBMITTED, Message.receipt_deadline <= now)
        with self._sessions() as session:
            # a read first: an UPDATE would take SQLite's write lock at every poll
            if session.scalar(select(Message.id).where(past).limit(1)) is None:
                return 0
        with self._sessions.begin() as session:
            result = session.execute(
                update(Message)
                .where(past)
                .values(status=MessageStatus.EXPIRED, error=NO_REPORT, next_attempt_at=None)
                .execution_options(synchronize_session=False)
            )
            expired = int(result.rowcount)  # type: ignore[attr-defined]
        if expired:
            log.info("%d message(s) got no delivery report in time: expired", expired)
        return expired

    def apply(self, provider_name: str, receipts: Sequence[Receipt]) -> int:
        """Write receipts (pushed or polled) to their messages; returns how many changed."""
        if not receipts:
            return 0
        by_ref = {r.provider_ref: r for r in receipts}
        refs = list(by_ref)
        changed = 0
        for start in range(0, len(refs), APPLY_CHUNK):
            chunk = refs[start : start + APPLY_CHUNK]
            with self._sessions.begin() as session:
                current = session.execute(
                    select(
                        Message.id,
                        Message.provider_ref,
                        Message.status,
                        Message.ptt,
                        Message.dlr,
                        Message.operator_code,
                        Message.credits,
                        Message.delivered_at,
                        Message.error,
                    ).where(Message.provider == provider_name, Message.provider_ref.in_(chunk))
                ).all()
                updates = [
                    row
                    for values in current
                    if (row := self._changes(values, by_ref[values.provider_ref])) is not None
                ]
                if updates:
                    _write(session, updates)
            changed += len(updates)
            self._settled.update(
                row["id"] for row in updates if row.get("status") in _SETTLED_STATUSES
            )
        return changed

    def _changes(self, current: Any, receipt: Receipt) -> dict[str, Any] | None:
        """The columns this receipt changes in the message, with its id; None: nothing."""
        try:
            before = MessageStatus(current.status)
        except ValueError:
            return None
        if before not in _RECEIVING:
            return None
        status = status_from_codes(receipt.ptt, receipt.dlr)
        if status is MessageStatus.SUBMITTED and before is not MessageStatus.SUBMITTED:
            return None  # a late in-between report: the verdict stands
        wanted: dict[str, Any] = {"status": status, "ptt": receipt.ptt, "dlr": receipt.dlr}
        if receipt.operator_code is not None:
            wanted["operator_code"] = receipt.operator_code
        if receipt.credits is not None:
            wanted["credits"] = receipt.credits
        if receipt.error is not None:
            wanted["error"] = receipt.error
        if status is MessageStatus.DELIVERED:
            if receipt.delivered_at is not None:
                wanted["delivered_at"] = receipt.delivered_at
            elif current.delivered_at is None:
                wanted["delivered_at"] = self._clock()
        row = {
            column: value for column, value in wanted.items() if getattr(current, column) != value
        }
        if not row:
            return None
        row["id"] = current.id
        return row


_UPDATED = ("status", "ptt", "dlr", "operator_code", "credits", "error", "delivered_at")
_SETTLED_STATUSES = frozenset(
    {MessageStatus.DELIVERED, MessageStatus.FAILED, MessageStatus.EXPIRED}
)


def _write(session: Session, updates: Sequence[dict[str, Any]]) -> None:
    """One executemany per set of changed columns (most receipts change the same ones):
    a Core UPDATE by id, much cheaper than the ORM's bulk path for 100k rows."""
    table = Message.__table__
    assert isinstance(table, Table)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in updates:
        columns = tuple(c for c in _UPDATED if c in row)
        groups[columns].append({f"b_{k}": v for k, v in row.items()})
    for columns, params in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}", type_=table.c[c].type) for c in columns})
        )
        session.execute(statement, params)


def _age(submitted_at: datetime | None, now: datetime) -> float:
    return (now - submitted_at).total_seconds() if submitted_at is not None else 0.0
