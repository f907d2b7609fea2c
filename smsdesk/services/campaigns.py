"""Campaigns: validate what the user asked for, create the outbox rows, list, cancel."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Contact, Message, RecipientList, StopEntry, utcnow
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.domain.encoding import message_info
from smsdesk.domain.phone import NumberKind, PhoneNormalizer

SENDER_ALPHA = re.compile(r"[A-Za-z0-9 .\-]{1,11}")
SENDER_NUMBER = re.compile(r"\+?[0-9]{3,15}")
RECEIVER_SPLIT = re.compile(r"[\s,;]+")
INSERT_CHUNK = 5000


class CampaignError(ValueError):
    """Bad input for a campaign: the message is one line that says what and why."""


def sender_problem(sender: str) -> str | None:
    """Why `sender` is not acceptable, or None. Empty means the provider's default."""
    if not sender:
        return None
    if SENDER_NUMBER.fullmatch(sender):
        return None
    if len(sender) > 11:
        return f"sender {sender!r} is longer than 11 characters"
    if not SENDER_ALPHA.fullmatch(sender) or not any(c.isalpha() for c in sender):
        return f"sender {sender!r} must be 1 to 11 letters or digits (at least one letter)"
    return None


def split_receivers(values: Iterable[str]) -> list[str]:
    """Numbers typed one a line, or separated by commas or semicolons."""
    numbers: list[str] = []
    for value in values:
        # keep "06 12 34 56 78" whole: split on separators first, then on lines
        for chunk in re.split(r"[,;\n\r]+", value):
            chunk = chunk.strip()
            if chunk:
                numbers.append(chunk)
    return numbers


@dataclass(frozen=True)
class CampaignRequest:
    body: str
    receivers: Sequence[str] = ()  # raw numbers, in any common format
    list_name: str | None = None
    sender: str = ""
    scheduled_at: datetime | None = None  # aware; None = now
    tag: str = ""
    provider: str = "simulator"
    commercial: bool = False
    name: str = ""
    region: str = "FR"


@dataclass(frozen=True)
class CampaignCreated:
    id: int
    status: CampaignStatus
    messages: int
    scheduled_at: datetime | None
    parts_per_message: int
    duplicates: int = 0
    stopped: int = 0


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    name: str
    status: CampaignStatus
    scheduled_at: datetime | None
    created_at: datetime
    recipients: int
    sender: str
    body: str
    parts: int
    provider: str
    tag: str
    counts: dict[str, int] = field(default_factory=dict)  # message status -> count
    first_receivers: tuple[str, ...] = ()


