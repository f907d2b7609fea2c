"""Leases, not heartbeats: a live claim is never taken, whatever the other host's clock says
or however long the owner's cycle lasts; rows taken from a dispatcher are neither written
nor handed to the gateway by it. Real SQLite files, the simulator's ledger counts."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from smsdesk.app import Services, build_services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import OutgoingSms, SubmitResult
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService, RecoveryReport


def _numbers(count: int) -> list[str]:
    return [f"+336{22_000_100 + i}" for i in range(count)]  # none ends in a failure suffix


def _statuses(services: Services) -> dict[str, int]:
    with services.sessions() as session:
        return dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )


class HeldGateway(SimulatorProvider):
    """Takes the batch (the ledger has it), then holds its answer until released."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, delivery_delay=0)
        self.entered = threading.Event()
        self.release = threading.Event()

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        results = super().submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)
        self.entered.set()
        assert self.release.wait(60), "the test never released the gateway"
        return results


def _lease_of(services: Services) -> datetime:
    with services.sessions() as session:
        value = session.scalar(
            select(func.max(Message.lease_until)).where(Message.status == MessageStatus.SUBMITTING)
        )
    assert value is not None
    return value


def test_a_held_batch_is_not_stolen_by_a_dispatcher_whose_clock_runs_6_minutes_ahead(
    services: Services, db_url: str, tmp_path: Path
):
    ledger = tmp_path / "ledger.sqlite3"
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=_numbers(40)))
    held = HeldGateway(ledger)
    # a short lease, so that the batch is held well past it: only renewals keep it
    owner = DispatcherService(services.sessions, lambda _n: held, lease_seconds=1.5)
    sending = threading.Thread(target=owner.dispatch_due)
    sending.start()
    other_services = build_services(db_url)
    try:
        assert held.entered.wait(30)
        first_lease = _lease_of(services)
        ahead = datetime.now(UTC) + timedelta(minutes=6)
        skewed = DispatcherService(
            other_services.sessions,
            lambda _n: SimulatorProvider(ledger, delivery_delay=0),
            clock=lambda: ahead,
        )
        assert skewed.recover() == RecoveryReport()
        assert skewed.dispatch_due().claimed == 0
        # let the first lease run out on the database's clock: the owner's renewals
        # (every lease/3 while the gateway holds the batch) keep the claim alive
        pause = threading.Event()
        for _ in range(200):
            if skewed.db_now() > first_lease + timedelta(seconds=0.5):
                break
            pause.wait(0.05)
        else:
            raise AssertionError("the database clock did not move past the first lease")
        assert _lease_of(services) > first_lease
        assert skewed.recover() == RecoveryReport()
        assert skewed.dispatch_due().claimed == 0
        skewed.close()
    finally:
        held.release.set()
        sending.join(timeout=60)
        other_services.close()
    counts = held.received_count_by_message()
    assert len(counts) == 40
    assert set(counts.values()) == {1}
    assert _statuses(services) == {"submitted": 40}


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class SlowRateGateway(SimulatorProvider):
    """One message every 10 s (the dispatcher's rate wait moves the fake clock); during
    the 35th call, more than 5 minutes into the cycle, another dispatcher runs."""

    rate_per_second = 0.1

    def __init__(self, path: Path, during_call) -> None:
        super().__init__(path, delivery_delay=0)
        self.calls = 0
        self.during_call = during_call

    def submit(self, batch: Sequence[OutgoingSms], *, batch_ref: str, deferred_until=None):
        results = super().submit(batch, batch_ref=batch_ref, deferred_until=deferred_until)
        self.calls += 1
        if self.calls == 35:
            self.during_call()
        return results


def test_a_cycle_longer_than_the_old_heartbeat_keeps_its_claims(
    services: Services, db_url: str, tmp_path: Path
):
    ledger = tmp_path / "ledger.sqlite3"
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(40)))
    clock = FakeClock()
    start = clock.now
    other_services = build_services(db_url)
    seen: dict[str, object] = {}

    def another_dispatcher_runs() -> None:
        seen["elapsed"] = clock.now - start
        other = DispatcherService(
            other_services.sessions,
            lambda _n: SimulatorProvider(ledger, delivery_delay=0),
            clock=clock,
            db_clock=clock,
        )
        seen["recovered"] = other.recover()
        seen["sent"] = other.dispatch_due().submitted
        other.close()

    gateway = SlowRateGateway(ledger, another_dispatcher_runs)
    owner = DispatcherService(
        services.sessions, lambda _n: gateway, clock=clock, db_clock=clock, sleep=clock.sleep
    )
    try:
        report = owner.dispatch_due()
    finally:
        other_services.close()
    assert seen["elapsed"] > timedelta(minutes=5)  # type: ignore[operator]
    assert seen["recovered"] == RecoveryReport()
    assert report.submitted + seen["sent"] == 40  # type: ignore[operator]
    counts = gateway.received_count_by_message()
    assert len(counts) == 40
    assert set(counts.values()) == {1}
    assert _statuses(services) == {"submitted": 40}


