"""Receipts end: each message is asked about on a backoff of its own, expires at its
receipt deadline with "no delivery report", `dispatch --once` stops waiting when nothing
more is due, and `dispatch --forever` ends promptly on SIGTERM wherever it is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import Capability, Receipt
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.gateways import rate_key
from smsdesk.services.receipts import NO_REPORT, ReceiptService, next_poll_delay
from smsdesk.services.settings import SettingsService


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Silent(SimulatorProvider):
    """Takes everything; its receipts never come. Counts the polls."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, delivery_delay=10**9)
        self.polls: list[list[str]] = []

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        self.polls.append(list(provider_refs))
        return super().poll_receipts(provider_refs)


def _numbers(count: int) -> list[str]:
    return [f"+336{24_000_100 + i}" for i in range(count)]


def test_the_poll_interval_doubles_up_to_ten_minutes():
    assert [next_poll_delay(age) for age in (0, 5, 15, 35, 75)] == [5, 10, 20, 40, 80]
    assert next_poll_delay(10 * 3600) == 600


def test_a_message_without_receipt_expires_at_its_validity(services: Services, tmp_path: Path):
    SettingsService(services.sessions).set_receipt_validity(2)
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(3)))
    clock = FakeClock()
    gateway = Silent(tmp_path / "ledger.sqlite3")
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway, clock=clock)
    sent_at = clock.now
    assert dispatcher.dispatch_due().submitted == 3
    with services.sessions() as session:
        deadlines = set(session.scalars(select(Message.receipt_deadline)))
    assert deadlines == {sent_at + timedelta(hours=2)}

    receipts = dispatcher.receipts
    assert receipts.next_poll_at() == sent_at  # asked right away
    assert receipts.poll() == 0
    assert len(gateway.polls) == 1
    assert receipts.next_poll_at() == sent_at + timedelta(seconds=5)
    clock.sleep(4)
    assert receipts.poll() == 0
    assert len(gateway.polls) == 1  # not due yet: not asked
    clock.sleep(1)
    receipts.poll()
    assert len(gateway.polls) == 2
    assert receipts.next_poll_at() == sent_at + timedelta(seconds=15)

    clock.now = sent_at + timedelta(hours=2)
    assert receipts.poll() == 3  # past the deadline: expired
    with services.sessions() as session:
        rows = set(session.execute(select(Message.status, Message.error)))
    assert rows == {(MessageStatus.EXPIRED, NO_REPORT)}
    assert receipts.outstanding() == 0
    assert receipts.next_poll_at() is None


class Pushed:
    """An SMPP-like gateway: receipts come on the link, asking costs nothing."""

    name = "smpp"
    capabilities = frozenset({Capability.RECEIPTS_POLL})

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        self.asked.append(list(provider_refs))
        return []


def test_pushed_receipts_are_looked_up_at_every_poll(services: Services):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    with services.sessions.begin() as session:  # as if sent through SMPP
        for row in session.scalars(select(Message)):
            row.status, row.provider_ref, row.provider = (
                MessageStatus.SUBMITTED,
                f"p{row.id}",
                "smpp",
            )
    gateway = Pushed()
    receipts = ReceiptService(services.sessions, lambda _n: gateway)
    for _ in range(3):
        receipts.poll()
    assert [len(refs) for refs in gateway.asked] == [2, 2, 2]


def test_dispatch_once_stops_waiting_when_no_receipt_is_due_within_the_wait(
    services: Services, tmp_path: Path
):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    clock = FakeClock()
    gateway = Silent(tmp_path / "ledger.sqlite3")
    dispatcher = DispatcherService(
        services.sessions, lambda _n: gateway, clock=clock, sleep=clock.sleep
    )
    start = clock.now
    sent, _, applied = dispatcher.run_once(receipt_wait=60)
    assert (sent.submitted, applied) == (2, 0)
    # asked at 0, 5, 15 and 35 s; the next (75 s) is past the 60 s wait: it returned
    assert len(gateway.polls) == 4
    assert clock.now == start + timedelta(seconds=35)


def test_dispatch_once_returns_as_soon_as_every_receipt_is_in(services: Services, tmp_path):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(2)))
    gateway = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    dispatcher = DispatcherService(services.sessions, lambda _n: gateway)
    # with nothing left to wait for, the (bounded) wait of 10 minutes is not waited
    sent, _, applied = dispatcher.run_once(receipt_wait=600)
    assert (sent.submitted, applied) == (2, 2)


def _forever(db_url: str, tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "smsdesk", "--db", db_url, "-v", "dispatch", "--forever"],
        env={
            **os.environ,
            "SMSDESK_SIM_LEDGER": str(tmp_path / "ledger.sqlite3"),
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop_after(process: subprocess.Popen[str], marker: str) -> int:
    """Wait for `marker` in its log, SIGTERM it, and give it 2 s to end by itself."""
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if marker in line:
                break
        else:
            raise AssertionError("the dispatcher ended before doing anything")
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=2)  # raises TimeoutExpired if it takes longer
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        process.stderr.close()
        if process.stdout is not None:
            process.stdout.close()


def test_sigterm_ends_dispatch_forever_while_it_waits_for_receipts(
    services: Services, db_url: str, tmp_path: Path
):
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(30)))
    process = _forever(db_url, tmp_path, SMSDESK_SIM_DELAY="100000")
    assert _stop_after(process, "simulator received batch") == 0
    with services.sessions() as session:
        assert session.scalar(select(func.count()).where(Message.status == "submitted")) == 30


def test_sigterm_ends_dispatch_forever_during_rate_waits(
    services: Services, db_url: str, tmp_path: Path
):
    SettingsService(services.sessions).set(rate_key("simulator"), "2")  # 2 messages a second
    services.campaigns.create(CampaignRequest(body="x", receivers=_numbers(200)))
    process = _forever(db_url, tmp_path, SMSDESK_SIM_DELAY="100000")
    assert _stop_after(process, "simulator received batch") == 0
    with services.sessions() as session:
        statuses = dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )
    # stopped mid-campaign: nothing left claimed, the rest waits for the next run
    assert "submitting" not in statuses
    assert statuses.get("queued", 0) > 0
    assert sum(statuses.values()) == 200
