"""Fixtures of the provider tests: an SmppProvider factory bound to the session's SMPP peer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from smsdesk.providers.retry import Backoff
from smsdesk.providers.smpp import SmppConfig, SmppProvider


def _eventually(predicate: Callable[[], Any], rounds: int = 1500, step: float = 0.02) -> Any:
    """Poll `predicate` until it is truthy (bounded); return its last value."""
    pause = threading.Event()
    value = predicate()
    for _ in range(rounds):
        if value:
            return value
        pause.wait(step)
        value = predicate()
    return value


@pytest.fixture
def eventually() -> Callable[..., Any]:
    return _eventually


@pytest.fixture
def make_provider(smpp_peer: Any) -> Iterator[Callable[..., SmppProvider]]:
    """SmppProvider(**overrides) for the peer; every one made is closed after the test."""
    made: list[SmppProvider] = []

    def make(**overrides: Any) -> SmppProvider:
        config = SmppConfig(
            host="127.0.0.1",
            port=smpp_peer.port,
            system_id=smpp_peer.system_id,
            password=smpp_peer.password,
            link_wait=10.0,
            # A refused bind is tried again quickly (production waits 30 s).
            reconnect=Backoff(base=0.05, cap=0.2, max_attempts=1_000_000),
        )
        provider = SmppProvider(replace(config, **overrides))
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()
