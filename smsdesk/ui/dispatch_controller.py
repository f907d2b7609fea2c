"""Runs the dispatcher inside the window: a worker woken by a single-shot timer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from smsdesk.services.dispatcher import (
    REPLIES_EVERY,
    DispatcherService,
    DispatchReport,
    RecoveryReport,
)
from smsdesk.ui.workers import WorkerPool

MAX_TIMER_MS = 2**31 - 1  # QTimer's limit (~24.8 days)
RECHECK_MS = 60_000  # slow period: catches clock changes and sleep
RETRY_AFTER_ERROR_MS = 10_000


@dataclass(frozen=True)
class CycleResult:
    sent: DispatchReport
    recovered: RecoveryReport
    receipts: int
    outstanding: int
    next_due: datetime | None
    next_poll: datetime | None = None  # when receipts are next due to be asked for
    replies: int = 0  # replies collected (STOPs on the stop list)


def run_cycle(
    dispatcher: DispatcherService,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> CycleResult:
    recovered = dispatcher.recover()
    sent = dispatcher.dispatch_due(progress=progress, cancel=cancel)
    receipts = dispatcher.receipts.poll()
    replies = dispatcher.replies.collect(stop=cancel, min_interval=REPLIES_EVERY)
    return CycleResult(
        sent=sent,
        recovered=recovered,
        receipts=receipts,
        outstanding=dispatcher.receipts.outstanding(),
        next_due=dispatcher.next_due_at(),
        next_poll=dispatcher.receipts.next_poll_at(),
        replies=replies.received,
    )


class DispatchController(QObject):
    """Wakes the dispatcher when something is due and tells the window what changed."""

    progress = Signal(int, int)
    cycle_done = Signal(object)  # CycleResult
    failed = Signal(str)

    def __init__(self, dispatcher: DispatcherService, workers: WorkerPool) -> None:
        super().__init__()
        self._dispatcher = dispatcher
        self._workers = workers
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.wake)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.wake)
        self._running = False
        self._again = False
        self._stopped = False

    def start(self) -> None:
        self._recheck.start()
        self.wake()

    def wake(self) -> None:
        """Run a cycle now (or right after the current one)."""
        if self._stopped:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._timer.stop()
        self._workers.run(
            run_cycle,
            self._dispatcher,
            on_result=self._done,
            on_error=self._error,
            on_progress=self.progress.emit,
        )

    def _done(self, result: CycleResult) -> None:
        self._running = False
        self.cycle_done.emit(result)
        self._arm(result)

    def _error(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)
        self._arm_ms(RETRY_AFTER_ERROR_MS)

    def _arm(self, result: CycleResult) -> None:
        if self._again:
            self._again = False
            self._arm_ms(0)
            return
        # the next thing to do: a message due, or receipts due to be asked for (each
        # message backs off on its own), never a fixed period while anything is awaited
        instants = [i for i in (result.next_due, result.next_poll) if i is not None]
        if instants:
            delay = (min(instants) - datetime.now(UTC)).total_seconds() * 1000
            self._arm_ms(int(max(0, delay)) + 50)

    def _arm_ms(self, delay_ms: int) -> None:
        if not self._stopped:
            self._timer.start(min(delay_ms, MAX_TIMER_MS))

    def is_busy(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._recheck.stop()
