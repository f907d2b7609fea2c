"""One change signal: services publish what they changed, the window refreshes what shows it.

In-process, `ChangeFeed.publish(topic)` calls every subscriber at once, in the publisher's
thread (the window's subscriber hands it to the GUI thread). For writes made by other
processes (the command line, another computer on PostgreSQL), `ChangeCounter` is a cheap
probe the window polls every few seconds from a worker: SQLite's `PRAGMA data_version` on a
connection of its own, PostgreSQL's `LISTEN` on the notifications migration 0008 sends.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import Any, Final, Literal, ParamSpec, TypeVar

from sqlalchemy import Engine

log = logging.getLogger(__name__)

Topic = Literal["messages", "campaigns", "contacts", "replies"]
TOPICS: Final[tuple[Topic, ...]] = ("messages", "campaigns", "contacts", "replies")
NOTIFY_CHANNEL: Final = "smsdesk_changes"  # migration 0008's triggers notify it

Subscriber = Callable[[str], None]
P = ParamSpec("P")
R = TypeVar("R")


class ChangeFeed:
    """Thread-safe publish/subscribe of change topics (no Qt: the CLI shares the services)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(topic)` on every publish; returns the function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, topic: str) -> None:
        if topic not in TOPICS:
            raise ValueError(f"unknown change topic {topic!r}")
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(topic)
            except Exception:  # a subscriber's failure must not undo the publisher's write
                log.exception("change subscriber failed on %r", topic)


class ChangeCounter:
    """A number that moves when another connection commits; read it from a worker.

    SQLite: `PRAGMA data_version` on a dedicated connection (it changes when any other
    connection, in this process or another, commits). PostgreSQL: a connection that
    LISTENs to NOTIFY_CHANNEL; each notification received adds one. Other databases: None
    (nothing to poll)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._connection: Any = None  # the DBAPI connection, opened on first read
        self._notified = 0
        self._dialect = engine.dialect.name

    @property
    def supported(self) -> bool:
        return self._dialect in ("sqlite", "postgresql")

    def read(self, *, wait: float = 0.0) -> int | None:
        """The current value (cheap: no table is read); None when not supported.

        PostgreSQL delivers a notification a moment after the writer's commit: `wait` (tests)
        waits up to that many seconds for the first one."""
        if not self.supported:
            return None
        with self._lock:
            if self._connection is None:
                self._connection = self._open()
            if self._dialect == "sqlite":
                cursor = self._connection.cursor()
                try:
                    cursor.execute("PRAGMA data_version")
                    return int(cursor.fetchone()[0])
                finally:
                    cursor.close()
            return self._read_notifications(wait)

    def _open(self) -> Any:
        raw = self._engine.raw_connection()
        dbapi: Any = raw.driver_connection
        if self._dialect == "postgresql":
            dbapi.autocommit = True
            cursor = dbapi.cursor()
            cursor.execute(f"LISTEN {NOTIFY_CHANNEL}")
            cursor.close()
        # keep the pool's wrapper too, so the connection goes back to it on close
        self._raw = raw
        return dbapi

    def _read_notifications(self, wait: float) -> int:
        # psycopg 3: notifies(timeout=0) yields what has arrived and returns
        if wait > 0:
            for _ in self._connection.notifies(timeout=wait, stop_after=1):
                self._notified += 1
        for _ in self._connection.notifies(timeout=0, stop_after=10_000):
            self._notified += 1
        return self._notified

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                try:
                    self._raw.close()
                except Exception:  # closing at exit: nothing to tell anyone
                    log.debug("change counter connection did not close", exc_info=True)
                self._connection = None


def publishes(*topics: Topic) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorates a writing method of a service that has `self._changes: ChangeFeed | None`:
    after it returns, each topic is published (nothing when the write raised)."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            result = method(*args, **kwargs)
            feed: ChangeFeed | None = getattr(args[0], "_changes", None)
            if feed is not None:
                for topic in topics:
                    feed.publish(topic)
            return result

        return wrapper

    return decorate
