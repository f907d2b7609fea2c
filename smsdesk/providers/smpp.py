"""SMPP 3.4 gateway: a transceiver bind, a window of outstanding submit_sm, pushed receipts.

smpplib encodes and decodes the PDUs (make_pdu/parse_pdu only: its Client, whose
read_once raises PDUError on error responses, is not used). The transport around them is
ours, because smpplib's Client is not thread-safe (its reader and writer share a socket
with no lock, and a read timeout in the middle of a PDU loses the stream position) and it
waits for each response in turn, which caps a send at one round trip per message.

Threads: one supervisor thread per provider connects, binds and then reads the socket:
it matches submit_sm_resp to the parts in flight by sequence number, stores delivery
receipts from deliver_sm, answers enquire_link, sends its own enquire_link when the link
is idle, and reconnects with jittered backoff when the link drops or the SMSC unbinds.
`submit()` runs in the caller's thread and only writes.

Never resend what may have arrived: a part written to the socket that gets no
submit_sm_resp (the link drops, the SMSC unbinds or stays silent past `response_timeout`)
may have been accepted by an SMSC whose answer was lost, and SMPP offers no way to ask it
afterwards. Its whole message comes back `uncertain` (the dispatcher records it
`unknown`, the user decides) and is never sent again. Only parts never written are sent
after the reconnect. An answer that says no is safe to retry: throttling
(ESME_RTHROTTLED) and a full queue (ESME_RMSGQFUL) pause the sending and send the part
again; a generic_nack is a refusal the dispatcher retries later.

A bind refused (wrong credentials, ESME_RBINDFAIL...) or missing settings raise
GatewayRefusal: the dispatcher pauses the campaign instead of failing its messages.

A long message is split into UDH-concatenated parts (smsdesk.domain.encoding, the same
codec as the counter); its provider_ref is the message_ids of all its parts, space
separated, so that any later process can merge their receipts (a failed part fails the
message; it is delivered once every part is).
"""

from __future__ import annotations

import contextlib
import logging
import re
import select
import socket
import struct
import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import smpplib.command_codes
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp

from smsdesk.domain.encoding import Encoding, decode_gsm7, encode_parts, message_info
from smsdesk.providers import secrets
from smsdesk.providers.base import (
    Capability,
    Estimate,
    GatewayRefusal,
    IncomingSms,
    NumberCheck,
    OutgoingSms,
    PermanentError,
    PushedReceipt,
    Receipt,
    ReceiptSink,
    ReplySink,
    SenderInfo,
    SentRecord,
    SubmitResult,
    TransientError,
)
from smsdesk.providers.retry import Backoff, wait
from smsdesk.providers.spec import (
    QT_TRANSLATE_NOOP,
    RATE_FIELD,
    BuildContext,
    ConfigField,
    FieldKind,
    GatewaySpec,
)

log = logging.getLogger(__name__)

# SMPP command_status values by name, e.g. 0x58 -> "ESME_RTHROTTLED".
STATUS_NAMES: dict[int, str] = {
    value: name.removeprefix("SMPP_")
    for name, value in vars(smpplib.consts).items()
    if name.startswith("SMPP_ESME_") and isinstance(value, int)
}
ESME_ROK = 0x00
ESME_RSYSERR = 0x08
ESME_RMSGQFUL = 0x14
ESME_RTHROTTLED = 0x58
ESME_RINVCMDID = 0x03
# The SMSC is busy: slow down and send the same part again.
SLOW_DOWN_STATUSES = frozenset({ESME_RTHROTTLED, ESME_RMSGQFUL})
# Refusals that a later attempt may get past (the dispatcher retries the message).
TEMPORARY_STATUSES = frozenset({ESME_RSYSERR})
# The words of a message whose submit_sm got no answer (SubmitResult.uncertain).
UNANSWERED = "sent to the SMSC, which never answered: it may have been delivered"
PROVIDER_REF_MAX = 1000  # message.provider_ref's width: the part ids must fit

# Receipt "stat:" -> (OVH-style ptt, deliveryReceipt), see domain/delivery.py.
STAT_CODES: dict[str, tuple[int, int]] = {
    "DELIVRD": (4, 1),
    "UNDELIV": (5, 2),
    "EXPIRED": (8, 2),
    "REJECTD": (20, 2),
    "DELETED": (5, 2),
    "UNKNOWN": (6, 0),
    "ACCEPTD": (3, 0),
    "ENROUTE": (2, 4),
}
# message_state TLV (SMPP 3.4 5.2.28) -> stat word, for receipts without a text.
MESSAGE_STATES: dict[int, str] = {
    1: "ENROUTE",
    2: "DELIVRD",
    3: "EXPIRED",
    4: "DELETED",
    5: "UNDELIV",
    6: "ACCEPTD",
    7: "UNKNOWN",
    8: "REJECTD",
}
# Which part's receipt speaks for a multi-part message: the highest rank wins.
_STAT_RANK = {"DELIVRD": 0, "ACCEPTD": 1, "ENROUTE": 1, "UNKNOWN": 2}
_FAILED_RANK = 3

_RECEIPT_RE = re.compile(
    r"id:(?P<id>\S+).*?(?:done date:(?P<done>\d{10,12}))?\s*stat:(?P<stat>[A-Z]+)"
    r"(?:\s+err:(?P<err>\w+))?",
    re.IGNORECASE | re.DOTALL,
)

