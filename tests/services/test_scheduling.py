"""Sending windows and deferred sends, with time driven by a fake clock (nobody waits
until Monday 08:00): the rate limiter's waits move the clock instead of sleeping."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.providers.base import Capability, OutgoingSms, SubmitResult
from smsdesk.providers.simulator import FAILURE_SUFFIXES, REFUSED_SUFFIX, SimulatorProvider
from smsdesk.services.campaigns import CampaignError, CampaignRequest, CampaignService
from smsdesk.services.dispatcher import DispatcherService

PARIS = ZoneInfo("Europe/Paris")


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def set(self, instant: datetime) -> None:
        self.now = instant.astimezone(UTC)


class RateLimitedGateway(SimulatorProvider):
    def __init__(self, path: Path, rate: float) -> None:
        super().__init__(path, delivery_delay=0)
        self.rate_per_second = rate


def _delivered_numbers(count: int) -> list[str]:
    bad = {*FAILURE_SUFFIXES, REFUSED_SUFFIX}
    numbers = (f"+336{10_000_000 + i}" for i in range(count * 2))
    return [n for n in numbers if n[-4:] not in bad][:count]


def _submitted_at(services: Services) -> list[datetime]:
    with services.sessions() as session:
        return [
            t
            for t in session.scalars(
                select(Message.submitted_at).where(Message.submitted_at.is_not(None))
            )
            if t is not None
        ]


def _status_counts(services: Services) -> dict[str, int]:
    with services.sessions() as session:
        return dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )


def test_long_campaign_pauses_at_20h_and_resumes_monday_8h(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 3, 15, 19, 55, tzinfo=PARIS))  # a Saturday
    gateway = RateLimitedGateway(tmp_path / "ledger.sqlite3", rate=20)
    campaigns = CampaignService(services.sessions, clock=clock)
    created = campaigns.create(
        CampaignRequest(body="Soldes !", receivers=_delivered_numbers(10_000), commercial=True)
    )
    assert (created.messages, created.postponed) == (10_000, False)
    dispatcher = DispatcherService(
        services.sessions, lambda _name: gateway, clock=clock, sleep=clock.sleep
    )

    first = dispatcher.dispatch_due()
    closing = datetime(2025, 3, 15, 20, 0, tzinfo=PARIS)
    monday = datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    # 20 a second for the 300 seconds before 20:00, not one after
    assert first.submitted == 6_000
    assert max(_submitted_at(services)) < closing
    assert clock() >= closing
    assert _status_counts(services) == {"submitted": 6_000, "queued": 4_000}
    assert dispatcher.next_due_at() == monday
    assert campaigns.get(created.id).status is CampaignStatus.SENDING
    assert campaigns.get(created.id).next_due == monday

    clock.set(datetime(2025, 3, 16, 12, 0, tzinfo=PARIS))  # Sunday: closed all day
    assert dispatcher.dispatch_due().claimed == 0

    clock.set(monday)
    second = dispatcher.dispatch_due()
    assert second.submitted == 4_000
    sent_at = sorted(_submitted_at(services))
    assert sent_at[6_000] >= monday
    assert _status_counts(services) == {"submitted": 10_000}
    assert campaigns.get(created.id).status is CampaignStatus.DONE
    counts = gateway.received_count_by_message()
    assert len(counts) == 10_000 and set(counts.values()) == {1}


def test_campaign_planned_on_14_july_moves_to_the_15th(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 7, 10, 9, 0, tzinfo=PARIS))
    campaigns = CampaignService(services.sessions, clock=clock)
    created = campaigns.create(
        CampaignRequest(
            body="Feu d'artifice",
            receivers=_delivered_numbers(3),
            commercial=True,
            scheduled_at=datetime(2025, 7, 14, 10, 0, tzinfo=PARIS),
        )
    )
    assert created.postponed
    assert created.starts_at == datetime(2025, 7, 15, 8, 0, tzinfo=PARIS)
    assert created.scheduled_at == datetime(2025, 7, 15, 8, 0, tzinfo=PARIS)
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    clock.set(datetime(2025, 7, 14, 10, 0, tzinfo=PARIS))
    assert dispatcher.dispatch_due().claimed == 0
    clock.set(datetime(2025, 7, 15, 8, 0, tzinfo=PARIS))
    assert dispatcher.dispatch_due().submitted == 3


def test_window_closed_when_a_due_campaign_is_found(services: Services, tmp_path: Path):
    """The app was closed all Sunday: a commercial campaign planned for Saturday 19:59 and
    still queued is not sent on Sunday, it waits for Monday 08:00."""
    clock = FakeClock(datetime(2025, 3, 15, 19, 0, tzinfo=PARIS))
    campaigns = CampaignService(services.sessions, clock=clock)
    campaigns.create(
        CampaignRequest(
            body="x",
            receivers=_delivered_numbers(2),
            commercial=True,
            scheduled_at=datetime(2025, 3, 15, 19, 59, tzinfo=PARIS),
        )
    )
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    clock.set(datetime(2025, 3, 16, 10, 0, tzinfo=PARIS))
    assert dispatcher.dispatch_due().claimed == 0
    assert dispatcher.next_due_at() == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    assert [o.messages for o in campaigns.overdue()] == []  # not overdue: it is waiting


class DeferringGateway(SimulatorProvider):
    """A gateway that keeps deferred jobs (like OVH's differedPeriod) and deletes them."""

    capabilities = SimulatorProvider.capabilities | {
        Capability.DEFERRED,
        Capability.CANCEL_DEFERRED,
    }

    def __init__(self, path: Path) -> None:
        super().__init__(path, delivery_delay=0)
        self.deferred: dict[str, datetime] = {}
        self.cancelled: list[str] = []

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        results = super().submit(batch, batch_ref=batch_ref)
        if deferred_until is not None:
            for result in results:
                assert result.provider_ref is not None
                self.deferred[result.provider_ref] = deferred_until
        return results

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        self.cancelled.extend(provider_refs)


def test_schedule_handed_to_the_gateway_then_cancelled(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 3, 12, 9, 0, tzinfo=PARIS))
    gateway = DeferringGateway(tmp_path / "ledger.sqlite3")
    campaigns = CampaignService(services.sessions, clock=clock, providers=lambda _n: gateway)
    at = datetime(2025, 3, 13, 10, 0, tzinfo=PARIS)
    created = campaigns.create(
        CampaignRequest(
            body="x", receivers=_delivered_numbers(3), scheduled_at=at, provider_deferred=True
        )
    )
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    assert dispatcher.dispatch_due().submitted == 3  # handed over at once...
    assert set(gateway.deferred.values()) == {at}  # ...for the gateway to send at 10:00
    assert campaigns.get(created.id).status is CampaignStatus.SCHEDULED
    assert campaigns.cancel(created.id) == 3
    assert sorted(gateway.cancelled) == sorted(gateway.deferred)
    assert _status_counts(services) == {"cancelled": 3}


