"""The outbox state machine against the embedded simulated gateway (a real SQLite ledger)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.providers.base import Capability, OutgoingSms, SubmitResult, TransientError
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import MAX_ATTEMPTS, DispatcherService


def _numbers(count: int, start: int = 12_345_100) -> list[str]:
    """Mobile numbers that the simulator delivers (none ends in a failure suffix)."""
    return [f"+336{start + i}" for i in range(count)]


def _statuses(services: Services) -> dict[str, int]:
    counts: dict[str, int] = {}
    with services.sessions() as session:
        for status in session.scalars(select(Message.status)):
            counts[status] = counts.get(status, 0) + 1
    return counts


def _after_their_lease(services: Services, provider, **kwargs) -> DispatcherService:
    """A dispatcher started once the leases of the claims made now have lapsed (its
    database clock is past them): what a dead dispatcher left is its to settle."""
    later = datetime.now(UTC) + timedelta(minutes=10)
    return _dispatcher(services, provider, db_clock=lambda: later, **kwargs)


@pytest.fixture
def ledger(tmp_path: Path) -> SimulatorProvider:
    return SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)


def _dispatcher(services: Services, provider, **kwargs) -> DispatcherService:
    return DispatcherService(services.sessions, lambda _name: provider, **kwargs)


def test_campaign_goes_out_once_with_final_statuses(services: Services, ledger):
    receivers = [*_numbers(8), "+33600000005", "+33600000023", "+33600000020"]
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=receivers))
    dispatcher = _dispatcher(services, ledger, batch_size=3)
    sent, recovered, receipts = dispatcher.run_once(receipt_wait=5)
    assert sent.claimed == 11
    assert sent.submitted == 10
    assert sent.failed == 1  # ...0020 is refused at submission
    assert receipts == 10
    assert recovered.unknown == 0
    assert _statuses(services) == {"delivered": 8, "failed": 3}
    assert set(ledger.received_count_by_message().values()) == {1}
    with services.sessions() as session:
        failed = session.scalars(select(Message).where(Message.receiver == "+33600000023")).one()
        assert (failed.ptt, failed.dlr) == (23, 2)
        assert session.scalars(select(Campaign.status)).one() == CampaignStatus.DONE
    # a second pass finds nothing more to send
    again, _, _ = dispatcher.run_once(receipt_wait=0)
    assert again.claimed == 0
    dispatcher.close()


def test_scheduled_campaign_waits_for_its_instant(services: Services, ledger):
    now = datetime.now(UTC)
    services.campaigns.create(
        CampaignRequest(body="x", receivers=_numbers(2), scheduled_at=now + timedelta(hours=1))
    )
    dispatcher = _dispatcher(services, ledger)
    assert dispatcher.dispatch_due().claimed == 0
    assert dispatcher.next_due_at() is not None
    later = _dispatcher(services, ledger, clock=lambda: now + timedelta(hours=1, seconds=1))
    assert later.dispatch_due().submitted == 2


class FlakyGateway(SimulatorProvider):
    """The simulator, answering 503 to the first `failures` submissions."""

    def __init__(self, path: Path, failures: int, retry_after: float | None = None) -> None:
        super().__init__(path, delivery_delay=0)
        self.failures = failures
        self.retry_after = retry_after

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        if self.failures:
            self.failures -= 1
            raise TransientError("HTTP 503 Service Unavailable", retry_after=self.retry_after)
        return super().submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)


def test_transient_error_retries_later_without_doubling(services: Services, tmp_path: Path):
    gateway = FlakyGateway(tmp_path / "ledger.sqlite3", failures=1, retry_after=30)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(3)))
    now = datetime.now(UTC)
    dispatcher = _dispatcher(services, gateway, clock=lambda: now)
    report = dispatcher.dispatch_due()
    assert report.retried == 3
    assert _statuses(services) == {"queued": 3}
    with services.sessions() as session:
        row = session.scalars(select(Message)).first()
        assert row is not None
        assert row.error == "HTTP 503 Service Unavailable"
        assert row.next_attempt_at is not None
        assert row.next_attempt_at >= now + timedelta(seconds=30)  # the gateway's Retry-After
    later = _dispatcher(services, gateway, clock=lambda: now + timedelta(minutes=1))
    assert later.dispatch_due().submitted == 3
    assert set(gateway.received_count_by_message().values()) == {1}


def test_transient_errors_give_up_after_max_attempts(services: Services, tmp_path: Path):
    gateway = FlakyGateway(tmp_path / "ledger.sqlite3", failures=100)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(1)))
    instant = [datetime.now(UTC)]
    dispatcher = _dispatcher(services, gateway, clock=lambda: instant[0])
    for _ in range(MAX_ATTEMPTS):
        dispatcher.dispatch_due()
        instant[0] += timedelta(hours=1)
    assert _statuses(services) == {"failed": 1}
    assert gateway.received_count_by_message() == {}


def _crash_after_submit(services: Services, provider, count: int) -> None:
    """Claim and hand a batch to the gateway, then 'die' before recording the answer."""
    doomed = _dispatcher(services, provider)
    doomed.identity = "another-host:1:dead"
    claimed = doomed._claim(count)
    provider.submit(
        [OutgoingSms(c.id, c.receiver, c.sender, c.body) for c in claimed],
        batch_ref=claimed[0].batch_ref,
    )


def test_recovery_reconciles_with_the_gateway(services: Services, ledger):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(5)))
    _crash_after_submit(services, ledger, 3)
    assert _statuses(services) == {"submitting": 3, "queued": 2}
    survivor = _after_their_lease(services, ledger)
    recovered = survivor.recover()
    assert (recovered.reconciled, recovered.requeued, recovered.unknown) == (3, 0, 0)
    survivor.run_once(receipt_wait=1)
    assert _statuses(services) == {"delivered": 5}
    assert set(ledger.received_count_by_message().values()) == {1}


def test_recovery_requeues_what_the_gateway_never_got(services: Services, ledger):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    doomed = _dispatcher(services, ledger)
    doomed.identity = "another-host:1:dead"
    doomed._claim(2)  # died before calling the gateway
    recovered = _after_their_lease(services, ledger).recover()
    assert (recovered.reconciled, recovered.requeued) == (0, 2)
    assert _statuses(services) == {"queued": 2}


class BlindGateway(SimulatorProvider):
    """A gateway that cannot say what it received."""

    capabilities = SimulatorProvider.capabilities - {Capability.RECONCILE}


def test_recovery_marks_unknown_when_the_gateway_cannot_say(services: Services, tmp_path):
    gateway = BlindGateway(tmp_path / "ledger.sqlite3", delivery_delay=0)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    _crash_after_submit(services, gateway, 2)
    recovered = _after_their_lease(services, gateway).recover()
    assert recovered.unknown == 2
    assert _statuses(services) == {"unknown": 2}


def test_live_claims_of_another_dispatcher_are_left_alone(services: Services, ledger):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    busy = _dispatcher(services, ledger)
    busy._claim(2)
    assert _dispatcher(services, ledger).recover().requeued == 0
    assert _statuses(services) == {"submitting": 2}


def test_two_dispatchers_on_one_file_never_double(services: Services, ledger, db_url):
    from smsdesk.app import build_services

    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(600)))
    other = build_services(db_url)
    first = _dispatcher(services, ledger, batch_size=7)
    second = DispatcherService(other.sessions, lambda _n: ledger, batch_size=7)
    threads = [threading.Thread(target=d.dispatch_due) for d in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = ledger.received_count_by_message()
    assert len(counts) == 600
    assert set(counts.values()) == {1}
    other.close()


def test_cancelled_campaign_is_not_sent(services: Services, ledger):
    created = services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(3)))
    services.campaigns.cancel(created.id)
    assert _dispatcher(services, ledger).dispatch_due().claimed == 0
    assert ledger.received_count_by_message() == {}


def test_permanent_refusal_is_not_retried(services: Services, tmp_path):
    class Refusing(SimulatorProvider):
        def submit(self, batch, *, batch_ref, deferred_until=None):
            return [
                SubmitResult(s.message_id, accepted=False, error="sender refused") for s in batch
            ]

    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    _dispatcher(services, Refusing(tmp_path / "l.sqlite3")).dispatch_due()
    with services.sessions() as session:
        rows = list(session.scalars(select(Message)))
    assert {(r.status, r.error, r.attempts) for r in rows} == {("failed", "sender refused", 1)}


def test_rows_without_owner_are_recovered(services: Services, ledger):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(1)))
    with services.sessions.begin() as session:
        session.execute(update(Message).values(status=MessageStatus.SUBMITTING, claimed_by=None))
    assert _dispatcher(services, ledger).recover().unknown == 1
