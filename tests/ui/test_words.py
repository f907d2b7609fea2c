"""The window's words for the domain's codes cover every code the domain knows."""

from __future__ import annotations

from smsdesk.domain import delivery
from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.ui import words


def test_every_status_and_code_has_words_matching_the_domain(qapp: object) -> None:
    # without a catalogue: OVH's manager's English words
    expected = {
        "queued": "Pending",
        "submitting": "Pending",
        "submitted": "Sent",
        "delivered": "Delivered",
        "failed": "Failed",
        "expired": "Expired",
        "cancelled": "Cancelled",
        "unknown": "Unknown",
    }
    assert {s.value: words.message_status(s) for s in MessageStatus} == expected
    for campaign in CampaignStatus:
        assert words.campaign_status(campaign) != campaign.value or campaign.value == ""
    assert words.campaign_status(CampaignStatus.PAUSED) == "Paused"
    for code, meaning in delivery.PTT_MEANINGS.items():
        assert words.ptt_meaning(code) == meaning
    for code, meaning in delivery.DLR_MEANINGS.items():
        assert words.dlr_meaning(code) == meaning
    assert words.ptt_meaning(99) == "Code 99"
    assert (
        words.describe(24, 2) == delivery.describe(24, 2) == "Absent subscriber (24) — DLR: Failed"
    )
    assert words.message_status("bogus") == "bogus"
    assert words.reason("no delivery report") == "no delivery report"  # known, untranslated
    assert words.reason("Quota exceeded (HTTP 429)") == "Quota exceeded (HTTP 429)"
