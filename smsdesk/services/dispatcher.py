"""The outbox state machine: claim due messages, send them once, record what happened.

queued -> submitting -> submitted -> delivered | failed | expired   (queued -> cancelled)

`submitting` is committed *before* the gateway is called, with a lease: `claimed_by` (this
dispatcher) and `lease_until` (the database's clock + LEASE). The owner renews the lease
while it works (before each gateway call, and from a small thread while a call is in
flight) and every write it makes to those rows is guarded by `claimed_by = me AND status =
'submitting'`: rows taken from it are never written, nor handed to the gateway. Only once
a lease has expired (on the database's clock: a host clock that runs ahead cannot steal a
live claim) does recovery take the rows over and settle them with the gateway (when it can
say what it received) or mark them `unknown`. A message is never handed to the gateway
twice by smsdesk.

The gateway refusing *us* (credentials, settings, no credits) pauses the campaigns it
concerns (PAUSE CONTRACT in domain/delivery.py): their unsent messages wait `queued` with
no due instant until the user resumes; nothing is failed for it.

Sending windows: messages of a campaign whose window is closed are not claimed; their
`next_attempt_at` is moved to the window's next opening, so the campaign pauses when the
window closes and resumes when it opens again (the GUI's timer and `dispatch --forever`
simply find them due then). A batch claimed just before the closing and held back by the
rate limit is checked again right before the gateway call and put back if too late.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select, text, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Message, utcnow
from smsdesk.db.sqlite_file import utc_from_text
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.domain.sending_window import parse_window
from smsdesk.providers.base import (
    Capability,
    GatewayRefusal,
    NotEnoughCredits,
    OutgoingSms,
    PermanentError,
    Provider,
    ProviderError,
    PushesReceipts,
    PushesReplies,
    SubmitResult,
    TransientError,
)
from smsdesk.providers.registry import spec as gateway_spec
from smsdesk.providers.retry import Backoff, RateLimiter, wait
from smsdesk.services.receipts import ReceiptService
from smsdesk.services.replies import ReplyService
from smsdesk.services.settings import SettingsService

log = logging.getLogger(__name__)

REPLIES_EVERY = 30.0  # seconds between two asks for replies in a loop (OVH: 2 calls)

MAX_ATTEMPTS = 6
# After a recovery found a batch absent at the gateway: how long its messages wait before
# the gateway is asked again (then sent if still absent). Longer than any gateway takes to
# act on a request it has received.
RECHECK_AFTER_RECOVERY = timedelta(minutes=2)
RECHECK_ENV = "SMSDESK_RECHECK_SECONDS"
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 15 * 60.0
LEASE_SECONDS = 90.0  # a claim not renewed for this long is taken over by recovery
LEASE_ENV = "SMSDESK_LEASE_SECONDS"
ID_CHUNK = 500  # ids per IN (...) of the lease checks

ProgressFn = Callable[[int, int], None]
HOLDING_STATUSES = (CampaignStatus.SCHEDULED, CampaignStatus.SENDING)
PAUSABLE_STATUSES = (*HOLDING_STATUSES, CampaignStatus.PAUSED)


@dataclass(frozen=True)
class DispatchReport:
    claimed: int = 0
    submitted: int = 0
    failed: int = 0
    retried: int = 0

    held: int = 0  # claimed, then put back: their sending window had closed
    unknown: int = 0  # may have reached the gateway, which never said: never resent
    paused: int = 0  # campaigns paused because the gateway refused us
    refusals: tuple[str, ...] = ()  # why (one human line each), for the user

    def __add__(self, other: DispatchReport) -> DispatchReport:
        return DispatchReport(
            self.claimed + other.claimed,
            self.submitted + other.submitted,
            self.failed + other.failed,
            self.retried + other.retried,
            self.held + other.held,
            self.unknown + other.unknown,
            self.paused + other.paused,
            tuple(dict.fromkeys((*self.refusals, *other.refusals))),
        )


@dataclass(frozen=True)
class RecoveryReport:
    reconciled: int = 0  # the gateway had them: now submitted
    requeued: int = 0  # the gateway never got them: queued again
    unknown: int = 0  # nobody can say: left to the user

    def __add__(self, other: RecoveryReport) -> RecoveryReport:
        return RecoveryReport(
            self.reconciled + other.reconciled,
            self.requeued + other.requeued,
            self.unknown + other.unknown,
        )


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


RETRY_BACKOFF = Backoff(base=BACKOFF_BASE_SECONDS, cap=BACKOFF_MAX_SECONDS, least=0.5)


def backoff_delay(attempts: int, retry_after: float | None = None) -> float:
    """How long a message waits after its `attempts`-th failed try (the shared Backoff,
    equal jitter); the gateway's Retry-After is a floor."""
    return RETRY_BACKOFF.delay_at_least(attempts - 1, retry_after)


