"""SMPP receipts are kept in the database before the SMSC is told we have them: a
dispatcher that dies after they arrived (and before any poll) loses none of them; the
next process, with a new connection, gives every message its verdict."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from smsdesk.app import Services, build_services
from smsdesk.db.models import Message, PushedReceiptRow
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService

LONG = "Offre spéciale € " + "x" * 170  # 2 GSM-7 parts: a verdict needs both receipts


def stored(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(PushedReceiptRow)) or 0)


def statuses(services: Services) -> dict[str, int]:
    with services.sessions() as session:
        return dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )


def test_receipts_that_arrived_before_a_crash_are_not_lost(
    smpp_peer: Any, smpp_services: Services
) -> None:
    receivers = [f"+3361234{i:04d}" for i in range(1000, 1010)]
    smpp_services.campaigns.create(CampaignRequest(body=LONG, receivers=receivers, provider="smpp"))
    first = DispatcherService(smpp_services.sessions, smpp_services.provider)
    report = first.dispatch_due()
    assert report.submitted == 10
    pause = threading.Event()
    for _ in range(400):  # 20 receipts (10 messages x 2 parts) pushed by the SMSC
        if stored(smpp_services) == 20:
            break
        pause.wait(0.05)
    assert stored(smpp_services) == 20
    state = smpp_peer.state(messages=False)
    assert state["receipts_acked"] == 20  # acknowledged: the SMSC will not send them again
    # the process dies here: no poll ever read them (its memory goes with it)
    first.provider("smpp").close()

    later = build_services(smpp_services.engine.url.render_as_string(hide_password=False))
    second = DispatcherService(later.sessions, later.provider)
    try:
        assert second.receipts.poll() == 10
    finally:
        second.close()
        later.close()
    assert statuses(smpp_services) == {MessageStatus.DELIVERED: 10}
    assert stored(smpp_services) == 0  # judged: the stored receipts are dropped
    first.close()
