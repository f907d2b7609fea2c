"""Delivery receipts: ask the gateways about submitted messages and apply the answers."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Message, utcnow
from smsdesk.domain.delivery import MessageStatus, status_from_codes
from smsdesk.providers.base import Capability, Provider, ProviderError, Receipt

log = logging.getLogger(__name__)

POLL_CHUNK = 1000


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
        """Poll each gateway for the oldest waiting messages; returns receipts applied."""
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
            except ProviderError as exc:
                log.warning("receipts from %s unavailable: %s", provider_name, exc)
        return applied

    def apply(self, provider_name: str, receipts: list[Receipt]) -> int:
        """Write receipts (pushed or polled) to their messages; returns how many changed."""
        if not receipts:
            return 0
        by_ref = {r.provider_ref: r for r in receipts}
        with self._sessions.begin() as session:
            ids = dict(
                session.execute(
                    select(Message.provider_ref, Message.id).where(
                        Message.provider == provider_name,
                        Message.provider_ref.in_(list(by_ref)),
                    )
                ).all()
            )
            updates: list[dict[str, Any]] = []
            for ref, receipt in by_ref.items():
                message_id = ids.get(ref)
                if message_id is None:
                    continue
                status = status_from_codes(receipt.ptt, receipt.dlr)
                row: dict[str, Any] = {
                    "id": message_id,
                    "ptt": receipt.ptt,
                    "dlr": receipt.dlr,
                    "status": status,
                }
                if receipt.operator_code is not None:
                    row["operator_code"] = receipt.operator_code
                if receipt.credits is not None:
                    row["credits"] = receipt.credits
                if status is MessageStatus.DELIVERED:
                    row["delivered_at"] = receipt.delivered_at or self._clock()
                updates.append(row)
            if updates:
                session.execute(update(Message), updates)
            return len(updates)
