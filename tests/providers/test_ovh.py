"""OvhProvider through python-ovh against a signing OVH API peer (tests/peers/ovh_server.py)."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import ovh.client
import pytest

from smsdesk.providers import secrets
from smsdesk.providers.base import (
    GatewayRefusal,
    OutgoingSms,
    PermanentError,
    Provider,
    SubmitResult,
    TransientError,
)
from smsdesk.providers.ovh import (
    OvhConfig,
    OvhProvider,
    list_services,
    request_consumer_key,
    resolve_endpoint,
)
from smsdesk.providers.retry import Backoff

NO_WAIT = Backoff(base=0.0, cap=0.0, max_attempts=3)


@pytest.fixture
def make_provider(ovh_peer: Any) -> Iterator[Callable[..., OvhProvider]]:
    made: list[OvhProvider] = []

    def make(**overrides: Any) -> OvhProvider:
        config = OvhConfig(
            endpoint=ovh_peer.url,
            application_key=ovh_peer.application_key,
            application_secret=ovh_peer.application_secret,
            consumer_key=ovh_peer.consumer_key,
            service=ovh_peer.service,
            get_retry=NO_WAIT,
        )
        provider = OvhProvider(replace(config, **overrides))
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()


def send_like_the_dispatcher(
    provider: OvhProvider, batch: list[OutgoingSms], batch_ref: str, max_tries: int = 5
) -> tuple[list[SubmitResult], list[str]]:
    """Send a batch the way services/dispatcher.py does: what fails transiently is sent
    again later, in a new batch with a new batch_ref."""
    final: dict[int, SubmitResult] = {}
    problems: list[str] = []
    pending = list(batch)
    for attempt in range(max_tries):
        try:
            results = provider.submit(pending, batch_ref=f"{batch_ref}-{attempt}")
        except TransientError as error:
            problems.append(f"raised: {error} retry_after={error.retry_after}")
            continue
        for result in results:
            if result.accepted or result.permanent:
                final[result.message_id] = result
            else:
                problems.append(f"retry: {result.error}")
        pending = [sms for sms in pending if sms.message_id not in final]
        if not pending:
            return [final[sms.message_id] for sms in batch], problems
    raise AssertionError(f"batch {batch_ref} never went through: {problems}")


def campaign(count: int) -> list[OutgoingSms]:
    """Two bodies mixed in each batch (so several jobs per batch), unique receivers."""
    return [
        OutgoingSms(
            message_id=i + 1,
            receiver=f"+336{i:08d}",
            sender="ACME",
            body="Soldes -50% ce week-end" if i % 3 else "Votre code: 1234",
            commercial=bool(i % 3),
        )
        for i in range(count)
    ]


def test_is_a_provider(make_provider: Callable[..., OvhProvider]) -> None:
    assert isinstance(make_provider(), Provider)


def test_1000_messages_with_5xx_and_429_are_each_sent_once(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider(max_batch=100)
    # A 429 (not processed), a 500 after the job was taken, a 503 (not processed).
    ovh_peer.inject("POST", "/sms/*/jobs", 429, retry_after=2)
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)
    ovh_peer.inject("POST", "/sms/*/jobs", 503)
    batch = campaign(1000)

    results: list[SubmitResult] = []
    problems: list[str] = []
    for start in range(0, len(batch), 250):
        got, seen_problems = send_like_the_dispatcher(
            provider, batch[start : start + 250], f"b-{start}"
        )
        results += got
        problems += seen_problems

    assert all(fault.times == 0 for fault in ovh_peer.faults)
    assert problems[0].startswith("raised:") and "HTTP 429" in problems[0]
    assert problems[0].endswith("retry_after=2.0")
    assert any("HTTP 500" in problem for problem in problems)
    assert any("HTTP 503" in problem for problem in problems)
    assert [r.message_id for r in results] == [sms.message_id for sms in batch]
    assert all(r.accepted and r.provider_ref for r in results)
    # The peer's own record: every receiver exactly once, with its own body and tag.
    seen = Counter((a.receiver, a.message.split("\n")[0]) for a in ovh_peer.accepted)
    assert seen == Counter((sms.receiver, sms.body) for sms in batch)
    for accepted in ovh_peer.accepted:  # tagged with the batch it was sent in
        index = int(accepted.receiver[4:])
        assert accepted.tag.startswith(f"b-{index // 250 * 250}-")
    # Commercial messages got OVH's STOP clause, the others did not.
    stop = {a.receiver: a.message.endswith("STOP au 36180") for a in ovh_peer.accepted}
    assert all(stop[sms.receiver] == sms.commercial for sms in batch)
    # ids map back to the right message.
    accepted_by_id = {str(a.id): a.receiver for a in ovh_peer.accepted}
    assert all(
        accepted_by_id[str(r.provider_ref)] == batch[i].receiver for i, r in enumerate(results)
    )

    refs = [str(r.provider_ref) for r in results]
    ovh_peer.inject("GET", "/sms/*/outgoing/*", 502, times=2)  # flaky reads, retried
    final: dict[str, Any] = {}
    for _ in range(5):  # the peer reports "accepted by operator" first, then the verdict
        for receipt in provider.poll_receipts([ref for ref in refs if ref not in final]):
            if receipt.dlr in (1, 2):
                final[receipt.provider_ref] = receipt
        if len(final) == len(refs):
            break
    assert len(final) == 1000
    for sms, ref in zip(batch, refs, strict=True):
        receipt = final[ref]
        if sms.receiver.endswith("99"):
            assert (receipt.ptt, receipt.dlr) == (5, 2)
        elif sms.receiver.endswith("98"):
            assert (receipt.ptt, receipt.dlr) == (8, 2)
        elif sms.receiver.endswith("97"):
            assert (receipt.ptt, receipt.dlr) == (24, 2)
        else:
            assert (receipt.ptt, receipt.dlr) == (4, 1)
            assert receipt.delivered_at is not None
            assert receipt.operator_code == "20801"
        assert receipt.credits == 1.0


def test_a_5xx_after_the_job_reached_ovh_is_reconciled_not_resent(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [OutgoingSms(i, f"+3361234{i:04d}", "ACME", "Rappel RDV") for i in range(1, 51)]
    ovh_peer.inject("POST", "/sms/*/jobs", 500, after_processing=True)

    with pytest.raises(TransientError):
        provider.submit(batch, batch_ref="crash-1")
    assert len(ovh_peer.accepted) == 50  # it did reach OVH

    # After a crash the dispatcher asks; a fresh provider has no memory of the attempt.
    records = make_provider().reconcile(batch, batch_ref="crash-1")
    assert sorted(r.message_id for r in records) == list(range(1, 51))
    ids = {str(a.id) for a in ovh_peer.accepted}
    assert {r.provider_ref for r in records} == ids

    # And a retry of the same batch finds them by tag instead of posting again.
    posts_before = ovh_peer.count_calls("POST", "/sms/*/jobs")
    results = provider.submit(batch, batch_ref="crash-1")
    assert all(r.accepted for r in results)
    assert {r.provider_ref for r in results} == ids
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == posts_before
    assert len(ovh_peer.accepted) == 50


def test_a_retry_under_a_new_batch_ref_does_not_resend_either(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [OutgoingSms(i, f"+3361235{i:04d}", "ACME", "Rappel") for i in range(1, 21)]
    ovh_peer.inject("POST", "/sms/*/jobs", 502, after_processing=True)
    with pytest.raises(TransientError):
        provider.submit(batch, batch_ref="first-try")
    results = provider.submit(batch, batch_ref="second-try")
    assert all(r.accepted for r in results)
    assert len(ovh_peer.accepted) == 20
    assert {a.tag for a in ovh_peer.accepted} == {"first-try"}
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 1


def test_a_timeout_after_ovh_took_the_job_is_not_resent(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider(timeout=(2.0, 0.3))
    batch = [OutgoingSms(i, f"+3361236{i:04d}", "ACME", "Rappel") for i in range(1, 6)]
    ovh_peer.inject("POST", "/sms/*/jobs", 200, after_processing=True, delay=1.0)
    with pytest.raises(TransientError, match="ReadTimeout"):
        provider.submit(batch, batch_ref="slow-1")
    results = provider.submit(batch, batch_ref="slow-2")
    assert all(r.accepted for r in results)
    assert len(ovh_peer.accepted) == 5
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 1


def test_a_job_failing_after_others_keeps_their_results(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [
        OutgoingSms(1, "+33612345601", "ACME", "first body"),
        OutgoingSms(2, "+33612345602", "ACME", "second body"),
        OutgoingSms(3, "+33612345603", "ACME", "third body"),
    ]
    # The second job gets a 503 (not processed); the third is not even tried.
    ovh_peer.inject("POST", "/sms/*/jobs", 503, skip=1)
    results = provider.submit(batch, batch_ref="partial")
    assert [r.accepted for r in results] == [True, False, False]
    assert results[1].permanent is False and results[2].permanent is False
    assert [a.message.split("\n")[0] for a in ovh_peer.accepted] == ["first body"]


def test_reconcile_of_a_batch_that_never_arrived_is_empty(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [OutgoingSms(1, "+33611111111", "ACME", "x")]
    ovh_peer.inject("POST", "/sms/*/jobs", 503)
    with pytest.raises(TransientError):
        provider.submit(batch, batch_ref="lost")
    assert provider.reconcile(batch, batch_ref="lost") == []
    [result] = provider.submit(batch, batch_ref="lost")
    assert result.accepted
    assert len(ovh_peer.accepted) == 1


def test_invalid_receivers_are_refused_permanently(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    ovh_peer.unknown_numbers.add("+33600000000")
    batch = [
        OutgoingSms(1, "+33612345678", "ACME", "hi"),
        OutgoingSms(2, "+33600000000", "ACME", "hi"),
        OutgoingSms(3, "0033612345679", "ACME", "hi"),  # 00 form: OVH answers +33...
    ]
    results = provider.submit(batch, batch_ref="inv")
    assert [r.accepted for r in results] == [True, False, True]
    assert results[1].permanent and "invalid receiver" in (results[1].error or "")
    by_id = {str(a.id): a.receiver for a in ovh_peer.accepted}
    assert by_id[str(results[2].provider_ref)] == "+33612345679"


def test_a_refused_sender_fails_its_job_not_the_batch(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [
        OutgoingSms(1, "+33612345678", "BADNAME", "hi"),
        OutgoingSms(2, "+33612345679", "ACME", "hi"),
    ]
    results = provider.submit(batch, batch_ref="snd")
    assert not results[0].accepted and results[0].permanent
    assert "BADNAME" in (results[0].error or "")
    assert results[1].accepted


def test_same_receiver_twice_in_a_batch_goes_in_two_jobs(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [
        OutgoingSms(1, "+33612345678", "ACME", "hi"),
        OutgoingSms(2, "+33612345678", "ACME", "hi"),
    ]
    results = provider.submit(batch, batch_ref="dup")
    assert all(r.accepted for r in results)
    assert results[0].provider_ref != results[1].provider_ref
    assert ovh_peer.count_calls("POST", "/sms/*/jobs") == 2


def test_deferred_send_is_an_ovh_batch_found_by_name_and_cancelled_whole(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [OutgoingSms(i, f"+3361111{i:04d}", "ACME", "Demain") for i in range(1, 4)]
    at = datetime.now(UTC) + timedelta(hours=2)
    results = provider.submit(batch, batch_ref="later", deferred_until=at)
    state = ovh_peer.services[ovh_peer.service]
    [batch_id] = list(state.batch_sms)
    assert state.batches[batch_id]["name"] == "later"
    assert [r.provider_ref for r in results] == [
        f"batch:{batch_id}:{sms.receiver}" for sms in batch
    ]
    assert all(119 <= sms["differedDelivery"] <= 120 for sms in state.batch_sms[batch_id].values())
    assert state.jobs == {}  # no untagged deferred job

    # A pending batch shows its name: a fresh provider finds it by that name.
    records = make_provider().reconcile(batch, batch_ref="later")
    assert {(r.message_id, r.provider_ref) for r in records} == {
        (r.message_id, r.provider_ref) for r in results
    }

    refs = [str(r.provider_ref) for r in results]
    with pytest.raises(PermanentError, match="other message"):
        provider.cancel_deferred(refs[:2])  # OVH cancels a batch whole, never a part
    assert batch_id in state.batch_sms
    credits_before = state.credits_left
    provider.cancel_deferred(refs)
    assert state.batches[batch_id]["status"] == "CANCELED"
    assert state.batch_sms == {}
    assert state.credits_left == credits_before + 3
    provider.cancel_deferred(refs)  # already cancelled: fine


def test_a_sent_batch_reports_receipts_and_is_deleted_through_its_refs(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = [OutgoingSms(i, f"+3361112{i:04d}", "ACME", "Demain") for i in range(1, 4)]
    batch.append(OutgoingSms(4, "+33611120099", "ACME", "Demain"))  # will be undelivered
    at = datetime.now(UTC) + timedelta(hours=1)
    refs = [str(r.provider_ref) for r in provider.submit(batch, batch_ref="b", deferred_until=at)]
    assert provider.poll_receipts(refs) == []  # not sent yet: nothing new
    ovh_peer.release_jobs()
    first = {r.provider_ref: r for r in provider.poll_receipts(refs)}
    assert set(first) == set(refs) and all(r.ptt == 3 for r in first.values())
    final = {r.provider_ref: (r.ptt, r.dlr) for r in provider.poll_receipts(refs)}
    assert final == {refs[0]: (4, 1), refs[1]: (4, 1), refs[2]: (4, 1), refs[3]: (5, 2)}
    with pytest.raises(PermanentError, match="Already sent"):
        provider.cancel_deferred(refs)
    provider.delete_remote(refs[:2])
    outgoing = ovh_peer.services[ovh_peer.service].outgoing
    assert sorted(o["receiver"] for o in outgoing.values()) == ["+33611120003", "+33611120099"]


def test_wrong_secret_is_permanent_and_never_shown(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    secret = "not-the-secret-31415926"
    provider = make_provider(application_secret=secret)
    with pytest.raises(GatewayRefusal) as caught:
        provider.submit([OutgoingSms(1, "+33612345678", "ACME", "hi")], batch_ref="w")
    message = str(caught.value)
    assert "Invalid signature" in message
    for hidden in (secret, ovh_peer.application_secret, ovh_peer.consumer_key):
        assert hidden not in message
        assert hidden not in repr(caught.value)
        assert hidden not in repr(provider.config)
    assert ovh_peer.accepted == []


def test_unknown_consumer_key_is_permanent_and_never_shown(
    make_provider: Callable[..., OvhProvider],
) -> None:
    consumer_key = "ck-nobody-knows-2718281828"
    provider = make_provider(consumer_key=consumer_key)
    with pytest.raises(GatewayRefusal) as caught:
        provider.credits_left()
    assert "credential" in str(caught.value)
    assert consumer_key not in str(caught.value)


def test_unreachable_api_is_transient(make_provider: Callable[..., OvhProvider]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    provider = make_provider(endpoint=f"http://127.0.0.1:{free_port}/1.0")
    with pytest.raises(TransientError, match="unreachable"):
        provider.submit([OutgoingSms(1, "+33612345678", "ACME", "hi")], batch_ref="u")


def test_consumer_key_flow_and_service_list(ovh_peer: Any) -> None:
    validation_url, consumer_key = request_consumer_key(
        ovh_peer.url, ovh_peer.application_key, ovh_peer.application_secret
    )
    assert "credentialToken=" in validation_url
    rules = ovh_peer.credentials[consumer_key].rules
    assert {"method": "POST", "path": "/sms/*"} in rules
    assert {"method": "GET", "path": "/sms"} in rules
    with pytest.raises(PermanentError, match="not valid"):
        list_services(
            ovh_peer.url, ovh_peer.application_key, ovh_peer.application_secret, consumer_key
        )
    ovh_peer.validate(consumer_key)  # the user accepted on the validation page
    services = list_services(
        ovh_peer.url, ovh_peer.application_key, ovh_peer.application_secret, consumer_key
    )
    assert services == [ovh_peer.service]


def test_account_information(ovh_peer: Any, make_provider: Callable[..., OvhProvider]) -> None:
    provider = make_provider()
    assert provider.credits_left() == 10_000_000.0
    assert provider.test_connection() == 10_000_000.0
    senders = {s.name: s for s in provider.senders()}
    assert senders["ACME"].status == "enable"
    assert senders["NEWBRAND"].status == "waitingValidation"
    assert senders["BADNAME"].status == "refused" and senders["BADNAME"].comment

    plain = provider.estimate("Bonjour à tous", commercial=False)
    assert (plain.encoding, plain.parts, plain.characters) == ("GSM-7", 1, 14)
    unicode = provider.estimate("Ça coûte 5 €", commercial=True)
    assert unicode.encoding == "UCS-2"

    checks = {c.e164: c for c in provider.check_numbers(["+33612345675", "+33612345670", "x1"])}
    assert checks["+33612345675"].valid and checks["+33612345675"].ported
    assert not checks["+33612345670"].valid
    assert checks["x1"].valid is False
    assert checks["+33612345675"].operator_code == "20801"


def test_delete_remote_history(ovh_peer: Any, make_provider: Callable[..., OvhProvider]) -> None:
    provider = make_provider()
    results = provider.submit(
        [OutgoingSms(i, f"+3362222{i:04d}", "ACME", "x") for i in range(1, 4)], batch_ref="del"
    )
    refs = [str(r.provider_ref) for r in results]
    provider.delete_remote(refs[:2])
    provider.delete_remote(refs[:2])  # already gone: fine
    outgoing = ovh_peer.services[ovh_peer.service].outgoing
    assert [str(i) for i in outgoing] == refs[2:]


def test_endpoint_names_and_urls() -> None:
    assert resolve_endpoint("ovh-eu") == "ovh-eu"
    url = resolve_endpoint("http://127.0.0.1:9/1.0/")
    assert url == "http://127.0.0.1:9/1.0"
    assert ovh.client.ENDPOINTS[url] == url
    assert ovh.client.ENDPOINTS["ovh-eu"] == "https://eu.api.ovh.com/1.0"
    assert resolve_endpoint("https://api.example.test/1.0") == "https://api.example.test/1.0"
    with pytest.raises(PermanentError, match="loopback"):
        resolve_endpoint("http://192.0.2.10/1.0")
    with pytest.raises(PermanentError, match="Unknown OVH endpoint"):
        resolve_endpoint("ovh-mars")


def test_credentials_from_env_and_keyring(
    ovh_peer: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in secrets.OVH_NAMES:
        monkeypatch.delenv(name, raising=False)
    assert secrets.keyring_available()
    with pytest.raises(PermanentError) as missing:
        OvhConfig.from_environment()
    assert "OVH_APPLICATION_SECRET" in str(missing.value)

    monkeypatch.setenv("OVH_ENDPOINT", ovh_peer.url)
    monkeypatch.setenv("OVH_APPLICATION_KEY", ovh_peer.application_key)
    monkeypatch.setenv("SMSDESK_OVH_SERVICE", ovh_peer.service)
    secrets.set_secret("OVH_APPLICATION_SECRET", ovh_peer.application_secret)
    secrets.set_secret("OVH_CONSUMER_KEY", ovh_peer.consumer_key)
    assert memory_keyring.store[("smsdesk", "OVH_CONSUMER_KEY")] == ovh_peer.consumer_key
    provider = OvhProvider.from_environment(get_retry=NO_WAIT)
    try:
        assert provider.credits_left() == 10_000_000.0
    finally:
        provider.close()
    # The environment wins over the keyring (headless servers).
    monkeypatch.setenv("OVH_CONSUMER_KEY", "from-env")
    assert secrets.get_secret("OVH_CONSUMER_KEY") == "from-env"


def test_no_keyring_backend_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        assert not secrets.keyring_available()
        monkeypatch.delenv("OVH_CONSUMER_KEY", raising=False)
        assert secrets.get_secret("OVH_CONSUMER_KEY") is None
        with pytest.raises(secrets.SecretStoreError, match="environment variable") as caught:
            secrets.set_secret("OVH_CONSUMER_KEY", "value-never-shown")
        assert "value-never-shown" not in str(caught.value)
    finally:
        keyring.set_keyring(previous)
