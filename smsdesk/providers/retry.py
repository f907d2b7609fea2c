"""THE backoff and THE rate limit, shared by the gateways and the dispatcher.

Our own code rather than tenacity and a token-bucket library, because neither shape fits:
- the dispatcher's retries are not a loop around a call: the delay is stored as the
  message's `next_attempt_at`, so a retry survives a restart and may be made by another
  process; tenacity computes delays only inside its own retrying loop;
- the gateways' waits must end at once on shutdown (a `threading.Event`) and honour the
  gateway's Retry-After; the rate limit runs on the dispatcher's clock (tests drive it
  with a fake clock whose sleep moves it), and its rate follows Preferences from one call
  to the next. pyrate-limiter and friends sleep on their own clock.
Both policies are a few lines; a dependency would not remove them.

Nothing here sleeps by itself except `wait`, which takes an optional `threading.Event`
so that a shutdown interrupts it.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: retry n waits uniform(least*c, c), c = min(cap,
    base*2**n). `least=0` is "full jitter" (a gateway's clients that failed together, e.g.
    at a restart, spread out); `least=0.5` ("equal jitter") keeps a floor, for retries that
    must not come back too soon (the dispatcher's)."""

    base: float = 0.5  # seconds, the ceiling of the first delay
    cap: float = 60.0  # seconds, the largest ceiling
    max_attempts: int = 8  # after this many failed attempts the caller gives up
    least: float = 0.0  # share of the ceiling always waited

    def ceiling(self, attempt: int) -> float:
        """Largest delay before retry number `attempt` (0 = first retry)."""
        return float(min(self.cap, self.base * (2 ** max(0, attempt))))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """A jittered delay for retry number `attempt`."""
        draw = (rng or random).uniform(self.least, 1.0)
        return self.ceiling(attempt) * draw

    def delay_with_hint(
        self, attempt: int, retry_after: float | None, rng: random.Random | None = None
    ) -> float:
        """The gateway's Retry-After when it gave one (capped), else a jittered delay."""
        if retry_after is not None and retry_after >= 0:
            return float(min(self.cap, retry_after))
        return self.delay(attempt, rng)

    def delay_at_least(
        self, attempt: int, retry_after: float | None, rng: random.Random | None = None
    ) -> float:
        """A jittered delay, never shorter than the gateway's Retry-After."""
        return max(self.delay(attempt, rng), retry_after or 0.0)

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
    """At most `rate` messages per second per gateway, on average, thread-safe.

    A token bucket holding one batch (the "virtual scheduling" form): `reserve` books
    `count` messages and says how long to wait before sending them; the next batch is
    then due `count / rate` seconds after this one. The rate is given on each call, so a
    limit changed in Preferences applies to the next batch. The caller waits however it
    likes (the dispatcher: on its own clock, interrupted by a stop).
    """

    # A clock set back further than this (beyond the booked wait) is not waited for.
    CLOCK_JUMP = 60.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._next_free: dict[str, float] = {}  # gateway -> when it takes more

    def reserve(self, key: str, count: int, rate: float | None) -> float:
        """Book `count` messages through `key` at `rate` (None or 0: unlimited); returns
        the seconds to wait before sending them."""
        if not rate or rate <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            free_at = self._next_free.get(key, now)
            if free_at - now > count / rate + self.CLOCK_JUMP:
                free_at = now  # the clock was set back: do not wait for the old future
            self._next_free[key] = max(now, free_at) + count / rate
            return max(0.0, free_at - now)
