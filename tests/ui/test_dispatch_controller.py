"""The in-window dispatcher: a single-shot timer armed for the next due instant."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from smsdesk.app import Services
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.ui.dispatch_controller import MAX_TIMER_MS, DispatchController
from smsdesk.ui.workers import WorkerPool


@pytest.fixture
def controller(services: Services) -> Iterator[DispatchController]:
    pool = WorkerPool()
    dispatcher = services.new_dispatcher()
    made = DispatchController(dispatcher, pool)
    yield made
    made.stop()
    pool.shutdown()
    dispatcher.close()


def test_timer_is_armed_for_the_next_campaign_and_clamped(
    qtbot, controller: DispatchController, services: Services
):
    services.campaigns.create(
        CampaignRequest(
            body="x",
            receivers=["0612345678"],
            scheduled_at=datetime.now(UTC) + timedelta(days=40),  # beyond QTimer's range
        )
    )
    with qtbot.waitSignal(controller.cycle_done) as cycle:
        controller.start()
    assert cycle.args[0].sent.claimed == 0
    assert controller._timer.isActive()
    assert controller._timer.interval() == MAX_TIMER_MS


def test_a_due_campaign_is_sent_when_woken(
    qtbot, controller: DispatchController, services: Services
):
    with qtbot.waitSignal(controller.cycle_done):
        controller.start()
    services.campaigns.create(CampaignRequest(body="x", receivers=["0612345678"]))
    with qtbot.waitSignal(controller.cycle_done) as cycle:
        controller.wake()
    assert cycle.args[0].sent.submitted == 1


def test_while_receipts_are_awaited_the_timer_waits_for_the_next_poll(
    qtbot, controller: DispatchController, services: Services, monkeypatch
):
    monkeypatch.setenv("SMSDESK_SIM_DELAY", "100000")  # the receipt will not come soon
    services.campaigns.create(CampaignRequest(body="x", receivers=["0612345678"]))
    with qtbot.waitSignal(controller.cycle_done) as cycle:
        controller.start()
    result = cycle.args[0]
    assert (result.sent.submitted, result.outstanding) == (1, 1)
    # asked once right after sending; the next poll is 5 s later, not every second
    assert result.next_poll is not None
    assert controller._timer.isActive()
    assert 1_000 < controller._timer.interval() <= 5_050
