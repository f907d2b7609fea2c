"""Preview parts == parts sent: every boundary vector of tests/domain/test_encoding.py goes
through the SMPP peer and the simulator, and what they received is what `smsdesk message
info` (smsdesk.domain.encoding.message_info) said: the number of parts and the coding."""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from smsdesk.domain.encoding import Encoding, message_info
from smsdesk.providers.base import OutgoingSms
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.providers.smpp import SmppConfig, SmppProvider


def _vectors_module() -> ModuleType:
    name = "smsdesk_test_encoding_vectors"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "domain" / "test_encoding.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# The issue's reproductions: "Prix § 10" counted GSM-7 but sent UCS-2, and a 102-character
# GSM-7 text with §, form feed and extension characters previewed as 1 part, sent as 2.
PRIX = "Prix § 10"
TEXT_102 = ("Prix § 10€ [promo] {ok} ~ | ^ \\ \f Ça à Noel ΔΣΩ @£$¥ è é ù ì ò Ø å Æ ß " * 2)[:102]
EXTRA = [PRIX, TEXT_102, TEXT_102 * 2, "§" * 161, "\f" * 80, "\f" * 81]

# (text, commercial) for each vector; the empty text is refused before any gateway.
CASES: list[tuple[str, bool]] = list(
    dict.fromkeys(
        [(v[0], v[1]) for v in _vectors_module().VECTORS if v[0]] + [(t, False) for t in EXTRA]
    )
)


def test_the_issue_texts_are_gsm7() -> None:
    assert len(TEXT_102) == 102
    assert message_info(PRIX).encoding is Encoding.GSM7
    info = message_info(TEXT_102)
    assert (info.encoding, info.segments) == (Encoding.GSM7, 1)


@pytest.fixture
def smpp(smpp_peer: Any) -> Iterator[SmppProvider]:
    provider = SmppProvider(
        SmppConfig("127.0.0.1", smpp_peer.port, smpp_peer.system_id, smpp_peer.password)
    )
    yield provider
    provider.close()


def test_every_vector_goes_through_the_smpp_peer_as_previewed(
    smpp_peer: Any, smpp: SmppProvider
) -> None:
    batch = [
        OutgoingSms(i, f"+3365{i:07d}", "ACME", text, commercial=False)
        for i, (text, _commercial) in enumerate(CASES, start=1)
    ]
    results = smpp.submit(batch, batch_ref="vectors")
    assert all(r.accepted for r in results), [r for r in results if not r.accepted][:3]

    received: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in smpp_peer.state()["received"]:
        received[entry["dest"]].append(entry)
    for sms in batch:
        # SMPP sends the body as it is: no STOP clause, so no reservation in the count.
        info = message_info(sms.body)
        parts = received[sms.receiver.lstrip("+")]
        assert len(parts) == info.segments, sms.body
        expected_coding = 0 if info.encoding is Encoding.GSM7 else 8
        assert {p["data_coding"] for p in parts} == {expected_coding}, sms.body
        if info.segments == 1:
            assert parts[0]["udh"] is None
        else:
            assert [p["udh"]["seq"] for p in parts] == list(range(1, info.segments + 1))
            assert {p["udh"]["total"] for p in parts} == {info.segments}
            assert len({p["udh"]["ref"] for p in parts}) == 1
        # The peer's own GSM 03.38 / UCS-2 decoder reads the text back, part by part.
        assert "".join(p["text"] for p in parts) == sms.body
        assert sum(p["units"] for p in parts) == message_info(sms.body).length
        assert all(p["units"] <= info.per_segment for p in parts)
        assert len(str(results[sms.message_id - 1].provider_ref).split()) == info.segments


def test_every_vector_goes_through_the_simulator_as_previewed(tmp_path: Path) -> None:
    simulator = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    try:
        batch = [
            OutgoingSms(i, f"+3366{i:04d}111", "ACME", text, commercial=commercial)
            for i, (text, commercial) in enumerate(CASES, start=1)
        ]
        results = simulator.submit(batch, batch_ref="vectors")
        by_id = {r.message_id: r for r in results}
        ledger = simulator._connect().execute("SELECT message_id, parts FROM received")
        parts_of = dict(ledger.fetchall())
        for sms in batch:
            # OVH-like: the simulator adds the STOP clause to commercial messages.
            info = message_info(sms.body, stop_clause=sms.commercial)
            assert parts_of[sms.message_id] == info.segments, sms.body
            assert by_id[sms.message_id].credits == float(info.segments)
            estimate = simulator.estimate(sms.body, commercial=sms.commercial)
            assert (estimate.parts, estimate.encoding) == (info.segments, str(info.encoding))
    finally:
        simulator.close()
