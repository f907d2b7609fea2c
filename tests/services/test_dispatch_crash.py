"""SIGKILL a real `smsdesk dispatch` process mid-campaign, restart it, and count what the
simulated gateway received: every message exactly once, none silently dropped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from smsdesk.app import build_services
from smsdesk.db.models import Message
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.campaigns import CampaignRequest

MESSAGES = 300
BATCH = 20


def _dispatch(db_url: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "smsdesk",
            "--db",
            db_url,
            "-v",
            "dispatch",
            "--once",
            "--batch-size",
            str(BATCH),
            "--receipt-wait",
            "5",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_mid_campaign_then_restart(db_url: str, tmp_path: Path):
    ledger_path = tmp_path / "ledger.sqlite3"
    services = build_services(db_url)
    receivers = [f"+3361234{i:04d}" for i in range(1000, 1000 + MESSAGES)]
    services.campaigns.create(CampaignRequest(body="Bonjour", receivers=receivers))

    # a short lease: the survivor waits for the victim's claim to lapse before settling it
    env = {
        **os.environ,
        "SMSDESK_SIM_LEDGER": str(ledger_path),
        "SMSDESK_SIM_DELAY": "0",
        "SMSDESK_LEASE_SECONDS": "2",
    }
    # the gateway holds its answer 30 s: the kill lands after it received the batch and
    # before the dispatcher could record the answer, the hardest moment
    victim = _dispatch(db_url, {**env, "SMSDESK_SIM_SUBMIT_DELAY": "30"})
    assert victim.stderr is not None
    received_batches = 0
    for line in victim.stderr:
        if "simulator received batch" in line:
            received_batches += 1
            break
    assert received_batches == 1, "the dispatcher never reached the gateway"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=10)
    assert victim.returncode == -signal.SIGKILL

    with services.sessions() as session:
        in_flight = session.scalar(select(func.count()).where(Message.status == "submitting"))
    assert in_flight == BATCH  # claimed, handed over, answer lost

    survivor = _dispatch(db_url, env)
    out, err = survivor.communicate(timeout=120)
    assert survivor.returncode == 0, err
    assert f"after an interruption: {BATCH} confirmed sent, 0 queued again, 0 unknown" in out

    counts = SimulatorProvider(ledger_path).received_count_by_message()
    assert len(counts) == MESSAGES
    assert set(counts.values()) == {1}
    with services.sessions() as session:
        statuses = dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )
    assert statuses == {"delivered": MESSAGES}
    services.close()
