"""The fault campaign (issue "Trust"): 5,000 messages through each gateway while
dispatchers are killed at random, two run at once (one on a clock 6 minutes ahead), and the
peer loses answers, fails, throttles, drops the link and stays silent. Whatever happens,
for every receiver: received at most once, and every message final or `unknown` with a
reason. Seeded and bounded; PostgreSQL (the team set-up, where host clocks can differ)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chaos import (
    ChaosPlan,
    Peer,
    faketime_library,
    fault_campaign,
    ovh_peer_for_chaos,
    simulator_peer,
    smpp_peer_for_chaos,
)
from tooling import missing_tool

MESSAGES = 5_000
SEED = 20261201


def explain_duplicates(peer: Peer, db_url: str, report: object) -> str:
    """What the peer and the database say of the receivers received twice."""
    from sqlalchemy import create_engine, text

    received = getattr(report, "received", {})
    twice = [r for r, n in received.items() if n > 1][:6]
    lines = [f"{len(twice)} receivers received twice, e.g."]
    engine = create_engine(db_url)
    with engine.connect() as conn:
        for receiver in twice:
            row = conn.execute(
                text(
                    "SELECT id, status, batch_ref, provider_ref, attempts, error FROM message"
                    " WHERE receiver = :r"
                ),
                {"r": receiver},
            ).all()
            lines.append(f"{receiver}: peer {peer.explain(receiver)}; row {row}")
    engine.dispose()
    return "\n".join(lines)


@pytest.fixture
def need_faketime() -> None:
    if faketime_library() is None:
        missing_tool("libfaketime is not installed (apt-get install faketime)")


@pytest.fixture(params=["simulator", "ovh", "smpp"])
def chaos_peer(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Peer]:
    if request.param == "simulator":
        yield simulator_peer(tmp_path)
    elif request.param == "ovh":
        yield ovh_peer_for_chaos(request.getfixturevalue("ovh_peer"))
    else:
        yield smpp_peer_for_chaos(request.getfixturevalue("smpp_peer"))


def test_every_receiver_at_most_once_and_every_message_settled(
    chaos_peer: Peer,
    postgres_url: str,
    tmp_path: Path,
    need_faketime: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in chaos_peer.env.items():
        monkeypatch.setenv(name, value)
    logs = tmp_path / "logs"
    logs.mkdir()
    outcome = fault_campaign(
        chaos_peer,
        db_url=postgres_url,
        messages=MESSAGES,
        plan=ChaosPlan(seed=SEED, budget_seconds=35.0),
        log_dir=logs,
    )
    report = outcome.report
    print("fault campaign:", outcome.figures())
    assert report.killed > 0 and report.skewed_started > 0  # the chaos really happened
    assert outcome.messages == MESSAGES
    assert report.duplicates == 0, explain_duplicates(chaos_peer, postgres_url, report)
    assert not outcome.not_settled, (len(outcome.not_settled), outcome.not_settled[:5])
    assert outcome.unknown_without_reason == 0
    assert outcome.delivered_not_received == 0  # nothing smsdesk calls delivered is made up
    assert outcome.lost == 0
