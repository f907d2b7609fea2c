"""Runs the dispatcher inside the window, in a QThread of its own.

The thread sends what is due, asks for the receipts that are due and collects replies, then
sleeps until the next thing to do (a campaign due, a receipt to ask for) or until woken
(a campaign created, moved or resumed); never on a fixed short period. `stop()` asks it to
finish the batch under way (`requestInterruption` plus the cycle's cancel event) and joins
it: the window does so before the providers and the engine close.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QThread, Signal

from smsdesk.services.changes import ChangeFeed
from smsdesk.services.dispatcher import (
    REPLIES_EVERY,
    DispatcherService,
    DispatchReport,
    RecoveryReport,
)
from smsdesk.ui import formats

log = logging.getLogger(__name__)

RECHECK_SECONDS = 60.0  # the longest sleep: catches clock changes, sleep, other dispatchers
RETRY_AFTER_ERROR_SECONDS = 10.0
JOIN_TIMEOUT_MS = 30_000  # a gateway call under way is allowed to answer


@dataclass(frozen=True)
class CycleResult:
    sent: DispatchReport
    recovered: RecoveryReport
    receipts: int
    outstanding: int
    next_due: datetime | None
    next_poll: datetime | None = None  # when receipts are next due to be asked for
    replies: int = 0  # replies collected (STOPs on the stop list)

    @property
    def changed_anything(self) -> bool:
        recovered = self.recovered
        return bool(
            self.sent.claimed
            or self.sent.held
            or self.receipts
            or self.replies
            or recovered.reconciled
            or recovered.requeued
            or recovered.unknown
        )


def run_cycle(
    dispatcher: DispatcherService,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> CycleResult:
    recovered = dispatcher.recover()
    due = dispatcher.due_count()
    if due:
        progress(0, due)  # a send starts: quitting now asks first
    sent = dispatcher.dispatch_due(progress=progress, cancel=cancel)
    receipts = dispatcher.receipts.poll(stop=cancel)
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


def seconds_until_next(result: CycleResult, now: datetime | None = None) -> float:
    """How long the thread may sleep after `result`: until a message is due or receipts are
    due to be asked for (each message backs off on its own), at most RECHECK_SECONDS."""
    now = now or datetime.now(UTC)
    instants = [i for i in (result.next_due, result.next_poll) if i is not None]
    if not instants:
        return RECHECK_SECONDS
    return min(RECHECK_SECONDS, max(0.0, (min(instants) - now).total_seconds()) + 0.05)


class DispatchThread(QThread):
    """The loop itself; its signals reach the GUI thread queued."""

    progress = Signal(int, int)
    cycle_done = Signal(object)  # CycleResult
    failed = Signal(str)

    def __init__(
        self, make_dispatcher: Callable[[], DispatcherService], changes: ChangeFeed | None
    ) -> None:
        super().__init__()
        self.setObjectName("dispatcher")
        self._make_dispatcher = make_dispatcher
        self.dispatcher: DispatcherService | None = None  # made, used and closed in the thread
        self._changes = changes
        self._wake = threading.Event()
        self._cancel = threading.Event()
        self.in_cycle = threading.Event()
        self.planned_sleep: float | None = None  # seconds, after the last cycle (tests)

    def wake(self) -> None:
        self._wake.set()

    def interrupt(self) -> None:
        self.requestInterruption()
        self._cancel.set()
        self._wake.set()

    def run(self) -> None:
        try:
            self._loop()
        finally:
            if self.dispatcher is not None:  # its gateway connections, before the engine
                self.dispatcher.close()

    def _loop(self) -> None:
        while not self.isInterruptionRequested():
            self._wake.clear()  # a wake during the cycle below makes one more cycle
            self.in_cycle.set()
            try:
                if self.dispatcher is None:
                    self.dispatcher = self._make_dispatcher()  # reads settings: not on the GUI
                result = run_cycle(self.dispatcher, progress=self._progress, cancel=self._cancel)
            except Exception as exc:  # reported in the window, retried a little later
                log.exception("dispatch cycle failed")
                sleep = RETRY_AFTER_ERROR_SECONDS
                self.in_cycle.clear()
                self.failed.emit(str(exc) or exc.__class__.__name__)
            else:
                sleep = seconds_until_next(result)
                self.in_cycle.clear()
                if result.changed_anything:
                    self._publish(result)
                self.cycle_done.emit(result)
            self.planned_sleep = sleep
            self._wake.wait(sleep)

    def _progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)
        if done and self._changes is not None:
            self._changes.publish("campaigns")  # the Scheduled tab's counts move per batch

    def _publish(self, result: CycleResult) -> None:
        if self._changes is None:
            return
        self._changes.publish("messages")
        self._changes.publish("campaigns")
        if result.replies:
            self._changes.publish("replies")
            self._changes.publish("contacts")  # a STOP reply adds to the stop list


class DispatchController(QObject):
    """Owns the dispatcher thread and tells the window what happens."""

    progress = Signal(int, int)
    cycle_done = Signal(object)  # CycleResult
    failed = Signal(str)

    def __init__(
        self,
        make_dispatcher: Callable[[], DispatcherService],
        changes: ChangeFeed | None = None,
    ) -> None:
        """`make_dispatcher` builds the dispatcher inside the thread (it has its own gateway
        connections, closed by the thread when it ends)."""
        super().__init__()
        self._thread = DispatchThread(make_dispatcher, changes)
        self._thread.progress.connect(self._progress)
        self._thread.cycle_done.connect(self._done)
        self._thread.failed.connect(self.failed)
        self._sending: tuple[int, int] | None = None  # (done, total) of the send under way
        self._stopped = False

    @property
    def dispatch_thread(self) -> DispatchThread:
        return self._thread

    def start(self) -> None:
        if not self._stopped and not self._thread.isRunning():
            self._thread.start()

    def wake(self) -> None:
        """Run a cycle now (or right after the current one)."""
        if not self._stopped:
            self._thread.wake()

    def is_busy(self) -> bool:
        return self._thread.in_cycle.is_set()

    def _progress(self, done: int, total: int) -> None:
        self._sending = (done, total) if done < total else None
        self.progress.emit(done, total)

    def _done(self, result: CycleResult) -> None:
        self._sending = None
        self.cycle_done.emit(result)

    def active_summary(self) -> str | None:
        """What is being sent and what will resume after quitting; None when nothing is."""
        if self._sending is None or not self.is_busy():
            return None
        done, total = self._sending
        left = total - done
        return " ".join(
            (
                self.tr("Sending: {done} of {total} messages handed to the gateway.").format(
                    done=formats.count(done), total=formats.count(total)
                ),
                self.tr(
                    "If you quit now, the batch under way is finished first and the %n "
                    "message(s) left go out the next time smsdesk opens.",
                    "",
                    left,
                ),
            )
        )

    def stop(self, timeout_ms: int = JOIN_TIMEOUT_MS) -> bool:
        """Ask the thread to stop after the batch under way and wait for it; False (logged)
        when it is still running after `timeout_ms`. Safe to call more than once."""
        self._stopped = True
        if not self._thread.isRunning():
            return True
        self._thread.interrupt()
        if self._thread.wait(timeout_ms):
            return True
        log.warning("the dispatcher is still running after %d ms; closing anyway", timeout_ms)
        return False