MAX_PARTS = 255

_HEADER = struct.Struct(">LLLL")
RECONNECT_BACKOFF = Backoff(base=0.2, cap=30.0, max_attempts=1_000_000)
SLOW_DOWN_BACKOFF = Backoff(base=0.05, cap=2.0)  # pause after ESME_RTHROTTLED / RMSGQFUL
_MAX_PDU = 64 * 1024
_TICK = 0.5  # seconds between the reader's keep-alive and timeout checks


def require_settings(*, host: str | None, system_id: str | None, password: str | None) -> None:
    """Say which of the settings every SMPP bind needs are missing (by their env names)."""
    missing = [
        name
        for name, value in (
            ("SMSDESK_SMPP_HOST", host),
            ("SMSDESK_SMPP_SYSTEM_ID", system_id),
            ("SMSDESK_SMPP_PASSWORD", password),
        )
        if not value
    ]
    if missing:
        raise GatewayRefusal("SMPP settings missing: " + ", ".join(missing))


@dataclass(frozen=True)
class SmppConfig:
    host: str
    port: int
    system_id: str
    password: str = field(repr=False)
    system_type: str = ""
    default_sender: str = ""
    window: int = 200  # submit_sm sent and not yet answered
    enquire_link_interval: float = 30.0  # seconds of silence before we probe the link
    response_timeout: float = 30.0  # a submit or probe unanswered this long: link is dead
    connect_timeout: float = 10.0
    link_wait: float = 30.0  # how long submit() waits for a link before giving up
    max_slow_downs: int = 50  # throttling answers for one part before giving it back
    reconnect: Backoff = RECONNECT_BACKOFF
    slow_down: Backoff = SLOW_DOWN_BACKOFF
    max_receipts: int = 1_000_000  # receipts kept in memory for poll_receipts

    def __post_init__(self) -> None:
        # SMPP 3.4 caps these C-strings (9 and 16 octets with the NUL); smpplib would
        # silently cut them and the bind would fail with a confusing ESME_RINVPASWD.
        if len(self.password) > 8:
            raise GatewayRefusal("The SMPP password is longer than 8 characters (SMPP 3.4)")
        if len(self.system_id) > 15:
            raise GatewayRefusal("The SMPP system_id is longer than 15 characters (SMPP 3.4)")

    @classmethod
    def from_environment(cls, **overrides: Any) -> SmppConfig:
        """Read SMSDESK_SMPP_HOST/_PORT/_SYSTEM_ID/_PASSWORD (environment, then keyring)."""
        host = secrets.get_secret("SMSDESK_SMPP_HOST")
        port = secrets.get_secret("SMSDESK_SMPP_PORT") or "2775"
        system_id = secrets.get_secret("SMSDESK_SMPP_SYSTEM_ID")
        password = secrets.get_secret("SMSDESK_SMPP_PASSWORD")
        require_settings(host=host, system_id=system_id, password=password)
        try:
            port_number = int(port)
        except ValueError:
            raise GatewayRefusal("SMSDESK_SMPP_PORT is not a number") from None
        assert host and system_id and password
        return cls(host=host, port=port_number, system_id=system_id, password=password, **overrides)


# --- message encoding -------------------------------------------------------------------


def encode_message(body: str) -> tuple[int, list[bytes]]:
    """(data_coding, payloads): GSM-7 (0) or UCS-2 (8), cut as `smsdesk message info` counts.

    One payload means one SMS; several mean parts that still need their UDH. The codec is
    smsdesk.domain.encoding's, the one table the counter uses. The empty text is one empty
    SMS (the campaign service never sends one).
    """
    encoded = encode_parts(body)
    data_coding = 0 if encoded.encoding is Encoding.GSM7 else 8
    return data_coding, list(encoded.parts) or [b""]


def parse_receipt(text: str) -> tuple[str, str, str | None, datetime | None] | None:
    """(id, stat, err, done) from a receipt text 'id:... done date:... stat:... err:...'."""
    match = _RECEIPT_RE.search(text)
    if match is None:
        return None
    done: datetime | None = None
    if match.group("done"):
        stamp = match.group("done")
        fmt = "%y%m%d%H%M%S" if len(stamp) == 12 else "%y%m%d%H%M"
        try:
            done = datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
        except ValueError:
            done = None
    return match.group("id"), match.group("stat").upper(), match.group("err"), done


def _address(number: str) -> tuple[int, int, str]:
    """(ton, npi, digits) of a receiver or sender."""
    if number.startswith("+") and number[1:].isdigit():
        return 1, 1, number[1:]  # international, ISDN
    if number.isdigit():
        return 0, 1, number
    return 5, 0, number  # alphanumeric


# --- state shared by the threads --------------------------------------------------------


@dataclass
class _RawReceipt:
    stat: str
    err: str | None
    done: datetime | None


@dataclass(eq=False)
class _Part:
    job: _Job
    index: int  # message index in the batch
    number: int  # 0-based part number
    fields: dict[str, Any]
    slow_downs: int = 0
    seq: int = 0
    link: _Link | None = None  # the link it was handed to
    written: bool = False  # its bytes went to the socket: never send it again
    sent_at: float = 0.0


