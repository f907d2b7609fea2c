"""The campaign figures: the SQLite index walk (distinct keys found by seeks, each counted)
and the one-pass GROUP BY agree with each other and with counts made here row by row,
NULL codes and operators, several part counts and prices included."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.services import results as results_module
from smsdesk.services.campaigns import CampaignRequest

# (status, ptt, operator, parts, credits) given to the messages in turn
MIX: list[tuple[str, int | None, str | None, int, float | None]] = [
    ("delivered", 4, "20801", 1, 1.0),
    ("delivered", 4, "20801", 1, 1.0),
    ("delivered", 4, "20810", 2, 2.0),
    ("delivered", 4, None, 1, 1.0),
    ("failed", 24, "20815", 1, 1.0),
    ("failed", 5, "20815", 1, 1.0),
    ("failed", None, None, 1, None),  # refused at submission: no code, no price
    ("expired", 8, "20820", 3, 3.0),
    ("submitted", 3, "20801", 1, 1.0),
    ("queued", None, None, 1, None),
    ("unknown", None, None, 1, 1.0),
    ("cancelled", None, None, 2, None),
    ("delivered", 4, "20801", 1, 1.5),
]


@pytest.fixture
def campaign(services: Services) -> int:
    receivers = [f"+3361234{i:04d}" for i in range(len(MIX))]
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour", receivers=receivers, sender="ACME", provider="simulator")
    )
    with services.sessions.begin() as session:
        ids = session.scalars(
            select(Message.id).where(Message.campaign_id == created.id).order_by(Message.id)
        ).all()
        for message_id, (status, ptt, operator, parts, credits) in zip(ids, MIX, strict=True):
            session.execute(
                update(Message)
                .where(Message.id == message_id)
                .values(
                    status=status,
                    ptt=ptt,
                    operator_code=operator,
                    parts=parts,
                    credits=credits,
                    error="refused" if ptt is None and status == "failed" else None,
                )
            )
    return created.id


def expected_groups() -> dict[tuple[Any, ...], tuple[int, int, float]]:
    counted: dict[tuple[Any, ...], list[float]] = {}
    for status, ptt, operator, parts, credits in MIX:
        slot = counted.setdefault((status, ptt, operator), [0, 0, 0.0])
        slot[0] += 1
        slot[1] += parts
        slot[2] += credits or 0.0
    return {k: (int(v[0]), int(v[1]), float(v[2])) for k, v in counted.items()}


def merged(rows: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], tuple[int, int, float]]:
    out: dict[tuple[Any, ...], list[float]] = {}
    for status, ptt, operator, count, parts, credits in rows:
        slot = out.setdefault((status, ptt, operator), [0, 0, 0.0])
        slot[0] += count
        slot[1] += parts
        slot[2] += credits
    return {k: (int(v[0]), int(v[1]), round(float(v[2]), 6)) for k, v in out.items()}


def test_index_walk_and_group_by_agree(services: Services, campaign: int) -> None:
    with services.sessions() as session:
        walked = results_module._skip_scan_groups(session, campaign)
    assert merged(walked) == expected_groups()
    assert sum(row[3] for row in walked) == len(MIX)


def test_report_through_both_paths(
    services: Services, campaign: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked = services.results.report(campaign)
    monkeypatch.setattr(results_module, "MAX_SKIP_GROUPS", 0)  # forces the GROUP BY pass
    grouped = services.results.report(campaign)
    assert walked.as_json() == grouped.as_json()
    states = Counter(
        "pending" if s in ("queued", "submitting", "submitted", "paused") else s for s, *_ in MIX
    )
    assert walked.states == {
        k: states[k] for k in ("delivered", "failed", "pending", "expired", "cancelled", "unknown")
    }
    assert walked.parts == sum(m[3] for m in MIX)
    assert walked.credits == pytest.approx(sum(m[4] or 0.0 for m in MIX))
    codes = Counter(m[1] for m in MIX if m[0] in ("failed", "expired") and m[1] is not None)
    assert {f.ptt: f.count for f in walked.failures if f.ptt is not None} == dict(codes)
    assert [(f.reason, f.count) for f in walked.failures if f.ptt is None] == [("refused", 1)]
    operators = Counter(m[2] for m in MIX if m[2])
    assert {o.code: o.count for o in walked.operators} == dict(operators)


def test_estimated_end_while_sending(services: Services) -> None:
    """Half of the messages left in the 10 minutes since the start: the rest in 10 more."""
    from datetime import UTC, datetime, timedelta

    from smsdesk.db.models import Campaign
    from smsdesk.services.results import ResultsService

    receivers = [f"+3361234{i:04d}" for i in range(10)]
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour", receivers=receivers, provider="simulator")
    )
    now = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    with services.sessions.begin() as session:
        campaign = session.get(Campaign, created.id)
        assert campaign is not None
        campaign.status, campaign.started_at = "sending", now - timedelta(minutes=10)
        ids = session.scalars(select(Message.id).where(Message.campaign_id == created.id))
        for n, message_id in enumerate(sorted(ids)):
            status = "submitted" if n < 5 else "queued"
            session.execute(update(Message).where(Message.id == message_id).values(status=status))
    report = ResultsService(services.sessions, clock=lambda: now).report(created.id)
    assert (report.pending, report.waiting) == (10, 5)
    assert report.estimated_end == now + timedelta(minutes=10)
