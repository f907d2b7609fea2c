from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from smsdesk.app import Services
from smsdesk.db.models import Message, StopEntry
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.services.campaigns import (
    CampaignError,
    CampaignRequest,
    sender_problem,
    split_receivers,
)


def _messages(services: Services) -> list[Message]:
    with services.sessions() as session:
        return list(session.scalars(select(Message).order_by(Message.id)))


def test_create_normalises_and_dedupes(services: Services):
    created = services.campaigns.create(
        CampaignRequest(
            body="Bonjour",
            receivers=["06 12 34 56 78", "+33 6 12 34 56 78; 0698765432", "0033698765432"],
            sender="MAIRIE",
            tag="t1",
        )
    )
    assert created.messages == 2
    assert created.duplicates == 2
    assert created.status is CampaignStatus.SCHEDULED
    rows = _messages(services)
    assert [m.receiver for m in rows] == ["+33612345678", "+33698765432"]
    assert {m.status for m in rows} == {MessageStatus.QUEUED}
    assert {m.sender for m in rows} == {"MAIRIE"}
    assert {m.tag for m in rows} == {"t1"}


@pytest.mark.parametrize(
    ("request_kwargs", "reason"),
    [
        ({"body": "  ", "receivers": ["0612345678"]}, "the message is empty"),
        ({"body": "x", "receivers": ["0612"]}, "invalid number '0612'"),
        ({"body": "x", "receivers": ["0145454545"]}, "not a mobile"),
        ({"body": "x", "receivers": []}, "no recipient"),
        ({"body": "x", "receivers": ["0612345678"], "sender": "TOOLONGSENDER"}, "11"),
        ({"body": "x", "list_name": "nope"}, "no recipient list named 'nope'"),
    ],
)
def test_bad_input_changes_nothing(services: Services, request_kwargs, reason):
    with pytest.raises(CampaignError, match=reason):
        services.campaigns.create(CampaignRequest(**request_kwargs))
    assert _messages(services) == []
    assert services.campaigns.list() == []


def test_stop_list_is_never_sent_to(services: Services):
    with services.sessions.begin() as session:
        session.add(StopEntry(e164="+33612345678", reason="STOP"))
    created = services.campaigns.create(
        CampaignRequest(body="x", receivers=["0612345678", "0698765432"])
    )
    assert created.messages == 1
    assert created.stopped == 1
    assert [m.receiver for m in _messages(services)] == ["+33698765432"]


def test_scheduled_campaign_is_listed_then_cancelled(services: Services):
    at = datetime.now(UTC) + timedelta(days=1)
    created = services.campaigns.create(
        CampaignRequest(body="Plus tard", receivers=["0612345678", "0698765432"], scheduled_at=at)
    )
    [summary] = services.campaigns.list(scheduled_only=True)
    assert summary.id == created.id
    assert summary.recipients == 2
    assert summary.scheduled_at == at.replace(microsecond=summary.scheduled_at.microsecond)
    assert summary.first_receivers == ("+33612345678", "+33698765432")
    assert services.campaigns.cancel(created.id) == 2
    assert services.campaigns.list(scheduled_only=True) == []
    assert {m.status for m in _messages(services)} == {MessageStatus.CANCELLED}
    with pytest.raises(CampaignError, match="already cancelled"):
        services.campaigns.cancel(created.id)
    with pytest.raises(CampaignError, match="no campaign with id 42"):
        services.campaigns.cancel(42)


def test_sender_rules():
    assert sender_problem("") is None
    assert sender_problem("MAIRIE") is None
    assert sender_problem("+33612345678") is None
    assert "11" in (sender_problem("ABCDEFGHIJKL") or "")
    assert sender_problem("12345") is None  # a short code
    assert sender_problem("Café!") is not None


def test_split_receivers():
    assert split_receivers(["06 12 34 56 78\n0698765432, 0711111111;0722222222"]) == [
        "06 12 34 56 78",
        "0698765432",
        "0711111111",
        "0722222222",
    ]
