"""Builds a provider by name from the environment (and, later, Settings)."""

from __future__ import annotations

import os
from pathlib import Path

from smsdesk.providers.base import Provider
from smsdesk.providers.simulator import SimulatorProvider

PROVIDER_NAMES = ("simulator", "ovh", "smpp")


class UnknownProviderError(ValueError):
    pass


def make_provider(name: str, *, data_dir: Path) -> Provider:
    """The provider called `name`. The simulator keeps its ledger in `data_dir`.

    SMSDESK_SIM_LEDGER, SMSDESK_SIM_DELAY and SMSDESK_SIM_SUBMIT_DELAY tune the simulator.
    """
    if name == "simulator":
        ledger = os.environ.get("SMSDESK_SIM_LEDGER")
        return SimulatorProvider(
            Path(ledger) if ledger else data_dir / "simulator-ledger.sqlite3",
            delivery_delay=float(os.environ.get("SMSDESK_SIM_DELAY", "2.0")),
            submit_delay=float(os.environ.get("SMSDESK_SIM_SUBMIT_DELAY", "0")),
        )
    if name == "ovh":
        from smsdesk.providers.ovh import OvhProvider

        return OvhProvider.from_environment()  # type: ignore[no-any-return]
    if name == "smpp":
        from smsdesk.providers.smpp import SmppProvider

        return SmppProvider.from_environment()  # type: ignore[no-any-return]
    raise UnknownProviderError(
        f"unknown provider {name!r} (choose one of: {', '.join(PROVIDER_NAMES)})"
    )