def _seconds_from_environment(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        log.warning("%s=%r is not a number of seconds: using %g", name, raw, default)
        return default
    return value if value > 0 else default


def _lease_from_environment() -> float:
    return _seconds_from_environment(LEASE_ENV, LEASE_SECONDS)


def _is_refusal(exc: BaseException) -> bool:
    """The gateway refuses us, or cannot even be built from the settings."""
    from smsdesk.providers.registry import UnknownProviderError
    from smsdesk.services.gateways import GatewaySettingsError

    if isinstance(exc, GatewayRefusal | GatewaySettingsError | UnknownProviderError):
        return True
    # the gateway service's build says so when a setting is missing
    return isinstance(exc, PermanentError) and "settings missing" in str(exc)


def _gateway_label(name: str) -> str:
    try:
        return gateway_spec(name).label
    except ValueError:  # a gateway removed since the campaign was made
        return name


def refusal_reason(provider_name: str, exc: BaseException) -> str:
    """One line for the user: what the gateway said and what to do (never a secret:
    provider messages carry none)."""
    said = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, NotEnoughCredits):
        if not said.lower().startswith("not enough credit"):  # say it once
            said = f"Not enough credits at the gateway: {said}"
        return f"{said} — top up, then resume"
    if provider_name.lower() not in said.lower():  # say which gateway, once
        said = f"{_gateway_label(provider_name)} refused: {said}"
    return f"{said} — fix it in Settings, then resume"


