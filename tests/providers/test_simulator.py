"""The simulated gateway behaves like an account: it cannot go below zero credits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smsdesk.providers.base import NotEnoughCredits, OutgoingSms
from smsdesk.providers.simulator import STARTING_CREDITS, SimulatorProvider


def test_a_batch_it_cannot_pay_for_is_refused_whole(
    isolated_data_dir: Path, spend_simulator_credits: Callable[[int], None]
) -> None:
    spend_simulator_credits(int(STARTING_CREDITS) - 3)  # 3 credits left
    provider = SimulatorProvider(isolated_data_dir / "simulator-ledger.sqlite3")
    batch = [OutgoingSms(i, f"+3361234{i:04d}", "", "Bonjour") for i in range(1, 5)]
    with pytest.raises(NotEnoughCredits, match="4 needed, 3 left"):
        provider.submit(batch, batch_ref="sd-short")
    assert provider.credits_left() == 3  # nothing of the batch was taken
    assert provider.reconcile(batch, batch_ref="sd-short") == []
    results = provider.submit(batch[:3], batch_ref="sd-fits")
    assert [r.accepted for r in results] == [True, True, True]
    assert provider.credits_left() == 0
    provider.close()
