"""Issue 11 (trust), the campaign side: a campaign the credits do not cover, a message over
10 parts, an instant in the past and a gateway without settings are refused before any
row is written; a paused campaign is listed with its reason, resumed by the contract,
rescheduled or cancelled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.services.campaigns import (
    CampaignError,
    CampaignRequest,
    CampaignService,
    LongMessageError,
    OverdraftError,
    credits_words,
    shortfall_problem,
)

NOW = datetime(2026, 6, 10, 9, 30, tzinfo=UTC)  # a Wednesday, no window involved
TWO = ["0612345678", "0698765432"]
# GSM-7: one part holds 160 characters, a multipart one 153 each
SIX_PARTS = "x" * 900  # 900 / 153 = 5.9 -> 6 parts
ELEVEN_PARTS = "x" * 1540  # 1540 / 153 = 10.07 -> 11 parts


def _rows(services: Services) -> list[Message]:
    with services.sessions() as session:
        return list(session.scalars(select(Message).order_by(Message.id)))


def _campaign(services: Services, campaign_id: int) -> Campaign:
    with services.sessions() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign


@pytest.fixture
def at_now(services: Services) -> CampaignService:
    """The app's campaign service with a fixed clock."""
    return CampaignService(services.sessions, clock=lambda: NOW, providers=services.provider)


# -- money ---------------------------------------------------------------------------------


def test_credits_in_words():
    assert credits_words(12_400.0) == "12 400"
    assert credits_words(9_000) == "9 000"
    assert credits_words(0.5) == "0.5"
    assert (
        shortfall_problem(12_400.0, 9_000.0)
        == "This campaign needs 12 400 credits; the account has 9 000: 3 400 missing"
    )
    assert shortfall_problem(9_000.0, 9_000.0) is None  # exactly enough
    assert shortfall_problem(None, 10.0) is None  # the gateway cannot estimate: no block
    assert shortfall_problem(12.0, None) is None  # the gateway cannot say: no block


def test_a_campaign_the_credits_do_not_cover_is_refused_unless_allowed(
    services: Services, spend_simulator_credits: Callable[[int], None]
):
    spend_simulator_credits(99_990)  # 10 credits left
    request = CampaignRequest(body=SIX_PARTS, receivers=TWO)  # 2 x 6 parts, 1 credit each
    quote = services.campaigns.quote(request)
    assert (quote.credits, quote.credits_left) == (12.0, 10.0)
    expected = "This campaign needs 12 credits; the account has 10: 2 missing"
    assert quote.shortfall == expected
    with pytest.raises(OverdraftError) as refused:
        services.campaigns.create(request)
    assert str(refused.value) == expected
    assert _rows(services) == []
    created = services.campaigns.create(
        CampaignRequest(body=SIX_PARTS, receivers=TWO, allow_overdraft=True)
    )
    assert created.total_parts == 12


def test_enough_credits_or_a_gateway_that_cannot_say_does_not_block(
    services: Services, spend_simulator_credits: Callable[[int], None]
):
    spend_simulator_credits(99_988)  # 12 left: exactly what 2 x 6 parts cost
    assert services.campaigns.create(CampaignRequest(body=SIX_PARTS, receivers=TWO)).messages == 2
    # without a way to reach a gateway (credits unknown) nothing is blocked either
    blind = CampaignService(services.sessions)
    assert blind.create(CampaignRequest(body=SIX_PARTS, receivers=TWO)).messages == 2


def test_a_message_over_10_parts_needs_a_yes(services: Services):
    with pytest.raises(
        LongMessageError, match=r"^a message is 11 SMS parts long \(more than 10\)$"
    ):
        services.campaigns.create(CampaignRequest(body=ELEVEN_PARTS, receivers=TWO[:1]))
    assert _rows(services) == []
    preview = services.campaigns.preview(CampaignRequest(body=ELEVEN_PARTS, receivers=TWO[:1]))
    assert preview.long_message == "a message is 11 SMS parts long (more than 10)"
    assert (
        services.campaigns.preview(CampaignRequest(body="x" * 1530, receivers=TWO)).long_message
        is None  # 1530 = 10 x 153: exactly 10 parts
    )
    created = services.campaigns.create(
        CampaignRequest(body=ELEVEN_PARTS, receivers=TWO[:1], allow_long=True)
    )
    assert created.parts_per_message == 11