class _Job:
    """One submit() call: its parts' queue and what the SMSC answered for each message."""

    def __init__(self, batch: Sequence[OutgoingSms]) -> None:
        self.batch = batch
        self.queue: deque[_Part] = deque()
        self.ids: list[list[str | None]] = []
        self.errors: dict[int, tuple[str, bool]] = {}
        self.unanswered: set[int] = set()  # messages with a part written and never answered
        self.open_parts = 0
        self.written = 0  # parts written to a socket: from then on the batch is not retried whole

    def add_message(self, parts: list[dict[str, Any]]) -> None:
        index = len(self.ids)
        self.ids.append([None] * len(parts))
        for number, fields in enumerate(parts):
            self.queue.append(_Part(self, index, number, fields))
        self.open_parts += len(parts)

    def add_refused(self, error: str) -> None:
        self.errors[len(self.ids)] = (error, True)
        self.ids.append([])

    def accepted(self, part: _Part, message_id: str) -> None:
        self.ids[part.index][part.number] = message_id
        self.open_parts -= 1

    def failed(self, part: _Part, error: str, permanent: bool) -> None:
        """The SMSC said no to this part (or it was never sent): its message is refused."""
        self.open_parts -= 1
        if part.index not in self.errors:
            sent_some = any(self.ids[part.index])
            # A message with parts already out must not be retried whole.
            self.errors[part.index] = (error, permanent or sent_some)

    def lost(self, part: _Part) -> None:
        """Written, never answered: its message may have arrived."""
        self.open_parts -= 1
        self.unanswered.add(part.index)

    def next_part(self) -> _Part | None:
        """Next part to send, skipping the parts of messages already refused or uncertain."""
        while self.queue:
            part = self.queue.popleft()
            if part.index in self.errors or part.index in self.unanswered:
                self.open_parts -= 1
                continue
            return part
        return None

    @property
    def done(self) -> bool:
        return self.open_parts <= 0

    def give_up(self, error: str) -> None:
        """The link stayed down: what is still queued (never written) is refused, to retry."""
        while self.queue:
            part = self.queue.popleft()
            self.failed(part, error, permanent=False)

    def results(self) -> list[SubmitResult]:
        out = []
        for index, sms in enumerate(self.batch):
            if index in self.unanswered:
                # Even with other parts accepted or refused: what arrived is unknown.
                out.append(
                    SubmitResult(
                        sms.message_id, False, error=UNANSWERED, permanent=True, uncertain=True
                    )
                )
            elif index in self.errors:
                error, permanent = self.errors[index]
                # A part accepted after another was refused: retrying it whole sends twice.
                permanent = permanent or any(self.ids[index])
                out.append(SubmitResult(sms.message_id, False, error=error, permanent=permanent))
            else:
                ref = join_part_ids([str(i) for i in self.ids[index]])
                out.append(SubmitResult(sms.message_id, True, provider_ref=ref))
        return out


def join_part_ids(ids: Sequence[str]) -> str:
    """A message's provider_ref: its parts' message_ids, space separated, within the column.

    Ids past PROVIDER_REF_MAX are left out whole (a 255-part message with long ids): its
    receipts are then judged on the parts kept.
    """
    ref = ""
    for message_id in ids:
        candidate = f"{ref} {message_id}" if ref else message_id
        if len(candidate) > PROVIDER_REF_MAX:
            log.warning("SMPP: %d part ids do not fit in a provider_ref", len(ids))
            break
        ref = candidate
    return ref


class _Sequence:
    """Thread-safe SMPP sequence numbers; also the `client` smpplib's PDUs ask for one."""

    def __init__(self) -> None:
        self._value = 0
        self._lock = threading.Lock()

    @property
    def sequence(self) -> int:
        return self._value

    def next_sequence(self) -> int:
        with self._lock:
            self._value = self._value % 0x7FFFFFFF + 1
            return self._value


