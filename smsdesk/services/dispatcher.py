"""The outbox state machine: claim due messages, send them once, record what happened.

queued -> submitting -> submitted -> delivered | failed | expired   (queued -> cancelled)

`submitting` is committed *before* the gateway is called. If the process dies between
that commit and the recording of the answer, the rows stay `submitting` with the id of
the dead dispatcher in `claimed_by`; the next dispatcher to start reconciles them with
the gateway (when it can say what it received) or marks them `unknown`. A message is
never handed to the gateway twice by smsdesk.

Sending windows: messages of a campaign whose window is closed are not claimed; their
`next_attempt_at` is moved to the window's next opening, so the campaign pauses when the
window closes and resumes when it opens again (the GUI's timer and `dispatch --forever`
simply find them due then). A batch claimed just before the closing and held back by the
rate limit is checked again right before the gateway call and put back if too late.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, exists, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Dispatcher, Message, utcnow
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.providers.base import (
    Capability,
    OutgoingSms,
    PermanentError,
    Provider,
    ProviderError,
    SubmitResult,
    TransientError,
)
from smsdesk.services.campaigns import parse_window
from smsdesk.services.receipts import ReceiptService

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 15 * 60.0
HEARTBEAT_STALE = timedelta(minutes=5)

ProgressFn = Callable[[int, int], None]
HOLDING_STATUSES = (CampaignStatus.SCHEDULED, CampaignStatus.SENDING)


@dataclass(frozen=True)
class DispatchReport:
    claimed: int = 0
    submitted: int = 0
    failed: int = 0
    retried: int = 0

    held: int = 0  # claimed, then put back: their sending window had closed

    def __add__(self, other: DispatchReport) -> DispatchReport:
        return DispatchReport(
            self.claimed + other.claimed,
            self.submitted + other.submitted,
            self.failed + other.failed,
            self.retried + other.retried,
            self.held + other.held,
        )


@dataclass(frozen=True)
class RecoveryReport:
    reconciled: int = 0  # the gateway had them: now submitted
    requeued: int = 0  # the gateway never got them: queued again
    unknown: int = 0  # nobody can say: left to the user


@dataclass(frozen=True)
class _Claimed:
    id: int
    receiver: str
    sender: str
    body: str
    provider: str
    attempts: int
    commercial: bool
    batch_ref: str
    campaign_id: int | None = None
    window: str | None = None  # the campaign's SendingWindow JSON
    deferred_until: datetime | None = None  # handed to the gateway to send then
    # the batch of this row's previous attempt, which may have reached the gateway
    earlier_batch_ref: str | None = None


def backoff_delay(attempts: int, retry_after: float | None = None) -> float:
    """Exponential backoff with full jitter, bounded; the gateway's hint is a floor."""
    ceiling = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1))
    delay = random.uniform(ceiling / 2, ceiling)
    return max(delay, retry_after or 0.0)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DispatcherService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        provider_factory: Callable[[str], Provider],
        *,
        clock: Callable[[], datetime] = utcnow,
        batch_size: int | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        """`clock` and `sleep` drive time (tests pass a fake clock whose sleep moves it)."""
        self._sessions = sessions
        self._provider_factory = provider_factory
        self._providers: dict[str, Provider] = {}
        self._clock = clock
        self._batch_size = batch_size
        self._host = socket.gethostname()[:60]
        self.identity = f"{self._host}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        self._registered = False
        self._sleep = sleep
        self._next_free: dict[str, float] = {}  # provider -> when its rate allows more
        self.receipts = ReceiptService(sessions, self.provider, clock=clock)
        self._is_postgres = sessions.kw["bind"].dialect.name == "postgresql"

    # -- providers -------------------------------------------------------------------

    def provider(self, name: str) -> Provider:
        if name not in self._providers:
            self._providers[name] = self._provider_factory(name)
        return self._providers[name]

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()
        self._providers.clear()
        if self._registered:
            with self._sessions.begin() as session:
                session.execute(delete(Dispatcher).where(Dispatcher.id == self.identity))
            self._registered = False

    # -- liveness --------------------------------------------------------------------

    def heartbeat(self) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            row = session.get(Dispatcher, self.identity)
            if row is None:
                session.add(
                    Dispatcher(
                        id=self.identity,
                        host=self._host,
                        pid=os.getpid(),
                        started_at=now,
                        heartbeat_at=now,
                    )
                )
            else:
                row.heartbeat_at = now
        self._registered = True

    def _is_orphan(self, claimed_by: str, heartbeats: dict[str, datetime]) -> bool:
        if claimed_by == self.identity:
            return False
        host, _, rest = claimed_by.partition(":")
        pid_text = rest.partition(":")[0]
        if host == self._host and pid_text.isdigit() and not _pid_alive(int(pid_text)):
            return True
        beat = heartbeats.get(claimed_by)
        return beat is None or self._clock() - beat > HEARTBEAT_STALE

    # -- recovery --------------------------------------------------------------------

    def recover(self) -> RecoveryReport:
        """Settle the rows a dead dispatcher left in `submitting`."""
        with self._sessions() as session:
            owners = list(
                session.scalars(
                    select(Message.claimed_by)
                    .where(Message.status == MessageStatus.SUBMITTING)
                    .distinct()
                )
            )
            heartbeats = dict(session.execute(select(Dispatcher.id, Dispatcher.heartbeat_at)).all())
        orphans = [o for o in owners if o is not None and self._is_orphan(o, heartbeats)]
        if None in owners:
            orphans.append("")
        report = RecoveryReport()
        for owner in orphans:
            report = self._recover_owner(owner or None, report)
        return report

    def _recover_owner(self, owner: str | None, report: RecoveryReport) -> RecoveryReport:
        with self._sessions() as session:
            rows = session.execute(
                select(
                    Message.id,
                    Message.receiver,
                    Message.sender,
                    Message.body,
                    Message.provider,
                    Message.batch_ref,
                    Campaign.commercial,
                )
                .outerjoin(Campaign, Campaign.id == Message.campaign_id)
                .where(Message.status == MessageStatus.SUBMITTING, Message.claimed_by == owner)
            ).all()
        groups: dict[tuple[str, str], list[OutgoingSms]] = defaultdict(list)
        for mid, receiver, sender, body, provider_name, batch_ref, commercial in rows:
            groups[(provider_name, batch_ref or "")].append(
                OutgoingSms(mid, receiver, sender, body, bool(commercial))
            )
        reconciled = requeued = unknown = 0
        now = self._clock()
        for (provider_name, batch_ref), batch in groups.items():
            found: dict[int, str] = {}
            can_say = False
            try:
                provider = self.provider(provider_name)
                if batch_ref and Capability.RECONCILE in provider.capabilities:
                    found = {
                        r.message_id: r.provider_ref
                        for r in provider.reconcile(batch, batch_ref=batch_ref)
                    }
                    can_say = True
            except ProviderError as exc:
                log.warning("cannot reconcile batch %s: %s", batch_ref, exc)
            updates: list[dict[str, Any]] = []
            for sms in batch:
                if sms.message_id in found:
                    reconciled += 1
                    updates.append(
                        {
                            "id": sms.message_id,
                            "status": MessageStatus.SUBMITTED,
                            "provider_ref": found[sms.message_id],
                            "submitted_at": now,
                            "claimed_by": None,
                        }
                    )
                elif can_say:
                    requeued += 1
                    updates.append(
                        {
                            "id": sms.message_id,
                            "status": MessageStatus.QUEUED,
                            "next_attempt_at": now,
                            "claimed_by": None,
                        }
                    )
                else:
                    unknown += 1
                    updates.append(
                        {
                            "id": sms.message_id,
                            "status": MessageStatus.UNKNOWN,
                            "claimed_by": None,
                            "error": "interrupted while sending; the gateway cannot tell "
                            "whether it received this message",
                        }
                    )
            with self._sessions.begin() as session:
                session.execute(update(Message), updates)
        if reconciled or requeued or unknown:
            log.info(
                "recovered interrupted sends: %d reconciled, %d queued again, %d unknown",
                reconciled,
                requeued,
                unknown,
            )
        return RecoveryReport(
            report.reconciled + reconciled, report.requeued + requeued, report.unknown + unknown
        )

    # -- claiming and sending --------------------------------------------------------

    def due_count(self) -> int:
        with self._sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Message)
                    .where(
                        Message.status == MessageStatus.QUEUED,
                        Message.next_attempt_at <= self._clock(),
                    )
                )
                or 0
            )

    def next_due_at(self) -> datetime | None:
        """When the next queued message becomes due (for the GUI's single-shot timer)."""
        with self._sessions() as session:
            return session.scalar(
                select(func.min(Message.next_attempt_at)).where(
                    Message.status == MessageStatus.QUEUED
                )
            )

    def hold_closed_windows(self) -> int:
        """Move the due messages of campaigns whose window is closed to its next opening;
        returns how many were moved. Idempotent: several dispatchers may run it at once."""
        now = self._clock()
        with self._sessions() as session:
            windows = session.execute(
                select(Campaign.id, Campaign.window).where(
                    Campaign.status.in_(HOLDING_STATUSES),
                    Campaign.window.is_not(None),
                    Campaign.provider_deferred.is_(False),
                )
            ).all()
        moved = 0
        for campaign_id, window_json in windows:
            window = parse_window(window_json)
            if window.is_open(now):
                continue
            reopen = window.next_open(now)
            try:
                with self._sessions.begin() as session:
                    result = session.execute(
                        update(Message)
                        .where(
                            Message.campaign_id == campaign_id,
                            Message.status == MessageStatus.QUEUED,
                            Message.next_attempt_at < reopen,
                        )
                        .values(next_attempt_at=reopen)
                        .execution_options(synchronize_session=False)
                    )
                    moved += int(result.rowcount)  # type: ignore[attr-defined]
            except OperationalError as exc:  # e.g. a deadlock with another dispatcher
                log.warning("could not pause campaign %d yet: %s", campaign_id, exc.orig)
        if moved:
            log.info("%d message(s) wait for their sending window to open", moved)
        return moved

    def _claim(self, limit: int) -> list[_Claimed]:
        now = self._clock()
        batch_ref = f"sd-{uuid.uuid4().hex[:20]}"
        with self._sessions.begin() as session:
            due = (
                select(Message.id)
                .where(Message.status == MessageStatus.QUEUED, Message.next_attempt_at <= now)
                .order_by(Message.next_attempt_at, Message.id)
                .limit(limit)
            )
            if self._is_postgres:
                due = due.with_for_update(skip_locked=True)
            ids = list(session.scalars(due))
            if not ids:
                return []
            earlier = self._earlier_batch_refs(session, ids)
            # the status test again: on SQLite another process may have claimed some of
            # these rows since our select; the UPDATE runs under the write lock
            result = session.execute(
                update(Message)
                .where(Message.id.in_(ids), Message.status == MessageStatus.QUEUED)
                .values(
                    status=MessageStatus.SUBMITTING,
                    claimed_by=self.identity,
                    batch_ref=batch_ref,
                    attempts=Message.attempts + 1,
                )
                .execution_options(synchronize_session=False)
                .returning(
                    Message.id,
                    Message.receiver,
                    Message.sender,
                    Message.body,
                    Message.provider,
                    Message.attempts,
                    Message.campaign_id,
                )
            ).all()
            campaign_ids = {row.campaign_id for row in result if row.campaign_id is not None}
            campaigns: dict[int, Any] = {}
            if campaign_ids:
                campaigns = {
                    row.id: row
                    for row in session.execute(
                        select(
                            Campaign.id,
                            Campaign.commercial,
                            Campaign.window,
                            Campaign.provider_deferred,
                            Campaign.scheduled_at,
                        ).where(Campaign.id.in_(campaign_ids))
                    )
                }
                # a schedule kept by the gateway stays "scheduled" until its instant
                session.execute(
                    update(Campaign)
                    .where(
                        Campaign.id.in_(campaign_ids),
                        Campaign.status == CampaignStatus.SCHEDULED,
                        Campaign.provider_deferred.is_(False),
                    )
                    .values(status=CampaignStatus.SENDING, started_at=now)
                )
            claimed = []
            for row in result:
                campaign = campaigns.get(row.campaign_id or -1)
                deferred_until = None
                if (
                    campaign is not None
                    and campaign.provider_deferred
                    and campaign.scheduled_at is not None
                    and campaign.scheduled_at > now
                ):
                    deferred_until = campaign.scheduled_at
                claimed.append(
                    _Claimed(
                        id=row.id,
                        receiver=row.receiver,
                        sender=row.sender,
                        body=row.body,
                        provider=row.provider,
                        attempts=row.attempts,
                        commercial=bool(campaign.commercial) if campaign is not None else False,
                        batch_ref=batch_ref,
                        campaign_id=row.campaign_id,
                        window=campaign.window if campaign is not None else None,
                        deferred_until=deferred_until,
                        earlier_batch_ref=earlier.get(row.id),
                    )
                )
            return claimed

    def _wait(self, seconds: float, cancel: threading.Event | None) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif cancel is not None:
            cancel.wait(seconds)
        else:
            time.sleep(seconds)

    def _respect_rate(self, provider: Provider, count: int, cancel: threading.Event | None) -> None:
        """Wait until the provider's rate allows `count` more messages (on our clock)."""
        rate = provider.rate_per_second
        if not rate:
            return
        now = self._clock().timestamp()
        free_at = self._next_free.get(provider.name, now)
        if free_at - now > count / rate + 60:
            free_at = now  # the clock was set back: do not wait for the old future
        if free_at > now:
            self._wait(free_at - now, cancel)
        self._next_free[provider.name] = max(now, free_at) + count / rate

    def _open_due_providers(self) -> None:
        """Open the providers of what is due, so that their rate limits size the batches."""
        with self._sessions() as session:
            names = list(
                session.scalars(
                    select(Message.provider)
                    .where(
                        Message.status == MessageStatus.QUEUED,
                        Message.next_attempt_at <= self._clock(),
                    )
                    .distinct()
                )
            )
        for name in names:
            try:
                self.provider(name)
            except (ProviderError, ValueError) as exc:
                log.warning("gateway %s unavailable: %s", name, exc)

    def _batch_limit(self, size: int) -> int:
        """With a rate limit, a batch holds about one second of sending, so that the gap
        between batches stays short and a closing window pauses the campaign on time."""
        rates = [p.rate_per_second for p in self._providers.values() if p.rate_per_second]
        if not rates:
            return size
        return max(1, min(size, int(min(rates))))

    def _release(self, rows: Sequence[_Claimed], due: datetime) -> None:
        """Give claimed rows back, never handed to the gateway: queued again for `due`."""
        with self._sessions.begin() as session:
            session.execute(
                update(Message)
                .where(
                    Message.id.in_([r.id for r in rows]),
                    Message.status == MessageStatus.SUBMITTING,
                    Message.claimed_by == self.identity,
                )
                .values(
                    status=MessageStatus.QUEUED,
                    claimed_by=None,
                    batch_ref=None,
                    next_attempt_at=due,
                    attempts=Message.attempts - 1,
                )
                .execution_options(synchronize_session=False)
            )

    def _outside_window(self, rows: Sequence[_Claimed]) -> list[_Claimed]:
        """The rows whose campaign's window is closed now; they are put back for its next
        opening (with the rest of their campaign)."""
        now = self._clock()
        late: list[_Claimed] = []
        reopen: dict[int, datetime] = {}
        for row in rows:
            if row.window is None or row.deferred_until is not None:
                continue
            window = parse_window(row.window)
            if window.is_open(now):
                continue
            late.append(row)
            if row.campaign_id is not None:
                reopen[row.campaign_id] = window.next_open(now)
        by_due: dict[datetime, list[_Claimed]] = defaultdict(list)
        for row in late:
            by_due[reopen.get(row.campaign_id or -1, now)].append(row)
        for due, group in by_due.items():
            self._release(group, due)
        if late:
            self.hold_closed_windows()
        return late

    # -- retries that may have reached the gateway ------------------------------------

    @staticmethod
    def _earlier_batch_refs(session: Session, ids: Sequence[int]) -> dict[int, str]:
        """The batch_ref of the previous attempt of rows tried before, read before the
        claim replaces it: a timeout or a 5xx may hide that the gateway took that batch."""
        rows = session.execute(
            select(Message.id, Message.batch_ref).where(
                Message.id.in_(ids), Message.attempts > 0, Message.batch_ref.is_not(None)
            )
        )
        return {message_id: ref for message_id, ref in rows if ref}

    def _settle_earlier_attempts(
        self, provider: Provider, provider_name: str, rows: Sequence[_Claimed]
    ) -> tuple[DispatchReport, list[_Claimed]]:
        """Ask the gateway, under the batch_ref of their previous attempt, about the rows
        sent before: those it holds are recorded as submitted instead of being sent again
        under the new batch_ref. Returns (what was recorded, the rows still to send).

        When the gateway cannot answer now, the rows wait (queued, with the previous
        batch_ref kept for the next try); when it refuses to answer, they become
        `unknown`, as after a crash: never sent twice on a guess.
        """
        earlier: dict[str, list[_Claimed]] = defaultdict(list)
        for row in rows:
            if row.earlier_batch_ref:
                earlier[row.earlier_batch_ref].append(row)
        if not earlier or Capability.RECONCILE not in provider.capabilities:
            return DispatchReport(), list(rows)
        found: dict[int, str] = {}
        settled: set[int] = set()
        report = DispatchReport()
        for old_ref, group in earlier.items():
            batch = [OutgoingSms(r.id, r.receiver, r.sender, r.body, r.commercial) for r in group]
            try:
                records = provider.reconcile(batch, batch_ref=old_ref)
            except TransientError as exc:
                report += self._wait_for_earlier(group, old_ref, str(exc), exc.retry_after)
                settled.update(r.id for r in group)
                continue
            except (ProviderError, ValueError) as exc:
                report += self._unknown_earlier(group, str(exc))
                settled.update(r.id for r in group)
                continue
            found.update((r.message_id, r.provider_ref) for r in records)
        if found:
            with self._sessions() as session:
                # an id another message already has (two sends to one receiver): not this one
                taken = set(
                    session.scalars(
                        select(Message.provider_ref).where(
                            Message.provider == provider_name,
                            Message.provider_ref.in_(list(found.values())),
                        )
                    )
                )
            found = {mid: ref for mid, ref in found.items() if ref not in taken}
        if found:
            recorded = self._record(
                [SubmitResult(mid, accepted=True, provider_ref=ref) for mid, ref in found.items()],
                {r.id: r.attempts for r in rows},
            )
            log.info(
                "%d message(s) of an earlier attempt were already at the gateway: "
                "recorded, not sent again",
                recorded.submitted,
            )
            report += recorded
            settled.update(found)
        return report, [r for r in rows if r.id not in settled]

    def _wait_for_earlier(
        self, rows: Sequence[_Claimed], old_ref: str, reason: str, retry_after: float | None
    ) -> DispatchReport:
        """Queue rows again with their previous batch_ref, to ask the gateway later."""
        now = self._clock()
        updates = [
            {
                "id": r.id,
                "status": MessageStatus.QUEUED,
                "claimed_by": None,
                "batch_ref": old_ref,
                "attempts": r.attempts - 1,  # nothing was sent this time
                "next_attempt_at": now + timedelta(seconds=backoff_delay(r.attempts, retry_after)),
                "error": reason,
            }
            for r in rows
        ]
        with self._sessions.begin() as session:
            session.execute(update(Message), updates)
        return DispatchReport(retried=len(rows))

    def _unknown_earlier(self, rows: Sequence[_Claimed], reason: str) -> DispatchReport:
        updates = [
            {
                "id": r.id,
                "status": MessageStatus.UNKNOWN,
                "claimed_by": None,
                "next_attempt_at": None,
                "error": "a previous attempt may have reached the gateway, which cannot "
                f"tell now: {reason}",
            }
            for r in rows
        ]
        with self._sessions.begin() as session:
            session.execute(update(Message), updates)
        return DispatchReport(failed=len(rows))

    def _send(self, claimed: Sequence[_Claimed], cancel: threading.Event | None) -> DispatchReport:
        groups: dict[tuple[str, datetime | None], list[_Claimed]] = defaultdict(list)
        for row in claimed:
            groups[(row.provider, row.deferred_until)].append(row)
        report = DispatchReport(claimed=len(claimed))
        for (provider_name, deferred_until), group in groups.items():
            rows = group
            try:
                provider = self.provider(provider_name)
                self._respect_rate(provider, len(rows), cancel)
            except (ProviderError, ValueError) as exc:
                report += self._record(
                    [SubmitResult(r.id, accepted=False, error=str(exc)) for r in rows],
                    {r.id: r.attempts for r in rows},
                )
                continue
            if cancel is not None and cancel.is_set():
                self._release(rows, self._clock())
                report = replace(report, claimed=report.claimed - len(rows))
                continue
            late = {r.id for r in self._outside_window(rows)}
            if late:
                report = replace(
                    report, claimed=report.claimed - len(late), held=report.held + len(late)
                )
                rows = [r for r in rows if r.id not in late]
                if not rows:
                    continue
            settled, rows = self._settle_earlier_attempts(provider, provider_name, rows)
            report += settled
            if not rows:
                continue
            batch = [OutgoingSms(r.id, r.receiver, r.sender, r.body, r.commercial) for r in rows]
            attempts = {r.id: r.attempts for r in rows}
            try:
                results = provider.submit(
                    batch, batch_ref=rows[0].batch_ref, deferred_until=deferred_until
                )
            except TransientError as exc:
                report += self._record_transient(rows, str(exc), exc.retry_after)
                continue
            except (PermanentError, ProviderError, ValueError) as exc:
                report += self._record(
                    [SubmitResult(r.id, accepted=False, error=str(exc)) for r in rows], attempts
                )
                continue
            answered = {r.message_id for r in results}
            # a gateway that forgot some messages: we cannot know, so do not resend them
            missing = [
                SubmitResult(
                    r.id, accepted=False, error="no answer from the gateway", permanent=True
                )
                for r in rows
                if r.id not in answered
            ]
            recorded = self._record([*results, *missing], attempts)
            log.info(
                "batch %s: %d submitted, %d failed, %d to retry%s",
                rows[0].batch_ref,
                recorded.submitted,
                recorded.failed,
                recorded.retried,
                f" (the gateway sends them at {deferred_until.isoformat()})"
                if deferred_until
                else "",
            )
            report += recorded
            if deferred_until is not None:
                self._cancel_if_cancelled(provider, rows, results)
        return report

    def _cancel_if_cancelled(
        self, provider: Provider, rows: Sequence[_Claimed], results: Sequence[SubmitResult]
    ) -> None:
        """A campaign cancelled while its schedule was being handed over: delete it there."""
        campaign_ids = {r.campaign_id for r in rows if r.campaign_id is not None}
        with self._sessions() as session:
            cancelled = set(
                session.scalars(
                    select(Campaign.id).where(
                        Campaign.id.in_(campaign_ids), Campaign.status == CampaignStatus.CANCELLED
                    )
                )
            )
        if not cancelled:
            return
        ids = {r.id for r in rows if r.campaign_id in cancelled}
        refs = {r.message_id: r.provider_ref for r in results if r.accepted and r.provider_ref}
        refs = {mid: ref for mid, ref in refs.items() if mid in ids}
        if not refs:
            return
        try:
            provider.cancel_deferred(list(refs.values()))
        except ProviderError as exc:
            log.warning("a cancelled campaign is still planned at the gateway: %s", exc)
            return
        with self._sessions.begin() as session:
            session.execute(
                update(Message)
                .where(Message.id.in_(list(refs)))
                .values(status=MessageStatus.CANCELLED, next_attempt_at=None)
            )

    def _record(self, results: Sequence[SubmitResult], attempts: dict[int, int]) -> DispatchReport:
        now = self._clock()
        updates: list[dict[str, Any]] = []
        submitted = failed = retried = 0
        for res in results:
            if res.accepted:
                submitted += 1
                updates.append(
                    {
                        "id": res.message_id,
                        "status": MessageStatus.SUBMITTED,
                        "provider_ref": res.provider_ref,
                        "credits": res.credits,
                        "submitted_at": now,
                        "claimed_by": None,
                        "error": None,
                    }
                )
            elif not res.permanent and attempts.get(res.message_id, MAX_ATTEMPTS) < MAX_ATTEMPTS:
                retried += 1
                delay = backoff_delay(attempts[res.message_id])
                updates.append(
                    {
                        "id": res.message_id,
                        "status": MessageStatus.QUEUED,
                        "next_attempt_at": now + timedelta(seconds=delay),
                        "claimed_by": None,
                        "error": res.error,
                    }
                )
            else:
                failed += 1
                updates.append(
                    {
                        "id": res.message_id,
                        "status": MessageStatus.FAILED,
                        "claimed_by": None,
                        "next_attempt_at": None,
                        "error": res.error or "refused by the gateway",
                    }
                )
        if updates:
            with self._sessions.begin() as session:
                session.execute(update(Message), updates)
        return DispatchReport(submitted=submitted, failed=failed, retried=retried)

    def _record_transient(
        self, rows: Sequence[_Claimed], reason: str, retry_after: float | None
    ) -> DispatchReport:
        results = [SubmitResult(r.id, accepted=False, error=reason, permanent=False) for r in rows]
        report = self._record(results, {r.id: r.attempts for r in rows})
        if retry_after:
            # the gateway asked for a pause: honour it for the whole batch
            with self._sessions.begin() as session:
                session.execute(
                    update(Message)
                    .where(
                        Message.id.in_([r.id for r in rows]),
                        Message.status == MessageStatus.QUEUED,
                    )
                    .values(next_attempt_at=self._clock() + timedelta(seconds=retry_after))
                )
        return report

    def _finish_campaigns(self) -> None:
        open_statuses = [MessageStatus.QUEUED, MessageStatus.SUBMITTING]
        now = self._clock()
        nothing_left = ~exists().where(
            and_(Message.campaign_id == Campaign.id, Message.status.in_(open_statuses))
        )
        with self._sessions.begin() as session:
            session.execute(
                update(Campaign)
                .where(Campaign.status == CampaignStatus.SENDING, nothing_left)
                .values(status=CampaignStatus.DONE, finished_at=now)
            )
            # a schedule kept by the gateway is done once its instant has passed
            session.execute(
                update(Campaign)
                .where(
                    Campaign.status == CampaignStatus.SCHEDULED,
                    Campaign.provider_deferred.is_(True),
                    Campaign.scheduled_at <= now,
                    nothing_left,
                )
                .values(status=CampaignStatus.DONE, started_at=now, finished_at=now)
            )

    def dispatch_due(
        self,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        limit: int | None = None,
    ) -> DispatchReport:
        """Send every message due now, batch after batch, until none is left (or cancel)."""
        self.hold_closed_windows()
        self._open_due_providers()
        total = self.due_count() if progress else 0
        report = DispatchReport()
        while cancel is None or not cancel.is_set():
            size = self._batch_limit(self._batch_size or 500)
            if limit is not None:
                size = min(size, limit - report.claimed)
                if size <= 0:
                    break
            claimed = self._claim(size)
            if not claimed:
                break
            report += self._send(claimed, cancel)
            if progress:
                progress(report.claimed, max(total, report.claimed))
        self._finish_campaigns()
        return report

    def run_once(
        self,
        *,
        receipt_wait: float = 10.0,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> tuple[DispatchReport, RecoveryReport, int]:
        """One pass: recover, send what is due, then collect receipts for up to
        `receipt_wait` seconds. Returns (sent, recovered, receipts applied)."""
        self.heartbeat()
        recovered = self.recover()
        report = self.dispatch_due(progress=progress, cancel=cancel)
        applied = self.receipts.poll()
        deadline = time.monotonic() + receipt_wait
        while self.receipts.outstanding() and time.monotonic() < deadline:
            if cancel is not None and cancel.wait(0.25):
                break
            if cancel is None:
                time.sleep(0.25)
            applied += self.receipts.poll()
        return report, recovered, applied

    def run_forever(self, stop: threading.Event, *, idle_seconds: float = 1.0) -> None:
        """Headless loop (`smsdesk dispatch --forever`): send, poll receipts, sleep."""
        self.heartbeat()
        self.recover()
        while not stop.is_set():
            self.heartbeat()
            self.recover()
            self.dispatch_due(cancel=stop)
            self.receipts.poll()
            stop.wait(idle_seconds)
