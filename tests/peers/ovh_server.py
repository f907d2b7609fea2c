"""An OVH API peer on 127.0.0.1: the /sms routes smsdesk uses, with OVH's request signing.

A real HTTP server (http.server, threaded, HTTP/1.1 keep-alive) that checks every
signed call the way the OVH API does:

    X-Ovh-Signature = "$1$" + sha1(secret + "+" + consumerKey + "+" + METHOD + "+"
                                   + full URL + "+" + body + "+" + timestamp)

and answers like OVH: unknown application key -> 403 INVALID_KEY, unknown or unvalidated
consumer key -> 403 INVALID_CREDENTIAL, bad signature (wrong secret) -> 400
INVALID_SIGNATURE (what eu.api.ovh.com answers), a route outside the key's access rules
-> 403 NOT_GRANTED_CALL. /auth/time and /auth/credential work unsigned, as at OVH.

It keeps its own record of every receiver it accepted (`accepted`), and can inject faults
on chosen calls: a status (5xx, 429 with Retry-After) either before handling the call or
after handling it (the call took effect but the client sees an error).

Deferred sends: `POST /sms/{s}/batches` (name, tag, message, to[], from or
senderForResponse, noStop, deferred) holds the SMS until `release_jobs()`; `GET batches`
lists them with their `name`, `POST batches/{id}/cancel` cancels one, `GET
batches/{id}/statistics` counts its SMS (sent, delivered, failed, pending). Sent SMS carry the
batch's `tag` and `batchID` in `outgoing`. (Deferred `POST jobs` with `differedPeriod`
still works: those jobs carry no tag, as at OVH.)

Replies: `receive(sender, message)` puts an SMS in `GET incoming` (ids; `incoming/{id}`);
`blacklist(number, answered=sms_id)` files a STOP tied to the SMS it answered
(`smsOutgoingID`, `batchID`), as OVH does when a receiver answers STOP.

Money and STOP: a job or batch that needs more credits than `creditsLeft` is refused with
HTTP 403 "Not enough credits ..." and nothing is sent; numbers in the STOP list
(`blacklist(number)`, `GET /sms/{s}/blacklists`) come back in `invalidReceivers` (jobs) or
`errors` (batches), as do `unknown_numbers`.

Clock: `clock_skew` (seconds) moves the peer's clock: `/auth/time` reports it and the
signature timestamp is checked against it (python-ovh signs with the /auth/time delta).

Fault plan, seeded, for fault campaigns (`fault_plan = OvhFaults(...)`): each call
whose method is in `methods` and path matches one of `routes` draws one outcome, with these
probabilities (the rest answer normally):
  lose_answer   the call is processed, then the connection is dropped without an answer
  error_5xx     a 500/502/503, half of them before processing, half after
  throttle_429  a 429 with `Retry-After: retry_after`, not processed
  silence       the call is processed, then nothing is answered for `silence_seconds`
                (bounded), then the connection is dropped
  slow          the call is processed and answered `slow_seconds` late
`fault_plan.counts` tells how many of each were injected, `fault_plan.log` which call got
which. Draws follow the seed in the order calls arrive (exactly repeatable with one client
thread; with several, the rates hold, not the order). The `Fault` list (`inject()`) is
consulted first and keeps working as before; a call it picks draws nothing from the plan.

Delivery: each outgoing SMS reports ptt 3 / DLR 0 (accepted by the operator) on its first
look and its final state from then on (or, with `receipt_delay` set, once that many seconds
have passed since it was sent); the final state follows the receiver's last digits
(`outcomes`), delivered otherwise. A look is a `GET outgoing/{id}` or a listing by state:
`GET outgoing?deliveryReceipt=N` (or `ptt=N`), with `tag`, `batchID`, `receiver`, `sender`,
`creationDatetime.from`/`.to` filters, answers ids only, as at OVH.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import random
import re
import secrets
import socket
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "^{}\\[~]|€\f"
STOP_CLAUSE = "\nSTOP au 36180"
E164 = re.compile(r"^(?:\+|00)([1-9]\d{7,14})$")


def canonical(receiver: str) -> str | None:
    match = E164.match(receiver.replace(" ", ""))
    return "+" + match.group(1) if match else None


def sms_length(text: str) -> tuple[int, str, int, int]:
    """(characters, class, max per part, parts) the way /sms/estimate counts."""
    if all(c in GSM_BASIC or c in GSM_EXTENSION for c in text):
        chars = sum(2 if c in GSM_EXTENSION else 1 for c in text)
        single, part, klass = 160, 153, "7bits"
    else:
        chars = len(text.encode("utf-16-be")) // 2
        single, part, klass = 70, 67, "unicode"
    parts = 1 if chars <= single else -(-chars // part)
    return chars, klass, single if parts == 1 else part, parts


@dataclass
class Fault:
    method: str
    route: str  # fnmatch pattern on the path after /1.0, e.g. "/sms/*/jobs"
    status: int
    times: int = 1
    after_processing: bool = False  # the call takes effect, then the client gets the error
    retry_after: int | None = None
    skip: int = 0  # let this many matching calls through first
    delay: float = 0.0  # seconds to hold the answer (after processing): a client timeout


FAULT_KINDS = (
    "lose_answer",
    "error_5xx_before",
    "error_5xx_after",
    "throttle_429",
    "silence",
    "slow",
)


@dataclass
class OvhFaults:
    """A seeded plan of misbehaviour (see the module docstring)."""

    seed: int = 0
    lose_answer: float = 0.0
    error_5xx: float = 0.0
    throttle_429: float = 0.0
    silence: float = 0.0
    slow: float = 0.0
    slow_seconds: float = 0.5
    silence_seconds: float = 5.0
    retry_after: int = 1
    methods: frozenset[str] = frozenset({"GET", "POST", "PUT", "DELETE"})
    routes: tuple[str, ...] = ("/sms/*",)  # fnmatch on the path after /1.0
    counts: Counter[str] = field(default_factory=Counter)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, kind)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def draw(self, method: str, path: str) -> str | None:
        """The outcome of one call: a FAULT_KINDS name, or None to behave."""
        if method not in self.methods or not any(fnmatchcase(path, r) for r in self.routes):
            return None
        with self._lock:
            roll = self._rng.random()
            half = self.error_5xx / 2
            edges = (
                ("lose_answer", self.lose_answer),
                ("error_5xx_before", half),
                ("error_5xx_after", half),
                ("throttle_429", self.throttle_429),
                ("silence", self.silence),
                ("slow", self.slow),
            )
            total = 0.0
            for kind, chance in edges:
                total += chance
                if roll < total:
                    self.counts[kind] += 1
                    self.log.append((method, path, kind))
                    return kind
        return None

    def status_5xx(self) -> int:
        with self._lock:
            return self._rng.choice((500, 502, 503))


@dataclass
class Credential:
    application_key: str
    rules: list[dict[str, str]]
    validated: bool


@dataclass
class Accepted:
    """One receiver the peer accepted in a POST jobs: the ground truth of what was sent."""

    id: int
    tag: str
    receiver: str
    message: str
    sender: str
    batch_id: str | None = None  # the OVH batch (deferred sends) it belongs to


@dataclass
class ServiceState:
    name: str
    credits_left: float
    senders: dict[str, dict[str, str]] = field(default_factory=dict)
    outgoing: dict[int, dict[str, Any]] = field(default_factory=dict)
    by_tag: dict[str, list[int]] = field(default_factory=dict)
    jobs: dict[int, dict[str, Any]] = field(default_factory=dict)
    hlr: dict[int, dict[str, Any]] = field(default_factory=dict)
    reads: dict[int, int] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> batch
    batch_sms: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)  # pending
    blacklist: dict[str, dict[str, Any]] = field(default_factory=dict)  # number -> entry
    incoming: dict[int, dict[str, Any]] = field(default_factory=dict)  # replies received


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


DEFAULT_OUTCOMES = {
    "99": (5, 2),  # undelivered
    "98": (8, 2),  # expired
    "97": (24, 2),  # absent subscriber
}


class OvhServer:
    """The peer. `start()` serves on an ephemeral loopback port; `url` is its endpoint."""

    def __init__(
        self,
        *,
        application_key: str = "peer-app-key",
        application_secret: str = "peer-app-secret-5d41402abc",
        consumer_key: str = "peer-consumer-key-7c6a180b36",
        service: str = "sms-ab12345-1",
        credits: float = 10_000_000.0,
    ) -> None:
        self.application_key = application_key
        self.application_secret = application_secret
        self.consumer_key = consumer_key
        self.service = service
        self.applications = {application_key: application_secret}
        self.credentials: dict[str, Credential] = {
            consumer_key: Credential(
                application_key,
                [
                    {"method": m, "path": p}
                    for m in ("GET", "POST", "PUT", "DELETE")
                    for p in ("/sms", "/sms/*")
                ],
                validated=True,
            )
        }
        self.services = {service: ServiceState(service, credits)}
        self.services[service].senders = {
            "ACME": {"status": "enable", "comment": "", "description": "main"},
            "NEWBRAND": {"status": "waitingValidation", "comment": "", "description": ""},
            "BADNAME": {"status": "refused", "comment": "misleading name", "description": ""},
        }
        self.outcomes = dict(DEFAULT_OUTCOMES)
        self.accepted: list[Accepted] = []
        self.calls: list[tuple[str, str]] = []  # (method, path) of every call, on arrival
        self.faults: list[Fault] = []
        self.max_receivers = 1000  # per POST jobs
        self.unknown_numbers: set[str] = set()  # well-formed but refused (invalidReceivers)
        self.fault_plan: OvhFaults | None = None
        self.clock_skew = 0.0  # seconds the peer's clock is ahead of this host's
        # None: an SMS's verdict comes at its second look; seconds: that long after sending
        self.receipt_delay: float | None = None
        self._ids = itertools.count(40_000_001)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        peer = self

        class Handler(_Handler):
            server_peer = peer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/1.0"

    # --- test controls ------------------------------------------------------------------

    def inject(self, method: str, route: str, status: int, **options: Any) -> None:
        with self._lock:
            self.faults.append(Fault(method, route, status, **options))

    def validate(self, consumer_key: str) -> None:
        """What the user does on the validation page."""
        with self._lock:
            self.credentials[consumer_key].validated = True

    def release_jobs(self) -> None:
        """Deferred jobs reach their time: they become outgoing SMS."""
        with self._lock:
            for state in self.services.values():
                for job_id, job in list(state.jobs.items()):
                    del state.jobs[job_id]
                    self._add_outgoing(state, job_id, job)
                for batch_id, pending in list(state.batch_sms.items()):
                    for sms_id, record in pending.items():
                        self._add_outgoing(state, sms_id, record)
                    del state.batch_sms[batch_id]
                    batch = state.batches[batch_id]
                    batch["status"] = "COMPLETED"
                    batch["sentAt"] = batch["finishedAt"] = datetime.now(UTC).isoformat()

    def blacklist(self, number: str, answered: int | None = None) -> None:
        """The receiver answered STOP: the number is on the account's STOP list, tied to
        the SMS it answered (`answered`: an outgoing id) and that SMS's batch."""
        canonical_number = canonical(number) or number
        with self._lock:
            for state in self.services.values():
                sms = state.outgoing.get(answered) if answered is not None else None
                state.blacklist[canonical_number] = {
                    "number": canonical_number,
                    "dateCreation": datetime.now(UTC).isoformat(timespec="seconds"),
                    "batchID": sms.get("batchID") if sms else None,
                    "smsOutgoingID": answered,
                }

    def receive(self, sender: str, message: str) -> int:
        """A phone sends an SMS to the account: it is listed in `GET incoming`."""
        with self._lock:
            sms_id = next(self._ids)
            for state in self.services.values():
                state.incoming[sms_id] = {
                    "id": sms_id,
                    "creationDatetime": datetime.now(UTC).isoformat(timespec="seconds"),
                    "sender": canonical(sender) or sender,
                    "message": message,
                    "tag": "",
                    "credits": 0.0,
                }
            return sms_id

    def now(self) -> float:
        return time.time() + self.clock_skew

    def count_calls(self, method: str, pattern: str) -> int:
        with self._lock:
            return sum(1 for m, p in self.calls if m == method and fnmatchcase(p, pattern))

    # --- request handling ------------------------------------------------------------

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method == method and fnmatchcase(path, fault.route) and fault.times > 0:
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    fault.times -= 1
                    return fault
        return None

    def authenticate(self, method: str, url: str, path: str, body: str, headers: Any) -> None:
        app_key = headers.get("X-Ovh-Application")
        if app_key not in self.applications:
            raise ApiError(403, "Invalid application key", "INVALID_KEY")
        if path in ("/auth/time", "/auth/credential"):
            return
        consumer = headers.get("X-Ovh-Consumer")
        stamp = headers.get("X-Ovh-Timestamp", "")
        signature = headers.get("X-Ovh-Signature", "")
        credential = self.credentials.get(consumer or "")
        if credential is None or credential.application_key != app_key:
            raise ApiError(403, "This credential does not exist", "INVALID_CREDENTIAL")
        if not credential.validated:
            raise ApiError(403, "This credential is not valid", "INVALID_CREDENTIAL")
        if not stamp.isdigit() or abs(int(stamp) - int(self.now())) > 180:
            raise ApiError(400, "Invalid timestamp", "INVALID_SIGNATURE")
        secret = self.applications[app_key]
        expected = (
            "$1$"
            + hashlib.sha1(
                "+".join([secret, consumer or "", method, url, body, stamp]).encode()
            ).hexdigest()
        )
        if not secrets.compare_digest(signature, expected):
            raise ApiError(400, "Invalid signature", "INVALID_SIGNATURE")
        if not any(
            rule["method"] == method and fnmatchcase(path, rule["path"])
            for rule in credential.rules
        ):
            raise ApiError(403, "This call has not been granted", "NOT_GRANTED_CALL")

    def handle(self, method: str, path: str, query: dict[str, str], data: Any) -> Any:
        if method == "GET" and path == "/auth/time":
            return int(self.now())
        if method == "POST" and path == "/auth/credential":
            return self._new_credential(data)
        if method == "POST" and path == "/sms/estimate":
            return self._estimate(data)
        if method == "GET" and path == "/sms":
            return sorted(self.services)
        parts = path.strip("/").split("/")
        if len(parts) < 2 or parts[0] != "sms":
            raise ApiError(404, "Got an invalid (or empty) URL")
        state = self.services.get(parts[1])
        if state is None:
            raise ApiError(404, f"The requested object (serviceName = {parts[1]}) does not exist")
        rest = parts[2:]
        with self._lock:
            return self._route(state, method, rest, query, data)

    def _route(
        self, state: ServiceState, method: str, rest: list[str], query: dict[str, str], data: Any
    ) -> Any:
        if not rest and method == "GET":
            return {
                "name": state.name,
                "description": "",
                "status": "enable",
                "creditsLeft": state.credits_left,
                "creditsHoldByQuota": 0,
            }
        head = rest[0] if rest else ""
        ident = rest[1] if len(rest) > 1 else None
        if head == "senders" and method == "GET":
            if ident is None:
                return sorted(state.senders)
            sender = state.senders.get(ident)
            if sender is None:
                raise ApiError(404, f"The requested object (sender = {ident}) does not exist")
            return {"sender": ident, "type": "alpha", "referer": "custom", **sender}
        if head == "blacklists" and method == "GET":
            if ident is None:
                return sorted(state.blacklist)
            entry = state.blacklist.get(canonical(ident) or ident)
            if entry is None:
                raise ApiError(404, f"The requested object (number = {ident}) does not exist")
            return dict(entry)
        if head == "incoming" and method == "GET":
            if ident is None:
                since = _parse_instant(query.get("creationDatetime.from"))
                return [
                    i
                    for i, sms in sorted(state.incoming.items())
                    if since is None or datetime.fromisoformat(sms["creationDatetime"]) >= since
                ]
            reply = state.incoming.get(int(ident)) if ident.isdigit() else None
            if reply is None:
                raise ApiError(404, f"The requested object (id = {ident}) does not exist")
            return dict(reply)
        if head == "batches":
            if method == "POST" and ident is None:
                return self._post_batch(state, data)
            if method == "GET" and ident is None:
                return [self._batch_view(b) for b in state.batches.values()]
            batch = state.batches.get(ident or "")
            if batch is None:
                raise ApiError(404, f"The requested object (id = {ident}) does not exist")
            if method == "GET" and len(rest) == 2:
                return self._batch_view(batch)
            if method == "GET" and rest[2:] == ["statistics"]:
                return self._batch_statistics(state, batch)
            if method == "POST" and rest[2:] == ["cancel"]:
                return self._cancel_batch(state, batch)
        if head == "jobs":
            if method == "POST" and ident is None:
                return self._post_jobs(state, data)
            if method == "GET" and ident is None:
                return sorted(state.jobs)
            job = state.jobs.get(int(ident)) if ident and ident.isdigit() else None
            if job is None:
                raise ApiError(404, f"The requested object (id = {ident}) does not exist")
            if method == "GET":
                return {k: v for k, v in job.items() if k != "tag"}
            if method == "DELETE":
                del state.jobs[int(ident)]  # type: ignore[arg-type]
                return None
        if head == "outgoing":
            if method == "GET" and ident is None:
                return self._list_outgoing(state, query)
            sms_id = int(ident) if ident and ident.isdigit() else None
            sms = state.outgoing.get(sms_id) if sms_id is not None else None
            if sms is None:
                raise ApiError(404, f"The requested object (id = {ident}) does not exist")
            if method == "GET" and len(rest) == 2:
                return self._read_outgoing(state, sms)
            if method == "DELETE" and len(rest) == 2:
                del state.outgoing[sms["id"]]
                state.by_tag.get(sms["tag"], []).remove(sms["id"])
                return None
        if head == "hlr":
            if method == "POST" and ident is None:
                return self._post_hlr(state, data)
            lookup = state.hlr.get(int(ident)) if ident and ident.isdigit() else None
            if lookup is None:
                raise ApiError(404, f"The requested object (id = {ident}) does not exist")
            return lookup
        raise ApiError(404, "Got an invalid (or empty) URL")

    def _new_credential(self, data: Any) -> dict[str, str]:
        rules = data.get("accessRules") if isinstance(data, dict) else None
        if not rules:
            raise ApiError(400, "Invalid body: accessRules is required")
        token = secrets.token_hex(16)
        consumer_key = secrets.token_hex(16)
        with self._lock:
            self.credentials[consumer_key] = Credential(
                self.application_key, list(rules), validated=False
            )
        base = self.url.rsplit("/1.0", 1)[0]
        return {
            "validationUrl": f"{base}/auth/?credentialToken={token}",
            "consumerKey": consumer_key,
            "state": "pendingValidation",
        }

    def _estimate(self, data: Any) -> dict[str, Any]:
        message = str(data.get("message", ""))
        if not data.get("noStopClause", False):
            message += STOP_CLAUSE
        chars, klass, per_part, parts = sms_length(message)
        return {
            "characters": chars,
            "charactersClass": klass,
            "maxCharactersPerPart": per_part,
            "parts": parts,
        }

    def _post_jobs(self, state: ServiceState, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict) or not data.get("message"):
            raise ApiError(400, "Invalid body: message is required")
        receivers = data.get("receivers") or []
        if not isinstance(receivers, list) or not receivers:
            raise ApiError(400, "Invalid body: receivers is required")
        if len(receivers) > self.max_receivers:
            raise ApiError(400, f"Too many receivers (max {self.max_receivers})")
        if data.get("charset", "UTF-8") != "UTF-8":
            raise ApiError(400, "Invalid charset")
        tag = str(data.get("tag", ""))
        if len(tag) > 128:
            raise ApiError(400, "The tag is too long (128 characters max)")
        sender = data.get("sender") or ""
        if not data.get("senderForResponse"):
            status = state.senders.get(sender, {}).get("status")
            if status != "enable":
                raise ApiError(403, f"The sender '{sender}' is not allowed on this account")
        message = str(data["message"])
        if not data.get("noStopClause", False):
            message += STOP_CLAUSE
        _chars, _klass, _per_part, parts = sms_length(message)
        deferred = int(data.get("differedPeriod") or 0)
        valid: list[str] = []
        invalid: list[str] = []
        ids: list[int] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._check_credits(state, parts, receivers)
        for receiver in receivers:
            number = canonical(str(receiver))
            if number is None or self._refused(state, number):
                invalid.append(str(receiver))
                continue
            sms_id = next(self._ids)
            record = {
                "id": sms_id,
                "creationDatetime": now,
                "sender": sender,
                "receiver": number,
                "message": message,
                "messageLength": len(message),
                "numberOfSms": parts,
                "credits": float(parts),
                "ptt": 0,
                "deliveryReceipt": 0,
                "differedDelivery": deferred,
                "tag": tag,
                "tariffCode": "FR",
            }
            if deferred > 0:
                state.jobs[sms_id] = record
            else:
                self._add_outgoing(state, sms_id, record)
            self.accepted.append(Accepted(sms_id, tag, number, message, sender))
            valid.append(number)
            ids.append(sms_id)
        total = float(parts * len(valid))
        state.credits_left -= total
        return {
            "ids": ids,
            "validReceivers": valid,
            "invalidReceivers": invalid,
            "totalCreditsRemoved": total,
            "tag": tag,
        }

    def _refused(self, state: ServiceState, number: str) -> bool:
        return number in self.unknown_numbers or number in state.blacklist

    def _check_credits(self, state: ServiceState, parts: int, receivers: list[Any]) -> None:
        sendable = {
            n for n in (canonical(str(r)) for r in receivers) if n and not self._refused(state, n)
        }
        needed = float(parts * len(sendable))
        if needed > state.credits_left:
            raise ApiError(
                403,
                f"Not enough credits to send this message: {needed:g} needed, "
                f"{state.credits_left:g} left",
            )

    def _post_batch(self, state: ServiceState, data: Any) -> dict[str, Any]:
        """The newer bulk API: one batch, optionally deferred; identified by its name."""
        if not isinstance(data, dict) or not data.get("message"):
            raise ApiError(400, "Invalid body: message is required")
        receivers = data.get("to") or []
        if not isinstance(receivers, list) or not receivers:
            raise ApiError(400, "Invalid body: to is required")
        if len(receivers) > self.max_receivers:
            raise ApiError(400, f"Too many receivers (max {self.max_receivers})")
        tag = str(data.get("tag", ""))
        if len(tag) > 128:
            raise ApiError(400, "The tag is too long (128 characters max)")
        sender = data.get("from") or ""
        allowed = state.senders.get(sender, {}).get("status") == "enable"
        if not data.get("senderForResponse") and not allowed:
            raise ApiError(403, f"The sender '{sender}' is not allowed on this account")
        message = str(data["message"])
        if not data.get("noStop", False):
            message += STOP_CLAUSE
        _chars, _klass, _per_part, parts = sms_length(message)
        self._check_credits(state, parts, receivers)
        deferred_at = _parse_instant(data.get("deferred"))
        now = datetime.now(UTC)
        delay = max(0, int(((deferred_at or now) - now).total_seconds() // 60))
        batch_id = str(uuid.uuid4())
        errors: list[dict[str, str]] = []
        valid: list[str] = []
        pending: dict[int, dict[str, Any]] = {}
        for receiver in receivers:
            number = canonical(str(receiver))
            if number is None or self._refused(state, number):
                words = "STOP list" if number in state.blacklist else "invalid receiver"
                errors.append({"receiver": str(receiver), "message": words})
                continue
            sms_id = next(self._ids)
            pending[sms_id] = {
                "id": sms_id,
                "creationDatetime": now.isoformat(timespec="seconds"),
                "sender": sender,
                "receiver": number,
                "message": message,
                "messageLength": len(message),
                "numberOfSms": parts,
                "credits": float(parts),
                "ptt": 0,
                "deliveryReceipt": 0,
                "differedDelivery": delay,
                "tag": tag,
                "batchID": batch_id,
                "tariffCode": "FR",
            }
            self.accepted.append(Accepted(sms_id, tag, number, message, sender, batch_id))
            valid.append(number)
        credits = float(parts * len(valid))
        state.credits_left -= credits
        batch = {
            "id": batch_id,
            "accountID": 1,
            "name": str(data.get("name") or ""),
            "tag": tag,
            "message": message,
            "from": sender,
            "receivers": valid,
            "errors": errors,
            "estimatedCredits": credits,
            "processedRecords": len(receivers),
            "totalRecords": len(receivers),
            "createdAt": now.isoformat(),
            "updatedAt": now.isoformat(),
            "status": "PENDING",
        }
        state.batches[batch_id] = batch
        if delay > 0:
            state.batch_sms[batch_id] = pending
        else:
            for sms_id, record in pending.items():
                self._add_outgoing(state, sms_id, record)
            batch["status"] = "COMPLETED"
        return self._batch_view(batch)

    @staticmethod
    def _batch_view(batch: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in batch.items() if k != "tag"}  # sms.Batch has no tag

    def _batch_statistics(self, state: ServiceState, batch: dict[str, Any]) -> dict[str, Any]:
        """`batches/{id}/statistics`: counts over the batch's SMS (a look at each sent one,
        like a listing by state): `pending` not sent yet, `sent` sent, of which
        `delivered` and `failed` have their verdict."""
        tagged = (state.outgoing[i] for i in state.by_tag.get(batch.get("tag", ""), []))
        sent = [sms for sms in tagged if sms.get("batchID") == batch["id"]]
        for sms in sent:
            self._observe(state, sms)
        delivered = sum(1 for sms in sent if sms["deliveryReceipt"] == 1)
        failed = sum(1 for sms in sent if sms["deliveryReceipt"] in (2, 16))
        return {
            "sent": len(sent),
            "delivered": delivered,
            "failed": failed,
            "pending": len(state.batch_sms.get(batch["id"], {})),
            "stoplisted": len(batch.get("errors") or []),
            "credits": sum(float(sms.get("credits") or 0) for sms in sent),
            "estimatedCredits": batch.get("estimatedCredits", 0),
        }

    def _cancel_batch(self, state: ServiceState, batch: dict[str, Any]) -> dict[str, Any]:
        if batch["status"] != "PENDING" or batch["id"] not in state.batch_sms:
            raise ApiError(400, f"The batch cannot be cancelled (status {batch['status']})")
        pending = state.batch_sms.pop(batch["id"])
        state.credits_left += sum(float(r["credits"]) for r in pending.values())
        batch["status"] = "CANCELED"
        batch["updatedAt"] = datetime.now(UTC).isoformat()
        return self._batch_view(batch)

    def _add_outgoing(self, state: ServiceState, sms_id: int, record: dict[str, Any]) -> None:
        record = dict(record, ptt=3, deliveryReceipt=0, sentAt=record["creationDatetime"])
        state.outgoing[sms_id] = record
        state.by_tag.setdefault(record["tag"], []).append(sms_id)

    def _list_outgoing(self, state: ServiceState, query: dict[str, str]) -> list[int]:
        if "tag" in query:
            candidates = list(state.by_tag.get(query["tag"], []))
        else:
            candidates = sorted(state.outgoing)
        since = _parse_instant(query.get("creationDatetime.from"))
        until = _parse_instant(query.get("creationDatetime.to"))
        states = "deliveryReceipt" in query or "ptt" in query
        out = []
        for sms_id in candidates:
            sms = state.outgoing[sms_id]
            if "receiver" in query and sms["receiver"] != canonical(query["receiver"]):
                continue
            if "sender" in query and sms["sender"] != query["sender"]:
                continue
            if "batchID" in query and sms.get("batchID") != query["batchID"]:
                continue
            created = datetime.fromisoformat(sms["creationDatetime"])
            if (since and created < since) or (until and created > until):
                continue
            if states:
                self._observe(state, sms)  # a listing by state looks at each SMS once
                wanted = query.get("deliveryReceipt")
                if wanted is not None and str(sms["deliveryReceipt"]) != wanted:
                    continue
                if "ptt" in query and str(sms["ptt"]) != query["ptt"]:
                    continue
            out.append(sms_id)
        return out

    def _read_outgoing(self, state: ServiceState, sms: dict[str, Any]) -> dict[str, Any]:
        self._observe(state, sms)
        return dict(sms)

    def _observe(self, state: ServiceState, sms: dict[str, Any]) -> None:
        """One look at an SMS: its verdict comes at the second look, or, with
        `receipt_delay` set, once that many seconds have passed since it was sent."""
        reads = state.reads.get(sms["id"], 0) + 1
        state.reads[sms["id"]] = reads
        if self.receipt_delay is not None:
            sent = datetime.fromisoformat(sms["creationDatetime"]).timestamp()
            due = time.time() >= sent + self.receipt_delay
        else:
            due = reads >= 2
        if due and sms["deliveryReceipt"] == 0:
            ptt, dlr = next(
                (
                    codes
                    for suffix, codes in self.outcomes.items()
                    if sms["receiver"].endswith(suffix)
                ),
                (4, 1),
            )
            sms["ptt"] = ptt
            sms["deliveryReceipt"] = dlr
            sms["operatorCode"] = "20801"
            if dlr == 1:
                sms["deliveredAt"] = datetime.now(UTC).isoformat(timespec="seconds")

    def _post_hlr(self, state: ServiceState, data: Any) -> dict[str, Any]:
        receivers = data.get("receivers") or []
        valid, invalid, ids = [], [], []
        for receiver in receivers:
            number = canonical(str(receiver))
            if number is None:
                invalid.append(str(receiver))
                continue
            lookup_id = next(self._ids)
            state.hlr[lookup_id] = {
                "id": lookup_id,
                "msisdn": number,
                "valid": not number.endswith("0"),
                "reachable": not number.endswith(("0", "9")),
                "ported": number.endswith("5"),
                "roaming": False,
                "operatorCode": "20801",
                "status": "done",
                "datetime": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            valid.append(number)
            ids.append(lookup_id)
        return {
            "ids": ids,
            "validReceivers": valid,
            "invalidReceivers": invalid,
            "totalCreditsRemoved": 0.1 * len(valid),
        }


def _parse_instant(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError as error:
        raise ApiError(400, "Invalid body: deferred is not a datetime") from error
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as requests.Session expects
    # One write per response (flushed by handle_one_request): headers and body in
    # separate small writes would meet Nagle and delayed ACKs, 40 ms per call.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    server_peer: OvhServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _dispatch(self, method: str) -> None:
        peer = self.server_peer
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        split = urlsplit(self.path)
        if not split.path.startswith("/1.0/"):
            self._send(404, {"message": "Not found"})
            return
        path = split.path[len("/1.0") :]
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        url = f"http://{self.headers.get('Host')}{self.path}"
        status, payload, headers = 200, None, {}
        with peer._lock:
            peer.calls.append((method, path))
        fault = peer.take_fault(method, path)
        plan = peer.fault_plan
        kind = plan.draw(method, path) if fault is None and plan is not None else None
        retry_after = fault.retry_after if fault is not None else None
        try:
            if fault is not None and not fault.after_processing:
                raise ApiError(fault.status, "Injected failure", None)
            if plan is not None and kind == "error_5xx_before":
                raise ApiError(plan.status_5xx(), "Injected failure", None)
            if plan is not None and kind == "throttle_429":
                retry_after = plan.retry_after
                raise ApiError(429, "Too many requests", None)
            peer.authenticate(method, url, path, body, self.headers)
            data = json.loads(body) if body else None
            payload = peer.handle(method, path, query, data)
            if fault is not None and fault.delay:
                threading.Event().wait(fault.delay)
            if fault is not None and fault.status >= 400:
                raise ApiError(fault.status, "Injected failure after processing", None)
            if plan is not None and kind == "error_5xx_after":
                raise ApiError(plan.status_5xx(), "Injected failure after processing", None)
        except ApiError as error:
            status = error.status
            payload = {"message": error.message, "httpCode": str(status)}
            if error.code:
                payload["errorCode"] = error.code
            headers = {"X-Ovh-QueryId": "EU.peer." + secrets.token_hex(4)}
            if retry_after is not None:
                headers["Retry-After"] = str(retry_after)
        except (ValueError, KeyError, TypeError) as error:
            status = 400
            payload = {"message": f"Invalid request: {type(error).__name__}"}
        if plan is not None and kind in ("lose_answer", "silence"):
            if kind == "silence":
                threading.Event().wait(plan.silence_seconds)
            self._drop()
            return
        if plan is not None and kind == "slow":
            threading.Event().wait(plan.slow_seconds)
        try:
            self._send(status, payload, headers)
        except OSError:
            self.close_connection = True  # the client gave up waiting

    def _drop(self) -> None:
        """Close the connection without a word: the client sees it reset or closed."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")