class _Link:
    """One bound TCP connection: writes are serialised, reads belong to the supervisor."""

    def __init__(self, sock: socket.socket, generation: int) -> None:
        self.sock = sock
        self.generation = generation
        self.seq = _Sequence()
        self._send_lock = threading.Lock()
        self.last_rx = time.monotonic()
        self.last_tx = self.last_rx
        self.probe_sent_at: float | None = None
        self.pending = b""  # bytes read during the bind that belong to the next PDUs
        self.dead = False  # set under the send lock once the reader gave the link up

    def pdu(self, command: str, **fields: Any) -> Any:
        return smpplib.smpp.make_pdu(command, client=self.seq, **fields)

    def send(self, data: bytes) -> None:
        with self._send_lock:
            self.sock.sendall(data)
        self.last_tx = time.monotonic()

    def send_parts(self, parts: Sequence[_Part], data: bytes) -> bool:
        """Write these parts' PDUs; False when the link was already given up (none written).

        A part counts as written as soon as its bytes are handed to the socket, even if
        sendall then fails: some of them may have reached the SMSC.
        """
        with self._send_lock:
            if self.dead:
                return False
            now = time.monotonic()
            for part in parts:
                part.written = True
                part.sent_at = now
            try:
                self.sock.sendall(data)
            except OSError:
                # The reader notices the dead socket; these parts are then unanswered.
                with contextlib.suppress(OSError):
                    self.sock.shutdown(socket.SHUT_RDWR)
            self.last_tx = time.monotonic()
        return True

    def give_up(self) -> None:
        """No write after this one returns: a blocked sendall is woken by the shutdown."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        with self._send_lock:
            self.dead = True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


class _BindRefused(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(STATUS_NAMES.get(status, f"status 0x{status:X}"))
        self.status = status


class SmppProvider:
    """SMPP 3.4 transceiver. Thread-safe; one instance per gateway account."""

    name = "smpp"
    capabilities = frozenset(
        {Capability.RECEIPTS_POLL, Capability.RECEIPTS_PUSH, Capability.REPLIES}
    )
    max_batch = 1000
    rate_per_second: float | None = None

    def __init__(self, config: SmppConfig, *, rate_per_second: float | None = None) -> None:
        self.config = config
        self.rate_per_second = rate_per_second
        self._cond = threading.Condition()
        self._link: _Link | None = None
        self._generation = 0
        self._inflight: dict[int, _Part] = {}
        self._fatal: GatewayRefusal | None = None
        self._last_error = ""
        self._slow_until = 0.0
        self._slow_streak = 0
        self._closing = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._binding: _Link | None = None  # the link being bound, not yet the live one
        self._start_lock = threading.Lock()
        self._udh_ref = 0
        self._receipts_lock = threading.Lock()
        self._receipts: OrderedDict[str, _RawReceipt] = OrderedDict()
        # where pushed receipts are kept before the SMSC is told we have them (the
        # database, set by the receipt service); None: acknowledged on arrival
        self._receipt_sink: ReceiptSink | None = None
        self._replies: list[IncomingSms] = []  # mobile-originated, not yet fetched
        # where replies are stored before their deliver_sm_resp leaves (the database, set
        # by the dispatcher); None: kept in memory until fetch_replies()
        self._reply_sink: ReplySink | None = None
        self.stats = {
            "binds": 0,
            "reconnects": 0,
            "slow_downs": 0,
            "unanswered": 0,  # parts written and never answered (their messages: uncertain)
            "requeued": 0,  # parts handed to a link that dropped before writing them
            "late_answers": 0,  # submit_sm_resp after the part was given up as unanswered
        }

    @classmethod
    def from_environment(cls, **overrides: Any) -> SmppProvider:
        return cls(SmppConfig.from_environment(**overrides))

    # --- link management ------------------------------------------------------------

    def start(self) -> None:
        """Connect and bind in the background (submit and poll_receipts call it too)."""
        with self._start_lock:
            if self._closing.is_set():
                raise PermanentError("SMPP provider is closed")
            if self._supervisor is None or not self._supervisor.is_alive():
                self._supervisor = threading.Thread(
                    target=self._supervise, name=f"smpp-{self.config.host}", daemon=True
                )
                self._supervisor.start()

    def wait_bound(self, timeout: float | None = None) -> None:
        """Block until bound. Raises GatewayRefusal (refused) or TransientError (timeout)."""
        self.start()
        deadline = time.monotonic() + (self.config.link_wait if timeout is None else timeout)
        with self._cond:
            while self._link is None:
                if self._fatal is not None:
                    raise self._fatal
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TransientError(self._unreachable())
                self._cond.wait(remaining)

    @property
    def bound(self) -> bool:
        return self._link is not None

    def _unreachable(self) -> str:
        reason = f": {self._last_error}" if self._last_error else ""
        return f"SMPP gateway {self.config.host}:{self.config.port} unreachable{reason}"

    def _supervise(self) -> None:
        attempt = 0
        while not self._closing.is_set():
            try:
                link = self._open_link()
            except _BindRefused as refused:
                with self._cond:
                    # The status name only: the password never goes into an error.
                    self._fatal = GatewayRefusal(f"SMPP bind refused: {refused}")
                    self._cond.notify_all()
                # Wrong credentials do not fix themselves quickly: retry slowly.
                if wait(self.config.reconnect.cap, self._closing):
                    return
                continue
            except (OSError, smpplib.exceptions.PDUError, ValueError) as exc:
                with self._cond:
                    self._last_error = type(exc).__name__
                    self._cond.notify_all()
                if wait(self.config.reconnect.delay(attempt), self._closing):
                    return
                attempt += 1
                continue
            attempt = 0
            with self._cond:
                self._link = link
                self._fatal = None
                self._last_error = ""
                self.stats["binds"] += 1
                self._cond.notify_all()
            try:
                self._read_loop(link)
            except Exception:  # a bug in one PDU must not kill receipts forever
                log.exception("SMPP reader stopped")
            finally:
                self._drop_link(link)
            if not self._closing.is_set():
                self.stats["reconnects"] += 1

    def _drop_link(self, link: _Link) -> None:
        link.give_up()  # from here on no part is written to it
        with self._cond:
            if self._link is link:
                self._link = None
            mine = [part for part in self._inflight.values() if part.link is link]
            for part in sorted(mine, key=lambda part: part.seq, reverse=True):
                del self._inflight[part.seq]
                if part.written:
                    # It may have been accepted and its answer lost: never send it again.
                    part.job.lost(part)
                    self.stats["unanswered"] += 1
                else:
                    # Handed to this link but never written: the next link sends it.
                    part.link = None
                    part.job.queue.appendleft(part)
                    self.stats["requeued"] += 1
            self._cond.notify_all()
        link.close()

    def _open_link(self) -> _Link:
        cfg = self.config
        sock = socket.create_connection((cfg.host, cfg.port), timeout=cfg.connect_timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._cond:
            self._generation += 1
            link = _Link(sock, self._generation)
            self._binding = link  # close() can cut a bind short
        if self._closing.is_set():
            link.close()
            raise ConnectionAbortedError("closing")
        try:
            bind = link.pdu(
                "bind_transceiver",
                system_id=cfg.system_id,
                password=cfg.password,
                system_type=cfg.system_type,
                interface_version=0x34,
                addr_ton=0,
                addr_npi=0,
                address_range="",
            )
            link.send(bind.generate())
            buffer = bytearray()
            while True:
                raw = self._next_pdu(buffer)
                if raw is None:
                    chunk = sock.recv(65536)
                    if not chunk:
                        raise ConnectionResetError("closed during bind")
                    buffer += chunk
                    continue
                pdu = smpplib.smpp.parse_pdu(raw, client=link.seq, allow_unknown_opt_params=True)
                if pdu.command == "bind_transceiver_resp":
                    if pdu.status != ESME_ROK:
                        raise _BindRefused(pdu.status)
                    break
                if pdu.command == "generic_nack":
                    raise _BindRefused(pdu.status)
            # Blocking sends (a stalled SMSC is caught by the reader's response timeout,
            # which closes the socket under a blocked sendall); reads go through select.
            sock.settimeout(cfg.response_timeout)
            link.pending = bytes(buffer)
        except BaseException:
            link.close()
            raise
        finally:
            with self._cond:
                self._binding = None
        return link

    @staticmethod
    def _next_pdu(buffer: bytearray) -> bytes | None:
        if len(buffer) < 4:
            return None
        length = int.from_bytes(buffer[:4], "big")
        if length < 16 or length > _MAX_PDU:
            raise ValueError(f"bad PDU length {length}")
        if len(buffer) < length:
            return None
        raw = bytes(buffer[:length])
        del buffer[:length]
        return raw

    # --- reader -------------------------------------------------------------------------

    def _read_loop(self, link: _Link) -> None:
        buffer = bytearray(link.pending)
        cfg = self.config
        next_tick = time.monotonic() + _TICK
        while not self._closing.is_set():
            replies: list[bytes] = []
            pushed: list[PushedReceipt] = []
            answers: list[IncomingSms] = []
            while (raw := self._next_pdu(buffer)) is not None:
                if not self._handle(link, raw, replies, pushed, answers):
                    self._hand_over(pushed)
                    self._hand_over_replies(answers)
                    if replies:
                        link.send(b"".join(replies))
                    return
            # receipts and replies are stored before their deliver_sm_resp leaves: if we
            # die first, the SMSC delivers them again to the next bind
            self._hand_over(pushed)
            self._hand_over_replies(answers)
            if replies:
                link.send(b"".join(replies))
            # Housekeeping also on a busy link: a silent submit must time out there too.
            if time.monotonic() >= next_tick:
                next_tick = time.monotonic() + _TICK
                if not self._tick(link, cfg):
                    return
            try:
                readable, _, _ = select.select([link.sock], [], [], _TICK)
                if not readable:
                    continue
                chunk = link.sock.recv(262144)
            except (OSError, ValueError):  # ValueError: select on a closed socket
                return
            if not chunk:
                return
            link.last_rx = time.monotonic()
            buffer += chunk

    def _tick(self, link: _Link, cfg: SmppConfig) -> bool:
        """Idle housekeeping; False when the link must be dropped."""
        now = time.monotonic()
        if link.probe_sent_at is not None and now - link.probe_sent_at > cfg.response_timeout:
            self._last_error = "enquire_link unanswered"
            return False
        with self._cond:
            late = [
                part
                for part in self._inflight.values()
                if part.written and now - part.sent_at > cfg.response_timeout
            ]
            for part in late:
                # The SMSC may have taken it and stays silent: unknown, never resent.
                del self._inflight[part.seq]
                part.job.lost(part)
                self.stats["unanswered"] += 1
            if late:
                self._cond.notify_all()
        idle = now - max(link.last_rx, link.last_tx)
        # Unanswered submits: ask whether the link still lives (a dead one is dropped when
        # the probe goes unanswered too), else probe an idle link.
        if link.probe_sent_at is None and (late or idle >= cfg.enquire_link_interval):
            link.probe_sent_at = now
            try:
                link.send(link.pdu("enquire_link").generate())
            except OSError:
                return False
        return True

    def _hand_over(self, pushed: list[PushedReceipt]) -> None:
        sink = self._receipt_sink
        if not pushed or sink is None:
            return
        try:
            sink(pushed)
        except Exception as exc:  # kept in memory still; the poll will find them
            log.warning("SMPP receipts could not be stored: %s", exc)

    def _hand_over_replies(self, answers: list[IncomingSms]) -> None:
        if not answers:
            return
        sink = self._reply_sink
        if sink is not None:
            try:
                sink(answers)
                return
            except Exception as exc:  # kept in memory: the next fetch_replies() has them
                log.warning("SMPP replies could not be stored: %s", exc)
        with self._receipts_lock:
            self._replies.extend(answers)
            del self._replies[: -self.config.max_receipts]

    def _handle(
        self,
        link: _Link,
        raw: bytes,
        replies: list[bytes],
        pushed: list[PushedReceipt],
        answers: list[IncomingSms],
    ) -> bool:
        """Act on one PDU; False when the SMSC ends the session."""
        _length, command_id, status, sequence = _HEADER.unpack_from(raw)
        if command_id == 0x80000004:  # submit_sm_resp, the hot path
            message_id = raw[16:].split(b"\0", 1)[0].decode("ascii", "replace")
            self._on_submit_resp(sequence, status, message_id)
            return True
        try:
            smpplib.command_codes.get_command_name(command_id)
        except smpplib.exceptions.UnknownCommandError:
            if not command_id & 0x80000000:  # a request we do not know: say so
                nack = link.pdu("generic_nack")
                nack.sequence, nack.status = sequence, ESME_RINVCMDID
                replies.append(nack.generate())
            return True
        pdu = smpplib.smpp.parse_pdu(raw, client=link.seq, allow_unknown_opt_params=True)
        command = pdu.command
        if command == "deliver_sm":
            received = self._on_deliver(pdu)
            if isinstance(received, PushedReceipt):
                pushed.append(received)
            elif received is not None:
                answers.append(received)
            resp = link.pdu("deliver_sm_resp", message_id="")
            resp.sequence = sequence
            replies.append(resp.generate())
        elif command == "enquire_link":
            resp = link.pdu("enquire_link_resp")
            resp.sequence = sequence
            replies.append(resp.generate())
        elif command == "enquire_link_resp":
            link.probe_sent_at = None
        elif command == "generic_nack":
            # The SMSC did not take the PDU: a no, so retrying is safe.
            self._on_submit_resp(sequence, status or ESME_RSYSERR, "", nack=True)
        elif command == "unbind":
            resp = link.pdu("unbind_resp")
            resp.sequence = sequence
            replies.append(resp.generate())
            self._last_error = "SMSC unbound"
            return False
        elif command == "unbind_resp":
            return False
        return True

    def _on_submit_resp(
        self, sequence: int, status: int, message_id: str, *, nack: bool = False
    ) -> None:
        with self._cond:
            part = self._inflight.pop(sequence, None)
            if part is None:
                if sequence:
                    # Answered after we gave it up as unanswered: its message stays unknown.
                    self.stats["late_answers"] += 1
                return
            job = part.job
            if status == ESME_ROK and message_id and not nack:
                self._slow_streak = 0
                job.accepted(part, message_id)
            elif status in SLOW_DOWN_STATUSES:
                # Not accepted: send the same part again once the pause is over.
                self.stats["slow_downs"] += 1
                part.slow_downs += 1
                if part.slow_downs > self.config.max_slow_downs:
                    job.failed(part, STATUS_NAMES[status], permanent=False)
                else:
                    part.link, part.written = None, False
                    job.queue.appendleft(part)
                    pause = self.config.slow_down.ceiling(self._slow_streak)
                    self._slow_until = max(self._slow_until, time.monotonic() + pause)
                    self._slow_streak += 1
            else:
                name = STATUS_NAMES.get(status, f"SMPP status 0x{status:X}")
                if nack:
                    job.failed(part, f"generic_nack {name}", permanent=False)
                else:
                    job.failed(part, name, permanent=status not in TEMPORARY_STATUSES)
            self._cond.notify_all()

    def _on_deliver(self, pdu: Any) -> PushedReceipt | IncomingSms | None:
        """A delivery receipt (kept, and returned for the sink) or a reply (returned for
        the reply sink); None for what is not understood."""
        esm_class = pdu.esm_class or 0
        if esm_class & 0x3C not in (0x04, 0x08):
            return self._on_mobile_originated(pdu)
        raw_text = pdu.short_message or getattr(pdu, "message_payload", None) or b""
        text = raw_text.decode("latin-1") if isinstance(raw_text, bytes) else str(raw_text)
        parsed = parse_receipt(text)
        tlv_id = getattr(pdu, "receipted_message_id", None)
        if isinstance(tlv_id, bytes):
            tlv_id = tlv_id.decode("ascii", "replace")
        state = getattr(pdu, "message_state", None)
        if parsed is not None:
            text_id, stat, err, done = parsed
        elif tlv_id and state in MESSAGE_STATES:
            text_id, stat, err, done = tlv_id, MESSAGE_STATES[state], None, None
        else:
            log.warning("SMPP receipt not understood")
            return None
        receipt_id = (tlv_id or text_id).strip("\0")
        self._keep(receipt_id, _RawReceipt(stat, err, done))
        return PushedReceipt(receipt_id, stat, err, done)

    def _keep(self, receipt_id: str, raw: _RawReceipt) -> None:
        with self._receipts_lock:
            self._receipts[receipt_id] = raw
            self._receipts.move_to_end(receipt_id)
            while len(self._receipts) > self.config.max_receipts:
                self._receipts.popitem(last=False)

    # --- receipts kept elsewhere (PushesReceipts) -----------------------------------

    def set_receipt_sink(self, sink: ReceiptSink | None) -> None:
        self._receipt_sink = sink

    def remember_receipts(self, receipts: Sequence[PushedReceipt]) -> None:
        """Receipts stored by an earlier process (or by us before a restart)."""
        for receipt in receipts:
            self._keep(
                receipt.part_ref, _RawReceipt(receipt.state, receipt.error_code, receipt.done_at)
            )

    def part_refs(self, provider_ref: str) -> list[str]:
        return provider_ref.split()

    def set_reply_sink(self, sink: ReplySink | None) -> None:
        self._reply_sink = sink

    def _on_mobile_originated(self, pdu: Any) -> IncomingSms:
        raw = pdu.short_message or getattr(pdu, "message_payload", None) or b""
        if isinstance(raw, str):
            raw = raw.encode("latin-1", "replace")
        if (pdu.esm_class or 0) & 0x40 and raw:  # UDHI: skip the user data header
            raw = raw[1 + raw[0] :]
        coding = pdu.data_coding or 0
        if coding == 8:
            body = raw.decode("utf-16-be", "replace")
        elif coding in (1, 3):  # IA5 / Latin-1
            body = raw.decode("latin-1")
        else:
            body = decode_gsm7(raw)
        source = pdu.source_addr or b""
        sender = source.decode("ascii", "replace") if isinstance(source, bytes) else str(source)
        if sender and not sender.startswith("+"):
            sender = "+" + sender
        return IncomingSms(
            provider_ref=f"mo:{uuid.uuid4().hex}",
            sender=sender,
            body=body,
            received_at=datetime.now(UTC),
        )

    def fetch_replies(
        self, since: datetime | None, *, known: Callable[[str], bool] | None = None
    ) -> list[IncomingSms]:
        """The replies (mobile-originated deliver_sm) received since the last call: the
        SMSC pushes each once, so they are handed over once."""
        self.start()  # replies arrive on the bound link
        with self._receipts_lock:
            replies, self._replies = self._replies, []
        return replies

    # --- Provider -------------------------------------------------------------------

    def _parts_for(self, sms: OutgoingSms) -> list[dict[str, Any]]:
        data_coding, payloads = encode_message(sms.body)
        if len(payloads) > MAX_PARTS:
            raise ValueError("message too long for 255 parts")
        sender = sms.sender or self.config.default_sender
        src_ton, src_npi, src = _address(sender) if sender else (0, 0, "")
        dst_ton, dst_npi, dst = _address(sms.receiver)
        common = {
            "service_type": "",
            "source_addr_ton": src_ton,
            "source_addr_npi": src_npi,
            "source_addr": src,
            "dest_addr_ton": dst_ton,
            "dest_addr_npi": dst_npi,
            "destination_addr": dst,
            "registered_delivery": 1,
            "data_coding": data_coding,
        }
        if len(payloads) == 1:
            return [dict(common, esm_class=0, short_message=payloads[0])]
        with self._cond:
            self._udh_ref = (self._udh_ref + 1) % 256
            ref = self._udh_ref
        total = len(payloads)
        return [
            dict(
                common,
                esm_class=0x40,  # UDHI: the payload starts with a user data header
                short_message=bytes((5, 0, 3, ref, total, number)) + payload,
            )
            for number, payload in enumerate(payloads, start=1)
        ]

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        if deferred_until is not None:
            raise PermanentError("The SMPP gateway does not take deferred sends")
        job = _Job(batch)
        for sms in batch:
            try:
                job.add_message(self._parts_for(sms))
            except ValueError as exc:
                job.add_refused(str(exc))
        if job.done:
            return job.results()
        self.start()
        cfg = self.config
        link_lost_at: float | None = None
        while True:
            with self._cond:
                while True:
                    if job.done:
                        return job.results()
                    link = self._link
                    now = time.monotonic()
                    if link is None:
                        # Nothing of this batch reached a socket: the whole batch may be
                        # retried (or paused). Otherwise each message gets its own answer.
                        if self._fatal is not None and not job.written:
                            raise self._fatal
                        link_lost_at = link_lost_at or now
                        closing = self._closing.is_set()
                        if self._fatal or closing or now - link_lost_at >= cfg.link_wait:
                            if not job.written:
                                raise TransientError(self._unreachable())
                            job.give_up(str(self._fatal or self._unreachable()))
                            continue
                        self._cond.wait(0.25)
                        continue
                    link_lost_at = None
                    room = cfg.window - len(self._inflight)
                    if job.queue and room > 0 and now >= self._slow_until:
                        break
                    timeout = self._slow_until - now if now < self._slow_until else 1.0
                    self._cond.wait(timeout)
                sending: list[_Part] = []
                while len(sending) < min(room, 64):
                    part = job.next_part()
                    if part is None:
                        break
                    part.seq = link.seq.next_sequence()
                    part.link = link
                    self._inflight[part.seq] = part
                    sending.append(part)
                job.written += len(sending)
            if not sending:
                continue
            data = b"".join(self._encode(link, part) for part in sending)
            # False: the link was given up first, and _drop_link queued these parts again.
            link.send_parts(sending, data)

    @staticmethod
    def _encode(link: _Link, part: _Part) -> bytes:
        pdu = link.pdu("submit_sm", sequence=part.seq, **part.fields)
        pdu.sequence = part.seq
        data: bytes = pdu.generate()
        return data

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        raise PermanentError("SMPP cannot tell which messages an SMSC received")

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        """Receipts pushed so far for these refs, the parts of a long message merged.

        A ref names all its parts (see join_part_ids), so a message submitted by an
        earlier process is matched too. A failed part fails the message at once; it is
        delivered once every part is; until then it has nothing new.
        """
        self.start()
        out = []
        with self._receipts_lock:
            for ref in provider_refs:
                chosen = self._merged(ref)
                if chosen is None:
                    continue
                ptt, dlr = STAT_CODES.get(chosen.stat, (6, 0))
                delivered_at = chosen.done if chosen.stat == "DELIVRD" else None
                error = None
                if _rank(chosen.stat) >= _FAILED_RANK:  # the SMSC's own words for a failure
                    error = f"stat:{chosen.stat}" + (f" err:{chosen.err}" if chosen.err else "")
                out.append(
                    Receipt(
                        provider_ref=ref, ptt=ptt, dlr=dlr, delivered_at=delivered_at, error=error
                    )
                )
        return out

    def _merged(self, ref: str) -> _RawReceipt | None:
        """The receipt that speaks for the message `ref` (call with _receipts_lock held)."""
        ids = ref.split()
        found = [self._receipts[i] for i in ids if i in self._receipts]
        if not found:
            return None
        worst = max(found, key=lambda raw: _rank(raw.stat))
        if len(found) < len(ids) and _rank(worst.stat) < _FAILED_RANK:
            return None  # parts still to hear from, none failed: wait
        if worst.stat == "DELIVRD":
            # Delivered when the last part is: its time is the message's.
            return max(found, key=lambda raw: raw.done or datetime.min.replace(tzinfo=UTC))
        return worst

    def receipt_error(self, provider_ref: str) -> str | None:
        """The SMSC's `err:` code of the receipt that decided this message, if any."""
        with self._receipts_lock:
            chosen = self._merged(provider_ref)
        return chosen.err if chosen is not None else None

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        raise PermanentError("The SMPP gateway has no deferred sends to cancel")

    def senders(self) -> list[SenderInfo]:
        return []

    def credits_left(self) -> float | None:
        return None

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        # SMPP sends the body as it is: no STOP clause is added by the gateway.
        info = message_info(body)
        return Estimate(parts=info.segments, characters=info.length, encoding=str(info.encoding))

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        raise PermanentError("The SMPP gateway offers no operator check")

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        raise PermanentError("The SMPP gateway keeps no history to delete")

    def close(self) -> None:
        """Unbind politely and stop the reader, within about a second (a SIGTERM waits).

        A submit() still waiting gets its answer at once: parts written and unanswered
        are uncertain, parts never written are refused to be retried later.
        """
        self._closing.set()
        with self._cond:
            link, binding = self._link, self._binding
            self._cond.notify_all()
        if binding is not None:
            binding.close()
        if link is not None:
            with contextlib.suppress(OSError):
                link.sock.settimeout(0.5)  # a stalled SMSC must not hold the exit
                link.send(link.pdu("unbind").generate())
            link.close()
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(timeout=1.5)


