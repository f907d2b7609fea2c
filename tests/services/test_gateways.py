"""GatewayService: where each value comes from, what a save checks, providers that follow."""

from __future__ import annotations

from typing import Any

import pytest

from smsdesk.app import Services
from smsdesk.providers.base import Capability, PermanentError
from smsdesk.services.gateways import (
    KEY_OVH_APPLICATION_KEY,
    GatewaySettingsError,
    OvhForm,
    SmppForm,
    Source,
    capabilities_of,
    keyring_status,
)


def test_environment_wins_then_settings_then_keyring(
    services: Services, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    gateways = services.gateways
    empty = gateways.ovh_settings()
    assert (empty.endpoint, empty.application_secret, empty.complete) == (
        "ovh-eu",
        Source.MISSING,
        False,
    )
    report = gateways.save_ovh(
        OvhForm("ovh-ca", "app-key-1", "sms-xx11111-1", "secret-1", "consumer-1")
    )
    assert report.message == "Saved."
    saved = gateways.ovh_settings()
    assert (saved.endpoint, saved.application_key, saved.service) == (
        "ovh-ca",
        "app-key-1",
        "sms-xx11111-1",
    )
    assert saved.application_secret is saved.consumer_key is Source.KEYRING
    assert saved.complete
    assert services.preferences.get(KEY_OVH_APPLICATION_KEY) == "app-key-1"

    monkeypatch.setenv("OVH_APPLICATION_KEY", "app-key-env")
    monkeypatch.setenv("OVH_CONSUMER_KEY", "consumer-env")
    overridden = gateways.ovh_settings()
    assert overridden.application_key == "app-key-env"
    assert overridden.consumer_key is Source.ENVIRONMENT
    assert overridden.from_environment == {"OVH_APPLICATION_KEY", "OVH_CONSUMER_KEY"}
    config = gateways.ovh_config()
    assert (config.application_key, config.consumer_key) == ("app-key-env", "consumer-env")
    shadowed = gateways.save_ovh(OvhForm("ovh-ca", "k", "sms-xx11111-1", consumer_key="new"))
    assert shadowed.shadowed == ("OVH_CONSUMER_KEY",)
    assert "the environment overrides: OVH_CONSUMER_KEY" in shadowed.message


def test_without_a_keyring_secrets_go_by_environment(services: Services) -> None:
    status = keyring_status()
    assert not status.available
    assert "keyring" in status.advice and "SMSDESK_" not in status.advice  # said in words
    report = services.gateways.save_smpp(SmppForm("smsc.example.net", 2776, "acme", "pw123456"))
    assert report.not_stored == ("SMSDESK_SMPP_PASSWORD",)
    settings = services.gateways.smpp_settings()
    assert (settings.host, settings.port, settings.system_id) == ("smsc.example.net", 2776, "acme")
    assert settings.password is Source.MISSING
    with pytest.raises(PermanentError, match="SMPP settings missing: SMSDESK_SMPP_PASSWORD"):
        services.gateways.smpp_config()


def test_bad_values_are_refused(services: Services) -> None:
    gateways = services.gateways
    with pytest.raises(GatewaySettingsError, match="Unknown OVH endpoint"):
        gateways.save_ovh(OvhForm("ovh-moon", "k"))
    with pytest.raises(GatewaySettingsError, match="loopback"):
        gateways.save_ovh(OvhForm("http://api.example.com/1.0", "k"))
    with pytest.raises(GatewaySettingsError, match="longer than 8"):
        gateways.save_smpp(SmppForm("h", 2775, "acme", "123456789"))
    with pytest.raises(GatewaySettingsError, match="Port: must be between 1 and 65535"):
        gateways.save_smpp(SmppForm("h", 0, "acme"))
    with pytest.raises(ValueError, match="unknown provider"):
        gateways.choose("carrier-pigeon")
    assert gateways.default_provider() == "simulator"


def test_an_open_provider_follows_saved_settings(services: Services) -> None:
    gateways = services.gateways
    live = services.provider("simulator")
    assert live.capabilities == capabilities_of("simulator")
    assert Capability.CREDITS in live.capabilities
    first = live.provider  # built on first use
    assert live.rate_per_second is None
    gateways.save_rate("simulator", 25)
    assert live.rate_per_second == 25
    assert live.credits_left() == 100_000
    assert live.provider is not first  # rebuilt from the new settings
    assert live.provider.rate_per_second == 25
    live.close()


def test_missing_settings_fail_the_call_not_the_lookup(services: Services) -> None:
    live = services.provider("ovh")  # a dispatcher can hold it before OVH is set up
    assert Capability.RECONCILE in live.capabilities
    with pytest.raises(PermanentError, match="OVH settings missing: OVH_APPLICATION_KEY"):
        live.credits_left()
    report = services.gateways.test_connection("ovh")
    assert not report.ok and "OVH settings missing" in report.message
