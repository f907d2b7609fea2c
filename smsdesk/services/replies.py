"""Replies: the SMS receivers send back, collected from the gateways into `incoming`.

Each reply is tied to the message it answers (the gateway's link when it gives one, else
the latest message sent to that number) and so to its campaign. A reply whose first word
is a STOP word (domain/replies.py), or that the gateway filed as a STOP (OVH's
blacklists), puts the number on the stop list with the reply as its reason, in the same
transaction as the reply: a STOP is never stored without its effect.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Incoming, Message, utcnow
from smsdesk.domain.replies import is_stop
from smsdesk.providers.base import Capability, IncomingSms, Provider, ProviderError
from smsdesk.services.stop_list import StopListService

log = logging.getLogger(__name__)

ACTIVE_DAYS = 60  # gateways of campaigns created this recently are asked for replies
CHUNK = 900
CLOCK_MARGIN = timedelta(minutes=10)
# a pushed reply the gateway delivers again (we died after storing it, before answering):
# the same number and words within this long of the stored one is that reply, not a new one
REDELIVERY_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class IncomingRow:
    id: int
    received_at: datetime
    sender: str
    body: str
    campaign_id: int | None
    is_stop: bool
    provider: str


@dataclass(frozen=True)
class CollectReport:
    received: int = 0
    stops: int = 0

    def __add__(self, other: CollectReport) -> CollectReport:
        return CollectReport(self.received + other.received, self.stops + other.stops)


@dataclass(frozen=True)
class ThreadSummary:
    """One contact of the Inbox: who, their last reply, how many."""

    sender: str
    last_at: datetime
    last_body: str
    replies: int
    stopped: bool  # one of their replies was a STOP


@dataclass(frozen=True)
class ThreadEntry:
    """One line of a thread: what was sent to them (out) or what they answered (in)."""

    at: datetime
    outgoing: bool
    body: str
    campaign_id: int | None
    status: str  # a message's status; "stop" or "reply" for what they sent


class ReplyService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        provider: Callable[[str], Provider],
        *,
        stop_list: StopListService | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._provider = provider
        self._stop_list = stop_list or StopListService(sessions, clock=clock)
        self._clock = clock
        self._asked_at: dict[str, float] = {}  # provider -> time.monotonic() of its last ask
        self.last_collected = CollectReport()  # what the last collect() brought
        self._pushed_lock = threading.Lock()
        self._pushed = CollectReport()  # stored by store_pushed() since the last collect()

    # -- collecting --------------------------------------------------------------------

    def providers_in_use(self) -> list[str]:
        """The gateways of recent campaigns: those whose receivers may answer."""
        since = self._clock() - timedelta(days=ACTIVE_DAYS)
        with self._sessions() as session:
            return sorted(
                session.scalars(
                    select(Campaign.provider).where(Campaign.created_at >= since).distinct()
                )
            )

    def collect(
        self, *, stop: threading.Event | None = None, min_interval: float = 0.0
    ) -> CollectReport:
        """Ask each gateway in use for its replies and record the new ones; a gateway
        asked less than `min_interval` seconds ago is not asked again (a loop's pace)."""
        report = CollectReport()
        now = time.monotonic()
        for name in self.providers_in_use():
            if stop is not None and stop.is_set():
                break
            asked = self._asked_at.get(name)
            if asked is not None and now - asked < min_interval:
                continue
            self._asked_at[name] = now
            try:
                provider = self._provider(name)
                if Capability.REPLIES not in provider.capabilities:
                    continue
                fetch = getattr(provider, "fetch_replies", None)
                if fetch is None:
                    continue
                since = self._last_received(name)
                replies = fetch(since, known=lambda ref, n=name: self._known(n, ref))
            except (ProviderError, ValueError) as exc:
                log.warning("replies from %s unavailable: %s", name, exc)
                continue
            report += self.record(name, replies)
        with self._pushed_lock:  # what the gateways pushed meanwhile counts as collected
            report, self._pushed = report + self._pushed, CollectReport()
        self.last_collected = report
        return report

    def store_pushed(self, provider_name: str, replies: Sequence[IncomingSms]) -> None:
        """The sink of a gateway that pushes replies (SMPP deliver_sm): they are stored
        here before the gateway is answered. A reply it delivers again after we died in
        between (same number, same words, within REDELIVERY_WINDOW) is not stored twice."""
        fresh = [r for r in replies if not self._redelivered(provider_name, r)]
        stored = self.record(provider_name, fresh)
        with self._pushed_lock:
            self._pushed += stored

    def _redelivered(self, provider_name: str, reply: IncomingSms) -> bool:
        with self._sessions() as session:
            return (
                session.scalar(
                    select(Incoming.id)
                    .where(
                        Incoming.sender == reply.sender,
                        Incoming.provider == provider_name,
                        Incoming.body == reply.body,
                        Incoming.received_at >= reply.received_at - REDELIVERY_WINDOW,
                    )
                    .limit(1)
                )
                is not None
            )

    def _last_received(self, provider_name: str) -> datetime | None:
        with self._sessions() as session:
            return session.scalar(
                select(func.max(Incoming.received_at)).where(Incoming.provider == provider_name)
            )

    def _known(self, provider_name: str, provider_ref: str) -> bool:
        with self._sessions() as session:
            return (
                session.scalar(
                    select(Incoming.id).where(
                        Incoming.provider == provider_name, Incoming.provider_ref == provider_ref
                    )
                )
                is not None
            )

    def record(self, provider_name: str, replies: Sequence[IncomingSms]) -> CollectReport:
        """Store the replies not stored yet; the STOPs put their number on the stop list."""
        received = stops = 0
        fresh = list({r.provider_ref: r for r in replies}.values())
        for start in range(0, len(fresh), CHUNK):
            chunk = fresh[start : start + CHUNK]
            with self._sessions.begin() as session:
                have = set(
                    session.scalars(
                        select(Incoming.provider_ref).where(
                            Incoming.provider == provider_name,
                            Incoming.provider_ref.in_([r.provider_ref for r in chunk]),
                        )
                    )
                )
                for reply in chunk:
                    if reply.provider_ref in have:
                        continue
                    stopping = reply.is_stop or is_stop(reply.body)
                    message_id, campaign_id = self._answered(session, provider_name, reply)
                    row = Incoming(
                        received_at=reply.received_at,
                        sender=reply.sender,
                        body=reply.body,
                        campaign_id=campaign_id,
                        message_id=message_id,
                        provider=provider_name,
                        provider_ref=reply.provider_ref,
                        is_stop=stopping,
                    )
                    session.add(row)
                    session.flush()
                    received += 1
                    if stopping:
                        stops += 1
                        self._stop_list.store(
                            [reply.sender],
                            _stop_reason(reply, campaign_id),
                            incoming_id=row.id,
                            session=session,
                        )
        if stops:
            log.info("%d STOP answer(s): on the stop list", stops)
        return CollectReport(received, stops)

    @staticmethod
    def _answered(
        session: Session, provider_name: str, reply: IncomingSms
    ) -> tuple[int | None, int | None]:
        """(message id, campaign id) of what this reply answers: the gateway's link, else
        the latest message sent to that number before the reply (give or take the
        gateway's clock)."""
        if reply.answers_ref:
            found = session.execute(
                select(Message.id, Message.campaign_id)
                .where(Message.provider == provider_name, Message.provider_ref == reply.answers_ref)
                .limit(1)
            ).first()
            if found is not None:
                return found.id, found.campaign_id
        found = session.execute(
            select(Message.id, Message.campaign_id)
            .where(
                Message.receiver == reply.sender,
                Message.submitted_at.is_not(None),
                # the gateway's clock against ours (and OVH's whole seconds)
                Message.submitted_at <= reply.received_at + CLOCK_MARGIN,
            )
            .order_by(Message.id.desc())
            .limit(1)
        ).first()
        return (found.id, found.campaign_id) if found is not None else (None, None)

    # -- reading -------------------------------------------------------------------------

    def replies(
        self,
        *,
        since: datetime | None = None,
        number: str | None = None,
        campaign_id: int | None = None,
        limit: int = 10_000,
    ) -> list[IncomingRow]:
        """Replies, newest first."""
        query = select(Incoming).order_by(Incoming.received_at.desc(), Incoming.id.desc())
        if since is not None:
            query = query.where(Incoming.received_at >= since)
        if number is not None:
            query = query.where(Incoming.sender == number)
        if campaign_id is not None:
            query = query.where(Incoming.campaign_id == campaign_id)
        with self._sessions() as session:
            return [
                IncomingRow(
                    r.id, r.received_at, r.sender, r.body, r.campaign_id, r.is_stop, r.provider
                )
                for r in session.scalars(query.limit(limit))
            ]

    def threads(self, *, limit: int = 5000) -> list[ThreadSummary]:
        """The Inbox: one line per contact who answered, latest reply first."""
        latest = (
            select(
                Incoming.sender,
                func.max(Incoming.id).label("last_id"),
                func.count().label("replies"),
                # max() of a boolean does not exist on PostgreSQL: of 0/1 it does
                func.max(case((Incoming.is_stop.is_(True), 1), else_=0)).label("stopped"),
            )
            .group_by(Incoming.sender)
            .subquery()
        )
        query = (
            select(
                latest.c.sender,
                Incoming.received_at,
                Incoming.body,
                latest.c.replies,
                latest.c.stopped,
            )
            .join(Incoming, Incoming.id == latest.c.last_id)
            .order_by(Incoming.received_at.desc())
            .limit(limit)
        )
        with self._sessions() as session:
            return [
                ThreadSummary(sender, at, body, int(count), bool(stopped))
                for sender, at, body, count, stopped in session.execute(query)
            ]

    def thread(self, sender: str, *, limit: int = 500) -> list[ThreadEntry]:
        """What was sent to this number and what it answered, oldest first."""
        with self._sessions() as session:
            sent = session.execute(
                select(
                    Message.created_at,
                    Message.submitted_at,
                    Message.body,
                    Message.campaign_id,
                    Message.status,
                )
                .where(Message.receiver == sender)
                .order_by(Message.id.desc())
                .limit(limit)
            ).all()
            got = session.execute(
                select(Incoming.received_at, Incoming.body, Incoming.campaign_id, Incoming.is_stop)
                .where(Incoming.sender == sender)
                .order_by(Incoming.id.desc())
                .limit(limit)
            ).all()
        entries = [
            ThreadEntry(submitted or created, True, body, campaign, status)
            for created, submitted, body, campaign, status in sent
        ] + [
            ThreadEntry(at, False, body, campaign, "stop" if stopping else "reply")
            for at, body, campaign, stopping in got
        ]
        return sorted(entries, key=lambda e: (e.at, not e.outgoing))

    def stop_count(self, campaign_id: int) -> int:
        """Receivers of this campaign who answered STOP."""
        with self._sessions() as session:
            return int(
                session.scalar(
                    select(func.count(func.distinct(Incoming.sender))).where(
                        and_(Incoming.campaign_id == campaign_id, Incoming.is_stop.is_(True))
                    )
                )
                or 0
            )


def _stop_reason(reply: IncomingSms, campaign_id: int | None) -> str:
    words = reply.body.split()
    said = words[0] if words else "STOP"
    about = f" to campaign {campaign_id}" if campaign_id is not None else ""
    return f"answered {said}{about} on {reply.received_at:%Y-%m-%d %H:%M} UTC"
