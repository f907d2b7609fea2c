"""Issue 11 against the OVH peer: identity reconciliation, refusals, STOP list, a
misbehaving gateway. The provider is driven directly, the way the dispatcher drives it."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from smsdesk.providers.base import (
    GatewayRefusal,
    NotEnoughCredits,
    OutgoingSms,
    TransientError,
)
from smsdesk.providers.ovh import STOP_LIST_WORDS, OvhConfig, OvhProvider
from smsdesk.providers.retry import Backoff

NO_WAIT = Backoff(base=0.0, cap=0.0, max_attempts=3)


def faults(peer: Any, **plan: Any) -> Any:
    """The peer's OvhFaults (tests/peers/ovh_server.py, loaded by the ovh_peer fixture)."""
    return sys.modules[type(peer).__module__].OvhFaults(**plan)


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
            timeout=(2.0, 2.0),
        )
        provider = OvhProvider(replace(config, **overrides))
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()


RECEIVERS = [f"+336{i:08d}" for i in range(40)]


def campaign(first_id: int) -> list[OutgoingSms]:
    """40 receivers, one text: two of these are alike in everything but their ids."""
    return [
        OutgoingSms(first_id + i, receiver, "ACME", "Soldes demain")
        for i, receiver in enumerate(RECEIVERS)
    ]


def lose_posts(peer: Any, route: str) -> Any:
    """Every POST on `route` is processed, then its answer is lost."""
    return faults(peer, seed=1, lose_answer=1.0, methods=frozenset({"POST"}), routes=(route,))


def submit_or_reconcile(
    provider: OvhProvider, batch: list[OutgoingSms], ref: str, at: datetime | None
) -> dict[int, str]:
    """submit; when its answer is lost, ask OVH by the same batch_ref (what the dispatcher
    does before sending the rest under a new one). message_id -> provider_ref."""
    try:
        results = provider.submit(batch, batch_ref=ref, deferred_until=at)
    except TransientError:
        return {r.message_id: r.provider_ref for r in provider.reconcile(batch, batch_ref=ref)}
    return {r.message_id: str(r.provider_ref) for r in results if r.accepted}


@pytest.mark.parametrize("lost", ["second", "every"])
def test_two_identical_deferred_campaigns_are_told_apart_by_their_tag(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider], lost: str
) -> None:
    at = datetime.now(UTC) + timedelta(hours=3)
    first, second = campaign(1), campaign(101)
    if lost == "every":
        ovh_peer.fault_plan = lose_posts(ovh_peer, "/sms/*/batches")
    got_first = submit_or_reconcile(make_provider(), first, "sd-aaaa", at)
    ovh_peer.fault_plan = lose_posts(ovh_peer, "/sms/*/batches")
    got_second = submit_or_reconcile(make_provider(), second, "sd-bbbb", at)
    ovh_peer.fault_plan = None

    # Each campaign found exactly its own 40, nothing to send again.
    assert sorted(got_first) == [sms.message_id for sms in first]
    assert sorted(got_second) == [sms.message_id for sms in second]
    state = ovh_peer.services[ovh_peer.service]
    by_name = {b["name"]: b["id"] for b in state.batches.values()}
    assert {ref.split(":")[1] for ref in got_first.values()} == {by_name["sd-aaaa"]}
    assert {ref.split(":")[1] for ref in got_second.values()} == {by_name["sd-bbbb"]}
    # The peer holds 80 SMS for 80 intended.
    assert len(ovh_peer.accepted) == 80
    assert Counter(a.receiver for a in ovh_peer.accepted) == Counter(RECEIVERS * 2)

    # Cancelling the second campaign reaches all of its 40, and only those.
    make_provider().cancel_deferred(list(got_second.values()))
    assert state.batches[by_name["sd-bbbb"]]["status"] == "CANCELED"
    assert list(state.batch_sms) == [by_name["sd-aaaa"]]
    assert len(state.batch_sms[by_name["sd-aaaa"]]) == 40


