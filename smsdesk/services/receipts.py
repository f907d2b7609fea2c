"""Delivery receipts: ask the gateways about submitted messages and apply the answers.

Gateways report in-between states too (OVH ptt 3 / DLR 0 "accepted by the operator",
SMPP ACCEPTD or ENROUTE): they are plain updates of the codes while the message stays
`submitted`. A row is written only when something in it changes, so polling the same
in-between state again costs a read and no write, and a late in-between report never
takes back a final verdict (delivered, failed, expired).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Message, utcnow
from smsdesk.domain.delivery import MessageStatus, status_from_codes
from smsdesk.providers.base import Capability, Provider, ProviderError, Receipt

log = logging.getLogger(__name__)

POLL_CHUNK = 1000
APPLY_CHUNK = 900  # provider_refs per IN (...) lookup, under SQLite's variable limit
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

    def poll(self, *, limit: int = 20_000) -> int:
        """Poll each gateway for the oldest waiting messages; returns messages changed."""
        with self._sessions() as session:
            rows = session.execute(
                select(Message.provider, Message.provider_ref)
                .where(Message.status == MessageStatus.SUBMITTED, Message.provider_ref.is_not(None))
                .order_by(Message.status, Message.next_attempt_at)
                .limit(limit)
            ).all()
        refs: dict[str, list[str]] = defaultdict(list)
        for provider_name, ref in rows:
            if ref is not None:
                refs[provider_name].append(ref)
        applied = 0
        for provider_name, provider_refs in refs.items():
            try:
                provider = self._provider(provider_name)
                if Capability.RECEIPTS_POLL not in provider.capabilities:
                    continue
                for start in range(0, len(provider_refs), POLL_CHUNK):
                    receipts = provider.poll_receipts(provider_refs[start : start + POLL_CHUNK])
                    applied += self.apply(provider_name, receipts)
            except (ProviderError, ValueError) as exc:
                log.warning("receipts from %s unavailable: %s", provider_name, exc)
        return applied

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
                    session.execute(update(Message), updates)
            changed += len(updates)
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
