"""SmppProvider against the SMPP peer misbehaving on command (smpp_server.js POST /inject).

Each fault ends the same way: every message is received by the SMSC at most once, and
each result is final (accepted, refused) or uncertain (written, never answered: the
dispatcher records it `unknown`). Only an answer that says no is sent again.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from smsdesk.providers.base import GatewayRefusal, OutgoingSms, SubmitResult
from smsdesk.providers.smpp import UNANSWERED, SmppProvider, require_settings


def messages(count: int, body: str = "Bonjour {i}") -> list[OutgoingSms]:
    return [
        OutgoingSms(i, f"+3361000{i:04d}", "ACME", body.format(i=i)) for i in range(1, count + 1)
    ]


def delivered(peer: Any) -> Counter[tuple[str, str]]:
    """How many times the SMSC processed each whole message (dest, text)."""
    return Counter((m["dest"], m["text"]) for m in peer.state()["messages"])


def key(sms: OutgoingSms) -> tuple[str, str]:
    return sms.receiver.lstrip("+"), sms.body


def assert_at_most_once(
    peer: Any, batch: Sequence[OutgoingSms], results: Sequence[SubmitResult]
) -> None:
    """Received at most once; accepted means received exactly once; nothing is left open."""
    seen = delivered(peer)
    assert all(count == 1 for count in seen.values()), seen
    by_id = {r.message_id: r for r in results}
    assert set(by_id) == {sms.message_id for sms in batch}
    for sms in batch:
        result = by_id[sms.message_id]
        if result.accepted:
            assert seen[key(sms)] == 1
            assert result.provider_ref
        elif result.uncertain:
            assert (result.error, result.permanent) == (UNANSWERED, True)
        else:
            assert seen[key(sms)] == 0  # refused: the SMSC did not take it
    # Each part was read by the SMSC once, except the ones it answered "no" to.
    reads = Counter(
        (e["dest"], e["text"], (e["udh"] or {}).get("seq"))
        for e in peer.state()["received"]
        if e["outcome"] not in ("throttled", "queue_full", "generic_nack")
    )
    assert all(count == 1 for count in reads.values()), reads


def outcome(results: Sequence[SubmitResult]) -> list[str]:
    return ["ok" if r.accepted else "unknown" if r.uncertain else "no" for r in results]


def test_throttling_and_queue_full_are_sent_again_after_a_pause(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(throttle=4, msgqful=3)
    provider = make_provider()
    batch = messages(10)
    results = provider.submit(batch, batch_ref="t")
    assert outcome(results) == ["ok"] * 10
    state = smpp_peer.state()
    assert (state["throttled"], state["queue_full"]) == (4, 3)
    assert provider.stats["slow_downs"] == 7
    assert_at_most_once(smpp_peer, batch, results)


def test_generic_nack_is_a_no_that_may_be_retried(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(generic_nack=1)
    provider = make_provider(window=1)
    batch = messages(3)
    results = provider.submit(batch, batch_ref="n")
    assert outcome(results) == ["no", "ok", "ok"]
    assert results[0].permanent is False
    assert results[0].error == "generic_nack ESME_RSYSERR"
    assert_at_most_once(smpp_peer, batch, results)
    # The dispatcher's retry: now it goes through, once.
    [again] = provider.submit(batch[:1], batch_ref="n2")
    assert again.accepted
    assert delivered(smpp_peer)[key(batch[0])] == 1


def test_a_dropped_link_makes_the_written_part_unknown_and_sends_the_rest_after(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(drop_after=3)
    provider = make_provider(window=1)  # one part in flight: the drop hits exactly one
    batch = messages(6)
    results = provider.submit(batch, batch_ref="d")
    assert outcome(results) == ["ok", "ok", "unknown", "ok", "ok", "ok"]
    assert smpp_peer.state()["drops"] == 1
    assert smpp_peer.state()["binds"] == 2
    assert_at_most_once(smpp_peer, batch, results)
    assert delivered(smpp_peer)[key(batch[2])] == 0  # the dropped one never arrived...
    assert provider.stats["unanswered"] == 1  # ...but it might have: never sent again


def test_an_unbind_from_the_smsc_makes_unanswered_parts_unknown_then_rebinds(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(unbind_after=2)
    provider = make_provider(window=1)
    batch = messages(5)
    results = provider.submit(batch, batch_ref="u")
    assert outcome(results) == ["ok", "unknown", "ok", "ok", "ok"]
    state = smpp_peer.state()
    assert (state["unbinds"], state["binds"]) == (1, 2)
    assert_at_most_once(smpp_peer, batch, results)


def test_a_silent_submit_is_unknown_and_the_link_stays(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(silent=1)
    provider = make_provider(response_timeout=1.0)
    batch = messages(4)
    results = provider.submit(batch, batch_ref="s")
    assert outcome(results) == ["unknown", "ok", "ok", "ok"]
    assert smpp_peer.state()["binds"] == 1  # the SMSC answers the probe: no reconnect
    assert_at_most_once(smpp_peer, batch, results)


def test_a_lost_answer_is_unknown_though_the_smsc_delivered_it(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(lost_answer=1)
    provider = make_provider(response_timeout=1.0)
    batch = messages(3)
    results = provider.submit(batch, batch_ref="l")
    assert outcome(results) == ["unknown", "ok", "ok"]
    # The SMSC has it: sending it again (the old behaviour) would deliver it twice.
    assert delivered(smpp_peer)[key(batch[0])] == 1
    assert_at_most_once(smpp_peer, batch, results)


def test_slow_answers_within_the_timeout_are_accepted(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(slow=3, slow_ms=300)
    provider = make_provider(response_timeout=5.0)
    batch = messages(5)
    results = provider.submit(batch, batch_ref="w")
    assert outcome(results) == ["ok"] * 5
    assert smpp_peer.state()["slow_answers"] == 3
    assert_at_most_once(smpp_peer, batch, results)


def test_an_answer_later_than_the_timeout_leaves_the_message_unknown(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    smpp_peer.inject(slow=1, slow_ms=3000)
    provider = make_provider(response_timeout=1.0)
    batch = messages(2)
    results = provider.submit(batch, batch_ref="late")
    assert outcome(results) == ["unknown", "ok"]
    assert eventually(lambda: provider.stats["late_answers"] == 1)
    assert_at_most_once(smpp_peer, batch, results)


def test_a_long_message_with_parts_accepted_and_one_unanswered_is_unknown(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(drop_after=2)  # part 1 accepted, part 2 drops the link
    provider = make_provider()
    sms = OutgoingSms(1, "+33610009999", "ACME", "x" * 400)  # 3 parts
    [result] = provider.submit([sms], batch_ref="m")
    assert result.uncertain and not result.accepted
    outcomes = [e["outcome"] for e in smpp_peer.state()["received"]]
    assert outcomes[:2] == ["accepted", "dropped"]
    assert_at_most_once(smpp_peer, [sms], [result])


def test_a_refused_bind_is_a_gateway_refusal_then_a_later_bind_sends(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    smpp_peer.inject(bind_fail=1)
    provider = make_provider()
    batch = messages(2)
    with pytest.raises(GatewayRefusal) as refused:
        provider.submit(batch, batch_ref="b")
    assert str(refused.value) == "SMPP bind refused: ESME_RBINDFAIL"
    assert smpp_peer.password not in str(refused.value)
    assert smpp_peer.state()["received"] == []
    # The supervisor binds again (the refusal was temporary): the batch goes once.
    assert eventually(lambda: provider.bound)
    results = provider.submit(batch, batch_ref="b")
    assert outcome(results) == ["ok", "ok"]
    assert_at_most_once(smpp_peer, batch, results)


def test_missing_settings_are_a_gateway_refusal_naming_them() -> None:
    with pytest.raises(GatewayRefusal) as missing:
        require_settings(host="smsc.example", system_id="", password=None)
    assert str(missing.value) == (
        "SMPP settings missing: SMSDESK_SMPP_SYSTEM_ID, SMSDESK_SMPP_PASSWORD"
    )


def test_a_dispatch_with_no_smpp_settings_meets_a_gateway_refusal(services: Any) -> None:
    """What the dispatcher calls: the provider Settings build, at submit time."""
    gateway = services.gateways.provider("smpp")
    with pytest.raises(GatewayRefusal) as missing:
        gateway.submit(messages(1), batch_ref="none")
    assert str(missing.value) == (
        "SMPP settings missing: SMSDESK_SMPP_HOST, SMSDESK_SMPP_SYSTEM_ID, SMSDESK_SMPP_PASSWORD"
    )


def test_receipts_of_an_earlier_process_are_merged_by_a_later_one(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    smpp_peer.inject(receipts_to_later_bind=True)
    smpp_peer.outcomes({"66": {"stat": "UNDELIV", "err": "011"}})
    first = make_provider()
    good = OutgoingSms(1, "+33610001111", "ACME", "g" * 400)  # 3 parts each
    bad = OutgoingSms(2, "+33610001166", "ACME", "b" * 400)
    results = first.submit([good, bad], batch_ref="r")
    assert all(r.accepted for r in results)
    refs = [str(r.provider_ref) for r in results]
    assert [len(ref.split()) for ref in refs] == [3, 3]
    assert first.poll_receipts(refs) == []  # held for a later bind
    first.close()

    later = make_provider()  # a new process: no memory of what `first` sent
    got = eventually(lambda: (found := later.poll_receipts(refs)) and len(found) == 2 and found)
    by_ref = {r.provider_ref: r for r in got}
    assert (by_ref[refs[0]].ptt, by_ref[refs[0]].dlr) == (4, 1)
    assert by_ref[refs[0]].delivered_at is not None
    assert (by_ref[refs[1]].ptt, by_ref[refs[1]].dlr) == (5, 2)
    assert by_ref[refs[1]].error == "stat:UNDELIV err:011"


def test_a_seeded_fault_plan_never_sends_a_message_twice(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    """A dispatcher in miniature: retry what was refused, keep what is unknown."""
    rates = {
        "throttle": 0.03,
        "msgqful": 0.02,
        "generic_nack": 0.03,
        "silent": 0.01,
        "lost_answer": 0.01,
        "slow": 0.05,
        "drop": 0.005,
        "unbind": 0.005,
    }
    smpp_peer.inject(plan={"seed": 11, "rates": rates, "slow_ms": 20})
    provider = make_provider(response_timeout=1.0, window=50)
    batch = [
        OutgoingSms(i, f"+3362{i:07d}", "ACME", f"[{i}] " + ("€" * 90 if i % 7 == 0 else "ok"))
        for i in range(1, 401)
    ]
    final: dict[int, SubmitResult] = {}
    pending = list(batch)
    for _round in range(30):
        if not pending:
            break
        for result in provider.submit(pending, batch_ref=f"p{_round}"):
            if result.accepted or result.uncertain or result.permanent:
                final[result.message_id] = result
        pending = [sms for sms in pending if sms.message_id not in final]
    assert not pending
    results = [final[sms.message_id] for sms in batch]
    assert_at_most_once(smpp_peer, batch, results)
    state = smpp_peer.state(messages=False)
    assert state["plan_draws"] >= 300
    assert state["generic_nacks"] and state["throttled"] and state["silent"]
    # A drop or an unbind leaves the window's parts unknown: many, but never resent.
    assert any(r.uncertain for r in results) and sum(r.accepted for r in results) > 200


def test_close_ends_a_submit_waiting_on_a_silent_smsc(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    smpp_peer.inject(silent=1000)
    provider = make_provider(response_timeout=60.0, window=2)
    batch = messages(5)
    got: list[list[SubmitResult]] = []
    worker = threading.Thread(target=lambda: got.append(provider.submit(batch, batch_ref="c")))
    worker.start()
    assert eventually(lambda: len(smpp_peer.state()["received"]) == 2)
    provider.close()  # what a SIGTERM does: the submit answers now, not in 60 s
    worker.join(timeout=10)
    assert not worker.is_alive()
    [results] = got
    # The two written are unknown; the three never written may be sent later.
    assert outcome(results) == ["unknown", "unknown", "no", "no", "no"]
    assert all(r.permanent is False for r in results[2:])
    assert_at_most_once(smpp_peer, batch, results)
