"""The words the window uses for the domain's codes: message and campaign statuses, OVH's
`ptt` and DLR codes. The domain keeps English labels for the command line and exports; the
window reads these, translated at call time (so a language switch takes effect at once).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smsdesk.domain.delivery import CampaignStatus, MessageStatus

_CONTEXT = "words"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks `text` for the catalogue; translated when shown (Qt's own returns `object`)."""
    return text


# as OVH's manager says them (History, the Inbox, the results)
_MESSAGE_STATUS: dict[MessageStatus, str] = {
    MessageStatus.QUEUED: QT_TRANSLATE_NOOP("words", "Pending"),
    MessageStatus.SUBMITTING: QT_TRANSLATE_NOOP("words", "Pending"),
    MessageStatus.SUBMITTED: QT_TRANSLATE_NOOP("words", "Sent"),
    MessageStatus.DELIVERED: QT_TRANSLATE_NOOP("words", "Delivered"),
    MessageStatus.FAILED: QT_TRANSLATE_NOOP("words", "Failed"),
    MessageStatus.EXPIRED: QT_TRANSLATE_NOOP("words", "Expired"),
    MessageStatus.CANCELLED: QT_TRANSLATE_NOOP("words", "Cancelled"),
    MessageStatus.UNKNOWN: QT_TRANSLATE_NOOP("words", "Unknown"),
}

_CAMPAIGN_STATUS: dict[CampaignStatus, str] = {
    CampaignStatus.DRAFT: QT_TRANSLATE_NOOP("words", "Draft"),
    CampaignStatus.SCHEDULED: QT_TRANSLATE_NOOP("words", "Scheduled"),
    CampaignStatus.SENDING: QT_TRANSLATE_NOOP("words", "Sending"),
    CampaignStatus.PAUSED: QT_TRANSLATE_NOOP("words", "Paused"),
    CampaignStatus.DONE: QT_TRANSLATE_NOOP("words", "Finished"),
    CampaignStatus.CANCELLED: QT_TRANSLATE_NOOP("words", "Cancelled"),
}

# OVH `ptt` codes, as in domain.delivery.PTT_MEANINGS (a test keeps the two in step)
_PTT: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("words", "Retrying (phone)"),
    2: QT_TRANSLATE_NOOP("words", "Retrying (operator)"),
    3: QT_TRANSLATE_NOOP("words", "Accepted by the operator"),
    4: QT_TRANSLATE_NOOP("words", "Delivered"),
    5: QT_TRANSLATE_NOOP("words", "Undelivered"),
    6: QT_TRANSLATE_NOOP("words", "Unknown"),
    8: QT_TRANSLATE_NOOP("words", "Expired"),
    20: QT_TRANSLATE_NOOP("words", "Undeliverable"),
    21: QT_TRANSLATE_NOOP("words", "No credit"),
    23: QT_TRANSLATE_NOOP("words", "Invalid or barred number"),
    24: QT_TRANSLATE_NOOP("words", "Absent subscriber"),
    25: QT_TRANSLATE_NOOP("words", "Temporary network error"),
    26: QT_TRANSLATE_NOOP("words", "Temporary phone error"),
    27: QT_TRANSLATE_NOOP("words", "Incompatible handset"),
    28: QT_TRANSLATE_NOOP("words", "Suspected spam"),
    29: QT_TRANSLATE_NOOP("words", "Content not allowed"),
    33: QT_TRANSLATE_NOOP("words", "Parental lock"),
    39: QT_TRANSLATE_NOOP("words", "Operator failure"),
    73: QT_TRANSLATE_NOOP("words", "Ported number unreachable"),
    74: QT_TRANSLATE_NOOP("words", "Roaming"),
    76: QT_TRANSLATE_NOOP("words", "Ported number unreachable"),
    202: QT_TRANSLATE_NOOP("words", "Ported number unreachable"),
}

_DLR: dict[int, str] = {
    0: QT_TRANSLATE_NOOP("words", "Pending"),
    1: QT_TRANSLATE_NOOP("words", "Delivered"),
    2: QT_TRANSLATE_NOOP("words", "Failed"),
    4: QT_TRANSLATE_NOOP("words", "Waiting"),
    8: QT_TRANSLATE_NOOP("words", "Buffered"),
    16: QT_TRANSLATE_NOOP("words", "Error (not billed)"),
}


# reasons the services and gateways record in English (the command line and exports keep them)
_REASONS = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("words", "no delivery report"),
        QT_TRANSLATE_NOOP("words", "undeliverable receiver"),
        QT_TRANSLATE_NOOP(
            "words", "the gateway did not answer for this message; it may have been sent"
        ),
    )
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def message_status(status: MessageStatus | str) -> str:
    """ "Délivré" for `delivered`; an unknown value is shown as it is."""
    try:
        return _tr(_MESSAGE_STATUS[MessageStatus(status)])
    except ValueError:
        return str(status)


def campaign_status(status: CampaignStatus | str) -> str:
    try:
        return _tr(_CAMPAIGN_STATUS[CampaignStatus(status)])
    except ValueError:
        return str(status)


def ptt_meaning(ptt: int | None) -> str:
    """ "Abonné absent" for 24; "Code 99" for a code OVH has not documented."""
    if ptt is None:
        return ""
    if ptt in _PTT:
        return _tr(_PTT[ptt])
    return QCoreApplication.translate("words", "Code {code}").format(code=ptt)


def dlr_meaning(dlr: int | None) -> str:
    if dlr is None:
        return ""
    if dlr in _DLR:
        return _tr(_DLR[dlr])
    return QCoreApplication.translate("words", "Code {code}").format(code=dlr)


def reason(text: str) -> str:
    """A recorded reason in the window's language when it is one we know, else as it is."""
    return _tr(_REASONS[text]) if text in _REASONS else text


def describe(ptt: int | None, dlr: int | None) -> str:
    """A receipt in words, e.g. "Abonné absent (24) — DLR : Échec"."""
    parts = []
    if ptt is not None:
        parts.append(
            QCoreApplication.translate("words", "{meaning} ({code})").format(
                meaning=ptt_meaning(ptt), code=ptt
            )
        )
    if dlr is not None:
        parts.append(
            QCoreApplication.translate("words", "DLR: {meaning}").format(meaning=dlr_meaning(dlr))
        )
    return " — ".join(parts)
