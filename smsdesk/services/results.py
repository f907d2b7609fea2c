"""Results of a campaign: what arrived, why the rest did not, what it cost, who answered.

Everything is counted in SQL so that a campaign of a million messages opens in well under
300 ms (benchmarks/results.py): one pass over the covering index
ix_message_campaign_report (campaign_id, status, ptt, operator_code, parts, credits)
grouped in the index's own order gives the six states, parts, credits, the failure codes
and the operators at once; the delivery chart counts ranges of
ix_message_campaign_delivered (campaign_id, delivered_at), one per bucket, with no
function per row.

The six states add up to the recipients: delivered, failed, pending (queued, submitting,
submitted, paused), expired, cancelled, unknown. `stopped` counts the recipients who
answered STOP (they are in one of the six too, usually delivered).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Contact, Incoming, Message, RecipientList, utcnow
from smsdesk.domain.delivery import MessageStatus, ptt_meaning
from smsdesk.domain.operators import operator_name
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.excel_csv import excel_csv, neutralise_cell

PENDING_STATUSES = frozenset({"queued", "submitting", "submitted", "paused"})
FAILURE_STATUSES = (MessageStatus.FAILED, MessageStatus.EXPIRED)
# ptt codes worth sending again by default: the phone or the network was away for a while
TEMPORARY_PTT: tuple[int, ...] = (24, 25, 26, 1, 2)
BUCKET_SECONDS = (60, 300, 900, 3600, 4 * 3600, 86400)  # the chart's step, the first
MAX_BUCKETS = 60  # that keeps the chart under this many bars


class ResultsError(ValueError):
    """No such campaign."""


@dataclass(frozen=True)
class FailureCount:
    ptt: int | None
    reason: str  # the ptt's meaning, or the gateway's words when it gave no code
    count: int


@dataclass(frozen=True)
class OperatorCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class TimeBucket:
    start: datetime  # aware UTC
    delivered: int  # in this bucket
    cumulative: int  # delivered up to its end


@dataclass(frozen=True)
class CampaignReport:
    id: int
    name: str
    status: str
    provider: str
    recipients: int
    parts: int
    credits: float
    delivered: int
    failed: int
    pending: int
    expired: int
    cancelled: int
    unknown: int
    stopped: int  # recipients who answered STOP
    replies: int  # replies received from its recipients
    failures: tuple[FailureCount, ...]
    operators: tuple[OperatorCount, ...]
    timeline: tuple[TimeBucket, ...]
    bucket_seconds: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    estimated_end: datetime | None  # while sending: when the last message should leave
    waiting: int = 0  # of `pending`: not yet handed to the gateway (the rest await a report)

    @property
    def states(self) -> dict[str, int]:
        return {
            "delivered": self.delivered,
            "failed": self.failed,
            "pending": self.pending,
            "expired": self.expired,
            "cancelled": self.cancelled,
            "unknown": self.unknown,
        }

    def as_json(self) -> dict[str, Any]:
        """The `smsdesk campaign report --json` object."""
        return {
            "id": self.id,
            "name": self.name,
            "recipients": self.recipients,
            "parts": self.parts,
            "credits": self.credits,
            **self.states,
            "stopped": self.stopped,
            "failures": [
                {"ptt": f.ptt, "reason": f.reason, "count": f.count} for f in self.failures
            ],
            "operators": [
                {"code": o.code, "name": o.name, "count": o.count} for o in self.operators
            ],
        }

    def figure_rows(self) -> list[tuple[str, str]]:
        """(figure, value) lines of the exported report, in the order of the view."""
        rows = [
            ("campaign", str(self.id)),
            ("name", self.name),
            ("recipients", str(self.recipients)),
            ("parts", str(self.parts)),
            ("credits", f"{self.credits:g}"),
            *((name, str(count)) for name, count in self.states.items()),
            ("stopped", str(self.stopped)),
            ("replies", str(self.replies)),
        ]
        rows += [
            (f"failure {f.ptt if f.ptt is not None else '-'}: {f.reason}", str(f.count))
            for f in self.failures
        ]
        rows += [(f"operator {o.code}: {o.name}", str(o.count)) for o in self.operators]
        return rows


@dataclass(frozen=True)
class RetryCandidate:
    """A failed message worth sending again, shown to the user before the resend."""

    receiver: str
    ptt: int | None
    reason: str


@dataclass(frozen=True)
class CampaignDraft:
    """What "copy as a new draft" hands to the Send tab (SendTab.load_draft)."""

    name: str
    body: str
    sender: str | None
    list_ids: tuple[int, ...]
    numbers: tuple[str, ...]  # E.164: the receivers that were not on its list


@dataclass(frozen=True)
class CampaignRow:
    """One line of the Campaigns list."""

    id: int
    name: str
    status: str
    provider: str
    created_at: datetime
    started_at: datetime | None
    recipients: int
    delivered: int

    @property
    def delivered_share(self) -> float | None:
        """Delivered / recipients (0..1); None for a campaign without messages."""
        return self.delivered / self.recipients if self.recipients else None


CAMPAIGN_STATUSES = ("scheduled", "sending", "paused", "done", "cancelled")


class ResultsService:
    def __init__(
        self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def report(self, campaign_id: int, *, timeline: bool = True) -> CampaignReport:
        """The campaign's figures; `timeline=False` leaves the chart's buckets out (the
        view shows the figures first, then asks for the chart: timeline())."""
        with self._sessions() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise ResultsError(f"no campaign {campaign_id}")
            return self._report(session, campaign, timeline)

    def timeline(self, campaign_id: int) -> tuple[int, tuple[TimeBucket, ...]]:
        """(bucket seconds, deliveries per bucket) of the chart."""
        with self._sessions() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise ResultsError(f"no campaign {campaign_id}")
            return self._timeline(session, campaign)

    def _report(self, session: Session, campaign: Campaign, timeline: bool) -> CampaignReport:
        cid = campaign.id
        grouped = _report_groups(session, cid)
        states: Counter[str] = Counter()
        codes: Counter[int] = Counter()
        operators: Counter[str] = Counter()
        parts = 0
        credits = 0.0
        waiting = 0  # not yet handed to the gateway
        for status, ptt, operator, count, part_sum, credit_sum in grouped:
            if status in (MessageStatus.QUEUED, MessageStatus.SUBMITTING, "paused"):
                waiting += count
            key = "pending" if status in PENDING_STATUSES else str(status)
            states[key] += count
            parts += int(part_sum)
            credits += float(credit_sum or 0.0)
            if status in FAILURE_STATUSES and ptt is not None:
                codes[int(ptt)] += count
            if operator:
                operators[str(operator)] += count
        failures = [FailureCount(p, ptt_meaning(p), n) for p, n in codes.items()]
        # failures without a code: the gateway's words (refused at submission, no report)
        for error, count in session.execute(
            select(Message.error, func.count())
            .where(
                Message.campaign_id == cid,
                Message.status.in_(FAILURE_STATUSES),
                Message.ptt.is_(None),
            )
            .group_by(Message.error)
        ):
            failures.append(FailureCount(None, str(error or "no reason given"), int(count)))
        failures.sort(key=lambda f: (-f.count, f.ptt if f.ptt is not None else -1, f.reason))
        stopped, replies = session.execute(
            select(
                func.count(func.distinct(Incoming.sender)).filter(Incoming.is_stop.is_(True)),
                func.count(),
            ).where(Incoming.campaign_id == cid)
        ).one()
        bucket, buckets = self._timeline(session, campaign) if timeline else (BUCKET_SECONDS[0], ())
        recipients = sum(states.values())
        return CampaignReport(
            id=cid,
            name=campaign.name,
            status=campaign.status,
            provider=campaign.provider,
            recipients=recipients,
            parts=parts,
            credits=round(credits, 4),
            delivered=states[MessageStatus.DELIVERED],
            failed=states[MessageStatus.FAILED],
            pending=states["pending"],
            expired=states[MessageStatus.EXPIRED],
            cancelled=states[MessageStatus.CANCELLED],
            unknown=states[MessageStatus.UNKNOWN],
            stopped=int(stopped or 0),
            replies=int(replies or 0),
            failures=tuple(failures),
            operators=tuple(
                OperatorCount(code, operator_name(code), n)
                for code, n in sorted(operators.items(), key=lambda item: (-item[1], item[0]))
            ),
            timeline=buckets,
            bucket_seconds=bucket,
            created_at=campaign.created_at,
            started_at=campaign.started_at,
            finished_at=campaign.finished_at,
            estimated_end=self._estimated_end(campaign, waiting, recipients - waiting),
            waiting=waiting,
        )

    def _timeline(self, session: Session, campaign: Campaign) -> tuple[int, tuple[TimeBucket, ...]]:
        """Deliveries per bucket, from the first to the last delivery."""
        delivered = and_(Message.campaign_id == campaign.id, Message.delivered_at.is_not(None))
        # each end by an index seek (min()/max() with a filter would walk the range)
        first, last = (
            session.scalar(select(Message.delivered_at).where(delivered).order_by(o).limit(1))
            for o in (Message.delivered_at.asc(), Message.delivered_at.desc())
        )
        if first is None or last is None:
            return BUCKET_SECONDS[0], ()
        span = (last - first).total_seconds()
        step = next((s for s in BUCKET_SECONDS if span / s < MAX_BUCKETS), BUCKET_SECONDS[-1])
        origin = datetime.fromtimestamp(first.timestamp() // step * step, first.tzinfo)
        edges = []
        edge = origin
        while edge <= last:
            edges.append(edge)
            edge += timedelta(seconds=step)
        buckets = []
        total = 0
        for start in edges:
            end = start + timedelta(seconds=step)
            count = int(
                session.scalar(
                    select(func.count()).where(
                        delivered, Message.delivered_at >= start, Message.delivered_at < end
                    )
                )
                or 0
            )
            total += count
            buckets.append(TimeBucket(start, count, total))
        return step, tuple(buckets)

    def _estimated_end(self, campaign: Campaign, left: int, sent: int) -> datetime | None:
        """While messages wait to leave: now + those left at the pace so far."""
        if campaign.started_at is None or campaign.status not in ("sending", "scheduled"):
            return None
        now = self._clock()
        if not left:
            return now
        elapsed = (now - campaign.started_at).total_seconds()
        if sent <= 0 or elapsed <= 0:
            return None
        return now + timedelta(seconds=left * elapsed / sent)

    # -- the Campaigns list -----------------------------------------------------------

    def campaigns(
        self, *, search: str = "", status: str = "", limit: int = 5000
    ) -> list[CampaignRow]:
        """Every campaign, finished ones included, latest first: its counts in one GROUP BY
        over ix_message_campaign_status. `search` finds a part of the name (any case)."""
        query = select(Campaign).order_by(Campaign.created_at.desc(), Campaign.id.desc())
        if search.strip():
            query = query.where(func.lower(Campaign.name).contains(search.strip().lower()))
        if status:
            query = query.where(Campaign.status == status)
        with self._sessions() as session:
            found = list(session.scalars(query.limit(limit)))
            ids = [c.id for c in found]
            counts: dict[int, tuple[int, int]] = {}
            for start in range(0, len(ids), 500):
                for cid, total, delivered in session.execute(
                    select(
                        Message.campaign_id,
                        func.count(),
                        func.count().filter(Message.status == MessageStatus.DELIVERED),
                    )
                    .where(Message.campaign_id.in_(ids[start : start + 500]))
                    .group_by(Message.campaign_id)
                ):
                    counts[int(cid or 0)] = (int(total), int(delivered))
            return [
                CampaignRow(
                    id=c.id,
                    name=c.name,
                    status=c.status,
                    provider=c.provider,
                    created_at=c.created_at,
                    started_at=c.started_at,
                    recipients=counts.get(c.id, (0, 0))[0],
                    delivered=counts.get(c.id, (0, 0))[1],
                )
                for c in found
            ]

    # -- actions ---------------------------------------------------------------------------

    def draft(self, campaign_id: int) -> CampaignDraft:
        """The campaign as a new draft: its message, sender, list, and the numbers that
        were not on its list (pasted ones), a number once."""
        with self._sessions() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise ResultsError(f"no campaign {campaign_id}")
            receivers = select(Message.receiver).where(Message.campaign_id == campaign_id)
            list_ids: tuple[int, ...] = ()
            list_id = campaign.list_id
            if list_id is not None and session.get(RecipientList, list_id) is not None:
                list_ids = (list_id,)
                receivers = receivers.where(
                    Message.receiver.not_in(select(Contact.e164).where(Contact.list_id == list_id))
                )
            numbers = tuple(dict.fromkeys(session.scalars(receivers.order_by(Message.id))))
            return CampaignDraft(
                name=campaign.name,
                body=campaign.body,
                sender=campaign.sender or None,
                list_ids=list_ids,
                numbers=numbers,
            )

    def retry_candidates(
        self, campaign_id: int, codes: Sequence[int] = TEMPORARY_PTT
    ) -> list[RetryCandidate]:
        """The failed messages of a campaign whose code says "try again later"."""
        with self._sessions() as session:
            found = session.execute(
                select(Message.receiver, Message.ptt)
                .where(
                    Message.campaign_id == campaign_id,
                    Message.status.in_(FAILURE_STATUSES),
                    Message.ptt.in_(list(codes)),
                )
                .order_by(Message.id)
            ).all()
        seen: dict[str, RetryCandidate] = {}
        for receiver, ptt in found:
            seen.setdefault(receiver, RetryCandidate(receiver, ptt, ptt_meaning(ptt)))
        return list(seen.values())

    def retry_request(self, campaign_id: int, receivers: Sequence[str]) -> CampaignRequest:
        """A new campaign of the same message to these receivers (those retry_candidates()
        listed and the user kept): it goes through CampaignService.create(), so the stop
        list, the window and the credit check apply as to any campaign."""
        with self._sessions() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None:
                raise ResultsError(f"no campaign {campaign_id}")
            return CampaignRequest(
                body=campaign.body,
                receivers=list(receivers),
                sender=campaign.sender,
                tag=campaign.tag,
                provider=campaign.provider,
                commercial=campaign.commercial,
                name=f"{campaign.name} (resent)"[:200],
            )

    def export_csv(self, campaign_id: int, path: Path) -> int:
        """The report's figures as CSV (the history export's Excel format); returns rows."""
        report = self.report(campaign_id)
        rows = report.figure_rows()
        with excel_csv(path) as writer:
            writer.writerow(["figure", "value"])
            writer.writerows([neutralise_cell(a), neutralise_cell(b)] for a, b in rows)
        return len(rows)


# the report index's columns after campaign_id, in its order
_TABLE = Message.__tablename__
_REPORT_COLUMNS = ("status", "ptt", "operator_code", "parts", "credits")
MAX_SKIP_GROUPS = 400  # beyond this many distinct keys one GROUP BY pass is cheaper


class _TooManyGroups(Exception):
    pass


def _report_groups(session: Session, campaign_id: int) -> list[tuple[Any, ...]]:
    """(status, ptt, operator, count, parts, credits) per distinct (status, ptt, operator,
    parts, credits) of a campaign.

    On SQLite the distinct keys are found by seeks in ix_message_campaign_report and each
    is counted with count(*) on its equality range: the engine walks the index without
    decoding a column per row, about twice as fast as GROUP BY over a million rows (a
    campaign holds a few dozen such keys: states x codes x operators x parts x prices).
    Elsewhere, or past MAX_SKIP_GROUPS keys, one GROUP BY pass.
    """
    if session.get_bind().dialect.name == "sqlite":
        try:
            return _skip_scan_groups(session, campaign_id)
        except _TooManyGroups:
            pass
    rows = session.execute(
        select(
            Message.status,
            Message.ptt,
            Message.operator_code,
            func.count(),
            func.coalesce(func.sum(Message.parts), 0),
            func.coalesce(func.sum(Message.credits), 0.0),
        )
        .where(Message.campaign_id == campaign_id)
        .group_by(Message.status, Message.ptt, Message.operator_code)
    ).all()
    return [tuple(row) for row in rows]


def _skip_scan_groups(session: Session, campaign_id: int) -> list[tuple[Any, ...]]:
    """SQLite only: a few hundred tiny statements, so straight through the driver's cursor
    (SQLAlchemy's per-statement cost would double the time). `IS ?` is SQLite's equality
    that also matches NULL, and it uses the index like `=`; NULL sorts first."""
    cursor = session.connection().connection.cursor()
    names = _REPORT_COLUMNS
    found: list[tuple[Any, ...]] = []

    def first(sql: str, params: tuple[Any, ...]) -> tuple[Any, ...] | None:
        row = cursor.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def walk(prefix: tuple[Any, ...]) -> None:
        level = len(prefix)
        where = " AND ".join(["campaign_id = ?", *(f"{n} IS ?" for n in names[:level])])
        params = (campaign_id, *prefix)
        if level == len(names):
            (count,) = first(f"SELECT count(*) FROM {_TABLE} WHERE {where}", params) or (0,)
            status, ptt, operator, parts, credits = prefix
            found.append((status, ptt, operator, count, (parts or 0) * count,
                          (credits or 0.0) * count))  # fmt: skip
            if len(found) > MAX_SKIP_GROUPS:
                raise _TooManyGroups
            return
        name = names[level]
        row = first(f"SELECT {name} FROM {_TABLE} WHERE {where} ORDER BY {name} LIMIT 1", params)
        if row is not None and row[0] is None:
            walk((*prefix, None))
            row = first(
                f"SELECT {name} FROM {_TABLE} WHERE {where} AND {name} IS NOT NULL"
                f" ORDER BY {name} LIMIT 1",
                params,
            )
        next_value = (
            f"SELECT {name} FROM {_TABLE} WHERE {where} AND {name} > ? ORDER BY {name} LIMIT 1"
        )
        while row is not None:
            walk((*prefix, row[0]))
            row = first(next_value, (*params, row[0]))

    try:
        walk(())
    finally:
        cursor.close()
    return found
