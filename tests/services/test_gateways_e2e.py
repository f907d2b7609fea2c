"""End to end through the real gateways: CampaignService -> DispatcherService ->
ReceiptService on a real SQLite file, with the OVH API peer and the SMPP SMSC peer
(tests/peers) on 127.0.0.1. The peers' own records prove each message went out once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from smsdesk.app import Services, build_services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import Provider
from smsdesk.providers.smpp import UNANSWERED
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService

OPEN = (MessageStatus.QUEUED, MessageStatus.SUBMITTING, MessageStatus.SUBMITTED)


@dataclass
class Clock:
    """The dispatcher's clock: retries become due when the test moves it, not by waiting."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC) + timedelta(seconds=1))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass(frozen=True)
class Row:
    id: int
    receiver: str
    body: str
    status: str
    provider_ref: str | None
    ptt: int | None
    dlr: int | None
    error: str | None
    attempts: int


def rows(services: Services) -> list[Row]:
    with services.sessions() as session:
        return [
            Row(*values)
            for values in session.execute(
                select(
                    Message.id,
                    Message.receiver,
                    Message.body,
                    Message.status,
                    Message.provider_ref,
                    Message.ptt,
                    Message.dlr,
                    Message.error,
                    Message.attempts,
                ).order_by(Message.id)
            )
        ]


def open_count(services: Services) -> int:
    return sum(1 for row in rows(services) if row.status in OPEN)


def send_everything(dispatcher: DispatcherService, clock: Clock, services: Services) -> None:
    """Dispatch until nothing is queued, moving the clock past each backoff."""
    for _ in range(30):
        dispatcher.dispatch_due()
        waiting = [r for r in rows(services) if r.status in (MessageStatus.QUEUED, "submitting")]
        if not waiting:
            return
        clock.advance(minutes=20)  # longer than the largest backoff
    raise AssertionError(f"still queued after 30 rounds: {len(waiting)}")


def collect_receipts(dispatcher: DispatcherService, clock: Clock, rounds: int = 1500) -> None:
    """Poll until every sent message has its verdict (SMPP receipts arrive on their own);
    the clock moves to each next poll the receipts' backoff asks for."""
    pause = threading.Event()
    for _ in range(rounds):
        dispatcher.receipts.poll()
        if not dispatcher.receipts.outstanding():
            return
        next_poll = dispatcher.receipts.next_poll_at()
        if next_poll is not None and next_poll > clock.now:
            clock.now = next_poll
        pause.wait(0.02)
    raise AssertionError(f"{dispatcher.receipts.outstanding()} messages without a receipt")


@pytest.fixture
def clock() -> Clock:
    return Clock()


# --- OVH ------------------------------------------------------------------------------------


