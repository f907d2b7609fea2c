"""The fault campaign's machinery: real `smsdesk dispatch --forever` processes on one
PostgreSQL database, killed at random, two at once (one of them on a host whose clock runs
6 minutes ahead, through libfaketime), against a peer that misbehaves on a seeded plan.

Used by tests/faults/test_fault_campaign.py (5,000 messages, in CI) and
benchmarks/faults.py (50,000). Everything is bounded: the chaos phase by its budget, the
settling phase by a number of rounds; every process started is ended.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Message, utcnow
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import Provider
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.dispatcher import DispatcherService

SKEW = "+6m"  # the second host's clock
# Leases far shorter than the 90 s default, so that the kills' claims lapse within the test
# (the settling phase waits for them to run out), yet long enough that a live dispatcher on
# this loaded 2-core machine always renews in time (every lease/3): 4 s was not, and a
# claim lapsing under a live owner is the one way two dispatchers both send a batch.
LEASE_SECONDS = 12
RECHECK_SECONDS = 8  # after a recovery found a batch absent: ask again this much later
OPEN_STATUSES = (MessageStatus.QUEUED, MessageStatus.SUBMITTING, MessageStatus.SUBMITTED)
FAKETIME_LIBS = (
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/faketime/libfaketime.so.1",
)


def pause(seconds: float) -> None:
    """Pace the chaos (never used to wait for a result: those are polled)."""
    threading.Event().wait(seconds)


def faketime_library() -> str | None:
    return next((lib for lib in FAKETIME_LIBS if Path(lib).exists()), None)


@dataclass(frozen=True)
class ChaosPlan:
    seed: int
    budget_seconds: float = 40.0  # how long dispatchers are killed and restarted
    kill_every: tuple[float, float] = (0.4, 2.0)  # seconds between two kills, drawn
    batch_size: int = 50


@dataclass
class ChaosReport:
    started: int = 0
    killed: int = 0
    skewed_started: int = 0
    settle_rounds: int = 0
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    received: Counter[str] = field(default_factory=Counter)  # receiver -> times received

    @property
    def duplicates(self) -> int:
        return sum(count - 1 for count in self.received.values() if count > 1)


class Dispatchers:
    """The dispatcher processes of one run; `kill_one` SIGKILLs one and starts its heir."""

    def __init__(self, db_url: str, env: dict[str, str], log_dir: Path, batch_size: int):
        self._db_url = db_url
        self._env = {
            **env,
            "SMSDESK_LEASE_SECONDS": str(LEASE_SECONDS),
            "SMSDESK_RECHECK_SECONDS": str(RECHECK_SECONDS),
        }
        self._log_dir = log_dir
        self._batch_size = batch_size
        self._running: list[tuple[subprocess.Popen[bytes], bool]] = []
        self.started = self.killed = self.skewed_started = 0

    def start(self, *, skewed: bool) -> None:
        env = dict(self._env)
        if skewed:
            lib = faketime_library()
            assert lib is not None, "libfaketime is needed for the skewed dispatcher"
            env.update(
                LD_PRELOAD=lib,
                FAKETIME=SKEW,
                FAKETIME_DONT_FAKE_MONOTONIC="1",
                FAKETIME_NO_CACHE="1",
            )
            self.skewed_started += 1
        self.started += 1
        log = (self._log_dir / f"dispatcher-{self.started}.log").open("wb")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "smsdesk",
                "--db",
                self._db_url,
                "-v",
                "dispatch",
                "--forever",
                "--batch-size",
                str(self._batch_size),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self._running.append((process, skewed))

    def kill_one(self, rng: random.Random) -> None:
        index = rng.randrange(len(self._running))
        process, skewed = self._running.pop(index)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        self.killed += 1
        self.start(skewed=skewed)

    def stop_all(self, *, kill: bool) -> None:
        for process, _ in self._running:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        for process, _ in self._running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        self._running.clear()


@contextmanager
def dispatchers(
    db_url: str, env: dict[str, str], log_dir: Path, batch_size: int
) -> Iterator[Dispatchers]:
    group = Dispatchers(db_url, env, log_dir, batch_size)
    try:
        yield group
    finally:
        group.stop_all(kill=True)


def status_counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return {
            str(status): int(count)
            for status, count in session.execute(
                select(Message.status, func.count()).group_by(Message.status)
            )
        }


def open_count(sessions: sessionmaker[Session]) -> int:
    counts = status_counts(sessions)
    return sum(counts.get(status, 0) for status in OPEN_STATUSES)


def run_chaos(
    plan: ChaosPlan,
    *,
    db_url: str,
    env: dict[str, str],
    log_dir: Path,
    sessions: sessionmaker[Session],
    faults_on: Callable[[random.Random], None],
    faults_off: Callable[[], None],
    received: Callable[[], Counter[str]],
    settle: Callable[[], int],
) -> ChaosReport:
    """Chaos for `plan.budget_seconds`, then faults off, every dispatcher killed, and a
    calm `settle()` (returns its rounds) until nothing is open."""
    rng = random.Random(plan.seed)
    report = ChaosReport()
    began = time.monotonic()
    faults_on(rng)
    with dispatchers(db_url, env, log_dir, plan.batch_size) as group:
        group.start(skewed=False)
        group.start(skewed=True)
        deadline = began + plan.budget_seconds
        while time.monotonic() < deadline and open_count(sessions):
            gap = rng.uniform(*plan.kill_every)
            pause(min(gap, max(0.0, deadline - time.monotonic())))
            group.kill_one(rng)
        group.stop_all(kill=True)
        report.started, report.killed = group.started, group.killed
        report.skewed_started = group.skewed_started
    faults_off()
    report.settle_rounds = settle()
    report.seconds = time.monotonic() - began
    report.statuses = status_counts(sessions)
    report.received = received()
    return report


def last_lease(sessions: sessionmaker[Session]) -> datetime | None:
    """When the last lease on any message runs out (claims, and waits after a recovery)."""
    with sessions() as session:
        return session.scalar(select(func.max(Message.lease_until)))


def settle_calmly(
    sessions: sessionmaker[Session], provider: Callable[[str], Provider], rounds: int = 40
) -> int:
    """After the chaos, one calm dispatcher in this process: it waits for the dead ones'
    leases to run out (on the database's clock), recovers, sends the rest and reads the
    receipts. Its own clock moves 16 minutes a round, past the longest retry backoff and
    receipt poll interval, so they come due without waiting for them (and it stays within
    the hour by which OVH's bulk receipt listing may trust our clock); returns the rounds it
    took."""
    minutes_ahead = 0

    def clock() -> datetime:
        return utcnow() + timedelta(minutes=minutes_ahead)

    dispatcher = DispatcherService(
        sessions,
        provider,
        clock=clock,
        lease_seconds=LEASE_SECONDS,
        recheck_after=timedelta(seconds=RECHECK_SECONDS),
    )
    try:
        for done in range(1, rounds + 1):
            expiry = last_lease(sessions)
            for _ in range((LEASE_SECONDS + RECHECK_SECONDS) * 4 + 40):
                if expiry is None or dispatcher.db_now() >= expiry:
                    break
                pause(0.25)
            dispatcher.recover()
            dispatcher.dispatch_due()
            dispatcher.receipts.poll()
            if not open_count(sessions):
                return done
            minutes_ahead += 16
            pause(0.2)  # receipts pushed by the SMSC reach us between rounds
        return rounds
    finally:
        dispatcher.close()


@dataclass
class Peer:
    """What the chaos needs of a gateway: the dispatchers' environment, its faults, and
    its own record of what it received (receiver -> times)."""

    env: dict[str, str]
    faults_on: Callable[[random.Random], None]
    faults_off: Callable[[], None]
    received: Callable[[], Counter[str]]
    explain: Callable[[str], str] = lambda receiver: ""  # the peer's record of a receiver


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

    def explain(receiver: str) -> str:
        return str([(a.id, a.tag, a.batch_id) for a in server.accepted if a.receiver == receiver])

    return Peer(env, on, off, received, explain)


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
        # the SMSC sees international numbers without their "+" (TON international)
        return Counter("+" + m["dest"].lstrip("+") for m in state["messages"])

    return Peer(env, on, off, received)


def have_faketime() -> bool:
    return faketime_library() is not None and shutil.which("true") is not None


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SMSDESK_PROVIDER", None)
    return env


@dataclass(frozen=True)
class CampaignOutcome:
    """What a fault campaign left, per receiver and per message."""

    report: ChaosReport
    messages: int
    statuses: dict[str, int]
    not_settled: list[tuple[str, str]]  # (receiver, status) neither final nor unknown
    unknown_without_reason: int
    delivered_not_received: int  # smsdesk says delivered, the peer never got it
    lost: int  # receivers the peer never got and smsdesk shows no failure for

    def figures(self) -> dict[str, object]:
        received = self.report.received
        return {
            "messages": self.messages,
            "sent_once": sum(1 for count in received.values() if count == 1),
            "duplicates": self.report.duplicates,
            "unknown": self.statuses.get(str(MessageStatus.UNKNOWN), 0),
            "lost": self.lost,
            "not_settled": len(self.not_settled),
            "statuses": self.statuses,
            "dispatchers_started": self.report.started,
            "dispatchers_killed": self.report.killed,
            "skewed_dispatchers": self.report.skewed_started,
            "settle_rounds": self.report.settle_rounds,
            "seconds": round(self.report.seconds, 1),
        }


def fault_campaign(
    peer: Peer,
    *,
    db_url: str,
    messages: int,
    plan: ChaosPlan,
    log_dir: Path,
) -> CampaignOutcome:
    """Create one campaign of `messages` distinct receivers through `peer`, run the chaos
    and the calm settling, and read back what became of every message. The caller has
    put `peer.env` in this process's environment (the settling dispatcher builds its
    provider from it)."""
    from smsdesk.app import build_services
    from smsdesk.services.campaigns import CampaignRequest

    services = build_services(db_url)
    try:
        receivers = [f"+3361{i:07d}" for i in range(1_000_000, 1_000_000 + messages)]
        services.campaigns.create(
            CampaignRequest(
                body="Bonjour, votre colis arrive",
                receivers=receivers,
                provider=peer.env["SMSDESK_PROVIDER"],
            )
        )
        env = {**base_env(), **peer.env}
        report = run_chaos(
            plan,
            db_url=db_url,
            env=env,
            log_dir=log_dir,
            sessions=services.sessions,
            faults_on=peer.faults_on,
            faults_off=peer.faults_off,
            received=peer.received,
            settle=lambda: settle_calmly(services.sessions, services.provider),
        )
        with services.sessions() as session:
            rows = session.execute(select(Message.receiver, Message.status, Message.error)).all()
    finally:
        services.close()
    final = {str(s) for s in MessageStatus if s.is_final}
    failed_kinds = {str(MessageStatus.FAILED), str(MessageStatus.EXPIRED)}
    received = report.received
    return CampaignOutcome(
        report=report,
        messages=len(rows),
        statuses=status_counts_of(rows),
        not_settled=[(r, s) for r, s, _ in rows if s not in final],
        unknown_without_reason=sum(
            1 for _, s, error in rows if s == MessageStatus.UNKNOWN and not error
        ),
        delivered_not_received=sum(
            1 for r, s, _ in rows if s == MessageStatus.DELIVERED and r not in received
        ),
        lost=sum(
            1
            for r, s, _ in rows
            if r not in received
            and s not in failed_kinds
            and s not in (MessageStatus.UNKNOWN, MessageStatus.CANCELLED)
        ),
    )


def status_counts_of(rows: list[Any]) -> dict[str, int]:
    return dict(Counter(str(status) for _, status, _ in rows))
