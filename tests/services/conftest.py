"""Fixtures of the service tests that talk to a gateway peer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from smsdesk.app import Services, build_services


@pytest.fixture
def smpp_services(
    smpp_peer: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Services]:
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMSDESK_SMPP_PORT", str(smpp_peer.port))
    monkeypatch.setenv("SMSDESK_SMPP_SYSTEM_ID", smpp_peer.system_id)
    monkeypatch.setenv("SMSDESK_SMPP_PASSWORD", smpp_peer.password)
    monkeypatch.setenv("SMSDESK_PROVIDER", "smpp")
    services = build_services(db_url)
    yield services
    services.close()