@pytest.fixture
def ovh_services(ovh_peer: Any, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """The app's services with OVH configured the headless way (environment)."""
    monkeypatch.setenv("OVH_ENDPOINT", ovh_peer.url)
    monkeypatch.setenv("OVH_APPLICATION_KEY", ovh_peer.application_key)
    monkeypatch.setenv("OVH_APPLICATION_SECRET", ovh_peer.application_secret)
    monkeypatch.setenv("OVH_CONSUMER_KEY", ovh_peer.consumer_key)
    monkeypatch.setenv("SMSDESK_OVH_SERVICE", ovh_peer.service)
    monkeypatch.setenv("SMSDESK_PROVIDER", "ovh")
    services = build_services(db_url)
    yield services
    services.close()


def ovh_outcome(receiver: str) -> tuple[str, int, int]:
    """What the OVH peer reports for a receiver (its DEFAULT_OUTCOMES)."""
    if receiver.endswith("99"):
        return MessageStatus.FAILED, 5, 2
    if receiver.endswith("98"):
        return MessageStatus.EXPIRED, 8, 2
    if receiver.endswith("97"):
        return MessageStatus.FAILED, 24, 2
    return MessageStatus.DELIVERED, 4, 1


def test_1000_recipient_campaign_through_ovh_with_5xx_and_429(
    ovh_peer: Any, ovh_services: Services, clock: Clock
) -> None:
    assert ovh_services.settings.provider == "ovh"  # SMSDESK_PROVIDER picks the gateway
    receivers = [f"+3361{i:07d}" for i in range(1000)]
    refused = receivers[500]
    ovh_peer.unknown_numbers.add(refused)  # well-formed, but OVH says invalidReceivers
    created = ovh_services.campaigns.create(
        CampaignRequest(
            body="Soldes -50% ce week-end",
            receivers=receivers,
            sender="ACME",
            provider=ovh_services.settings.provider,
        )
    )
    assert created.messages == 1000
    clock.now = datetime.now(UTC) + timedelta(seconds=1)
    # Faults on the way: a 429 (with Retry-After), a 500 once the job was taken, a 503
    # before it, a 502 after it on a later job, and flaky receipt reads.
    ovh_peer.inject("POST", "/sms/*/jobs", 429, retry_after=2)
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)
    ovh_peer.inject("POST", "/sms/*/jobs", 503)
    ovh_peer.inject("POST", "/sms/*/jobs", 502, after_processing=True, skip=2)
    dispatcher = DispatcherService(
        ovh_services.sessions, ovh_services.provider, clock=clock, batch_size=250
    )
    try:
        send_everything(dispatcher, clock, ovh_services)
        ovh_peer.inject("GET", "/sms/*/outgoing/*", 500, times=3)
        collect_receipts(dispatcher, clock)
    finally:
        dispatcher.close()

    assert all(fault.times == 0 for fault in ovh_peer.faults)
    # The peer took every valid receiver exactly once.
    seen = Counter(accepted.receiver for accepted in ovh_peer.accepted)
    assert set(seen.values()) == {1}
    assert set(seen) == set(receivers) - {refused}
    peer_id = {accepted.receiver: str(accepted.id) for accepted in ovh_peer.accepted}

    final = rows(ovh_services)
    assert len(final) == 1000
    retried = [row for row in final if row.attempts > 1]
    assert retried  # the faults did make the dispatcher try again
    for row in final:
        if row.receiver == refused:
            assert (row.status, row.error) == (MessageStatus.FAILED, "OVH: invalid receiver")
            continue
        assert row.provider_ref == peer_id[row.receiver]
        assert (row.status, row.ptt, row.dlr) == ovh_outcome(row.receiver), row
    counts = Counter(row.status for row in final)
    assert counts[MessageStatus.DELIVERED] == 969
    assert ovh_services.campaigns.get(created.id).status == "done"


@pytest.mark.parametrize("fault", ["500 after processing", "timeout"])
def test_ovh_retry_after_a_restart_reconciles_instead_of_resending(
    ovh_peer: Any, ovh_services: Services, clock: Clock, fault: str
) -> None:
    """The POST reached OVH but the answer was lost; the dispatcher dies. The next one,
    with no memory of that attempt, asks OVH by the old tag instead of sending again."""
    receivers = [f"+3362{i:07d}" for i in range(40)]
    ovh_services.campaigns.create(
        CampaignRequest(body="Rappel RDV", receivers=receivers, sender="ACME", provider="ovh")
    )
    clock.now = datetime.now(UTC) + timedelta(seconds=1)

    def factory(name: str) -> Provider:
        if fault == "timeout":
            # a short read timeout so that the peer's slow answer times out
            from smsdesk.providers.ovh import OvhProvider

            return OvhProvider(ovh_services.gateways.ovh_config(timeout=(2.0, 0.3)))
        return ovh_services.provider(name)

    if fault == "timeout":
        ovh_peer.inject("POST", "/sms/*/jobs", 200, after_processing=True, delay=1.0)
    else:
        ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)
    first = DispatcherService(ovh_services.sessions, factory, clock=clock)
    report = first.dispatch_due()
    first.close()
    assert report.retried == 40 and report.submitted == 0
    assert len(ovh_peer.accepted) == 40  # it did reach OVH
    assert {row.status for row in rows(ovh_services)} == {MessageStatus.QUEUED}

    clock.advance(minutes=20)
    second = DispatcherService(ovh_services.sessions, factory, clock=clock)
    try:
        second.dispatch_due()
        collect_receipts(second, clock)
    finally:
        second.close()

    assert len(ovh_peer.accepted) == 40
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 1
    peer_id = {accepted.receiver: str(accepted.id) for accepted in ovh_peer.accepted}
    for row in rows(ovh_services):
        assert row.provider_ref == peer_id[row.receiver]
        assert (row.status, row.ptt, row.dlr) == ovh_outcome(row.receiver)


