"""OVH SMS API gateway through python-ovh.

Endpoints: a python-ovh name (`ovh-eu`, `ovh-ca`, ...) or a URL, `https://...`, or
`http://` to a loopback address (the test peer). python-ovh resolves names through its
module dict `ovh.client.ENDPOINTS`, read once in `Client.__init__`; a URL is registered
there under a key that *is* the URL, so the entry can only ever mean that URL and no
other client's endpoint changes.

Sending: one OVH request per group of messages sharing (sender, body, commercial), each
carrying many receivers and `tag` = batch_ref.
- Now: `POST /sms/{s}/jobs`. OVH answers `ids[]` in the order of `validReceivers[]` (one id
  per valid receiver), so ids are matched to messages by zipping those two lists and
  looking each receiver up (normalised to +E.164) among the job's receivers; a job never
  carries the same receiver twice, so the match is exact.
- Deferred: `POST /sms/{s}/batches` with `name` = `tag` = batch_ref and `deferred`. Why not
  a deferred job: OVH's schema for a pending job (`sms.Job`: id, creationDatetime,
  differedDelivery, message, receiver, sender, ptt, credits...) carries no tag and no
  batch id, and `GET jobs` has no filter, so a deferred job whose answer was lost could
  only be found by its text and receivers, which is how two identical campaigns were
  confused (issue 11). A batch carries its `name` while pending (`GET batches` lists
  them), and its SMS carry the tag and `batchID` once sent. A message of a batch has
  provider_ref `batch:<batch id>:<+E.164>` (OVH gives SMS ids only when it sends);
  receipts, cancel and delete resolve it (`outgoing?batchID=`, `batches/{id}/cancel`).
`invalidReceivers` (job) / `errors` (batch) are refused permanently; those on the
account's STOP list (`GET blacklists`, one call per answer that has any) say so.

Reconciliation is by identity only: the messages OVH holds for a batch are those of
`outgoing?tag=batch_ref` and of the batches named batch_ref, matched to the batch's
messages by receiver (a receiver twice in one batch is told apart by its text, among that
batch's own records only). A pending immediate job carries no tag either, so when OVH
still has immediate jobs pending and the tag does not account for the whole batch, the
answer is "cannot tell yet" (TransientError), never a guess.

Crash and retry safety: `submit` is idempotent per batch_ref: before posting, it asks OVH
what it already holds under that batch_ref (and under the batch_ref of an earlier attempt
of this process that may have reached OVH) and returns those as accepted. After a
TransientError the caller either resubmits with the same batch_ref or calls
`reconcile()`; it must not resubmit the same messages under a new batch_ref without one
of the two.

Refusals (`GatewayRefusal`: credentials, signature, missing settings, no SMS account;
`NotEnoughCredits`) raise out of submit(), reconcile() and poll_receipts() with one line
and no secret: nothing of the batch was taken, the dispatcher pauses the campaign.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import ovh
import ovh.client
import ovh.exceptions
import requests.exceptions

from smsdesk.providers import secrets
from smsdesk.providers.base import (
    Capability,
    Estimate,
    GatewayRefusal,
    IncomingSms,
    NotEnoughCredits,
    NumberCheck,
    OutgoingSms,
    PermanentError,
    ProviderError,
    Receipt,
    SenderInfo,
    SentRecord,
    SubmitResult,
    TransientError,
)
from smsdesk.providers.retry import Backoff, wait
from smsdesk.providers.spec import (
    QT_TRANSLATE_NOOP,
    RATE_FIELD,
    ActionResult,
    BuildContext,
    ConfigField,
    FieldKind,
    GatewayAction,
    GatewaySpec,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

SMS_ACCESS_RULES: tuple[tuple[str, str], ...] = tuple(
    (method, path) for method in ("GET", "POST", "PUT", "DELETE") for path in ("/sms", "/sms/*")
)
TAG_MAX = 128
# Per-call limits of python-ovh's session: (connect, read) seconds.
DEFAULT_TIMEOUT = (10.0, 60.0)
# OVH's errorCode values that mean the credentials, not the request, are wrong
# (INVALID_SIGNATURE comes with HTTP 400: a wrong application secret).
AUTH_ERROR_CODES = frozenset(
    {"INVALID_KEY", "INVALID_CREDENTIAL", "NOT_CREDENTIAL", "INVALID_SIGNATURE", "NOT_GRANTED_CALL"}
)
GET_RETRY = Backoff(base=0.2, cap=5.0, max_attempts=3)
BATCH_REF = "batch:"  # provider_ref of a message of a deferred OVH batch: batch:<id>:<+E.164>
# deliveryReceipt values that end a message (delivered, failed, failed not billed): the
# bulk read lists these; the others (pending, waiting, buffered) are waited for
FINAL_DLR = (1, 2, 16)
# failure codes, the usual ones first: many failures are listed per code, not read one by one
FAILURE_PTT_ORDER = (24, 5, 8, 23, 26, 25, 1, 2, 20, 21, 27, 28, 29, 33, 39, 73, 74, 76, 202, 6)
FEW_DETAILS = 50  # failures up to this many are read one by one (ptt and operator)
# a deferred batch's receipts come from batches/{id}/statistics when we ask for this many
STATISTICS_MIN = 50
BULK_WINDOW_MARGIN = timedelta(hours=1)  # our clock against OVH's, and its time zone
INCOMING_REF = "incoming:"  # provider_ref of a reply read from `incoming`
BLACKLIST_REF = "blacklist:"  # provider_ref of a STOP read from `blacklists`
STOP_LIST_WORDS = "OVH: on the gateway's STOP list (this number answered STOP)"
INVALID_WORDS = "OVH: invalid receiver"


# --- endpoint and credentials ------------------------------------------------------------


def resolve_endpoint(endpoint: str) -> str:
    """A key of ovh.client.ENDPOINTS for `endpoint` (a name or a URL), registering URLs."""
    endpoint = endpoint.strip()
    if endpoint in ovh.client.ENDPOINTS:
        return endpoint
    parts = urlsplit(endpoint)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        names = ", ".join(sorted(ovh.client.ENDPOINTS))
        raise GatewayRefusal(f"Unknown OVH endpoint {endpoint!r}: use one of {names} or a URL")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise GatewayRefusal("An http:// OVH endpoint must be a loopback address; use https://")
    url = endpoint.rstrip("/")
    ovh.client.ENDPOINTS.setdefault(url, url)
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class OvhConfig:
    endpoint: str
    application_key: str
    application_secret: str = field(repr=False)
    consumer_key: str = field(repr=False)
    service: str = ""
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    max_batch: int = 500  # receivers per POST jobs
    workers: int = 8  # parallel GETs for receipts and reconciliation
    validity_period: int = 2880  # minutes, as the OVH manager sends
    sender_type: str = "alpha"  # for /sms/estimate
    get_retry: Backoff = GET_RETRY  # idempotent GETs only
    hlr_wait: float = 30.0  # seconds check_numbers waits for lookups to finish

    @classmethod
    def from_environment(cls, **overrides: Any) -> OvhConfig:
        """Read OVH_* and SMSDESK_OVH_SERVICE from the environment, then the keyring."""
        values = {name: secrets.get_secret(name) for name in secrets.OVH_NAMES}
        values["OVH_ENDPOINT"] = values["OVH_ENDPOINT"] or "ovh-eu"
        missing = [name for name, value in values.items() if not value]
        if missing:
            raise GatewayRefusal("OVH settings missing: " + ", ".join(missing))
        return cls(
            endpoint=str(values["OVH_ENDPOINT"]),
            application_key=str(values["OVH_APPLICATION_KEY"]),
            application_secret=str(values["OVH_APPLICATION_SECRET"]),
            consumer_key=str(values["OVH_CONSUMER_KEY"]),
            service=str(values["SMSDESK_OVH_SERVICE"]),
            **overrides,
        )


def _make_client(
    endpoint: str,
    application_key: str,
    application_secret: str,
    consumer_key: str | None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> ovh.Client:
    return ovh.Client(
        endpoint=resolve_endpoint(endpoint),
        application_key=application_key,
        application_secret=application_secret,
        consumer_key=consumer_key,
        timeout=timeout,
    )


class OvhNotFound(PermanentError):
    """HTTP 404: the SMS, job or account is not (or no longer) at OVH."""


class OvhNotReached(TransientError):
    """The call surely did not act at OVH: connection refused / not made, or HTTP 429."""


class OvhAuthError(GatewayRefusal):
    """Bad key, secret (signature) or consumer key, or a call the key was not granted."""


class OvhNoAccount(GatewayRefusal):
    """The credentials work but reach no SMS account of that name."""


class OvhNotEnoughCredits(NotEnoughCredits):
    """OVH refused a job or batch: the account has fewer credits than it needs."""


def _translate(exc: Exception, what: str, hide: Iterable[str | None]) -> ProviderError:
    """A python-ovh failure as TransientError / PermanentError, with no secret in it."""
    if isinstance(exc, ovh.exceptions.HTTPError):
        cause = exc.args[1] if len(exc.args) > 1 else exc
        reason = f"OVH API unreachable during {what}: {type(cause).__name__}"
        # Inspected, never shown: a refused or timed-out connect sent nothing.
        if isinstance(cause, requests.exceptions.ConnectTimeout) or "NewConnectionError" in repr(
            cause
        ):
            return OvhNotReached(reason)
        return TransientError(reason)
    if isinstance(exc, ovh.exceptions.NetworkError | ovh.exceptions.InvalidResponse):
        return TransientError(f"OVH API gave no usable answer during {what}")
    response = getattr(exc, "response", None)
    status = response.status_code if response is not None else None
    words = secrets.redact(str(exc.args[0]) if exc.args else type(exc).__name__, hide)
    words = " ".join(words.split("\n")[0].split())  # one line
    if status is None:
        # Raised by python-ovh itself before any request (e.g. an empty key).
        return OvhAuthError(f"OVH credentials unusable for {what}: {type(exc).__name__}")
    if status >= 500 or status == 429:
        kind = OvhNotReached if status == 429 else TransientError
        retry_after = _retry_after(response)
        return kind(f"OVH API error during {what}: {words} (HTTP {status})", retry_after)
    if status == 404 and "servicename" in words.lower():
        return OvhNoAccount(f"OVH has no such SMS account for these credentials: {words}")
    if status == 404:
        return OvhNotFound(f"OVH: not found during {what}: {words} (HTTP 404)")
    if status == 401 or _error_code(response) in AUTH_ERROR_CODES:
        return OvhAuthError(f"OVH refused the credentials during {what}: {words} (HTTP {status})")
    if status in (400, 402, 403) and "credit" in words.lower():
        return OvhNotEnoughCredits(f"OVH: not enough credits: {words} (HTTP {status})")
    return PermanentError(f"OVH refused {what}: {words} (HTTP {status})")


def _error_code(response: Any) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return str(body.get("errorCode")) if isinstance(body, dict) else None


def _retry_after(response: Any) -> float | None:
    if response is None:
        return None
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _may_have_arrived(error: TransientError) -> bool:
    """False only when OVH surely did not act: a 429, or no connection at all."""
    return not isinstance(error, OvhNotReached)


def _normalise(receiver: str) -> str:
    number = receiver.replace(" ", "")
    if number.startswith("00"):
        number = "+" + number[2:]
    if not number.startswith("+"):
        number = "+" + number
    return number


def _parse_instant(value: Any) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC)


def request_consumer_key(
    endpoint: str,
    application_key: str,
    application_secret: str,
    redirect_url: str | None = None,
) -> tuple[str, str]:
    """Ask OVH for a consumer key with the SMS rights: (validation_url, consumer_key).

    The user opens validation_url in a browser, logs in and accepts; only then does the
    consumer key work. Store it with secrets.set_secret("OVH_CONSUMER_KEY", ...).
    """
    hide = (application_secret,)
    try:
        client = _make_client(endpoint, application_key, application_secret, None)
        request = client.new_consumer_key_request()
        for method, path in SMS_ACCESS_RULES:
            request.add_rule(method, path)
        answer = request.request(redirect_url)
    except ovh.exceptions.APIError as exc:
        raise _translate(exc, "the consumer key request", hide) from None
    return str(answer["validationUrl"]), str(answer["consumerKey"])


def list_services(
    endpoint: str, application_key: str, application_secret: str, consumer_key: str
) -> list[str]:
    """The SMS accounts (`sms-xx00000-1`) these credentials reach."""
    hide = (application_secret, consumer_key)
    try:
        client = _make_client(endpoint, application_key, application_secret, consumer_key)
        names = client.get("/sms")
    except ovh.exceptions.APIError as exc:
        raise _translate(exc, "the list of SMS accounts", hide) from None
    return [str(name) for name in names]


# --- provider -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A message OVH holds under one batch_ref: its ref and what OVH stored."""

    provider_ref: str
    receiver: str
    message: str
    batch_id: str | None = None


