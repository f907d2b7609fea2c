"""The gateway secrets (OVH application secret and consumer key, SMPP password), right
and wrong ones, go to the keyring and to the gateways only: never to the database file,
its WAL, the log (at DEBUG), an export, an error message or a repr."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from smsdesk.app import build_services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.gateways import OvhForm, SmppForm
from smsdesk.services.history import HistoryFilter

WRONG_SECRET = "wrong-app-secret-93b1e0"
WRONG_CONSUMER_KEY = "wrong-consumer-key-4f2a7d"
WRONG_PASSWORD = "bad9pw71"


def settle(dispatcher: DispatcherService, services: Any, clock: list[datetime]) -> None:
    """Send what is due and collect the receipts (bounded; SMPP receipts are pushed)."""
    pause = threading.Event()
    for _ in range(1500):
        dispatcher.dispatch_due()
        dispatcher.receipts.poll()
        with services.sessions() as session:
            # a paused campaign's messages wait for a resume (next_attempt_at NULL)
            waiting = session.scalar(
                select(func.count()).where(
                    Message.status.in_([MessageStatus.SUBMITTING, MessageStatus.SUBMITTED])
                    | (
                        (Message.status == MessageStatus.QUEUED)
                        & Message.next_attempt_at.is_not(None)
                    )
                )
            )
        if not waiting:
            return
        clock[0] += timedelta(minutes=20)
        pause.wait(0.02)
    raise AssertionError("messages left unsettled")


def test_secrets_never_leak(
    ovh_peer: Any,
    smpp_peer: Any,
    db_url: str,
    tmp_path: Path,
    memory_keyring: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    used = [ovh_peer.application_secret, ovh_peer.consumer_key, smpp_peer.password]
    wrong = [WRONG_SECRET, WRONG_CONSUMER_KEY, WRONG_PASSWORD]
    services = build_services(db_url)
    gateways = services.gateways
    # ahead of the campaigns created below, so that they are due at once
    clock = [datetime.now(UTC) + timedelta(minutes=5)]
    dispatcher = DispatcherService(services.sessions, services.provider, clock=lambda: clock[0])
    said: list[str] = []  # every message shown to the user, and every repr

    # OVH entered in Settings with a wrong secret first: the campaign pauses, with OVH's
    # words (and none of the secrets) as its reason.
    ovh_form = OvhForm(
        endpoint=ovh_peer.url,
        application_key=ovh_peer.application_key,
        service=ovh_peer.service,
        application_secret=WRONG_SECRET,
        consumer_key=ovh_peer.consumer_key,
    )
    assert gateways.save_ovh(ovh_form).not_stored == ()
    refused = services.campaigns.create(
        CampaignRequest(body="Essai", receivers=["+33611119999"], sender="ACME", provider="ovh")
    )
    settle(dispatcher, services, clock)
    paused = services.campaigns.pause_reason(refused.id)
    assert paused is not None and "signature" in paused.lower()
    said.append(paused)
    said.append(gateways.test_connection("ovh").message)
    said.append(
        gateways.test_ovh(
            OvhForm(
                ovh_peer.url, ovh_peer.application_key, ovh_peer.service, "", WRONG_CONSUMER_KEY
            )
        ).message
    )
    # then the right one: the running dispatcher's provider follows the save
    assert (
        gateways.save_ovh(
            OvhForm(
                ovh_peer.url,
                ovh_peer.application_key,
                ovh_peer.service,
                application_secret=ovh_peer.application_secret,
            )
        ).not_stored
        == ()
    )
    services.campaigns.resume(refused.id)  # the settings are fixed: the rest goes out
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)
    services.campaigns.create(
        CampaignRequest(
            body="Bonjour",
            receivers=[f"+3361111{i:04d}" for i in range(20)],
            sender="ACME",
            provider="ovh",
        )
    )
    settle(dispatcher, services, clock)
    said.append(gateways.test_connection("ovh").message)

    # SMPP: a wrong password, then the right one.
    smpp_form = SmppForm("127.0.0.1", smpp_peer.port, smpp_peer.system_id, WRONG_PASSWORD)
    said.append(gateways.test_smpp(smpp_form).message)
    assert (
        gateways.save_smpp(
            SmppForm("127.0.0.1", smpp_peer.port, smpp_peer.system_id, smpp_peer.password)
        ).not_stored
        == ()
    )
    smpp_peer.inject(throttle=3)
    services.campaigns.create(
        CampaignRequest(
            body="Salut",
            receivers=[f"+3361112{i:04d}" for i in range(20)],
            sender="ACME",
            provider="smpp",
        )
    )
    settle(dispatcher, services, clock)
    said.append(gateways.test_connection("smpp").message)
    said += [
        repr(ovh_form),
        repr(smpp_form),
        repr(gateways.ovh_config()),
        repr(gateways.smpp_config()),
        repr(gateways.ovh_settings()),
        repr(gateways.smpp_settings()),
    ]

    # the secrets really were used: the gateways took the messages
    with services.sessions() as session:
        statuses = dict(session.execute(select(Message.receiver, Message.status)).all())
    # paused on the wrong secret, sent once resumed with the right one (the peer reports
    # numbers ending 99 undelivered: it reached the gateway)
    assert statuses["+33611119999"] == MessageStatus.FAILED
    assert [a.receiver for a in ovh_peer.accepted].count("+33611119999") == 1
    assert sum(1 for s in statuses.values() if s == MessageStatus.DELIVERED) == 40
    assert "Invalid signature" in said[0]  # the pause reason
    assert "Invalid signature" in said[1]
    assert "This credential does not exist" in said[2]
    assert "ESME_RINVPASWD" in said[4]
    assert memory_keyring.store[("smsdesk", "OVH_APPLICATION_SECRET")] == used[0]

    export = tmp_path / "export.csv"
    assert services.history.export_csv(HistoryFilter(), export) == 41
    database = Path(db_url.removeprefix("sqlite:///"))
    wal = database.with_name(database.name + "-wal")
    blobs = {
        "database": database.read_bytes(),
        "wal": wal.read_bytes() if wal.exists() else b"",
        "export": export.read_bytes(),
        "log": caplog.text.encode(),
        "messages": "\n".join(said).encode(),
    }
    dispatcher.close()
    services.close()
    blobs["database after close"] = database.read_bytes()
    assert blobs["log"]  # the capture did see the gateways' and the dispatcher's logging
    for secret in [*used, *wrong]:
        for where, blob in blobs.items():
            for encoded in (secret.encode(), secret.encode("utf-16-le")):
                assert encoded not in blob, f"a secret is in the {where}"