def test_ovh_mixed_answer_then_restart_sends_only_what_ovh_lacks(
    ovh_peer: Any, ovh_services: Services, clock: Clock
) -> None:
    """One batch, three jobs (three bodies): the first goes through, the second fails
    after OVH took it, the third is not tried. After a restart only the third is posted."""
    bodies = ["Premier message", "Deuxième message", "Troisième message"]
    for index, body in enumerate(bodies):
        receivers = [f"+33630{index}{i:05d}" for i in range(10)]
        ovh_services.campaigns.create(
            CampaignRequest(body=body, receivers=receivers, sender="ACME", provider="ovh")
        )
    clock.now = datetime.now(UTC) + timedelta(seconds=1)
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True, skip=1)
    first = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    report = first.dispatch_due()
    first.close()
    assert (report.submitted, report.retried) == (10, 20)
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 2

    clock.advance(minutes=20)
    second = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    try:
        second.dispatch_due()
    finally:
        second.close()

    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 3  # only the untried job
    seen = Counter(accepted.receiver for accepted in ovh_peer.accepted)
    assert len(seen) == 30 and set(seen.values()) == {1}
    peer_id = {accepted.receiver: str(accepted.id) for accepted in ovh_peer.accepted}
    for row in rows(ovh_services):
        assert row.status == MessageStatus.SUBMITTED
        assert row.provider_ref == peer_id[row.receiver]


# --- SMPP -----------------------------------------------------------------------------------


SHORT_GSM = "Bonjour, votre rendez-vous est confirmé."
LONG_GSM = "Offre spéciale € " + "x" * 170  # GSM-7 with an escape, 2 parts
UCS2 = "Très bientôt à Noël 🎄 " + "é" * 60  # UCS-2, 2 parts


def smpp_body(index: int) -> str:
    return LONG_GSM if index % 10 == 3 else UCS2 if index % 10 == 7 else SHORT_GSM


