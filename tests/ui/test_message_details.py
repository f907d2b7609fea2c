"""History details of a message waiting in a paused campaign say why it waits."""

from __future__ import annotations

from sqlalchemy import select, update

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.ui.message_details import MessageDetailsDialog


def _dialog(qtbot, services: Services, message_id: int) -> MessageDetailsDialog:
    row = services.history.get(message_id)
    assert row is not None
    dialog = MessageDetailsDialog(
        row, pause_reason=services.campaigns.pause_reason(row.campaign_id)
    )
    qtbot.addWidget(dialog)
    return dialog


def test_a_waiting_message_shows_its_campaigns_pause_reason(
    qtbot, services: Services, pause_campaign
):
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour", receivers=["0612345678", "0698765432"])
    )
    with services.sessions.begin() as session:
        first, second = session.scalars(select(Message.id).order_by(Message.id)).all()
        session.execute(
            update(Message).where(Message.id == first).values(status=MessageStatus.DELIVERED)
        )
    reason = "SMPP bind refused: invalid password"
    pause_campaign(created.id, reason)

    waiting = _dialog(qtbot, services, second)
    expected = f"waiting: its campaign is paused ({reason}); resume it in Scheduled"
    assert waiting.fields["paused"].text() == expected
    assert waiting.text().endswith(f"\nPaused: {expected}")  # copied with the rest

    delivered = _dialog(qtbot, services, first)  # it left before the pause
    assert "paused" not in delivered.fields
    assert "paused" not in delivered.text()

    services.campaigns.resume(created.id)
    assert "paused" not in _dialog(qtbot, services, second).fields
