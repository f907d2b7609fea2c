from smsdesk.domain.delivery import (
    MessageStatus,
    describe,
    dlr_meaning,
    ptt_meaning,
    status_from_codes,
)


def test_dlr_is_the_verdict():
    assert status_from_codes(4, 1) is MessageStatus.DELIVERED
    assert status_from_codes(24, 2) is MessageStatus.FAILED
    assert status_from_codes(8, 2) is MessageStatus.EXPIRED
    assert status_from_codes(None, 16) is MessageStatus.FAILED


def test_ptt_alone_decides_only_final_codes():
    assert status_from_codes(4, None) is MessageStatus.DELIVERED
    assert status_from_codes(23, None) is MessageStatus.FAILED
    assert status_from_codes(8, 0) is MessageStatus.EXPIRED
    # retrying, accepted, absent subscriber: still on its way
    for ptt in (1, 2, 3, 24, 25, 26):
        assert status_from_codes(ptt, 0) is MessageStatus.SUBMITTED


def test_words():
    assert ptt_meaning(24) == "Absent subscriber"
    assert ptt_meaning(999) == "Code 999"
    assert ptt_meaning(None) == ""
    assert dlr_meaning(16) == "Error (not billed)"
    assert describe(23, 2) == "Invalid or barred number (23) — DLR: Failed"


def test_final_statuses():
    assert MessageStatus.DELIVERED.is_final
    assert MessageStatus.UNKNOWN.is_final
    assert not MessageStatus.SUBMITTING.is_final
    assert MessageStatus.SUBMITTED.label == "Sent, awaiting receipt"