class DispatcherService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        provider_factory: Callable[[str], Provider],
        *,
        clock: Callable[[], datetime] = utcnow,
        batch_size: int | None = None,
        sleep: Callable[[float], None] | None = None,
        lease_seconds: float | None = None,
        db_clock: Callable[[], datetime] | None = None,
        receipt_validity: timedelta | None = None,
        recheck_after: timedelta | None = None,
    ) -> None:
        """`clock` and `sleep` drive scheduling (tests pass a fake clock whose sleep moves
        it). Leases are judged on `db_clock`, by default the database's own clock: never
        on `clock`, which may be skewed. `lease_seconds` defaults to $SMSDESK_LEASE_SECONDS
        or 90 s; `receipt_validity` to the `receipt_validity_hours` setting (48 h)."""
        self._sessions = sessions
        self._provider_factory = provider_factory
        # its own providers (connections), by design: not GatewayService.shared's
        self._providers: dict[str, Provider] = {}
        self._clock = clock
        self._batch_size = batch_size
        self._host = socket.gethostname()[:60]
        self.identity = f"{self._host}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        self._sleep = sleep
        self._rate = RateLimiter(lambda: self._clock().timestamp())
        self._is_postgres = sessions.kw["bind"].dialect.name == "postgresql"
        seconds = lease_seconds if lease_seconds is not None else _lease_from_environment()
        if seconds <= 0:
            raise ValueError("the lease must be a positive number of seconds")
        self._lease = timedelta(seconds=seconds)
        self._db_clock = db_clock
        if receipt_validity is None:
            receipt_validity = SettingsService(sessions).receipt_validity()
        self._validity = receipt_validity
        if recheck_after is None:  # $SMSDESK_RECHECK_SECONDS, for tests that run fast
            recheck_after = timedelta(
                seconds=_seconds_from_environment(
                    RECHECK_ENV, RECHECK_AFTER_RECOVERY.total_seconds()
                )
            )
        self._recheck_after = recheck_after
        self._refused: dict[str, str] = {}  # provider -> why, for the current cycle
        self.receipts = ReceiptService(sessions, self.provider, clock=clock)
        self.replies = ReplyService(sessions, self.provider, clock=clock)

    # -- providers -------------------------------------------------------------------

    def provider(self, name: str) -> Provider:
        if name not in self._providers:
            provider = self._provider_factory(name)
            if isinstance(provider, PushesReceipts):
                # pushed receipts go to the database before the gateway is told we have them
                provider.set_receipt_sink(partial(self.receipts.store_pushed, name))
            if isinstance(provider, PushesReplies):
                # pushed replies too (SMPP mobile-originated): stored, then acknowledged
                provider.set_reply_sink(partial(self.replies.store_pushed, name))
            self._providers[name] = provider
        return self._providers[name]

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()
        self._providers.clear()

    # -- leases ----------------------------------------------------------------------

    def db_now(self, session: Session | None = None) -> datetime:
        """Now on the database's clock (aware UTC): the one clock leases are judged on."""
        if self._db_clock is not None:
            return self._db_clock()
        if session is None:
            with self._sessions() as own:
                return self.db_now(own)
        if self._is_postgres:
            value = session.scalar(text("SELECT clock_timestamp()"))
            assert isinstance(value, datetime)
            return value.astimezone(UTC)
        # SQLite: UTC text, the form UTCDateTime stores
        raw = session.scalar(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"))
        return utc_from_text(str(raw))

    def _own(
        self,
        session: Session,
        ids: Sequence[int],
        *,
        renew: bool,
        batch_ref: str | None = None,
    ) -> set[int]:
        """THE guarded write on our claimed rows (claimed by us and `submitting`); returns
        the ids still ours. `renew`: extend the lease (and, given, record the batch_ref they
        are about to be sent under), only while it has not lapsed: recovery may be settling
        those rows already. Else: lock the rows for a write in this transaction, whatever
        their lease says."""
        guard = [Message.claimed_by == self.identity, Message.status == MessageStatus.SUBMITTING]
        values: dict[str, Any] = {"claimed_by": self.identity}
        if renew:
            now = self.db_now(session)
            guard.append(Message.lease_until > now)
            values = {"lease_until": now + self._lease}
            if batch_ref is not None:
                values["batch_ref"] = batch_ref
        owned: set[int] = set()
        for start in range(0, len(ids), ID_CHUNK):
            result = session.execute(
                update(Message)
                .where(Message.id.in_(ids[start : start + ID_CHUNK]), *guard)
                .values(**values)
                .execution_options(synchronize_session=False)
                .returning(Message.id)
            )
            owned.update(result.scalars())
        return owned

    def _still_ours(self, rows: Sequence[_Claimed], *, sending: bool = False) -> list[_Claimed]:
        """Renew the lease right before a gateway call; rows lost meanwhile are dropped
        here, without any call (their new owner settles them). `sending`: the rows now
        carry the batch_ref of the call about to be made."""
        try:
            with self._sessions.begin() as session:
                stamp = rows[0].batch_ref if sending and rows else None
                owned = self._own(session, [r.id for r in rows], renew=True, batch_ref=stamp)
        except OperationalError as exc:  # cannot renew: do not call the gateway blind
            log.warning("could not renew the lease of %d message(s): %s", len(rows), exc.orig)
            return []
        lost = len(rows) - len(owned)
        if lost:
            log.warning("%d claimed message(s) were taken over: not sent by us", lost)
        return [r for r in rows if r.id in owned]

    @contextmanager
    def _leased(self, ids: Sequence[int]) -> Iterator[None]:
        """Keep renewing the lease of `ids` (every LEASE/3, its own session) while the
        body runs, e.g. a gateway call or a rate wait that may outlast the lease."""
        done = threading.Event()
        every = self._lease.total_seconds() / 3
        ids = list(ids)

        def renew() -> None:
            while not done.wait(every):
                try:
                    with self._sessions.begin() as session:
                        if not self._own(session, ids, renew=True):
                            return
                except SQLAlchemyError as exc:
                    log.warning("could not renew a lease: %s", exc)

        renewer = threading.Thread(target=renew, name="smsdesk-lease", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()

    def _write_owned(self, updates: Sequence[dict[str, Any]]) -> set[int]:
        """Apply per-row updates to rows still ours only; returns the ids written."""
        if not updates:
            return set()
        with self._sessions.begin() as session:
            owned = self._own(session, [u["id"] for u in updates], renew=False)
            mine = [u for u in updates if u["id"] in owned]
            if mine:
                session.execute(
                    update(Message)
                    .where(
                        Message.claimed_by == self.identity,
                        Message.status == MessageStatus.SUBMITTING,
                    )
                    .execution_options(synchronize_session=None),
                    mine,
                )
        if len(owned) < len(updates):
            log.warning(
                "%d message(s) were taken over by another dispatcher: not recorded by us",
                len(updates) - len(owned),
            )
        return owned

    def next_lease_expiry(self) -> datetime | None:
        """When the earliest live claim of another dispatcher lapses (database clock)."""
        with self._sessions() as session:
            return session.scalar(
                select(func.min(Message.lease_until)).where(
                    Message.status == MessageStatus.SUBMITTING,
                    or_(Message.claimed_by.is_(None), Message.claimed_by != self.identity),
                )
            )

    # -- recovery --------------------------------------------------------------------

    def recover(self) -> RecoveryReport:
        """Settle the `submitting` rows whose lease has expired (their owner died, or
        stopped renewing): take them over under our own lease, ask the gateway."""
        try:
            with self._sessions.begin() as session:
                now = self.db_now(session)
                expired = or_(Message.lease_until.is_(None), Message.lease_until <= now)
                ids = list(
                    session.scalars(
                        select(Message.id).where(
                            Message.status == MessageStatus.SUBMITTING, expired
                        )
                    )
                )
                if not ids:
                    return RecoveryReport()
                rows: list[Any] = []
                for start in range(0, len(ids), ID_CHUNK):
                    rows += session.execute(
                        update(Message)
                        .where(
                            Message.id.in_(ids[start : start + ID_CHUNK]),
                            Message.status == MessageStatus.SUBMITTING,
                            expired,  # the old owner did not renew meanwhile
                        )
                        .values(claimed_by=self.identity, lease_until=now + self._lease)
                        .execution_options(synchronize_session=False)
                        .returning(
                            Message.id,
                            Message.receiver,
                            Message.sender,
                            Message.body,
                            Message.provider,
                            Message.batch_ref,
                            Message.campaign_id,
                            Message.attempts,
                        )
                    ).all()
        except OperationalError as exc:  # e.g. a deadlock with another recovering process
            log.warning("could not recover interrupted sends yet: %s", exc.orig)
            return RecoveryReport()
        campaign_ids = {r.campaign_id for r in rows if r.campaign_id is not None}
        commercial: dict[int, bool] = {}
        if campaign_ids:
            with self._sessions() as session:
                commercial = dict(
                    session.execute(
                        select(Campaign.id, Campaign.commercial).where(
                            Campaign.id.in_(campaign_ids)
                        )
                    ).all()
                )
        groups: dict[tuple[str, str], list[_Claimed]] = defaultdict(list)
        for row in rows:
            groups[(row.provider, row.batch_ref or "")].append(
                _Claimed(
                    id=row.id,
                    receiver=row.receiver,
                    sender=row.sender,
                    body=row.body,
                    provider=row.provider,
                    attempts=row.attempts,
                    commercial=bool(commercial.get(row.campaign_id or -1, False)),
                    batch_ref=row.batch_ref or "",
                    campaign_id=row.campaign_id,
                    earlier_batch_ref=row.batch_ref,
                )
            )
        report = RecoveryReport()
        for (provider_name, batch_ref), group in groups.items():
            with self._leased([r.id for r in group]):
                report += self._recover_batch(provider_name, batch_ref, group)
        if report.reconciled or report.requeued or report.unknown:
            log.info(
                "recovered interrupted sends: %d reconciled, %d queued again, %d unknown",
                report.reconciled,
                report.requeued,
                report.unknown,
            )
        return report

    def _recover_batch(
        self, provider_name: str, batch_ref: str, group: Sequence[_Claimed]
    ) -> RecoveryReport:
        batch = [OutgoingSms(r.id, r.receiver, r.sender, r.body, r.commercial) for r in group]
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
        except (ProviderError, ValueError) as exc:
            if _is_refusal(exc) or not isinstance(exc, ProviderError):
                # cannot ask now: the rows wait, paused, with their batch_ref kept so that
                # the next claim asks the gateway about that batch before sending anything
                self._pause(group, provider_name, refusal_reason(provider_name, exc), sent=True)
                return RecoveryReport()
            log.warning("cannot reconcile batch %s: %s", batch_ref, exc)
        now = self._clock()
        updates: list[dict[str, Any]] = []
        kinds: dict[int, str] = {}
        for sms in batch:
            if sms.message_id in found:
                kinds[sms.message_id] = "reconciled"
                updates.append(
                    {
                        "id": sms.message_id,
                        "status": MessageStatus.SUBMITTED,
                        "provider_ref": found[sms.message_id],
                        "submitted_at": now,
                        "receipt_deadline": now + self._validity,
                        "next_attempt_at": now,  # "next poll at": ask for its receipt now
                        "claimed_by": None,
                        "lease_until": None,
                    }
                )
            elif can_say:
                kinds[sms.message_id] = "requeued"
                updates.append(
                    {
                        "id": sms.message_id,
                        "status": MessageStatus.QUEUED,
                        # not at once: a request the dead owner sent may still reach the
                        # gateway late (a busy server, a queued connection); the claim asks
                        # again under this batch_ref, kept, before anything is sent. The
                        # wait is a lease nobody holds, on the database's clock: a
                        # dispatcher whose clock runs ahead cannot cut it short
                        "next_attempt_at": now,
                        "claimed_by": None,
                        "lease_until": self.db_now() + self._recheck_after,
                    }
                )
            else:
                kinds[sms.message_id] = "unknown"
                updates.append(
                    {
                        "id": sms.message_id,
                        "status": MessageStatus.UNKNOWN,
                        "claimed_by": None,
                        "lease_until": None,
                        "next_attempt_at": None,
                        "error": "interrupted while sending; the gateway cannot tell "
                        "whether it received this message",
                    }
                )
        written = self._write_owned(updates)
        counts: dict[str, int] = defaultdict(int)
        for message_id in written:
            counts[kinds[message_id]] += 1
        return RecoveryReport(counts["reconciled"], counts["requeued"], counts["unknown"])

    # -- pausing on a refusal --------------------------------------------------------

    def _pause(
        self, rows: Sequence[_Claimed], provider_name: str, reason: str, *, sent: bool = False
    ) -> DispatchReport:
        """The gateway refused us (PAUSE CONTRACT): give the claimed rows back, queued with
        no due instant, and pause their campaigns and every other campaign due on this
        gateway. `sent`: the rows' batch may have reached the gateway (recovery), so their
        batch_ref and attempts stay for the next claim to ask about it."""
        self._refused[provider_name] = reason
        log.warning("gateway %s refused: %s", provider_name, reason)
        with self._sessions() as session:
            campaign_ids = {r.campaign_id for r in rows if r.campaign_id is not None}
            pausable = set(
                session.scalars(
                    select(Campaign.id).where(
                        Campaign.id.in_(list(campaign_ids)),
                        Campaign.status.in_(PAUSABLE_STATUSES),
                    )
                )
            )
        updates: list[dict[str, Any]] = []
        failed = unknown = 0
        for row in rows:
            if row.campaign_id in pausable:
                updates.append(
                    {
                        "id": row.id,
                        "status": MessageStatus.QUEUED,
                        "claimed_by": None,
                        "lease_until": None,
                        "next_attempt_at": None,
                        "batch_ref": row.batch_ref if sent else row.earlier_batch_ref,
                        "attempts": row.attempts if sent else row.attempts - 1,
                        "error": reason,
                    }
                )
            elif row.campaign_id is not None:  # cancelled meanwhile: nothing left to send
                updates.append(
                    {
                        "id": row.id,
                        "status": MessageStatus.CANCELLED,
                        "claimed_by": None,
                        "lease_until": None,
                        "next_attempt_at": None,
                    }
                )
            else:  # no campaign: nobody would resume it, so it ends here, with the reason
                maybe_sent = sent or row.earlier_batch_ref is not None
                unknown += maybe_sent
                failed += not maybe_sent
                updates.append(
                    {
                        "id": row.id,
                        "status": MessageStatus.UNKNOWN if maybe_sent else MessageStatus.FAILED,
                        "claimed_by": None,
                        "lease_until": None,
                        "next_attempt_at": None,
                        "error": reason,
                    }
                )
        self._write_owned(updates)
        paused = self._pause_campaigns(provider_name, pausable, reason)
        return DispatchReport(failed=failed, unknown=unknown, paused=paused, refusals=(reason,))

    def _pause_campaigns(self, provider_name: str, campaign_ids: set[int], reason: str) -> int:
        """Pause these campaigns and every campaign due now on this gateway; fail the due
        messages of that gateway that belong to no campaign. Returns campaigns paused."""
        now = self._clock()
        due_here = and_(
            Message.provider == provider_name,
            Message.status == MessageStatus.QUEUED,
            Message.next_attempt_at <= now,
        )
        try:
            with self._sessions.begin() as session:
                ids = set(campaign_ids)
                ids.update(
                    session.scalars(
                        select(Message.campaign_id)
                        .join(Campaign, Campaign.id == Message.campaign_id)
                        .where(due_here, Campaign.status.in_(HOLDING_STATUSES))
                        .distinct()
                    )
                )
                session.execute(
                    update(Message)
                    .where(due_here, Message.campaign_id.is_(None))
                    .values(status=MessageStatus.FAILED, next_attempt_at=None, error=reason)
                    .execution_options(synchronize_session=False)
                )
                if not ids:
                    return 0
                # one already paused gets the latest reason: the one the user must fix now
                result = session.execute(
                    update(Campaign)
                    .where(Campaign.id.in_(list(ids)), Campaign.status.in_(PAUSABLE_STATUSES))
                    .values(status=CampaignStatus.PAUSED, paused_reason=reason)
                    .execution_options(synchronize_session=False)
                )
                paused = int(result.rowcount)  # type: ignore[attr-defined]
                session.execute(
                    update(Message)
                    .where(
                        Message.campaign_id.in_(list(ids)),
                        Message.status == MessageStatus.QUEUED,
                    )
                    .values(next_attempt_at=None)
                    .execution_options(synchronize_session=False)
                )
        except OperationalError as exc:
            log.warning("could not pause the campaigns of %s: %s", provider_name, exc.orig)
            return 0
        return paused

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
            db_now = self.db_now(session)
            due = (
                select(Message.id)
                .where(
                    Message.status == MessageStatus.QUEUED,
                    Message.next_attempt_at <= now,
                    # a queued row under a lease waits for it (after a recovery: see there)
                    or_(Message.lease_until.is_(None), Message.lease_until <= db_now),
                )
                .order_by(Message.next_attempt_at, Message.id)
                .limit(limit)
            )
            if self._is_postgres:
                due = due.with_for_update(skip_locked=True)
            ids = list(session.scalars(due))
            if not ids:
                return []
            earlier = self._earlier_batch_refs(session, ids)
            lease_until = db_now + self._lease
            # the status test again: on SQLite another process may have claimed some of
            # these rows since our select; the UPDATE runs under the write lock
            result = session.execute(
                update(Message)
                .where(Message.id.in_(ids), Message.status == MessageStatus.QUEUED)
                .values(
                    status=MessageStatus.SUBMITTING,
                    claimed_by=self.identity,
                    lease_until=lease_until,
                    # a row tried before keeps that attempt's batch_ref until the gateway
                    # was asked about it: if we die first, recovery asks under it. The new
                    # one is written right before the gateway call (_still_ours).
                    batch_ref=case(
                        (
                            and_(Message.attempts > 0, Message.batch_ref.is_not(None)),
                            Message.batch_ref,
                        ),
                        else_=batch_ref,
                    ),
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
        else:
            wait(seconds, cancel)  # a stop interrupts it

    def _respect_rate(self, provider: Provider, count: int, cancel: threading.Event | None) -> None:
        """Wait until the provider's rate allows `count` more messages (on our clock)."""
        delay = self._rate.reserve(provider.name, count, provider.rate_per_second)
        if delay > 0:
            self._wait(delay, cancel)

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
        """Give claimed rows back, never handed to the gateway: queued again for `due`
        (the batch_ref of an earlier attempt kept, to ask the gateway about it later)."""
        self._write_owned(
            [
                {
                    "id": r.id,
                    "status": MessageStatus.QUEUED,
                    "claimed_by": None,
                    "lease_until": None,
                    "batch_ref": r.earlier_batch_ref,
                    "next_attempt_at": due,
                    "attempts": r.attempts - 1,
                }
                for r in rows
            ]
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
        batch_ref kept for the next try); when it cannot answer at all, they become
        `unknown`, as after a crash: never sent twice on a guess. A refusal (GatewayRefusal,
        settings) is raised for the caller to pause the campaigns.
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
                if _is_refusal(exc) or not isinstance(exc, ProviderError):
                    raise  # the gateway refuses us: the caller pauses the whole group
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
                deferred_until=rows[0].deferred_until,
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
                "lease_until": None,
                "batch_ref": old_ref,
                "attempts": r.attempts - 1,  # nothing was sent this time
                "next_attempt_at": now + timedelta(seconds=backoff_delay(r.attempts, retry_after)),
                "error": reason,
            }
            for r in rows
        ]
        return DispatchReport(retried=len(self._write_owned(updates)))

    def _unknown_earlier(self, rows: Sequence[_Claimed], reason: str) -> DispatchReport:
        updates = [
            {
                "id": r.id,
                "status": MessageStatus.UNKNOWN,
                "claimed_by": None,
                "lease_until": None,
                "next_attempt_at": None,
                "error": "a previous attempt may have reached the gateway, which cannot "
                f"tell now: {reason}",
            }
            for r in rows
        ]
        return DispatchReport(unknown=len(self._write_owned(updates)))

    def _send(self, claimed: Sequence[_Claimed], cancel: threading.Event | None) -> DispatchReport:
        groups: dict[tuple[str, datetime | None], list[_Claimed]] = defaultdict(list)
        for row in claimed:
            groups[(row.provider, row.deferred_until)].append(row)
        report = DispatchReport(claimed=len(claimed))
        # the whole claim stays leased while its groups wait their turn and are sent
        with self._leased([r.id for r in claimed]):
            for (provider_name, deferred_until), group in groups.items():
                report += self._send_group(provider_name, deferred_until, group, cancel)
        return report

    def _send_group(
        self,
        provider_name: str,
        deferred_until: datetime | None,
        rows: Sequence[_Claimed],
        cancel: threading.Event | None,
    ) -> DispatchReport:
        """Send one group (one gateway, one instant); the report's `claimed` is the
        correction to the claim's count (rows put back)."""
        report = DispatchReport()
        if provider_name in self._refused:  # refused earlier in this cycle: do not ask again
            return self._paused(rows, provider_name, self._refused[provider_name])
        try:
            provider = self.provider(provider_name)
            self._respect_rate(provider, len(rows), cancel)
        except (ProviderError, ValueError) as exc:
            # a gateway that cannot even be built from the settings refuses us too
            return self._paused(rows, provider_name, refusal_reason(provider_name, exc))
        if cancel is not None and cancel.is_set():
            self._release(rows, self._clock())
            return DispatchReport(claimed=-len(rows))
        late = {r.id for r in self._outside_window(rows)}
        if late:
            report = DispatchReport(claimed=-len(late), held=len(late))
            rows = [r for r in rows if r.id not in late]
        rows = self._still_ours(rows)
        if not rows:
            return report
        try:
            settled, rows = self._settle_earlier_attempts(provider, provider_name, rows)
        except (ProviderError, ValueError) as exc:  # a refusal, re-raised by the settling
            return report + self._paused(rows, provider_name, refusal_reason(provider_name, exc))
        report += settled
        # the reconcile took time: ours still, right now? (and sent under this batch_ref)
        rows = self._still_ours(rows, sending=True)
        if not rows:
            return report
        batch = [OutgoingSms(r.id, r.receiver, r.sender, r.body, r.commercial) for r in rows]
        attempts = {r.id: r.attempts for r in rows}
        try:
            results = provider.submit(
                batch, batch_ref=rows[0].batch_ref, deferred_until=deferred_until
            )
        except TransientError as exc:
            return report + self._record_transient(rows, str(exc), exc.retry_after)
        except (PermanentError, ProviderError, ValueError) as exc:
            if _is_refusal(exc):
                reason = refusal_reason(provider_name, exc)
                return report + self._paused(rows, provider_name, reason)
            return report + self._record(
                [SubmitResult(r.id, accepted=False, error=str(exc)) for r in rows], attempts
            )
        answered = {r.message_id for r in results}
        # a gateway that forgot some messages: we cannot know whether they left, so they
        # are not resent; the user decides
        missing = [
            SubmitResult(
                r.id,
                accepted=False,
                error="the gateway did not answer for this message; it may have been sent",
                uncertain=True,
            )
            for r in rows
            if r.id not in answered
        ]
        recorded = self._record([*results, *missing], attempts, deferred_until=deferred_until)
        log.info(
            "batch %s: %d submitted, %d failed, %d to retry, %d unknown%s",
            rows[0].batch_ref,
            recorded.submitted,
            recorded.failed,
            recorded.retried,
            recorded.unknown,
            f" (the gateway sends them at {deferred_until.isoformat()})" if deferred_until else "",
        )
        report += recorded
        if deferred_until is not None:
            self._cancel_if_cancelled(provider, rows, results)
        return report

    def _paused(self, rows: Sequence[_Claimed], provider_name: str, reason: str) -> DispatchReport:
        """_pause, with the claim's count corrected: the rows were not sent."""
        report = self._pause(rows, provider_name, reason)
        return report + DispatchReport(claimed=-(len(rows) - report.failed - report.unknown))

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
            # guarded: only rows still submitted under this very batch (not taken, resent)
            session.execute(
                update(Message)
                .where(
                    Message.id.in_(list(refs)),
                    Message.status == MessageStatus.SUBMITTED,
                    Message.batch_ref == rows[0].batch_ref,
                )
                .values(status=MessageStatus.CANCELLED, next_attempt_at=None)
                .execution_options(synchronize_session=False)
            )

    def _record(
        self,
        results: Sequence[SubmitResult],
        attempts: dict[int, int],
        *,
        deferred_until: datetime | None = None,
        retry_after: float | None = None,
    ) -> DispatchReport:
        """Write the gateway's answers to the rows still ours; the report counts only
        what was written."""
        now = self._clock()
        # the gateway sends deferred messages at their instant: the receipt wait starts then
        sent_at = max(now, deferred_until) if deferred_until is not None else now
        updates: list[dict[str, Any]] = []
        kinds: dict[int, str] = {}
        for res in results:
            row: dict[str, Any] = {"id": res.message_id, "claimed_by": None, "lease_until": None}
            if res.accepted:
                kinds[res.message_id] = "submitted"
                row.update(
                    status=MessageStatus.SUBMITTED,
                    provider_ref=res.provider_ref,
                    credits=res.credits,
                    submitted_at=now,
                    receipt_deadline=sent_at + self._validity,
                    # for a submitted row: its next poll (then on a backoff; a deferred one
                    # is asked once now, then not before its instant)
                    next_attempt_at=now,
                    error=None,
                )
            elif res.uncertain:
                kinds[res.message_id] = "unknown"
                row.update(
                    status=MessageStatus.UNKNOWN,
                    next_attempt_at=None,
                    error=res.error
                    or "the gateway may have received this message but never answered",
                )
            elif not res.permanent and attempts.get(res.message_id, MAX_ATTEMPTS) < MAX_ATTEMPTS:
                kinds[res.message_id] = "retried"
                delay = backoff_delay(attempts[res.message_id], retry_after)
                row.update(
                    status=MessageStatus.QUEUED,
                    next_attempt_at=now + timedelta(seconds=delay),
                    error=res.error,
                )
            else:
                kinds[res.message_id] = "failed"
                row.update(
                    status=MessageStatus.FAILED,
                    next_attempt_at=None,
                    error=res.error or "refused by the gateway",
                )
            updates.append(row)
        counts: dict[str, int] = defaultdict(int)
        for message_id in self._write_owned(updates):
            counts[kinds[message_id]] += 1
        return DispatchReport(
            submitted=counts["submitted"],
            failed=counts["failed"],
            retried=counts["retried"],
            unknown=counts["unknown"],
        )

    def _record_transient(
        self, rows: Sequence[_Claimed], reason: str, retry_after: float | None
    ) -> DispatchReport:
        # the gateway's pause hint (Retry-After) holds for the whole batch
        results = [SubmitResult(r.id, accepted=False, error=reason, permanent=False) for r in rows]
        return self._record(results, {r.id: r.attempts for r in rows}, retry_after=retry_after)

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
        self._refused = {}
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
        """One pass: recover, send what is due, then, for up to `receipt_wait` seconds,
        collect the receipts due to be asked for and settle claims whose lease lapses
        meanwhile; it stops as soon as nothing more is due within that time.
        Replies are collected at the end. Returns (sent, recovered, receipts applied)."""
        recovered = self.recover()
        report = self.dispatch_due(progress=progress, cancel=cancel)
        applied = self.receipts.poll(stop=cancel)
        started, waited = time.monotonic(), 0.0
        while cancel is None or not cancel.is_set():
            pause = self._until_next_event()
            spent = waited if self._sleep is not None else time.monotonic() - started
            if pause is None or spent + pause > receipt_wait:
                break
            self._wait(pause, cancel)
            waited += pause
            again = self.recover()
            recovered += again
            if again.requeued:
                report += self.dispatch_due(progress=progress, cancel=cancel)
            applied += self.receipts.poll(stop=cancel)
        self.replies.collect(stop=cancel)
        return report, recovered, applied

    def _until_next_event(self) -> float | None:
        """Seconds until a receipt is due to be asked for or a live claim of another
        dispatcher lapses (each on its own clock); None: nothing is coming."""
        waits: list[float] = []
        poll_at = self.receipts.next_poll_at()
        if poll_at is not None:
            waits.append((poll_at - self._clock()).total_seconds())
        lapse = self.next_lease_expiry()
        if lapse is not None:
            waits.append((lapse - self.db_now()).total_seconds() + 0.05)
        return max(0.0, min(waits)) if waits else None

    def run_forever(self, stop: threading.Event, *, idle_seconds: float = 1.0) -> None:
        """Headless loop (`smsdesk dispatch --forever`): recover, send, poll receipts,
        collect replies (every REPLIES_EVERY seconds), sleep; `stop` ends it quickly
        wherever it is (every wait takes it)."""
        while not stop.is_set():
            self.recover()
            self.dispatch_due(cancel=stop)
            if stop.is_set():
                break
            self.receipts.poll(stop=stop)
            self.replies.collect(stop=stop, min_interval=REPLIES_EVERY)
            stop.wait(idle_seconds)
