"""Backoff with jitter and a token-bucket rate limit, shared by the gateways and the dispatcher.

Nothing here sleeps by itself except `RateLimiter.acquire` and `wait`, which take an
optional `threading.Event` so that a shutdown interrupts them.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "full jitter": attempt n waits uniform(0, min(cap, base*2**n)).

    Full jitter spreads the retries of many clients that failed together (a gateway
    restart), which plain exponential delays would keep in lock-step.
    """

    base: float = 0.5  # seconds, the ceiling of the first delay
    cap: float = 60.0  # seconds, the largest ceiling
    max_attempts: int = 8  # after this many failed attempts the caller gives up

    def ceiling(self, attempt: int) -> float:
        """Largest delay before retry number `attempt` (0 = first retry)."""
        return float(min(self.cap, self.base * (2 ** max(0, attempt))))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """A jittered delay for retry number `attempt`."""
        draw = (rng or random).uniform(0.0, 1.0)
        return self.ceiling(attempt) * draw

    def delay_with_hint(
        self, attempt: int, retry_after: float | None, rng: random.Random | None = None
    ) -> float:
        """The gateway's Retry-After when it gave one (capped), else a jittered delay."""
        if retry_after is not None and retry_after >= 0:
            return float(min(self.cap, retry_after))
        return self.delay(attempt, rng)

    def exhausted(self, attempts: int) -> bool:
        return attempts >= self.max_attempts


def wait(seconds: float, stop: threading.Event | None = None) -> bool:
    """Wait `seconds`; return True early if `stop` is set meanwhile."""
    if seconds <= 0:
        return stop.is_set() if stop is not None else False
    if stop is None:
        # An Event nobody sets: the same wait primitive everywhere, no bare sleep.
        threading.Event().wait(seconds)
        return False
    return stop.wait(seconds)


class RateLimiter:
    """Thread-safe token bucket: at most `rate` events per second, bursts up to `burst`.

    `rate=None` means unlimited. `reserve(n)` books n tokens and says how long the
    caller must wait before using them, so a caller can wait however it likes.
    """

    def __init__(self, rate: float | None, burst: float | None = None) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("rate must be positive or None")
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate or 1.0)
        self._tokens = self.burst
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    def reserve(self, n: float = 1.0) -> float:
        """Take n tokens now (going into debt if needed); return seconds to wait."""
        if self.rate is None:
            return 0.0
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= n
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self.rate

    def acquire(self, n: float = 1.0, stop: threading.Event | None = None) -> bool:
        """Block until n tokens are available; False if `stop` was set while waiting."""
        delay = self.reserve(n)
        return not wait(delay, stop)
