"""OVH receipts in bulk: a 2,000-receiver campaign through the OVH peer gets every verdict
with few calls, the peer counting the single-message reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from smsdesk.app import Services, build_services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService


@pytest.fixture
def ovh_services(ovh_peer: Any, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv("OVH_ENDPOINT", ovh_peer.url)
    monkeypatch.setenv("OVH_APPLICATION_KEY", ovh_peer.application_key)
    monkeypatch.setenv("OVH_APPLICATION_SECRET", ovh_peer.application_secret)
    monkeypatch.setenv("OVH_CONSUMER_KEY", ovh_peer.consumer_key)
    monkeypatch.setenv("SMSDESK_OVH_SERVICE", ovh_peer.service)
    monkeypatch.setenv("SMSDESK_PROVIDER", "ovh")
    services = build_services(db_url)
    yield services
    services.close()


def expected(receiver: str) -> tuple[str, int, int]:
    """The peer's DEFAULT_OUTCOMES by the last two digits."""
    return {
        "99": (MessageStatus.FAILED, 5, 2),
        "98": (MessageStatus.EXPIRED, 8, 2),
        "97": (MessageStatus.FAILED, 24, 2),
    }.get(receiver[-2:], (MessageStatus.DELIVERED, 4, 1))


@pytest.mark.parametrize("batch_size", [2000, 250])  # OVH jobs of 500, or 8 jobs of 250
def test_2000_receivers_receipts_with_few_single_reads(
    ovh_peer: Any, ovh_services: Services, batch_size: int
) -> None:
    receivers = [f"+3361{i:07d}" for i in range(2000)]
    ovh_services.campaigns.create(
        CampaignRequest(body="Soldes", receivers=receivers, sender="ACME", provider="ovh")
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(
        ovh_services.sessions, ovh_services.provider, clock=lambda: now, batch_size=batch_size
    )
    try:
        dispatcher.dispatch_due()
        single_before = ovh_peer.count_calls("GET", "/sms/*/outgoing/*")
        listings_before = ovh_peer.count_calls("GET", "/sms/*/outgoing")
        for _ in range(10):  # each poll round is one look at every SMS for the peer
            dispatcher.receipts.poll(limit=5000)
            if not dispatcher.receipts.outstanding():
                break
            now += timedelta(minutes=15)  # past every message's next poll
        assert dispatcher.receipts.outstanding() == 0
    finally:
        dispatcher.close()
    single = ovh_peer.count_calls("GET", "/sms/*/outgoing/*") - single_before
    listings = ovh_peer.count_calls("GET", "/sms/*/outgoing") - listings_before
    failures = sum(1 for r in receivers if r.endswith(("97", "98", "99")))
    assert failures == 60
    # 60 failures: too many to read one by one, their codes are listed per ptt instead
    assert single <= 200
    # two rounds (the peer's verdict comes at the second look), 3 states and the
    # failure codes each, over the campaign's creation window whatever the number of jobs
    assert listings <= 2 * (3 + 20)
    with ovh_services.sessions() as session:
        got = session.execute(
            select(Message.receiver, Message.status, Message.ptt, Message.dlr)
        ).all()
    assert len(got) == 2000
    for receiver, status, ptt, dlr in got:
        assert (status, ptt, dlr) == expected(receiver), receiver
    assert Counter(s for _r, s, _p, _d in got)[MessageStatus.DELIVERED] == 1940


def test_deferred_batch_receipts_from_its_statistics(ovh_peer: Any, ovh_services: Services) -> None:
    """A deferred campaign goes as an OVH batch: `batches/{id}/statistics` says when nothing
    has a verdict yet (no SMS read) and when all have one (only the failures read)."""
    receivers = [f"+3362{i:07d}" for i in range(2000)]
    at = datetime.now(UTC) + timedelta(hours=3)
    ovh_services.campaigns.create(
        CampaignRequest(
            body="Soldes demain",
            receivers=receivers,
            sender="ACME",
            provider="ovh",
            scheduled_at=at,
            provider_deferred=True,
        )
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(
        ovh_services.sessions, ovh_services.provider, clock=lambda: now, batch_size=2000
    )
    try:
        dispatcher.dispatch_due()
        assert ovh_peer.count_calls("POST", "/sms/*/batches") >= 1
        ovh_peer.release_jobs()  # its time comes: OVH sends the batch
        now = at + timedelta(seconds=1)
        single_before = ovh_peer.count_calls("GET", "/sms/*/outgoing/*")
        for _ in range(10):
            dispatcher.receipts.poll(limit=5000)
            if not dispatcher.receipts.outstanding():
                break
            now += timedelta(minutes=15)
        assert dispatcher.receipts.outstanding() == 0
    finally:
        dispatcher.close()
    single = ovh_peer.count_calls("GET", "/sms/*/outgoing/*") - single_before
    statistics = ovh_peer.count_calls("GET", "/sms/*/batches/*/statistics")
    failures = sum(1 for r in receivers if r.endswith(("97", "98", "99")))
    assert failures == 60
    assert single == failures  # the delivered 1,940 are never read one by one
    assert 2 <= statistics <= 10
    with ovh_services.sessions() as session:
        got = session.execute(
            select(Message.receiver, Message.status, Message.ptt, Message.dlr)
        ).all()
    assert sorted(got) == sorted((r, *expected(r)) for r in receivers)