def test_rows_taken_from_a_dispatcher_are_not_sent_nor_written_by_it(
    services: Services, tmp_path: Path
):
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(8)))
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway)

    claimed = dispatcher._claim(5)
    stolen = [c.id for c in claimed[:2]]
    with services.sessions.begin() as session:
        session.execute(
            update(Message).where(Message.id.in_(stolen)).values(claimed_by="someone-else")
        )
    report = dispatcher._send(claimed, None)
    assert report.submitted == 3
    assert set(gateway.received_count_by_message()) == {c.id for c in claimed[2:]}

    later = dispatcher._claim(3)
    with services.sessions.begin() as session:
        session.execute(
            update(Message)
            .where(Message.id.in_([c.id for c in later]))
            .values(claimed_by="someone-else")
        )
    recorded = dispatcher._record(
        [SubmitResult(c.id, accepted=True, provider_ref=f"ref{c.id}") for c in later],
        {c.id: c.attempts for c in later},
    )
    assert recorded.submitted == 0
    with services.sessions() as session:
        rows = session.execute(
            select(Message.status, Message.claimed_by, Message.provider_ref).where(
                Message.id.in_([*stolen, *(c.id for c in later)])
            )
        ).all()
    assert set(rows) == {("submitting", "someone-else", None)}
    assert _statuses(services) == {"submitted": 3, "submitting": 5}


def test_a_batch_found_absent_waits_on_the_database_clock(services: Services, tmp_path: Path):
    """After a recovery found a batch absent at the gateway, its messages wait before being
    asked about again: a request of the dead owner may still land late. The wait is judged
    on the database's clock, so a dispatcher whose clock runs 6 minutes ahead cannot cut
    it short."""
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=_numbers(3)))
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    start = datetime.now(UTC)

    def at(seconds: float, ahead: timedelta = timedelta(0)) -> DispatcherService:
        moment = start + timedelta(seconds=seconds)
        return DispatcherService(
            services.sessions,
            lambda _name: gateway,
            clock=lambda: datetime.now(UTC) + ahead,
            db_clock=lambda: moment,
            lease_seconds=10,
            recheck_after=timedelta(minutes=2),
        )

    dead = at(0)
    assert len(dead._claim(10)) == 3  # claimed, then the process died before sending
    assert at(20).recover() == RecoveryReport(requeued=3)  # the gateway never got them
    # a minute later, a host whose clock runs 6 minutes ahead finds nothing due
    assert at(20 + 60, ahead=timedelta(minutes=6)).dispatch_due().claimed == 0
    assert gateway.received_count_by_message() == {}
    later = at(20 + 121).dispatch_due()
    assert (later.claimed, later.submitted) == (3, 3)
    assert sorted(gateway.received_count_by_message().values()) == [1, 1, 1]


def test_a_claim_that_dies_keeps_the_earlier_attempts_batch_ref(services: Services, tmp_path: Path):
    """A message whose first batch reached the gateway (answer lost) is claimed again, and
    that dispatcher dies before asking the gateway about the first batch: recovery must
    still ask under the first batch's tag, and find it there, not send it again."""
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=_numbers(3)))
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    with services.sessions() as session:
        rows = session.execute(select(Message.id, Message.receiver)).all()
    # the first attempt: the gateway took the batch, the answer was lost (queued for a retry)
    gateway.submit([OutgoingSms(mid, to, "", "Bonjour") for mid, to in rows], batch_ref="sd-first")
    with services.sessions.begin() as session:
        session.execute(
            update(Message).values(status=MessageStatus.QUEUED, batch_ref="sd-first", attempts=1)
        )
    start = datetime.now(UTC)

    def at(seconds: float) -> DispatcherService:
        moment = start + timedelta(seconds=seconds)
        return DispatcherService(
            services.sessions, lambda _name: gateway, db_clock=lambda: moment, lease_seconds=10
        )

    assert len(at(0)._claim(10)) == 3  # claimed for a second attempt, then the process died
    assert at(20).recover() == RecoveryReport(reconciled=3)
    assert sorted(gateway.received_count_by_message().values()) == [1, 1, 1]
    assert _statuses(services) == {MessageStatus.SUBMITTED: 3}
