"""The in-window dispatcher: a QThread of its own that sleeps until the next thing to do,
is woken by new work, and stops (joined) after the batch under way."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QThread

from smsdesk.app import Services
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.changes import ChangeFeed
from smsdesk.ui.dispatch_controller import RECHECK_SECONDS, DispatchController
from smsdesk.ui.workers import WorkerPool


@pytest.fixture
def feed() -> ChangeFeed:
    return ChangeFeed()


@pytest.fixture
def controller(services: Services, feed: ChangeFeed) -> Iterator[DispatchController]:
    made = DispatchController(services.new_dispatcher, feed)
    yield made
    assert made.stop()


def test_cycles_run_in_a_thread_of_their_own(qtbot, services: Services):
    threads: list[threading.Thread] = []

    def make():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return services.new_dispatcher()

    controller = DispatchController(make)
    with qtbot.waitSignal(controller.cycle_done):
        controller.start()
    assert threads and threads[0] is not threading.main_thread()
    assert isinstance(controller.dispatch_thread, QThread)
    assert controller.dispatch_thread.isRunning()
    assert controller.stop()
    assert controller.dispatch_thread.dispatcher is not None
    assert controller.dispatch_thread.dispatcher._providers == {}  # closed by the thread


def test_far_campaign_sleeps_at_most_the_recheck_period(
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
    qtbot.waitUntil(lambda: controller.dispatch_thread.planned_sleep is not None)
    assert controller.dispatch_thread.planned_sleep == RECHECK_SECONDS


def test_a_due_campaign_is_sent_when_woken_and_published(
    qtbot, controller: DispatchController, services: Services, feed: ChangeFeed
):
    topics: list[str] = []
    feed.subscribe(topics.append)
    with qtbot.waitSignal(controller.cycle_done):
        controller.start()
    services.campaigns.create(CampaignRequest(body="x", receivers=["0612345678"]))
    with qtbot.waitSignal(controller.cycle_done) as cycle:
        controller.wake()
    assert cycle.args[0].sent.submitted == 1
    assert {"messages", "campaigns"} <= set(topics)


def test_while_receipts_are_awaited_it_sleeps_until_the_next_poll(
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
    qtbot.waitUntil(lambda: controller.dispatch_thread.planned_sleep is not None)
    assert 1.0 < controller.dispatch_thread.planned_sleep <= 5.05  # type: ignore[operator]


def test_stop_during_a_send_finishes_the_batch_and_joins(qtbot, services: Services, monkeypatch):
    """Stopping while a batch is at the gateway: the thread ends after that batch (joined,
    nothing left `submitting`), and the rest waits queued for the next start."""
    monkeypatch.setenv("SMSDESK_SIM_SUBMIT_DELAY", "0.3")
    controller = DispatchController(lambda: services.new_dispatcher(batch_size=2))
    services.campaigns.create(
        CampaignRequest(body="x", receivers=[f"06123456{n:02d}" for n in range(10)])
    )
    with qtbot.waitSignal(controller.progress, check_params_cb=lambda d, t: d > 0, timeout=20_000):
        controller.start()
    assert controller.active_summary() is not None
    assert "go out the next time smsdesk opens" in (controller.active_summary() or "")
    assert controller.stop()
    assert not controller.dispatch_thread.isRunning()
    counts = {s.id: s.counts for s in services.campaigns.list()}
    [campaign] = counts.values()
    assert "submitting" not in campaign
    assert campaign.get("queued", 0) > 0  # what resumes at the next start


def test_worker_pool_shutdown_says_what_is_still_running(qtbot, caplog):
    pool = WorkerPool()
    release = threading.Event()

    def stubborn(**_: object) -> None:
        release.wait(10)

    pool.run(stubborn)
    assert pool.shutdown(timeout_ms=50) is False
    assert "stubborn" in caplog.text
    release.set()
    assert pool.shutdown() is True