class CampaignService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def create(self, request: CampaignRequest) -> CampaignCreated:
        body = request.body
        if not body.strip():
            raise CampaignError("the message is empty")
        problem = sender_problem(request.sender)
        if problem:
            raise CampaignError(problem)
        if request.tag and len(request.tag) > 128:
            raise CampaignError("the tag is longer than 128 characters")
        normalizer = PhoneNormalizer(request.region)
        receivers: list[str] = []
        seen: set[str] = set()
        duplicates = 0
        for raw in split_receivers(request.receivers):
            parsed = normalizer.parse(raw)
            if parsed.e164 is None:
                raise CampaignError(f"invalid number {raw!r}: {parsed.reason or 'not a number'}")
            if parsed.kind is not NumberKind.MOBILE:
                raise CampaignError(
                    f"number {raw!r} is not a mobile ({parsed.kind}): it cannot receive SMS"
                )
            if parsed.e164 in seen:
                duplicates += 1
                continue
            seen.add(parsed.e164)
            receivers.append(parsed.e164)
        now = self._clock()
        scheduled_at = request.scheduled_at
        if scheduled_at is not None:
            if scheduled_at.tzinfo is None:
                raise CampaignError("the scheduled instant needs a time zone")
            scheduled_at = scheduled_at.astimezone(UTC)
        info = message_info(body, stop_clause=request.commercial)
        with self._sessions.begin() as session:
            if request.list_name:
                list_id = session.scalar(
                    select(RecipientList.id).where(RecipientList.name == request.list_name)
                )
                if list_id is None:
                    raise CampaignError(f"no recipient list named {request.list_name!r}")
                for e164 in session.scalars(
                    select(Contact.e164).where(Contact.list_id == list_id).order_by(Contact.id)
                ):
                    if e164 in seen:
                        duplicates += 1
                        continue
                    seen.add(e164)
                    receivers.append(e164)
            stopped_numbers = self._stopped(session, receivers)
            if stopped_numbers:
                receivers = [r for r in receivers if r not in stopped_numbers]
            if not receivers:
                raise CampaignError(
                    "no recipient left to send to"
                    if stopped_numbers or duplicates
                    else "no recipient: give --to numbers or a --list"
                )
            due = scheduled_at if scheduled_at is not None and scheduled_at > now else now
            campaign = Campaign(
                name=request.name or f"{body.strip()[:30]}",
                sender=request.sender,
                body=body,
                encoding=str(info.encoding),
                segments=info.segments,
                tag=request.tag,
                provider=request.provider,
                commercial=request.commercial,
                scheduled_at=scheduled_at,
                status=CampaignStatus.SCHEDULED,
                created_at=now,
            )
            session.add(campaign)
            session.flush()
            rows = [
                {
                    "campaign_id": campaign.id,
                    "receiver": receiver,
                    "sender": request.sender,
                    "body": body,
                    "parts": info.segments,
                    "tag": request.tag,
                    "status": MessageStatus.QUEUED,
                    "provider": request.provider,
                    "attempts": 0,
                    "next_attempt_at": due,
                    "created_at": now,
                }
                for receiver in receivers
            ]
            for start in range(0, len(rows), INSERT_CHUNK):
                session.execute(insert(Message), rows[start : start + INSERT_CHUNK])
            return CampaignCreated(
                id=campaign.id,
                status=CampaignStatus.SCHEDULED,
                messages=len(receivers),
                scheduled_at=scheduled_at,
                parts_per_message=info.segments,
                duplicates=duplicates,
                stopped=len(stopped_numbers),
            )

    @staticmethod
    def _stopped(session: Session, receivers: Sequence[str]) -> set[str]:
        stopped: set[str] = set()
        for start in range(0, len(receivers), 500):
            chunk = receivers[start : start + 500]
            stopped.update(session.scalars(select(StopEntry.e164).where(StopEntry.e164.in_(chunk))))
        return stopped

    def list(self, *, scheduled_only: bool = False) -> list[CampaignSummary]:
        with self._sessions() as session:
            query = select(Campaign).order_by(Campaign.id.desc())
            if scheduled_only:
                query = query.where(
                    Campaign.status.in_([CampaignStatus.SCHEDULED, CampaignStatus.DRAFT])
                )
            campaigns = list(session.scalars(query))
            counts: dict[int, dict[str, int]] = {}
            ids = [c.id for c in campaigns]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for campaign_id, status, count in session.execute(
                    select(Message.campaign_id, Message.status, func.count())
                    .where(Message.campaign_id.in_(chunk))
                    .group_by(Message.campaign_id, Message.status)
                ):
                    assert campaign_id is not None
                    counts.setdefault(campaign_id, {})[status] = count
            summaries = []
            for c in campaigns:
                first = tuple(
                    session.scalars(
                        select(Message.receiver)
                        .where(Message.campaign_id == c.id)
                        .order_by(Message.id)
                        .limit(3)
                    )
                )
                by_status = counts.get(c.id, {})
                summaries.append(
                    CampaignSummary(
                        id=c.id,
                        name=c.name,
                        status=CampaignStatus(c.status),
                        scheduled_at=c.scheduled_at,
                        created_at=c.created_at,
                        recipients=sum(by_status.values()),
                        sender=c.sender,
                        body=c.body,
                        parts=c.segments,
                        provider=c.provider,
                        tag=c.tag,
                        counts=by_status,
                        first_receivers=first,
                    )
                )
            return summaries

    def cancel(self, campaign_id: int) -> int:
        """Cancel what has not left yet; returns how many messages were cancelled."""
        with self._sessions.begin() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise CampaignError(f"no campaign with id {campaign_id}")
            if campaign.status in (CampaignStatus.DONE, CampaignStatus.CANCELLED):
                raise CampaignError(f"campaign {campaign_id} is already {campaign.status}")
            result = session.execute(
                update(Message)
                .where(Message.campaign_id == campaign_id, Message.status == MessageStatus.QUEUED)
                .values(status=MessageStatus.CANCELLED, next_attempt_at=None)
            )
            campaign.status = CampaignStatus.CANCELLED
            campaign.finished_at = self._clock()
            return int(result.rowcount)  # type: ignore[attr-defined]
