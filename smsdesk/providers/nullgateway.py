"""A gateway that accepts everything and delivers nothing, deterministically.

It exists to show (and test) that a gateway is one module: its `SPEC` below is the only
thing the rest of smsdesk sees, through one line in providers/registry.py. Every
message is accepted with the reference `null:<batch_ref>:<message_id>` and no receipt
ever comes (nothing is delivered: the message expires at the end of its validity). Its
one setting, "Label", shows how a field of the spec becomes a Preferences control.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from smsdesk.providers.base import (
    Capability,
    Estimate,
    NumberCheck,
    OutgoingSms,
    Receipt,
    SenderInfo,
    SentRecord,
    SubmitResult,
)
from smsdesk.providers.spec import (
    QT_TRANSLATE_NOOP,
    RATE_FIELD,
    BuildContext,
    ConfigField,
    GatewaySpec,
)


class NullGateway:
    name = "nullgateway"
    capabilities = frozenset({Capability.RECONCILE})
    max_batch = 1000
    rate_per_second: float | None = None

    def __init__(self, label: str = "") -> None:
        self.label = label
        self._accepted: dict[str, list[int]] = {}  # batch_ref -> message ids
        self.closed = False

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        self._accepted.setdefault(batch_ref, []).extend(sms.message_id for sms in batch)
        return [
            SubmitResult(
                sms.message_id, accepted=True, provider_ref=_ref(batch_ref, sms.message_id)
            )
            for sms in batch
        ]

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        accepted = set(self._accepted.get(batch_ref, ()))
        return [
            SentRecord(sms.message_id, _ref(batch_ref, sms.message_id))
            for sms in batch
            if sms.message_id in accepted
        ]

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        return []  # nothing is ever delivered

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        return None

    def senders(self) -> list[SenderInfo]:
        return []

    def credits_left(self) -> float | None:
        return None

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        raise NotImplementedError("the null gateway does not estimate")

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        raise NotImplementedError("the null gateway does not check numbers")

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        return None

    def close(self) -> None:
        self.closed = True


def _ref(batch_ref: str, message_id: int) -> str:
    return f"null:{batch_ref}:{message_id}"


def _from_settings(values: Mapping[str, str], _context: BuildContext) -> NullGateway:
    return NullGateway(values.get("label", ""))


SPEC = GatewaySpec(
    name="nullgateway",
    label=QT_TRANSLATE_NOOP("GatewaySpec", "Null gateway (delivers nothing)"),
    description=QT_TRANSLATE_NOOP(
        "GatewaySpec", "Accepts every message and delivers none: for tests and dry runs."
    ),
    capabilities=NullGateway.capabilities,
    factory=_from_settings,
    fields=(
        ConfigField(
            "label",
            QT_TRANSLATE_NOOP("GatewaySpec", "Label"),
            tooltip=QT_TRANSLATE_NOOP("GatewaySpec", "Any text; the null gateway only keeps it"),
        ),
        RATE_FIELD,
    ),
    short_label="Null gateway",
)