def _rank(stat: str) -> int:
    return _STAT_RANK.get(stat, _FAILED_RANK)


# --- the gateway's spec (providers/registry.py lists it) ----------------------------------

TEST_BIND_TIMEOUT = 10.0  # seconds a connection test waits for the bind


def _from_settings(values: Mapping[str, str], _context: BuildContext) -> SmppProvider:
    return SmppProvider(
        SmppConfig(
            host=values["host"],
            port=int(values.get("port") or 2775),
            system_id=values["system_id"],
            password=values["password"],
        )
    )


def _bound(provider: Any) -> None:
    assert isinstance(provider, SmppProvider)
    provider.wait_bound(timeout=TEST_BIND_TIMEOUT)


SPEC = GatewaySpec(
    name="smpp",
    label=QT_TRANSLATE_NOOP("GatewaySpec", "SMPP 3.4"),
    description=QT_TRANSLATE_NOOP(
        "GatewaySpec",
        "An SMS centre reached over SMPP 3.4 (host, port and account from your operator).",
    ),
    capabilities=SmppProvider.capabilities,
    factory=_from_settings,
    fields=(
        ConfigField(
            "host",
            QT_TRANSLATE_NOOP("GatewaySpec", "Host"),
            required=True,
            env="SMSDESK_SMPP_HOST",
            placeholder="smsc.example.net",
            tooltip=QT_TRANSLATE_NOOP("GatewaySpec", "The SMS centre's host name or address"),
        ),
        ConfigField(
            "port",
            QT_TRANSLATE_NOOP("GatewaySpec", "Port"),
            FieldKind.INTEGER,
            env="SMSDESK_SMPP_PORT",
            default="2775",
            minimum=1,
            maximum=65535,
            tooltip=QT_TRANSLATE_NOOP("GatewaySpec", "The SMS centre's TCP port (2775 by default)"),
        ),
        ConfigField(
            "system_id",
            QT_TRANSLATE_NOOP("GatewaySpec", "System ID"),
            required=True,
            env="SMSDESK_SMPP_SYSTEM_ID",
            max_length=15,
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "The account name the SMS centre gave you (15 characters at most)"
            ),
        ),
        ConfigField(
            "password",
            QT_TRANSLATE_NOOP("GatewaySpec", "Password"),
            FieldKind.SECRET,
            required=True,
            env="SMSDESK_SMPP_PASSWORD",
            max_length=8,
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec",
                "The account's password (8 characters at most); kept in the system keyring",
            ),
        ),
        RATE_FIELD,
    ),
    connection_test=_bound,
    short_label="SMPP",
)