def _pair(batch: Sequence[OutgoingSms], records: Sequence[_Found]) -> dict[OutgoingSms, str]:
    """Match the records OVH holds under ONE batch_ref to that batch's messages.

    By receiver; only a receiver present twice in the batch is told apart by its text
    (OVH may have appended the STOP clause), among this batch's records only.
    """
    pool: dict[str, list[_Found]] = {}
    for record in records:
        pool.setdefault(record.receiver, []).append(record)
    twice = Counter(_normalise(sms.receiver) for sms in batch)
    out: dict[OutgoingSms, str] = {}
    for sms in batch:
        receiver = _normalise(sms.receiver)
        candidates = pool.get(receiver, [])
        for record in candidates:
            if twice[receiver] == 1 or record.message.startswith(sms.body):
                out[sms] = record.provider_ref
                candidates.remove(record)
                break
    return out


def _batch_provider_ref(batch_id: str, receiver: str) -> str:
    return f"{BATCH_REF}{batch_id}:{receiver}"


def _split_batch_ref(provider_ref: str) -> tuple[str, str] | None:
    """(batch id, receiver) of a `batch:` provider_ref, None for an OVH SMS id."""
    if not provider_ref.startswith(BATCH_REF):
        return None
    batch_id, _, receiver = provider_ref[len(BATCH_REF) :].rpartition(":")
    return (batch_id, receiver) if batch_id and receiver else None


