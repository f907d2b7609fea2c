"""Replies and STOP: from the simulator, the OVH peer and the SMPP peer into `incoming` and
the stop list; a later campaign leaves a stopped number out and says so; taking a number
off the stop list needs a reason, kept as the consent proof."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from smsdesk.app import Services, build_services
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.replies import CollectReport
from smsdesk.services.stop_list import ConsentRequired


def collect_until(services: Services, dispatcher: DispatcherService, count: int) -> None:
    """Collect replies until `count` are stored (bounded: the simulator answers 1 s after
    delivery, the SMSC pushes its deliver_sm when it likes)."""
    pause = threading.Event()
    for _ in range(100):
        dispatcher.replies.collect()
        if len(services.replies.replies()) >= count:
            return
        pause.wait(0.1)
    raise AssertionError(f"{len(services.replies.replies())} replies, {count} expected")


def send_now(services: Services, receivers: list[str], provider: str) -> int:
    created = services.campaigns.create(
        CampaignRequest(body="Soldes -20%", receivers=receivers, sender="ACME", provider=provider)
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(services.sessions, services.provider, clock=lambda: now)
    try:
        dispatcher.dispatch_due()
        dispatcher.receipts.poll()
    finally:
        dispatcher.close()
    return created.id


def test_simulator_stop_and_reply(services: Services) -> None:
    stop, thanks, other = "+33611110042", "+33611110043", "+33611110001"
    campaign = send_now(services, [stop, thanks, other], "simulator")
    dispatcher = services.new_dispatcher()
    try:
        collect_until(services, dispatcher, 2)
        assert dispatcher.replies.collect() == CollectReport(0, 0)  # nothing twice
    finally:
        dispatcher.close()

    replies = {r.sender: r for r in services.replies.replies()}
    assert set(replies) == {stop, thanks}
    assert (replies[stop].body, replies[stop].is_stop) == ("STOP", True)
    assert (replies[thanks].body, replies[thanks].is_stop) == ("Oui, merci !", False)
    assert {r.campaign_id for r in replies.values()} == {campaign}
    entry = services.recipients.stop_list.get(stop)
    assert entry is not None and entry.reason.startswith(f"answered STOP to campaign {campaign}")
    assert services.recipients.stop_list.get(thanks) is None
    assert services.replies.stop_count(campaign) == 1

    # the thread: what was sent, then what they answered
    thread = services.replies.thread(stop)
    assert [(e.outgoing, e.body) for e in thread] == [(True, "Soldes -20%"), (False, "STOP")]

    # a later campaign leaves the stopped number out and says how many
    later = services.campaigns.create(
        CampaignRequest(body="Encore", receivers=[stop, other], sender="ACME")
    )
    assert (later.messages, later.stopped) == (1, 1)

    # off the stop list only with a reason, kept with the entry it ended
    with pytest.raises(ConsentRequired):
        services.recipients.stop_list.remove([stop], reason="  ")
    assert services.recipients.stop_list.remove([stop], reason="opt-in form 2026-12-01") == 1
    (release,) = services.recipients.stop_list.releases(stop)
    assert release.reason == "opt-in form 2026-12-01"
    assert release.stop_reason == entry.reason and release.stopped_at == entry.added_at


@pytest.fixture
def ovh_services(ovh_peer: Any, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv("OVH_ENDPOINT", ovh_peer.url)
    monkeypatch.setenv("OVH_APPLICATION_KEY", ovh_peer.application_key)
    monkeypatch.setenv("OVH_APPLICATION_SECRET", ovh_peer.application_secret)
    monkeypatch.setenv("OVH_CONSUMER_KEY", ovh_peer.consumer_key)
    monkeypatch.setenv("SMSDESK_OVH_SERVICE", ovh_peer.service)
    services = build_services(db_url)
    yield services
    services.close()


def test_ovh_incoming_and_blacklist_stops(ovh_peer: Any, ovh_services: Services) -> None:
    blacklisted, answered, thanks = "+33622220001", "+33622220002", "+33622220003"
    campaign = send_now(ovh_services, [blacklisted, answered, thanks], "ovh")
    sent = {a.receiver: a.id for a in ovh_peer.accepted}
    ovh_peer.blacklist(blacklisted, answered=sent[blacklisted])  # OVH filed the STOP
    ovh_peer.receive(answered, "Arrêt svp")
    ovh_peer.receive(thanks, "merci")
    dispatcher = ovh_services.new_dispatcher()
    try:
        assert dispatcher.replies.collect() == CollectReport(3, 2)
        before = len(ovh_peer.calls)
        assert dispatcher.replies.collect() == CollectReport(0, 0)
        # known replies are not read again: only the two listings
        assert len(ovh_peer.calls) - before == 2
    finally:
        dispatcher.close()
    replies = {r.sender: r for r in ovh_services.replies.replies()}
    assert {s: (r.is_stop, r.campaign_id) for s, r in replies.items()} == {
        blacklisted: (True, campaign),
        answered: (True, campaign),
        thanks: (False, campaign),
    }
    stopped = ovh_services.recipients.stop_list.stopped_among([blacklisted, answered, thanks])
    assert stopped == {blacklisted, answered}


@pytest.fixture
def smpp_services(
    smpp_peer: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Services]:
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMSDESK_SMPP_PORT", str(smpp_peer.port))
    monkeypatch.setenv("SMSDESK_SMPP_SYSTEM_ID", smpp_peer.system_id)
    monkeypatch.setenv("SMSDESK_SMPP_PASSWORD", smpp_peer.password)
    services = build_services(db_url)
    yield services
    services.close()


def test_smpp_mobile_originated_stop(smpp_peer: Any, smpp_services: Services) -> None:
    stopper, thanks = "+33633330001", "+33633330002"
    provider = smpp_services.provider("smpp")
    campaign = send_now(smpp_services, [stopper, thanks], "smpp")
    smpp_peer.mo(stopper, "ARRÊT")  # UCS-2 on the link
    smpp_peer.mo(thanks, "Oui merci")  # GSM-7
    dispatcher = DispatcherService(smpp_services.sessions, lambda _name: provider)
    try:
        collect_until(smpp_services, dispatcher, 2)
    finally:
        dispatcher.close()
        provider.close()
    replies = {r.sender: r for r in smpp_services.replies.replies()}
    assert {s: (r.body, r.is_stop, r.campaign_id) for s, r in replies.items()} == {
        stopper: ("ARRÊT", True, campaign),
        thanks: ("Oui merci", False, campaign),
    }
    assert smpp_services.recipients.stop_list.stopped_among([stopper, thanks]) == {stopper}


def test_replies_and_report_on_postgresql(postgres_url: str) -> None:
    """The same SQL on PostgreSQL: replies, stop list, threads and the report."""
    services = build_services(postgres_url)
    try:
        stop, thanks, other = "+33644440042", "+33644440043", "+33644440005"
        campaign = send_now(services, [stop, thanks, other], "simulator")
        dispatcher = services.new_dispatcher()
        try:
            collect_until(services, dispatcher, 2)
        finally:
            dispatcher.close()
        assert services.recipients.stop_list.stopped_among([stop, thanks]) == {stop}
        threads = {t.sender: t.stopped for t in services.replies.threads()}
        assert threads == {stop: True, thanks: False}
        report = services.results.report(campaign)
        assert (report.recipients, report.delivered, report.failed, report.stopped) == (3, 2, 1, 1)
        assert [(f.ptt, f.count) for f in report.failures] == [(5, 1)]
        assert len(services.results.timeline(campaign)[1]) >= 1
    finally:
        services.close()
