"""Message statuses and the gateway delivery codes (OVH `ptt` and `deliveryReceipt`)."""

from __future__ import annotations

from enum import StrEnum


class MessageStatus(StrEnum):
    """Life of one message: it is both the outbox row and the history row."""

    QUEUED = "queued"
    SUBMITTING = "submitting"  # committed before the gateway call: the crash marker
    SUBMITTED = "submitted"
    DELIVERED = "delivered"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"  # a crash hid whether the gateway got it; the user decides

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


FINAL_STATUSES = frozenset(
    {
        MessageStatus.DELIVERED,
        MessageStatus.FAILED,
        MessageStatus.EXPIRED,
        MessageStatus.CANCELLED,
        MessageStatus.UNKNOWN,
    }
)

STATUS_LABELS: dict[MessageStatus, str] = {
    MessageStatus.QUEUED: "Queued",
    MessageStatus.SUBMITTING: "Sending",
    MessageStatus.SUBMITTED: "Sent, awaiting receipt",
    MessageStatus.DELIVERED: "Delivered",
    MessageStatus.FAILED: "Failed",
    MessageStatus.EXPIRED: "Expired",
    MessageStatus.CANCELLED: "Cancelled",
    MessageStatus.UNKNOWN: "Unknown (interrupted)",
}


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    # the gateway refused us (credentials, settings, credits): `campaign.paused_reason`
    # says why; its unsent messages wait `queued` with next_attempt_at NULL until resumed
    PAUSED = "paused"
    DONE = "done"
    CANCELLED = "cancelled"


# OVH `ptt` codes, from the SMS API documentation.
PTT_MEANINGS: dict[int, str] = {
    1: "Retrying (phone)",
    2: "Retrying (operator)",
    3: "Accepted by the operator",
    4: "Delivered",
    5: "Undelivered",
    6: "Unknown",
    8: "Expired",
    20: "Undeliverable",
    21: "No credit",
    23: "Invalid or barred number",
    24: "Absent subscriber",
    25: "Temporary network error",
    26: "Temporary phone error",
    27: "Incompatible handset",
    28: "Suspected spam",
    29: "Content not allowed",
    33: "Parental lock",
    39: "Operator failure",
    73: "Ported number unreachable",
    74: "Roaming",
    76: "Ported number unreachable",
    202: "Ported number unreachable",
}

DLR_MEANINGS: dict[int, str] = {
    0: "Pending",
    1: "Delivered",
    2: "Failed",
    4: "Waiting",
    8: "Buffered",
    16: "Error (not billed)",
}

# ptt codes that end a message's life whatever the DLR says.
_FAILED_PTT = frozenset({5, 20, 21, 23, 27, 28, 29, 33, 39, 73, 76, 202})
_EXPIRED_PTT = frozenset({8})


def ptt_meaning(ptt: int | None) -> str:
    if ptt is None:
        return ""
    return PTT_MEANINGS.get(ptt, f"Code {ptt}")


def dlr_meaning(dlr: int | None) -> str:
    if dlr is None:
        return ""
    return DLR_MEANINGS.get(dlr, f"Code {dlr}")


def status_from_codes(ptt: int | None, dlr: int | None) -> MessageStatus:
    """Status of a submitted message from its receipt codes.

    The DLR is the operator's verdict and wins; the ptt alone decides only the codes
    that are final by nature. Anything else is still on its way (`submitted`).
    """
    if dlr == 1:
        return MessageStatus.DELIVERED
    if dlr in (2, 16):
        return MessageStatus.EXPIRED if ptt in _EXPIRED_PTT else MessageStatus.FAILED
    if ptt == 4:
        return MessageStatus.DELIVERED
    if ptt in _EXPIRED_PTT:
        return MessageStatus.EXPIRED
    if ptt in _FAILED_PTT:
        return MessageStatus.FAILED
    return MessageStatus.SUBMITTED


def describe(ptt: int | None, dlr: int | None) -> str:
    """Human words for a receipt, e.g. 'Absent subscriber (24) — Failed'."""
    parts = []
    if ptt is not None:
        parts.append(f"{ptt_meaning(ptt)} ({ptt})")
    if dlr is not None:
        parts.append(f"DLR: {dlr_meaning(dlr)}")
    return " — ".join(parts)