class OvhProvider:
    """OVH SMS through python-ovh. Thread-safe: one python-ovh client per thread."""

    name = "ovh"
    capabilities = frozenset(
        {
            Capability.RECEIPTS_POLL,
            Capability.RECEIPTS_BULK,
            Capability.REPLIES,
            Capability.RECONCILE,
            Capability.DEFERRED,
            Capability.CANCEL_DEFERRED,
            Capability.SENDERS,
            Capability.CREDITS,
            Capability.ESTIMATE,
            Capability.HLR,
            Capability.DELETE_REMOTE,
        }
    )
    rate_per_second: float | None = None

    def __init__(self, config: OvhConfig, *, rate_per_second: float | None = None) -> None:
        if not config.service:
            raise GatewayRefusal(
                "OVH settings missing: no SMS account chosen (SMSDESK_OVH_SERVICE)"
            )
        resolve_endpoint(config.endpoint)  # fail early on a bad endpoint
        self.config = config
        self.max_batch = config.max_batch
        self.rate_per_second = rate_per_second
        self._local = threading.local()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._tried_lock = threading.Lock()
        self._tried: dict[str, None] = {}  # batch_refs posted by this process (insertion order)
        # message_id -> batch_ref of a POST that failed but may have reached OVH
        self._ambiguous: dict[int, str] = {}
        self._base = f"/sms/{config.service}"

    @classmethod
    def from_environment(cls, **overrides: Any) -> OvhProvider:
        return cls(OvhConfig.from_environment(**overrides))

    # --- plumbing ---------------------------------------------------------------------

    def _client(self) -> ovh.Client:
        client: ovh.Client | None = getattr(self._local, "client", None)
        if client is None:
            cfg = self.config
            client = _make_client(
                cfg.endpoint,
                cfg.application_key,
                cfg.application_secret,
                cfg.consumer_key,
                cfg.timeout,
            )
            self._local.client = client
        return client

    def _hide(self) -> tuple[str, str]:
        return (self.config.application_secret, self.config.consumer_key)

    def _call(self, what: str, fn: Callable[[ovh.Client], T]) -> T:
        """One API call, with errors translated. Never retried here."""
        try:
            return fn(self._client())
        except ovh.exceptions.APIError as exc:
            raise _translate(exc, what, self._hide()) from None

    def _get(self, what: str, path: str, **params: Any) -> Any:
        """A GET (idempotent): transient failures are retried a few times with backoff."""
        attempt = 0
        while True:
            try:
                return self._call(what, lambda client: client.get(path, **params))
            except TransientError as error:
                attempt += 1
                if self.config.get_retry.exhausted(attempt):
                    raise
                wait(self.config.get_retry.delay_with_hint(attempt - 1, error.retry_after))

    def _map(self, fn: Callable[[str], T], items: Sequence[str]) -> list[T | ProviderError]:
        """fn over items on the worker pool; each result or the error it raised."""

        def guarded(item: str) -> T | ProviderError:
            try:
                return fn(item)
            except ProviderError as error:
                return error

        if len(items) <= 1:
            return [guarded(item) for item in items]
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(
                    max_workers=self.config.workers, thread_name_prefix="ovh"
                )
            pool = self._pool
        return list(pool.map(guarded, items))

    def _read_each(self, what: str, collection: str, keys: Sequence[str]) -> list[tuple[str, Any]]:
        """GET {collection}/{key} for each key on the pool: (key, answer) of those OVH still
        has (one deleted meanwhile is left out); the first other error is raised."""
        answers = self._map(lambda key: self._get(what, f"{self._base}/{collection}/{key}"), keys)
        found = []
        for key, answer in zip(keys, answers, strict=True):
            if isinstance(answer, OvhNotFound):
                continue
            if isinstance(answer, ProviderError):
                raise answer
            found.append((key, answer))
        return found

    # --- submit / reconcile ------------------------------------------------------------

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        """Send the batch as one OVH job (or, deferred, one OVH batch) per (sender, body,
        commercial) group.

        Never sends a message twice in this process: messages OVH already holds under
        this batch_ref, or under the batch_ref of an earlier attempt that failed in a way
        that may have reached OVH, are answered from OVH's records instead (see the module
        docstring). When a job fails transiently (or is refused) after others went
        through, the rest come back as `accepted=False, permanent=False`; the error is
        raised only when nothing of the batch was accepted: TransientError, or
        GatewayRefusal / NotEnoughCredits (nothing was taken: pause, don't fail).
        """
        if not batch_ref or len(batch_ref) > TAG_MAX:
            raise PermanentError(f"batch_ref must be 1 to {TAG_MAX} characters (OVH tag)")
        differed = self._differed_minutes(deferred_until)
        results: dict[int, SubmitResult] = {}
        held = self._recover(batch, batch_ref, thorough=False)
        for sms, provider_ref in held.items():
            results[sms.message_id] = SubmitResult(sms.message_id, True, provider_ref)
        todo = [sms for sms in batch if sms.message_id not in results]
        failure: TransientError | GatewayRefusal | None = None
        for job in self._jobs(todo):
            if failure is not None:
                for sms in job:  # not tried: the gateway is struggling, retry later
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(failure), permanent=False
                    )
                continue
            self._mark_tried(batch_ref)
            try:
                if differed and deferred_until is not None:
                    answer = self._post_batch(job, batch_ref, deferred_until)
                    matched = self._match_batch(job, answer)
                else:
                    matched = self._match(job, self._post_job(job, batch_ref), batch_ref)
            except TransientError as error:
                failure = error
                if _may_have_arrived(error):
                    self._remember_ambiguous(job, batch_ref)
                for sms in job:
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(error), permanent=False
                    )
                continue
            except GatewayRefusal as error:
                failure = error  # OVH took nothing of this job; the next ones would fare alike
                for sms in job:
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(error), permanent=False
                    )
                continue
            except PermanentError as error:  # this job only (e.g. a refused sender)
                for sms in job:
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(error), permanent=True
                    )
                continue
            results.update(matched)
        if failure is not None and not any(r.accepted for r in results.values()):
            raise failure
        return [results[sms.message_id] for sms in batch]

    def _recover(
        self, batch: Sequence[OutgoingSms], batch_ref: str, *, thorough: bool
    ) -> dict[OutgoingSms, str]:
        """Messages of the batch that OVH already holds, from this or an earlier attempt."""
        found = self._held(batch, batch_ref, thorough=thorough or self._was_tried(batch_ref))
        with self._tried_lock:
            earlier: dict[str, list[OutgoingSms]] = {}
            for sms in batch:
                old_ref = self._ambiguous.get(sms.message_id)
                if old_ref is not None and old_ref != batch_ref and sms not in found:
                    earlier.setdefault(old_ref, []).append(sms)
        for old_ref, messages in earlier.items():
            found.update(self._held(messages, old_ref, thorough=True))
        with self._tried_lock:
            for sms in batch:
                self._ambiguous.pop(sms.message_id, None)
        return found

    def _remember_ambiguous(self, job: Sequence[OutgoingSms], batch_ref: str) -> None:
        with self._tried_lock:
            for sms in job:
                self._ambiguous[sms.message_id] = batch_ref
            while len(self._ambiguous) > 1_000_000:
                del self._ambiguous[next(iter(self._ambiguous))]

    def _jobs(self, batch: Sequence[OutgoingSms]) -> list[list[OutgoingSms]]:
        """Group by what a job shares; split so that a job has each receiver once."""
        groups: dict[tuple[str, str, bool], list[tuple[list[OutgoingSms], set[str]]]] = {}
        for sms in batch:
            chunks = groups.setdefault((sms.sender, sms.body, sms.commercial), [])
            receiver = _normalise(sms.receiver)
            for chunk, receivers in chunks:
                if len(chunk) < self.max_batch and receiver not in receivers:
                    chunk.append(sms)
                    receivers.add(receiver)
                    break
            else:
                chunks.append(([sms], {receiver}))
        return [chunk for chunks in groups.values() for chunk, _ in chunks]

    def _post_job(self, job: list[OutgoingSms], batch_ref: str) -> dict[str, Any]:
        first = job[0]
        body: dict[str, Any] = {
            "message": first.body,
            "receivers": [_normalise(sms.receiver) for sms in job],
            "noStopClause": not first.commercial,
            "charset": "UTF-8",
            "validityPeriod": self.config.validity_period,
            "tag": batch_ref,
            "priority": "high",
        }
        if first.sender:
            body["sender"] = first.sender
        else:
            body["senderForResponse"] = True
        answer: dict[str, Any] = self._call(
            "sending SMS", lambda client: client.post(f"{self._base}/jobs", **body)
        )
        return answer

    def _post_batch(
        self, job: list[OutgoingSms], batch_ref: str, deferred_until: datetime
    ) -> dict[str, Any]:
        first = job[0]
        body: dict[str, Any] = {
            "name": batch_ref,  # what finds the batch again: a pending batch shows its name
            "tag": batch_ref,  # what its SMS carry once sent
            "message": first.body,
            "to": [_normalise(sms.receiver) for sms in job],
            "noStop": not first.commercial,
            "deferred": deferred_until.astimezone(UTC).isoformat(timespec="seconds"),
        }
        if first.sender:
            body["from"] = first.sender
        else:
            body["senderForResponse"] = True
        answer: dict[str, Any] = self._call(
            "scheduling SMS", lambda client: client.post(f"{self._base}/batches", **body)
        )
        return answer

    def _match(
        self, job: list[OutgoingSms], answer: dict[str, Any], batch_ref: str
    ) -> dict[int, SubmitResult]:
        by_receiver = {_normalise(sms.receiver): sms for sms in job}
        ids = list(answer.get("ids") or [])
        valid = [_normalise(str(r)) for r in answer.get("validReceivers") or []]
        invalid = {_normalise(str(r)) for r in answer.get("invalidReceivers") or []}
        if len(ids) != len(valid):
            # OVH broke its own order contract: ask it which receiver got which id.
            log.warning("OVH returned %d ids for %d receivers; reconciling", len(ids), len(valid))
            found = self._held(job, batch_ref, thorough=True)
            pairs = [(ref, _normalise(sms.receiver)) for sms, ref in found.items()]
        else:
            pairs = [(str(sms_id), receiver) for sms_id, receiver in zip(ids, valid, strict=True)]
        total = answer.get("totalCreditsRemoved")
        return self._results(by_receiver, pairs, invalid, total)

    def _match_batch(
        self, job: list[OutgoingSms], answer: dict[str, Any]
    ) -> dict[int, SubmitResult]:
        by_receiver = {_normalise(sms.receiver): sms for sms in job}
        batch_id = str(answer.get("id") or "")
        if not batch_id:  # it may hold the SMS all the same: ask by name later
            raise TransientError("OVH answered a deferred send without its batch id")
        refused = _batch_refused(answer)
        pairs = [
            (_batch_provider_ref(batch_id, receiver), receiver)
            for receiver in by_receiver
            if receiver not in refused
        ]
        return self._results(by_receiver, pairs, refused, answer.get("estimatedCredits"))

    def _results(
        self,
        by_receiver: dict[str, OutgoingSms],
        pairs: list[tuple[str, str]],
        invalid: set[str],
        total: Any,
    ) -> dict[int, SubmitResult]:
        out: dict[int, SubmitResult] = {}
        share = float(total) / len(pairs) if pairs and isinstance(total, int | float) else None
        for provider_ref, receiver in pairs:
            sms = by_receiver.get(receiver)
            if sms is not None:
                out[sms.message_id] = SubmitResult(
                    sms.message_id, True, provider_ref=provider_ref, credits=share
                )
        stop = self._on_stop_list([r for r in invalid if r in by_receiver])
        for receiver, sms in by_receiver.items():
            if sms.message_id in out:
                continue
            if receiver in stop:
                reason = STOP_LIST_WORDS
            elif receiver in invalid:
                reason = INVALID_WORDS
            else:
                reason = "OVH: receiver missing from its answer"
            out[sms.message_id] = SubmitResult(sms.message_id, False, error=reason, permanent=True)
        return out

    def _on_stop_list(self, receivers: Sequence[str]) -> set[str]:
        """Which of these refused receivers are on the account's STOP list (one GET)."""
        if not receivers:
            return set()
        try:
            listed = self._get("reading the STOP list", f"{self._base}/blacklists")
        except ProviderError as error:  # the job went through: never fail it for this
            log.warning("cannot read OVH's STOP list: %s", error)
            return set()
        numbers = {_normalise(str(n)) for n in listed or []}
        return {r for r in receivers if r in numbers}

    @staticmethod
    def _differed_minutes(deferred_until: datetime | None) -> int | None:
        if deferred_until is None:
            return None
        if deferred_until.tzinfo is None:
            raise PermanentError("deferred_until must be an aware datetime")
        seconds = (deferred_until - datetime.now(UTC)).total_seconds()
        return math.ceil(seconds / 60) if seconds > 0 else None

    def _was_tried(self, batch_ref: str) -> bool:
        with self._tried_lock:
            return batch_ref in self._tried

    def _mark_tried(self, batch_ref: str) -> None:
        with self._tried_lock:
            self._tried[batch_ref] = None
            while len(self._tried) > 100_000:
                del self._tried[next(iter(self._tried))]

    def _held(
        self, batch: Sequence[OutgoingSms], batch_ref: str, *, thorough: bool
    ) -> dict[OutgoingSms, str]:
        """Messages of the batch that OVH holds under this batch_ref, and their refs.

        Always `outgoing?tag=`; `thorough` adds the batches named batch_ref (deferred
        sends) and the check that no untagged immediate job is still pending.
        """
        ids = [str(i) for i in self._get("reconciling", f"{self._base}/outgoing", tag=batch_ref)]
        records = self._fetch_outgoing(ids)
        if thorough:
            records += self._batch_records(batch_ref, records)
        found = _pair(batch, records)
        if thorough and len(found) < len(batch):
            self._check_no_untagged_pending()
        return found

    def _fetch_outgoing(self, ids: Sequence[str]) -> list[_Found]:
        found = []
        for sms_id, answer in self._read_each("reconciling", "outgoing", ids):
            batch_id = answer.get("batchID")
            found.append(
                _Found(
                    sms_id,
                    _normalise(str(answer.get("receiver", ""))),
                    str(answer.get("message", "")),
                    str(batch_id) if batch_id else None,
                )
            )
        return found

    def _batch_records(self, batch_ref: str, sent: Sequence[_Found]) -> list[_Found]:
        """The receivers of the batches named batch_ref not yet in `sent` (pending ones)."""
        batches = self._get("reconciling", f"{self._base}/batches")
        have = {(r.batch_id, r.receiver) for r in sent if r.batch_id}
        out = []
        for item in batches or []:
            if not isinstance(item, dict) or item.get("name") != batch_ref:
                continue
            if item.get("status") == "FAILED":
                continue
            batch_id = str(item.get("id", ""))
            message = str(item.get("message", ""))
            for receiver in sorted(_batch_receivers(item)):
                if (batch_id, receiver) not in have:
                    ref = _batch_provider_ref(batch_id, receiver)
                    out.append(_Found(ref, receiver, message, batch_id))
        return out

    def _check_no_untagged_pending(self) -> None:
        """An immediate job still pending at OVH shows no tag: while one is, nobody can say
        whether it is ours, so the answer is "ask again later", never "not received"."""
        job_ids = [str(i) for i in self._get("reconciling", f"{self._base}/jobs")]
        for _job, answer in self._read_each("reconciling", "jobs", job_ids):  # gone: sent
            if not _int_or_none(answer.get("differedDelivery")):
                raise TransientError(
                    "OVH is still processing SMS that show no tag yet; asking again later"
                )

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        """Which messages of this batch OVH received: by its tag and batch name only."""
        found = self._held(batch, batch_ref, thorough=True)
        return [SentRecord(sms.message_id, ref) for sms, ref in found.items()]

    # --- receipts and the rest ----------------------------------------------------------

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        """Current ptt / deliveryReceipt of each sent message (GET outgoing/{id}).

        Messages still pending (a deferred job or batch), deleted, or unknown are left
        out. Raises a GatewayRefusal as soon as one call is refused, a TransientError only
        when no message could be read at all.
        """
        plain, by_batch = _split_refs(provider_refs)
        out: list[Receipt] = []
        errors: list[ProviderError] = []
        for batch_id, members in by_batch.items():
            try:
                counted = (
                    self._batch_by_statistics(batch_id, members)
                    if len(members) >= STATISTICS_MIN
                    else None  # a few messages: reading them is as cheap
                )
                if counted is not None:
                    out += counted
                    continue
                sent = self._batch_outgoing(batch_id, members)
            except ProviderError as error:
                errors.append(error)
                continue
            for receiver, ref in members.items():
                if receiver in sent:
                    out.append(_receipt(ref, sent[receiver][1]))
        answers = self._map(
            lambda ref: self._get("reading delivery status", f"{self._base}/outgoing/{ref}"),
            plain,
        )
        for ref, answer in zip(plain, answers, strict=True):
            if isinstance(answer, ProviderError):
                errors.append(answer)
                continue
            out.append(_receipt(ref, answer))
        refusal = next((e for e in errors if isinstance(e, GatewayRefusal)), None)
        if refusal is not None:
            raise refusal
        transient = next((e for e in errors if isinstance(e, TransientError)), None)
        if transient is not None and not out:
            raise transient
        return out

    def poll_receipts_bulk(
        self, refs_by_batch: Mapping[str, Sequence[str]], *, sent_since: datetime | None = None
    ) -> list[Receipt]:
        """Receipts of whole batches in a few calls: the ids OVH lists per final state
        (`GET outgoing?deliveryReceipt=N`, ids only) over the creation window of these
        messages (`creationDatetime.from`), one listing per state for them all; without
        `sent_since`, over each batch's `tag`. The window, not the tag, when we can: a
        message recovered by reconcile() may be held by OVH under an earlier attempt's
        tag. Ids are matched to our provider_refs (OVH SMS ids), so a window that also
        holds other SMS of the account is still exact. Only the failures are then read
        one by one (why: ptt, and the operator); a delivered SMS listed by state has no
        operator. `batch:` refs (deferred OVH batches) and any listing OVH will not
        answer fall back to poll_receipts(), one GET per message."""
        fallback: list[str] = []
        by_tag: dict[str, set[str]] = {}
        for tag, refs in refs_by_batch.items():
            for ref in refs:
                if ref.isdigit() and (tag or sent_since is not None):
                    by_tag.setdefault(tag, set()).add(ref)
                else:
                    fallback.append(ref)
        scopes: list[tuple[dict[str, str], set[str]]]
        if sent_since is not None:
            since = (sent_since - BULK_WINDOW_MARGIN).astimezone(UTC)
            window = {"creationDatetime.from": since.isoformat(timespec="seconds")}
            scopes = [(window, set().union(*by_tag.values()))] if by_tag else []
        else:
            scopes = [({"tag": tag}, refs) for tag, refs in by_tag.items()]
        out: list[Receipt] = []
        failed: dict[str, int] = {}  # provider_ref -> its deliveryReceipt
        path = f"{self._base}/outgoing"
        what = "reading delivery states"
        for params, wanted in scopes:
            left = set(wanted)
            try:
                for dlr in FINAL_DLR:
                    if not left:
                        break
                    listed = {str(i) for i in self._get(what, path, deliveryReceipt=dlr, **params)}
                    hit = left & listed
                    left -= hit
                    if dlr == 1:
                        # DLR 1 comes with ptt 4 ("delivered") at OVH
                        out += [Receipt(ref, ptt=4, dlr=1) for ref in sorted(hit)]
                    else:
                        failed.update(dict.fromkeys(sorted(hit), dlr))
                if len(failed) > FEW_DETAILS:  # many failures: their codes by listing too
                    out += self._failures_by_code(params, failed)
            except (GatewayRefusal, TransientError):
                raise  # a refusal pauses; a transient failure: asked again next round
            except PermanentError as error:  # OVH will not list by state: one GET each
                log.info("OVH listing by state refused (%s): reading one by one", error)
                fallback += sorted(left)
        return out + self.poll_receipts([*failed, *fallback])

    def _failures_by_code(self, params: Mapping[str, str], failed: dict[str, int]) -> list[Receipt]:
        """Receipts of failed SMS by listing them per ptt (the usual failure codes first);
        those found are taken out of `failed`, the rest are read one by one after."""
        path = f"{self._base}/outgoing"
        left = set(failed)
        out: list[Receipt] = []
        for ptt in FAILURE_PTT_ORDER:
            if len(left) <= FEW_DETAILS:
                break
            listed = {str(i) for i in self._get("reading failure codes", path, ptt=ptt, **params)}
            hit = left & listed
            left -= hit
            out += [Receipt(ref, ptt=ptt, dlr=failed.pop(ref)) for ref in sorted(hit)]
        return out

    def _batch_by_statistics(
        self, batch_id: str, members: Mapping[str, str]
    ) -> list[Receipt] | None:
        """Receipts of a deferred batch's messages (receiver -> provider_ref) from
        `batches/{id}/statistics` (sent, delivered, failed, pending: one call) when it
        settles them: nothing judged yet -> no receipt and no SMS read; everything judged
        -> the failed SMS are listed by state and read one by one (receiver, ptt,
        operator), every other member is delivered. None when it cannot tell (some
        judged, some waiting; no statistics for this batch; a listing that disagrees):
        the caller reads the batch's SMS one by one."""
        what = "reading batch statistics"
        try:
            stats = self._get(what, f"{self._base}/batches/{batch_id}/statistics")
        except (GatewayRefusal, TransientError):
            raise
        except PermanentError:  # no statistics here: one GET per message
            return None
        if not isinstance(stats, dict):
            return None
        delivered, failed, pending, sent = (
            _int_or_none(stats.get(key)) or 0 for key in ("delivered", "failed", "pending", "sent")
        )
        if delivered + failed == 0:
            return []  # nothing has a verdict yet
        if pending or delivered + failed < sent or sent > 2 * len(members):
            return None  # some wait, or we ask for a few of a big batch: by receiver
        path = f"{self._base}/outgoing"
        ids: list[str] = []
        for dlr in FINAL_DLR:
            if dlr != 1 and failed:
                ids += [
                    str(i) for i in self._get(what, path, batchID=batch_id, deliveryReceipt=dlr)
                ]
        if len(ids) != failed:
            return None
        out: list[Receipt] = []
        failed_receivers: set[str] = set()
        for answer in self._map(lambda i: self._get(what, f"{path}/{i}"), ids):
            if isinstance(answer, ProviderError):
                raise answer
            receiver = _normalise(str(answer.get("receiver", "")))
            ref = members.get(receiver)
            if ref is not None:
                failed_receivers.add(receiver)
                out.append(_receipt(ref, answer))
        out += [
            Receipt(ref, ptt=4, dlr=1)  # DLR 1 comes with ptt 4 at OVH
            for receiver, ref in members.items()
            if receiver not in failed_receivers
        ]
        return out

    def _batch_outgoing(
        self, batch_id: str, receivers: Iterable[str]
    ) -> dict[str, tuple[str, dict[str, Any]]]:
        """The sent SMS of an OVH batch for these receivers: receiver -> (SMS id, what OVH
        says of it). Absent: not sent yet (or deleted)."""
        what = "reading delivery status"
        wanted = list(receivers)
        path = f"{self._base}/outgoing"
        ids = [str(i) for i in self._get(what, path, batchID=batch_id) or []]
        if len(ids) > 2 * len(wanted):  # a few of a big batch: ask by receiver instead
            listed = self._map(
                lambda r: self._get(what, path, batchID=batch_id, receiver=r), wanted
            )
            ids = []
            for answer in listed:
                if isinstance(answer, ProviderError):
                    raise answer
                ids += [str(i) for i in answer or []]
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        for sms_id, answer in self._read_each(what, "outgoing", ids):
            receiver = _normalise(str(answer.get("receiver", "")))
            if receiver in wanted:
                out[receiver] = (sms_id, answer)
        return out

    def fetch_replies(
        self, since: datetime | None, *, known: Callable[[str], bool] | None = None
    ) -> list[IncomingSms]:
        """The SMS receivers sent back (`GET incoming`, since `since` less a margin) and
        the numbers on the account's STOP list (`GET blacklists`: OVH files a STOP answer
        there, tied to the SMS it answered by `smsOutgoingID`, or its `batchID`). Only
        those `known` does not have are read one by one."""
        what = "reading replies"
        seen = known or (lambda _ref: False)
        params: dict[str, str] = {}
        if since is not None:
            start = (since - BULK_WINDOW_MARGIN).astimezone(UTC)
            params["creationDatetime.from"] = start.isoformat(timespec="seconds")
        ids = [str(i) for i in self._get(what, f"{self._base}/incoming", **params) or []]
        ids = [i for i in ids if not seen(f"{INCOMING_REF}{i}")]
        out: list[IncomingSms] = []
        for sms_id, answer in self._read_each(what, "incoming", ids):
            out.append(
                IncomingSms(
                    provider_ref=f"{INCOMING_REF}{sms_id}",
                    sender=_normalise(str(answer.get("sender", ""))),
                    body=str(answer.get("message", "")),
                    received_at=_parse_instant(answer.get("creationDatetime")) or datetime.now(UTC),
                )
            )
        numbers = [str(n) for n in self._get(what, f"{self._base}/blacklists") or []]
        numbers = [n for n in numbers if not seen(f"{BLACKLIST_REF}{_normalise(n)}")]
        for number, entry in self._read_each(what, "blacklists", numbers):
            e164 = _normalise(number)
            outgoing, batch = entry.get("smsOutgoingID"), entry.get("batchID")
            answers = (
                str(outgoing)
                if outgoing
                else (_batch_provider_ref(str(batch), e164) if batch else None)
            )
            out.append(
                IncomingSms(
                    provider_ref=f"{BLACKLIST_REF}{e164}",
                    sender=e164,
                    body="STOP",
                    received_at=_parse_instant(entry.get("dateCreation")) or datetime.now(UTC),
                    answers_ref=answers,
                    is_stop=True,
                )
            )
        return out

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        """Cancel pending SMS: whole OVH batches (`batch:` refs) or pending jobs. Raises
        PermanentError naming those already gone or sent, or when the refs cover only
        part of an OVH batch (OVH cancels a batch as a whole)."""
        doing = "cancelling a deferred SMS"
        plain, by_batch = _split_refs(provider_refs)
        gone = self._delete_each(doing, "jobs", plain)
        for batch_id, members in by_batch.items():
            try:
                item = self._get(doing, f"{self._base}/batches/{batch_id}")
            except OvhNotFound:
                gone += members.values()
                continue
            status = str(item.get("status", ""))
            if status in ("CANCELED", "CANCELING", "TO_CANCEL"):
                continue
            others = _batch_receivers(item) - set(members)
            if others:
                raise PermanentError(
                    f"An OVH batch also holds {len(others)} other message(s): "
                    "cancel them together or not at all"
                )
            if not self._cancel_batch(doing, batch_id):
                gone += members.values()
        if gone:
            raise PermanentError("Already sent or no longer at OVH: " + ", ".join(gone))

    def _cancel_batch(self, doing: str, batch_id: str) -> bool:
        """POST batches/{id}/cancel; False when OVH no longer can (sent, or gone)."""
        path = f"{self._base}/batches/{batch_id}/cancel"
        try:
            self._call(doing, lambda client: client.post(path))
        except (GatewayRefusal, TransientError):
            raise
        except PermanentError:  # 404, or 400 "cannot be cancelled": already sent
            return False
        return True

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        """Delete these SMS from OVH's history; those already gone are fine."""
        plain, by_batch = _split_refs(provider_refs)
        for batch_id, members in by_batch.items():
            sent = self._batch_outgoing(batch_id, members)
            plain += [sent[r][0] for r in members if r in sent]
        self._delete_each("deleting SMS history", "outgoing", plain)

    def _delete_each(self, doing: str, collection: str, refs: Sequence[str]) -> list[str]:
        """DELETE {collection}/{ref} for each ref; returns the refs OVH no longer had and
        raises the first other error."""
        refs = list(refs)
        answers = self._map(
            lambda ref: self._call(
                doing, lambda client: client.delete(f"{self._base}/{collection}/{ref}")
            ),
            refs,
        )
        for answer in answers:
            if isinstance(answer, ProviderError) and not isinstance(answer, OvhNotFound):
                raise answer
        return [
            ref
            for ref, answer in zip(refs, answers, strict=True)
            if isinstance(answer, OvhNotFound)
        ]

    def senders(self) -> list[SenderInfo]:
        names = [str(n) for n in self._get("listing senders", f"{self._base}/senders")]
        answers = self._map(
            lambda n: self._get("reading a sender", f"{self._base}/senders/{n}"), names
        )
        out = []
        for name, answer in zip(names, answers, strict=True):
            if isinstance(answer, ProviderError):
                raise answer
            comment = str(answer.get("comment") or answer.get("description") or "")
            out.append(SenderInfo(name, str(answer.get("status", "")), comment))
        return out

    def credits_left(self) -> float | None:
        account = self._get("reading the SMS account", self._base)
        return _float_or_none(account.get("creditsLeft"))

    def test_connection(self) -> float | None:
        """Settings' "Test": the credentials and account work; returns credits left."""
        return self.credits_left()

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        answer = self._call(
            "estimating a message",
            lambda client: client.post(
                "/sms/estimate",
                message=body,
                noStopClause=not commercial,
                senderType=self.config.sender_type,
            ),
        )
        klass = str(answer.get("charactersClass", ""))
        parts = int(answer.get("parts", 1))
        return Estimate(
            parts=parts,
            characters=int(answer.get("characters", len(body))),
            encoding="GSM-7" if klass == "7bits" else "UCS-2",
            # OVH bills 1 credit a part to a metropolitan French number; the estimate
            # route gives no price, and without one the credit check could not refuse
            credits=float(parts),
        )

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        """Operator (HLR) lookups; 0.1 credit each at OVH. Unfinished ones are left out."""
        if not numbers:
            return []
        given = {_normalise(n): n for n in numbers}
        answer = self._call(
            "checking numbers",
            lambda client: client.post(f"{self._base}/hlr", receivers=list(given)),
        )
        out = [
            NumberCheck(e164=given.get(str(n), str(n)), valid=False, reachable=False)
            for n in answer.get("invalidReceivers") or []
        ]
        pending = [str(i) for i in answer.get("ids") or []]
        waited = 0.0
        step = 0.5
        while pending:
            answers = self._map(
                lambda i: self._get("reading a number check", f"{self._base}/hlr/{i}"), pending
            )
            still = []
            for lookup_id, lookup in zip(pending, answers, strict=True):
                if isinstance(lookup, ProviderError):
                    raise lookup
                if lookup.get("status") in ("todo", "doing"):
                    still.append(lookup_id)
                    continue
                out.append(
                    NumberCheck(
                        e164=_normalise(str(lookup.get("msisdn", ""))),
                        valid=bool(lookup.get("valid")),
                        reachable=bool(lookup.get("reachable")),
                        operator_code=lookup.get("operatorCode") or None,
                        ported=bool(lookup.get("ported")),
                        roaming=bool(lookup.get("roaming")),
                    )
                )
            pending = still
            if pending:
                if waited >= self.config.hlr_wait:
                    break
                wait(step)
                waited += step
        return out

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None


