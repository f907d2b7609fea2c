from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from smsdesk.app import Services, build_services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.demo import CAMPAIGN_SIZE, DemoService
from smsdesk.services.history import HistoryFilter, SortColumn, SortKey

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


def test_seed_fills_a_year_of_final_messages(services: Services):
    demo = DemoService(services.sessions, clock=lambda: NOW)
    steps: list[tuple[int, int]] = []
    assert demo.seed(12_345, progress=lambda d, t: steps.append((d, t))) == 12_345
    assert steps[-1] == (12_345, 12_345)
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 12_345
        statuses = Counter(session.scalars(select(Message.status)))
        campaigns = session.scalars(select(Campaign).order_by(Campaign.id)).all()
        oldest = session.scalar(select(func.min(Message.created_at)))
        newest = session.scalar(select(func.max(Message.created_at)))
    # nothing the dispatcher or the receipt poller would pick up
    assert {MessageStatus(s).is_final for s in statuses} == {True}
    assert statuses[MessageStatus.DELIVERED] > 0.8 * 12_345
    assert statuses[MessageStatus.FAILED] > 0 and statuses[MessageStatus.CANCELLED] > 0
    assert len(campaigns) == 3 and all(c.status == "done" for c in campaigns)
    assert oldest is not None and newest is not None
    assert NOW - timedelta(days=366) < oldest < newest < NOW


def test_seeded_rows_read_back_like_orm_rows(services: Services):
    """The fast path writes dates in the very text the ORM writes (sorting depends on it)."""
    DemoService(services.sessions, clock=lambda: NOW).seed(10)
    with services.sessions.begin() as session:
        session.add(Message(receiver="+33600000000", body="orm", status="queued", created_at=NOW))
    with services.sessions() as session:
        stored = session.execute(
            text("SELECT created_at FROM message ORDER BY id DESC LIMIT 2")
        ).all()
    assert [len(value) for (value,) in stored] == [26, 26]  # YYYY-MM-DD HH:MM:SS.ffffff
    rows = services.history.page(HistoryFilter(), SortKey(SortColumn.CREATED_AT), 0, 20)
    assert rows[0].body == "orm"  # NOW is the newest instant
    demo_row = rows[1]
    assert demo_row.created_at.tzinfo is UTC
    assert demo_row.receiver.startswith(("+336", "+337")) and len(demo_row.receiver) == 12
    if demo_row.status is MessageStatus.DELIVERED:
        assert demo_row.delivered_at is not None and demo_row.delivered_at > demo_row.created_at


def test_seed_is_reproducible_and_campaigns_are_sized(services: Services, tmp_path: Path):
    DemoService(services.sessions, clock=lambda: NOW).seed(CAMPAIGN_SIZE + 10, seed=7)
    with services.sessions() as session:
        sizes = session.execute(
            select(Message.campaign_id, func.count()).group_by(Message.campaign_id)
        ).all()
        first = session.scalars(select(Message.receiver).order_by(Message.id).limit(5)).all()
    assert sorted(count for _, count in sizes) == [10, CAMPAIGN_SIZE]
    other = build_services(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    try:
        DemoService(other.sessions, clock=lambda: NOW).seed(5, seed=7)
        with other.sessions() as session:
            again = session.scalars(select(Message.receiver).order_by(Message.id)).all()
    finally:
        other.close()
    assert again == first


def test_cancelled_seed_leaves_nothing(services: Services):
    cancel = threading.Event()
    demo = DemoService(services.sessions, clock=lambda: NOW)
    assert demo.seed(200_000, progress=lambda d, t: cancel.set(), cancel=cancel) == 0
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 0
        assert session.scalar(select(func.count()).select_from(Campaign)) == 0