def test_an_immediate_job_whose_answer_was_lost_is_found_by_its_tag_only(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    first, second = campaign(1), campaign(101)
    got_first = submit_or_reconcile(make_provider(), first, "sd-1111", None)
    ovh_peer.fault_plan = lose_posts(ovh_peer, "/sms/*/jobs")
    got_second = submit_or_reconcile(make_provider(), second, "sd-2222", None)
    assert sorted(got_second) == [sms.message_id for sms in second]
    assert not set(got_first.values()) & set(got_second.values())
    tag_of = {str(a.id): a.tag for a in ovh_peer.accepted}
    assert {tag_of[ref] for ref in got_second.values()} == {"sd-2222"}
    assert len(ovh_peer.accepted) == 80


def test_a_pending_untagged_job_makes_reconcile_wait_not_guess(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    batch = campaign(1)[:3]
    # An immediate job still queued at OVH (it shows no tag): ours or not, nobody can say.
    state = ovh_peer.services[ovh_peer.service]
    state.jobs[99] = {"id": 99, "receiver": RECEIVERS[0], "differedDelivery": 0, "message": "x"}
    with pytest.raises(TransientError, match="no tag"):
        provider.reconcile(batch, batch_ref="sd-unknown")
    state.jobs[99]["differedDelivery"] = 60  # a deferred job of someone else: not in the way
    assert provider.reconcile(batch, batch_ref="sd-unknown") == []


# --- refusals -----------------------------------------------------------------------------


def one_line_without_secrets(error: BaseException, *secrets: str) -> None:
    text = str(error)
    assert "\n" not in text and text
    for secret in secrets:
        assert secret not in text and secret not in repr(error)


def test_a_wrong_secret_is_a_refusal_from_every_call(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    good = make_provider()
    [sent] = good.submit([OutgoingSms(1, RECEIVERS[0], "ACME", "hi")], batch_ref="sd-ok")
    secret = "wrong-secret-0123456789"
    provider = make_provider(application_secret=secret)
    batch = [OutgoingSms(2, RECEIVERS[1], "ACME", "hi")]
    calls: list[Callable[[], object]] = [
        lambda: provider.submit(batch, batch_ref="sd-w"),
        lambda: provider.submit(
            batch, batch_ref="sd-w2", deferred_until=datetime.now(UTC) + timedelta(hours=1)
        ),
        lambda: provider.reconcile(batch, batch_ref="sd-ok"),
        lambda: provider.poll_receipts([str(sent.provider_ref)]),
    ]
    for call in calls:
        with pytest.raises(GatewayRefusal, match="Invalid signature") as caught:
            call()
        one_line_without_secrets(caught.value, secret, ovh_peer.application_secret)
        assert "credentials" in str(caught.value)
    assert len(ovh_peer.accepted) == 1


def test_unknown_consumer_key_no_account_and_missing_settings_are_refusals(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider], monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = [OutgoingSms(1, RECEIVERS[0], "ACME", "hi")]
    with pytest.raises(GatewayRefusal, match="credential") as caught:
        make_provider(consumer_key="ck-nobody-31415").submit(batch, batch_ref="sd-c")
    one_line_without_secrets(caught.value, "ck-nobody-31415")
    with pytest.raises(GatewayRefusal, match="no such SMS account"):
        make_provider(service="sms-zz99999-1").submit(batch, batch_ref="sd-s")
    with pytest.raises(GatewayRefusal, match="settings missing"):
        make_provider(service="")
    monkeypatch.delenv("OVH_APPLICATION_SECRET", raising=False)
    with pytest.raises(GatewayRefusal, match="settings missing"):
        OvhConfig.from_environment()
    assert ovh_peer.accepted == []


@pytest.mark.parametrize("deferred", [False, True])
def test_too_few_credits_is_not_enough_credits_and_sends_nothing(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider], deferred: bool
) -> None:
    state = ovh_peer.services[ovh_peer.service]
    state.credits_left = 39.0  # one short for 40 one-part SMS
    at = datetime.now(UTC) + timedelta(hours=1) if deferred else None
    with pytest.raises(NotEnoughCredits, match="not enough credits") as caught:
        make_provider().submit(campaign(1), batch_ref="sd-money", deferred_until=at)
    one_line_without_secrets(caught.value, ovh_peer.application_secret)
    assert ovh_peer.accepted == [] and state.credits_left == 39.0
    state.credits_left = 40.0
    results = make_provider().submit(campaign(1), batch_ref="sd-money2", deferred_until=at)
    assert all(r.accepted for r in results) and state.credits_left == 0.0


def test_credits_running_out_mid_batch_keeps_what_was_sent(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    state = ovh_peer.services[ovh_peer.service]
    state.credits_left = 3.0
    batch = [OutgoingSms(i, RECEIVERS[i], "ACME", f"text {i % 2}") for i in range(4)]
    results = make_provider().submit(batch, batch_ref="sd-mid")
    # The first job (2 SMS) went through; the second was refused: retried later, not lost.
    assert [r.accepted for r in results] == [True, False, True, False]
    assert all(not r.permanent and "credits" in str(r.error) for r in results if not r.accepted)
    with pytest.raises(NotEnoughCredits):
        make_provider().submit([batch[1], batch[3]], batch_ref="sd-mid-2")


# --- STOP list ----------------------------------------------------------------------------


@pytest.mark.parametrize("deferred", [False, True])
def test_a_receiver_on_the_stop_list_is_reported_in_words(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider], deferred: bool
) -> None:
    ovh_peer.blacklist(RECEIVERS[1])
    ovh_peer.unknown_numbers.add(RECEIVERS[2])
    batch = campaign(1)[:4]
    at = datetime.now(UTC) + timedelta(hours=1) if deferred else None
    results = make_provider().submit(batch, batch_ref="sd-stop", deferred_until=at)
    assert [r.accepted for r in results] == [True, False, False, True]
    assert results[1].error == STOP_LIST_WORDS and "STOP list" in STOP_LIST_WORDS
    assert results[1].permanent
    assert results[2].error == "OVH: invalid receiver"
    assert ovh_peer.count_calls("GET", "/sms/*/blacklists") == 1  # one call, not per number
    assert {a.receiver for a in ovh_peer.accepted} == {RECEIVERS[0], RECEIVERS[3]}


# --- a misbehaving gateway ----------------------------------------------------------------


def test_a_server_clock_far_from_ours_is_fine(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    ovh_peer.clock_skew = -6 * 3600.0  # the peer checks signatures against its own clock
    provider = make_provider()
    assert provider.credits_left() == ovh_peer.services[ovh_peer.service].credits_left
    assert all(r.accepted for r in provider.submit(campaign(1), batch_ref="sd-skew"))


def test_silence_is_a_bounded_transient_and_is_never_resent(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    ovh_peer.fault_plan = faults(
        ovh_peer,
        silence=1.0,
        silence_seconds=3.0,
        methods=frozenset({"POST"}),
        routes=("/sms/*/jobs",),
    )
    provider = make_provider(timeout=(2.0, 0.5))
    batch = campaign(1)[:5]
    with pytest.raises(TransientError, match="ReadTimeout"):
        provider.submit(batch, batch_ref="sd-quiet")
    ovh_peer.fault_plan = None
    results = provider.submit(batch, batch_ref="sd-quiet-2")  # same process, new batch_ref
    assert all(r.accepted for r in results)
    assert len(ovh_peer.accepted) == 5 and ovh_peer.count_calls("POST", "/sms/*/jobs") == 1
    # A fresh process asks by the old tag and finds them too.
    found = make_provider().reconcile(batch, batch_ref="sd-quiet")
    assert {r.provider_ref for r in found} == {str(r.provider_ref) for r in results}


def test_the_fault_plan_is_seeded_and_says_what_it_did(ovh_peer: Any) -> None:
    def run(seed: int) -> list[str]:
        plan = faults(
            ovh_peer, seed=seed, lose_answer=0.2, error_5xx=0.2, throttle_429=0.2, slow=0.1
        )
        return [plan.draw("GET", "/sms/x/outgoing") or "ok" for _ in range(200)]

    assert run(7) == run(7) and run(7) != run(8)
    counts = Counter(run(7))
    assert set(counts) == {
        "ok",
        "lose_answer",
        "error_5xx_before",
        "error_5xx_after",
        "throttle_429",
        "slow",
    }
    assert faults(ovh_peer, lose_answer=1.0).draw("GET", "/auth/time") is None  # routes: /sms/*


def test_429_from_the_plan_carries_retry_after(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    ovh_peer.fault_plan = faults(
        ovh_peer, throttle_429=1.0, retry_after=7, methods=frozenset({"POST"})
    )
    with pytest.raises(TransientError) as caught:
        make_provider().submit(campaign(1)[:2], batch_ref="sd-429")
    assert caught.value.retry_after == 7.0 and "HTTP 429" in str(caught.value)
    assert ovh_peer.accepted == []


@pytest.mark.parametrize("seed", [1, 2])
def test_a_campaign_through_a_misbehaving_peer_reaches_each_receiver_once(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider], seed: int
) -> None:
    """The dispatcher's way: a batch that failed may have arrived, so before sending its
    messages again under a new batch_ref, ask OVH by the old one; refs found are kept."""
    plan = faults(
        ovh_peer,
        seed=seed,
        lose_answer=0.08,
        error_5xx=0.08,
        throttle_429=0.04,
        slow=0.05,
        slow_seconds=0.1,
    )
    ovh_peer.fault_plan = plan
    receivers = [f"+3367{i:07d}" for i in range(300)]
    messages = [
        OutgoingSms(i + 1, r, "ACME", "Offre" if i % 2 else "Rappel", commercial=bool(i % 2))
        for i, r in enumerate(receivers)
    ]
    deferred = datetime.now(UTC) + timedelta(hours=2) if seed == 2 else None
    provider = make_provider(max_batch=25)
    recorded: dict[int, str] = {}
    earlier: dict[int, str] = {}  # message -> batch_ref of its last ambiguous attempt
    problems: list[str] = []
    pending = list(messages)
    for attempt in range(100):
        if not pending:
            break
        # settle earlier attempts by their own tag first
        for old_ref in sorted(set(earlier.values())):
            group = [m for m in pending if earlier.get(m.message_id) == old_ref]
            try:
                found = make_provider().reconcile(group, batch_ref=old_ref)
            except TransientError as error:
                problems.append(f"reconcile {old_ref}: {error}")
                continue
            recorded.update((r.message_id, r.provider_ref) for r in found)
            for m in group:
                earlier.pop(m.message_id, None)
        pending = [m for m in pending if m.message_id not in recorded]
        chunk = [m for m in pending if m.message_id not in earlier][:50]
        if not chunk:
            continue
        ref = f"sd-{seed}-{attempt}"
        try:
            results = provider.submit(chunk, batch_ref=ref, deferred_until=deferred)
        except TransientError as error:
            problems.append(f"submit {ref}: {error}")
            earlier.update((m.message_id, ref) for m in chunk)
            continue
        for r in results:
            if r.accepted:
                recorded[r.message_id] = str(r.provider_ref)
            else:
                problems.append(f"refused in {ref}: {r.error}")
                earlier[r.message_id] = ref
        pending = [m for m in pending if m.message_id not in recorded]
    ovh_peer.fault_plan = None
    assert not pending, f"{len(pending)} never went through: {problems[-5:]}"
    # posts whose answer was lost or that failed after taking effect were among them
    posts = Counter(kind for method, _, kind in plan.log if method == "POST")
    assert posts["lose_answer"] + posts["error_5xx_after"] >= 1, posts
    assert Counter(a.receiver for a in ovh_peer.accepted) == Counter(receivers)
    assert len(set(recorded.values())) == 300


def test_one_message_of_a_big_sent_batch_is_read_by_its_receiver(
    ovh_peer: Any, make_provider: Callable[..., OvhProvider]
) -> None:
    provider = make_provider()
    at = datetime.now(UTC) + timedelta(hours=1)
    results = provider.submit(campaign(1)[:10], batch_ref="sd-big", deferred_until=at)
    ovh_peer.release_jobs()
    ref = str(results[6].provider_ref)
    [first] = provider.poll_receipts([ref])
    [final] = provider.poll_receipts([ref])
    assert (first.provider_ref, first.ptt) == (ref, 3)
    assert (final.ptt, final.dlr) == (4, 1)
    reads = ovh_peer.services[ovh_peer.service].reads
    sent_id = next(a.id for a in ovh_peer.accepted if a.receiver == RECEIVERS[6])
    assert reads == {sent_id: 2}  # only that SMS was read, not the whole batch
