"""SMPP receipts are kept in the database before the SMSC is told we have them: a
dispatcher that dies after they arrived (and before any poll) loses none of them; the
next process, with a new connection, gives every message its verdict."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

from sqlalchemy import func, select

from smsdesk.app import Services, build_services
from smsdesk.db.models import Incoming, Message, PushedReceiptRow
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


CHILD = """
import os, sys, threading
from smsdesk.app import build_services
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.replies import ReplyService

stored = ReplyService.store_pushed

def store_then_die(self, name, replies):
    stored(self, name, replies)
    os._exit(17)  # killed after the reply is stored, before its deliver_sm_resp leaves

ReplyService.store_pushed = store_then_die
services = build_services(sys.argv[1])
dispatcher = DispatcherService(services.sessions, services.provider)
live = dispatcher.provider("smpp")
live.provider.start()
live.provider.wait_bound(10)
print("bound", flush=True)
threading.Event().wait(60)
"""


def incoming(services: Services) -> list[tuple[str, str, bool]]:
    with services.sessions() as session:
        return [
            (r.sender, r.body, r.is_stop)
            for r in session.scalars(select(Incoming).order_by(Incoming.id))
        ]


def test_a_reply_is_stored_before_its_ack_and_survives_a_kill_in_between(
    smpp_peer: Any, smpp_services: Services
) -> None:
    url = smpp_services.engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "bound"
        acked = smpp_peer.state(messages=False)["receipts_acked"]
        smpp_peer.mo("+33644440042", "Stop")
        assert child.wait(timeout=30) == 17, child.stderr.read() if child.stderr else ""
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    # stored by the process that died, never acknowledged: the SMSC still holds it
    assert incoming(smpp_services) == [("+33644440042", "Stop", True)]
    assert smpp_services.recipients.stop_list.stopped_among(["+33644440042"]) == {"+33644440042"}
    assert smpp_peer.state(messages=False)["receipts_acked"] == acked

    # the next process binds: the SMSC delivers the reply again, it is acknowledged now,
    # and stored once (the same number and words, just after the stored one)
    second = DispatcherService(smpp_services.sessions, smpp_services.provider)
    try:
        live: Any = second.provider("smpp")
        live.provider.start()
        pause = threading.Event()
        for _ in range(200):
            if smpp_peer.state(messages=False)["receipts_acked"] > acked:
                break
            pause.wait(0.05)
        assert smpp_peer.state(messages=False)["receipts_acked"] == acked + 1
        assert second.replies.collect().received == 0
    finally:
        second.close()
    assert incoming(smpp_services) == [("+33644440042", "Stop", True)]