def test_deferred_campaign_is_done_once_its_instant_passed(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 3, 12, 9, 0, tzinfo=PARIS))
    gateway = DeferringGateway(tmp_path / "ledger.sqlite3")
    campaigns = CampaignService(services.sessions, clock=clock, providers=lambda _n: gateway)
    created = campaigns.create(
        CampaignRequest(
            body="x",
            receivers=_delivered_numbers(1),
            scheduled_at=datetime(2025, 3, 12, 11, 0, tzinfo=PARIS),
            provider_deferred=True,
        )
    )
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    dispatcher.dispatch_due()
    with pytest.raises(CampaignError, match="kept by the gateway"):
        campaigns.reschedule(created.id, None)
    clock.set(datetime(2025, 3, 12, 11, 1, tzinfo=PARIS))
    dispatcher.dispatch_due()
    with services.sessions() as session:
        assert session.scalar(select(Campaign.status)) == CampaignStatus.DONE
    assert _status_counts(services) == {"submitted": 1}


def test_deferral_needs_a_gateway_that_can_keep_it(services: Services, tmp_path: Path):
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3")
    campaigns = CampaignService(services.sessions, providers=lambda _n: gateway)
    later = datetime.now(UTC) + timedelta(days=1)
    with pytest.raises(CampaignError, match="cannot keep a deferred send"):
        campaigns.create(
            CampaignRequest(
                body="x", receivers=["0612345678"], scheduled_at=later, provider_deferred=True
            )
        )
    with pytest.raises(CampaignError, match="planned for later"):
        campaigns.create(
            CampaignRequest(body="x", receivers=["0612345678"], provider_deferred=True)
        )


def test_messages_cancelled_by_status_stay_cancelled(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 3, 15, 19, 59, 59, tzinfo=PARIS))
    gateway = RateLimitedGateway(tmp_path / "ledger.sqlite3", rate=1)
    campaigns = CampaignService(services.sessions, clock=clock)
    created = campaigns.create(
        CampaignRequest(body="x", receivers=_delivered_numbers(5), commercial=True)
    )
    dispatcher = DispatcherService(
        services.sessions, lambda _n: gateway, clock=clock, sleep=clock.sleep
    )
    report = dispatcher.dispatch_due()
    assert (report.submitted, report.held) == (1, 1)
    campaigns.cancel(created.id)
    assert _status_counts(services) == {"submitted": 1, MessageStatus.CANCELLED: 4}


def test_a_deferred_message_awaits_its_receipt_from_its_instant(services: Services, tmp_path: Path):
    clock = FakeClock(datetime(2025, 3, 12, 9, 0, tzinfo=PARIS))
    gateway = DeferringGateway(tmp_path / "ledger.sqlite3")
    gateway.delivery_delay = 10**9  # sent at its instant: no receipt before
    campaigns = CampaignService(services.sessions, clock=clock, providers=lambda _n: gateway)
    at = datetime(2025, 3, 13, 10, 0, tzinfo=PARIS)
    campaigns.create(
        CampaignRequest(
            body="x", receivers=_delivered_numbers(2), scheduled_at=at, provider_deferred=True
        )
    )
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    assert dispatcher.dispatch_due().submitted == 2
    handed_over = clock.now
    with services.sessions() as session:
        rows = set(session.execute(select(Message.next_attempt_at, Message.receipt_deadline)))
    # expired only 48 h (the default validity) after its instant; asked about once now...
    assert rows == {(handed_over, at.astimezone(UTC) + timedelta(hours=48))}
    dispatcher.receipts.poll()
    # ...then not before its instant, when the gateway sends it
    assert dispatcher.receipts.next_poll_at() == at.astimezone(UTC)
