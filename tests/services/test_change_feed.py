"""One change signal: services publish what they wrote; a cheap counter tells a window
that another process (the command line, another computer) wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from smsdesk.app import build_services
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.changes import ChangeCounter, ChangeFeed
from smsdesk.services.container import Services


def test_subscribers_hear_each_topic_until_they_unsubscribe():
    feed = ChangeFeed()
    heard: list[str] = []
    unsubscribe = feed.subscribe(heard.append)
    feed.publish("messages")
    feed.publish("replies")
    unsubscribe()
    feed.publish("campaigns")
    assert heard == ["messages", "replies"]


def test_a_failing_subscriber_does_not_stop_the_others_or_the_write():
    feed = ChangeFeed()
    heard: list[str] = []

    def broken(_topic: str) -> None:
        raise RuntimeError("boom")

    feed.subscribe(broken)
    feed.subscribe(heard.append)
    feed.publish("contacts")
    assert heard == ["contacts"]


def test_unknown_topics_are_refused():
    with pytest.raises(ValueError, match="unknown change topic"):
        ChangeFeed().publish("message")  # a typo must not pass silently


def test_campaign_writes_publish(services: Services):
    heard: list[str] = []
    services.changes.subscribe(heard.append)
    created = services.campaigns.create(
        CampaignRequest(
            body="x", receivers=["0612345678"], scheduled_at=datetime.now(UTC) + timedelta(days=1)
        )
    )
    assert heard == ["campaigns", "messages"]
    services.campaigns.cancel(created.id)
    assert heard == ["campaigns", "messages"] * 2
    services.campaigns.list()  # reading publishes nothing
    assert len(heard) == 4


def test_a_failed_write_publishes_nothing(services: Services):
    heard: list[str] = []
    services.changes.subscribe(heard.append)
    with pytest.raises(ValueError):
        services.campaigns.cancel(12345)
    assert heard == []


def _counter_sees_other_writers(url: str) -> None:
    watcher = build_services(url)
    writer = build_services(url)  # another process, as far as the database can tell
    try:
        counter = watcher.change_counter
        assert counter.supported
        first = counter.read()
        assert first is not None
        assert counter.read() == first  # nothing written: no move
        writer.campaigns.create(CampaignRequest(body="x", receivers=["0612345678"]))
        after = counter.read(wait=10)  # PostgreSQL notifies a moment after the commit
        assert after is not None and after != first
    finally:
        writer.close()
        watcher.close()


def test_sqlite_counter_moves_when_another_connection_commits(db_url: str):
    _counter_sees_other_writers(db_url)


def test_postgres_counter_hears_notifications(postgres_url: str):
    _counter_sees_other_writers(postgres_url)


def test_other_databases_have_no_counter(tmp_path):
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    engine.dialect.name = "mysql"  # type: ignore[misc]  # a dialect we do not poll
    counter = ChangeCounter(engine)
    assert counter.read() is None
    counter.close()