def test_1000_recipient_campaign_through_smpp_with_throttling_and_a_drop(
    smpp_peer: Any, smpp_services: Services, clock: Clock
) -> None:
    receivers = [f"+3364{i:07d}" for i in range(1000)]
    rejected = receivers[123]
    groups: dict[str, list[str]] = {}
    for index, receiver in enumerate(receivers):
        groups.setdefault(smpp_body(index), []).append(receiver)
    for body, group in groups.items():
        smpp_services.campaigns.create(
            CampaignRequest(body=body, receivers=group, sender="ACME", provider="smpp")
        )
    clock.now = datetime.now(UTC) + timedelta(seconds=1)
    smpp_peer.inject(
        throttle=25,
        msgqful=10,
        drop_after=400,
        reject={rejected.lstrip("+"): "ESME_RINVDSTADR"},
    )
    dispatcher = DispatcherService(
        smpp_services.sessions, smpp_services.provider, clock=clock, batch_size=250
    )
    try:
        send_everything(dispatcher, clock, smpp_services)
        collect_receipts(dispatcher, clock)
    finally:
        dispatcher.close()

    state = smpp_peer.state()
    assert state["drops"] == 1 and state["binds"] >= 2
    assert (state["throttled"], state["queue_full"]) == (25, 10)
    final = rows(smpp_services)
    assert len(final) == 1000
    # Written on the link that dropped, never answered: unknown and never sent again (the
    # peer never processed them). The others reached the SMSC exactly once, whole.
    unknown = {row.receiver for row in final if row.error == UNANSWERED}
    assert unknown
    seen = Counter((m["dest"], m["text"]) for m in state["messages"])
    assert set(seen.values()) == {1}
    expected = {
        (r.lstrip("+"), smpp_body(i))
        for i, r in enumerate(receivers)
        if r != rejected and r not in unknown
    }
    assert set(seen) == expected
    part_ids = {m["dest"]: " ".join(m["message_ids"]) for m in state["messages"]}

    for row in final:
        if row.receiver == rejected:
            assert (row.status, row.error) == (MessageStatus.FAILED, "ESME_RINVDSTADR")
            continue
        if row.receiver in unknown:
            # SubmitResult.uncertain: `unknown` once the dispatcher records it so (leases).
            assert row.status in (MessageStatus.UNKNOWN, MessageStatus.FAILED)
            continue
        assert row.provider_ref == part_ids[row.receiver.lstrip("+")]
        if row.receiver.endswith("99"):
            assert (row.status, row.ptt, row.dlr) == (MessageStatus.FAILED, 5, 2)
            assert row.error == "stat:UNDELIV err:001"
        elif row.receiver.endswith("98"):
            assert (row.status, row.ptt, row.dlr) == (MessageStatus.EXPIRED, 8, 2)
            assert row.error == "stat:EXPIRED err:000"
        elif row.receiver.endswith("97"):
            assert (row.status, row.ptt, row.dlr) == (MessageStatus.FAILED, 20, 2)
            assert row.error == "stat:REJECTD err:002"
        else:
            assert (row.status, row.ptt, row.dlr) == (MessageStatus.DELIVERED, 4, 1), row
            assert row.error is None


def test_the_saved_gateway_setting_chooses_the_provider(db_url: str) -> None:
    services = build_services(db_url)
    try:
        assert services.settings.provider == "simulator"
        services.gateways.choose("smpp")
    finally:
        services.close()
    again = build_services(db_url)
    try:
        assert again.settings.provider == "smpp"
    finally:
        again.close()


def test_smsdesk_provider_wins_over_the_saved_choice(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = build_services(db_url)
    services.gateways.choose("smpp")
    services.close()
    monkeypatch.setenv("SMSDESK_PROVIDER", "ovh")
    again = build_services(db_url)
    try:
        assert again.settings.provider == "ovh"
    finally:
        again.close()


def test_ovh_unable_to_reconcile_keeps_the_old_tag_and_sends_nothing(
    ovh_peer: Any, ovh_services: Services, clock: Clock
) -> None:
    """When OVH cannot say whether the earlier attempt arrived, the messages wait, still
    under that attempt's tag, and are settled by the next try: nothing is sent twice."""
    receivers = [f"+3363{i:07d}" for i in range(15)]
    ovh_services.campaigns.create(
        CampaignRequest(body="Rappel", receivers=receivers, sender="ACME", provider="ovh")
    )
    clock.now = datetime.now(UTC) + timedelta(seconds=1)
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)
    first = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    first.dispatch_due()
    first.close()
    tag = ovh_peer.accepted[0].tag

    # the next dispatcher asks by that tag, and OVH fails every read for a while
    ovh_peer.inject("GET", "/sms/*/outgoing", 503, times=3)
    clock.advance(minutes=20)
    second = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    try:
        report = second.dispatch_due()
        assert (report.submitted, report.retried) == (0, 15)
        waiting = rows(ovh_services)
        assert {row.status for row in waiting} == {MessageStatus.QUEUED}
        assert all("HTTP 503" in (row.error or "") for row in waiting)
        assert all(row.attempts == 1 for row in waiting)  # asking is not sending
        with ovh_services.sessions() as session:
            assert set(session.scalars(select(Message.batch_ref))) == {tag}
        clock.advance(minutes=20)
        report = second.dispatch_due()
        assert report.submitted == 15
    finally:
        second.close()
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 1
    assert len(ovh_peer.accepted) == 15
    assert {row.status for row in rows(ovh_services)} == {MessageStatus.SUBMITTED}