def _batch_refused(batch: dict[str, Any]) -> set[str]:
    """The receivers an OVH batch refused (its `errors`)."""
    errors = batch.get("errors") or []
    return {_normalise(str(e.get("receiver", ""))) for e in errors if isinstance(e, dict)}


def _batch_receivers(batch: dict[str, Any]) -> set[str]:
    """The receivers an OVH batch holds: those it was given, less those it refused."""
    given = {_normalise(str(r)) for r in batch.get("receivers") or []}
    return given - _batch_refused(batch)


def _split_refs(refs: Iterable[str]) -> tuple[list[str], dict[str, dict[str, str]]]:
    """(OVH SMS ids, {batch id: {receiver: provider_ref}}) of these provider_refs."""
    plain: list[str] = []
    by_batch: dict[str, dict[str, str]] = {}
    for ref in refs:
        split = _split_batch_ref(ref)
        if split is None:
            plain.append(ref)
        else:
            by_batch.setdefault(split[0], {})[split[1]] = ref
    return plain, by_batch


def _receipt(provider_ref: str, answer: dict[str, Any]) -> Receipt:
    return Receipt(
        provider_ref=provider_ref,
        ptt=_int_or_none(answer.get("ptt")),
        dlr=_int_or_none(answer.get("deliveryReceipt")),
        operator_code=answer.get("operatorCode") or None,
        delivered_at=_parse_instant(answer.get("deliveredAt")),
        credits=_float_or_none(answer.get("credits")),
    )


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _float_or_none(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


# --- the gateway's spec (providers/registry.py lists it) ----------------------------------

ENDPOINT_NAMES = ("ovh-eu", "ovh-ca", "ovh-us", "kimsufi-eu", "kimsufi-ca")


def _endpoint_problem(text: str) -> str | None:
    try:
        resolve_endpoint(text)
    except PermanentError as exc:
        return str(exc)
    return None


def _from_settings(values: Mapping[str, str], _context: BuildContext) -> OvhProvider:
    return OvhProvider(
        OvhConfig(
            endpoint=values["endpoint"],
            application_key=values["application_key"],
            application_secret=values["application_secret"],
            consumer_key=values["consumer_key"],
            service=values["service"],
        )
    )


def _create_consumer_key(values: Mapping[str, str]) -> ActionResult:
    if not values.get("application_key") or not values.get("application_secret"):
        raise GatewayRefusal("Enter the application key and secret first")
    url, consumer_key = request_consumer_key(
        values.get("endpoint") or "ovh-eu", values["application_key"], values["application_secret"]
    )
    return ActionResult(
        QT_TRANSLATE_NOOP(
            "GatewaySpec",
            "OVH's page is open in your browser: log in and accept, then list the accounts.",
        ),
        open_url=url,
        values={"consumer_key": consumer_key},
    )


def _list_accounts(values: Mapping[str, str]) -> ActionResult:
    if not all(values.get(n) for n in ("application_key", "application_secret", "consumer_key")):
        raise GatewayRefusal("Enter the application key, secret and consumer key first")
    names = list_services(
        values.get("endpoint") or "ovh-eu",
        values["application_key"],
        values["application_secret"],
        values["consumer_key"],
    )
    return ActionResult(
        f"{len(names)} SMS account(s)" if names else "No SMS account on these keys",
        choices={"service": tuple(names)},
    )


SPEC = GatewaySpec(
    name="ovh",
    label=QT_TRANSLATE_NOOP("GatewaySpec", "OVH SMS"),
    description=(
        QT_TRANSLATE_NOOP(
            "GatewaySpec",
            "OVHcloud's SMS service: create an application key and secret at OVH, then a consumer "
            "key here, and choose the SMS account.",
        )
    ),
    capabilities=OvhProvider.capabilities,
    factory=_from_settings,
    fields=(
        ConfigField(
            "endpoint",
            QT_TRANSLATE_NOOP("GatewaySpec", "Endpoint"),
            FieldKind.CHOICE,
            required=True,
            env="OVH_ENDPOINT",
            default="ovh-eu",
            choices=ENDPOINT_NAMES,
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "An OVH endpoint name, or the API's address (https://…)"
            ),
            validator=_endpoint_problem,
        ),
        ConfigField(
            "application_key",
            QT_TRANSLATE_NOOP("GatewaySpec", "Application key"),
            required=True,
            env="OVH_APPLICATION_KEY",
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "The application key OVH gave when you created the application"
            ),
        ),
        ConfigField(
            "application_secret",
            QT_TRANSLATE_NOOP("GatewaySpec", "Application secret"),
            FieldKind.SECRET,
            required=True,
            env="OVH_APPLICATION_SECRET",
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "The application secret; kept in the system keyring"
            ),
        ),
        ConfigField(
            "consumer_key",
            QT_TRANSLATE_NOOP("GatewaySpec", "Consumer key"),
            FieldKind.SECRET,
            required=True,
            env="OVH_CONSUMER_KEY",
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "Created with the button below, then accepted on OVH's page"
            ),
        ),
        ConfigField(
            "service",
            QT_TRANSLATE_NOOP("GatewaySpec", "SMS account"),
            FieldKind.CHOICE,
            required=True,
            env="SMSDESK_OVH_SERVICE",
            placeholder="sms-xx00000-1",
            tooltip=QT_TRANSLATE_NOOP(
                "GatewaySpec", "The OVH SMS account that sends and pays (List accounts fills it)"
            ),
        ),
        RATE_FIELD,
    ),
    actions=(
        GatewayAction(
            "consumer_key",
            QT_TRANSLATE_NOOP("GatewaySpec", "Create consumer key…"),
            QT_TRANSLATE_NOOP(
                "GatewaySpec",
                "Asks OVH for a key with the SMS rights and opens the page where you accept it",
            ),
            _create_consumer_key,
        ),
        GatewayAction(
            "accounts",
            QT_TRANSLATE_NOOP("GatewaySpec", "List accounts"),
            QT_TRANSLATE_NOOP("GatewaySpec", "Lists the SMS accounts these keys reach"),
            _list_accounts,
        ),
    ),
    short_label="OVH",
)
