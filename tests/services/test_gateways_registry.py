"""A gateway is one object: its GatewaySpec, listed once in providers/registry.py.

The null gateway (providers/nullgateway.py) was added as one module plus one registry
line; these tests show the services, the dispatcher and the CLI take it without other
edits (tests/ui/test_preferences_dialog.py shows the Preferences form does too)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from smsdesk.app import Services
from smsdesk.cli import main
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers import registry
from smsdesk.providers.base import Capability, Provider
from smsdesk.providers.nullgateway import NullGateway
from smsdesk.providers.spec import FieldKind
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.gateways import LiveProvider, capabilities_of


def test_every_spec_is_consistent() -> None:
    specs = registry.specs()
    assert [s.name for s in specs] == list(registry.PROVIDER_NAMES)
    for spec in specs:
        names = [f.name for f in spec.fields]
        assert len(names) == len(set(names)), spec.name
        assert "&" not in spec.label
        for field in spec.fields:
            assert field.label and "&" not in field.label
            if field.kind is FieldKind.SECRET:
                assert field.env, f"{spec.name}.{field.name}: a secret needs its keyring name"
    with pytest.raises(registry.UnknownProviderError, match="carrier-pigeon"):
        registry.spec("carrier-pigeon")


def test_the_services_list_and_build_the_null_gateway(services: Services) -> None:
    gateways = services.gateways
    listed = {info.name: info for info in gateways.gateways()}
    assert listed["nullgateway"].label == "Null gateway (delivers nothing)"
    assert capabilities_of("nullgateway") == frozenset({Capability.RECONCILE})
    assert [s.name for s in gateways.field_states("nullgateway")] == ["label", "rate"]
    assert gateways.configuration_problem("nullgateway") is None
    report = gateways.save("nullgateway", {"label": "dry run", "rate": "5"})
    assert report.not_stored == ()
    built = gateways.build("nullgateway")
    assert isinstance(built, NullGateway) and built.label == "dry run"
    assert built.rate_per_second == 5
    assert gateways.test("nullgateway").message == "Connection works"
    gateways.choose("nullgateway")
    assert gateways.default_provider() == "nullgateway"


def test_a_campaign_goes_through_the_null_gateway_once(services: Services) -> None:
    created = services.campaigns.create(
        CampaignRequest(
            body="Bonjour", receivers=["0612345678", "0698765432"], provider="nullgateway"
        )
    )
    dispatcher = DispatcherService(services.sessions, services.provider)
    report = dispatcher.dispatch_due()
    dispatcher.close()
    assert (report.claimed, report.submitted) == (2, 2)
    with services.sessions() as session:
        rows = session.execute(
            select(Message.id, Message.status, Message.provider_ref).where(
                Message.campaign_id == created.id
            )
        ).all()
    assert {status for _, status, _ in rows} == {MessageStatus.SUBMITTED}
    assert all(ref is not None and ref.startswith("null:") for _, _, ref in rows)


def test_the_cli_lists_and_accepts_the_null_gateway(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    assert main(["gateway", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(registry.PROVIDER_NAMES)
    assert "nullgateway\tNull gateway (delivers nothing)\treconcile" in lines
    code = main(
        [
            "campaign",
            "send",
            "--db",
            db_url,
            "--message",
            "x",
            "--to",
            "0612345678",
            "--provider",
            "nullgateway",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err


def test_one_shared_provider_per_gateway_across_threads(services: Services) -> None:
    gateways = services.gateways
    got: list[Provider] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def take() -> None:
        start.wait()
        provider = gateways.shared("simulator")
        provider.credits_left()  # built once, used from several threads
        with lock:
            got.append(provider)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(p) for p in got}) == 1
    shared = got[0]
    assert isinstance(shared, LiveProvider)
    inner = shared.provider
    shared.close()  # a service's close leaves the shared one open...
    assert shared.provider is inner
    # ...the campaigns, the replies and the history get that same one
    assert services.campaigns.provider("simulator") is shared
    own = gateways.provider("simulator")  # a dispatcher's: its own connections
    assert own is not shared
    own.close()
    gateways.close()  # the service closes what it shares
    assert gateways.shared("simulator") is not shared


def test_a_save_rebuilds_the_shared_provider(services: Services, monkeypatch: Any) -> None:
    shared = services.gateways.shared("nullgateway")
    first = shared.provider
    services.gateways.save("nullgateway", {"label": "second"})
    second = shared.provider
    assert second is not first
    assert isinstance(second, NullGateway) and second.label == "second"
    assert isinstance(first, NullGateway) and first.closed  # no call was using it


def test_the_specs_words_reach_the_catalogue(tmp_path: Any) -> None:
    """pyside6-lupdate finds every label, description and tooltip of every spec in the
    gateway modules (QT_TRANSLATE_NOOP), so a new gateway needs no list kept elsewhere."""
    import subprocess
    import sys
    from pathlib import Path

    import smsdesk.providers

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    folder = Path(smsdesk.providers.__file__).parent
    catalogue = tmp_path / "specs.ts"
    subprocess.run(
        [str(lupdate), "-silent", *map(str, sorted(folder.glob("*.py"))), "-ts", str(catalogue)],
        check=True,
    )
    import xml.etree.ElementTree as ET

    found = {
        source.text
        for context in ET.parse(catalogue).getroot().iter("context")
        if context.findtext("name") == "GatewaySpec"
        for source in context.iter("source")
    }
    assert [t for t in registry.spec_texts() if t not in found] == []
