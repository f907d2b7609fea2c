"""The gateway interface every provider implements, and the data that crosses it.

Providers do network (or simulated) I/O only: they never open a database session.
The dispatcher (services/dispatcher.py) owns the outbox state machine and calls them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable


class ProviderError(Exception):
    """Base of the errors a provider raises. Messages must never contain secrets."""


class TransientError(ProviderError):
    """Timeouts, connection loss, 5xx, 429, SMPP throttling: try the batch again later.

    `retry_after` (seconds) is the gateway's own hint when it gave one.
    """

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class PermanentError(ProviderError):
    """4xx, permanent SMPP errors: fail the whole batch with the reason."""


class GatewayRefusal(PermanentError):
    """The gateway refuses *us*, not the messages: bad credentials (OVH 401/403, 400
    INVALID_SIGNATURE), missing settings, SMPP bind refused. Nothing of the batch was
    sent. The dispatcher pauses the campaign with this reason instead of failing its
    messages; once the user fixes the settings, resuming sends the rest once."""


class NotEnoughCredits(GatewayRefusal):
    """The account cannot pay for this batch: nothing was sent; pause until topped up."""


class Capability(enum.Enum):
    RECEIPTS_POLL = "receipts_poll"  # poll_receipts() asks the gateway for delivery status
    RECEIPTS_PUSH = "receipts_push"  # receipts arrive on their own: see PushesReceipts
    # poll_receipts_bulk() reads the states of whole batches at once (BulkReceipts)
    RECEIPTS_BULK = "receipts_bulk"
    REPLIES = "replies"  # fetch_replies() returns the SMS the receivers sent back (Replies)
    RECONCILE = "reconcile"  # reconcile() can tell whether a batch was received
    DEFERRED = "deferred"  # submit(deferred_until=...) hands the schedule to the gateway
    CANCEL_DEFERRED = "cancel_deferred"
    SENDERS = "senders"
    CREDITS = "credits"
    ESTIMATE = "estimate"
    HLR = "hlr"  # operator check of numbers
    DELETE_REMOTE = "delete_remote"  # delete history kept by the gateway


@dataclass(frozen=True)
class OutgoingSms:
    """One message handed to a gateway."""

    message_id: int  # our message.id, unique forever
    receiver: str  # E.164, e.g. +33612345678
    sender: str  # alphanumeric sender (<= 11) or a number; "" means the provider's default
    body: str
    commercial: bool = False  # the gateway adds its STOP clause when True


@dataclass(frozen=True)
class SubmitResult:
    """What the gateway said about one message of a batch."""

    message_id: int
    accepted: bool
    provider_ref: str | None = None  # the gateway's id of this message, to match receipts
    error: str | None = None  # the gateway's words when not accepted
    credits: float | None = None
    permanent: bool = True  # a refusal that retrying cannot fix (False: retry it)
    # The message may have reached the gateway, which never said (SMPP: submit_sm written,
    # no submit_sm_resp). The dispatcher records it `unknown` with `error`: never resent.
    uncertain: bool = False


@dataclass(frozen=True)
class Receipt:
    """A delivery report for one message."""

    provider_ref: str
    ptt: int | None  # OVH-style ptt code, see domain/delivery.py
    dlr: int | None  # OVH-style deliveryReceipt code
    operator_code: str | None = None
    delivered_at: datetime | None = None  # aware UTC
    credits: float | None = None
    error: str | None = None  # the gateway's words for a failure (SMPP: stat and err)


@dataclass(frozen=True)
class PushedReceipt:
    """A receipt the gateway pushed for one part (SMPP deliver_sm), as it came: kept in the
    database before the gateway is told we have it, so a crash loses none."""

    part_ref: str  # the gateway's id of the part (a provider_ref holds one or several)
    state: str  # the gateway's word, e.g. DELIVRD, UNDELIV
    error_code: str | None = None
    done_at: datetime | None = None  # aware UTC


ReceiptSink = Callable[[Sequence[PushedReceipt]], None]


@runtime_checkable
class PushesReceipts(Protocol):
    """A gateway whose receipts arrive on their own (SMPP). It hands each batch of them to
    the sink, and acknowledges them to the gateway only once the sink returned; a later
    process gives the stored ones back through `remember_receipts`."""

    def set_receipt_sink(self, sink: ReceiptSink | None) -> None: ...

    def remember_receipts(self, receipts: Sequence[PushedReceipt]) -> None: ...

    def part_refs(self, provider_ref: str) -> list[str]: ...


@dataclass(frozen=True)
class IncomingSms:
    """An SMS a receiver sent back (a reply, a STOP), as the gateway reported it."""

    provider_ref: str  # the gateway's id of the reply: applying it twice is a no-op
    sender: str  # E.164 of the person who wrote
    body: str
    received_at: datetime  # aware UTC
    # the message it answers, when the gateway says (OVH: smsOutgoingID, blacklist's batch)
    answers_ref: str | None = None
    is_stop: bool = False  # the gateway itself filed it as a STOP (OVH blacklists)


ReplySink = Callable[[Sequence[IncomingSms]], None]


@runtime_checkable
class PushesReplies(Protocol):
    """A gateway whose replies arrive on their own (SMPP mobile-originated deliver_sm). It
    hands each batch to the sink and answers the gateway only once the sink returned, so
    a crash in between makes the gateway deliver them again rather than lose them."""

    def set_reply_sink(self, sink: ReplySink | None) -> None: ...


@dataclass(frozen=True)
class SentRecord:
    """What reconcile() found at the gateway for a message we may have sent."""

    message_id: int
    provider_ref: str


@dataclass(frozen=True)
class SenderInfo:
    name: str
    status: str  # enable, disable, waitingValidation, refused
    comment: str = ""


@dataclass(frozen=True)
class Estimate:
    parts: int
    characters: int
    encoding: str  # "GSM-7" / "UCS-2"
    credits: float | None = None


@dataclass(frozen=True)
class NumberCheck:
    """Result of an operator (HLR) check."""

    e164: str
    valid: bool
    reachable: bool
    operator_code: str | None = None
    ported: bool = False
    roaming: bool = False


@runtime_checkable
class Provider(Protocol):
    """A gateway. Batches are submitted in order; every method may raise ProviderError."""

    name: str
    capabilities: frozenset[Capability]
    max_batch: int  # how many messages one submit() call may carry
    rate_per_second: float | None  # our own limit for this gateway (None: unlimited)

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        """Send a batch; return one result per message, in any order.

        `batch_ref` is unique per batch and stored with the messages before the call,
        so that reconcile() can find the batch after a crash (OVH: the job's `tag`).
        Raises TransientError when the whole batch may be retried, PermanentError when
        the whole batch must fail.
        """
        ...

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        """After a crash: which of these messages did the gateway receive?

        Only called when RECONCILE is in capabilities. Messages not in the answer were
        not received and may be sent again.
        """
        ...

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        """Current delivery status of these messages; omit those with nothing new."""
        ...

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None: ...

    def senders(self) -> list[SenderInfo]: ...

    def credits_left(self) -> float | None: ...

    def estimate(self, body: str, *, commercial: bool) -> Estimate: ...

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]: ...

    def delete_remote(self, provider_refs: Sequence[str]) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class BulkReceipts(Protocol):
    """A gateway that can say the delivery state of whole batches in a few calls."""

    def poll_receipts_bulk(
        self, refs_by_batch: Mapping[str, Sequence[str]], *, sent_since: datetime | None = None
    ) -> list[Receipt]:
        """Receipts of these messages, given by the batch_ref they were sent under;
        `sent_since`: none of them was submitted earlier. Nothing new: left out."""
        ...


@runtime_checkable
class Replies(Protocol):
    """A gateway that reports the SMS its receivers send back."""

    def fetch_replies(
        self, since: datetime | None, *, known: Callable[[str], bool] | None = None
    ) -> list[IncomingSms]:
        """Replies received since `since` (None: all it still holds), in any order.
        `known(provider_ref)` says which the caller already has: the gateway may skip
        reading their details; the same reply may still come again (callers dedupe)."""
        ...
