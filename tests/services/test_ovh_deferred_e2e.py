"""Issue 11, item 2, end to end: two deferred OVH campaigns with the same text and the
same receivers, the second one's answer lost. CampaignService -> DispatcherService ->
ReceiptService on a real SQLite file, the OVH API peer on 127.0.0.1."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

# The end-to-end suite's clock and OVH fixtures (pytest puts tests/services on sys.path).
from test_gateways_e2e import Clock, clock, ovh_services  # noqa: F401

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService

RECEIVERS = [f"+3364{i:07d}" for i in range(40)]


def by_campaign(services: Services, campaign_id: int) -> list[tuple[str, str, str | None]]:
    with services.sessions() as session:
        return [
            (receiver, status, ref)
            for receiver, status, ref in session.execute(
                select(Message.receiver, Message.status, Message.provider_ref)
                .where(Message.campaign_id == campaign_id)
                .order_by(Message.id)
            )
        ]


def test_two_identical_deferred_campaigns_one_answer_lost_each_sent_once_and_cancellable(
    ovh_peer: Any,
    ovh_services: Services,  # noqa: F811
    clock: Clock,  # noqa: F811
) -> None:
    at = datetime.now(UTC) + timedelta(hours=3)

    def plan(**faults: Any) -> None:
        peer_module = sys.modules[type(ovh_peer).__module__]
        ovh_peer.fault_plan = peer_module.OvhFaults(**faults) if faults else None

    def campaign() -> int:
        return ovh_services.campaigns.create(
            CampaignRequest(
                body="Soldes demain",
                receivers=RECEIVERS,
                sender="ACME",
                provider="ovh",
                scheduled_at=at,
                provider_deferred=True,
            )
        ).id

    dispatcher = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    try:
        first = campaign()
        dispatcher.dispatch_due()
        second = campaign()
        # the second batch reaches OVH, its answer does not
        plan(lose_answer=1.0, methods=frozenset({"POST"}), routes=("/sms/*/batches",))
        report = dispatcher.dispatch_due()
        assert report.submitted == 0 and report.retried == 40
        plan()
        for _ in range(3):
            clock.advance(minutes=20)
            dispatcher.dispatch_due()
    finally:
        dispatcher.close()

    # 80 SMS at OVH for 80 intended; each message points at its own campaign's batch.
    assert len(ovh_peer.accepted) == 80
    assert Counter(a.receiver for a in ovh_peer.accepted) == Counter(RECEIVERS * 2)
    assert ovh_peer.count_calls("POST", "/sms/*/batches") == 2
    state = ovh_peer.services[ovh_peer.service]
    batch_of = {b["name"]: b["id"] for b in state.batches.values()}
    refs = {}
    for campaign_id in (first, second):
        found = by_campaign(ovh_services, campaign_id)
        assert {status for _, status, _ in found} == {MessageStatus.SUBMITTED}
        refs[campaign_id] = {ref.split(":")[1] for _, _, ref in found if ref}
    assert len(refs[first]) == len(refs[second]) == 1
    assert refs[first] != refs[second] and refs[first] | refs[second] == set(batch_of.values())

    # Cancelling the second campaign reaches its 40 SMS at OVH, and only those.
    ovh_services.campaigns.cancel(second)
    [second_batch] = refs[second]
    [first_batch] = refs[first]
    assert state.batches[second_batch]["status"] == "CANCELED"
    assert list(state.batch_sms) == [first_batch] and len(state.batch_sms[first_batch]) == 40
    assert {status for _, status, _ in by_campaign(ovh_services, second)} == {
        MessageStatus.CANCELLED
    }

    # The first one goes out at its time; its receipts come back through the batch refs.
    ovh_peer.release_jobs()
    clock.now = at + timedelta(seconds=1)  # the gateway sends them at their instant
    receipts = DispatcherService(ovh_services.sessions, ovh_services.provider, clock=clock)
    try:
        for _ in range(3):
            receipts.receipts.poll()
            clock.advance(minutes=11)  # past the receipts' longest poll interval
    finally:
        receipts.close()
    assert {status for _, status, _ in by_campaign(ovh_services, first)} == {
        MessageStatus.DELIVERED
    }
