"""SmppProvider against a real SMPP 3.4 server (the npm `smpp` package, tests/peers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from smsdesk.providers import secrets
from smsdesk.providers.base import GatewayRefusal, OutgoingSms, Provider, TransientError
from smsdesk.providers.smpp import (
    UNANSWERED,
    SmppConfig,
    SmppProvider,
    encode_message,
    parse_receipt,
)

GSM_PART = 153  # septets per part once a 6-byte UDH is added
UCS2_PART = 134  # bytes (67 UTF-16 units)


def campaign(count: int) -> list[OutgoingSms]:
    """Short GSM, long GSM (2 parts) and long UCS-2 (3 parts) messages, each unique."""
    out = []
    for i in range(count):
        receiver = f"+336{i:08d}"
        if i % 10 == 3:
            body = f"[{i}] Offre spéciale € " + "x" * 170  # GSM-7 with escapes, 2 parts
        elif i % 10 == 7:
            body = f"[{i}] Très bientôt à Noël ê œ 🎄 " + "é" * 150  # UCS-2, 3 parts
        else:
            body = f"[{i}] Bonjour, votre rendez-vous est confirmé."
        out.append(OutgoingSms(message_id=i + 1, receiver=receiver, sender="ACME", body=body))
    return out


def test_is_a_provider(make_provider: Callable[..., SmppProvider]) -> None:
    assert isinstance(make_provider(), Provider)


def test_1000_messages_through_throttling_and_a_dropped_connection(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    # Receivers ending 99/98/97 fail the peer's way (see smpp_server.js DEFAULT_OUTCOMES).
    smpp_peer.inject(throttle=25, msgqful=10, drop_after=400)
    provider = make_provider(window=100)
    batch = campaign(1000)

    results = []
    for start in range(0, len(batch), 250):
        results += provider.submit(batch[start : start + 250], batch_ref=f"b{start}")

    assert [r.message_id for r in results] == [sms.message_id for sms in batch]
    accepted = [r for r in results if r.accepted]
    unknown = [r for r in results if r.uncertain]
    # Written on the link that dropped and never answered: unknown, never sent again.
    assert len(accepted) + len(unknown) == 1000
    assert unknown and all(r.error == UNANSWERED and r.permanent for r in unknown)
    assert provider.stats["unanswered"] >= len(unknown)

    state = smpp_peer.state()
    assert state["drops"] == 1
    assert state["binds"] >= 2  # reconnected after the drop
    assert state["throttled"] == 25
    assert state["queue_full"] == 10
    by_id = {sms.message_id: sms for sms in batch}
    # Every submit_sm the peer read, per message and part: none was written twice.
    reads = Counter(
        (e["dest"], e["text"], (e["udh"] or {}).get("seq"))
        for e in state["received"]
        if e["outcome"] not in ("throttled", "queue_full")
    )
    assert set(reads.values()) == {1}
    # Every accepted message reached the SMSC exactly once, whole; no unknown one twice.
    seen = Counter((m["dest"], m["text"]) for m in state["messages"])
    for result in accepted:
        sms = by_id[result.message_id]
        assert seen[(sms.receiver.lstrip("+"), sms.body)] == 1
    for result in unknown:
        sms = by_id[result.message_id]
        assert seen[(sms.receiver.lstrip("+"), sms.body)] <= 1
    codings = {m["text"]: (m["data_coding"], m["parts"]) for m in state["messages"]}
    assert codings[batch[3].body] == (0, 2)
    assert codings[batch[7].body] == (8, 3)
    assert codings[batch[0].body] == (0, 1)
    # The provider_ref names every part's message_id, in order.
    refs = {r.message_id: str(r.provider_ref) for r in accepted}
    assert len(set(refs.values())) == len(accepted)
    ids_of = {(m["dest"], m["text"]): " ".join(m["message_ids"]) for m in state["messages"]}
    for message_id, ref in refs.items():
        sms = by_id[message_id]
        assert ids_of[(sms.receiver.lstrip("+"), sms.body)] == ref

    receipts = eventually(
        lambda: (
            (got := provider.poll_receipts(list(refs.values()))) and len(got) == len(refs) and got
        )
    )
    assert receipts and len(receipts) == len(refs)
    by_ref = {receipt.provider_ref: receipt for receipt in receipts}
    for message_id, ref in refs.items():
        sms = by_id[message_id]
        receipt = by_ref[ref]
        if sms.receiver.endswith("99"):
            assert (receipt.ptt, receipt.dlr) == (5, 2)
            assert provider.receipt_error(receipt.provider_ref) == "001"
        elif sms.receiver.endswith("98"):
            assert (receipt.ptt, receipt.dlr) == (8, 2)
        elif sms.receiver.endswith("97"):
            assert (receipt.ptt, receipt.dlr) == (20, 2)
            assert provider.receipt_error(receipt.provider_ref) == "002"
        else:
            assert (receipt.ptt, receipt.dlr) == (4, 1)
            assert receipt.delivered_at is not None
    assert provider.stats["slow_downs"] == 35


def test_a_long_message_is_judged_on_all_its_parts(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    smpp_peer.outcomes({"42": {"stat": "UNDELIV", "err": "005"}})
    provider = make_provider()
    good = OutgoingSms(1, "+33612345678", "ACME", "a" * 400)  # 3 GSM parts
    bad = OutgoingSms(2, "+33612345642", "ACME", "b" * 400)
    results = provider.submit([good, bad], batch_ref="long")
    assert all(r.accepted for r in results)
    good_ref, bad_ref = (str(r.provider_ref) for r in results)
    assert len(good_ref.split()) == 3 and len(bad_ref.split()) == 3

    receipts = eventually(
        lambda: (got := provider.poll_receipts([good_ref, bad_ref])) and len(got) == 2 and got
    )
    by_ref = {r.provider_ref: r for r in receipts}
    assert (by_ref[good_ref].ptt, by_ref[good_ref].dlr) == (4, 1)
    assert (by_ref[bad_ref].ptt, by_ref[bad_ref].dlr) == (5, 2)
    assert by_ref[bad_ref].error == "stat:UNDELIV err:005"

    state = smpp_peer.state()
    by_text = {m["text"]: m for m in state["messages"]}
    assert by_text[good.body]["parts"] == 3
    assert " ".join(by_text[good.body]["message_ids"]) == good_ref


def test_a_long_message_waits_for_every_part_before_delivered(
    make_provider: Callable[..., SmppProvider],
) -> None:
    provider = make_provider()
    provider.start()
    # Receipts for two of three parts only (as if the third were still on its way).
    provider._on_deliver(_receipt_pdu("P1", "DELIVRD"))
    provider._on_deliver(_receipt_pdu("P2", "DELIVRD"))
    assert provider.poll_receipts(["P1 P2 P3"]) == []
    provider._on_deliver(_receipt_pdu("P3", "DELIVRD"))
    [receipt] = provider.poll_receipts(["P1 P2 P3"])
    assert (receipt.provider_ref, receipt.dlr) == ("P1 P2 P3", 1)
    # A failed part decides at once, even with parts still to hear from.
    provider._on_deliver(_receipt_pdu("Q2", "UNDELIV", "034"))
    [failed] = provider.poll_receipts(["Q1 Q2 Q3"])
    assert (failed.dlr, failed.error) == (2, "stat:UNDELIV err:034")


def _receipt_pdu(message_id: str, stat: str, err: str = "000") -> Any:
    import smpplib.smpp

    text = f"id:{message_id} sub:001 dlvrd:000 done date:2405021011 stat:{stat} err:{err} text:"
    return smpplib.smpp.make_pdu(
        "deliver_sm", sequence=1, esm_class=0x04, short_message=text.encode()
    )


def test_permanent_refusal_names_the_smpp_status(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(reject={"33600000002": "ESME_RINVDSTADR"})
    provider = make_provider()
    batch = [OutgoingSms(i, f"+3360000000{i}", "ACME", f"hi {i}") for i in range(1, 4)]
    results = provider.submit(batch, batch_ref="r")
    assert [r.accepted for r in results] == [True, False, True]
    assert results[1].error == "ESME_RINVDSTADR"
    assert results[1].permanent is True
    assert smpp_peer.state()["messages_count"] == 2


def test_persistent_throttling_gives_the_message_back_for_later(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    smpp_peer.inject(throttle=1000)
    provider = make_provider(max_slow_downs=3)
    [result] = provider.submit([OutgoingSms(1, "+33611111111", "", "hi")], batch_ref="t")
    assert not result.accepted
    assert result.error == "ESME_RTHROTTLED"
    assert result.permanent is False  # the dispatcher retries it later
    assert smpp_peer.state()["messages_count"] == 0


def test_wrong_password_is_a_refusal_and_never_shown(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider]
) -> None:
    provider = make_provider(password="wrongpw1")
    with pytest.raises(GatewayRefusal) as caught:
        provider.wait_bound(timeout=10)
    assert str(caught.value) == "SMPP bind refused: ESME_RINVPASWD"
    with pytest.raises(GatewayRefusal) as again:
        provider.submit([OutgoingSms(1, "+33611111111", "", "hi")], batch_ref="x")
    for error in (caught.value, again.value):
        assert "wrongpw1" not in str(error)
        assert smpp_peer.password not in str(error)
    assert "wrongpw1" not in repr(provider.config)
    assert smpp_peer.state()["messages_count"] == 0


def test_unreachable_gateway_is_transient(make_provider: Callable[..., SmppProvider]) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    provider = make_provider(port=free_port, link_wait=0.5)
    with pytest.raises(TransientError):
        provider.submit([OutgoingSms(1, "+33611111111", "", "hi")], batch_ref="u")


def test_enquire_link_keeps_an_idle_link_alive(
    smpp_peer: Any, make_provider: Callable[..., SmppProvider], eventually: Callable[..., Any]
) -> None:
    provider = make_provider(enquire_link_interval=0.2, response_timeout=5.0)
    provider.wait_bound(timeout=10)
    assert eventually(lambda: smpp_peer.state(messages=False)["enquire_links"] >= 2)
    assert provider.bound
    assert provider.stats["binds"] == 1


def test_overlong_password_is_refused_before_connecting() -> None:
    with pytest.raises(GatewayRefusal, match="8 characters") as caught:
        SmppConfig("127.0.0.1", 2775, "smsdesk", "longer-than-8")
    assert "longer-than-8" not in str(caught.value)


def test_from_env_reads_the_keyring_for_the_password(
    smpp_peer: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMSDESK_SMPP_PORT", str(smpp_peer.port))
    monkeypatch.setenv("SMSDESK_SMPP_SYSTEM_ID", smpp_peer.system_id)
    monkeypatch.delenv("SMSDESK_SMPP_PASSWORD", raising=False)
    secrets.set_secret("SMSDESK_SMPP_PASSWORD", smpp_peer.password)
    provider = SmppProvider.from_environment()
    try:
        [result] = provider.submit([OutgoingSms(1, "+33611111111", "", "hi")], batch_ref="e")
        assert result.accepted
    finally:
        provider.close()
    secrets.delete_secret("SMSDESK_SMPP_PASSWORD")
    with pytest.raises(GatewayRefusal) as missing:
        SmppConfig.from_environment()
    assert str(missing.value) == "SMPP settings missing: SMSDESK_SMPP_PASSWORD"


# --- encoding and receipts, no peer needed -------------------------------------------------


def test_single_and_split_lengths() -> None:
    assert encode_message("a" * 160) == (0, [b"a" * 160])
    coding, parts = encode_message("a" * 161)
    assert coding == 0 and [len(p) for p in parts] == [GSM_PART, 161 - GSM_PART]
    coding, parts = encode_message("ê" * 70)
    assert coding == 8 and len(parts) == 1
    coding, parts = encode_message("ê" * 71)
    assert coding == 8 and [len(p) for p in parts] == [UCS2_PART, 2 * 71 - UCS2_PART]


def test_parts_never_cut_an_escape_or_a_surrogate_pair() -> None:
    coding, parts = encode_message("a" * 152 + "€" + "b" * 10)  # € = ESC + e at 152-153
    assert coding == 0
    assert parts[0] == b"a" * 152 and parts[1].startswith(b"\x1be")
    coding, parts = encode_message("ê" * 66 + "🎄" + "x" * 10)  # emoji needs units 66-67
    assert coding == 8
    assert len(parts[0]) == 132 and parts[1].startswith("🎄".encode("utf-16-be"))


def test_backtick_is_not_gsm() -> None:
    assert encode_message("`")[0] == 8


def test_parse_receipt() -> None:
    text = (
        "id:0A1B sub:001 dlvrd:000 submit date:2405021010 done date:2405021011 "
        "stat:UNDELIV err:034 text:Hello"
    )
    receipt_id, stat, err, done = parse_receipt(text) or ("", "", None, None)
    assert (receipt_id, stat, err) == ("0A1B", "UNDELIV", "034")
    assert done is not None and (done.year, done.minute) == (2024, 11)
    assert parse_receipt("not a receipt") is None
