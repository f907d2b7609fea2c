"""SMPP 3.4 gateway: a transceiver bind, a window of outstanding submit_sm, pushed receipts.

smpplib encodes and decodes the PDUs. The transport around them is ours, because
smpplib's Client is not thread-safe (its reader and writer share a socket with no lock,
and a read timeout in the middle of a PDU loses the stream position) and it waits for
each response in turn, which caps a send at one round trip per message.

Threads: one supervisor thread per provider connects, binds and then reads the socket:
it matches submit_sm_resp to the parts in flight by sequence number, stores delivery
receipts from deliver_sm, answers enquire_link, sends its own enquire_link when the link
is idle, and reconnects with jittered backoff when the link drops. `submit()` runs in the
caller's thread and only writes. When the link drops, parts sent but not answered go back
to the queue and are sent again after the reconnect: an SMSC that did not answer a
submit_sm has not accepted it. That is SMPP's rule; SMPP offers no way to ask the SMSC
afterwards, so a response lost after the SMSC processed the message is the one case where
a message can go twice.

A long message is split into UDH-concatenated parts; its provider_ref is the first
part's message_id, and the receipts of all its parts are merged (a failed part fails the
message).
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
from collections import OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import smpplib.consts
import smpplib.exceptions
import smpplib.gsm
import smpplib.smpp

from smsdesk.providers import secrets
from smsdesk.providers.base import (
    Capability,
    Estimate,
    NumberCheck,
    OutgoingSms,
    PermanentError,
    Receipt,
    SenderInfo,
    SentRecord,
    SubmitResult,
    TransientError,
)
from smsdesk.providers.retry import Backoff, wait

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
# The SMSC is busy: slow down and send the same part again.
SLOW_DOWN_STATUSES = frozenset({ESME_RTHROTTLED, ESME_RMSGQFUL})
# Refusals that a later attempt may get past (the dispatcher retries the message).
TEMPORARY_STATUSES = frozenset({ESME_RSYSERR})

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

GSM_SINGLE = 160  # septets in one GSM-7 SMS
GSM_PART = 153  # septets per part once a 6-byte UDH is added
UCS2_SINGLE = 140  # bytes (70 UTF-16 units)
UCS2_PART = 134  # bytes (67 units)
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
        raise PermanentError("SMPP settings missing: " + ", ".join(missing))


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
            raise PermanentError("The SMPP password is longer than 8 characters (SMPP 3.4)")
        if len(self.system_id) > 15:
            raise PermanentError("The SMPP system_id is longer than 15 characters (SMPP 3.4)")

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
            raise PermanentError("SMSDESK_SMPP_PORT is not a number") from None
        assert host and system_id and password
        return cls(host=host, port=port_number, system_id=system_id, password=password, **overrides)


# --- message encoding -------------------------------------------------------------------

_GSM_CACHE: dict[str, bytes | None] = {}


def _gsm_char(char: str) -> bytes | None:
    """The unpacked GSM 03.38 septets of one character, or None outside the alphabet."""
    cached = _GSM_CACHE.get(char, b"")
    if cached != b"":
        return cached
    encoded: bytes | None
    # smpplib's table fills its holes with '`', which is not a GSM character.
    if char == "`":
        encoded = None
    else:
        try:
            encoded = smpplib.gsm.gsm_encode(char)
        except UnicodeError:
            encoded = None
    _GSM_CACHE[char] = encoded
    return encoded


def encode_message(body: str) -> tuple[int, list[bytes]]:
    """(data_coding, payloads): GSM-7 (0) when every character has septets, else UCS-2 (8).

    One payload means one SMS; several mean parts that still need their UDH. Parts never
    cut an escape sequence (GSM) or a surrogate pair (UCS-2).
    """
    units: list[bytes] = []
    for char in body:
        septets = _gsm_char(char)
        if septets is None:
            break
        units.append(septets)
    else:
        return 0, _split(units, GSM_SINGLE, GSM_PART)
    ucs2_units = [char.encode("utf-16-be") for char in body]
    return 8, _split(ucs2_units, UCS2_SINGLE, UCS2_PART)


def _split(units: list[bytes], single: int, part_size: int) -> list[bytes]:
    whole = b"".join(units)
    if len(whole) <= single:
        return [whole]
    parts: list[bytes] = []
    current = bytearray()
    for unit in units:
        if len(current) + len(unit) > part_size:
            parts.append(bytes(current))
            current = bytearray()
        current += unit
    if current:
        parts.append(bytes(current))
    return parts


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
    sent_at: float = 0.0


class _Job:
    """One submit() call: its parts' queue and what the SMSC answered for each message."""

    def __init__(self, batch: Sequence[OutgoingSms]) -> None:
        self.batch = batch
        self.queue: deque[_Part] = deque()
        self.ids: list[list[str | None]] = []
        self.errors: dict[int, tuple[str, bool]] = {}
        self.open_parts = 0

    def add_message(self, parts: list[dict[str, Any]]) -> None:
        index = len(self.ids)
        self.ids.append([None] * len(parts))
        for number, fields in enumerate(parts):
            self.queue.append(_Part(self, index, number, fields))
        self.open_parts += len(parts)

    def add_refused(self, error: str) -> None:
        self.errors[len(self.ids)] = (error, True)
        self.ids.append([])

    def accepted(self, part: _Part, message_id: str) -> bool:
        """Record a part's id; True when its message is now complete and accepted."""
        self.ids[part.index][part.number] = message_id
        self.open_parts -= 1
        return part.index not in self.errors and all(self.ids[part.index])

    def failed(self, part: _Part, error: str, permanent: bool) -> None:
        self.open_parts -= 1
        if part.index not in self.errors:
            sent_some = any(self.ids[part.index])
            # A message with parts already out must not be retried whole.
            self.errors[part.index] = (error, permanent or sent_some)

    def next_part(self) -> _Part | None:
        """Next part to send, skipping the parts of messages that already failed."""
        while self.queue:
            part = self.queue.popleft()
            if part.index in self.errors:
                self.open_parts -= 1
                continue
            return part
        return None

    @property
    def done(self) -> bool:
        return self.open_parts <= 0

    def give_up(self, error: str) -> None:
        """The link stayed down: what is still queued is refused, to be retried later."""
        while self.queue:
            part = self.queue.popleft()
            self.failed(part, error, permanent=False)

    def results(self) -> list[SubmitResult]:
        out = []
        for index, sms in enumerate(self.batch):
            if index in self.errors:
                error, permanent = self.errors[index]
                out.append(SubmitResult(sms.message_id, False, error=error, permanent=permanent))
            else:
                out.append(SubmitResult(sms.message_id, True, provider_ref=self.ids[index][0]))
        return out

    def accepted_any(self) -> bool:
        return any(any(ids) for ids in self.ids)


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

    def pdu(self, command: str, **fields: Any) -> Any:
        return smpplib.smpp.make_pdu(command, client=self.seq, **fields)

    def send(self, data: bytes) -> None:
        with self._send_lock:
            self.sock.sendall(data)
        self.last_tx = time.monotonic()

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
    capabilities = frozenset({Capability.RECEIPTS_POLL})
    max_batch = 1000
    rate_per_second: float | None = None

    def __init__(self, config: SmppConfig, *, rate_per_second: float | None = None) -> None:
        self.config = config
        self.rate_per_second = rate_per_second
        self._cond = threading.Condition()
        self._link: _Link | None = None
        self._generation = 0
        self._inflight: dict[int, _Part] = {}
        self._fatal: PermanentError | None = None
        self._last_error = ""
        self._slow_until = 0.0
        self._slow_streak = 0
        self._closing = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._udh_ref = 0
        self._receipts_lock = threading.Lock()
        self._receipts: OrderedDict[str, _RawReceipt] = OrderedDict()
        self._parts_of: dict[str, tuple[str, ...]] = {}
        self.stats = {"binds": 0, "reconnects": 0, "slow_downs": 0, "resent_after_drop": 0}

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
        """Block until bound. Raises PermanentError (refused) or TransientError (timeout)."""
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
                    self._fatal = PermanentError(f"SMPP bind refused: {refused}")
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
        with self._cond:
            if self._link is link:
                self._link = None
            # Unanswered parts were not accepted (SMPP): send them again on the next link.
            lost = sorted(self._inflight.values(), key=lambda part: part.seq, reverse=True)
            for part in lost:
                part.job.queue.appendleft(part)
            self.stats["resent_after_drop"] += len(lost)
            self._inflight.clear()
            self._cond.notify_all()
        link.close()

    def _open_link(self) -> _Link:
        cfg = self.config
        sock = socket.create_connection((cfg.host, cfg.port), timeout=cfg.connect_timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._cond:
            self._generation += 1
            link = _Link(sock, self._generation)
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
        while not self._closing.is_set():
            replies: list[bytes] = []
            while (raw := self._next_pdu(buffer)) is not None:
                if not self._handle(link, raw, replies):
                    if replies:
                        link.send(b"".join(replies))
                    return
            if replies:
                link.send(b"".join(replies))
            try:
                readable, _, _ = select.select([link.sock], [], [], _TICK)
                if not readable:
                    if not self._tick(link, cfg):
                        return
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
            oldest = min((part.sent_at for part in self._inflight.values()), default=None)
        if oldest is not None and now - oldest > cfg.response_timeout:
            self._last_error = "submit_sm unanswered"
            return False
        idle = now - max(link.last_rx, link.last_tx)
        if link.probe_sent_at is None and idle >= cfg.enquire_link_interval:
            link.probe_sent_at = now
            try:
                link.send(link.pdu("enquire_link").generate())
            except OSError:
                return False
        return True

    def _handle(self, link: _Link, raw: bytes, replies: list[bytes]) -> bool:
        """Act on one PDU; False when the SMSC ends the session."""
        _length, command_id, status, sequence = _HEADER.unpack_from(raw)
        if command_id == 0x80000004:  # submit_sm_resp, the hot path
            message_id = raw[16:].split(b"\0", 1)[0].decode("ascii", "replace")
            self._on_submit_resp(sequence, status, message_id)
            return True
        pdu = smpplib.smpp.parse_pdu(raw, client=link.seq, allow_unknown_opt_params=True)
        command = pdu.command
        if command == "deliver_sm":
            self._on_deliver(pdu)
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
            self._on_submit_resp(sequence, status or ESME_RSYSERR, "")
        elif command == "unbind":
            resp = link.pdu("unbind_resp")
            resp.sequence = sequence
            replies.append(resp.generate())
            self._last_error = "SMSC unbound"
            return False
        elif command == "unbind_resp":
            return False
        return True

    def _on_submit_resp(self, sequence: int, status: int, message_id: str) -> None:
        with self._cond:
            part = self._inflight.pop(sequence, None)
            if part is None:
                return
            job = part.job
            if status == ESME_ROK and message_id:
                self._slow_streak = 0
                if job.accepted(part, message_id):
                    ids = job.ids[part.index]
                    if len(ids) > 1:
                        with self._receipts_lock:
                            self._parts_of[str(ids[0])] = tuple(str(i) for i in ids)
            elif status in SLOW_DOWN_STATUSES:
                self.stats["slow_downs"] += 1
                part.slow_downs += 1
                if part.slow_downs > self.config.max_slow_downs:
                    job.failed(part, STATUS_NAMES[status], permanent=False)
                else:
                    job.queue.appendleft(part)
                    pause = self.config.slow_down.ceiling(self._slow_streak)
                    self._slow_until = max(self._slow_until, time.monotonic() + pause)
                    self._slow_streak += 1
            else:
                name = STATUS_NAMES.get(status, f"SMPP status 0x{status:X}")
                job.failed(part, name, permanent=status not in TEMPORARY_STATUSES)
            self._cond.notify_all()

    def _on_deliver(self, pdu: Any) -> None:
        esm_class = pdu.esm_class or 0
        if esm_class & 0x3C not in (0x04, 0x08):
            return  # a mobile-originated message, not a receipt: acknowledged, not kept
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
            return
        receipt_id = (tlv_id or text_id).strip("\0")
        with self._receipts_lock:
            self._receipts[receipt_id] = _RawReceipt(stat, err, done)
            self._receipts.move_to_end(receipt_id)
            while len(self._receipts) > self.config.max_receipts:
                self._receipts.popitem(last=False)

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
                        if self._fatal is not None and not job.accepted_any():
                            raise self._fatal
                        link_lost_at = link_lost_at or now
                        if now - link_lost_at >= cfg.link_wait and not self._inflight_of(job):
                            if not job.accepted_any():
                                raise TransientError(self._unreachable())
                            job.give_up(self._unreachable())
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
                    part.sent_at = now
                    self._inflight[part.seq] = part
                    sending.append(part)
            if not sending:
                continue
            data = b"".join(self._encode(link, part) for part in sending)
            try:
                link.send(data)
            except OSError:
                # The reader notices the dead socket and puts these parts back in the queue.
                with self._cond:
                    self._last_error = "send failed"
                with contextlib.suppress(OSError):
                    link.sock.shutdown(socket.SHUT_RDWR)

    def _inflight_of(self, job: _Job) -> bool:
        return any(part.job is job for part in self._inflight.values())

    @staticmethod
    def _encode(link: _Link, part: _Part) -> bytes:
        pdu = link.pdu("submit_sm", sequence=part.seq, **part.fields)
        pdu.sequence = part.seq
        data: bytes = pdu.generate()
        return data

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        raise PermanentError("SMPP cannot tell which messages an SMSC received")

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        """Receipts pushed so far for these refs (multi-part messages merged)."""
        self.start()
        out = []
        with self._receipts_lock:
            for ref in provider_refs:
                ids = self._parts_of.get(ref, (ref,))
                found = [self._receipts[i] for i in ids if i in self._receipts]
                if not found:
                    continue
                chosen = found[0]
                for raw in found[1:]:
                    if _rank(raw.stat) > _rank(chosen.stat):
                        chosen = raw
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

    def receipt_error(self, provider_ref: str) -> str | None:
        """The SMSC's `err:` code of the receipt that decided this message, if any."""
        with self._receipts_lock:
            ids = self._parts_of.get(provider_ref, (provider_ref,))
            found = [self._receipts[i] for i in ids if i in self._receipts]
        if not found:
            return None
        worst = max(found, key=lambda raw: _rank(raw.stat))
        return worst.err

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        raise PermanentError("The SMPP gateway has no deferred sends to cancel")

    def senders(self) -> list[SenderInfo]:
        return []

    def credits_left(self) -> float | None:
        return None

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        data_coding, payloads = encode_message(body)
        if data_coding == 0:
            characters = sum(len(_gsm_char(c) or b"") for c in body)
        else:
            characters = len(body.encode("utf-16-be")) // 2
        return Estimate(
            parts=len(payloads),
            characters=characters,
            encoding="GSM-7" if data_coding == 0 else "UCS-2",
        )

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        raise PermanentError("The SMPP gateway offers no operator check")

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        raise PermanentError("The SMPP gateway keeps no history to delete")

    def close(self) -> None:
        """Unbind politely and stop the reader."""
        self._closing.set()
        with self._cond:
            link = self._link
            self._cond.notify_all()
        if link is not None:
            with contextlib.suppress(OSError):
                link.send(link.pdu("unbind").generate())
            link.close()
        supervisor = self._supervisor
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(timeout=5)


def _rank(stat: str) -> int:
    return _STAT_RANK.get(stat, _FAILED_RANK)