def test_a_100000_character_message_is_not_accepted_silently(services: Services):
    # 100,000 / 153 = 653.6: 654 parts per receiver
    with pytest.raises(LongMessageError, match="654 SMS parts"):
        services.campaigns.create(CampaignRequest(body="a" * 100_000, receivers=TWO[:1]))


# -- time ----------------------------------------------------------------------------------


def test_an_instant_in_the_past_is_refused(at_now: CampaignService, services: Services):
    past = NOW - timedelta(minutes=2)
    shown = past.astimezone().strftime("%Y-%m-%d %H:%M")
    with pytest.raises(CampaignError) as refused:
        at_now.create(CampaignRequest(body="x", receivers=TWO, scheduled_at=past))
    assert str(refused.value) == f"{shown} is in the past"
    assert _rows(services) == []
    assert at_now.instant_problem(past) == f"{shown} is in the past"
    preview = at_now.preview(CampaignRequest(body="x", receivers=TWO, scheduled_at=past))
    assert preview.problem == f"{shown} is in the past"
    # within a minute is "now": the picker was set a moment ago
    created = at_now.create(
        CampaignRequest(body="x", receivers=TWO, scheduled_at=NOW - timedelta(seconds=50))
    )
    assert created.starts_at == NOW
    assert at_now.instant_problem(None) is None


def test_reschedule_into_the_past_is_refused_and_changes_nothing(
    at_now: CampaignService, services: Services
):
    planned = NOW + timedelta(days=1)
    created = at_now.create(CampaignRequest(body="x", receivers=TWO, scheduled_at=planned))
    with pytest.raises(CampaignError, match=r"is in the past$"):
        at_now.reschedule(created.id, NOW - timedelta(hours=3))
    assert {m.next_attempt_at for m in _rows(services)} == {planned}
    assert _campaign(services, created.id).scheduled_at == planned


# -- gateway settings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "reason"),
    [
        (
            "ovh",
            "the OVH gateway is not configured: OVH settings missing: OVH_APPLICATION_KEY, "
            "OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, SMSDESK_OVH_SERVICE",
        ),
        (
            "smpp",
            "the SMPP gateway is not configured: SMPP settings missing: SMSDESK_SMPP_HOST, "
            "SMSDESK_SMPP_SYSTEM_ID, SMSDESK_SMPP_PASSWORD",
        ),
    ],
)
def test_a_gateway_without_settings_is_refused(services: Services, provider: str, reason: str):
    with pytest.raises(CampaignError) as refused:
        services.campaigns.create(CampaignRequest(body="x", receivers=TWO, provider=provider))
    assert str(refused.value) == reason
    assert _rows(services) == []


