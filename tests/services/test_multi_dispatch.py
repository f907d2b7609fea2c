"""Several real `smsdesk dispatch` processes on one database and one campaign: the
simulated gateway (its ledger shared by all of them) receives each message exactly once.
PostgreSQL shares the work with FOR UPDATE SKIP LOCKED; SQLite with its write lock."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from smsdesk.app import build_services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest

SENT = re.compile(r"^sent (\d+), failed (\d+)")


def _receivers(count: int) -> list[str]:
    # none ends with one of the simulator's failure suffixes (0005, 0020, ...): 9xxx only
    return [f"+336{i // 1000:04d}{9000 + i % 1000:04d}" for i in range(count)]


def _run_dispatchers(db_url: str, ledger: Path, processes: int, messages: int) -> list[int]:
    services = build_services(db_url)
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour à tous", receivers=_receivers(messages))
    )
    assert created.messages == messages
    env = {**os.environ, "SMSDESK_SIM_LEDGER": str(ledger), "SMSDESK_SIM_DELAY": "0"}
    command = [sys.executable, "-m", "smsdesk", "--db", db_url, "dispatch", "--once"]
    command += ["--batch-size", "250", "--receipt-wait", "0"]
    running = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(processes)
    ]
    sent: list[int] = []
    for process in running:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        match = SENT.match(out)
        assert match is not None, out
        assert match.group(2) == "0"
        sent.append(int(match.group(1)))
    counts = SimulatorProvider(ledger).received_count_by_message()
    assert len(counts) == messages
    assert set(counts.values()) == {1}, "a message reached the gateway twice"
    with services.sessions() as session:
        left = session.scalar(
            select(func.count()).where(Message.status.in_(["queued", "submitting"]))
        )
        assert left == 0
        assert session.scalar(select(Campaign.status)) == CampaignStatus.DONE
    services.close()
    assert sum(sent) == messages
    return sent


def test_three_dispatchers_on_postgresql(postgres_url: str, tmp_path: Path):
    sent = _run_dispatchers(postgres_url, tmp_path / "ledger.sqlite3", 3, 20_000)
    assert sum(1 for n in sent if n) >= 2, f"the work was not shared: {sent}"


def test_two_dispatchers_on_one_sqlite_file(db_url: str, tmp_path: Path):
    _run_dispatchers(db_url, tmp_path / "ledger.sqlite3", 2, 5_000)
