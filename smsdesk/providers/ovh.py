"""OVH SMS API gateway through python-ovh.

Endpoints: a python-ovh name (`ovh-eu`, `ovh-ca`, ...) or a URL, `https://...`, or
`http://` to a loopback address (the test peer). python-ovh resolves names through its
module dict `ovh.client.ENDPOINTS`, read once in `Client.__init__`; a URL is registered
there under a key that *is* the URL, so the entry can only ever mean that URL and no
other client's endpoint changes.

Sending: one POST /sms/{service}/jobs per group of messages sharing (sender, body,
commercial), each carrying many receivers and `tag` = batch_ref. OVH answers with
`ids[]` in the order of `validReceivers[]` (one id per valid receiver), so ids are matched
to messages by zipping those two lists and looking each receiver up (normalised to
+E.164) among the job's receivers; a job never carries the same receiver twice, so the
match is exact. `invalidReceivers` are refused permanently.

Crash and retry safety: `submit` is idempotent per batch_ref. Before posting, it asks
`outgoing?tag=batch_ref` (and, if this process already tried that batch, the pending
`jobs`) which receivers OVH already has, and returns those as accepted instead of sending
them again. So after a TransientError (a 5xx or a timeout on POST jobs may have reached
OVH) the caller either resubmits the batch with the same batch_ref or calls
`reconcile()`; it must not resubmit the same messages under a new batch_ref without one
of the two.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
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


# --- endpoint and credentials ------------------------------------------------------------


def resolve_endpoint(endpoint: str) -> str:
    """A key of ovh.client.ENDPOINTS for `endpoint` (a name or a URL), registering URLs."""
    endpoint = endpoint.strip()
    if endpoint in ovh.client.ENDPOINTS:
        return endpoint
    parts = urlsplit(endpoint)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        names = ", ".join(sorted(ovh.client.ENDPOINTS))
        raise PermanentError(f"Unknown OVH endpoint {endpoint!r}: use one of {names} or a URL")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise PermanentError("An http:// OVH endpoint must be a loopback address; use https://")
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
            raise PermanentError("OVH settings missing: " + ", ".join(missing))
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


class OvhAuthError(PermanentError):
    """Bad key, secret (signature) or consumer key, or a call the key was not granted."""


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
    if status is None:
        # Raised by python-ovh itself before any request (e.g. an empty key).
        return OvhAuthError(f"OVH credentials unusable for {what}: {type(exc).__name__}")
    if status >= 500 or status == 429:
        kind = OvhNotReached if status == 429 else TransientError
        retry_after = _retry_after(response)
        return kind(f"OVH API error during {what}: {words} (HTTP {status})", retry_after)
    if status == 404:
        return OvhNotFound(f"OVH: not found during {what}: {words} (HTTP 404)")
    if status == 401 or _error_code(response) in AUTH_ERROR_CODES:
        return OvhAuthError(f"OVH refused {what}: {words} (HTTP {status})")
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


def _is_auth_refusal(error: ProviderError) -> bool:
    return isinstance(error, OvhAuthError)


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
    """A message OVH already has: its id and what OVH stored."""

    provider_ref: str
    receiver: str
    message: str


class OvhProvider:
    """OVH SMS through python-ovh. Thread-safe: one python-ovh client per thread."""

    name = "ovh"
    capabilities = frozenset(
        {
            Capability.RECEIPTS_POLL,
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
            raise PermanentError("No OVH SMS account chosen (SMSDESK_OVH_SERVICE)")
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

    # --- submit / reconcile ------------------------------------------------------------

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        """Send the batch as one OVH job per (sender, body, commercial) group.

        Never sends a message twice in this process: messages OVH already holds under
        this batch_ref, or under the batch_ref of an earlier attempt that failed in a way
        that may have reached OVH, are answered from OVH's records instead (see the module
        docstring). When a job fails transiently after others went through, the rest come
        back as `accepted=False, permanent=False`; TransientError is raised only when
        nothing of the batch was accepted. PermanentError: OVH refused the credentials.
        """
        if not batch_ref or len(batch_ref) > TAG_MAX:
            raise PermanentError(f"batch_ref must be 1 to {TAG_MAX} characters (OVH tag)")
        results: dict[int, SubmitResult] = {}
        for sms, found in self._recover(batch, batch_ref).items():
            results[sms.message_id] = SubmitResult(sms.message_id, True, found.provider_ref)
        todo = [sms for sms in batch if sms.message_id not in results]
        differed = self._differed_minutes(deferred_until)
        failure: TransientError | None = None
        for job in self._jobs(todo):
            if failure is not None:
                for sms in job:  # not tried: the gateway is struggling, retry later
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(failure), permanent=False
                    )
                continue
            self._mark_tried(batch_ref)
            try:
                answer = self._post_job(job, batch_ref, differed)
            except TransientError as error:
                failure = error
                if _may_have_arrived(error):
                    self._remember_ambiguous(job, batch_ref)
                for sms in job:
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(error), permanent=False
                    )
                continue
            except PermanentError as error:
                if _is_auth_refusal(error):
                    raise
                for sms in job:
                    results[sms.message_id] = SubmitResult(
                        sms.message_id, False, error=str(error), permanent=True
                    )
                continue
            results.update(self._match(job, answer, batch_ref))
        if failure is not None and not any(r.accepted for r in results.values()):
            raise failure
        return [results[sms.message_id] for sms in batch]

    def _recover(self, batch: Sequence[OutgoingSms], batch_ref: str) -> dict[OutgoingSms, _Found]:
        """Messages of the batch that OVH already holds, from this or an earlier attempt."""
        found = self._already_sent(batch, batch_ref, include_jobs=self._was_tried(batch_ref))
        with self._tried_lock:
            earlier: dict[str, list[OutgoingSms]] = {}
            for sms in batch:
                old_ref = self._ambiguous.get(sms.message_id)
                if old_ref is not None and old_ref != batch_ref and sms not in found:
                    earlier.setdefault(old_ref, []).append(sms)
        for old_ref, messages in earlier.items():
            found.update(self._already_sent(messages, old_ref, include_jobs=True))
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

    def _post_job(
        self, job: list[OutgoingSms], batch_ref: str, differed: int | None
    ) -> dict[str, Any]:
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
        if differed:
            body["differedPeriod"] = differed
        answer: dict[str, Any] = self._call(
            "sending SMS", lambda client: client.post(f"{self._base}/jobs", **body)
        )
        return answer

    def _match(
        self, job: list[OutgoingSms], answer: dict[str, Any], batch_ref: str
    ) -> dict[int, SubmitResult]:
        by_receiver = {_normalise(sms.receiver): sms for sms in job}
        ids = list(answer.get("ids") or [])
        valid = [_normalise(str(r)) for r in answer.get("validReceivers") or []]
        invalid = {_normalise(str(r)) for r in answer.get("invalidReceivers") or []}
        out: dict[int, SubmitResult] = {}
        if len(ids) != len(valid):
            # OVH broke its own order contract: ask it which receiver got which id.
            log.warning("OVH returned %d ids for %d receivers; reconciling", len(ids), len(valid))
            found = self._already_sent(job, batch_ref, include_jobs=True)
            pairs = [(found[sms].provider_ref, _normalise(sms.receiver)) for sms in found]
        else:
            pairs = [(str(sms_id), receiver) for sms_id, receiver in zip(ids, valid, strict=True)]
        total = answer.get("totalCreditsRemoved")
        share = float(total) / len(pairs) if pairs and isinstance(total, int | float) else None
        for provider_ref, receiver in pairs:
            sms = by_receiver.get(receiver)
            if sms is not None:
                out[sms.message_id] = SubmitResult(
                    sms.message_id, True, provider_ref=provider_ref, credits=share
                )
        for receiver, sms in by_receiver.items():
            if sms.message_id in out:
                continue
            reason = "OVH: invalid receiver" if receiver in invalid else "OVH: receiver missing"
            out[sms.message_id] = SubmitResult(sms.message_id, False, error=reason, permanent=True)
        return out

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

    def _already_sent(
        self, batch: Sequence[OutgoingSms], batch_ref: str, *, include_jobs: bool
    ) -> dict[OutgoingSms, _Found]:
        """Messages of the batch that OVH holds: outgoing by tag, and pending jobs."""
        ids = [str(i) for i in self._get("reconciling", f"{self._base}/outgoing", tag=batch_ref)]
        records = self._fetch_all("reconciling", "outgoing", ids)
        if include_jobs:
            job_ids = [str(i) for i in self._get("reconciling", f"{self._base}/jobs")]
            known = set(ids)
            records += self._fetch_all(
                "reconciling", "jobs", [i for i in job_ids if i not in known]
            )
        return self._pair(batch, records)

    def _fetch_all(self, what: str, kind: str, ids: Sequence[str]) -> list[_Found]:
        answers = self._map(lambda i: self._get(what, f"{self._base}/{kind}/{i}"), ids)
        found = []
        for sms_id, answer in zip(ids, answers, strict=True):
            if isinstance(answer, ProviderError):
                if isinstance(answer, OvhNotFound):
                    continue  # deleted meanwhile (or a job that was just sent)
                raise answer
            found.append(
                _Found(
                    sms_id,
                    _normalise(str(answer.get("receiver", ""))),
                    str(answer.get("message", "")),
                )
            )
        return found

    @staticmethod
    def _pair(batch: Sequence[OutgoingSms], records: list[_Found]) -> dict[OutgoingSms, _Found]:
        """Match OVH records to messages by receiver, then by body (OVH may add STOP)."""
        pool: dict[str, list[_Found]] = {}
        for record in records:
            pool.setdefault(record.receiver, []).append(record)
        out: dict[OutgoingSms, _Found] = {}
        for sms in batch:
            candidates = pool.get(_normalise(sms.receiver), [])
            for record in candidates:
                if record.message == sms.body or record.message.startswith(sms.body):
                    out[sms] = record
                    candidates.remove(record)
                    break
        return out

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        """Which messages of this batch OVH received (outgoing by tag, and pending jobs)."""
        found = self._already_sent(batch, batch_ref, include_jobs=True)
        return [SentRecord(sms.message_id, record.provider_ref) for sms, record in found.items()]

    # --- receipts and the rest ----------------------------------------------------------

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        """Current ptt / deliveryReceipt of each sent message (GET outgoing/{id}).

        Messages still in a deferred job, deleted, or unknown are left out. Raises
        TransientError only when no message could be read at all.
        """
        refs = list(provider_refs)
        answers = self._map(
            lambda ref: self._get("reading delivery status", f"{self._base}/outgoing/{ref}"),
            refs,
        )
        out: list[Receipt] = []
        first_error: ProviderError | None = None
        for ref, answer in zip(refs, answers, strict=True):
            if isinstance(answer, ProviderError):
                if isinstance(answer, TransientError) or _is_auth_refusal(answer):
                    first_error = first_error or answer
                continue
            out.append(
                Receipt(
                    provider_ref=ref,
                    ptt=_int_or_none(answer.get("ptt")),
                    dlr=_int_or_none(answer.get("deliveryReceipt")),
                    operator_code=answer.get("operatorCode") or None,
                    delivered_at=_parse_instant(answer.get("deliveredAt")),
                    credits=_float_or_none(answer.get("credits")),
                )
            )
        if first_error is not None and (not out or _is_auth_refusal(first_error)):
            raise first_error
        return out

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        """Delete the pending jobs. Raises PermanentError naming those already gone/sent."""
        gone = self._delete_each("cancelling a deferred SMS", "jobs", provider_refs)
        if gone:
            raise PermanentError("Already sent or no longer at OVH: " + ", ".join(gone))

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        """Delete these SMS from OVH's history; those already gone are fine."""
        self._delete_each("deleting SMS history", "outgoing", provider_refs)

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

    def list_services(self) -> list[str]:
        return [str(name) for name in self._get("listing SMS accounts", "/sms")]

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
        return Estimate(
            parts=int(answer.get("parts", 1)),
            characters=int(answer.get("characters", len(body))),
            encoding="GSM-7" if klass == "7bits" else "UCS-2",
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