def test_a_configured_smpp_gateway_is_accepted(services: Services, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMSDESK_SMPP_SYSTEM_ID", "smsdesk")
    monkeypatch.setenv("SMSDESK_SMPP_PASSWORD", "smpp4711")
    assert services.gateways.configuration_problem("smpp") is None
    created = services.campaigns.create(CampaignRequest(body="x", receivers=TWO, provider="smpp"))
    assert created.messages == 2  # SMPP cannot tell credits: nothing asked of it


# -- paused campaigns ----------------------------------------------------------------------


def test_a_paused_campaign_is_listed_with_its_reason(
    services: Services, pause_campaign: Callable[[int, str], None]
):
    created = services.campaigns.create(CampaignRequest(body="x", receivers=TWO))
    assert services.campaigns.pause_reason(created.id) is None
    pause_campaign(created.id, "OVH refused us: Invalid signature")
    [summary] = services.campaigns.list(open_only=True)
    assert summary.status is CampaignStatus.PAUSED
    assert summary.paused_reason == "OVH refused us: Invalid signature"
    assert [c.id for c in services.campaigns.list(scheduled_only=True)] == [created.id]
    assert services.campaigns.pause_reason(created.id) == "OVH refused us: Invalid signature"
    assert services.campaigns.pause_reason(None) is None
    assert services.campaigns.overdue() == []  # nothing of it is due


@pytest.mark.parametrize(
    ("planned", "started", "status", "due"),
    [
        (None, False, CampaignStatus.SENDING, NOW),  # send now: goes on now
        (NOW + timedelta(hours=2), False, CampaignStatus.SCHEDULED, NOW + timedelta(hours=2)),
        (NOW + timedelta(hours=2), True, CampaignStatus.SENDING, NOW + timedelta(hours=2)),
        (NOW - timedelta(hours=2), True, CampaignStatus.SENDING, NOW),  # its instant passed
    ],
)
def test_resume_follows_the_pause_contract(
    services: Services,
    at_now: CampaignService,
    pause_campaign: Callable[[int, str], None],
    planned: datetime | None,
    started: bool,
    status: CampaignStatus,
    due: datetime,
):
    created = at_now.create(CampaignRequest(body="x", receivers=[*TWO, "0611223344"]))
    with services.sessions.begin() as session:
        session.execute(
            update(Campaign)
            .where(Campaign.id == created.id)
            .values(scheduled_at=planned, started_at=NOW - timedelta(hours=3) if started else None)
        )
        first = session.scalars(select(Message).order_by(Message.id)).first()
        assert first is not None
        first.status = MessageStatus.DELIVERED  # one left before the gateway refused us
        first.next_attempt_at = None
    pause_campaign(created.id, "SMPP bind refused: invalid password")
    assert at_now.resume(created.id) is status
    campaign = _campaign(services, created.id)
    assert (campaign.status, campaign.paused_reason) == (status, None)
    rows = _rows(services)
    assert rows[0].status == MessageStatus.DELIVERED and rows[0].next_attempt_at is None
    assert [(m.status, m.next_attempt_at) for m in rows[1:]] == [(MessageStatus.QUEUED, due)] * 2


def test_resume_only_a_paused_campaign(
    services: Services, pause_campaign: Callable[[int, str], None]
):
    created = services.campaigns.create(CampaignRequest(body="x", receivers=TWO))
    with pytest.raises(CampaignError) as refused:
        services.campaigns.resume(created.id)
    assert (
        str(refused.value) == f"campaign {created.id} is scheduled, not paused: nothing to resume"
    )
    with pytest.raises(CampaignError, match=r"^no campaign with id 999$"):
        services.campaigns.resume(999)
    pause_campaign(created.id, "no credits left")
    services.campaigns.resume(created.id)
    with pytest.raises(CampaignError, match="is sending, not paused"):
        services.campaigns.resume(created.id)  # twice: the second one says why


def test_a_paused_campaign_can_be_rescheduled_then_resumed(
    services: Services, at_now: CampaignService, pause_campaign: Callable[[int, str], None]
):
    created = at_now.create(CampaignRequest(body="x", receivers=TWO))
    pause_campaign(created.id, "no credits left")
    later = NOW + timedelta(days=1)
    assert at_now.reschedule(created.id, later) == later
    campaign = _campaign(services, created.id)
    assert (campaign.status, campaign.scheduled_at) == (CampaignStatus.PAUSED, later)
    # still paused: no row becomes due before the user resumes
    assert {m.next_attempt_at for m in _rows(services)} == {None}
    assert at_now.resume(created.id) is CampaignStatus.SCHEDULED
    assert {m.next_attempt_at for m in _rows(services)} == {later}


def test_a_paused_campaign_can_be_cancelled(
    services: Services, pause_campaign: Callable[[int, str], None]
):
    created = services.campaigns.create(CampaignRequest(body="x", receivers=TWO))
    pause_campaign(created.id, "no credits left")
    assert services.campaigns.cancel(created.id) == 2
    assert _campaign(services, created.id).status == CampaignStatus.CANCELLED
    assert {m.status for m in _rows(services)} == {MessageStatus.CANCELLED}
    assert services.campaigns.list(open_only=True) == []
