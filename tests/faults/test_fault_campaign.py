"""The fault campaign (issue "Trust"): 5,000 messages through each gateway while
dispatchers are killed at random, two run at once (one on a clock 6 minutes ahead), and the
peer loses answers, fails, throttles, drops the link and stays silent. Whatever happens,
for every receiver: received at most once, and every message final or `unknown` with a
reason. Seeded and bounded; PostgreSQL (the team set-up, where host clocks can differ)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from chaos import ChaosPlan, ChaosReport, base_env, faketime_library, run_chaos, settle_calmly
from sqlalchemy import select
from tooling import missing_tool

from smsdesk.app import build_services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest

MESSAGES = 5_000
SEED = 20261201
FINAL_OR_UNKNOWN = {str(s) for s in MessageStatus if s.is_final}


@dataclass
class Peer:
    """What the chaos needs of a gateway: the dispatchers' environment, its faults, and
    its own record of what it received (receiver -> times)."""

    env: dict[str, str]
    faults_on: Callable[[random.Random], None]
    faults_off: Callable[[], None]
    received: Callable[[], Counter[str]]


@pytest.fixture
def need_faketime() -> None:
    if faketime_library() is None:
        missing_tool("libfaketime is not installed (apt-get install faketime)")


def simulator_peer(tmp_path: Path) -> Peer:
    ledger = tmp_path / "ledger.sqlite3"
    SimulatorProvider(ledger).close()
    env = {
        "SMSDESK_PROVIDER": "simulator",
        "SMSDESK_SIM_LEDGER": str(ledger),
        "SMSDESK_SIM_DELAY": "0",
        # the answer takes its time coming back: kills land between receipt and record
        "SMSDESK_SIM_SUBMIT_DELAY": "0.2",
    }

    def received() -> Counter[str]:
        import sqlite3

        with sqlite3.connect(ledger) as conn:
            return Counter(r for (r,) in conn.execute("SELECT receiver FROM received"))

    return Peer(env, lambda rng: None, lambda: None, received)


def ovh_peer_for_chaos(server: Any) -> Peer:
    import sys

    faults_class = sys.modules[type(server).__module__].OvhFaults
    env = {
        "SMSDESK_PROVIDER": "ovh",
        "OVH_ENDPOINT": server.url,
        "OVH_APPLICATION_KEY": server.application_key,
        "OVH_APPLICATION_SECRET": server.application_secret,
        "OVH_CONSUMER_KEY": server.consumer_key,
        "SMSDESK_OVH_SERVICE": server.service,
    }

    def on(rng: random.Random) -> None:
        server.fault_plan = faults_class(
            seed=rng.randrange(1 << 30),
            lose_answer=0.04,
            error_5xx=0.04,
            throttle_429=0.04,
            silence=0.01,
            slow=0.05,
            slow_seconds=0.3,
            silence_seconds=2.0,
            retry_after=1,
        )

    def off() -> None:
        server.fault_plan = None

    def received() -> Counter[str]:
        return Counter(a.receiver for a in server.accepted)

    return Peer(env, on, off, received)


def smpp_peer_for_chaos(peer: Any) -> Peer:
    env = {
        "SMSDESK_PROVIDER": "smpp",
        "SMSDESK_SMPP_HOST": "127.0.0.1",
        "SMSDESK_SMPP_PORT": str(peer.port),
        "SMSDESK_SMPP_SYSTEM_ID": peer.system_id,
        "SMSDESK_SMPP_PASSWORD": peer.password,
    }

    def on(rng: random.Random) -> None:
        peer.inject(
            plan={
                "seed": rng.randrange(1 << 30),
                "rates": {
                    "throttle": 0.03,
                    "msgqful": 0.02,
                    "generic_nack": 0.02,
                    "silent": 0.002,
                    "lost_answer": 0.003,
                    "slow": 0.03,
                    "drop": 0.002,
                    "unbind": 0.001,
                },
                "slow_ms": 200,
            }
        )

    def off() -> None:
        peer.inject(plan=None)

    def received() -> Counter[str]:
        state = peer.state()
        return Counter(m["dest"] for m in state["messages"])

    return Peer(env, on, off, received)


@pytest.fixture(params=["simulator", "ovh", "smpp"])
def chaos_peer(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Peer]:
    if request.param == "simulator":
        yield simulator_peer(tmp_path)
    elif request.param == "ovh":
        yield ovh_peer_for_chaos(request.getfixturevalue("ovh_peer"))
    else:
        yield smpp_peer_for_chaos(request.getfixturevalue("smpp_peer"))


def campaign_receivers(count: int) -> list[str]:
    # distinct mobiles that the peers deliver (no failure endings): one message each
    return [f"+3361{i:07d}" for i in range(1_000_000, 1_000_000 + count)]


def test_every_receiver_at_most_once_and_every_message_settled(
    chaos_peer: Peer,
    postgres_url: str,
    tmp_path: Path,
    need_faketime: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in chaos_peer.env.items():
        monkeypatch.setenv(name, value)
    services = build_services(postgres_url)
    receivers = campaign_receivers(MESSAGES)
    services.campaigns.create(
        CampaignRequest(
            body="Bonjour, votre colis arrive",
            receivers=receivers,
            provider=chaos_peer.env["SMSDESK_PROVIDER"],
        )
    )
    env = {**base_env(), **chaos_peer.env}
    logs = tmp_path / "logs"
    logs.mkdir()
    report: ChaosReport = run_chaos(
        ChaosPlan(seed=SEED, budget_seconds=35.0),
        db_url=postgres_url,
        env=env,
        log_dir=logs,
        sessions=services.sessions,
        faults_on=chaos_peer.faults_on,
        faults_off=chaos_peer.faults_off,
        received=chaos_peer.received,
        settle=lambda: settle_calmly(services.sessions, services.provider),
    )
    assert report.killed > 0 and report.skewed_started > 0  # the chaos really happened
    assert report.duplicates == 0, report.received.most_common(5)
    assert set(report.received) <= set(receivers)
    with services.sessions() as session:
        rows = session.execute(select(Message.receiver, Message.status, Message.error)).all()
    services.close()
    assert len(rows) == MESSAGES
    not_settled = [(r, s) for r, s, _ in rows if s not in FINAL_OR_UNKNOWN]
    assert not not_settled, (len(not_settled), not_settled[:5], report.statuses)
    failed = Counter(error for _, status, error in rows if status == MessageStatus.FAILED)
    print(
        f"chaos: {report.started} dispatchers ({report.skewed_started} skewed), "
        f"{report.killed} killed, {report.settle_rounds} settle rounds, "
        f"{report.seconds:.0f} s; {report.statuses}; failures {failed.most_common(5)}"
    )
    assert all(error for _, status, error in rows if status == MessageStatus.UNKNOWN)
    delivered = {r for r, s, _ in rows if s == MessageStatus.DELIVERED}
    # what smsdesk calls delivered, the peer received: none is made up
    assert delivered <= set(report.received)
