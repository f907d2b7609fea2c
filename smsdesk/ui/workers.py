"""Long work off the GUI thread: a QRunnable that reports progress, result, error, and
can be cancelled. The function runs with `progress(done, total)` and `cancel` (an Event)."""

from __future__ import annotations

import gc
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QPaintEvent

log = logging.getLogger(__name__)

# How long a worker running Python keeps the GIL while the window's thread waits for it
# (Python's default: 5 ms). A repaint takes it back once a cell, so with a busy worker a
# repaint cost up to 5 ms a cell; 0.5 ms keeps the window's waits short, and a worker
# alone is not slowed (the interval only matters while two threads want the GIL).
WINDOW_SWITCH_INTERVAL = 0.0005


# While a big table paints it takes the GIL back 3 times a cell (rowCount and columnCount
# for the index, multiData): ~900 takes a paint, each up to the interval above while a
# worker reads a page. For the paint alone the interval is 20 µs (a paint is 20 ms).
PAINT_SWITCH_INTERVAL = 0.00002


def favour_the_window() -> None:
    """Called once by the window's process before any worker starts."""
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL)


def freeze_what_started() -> None:
    """Called once the services are built, and again once the tabs are: the objects
    made so far (modules, SQLAlchemy's tables and mappers, Qt wrappers: ~85,000) live
    as long as the process, so Python's cycle collector stops walking them. A full
    collection over them held the GIL for 60 ms, whichever thread ran it, and the
    window froze that long (measured at 1,000,000 messages); without them it takes
    under 1 ms. The price: the few cycles of garbage there are at that moment (about
    1,500 objects, left by the imports) are never freed."""
    gc.freeze()


class PaintsFirst:
    """For a QAbstractScrollArea (a table) listed before its Qt base: its paints get the
    GIL back from the workers within PAINT_SWITCH_INTERVAL."""

    def paintEvent(self, event: QPaintEvent) -> None:
        before = sys.getswitchinterval()
        sys.setswitchinterval(PAINT_SWITCH_INTERVAL)
        try:
            super().paintEvent(event)  # type: ignore[misc]
        finally:
            sys.setswitchinterval(before)


class WorkerSignals(QObject):
    progress = Signal(int, int)
    result = Signal(object)
    error = Signal(str)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(*args, progress=..., cancel=..., **kwargs)` in the thread pool."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.cancel_event = threading.Event()
        self.done_event = threading.Event()  # set in the pool thread, as soon as fn returns
        # signals live in the creating (GUI) thread; emits from the pool are queued there
        self.signals = WorkerSignals()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            value = self.fn(
                *self.args,
                progress=self.signals.progress.emit,
                cancel=self.cancel_event,
                **self.kwargs,
            )
        except Exception as exc:  # reported to the user, never lost
            log.debug("worker failed:\n%s", traceback.format_exc())
            self.signals.error.emit(str(exc) or exc.__class__.__name__)
        else:
            self.signals.result.emit(value)
        finally:
            self.done_event.set()
            self.signals.finished.emit()


class WorkerPool:
    """Keeps running workers alive until they finish, and can wait for all of them."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Worker] = set()
        self._closed = False

    def start(self, worker: Worker) -> Worker:
        self._running.add(worker)
        worker.signals.finished.connect(lambda: self._running.discard(worker))
        self.pool.start(worker)
        return worker

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        **kwargs: Any,
    ) -> Worker:
        worker = Worker(fn, *args, **kwargs)
        if on_result:
            worker.signals.result.connect(self._guarded(on_result))
        if on_error:
            worker.signals.error.connect(self._guarded(on_error))
        if on_progress:
            worker.signals.progress.connect(self._guarded(on_progress))
        return self.start(worker)

    def _guarded(self, callback: Callable[..., None]) -> Callable[..., None]:
        """Drop a result that arrives after shutdown or after its widget was destroyed:
        queued signals can outlive the window that asked for the work."""
        owner = getattr(callback, "__self__", None)

        def deliver(*values: Any) -> None:
            if self._closed:
                return
            if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                return
            callback(*values)

        return deliver

    def busy(self) -> bool:
        return bool(self._running)

    def running(self) -> list[str]:
        """What is still running, by function name (for the log and the quit question)."""
        return [_name_of(w.fn) for w in list(self._running) if not w.done_event.is_set()]

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every worker and wait up to `timeout_ms` for them; False, with what is still
        running logged, when some did not finish (the caller then keeps the engine open)."""
        self._closed = True
        for worker in list(self._running):
            worker.cancel()
        if self.pool.waitForDone(timeout_ms):
            return True
        log.warning("still running after %d ms: %s", timeout_ms, ", ".join(self.running()) or "?")
        return False


def _name_of(fn: Callable[..., Any]) -> str:
    return str(getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or fn)
