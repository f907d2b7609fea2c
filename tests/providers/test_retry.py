"""THE backoff and THE rate limiter (providers/retry.py), as the dispatcher uses them."""

from __future__ import annotations

import random
import threading

from smsdesk.providers.retry import Backoff, RateLimiter
from smsdesk.services.dispatcher import backoff_delay


def test_full_and_equal_jitter_stay_between_their_bounds() -> None:
    rng = random.Random(7)
    full = Backoff(base=1.0, cap=8.0)
    equal = Backoff(base=1.0, cap=8.0, least=0.5)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (10, 8.0)]:
        assert full.ceiling(attempt) == ceiling
        for _ in range(200):
            assert 0.0 <= full.delay(attempt, rng) <= ceiling
            assert ceiling / 2 <= equal.delay(attempt, rng) <= ceiling
    assert full.delay_with_hint(0, 30.0) == 8.0  # the hint replaces, capped
    assert equal.delay_at_least(0, 30.0) == 30.0  # the hint is a floor


def test_the_dispatcher_waits_the_shared_backoff() -> None:
    # attempt 1: 5 s ceiling, at least half of it; attempt 9 and later: the 15 min cap
    for _ in range(200):
        assert 2.5 <= backoff_delay(1) <= 5.0
        assert 450.0 <= backoff_delay(9) <= 900.0
        assert backoff_delay(1, retry_after=120.0) == 120.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_spaces_batches_by_their_size() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock)
    assert limiter.reserve("ovh", 10, None) == 0.0  # unlimited
    assert limiter.reserve("ovh", 10, 5.0) == 0.0  # the first batch goes at once
    assert limiter.reserve("ovh", 10, 5.0) == 2.0  # 10 messages at 5/s: 2 s later
    assert limiter.reserve("smpp", 1, 5.0) == 0.0  # each gateway its own budget
    clock.now += 2.0
    assert limiter.reserve("ovh", 5, 5.0) == 2.0  # the second batch used 2 s too
    clock.now += 10.0
    assert limiter.reserve("ovh", 5, 5.0) == 0.0  # idle time is not saved up beyond now
    clock.now -= 3600.0  # the clock was set back an hour: no wait for the old future
    assert limiter.reserve("ovh", 5, 5.0) == 0.0


def test_rate_limiter_books_each_message_once_across_threads() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock)
    waits: list[float] = []
    lock = threading.Lock()

    def book() -> None:
        for _ in range(50):
            delay = limiter.reserve("ovh", 1, 10.0)
            with lock:
                waits.append(delay)

    threads = [threading.Thread(target=book) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 200 messages at 10/s without time passing: one each 0.1 s, none booked twice
    assert sorted(round(w, 6) for w in waits) == [round(n / 10, 6) for n in range(200)]
