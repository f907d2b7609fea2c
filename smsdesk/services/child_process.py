"""Long, CPU-bound service work in a child process.

A worker thread running Python shares the GIL with the window's thread: every paint,
timer and event the window hands to Python must take it back, and while a thread formats
a million rows each take can wait behind it (an export froze the window for 0.3 s at a
time). A child process has its own GIL. `run_in_child` runs `target(*args, progress=...,
cancel=...)` there and blocks the calling (worker) thread, which waits without the GIL.

The target must be a module-level function (spawn pickles it by name) and its arguments
and result picklable. An exception raised by the target is raised again here. The child
is spawned, not forked: this process may run Qt and database threads.

What a spawn needs is imported with this module (at start, in the worker that opens the
services), and the cancel travels through a pipe rather than a multiprocessing Event:
the first export imported multiprocessing's semaphore modules in its worker while the
window painted, and the window froze for 50-100 ms.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.spawn
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, NoReturn

if sys.platform == "win32":
    import multiprocessing.popen_spawn_win32
else:
    import multiprocessing.popen_spawn_posix
    import multiprocessing.resource_tracker

POLL_SECONDS = 0.1  # how soon a cancel reaches the child
JOIN_SECONDS = 5.0


class ChildUnavailable(Exception):
    """The child exited before saying a word: it could not start (an interpreter that
    cannot spawn, a __main__ that cannot be imported again). Nothing was done."""


class ChildDied(Exception):
    """The child stopped in the middle of the work (killed, out of memory)."""


Progress = Callable[[int, int], None]


def run_in_child(
    target: Callable[..., Any],
    *args: Any,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Any:
    """`target(*args, progress=..., cancel=...)` run in a child process; its result.

    The work (target and arguments: a snapshot's ids can be megabytes) goes through a pipe
    of its own once the child runs, not with the process object: multiprocessing writes
    that while holding the pipe's other end itself, so a child that dies while starting
    left the write blocked for ever; here the write fails and says so."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    stop_reader, stop_writer = context.Pipe(duplex=False)
    work_reader, work_writer = context.Pipe(duplex=False)
    process = context.Process(
        target=_child_main,
        args=(work_reader, sender, stop_reader),
        daemon=True,
        name="smsdesk-work",
    )
    try:
        process.start()
        # ours closed: reading sees the end, and writing fails, once the child's copy goes
        for child_end in (sender, stop_reader, work_reader):
            child_end.close()
        try:
            work_writer.send((target, args))
        except OSError:  # the child exited before reading its work
            process.join(JOIN_SECONDS)
            _raise_gone(process.exitcode, heard=False)
        work_writer.close()
        # the cancel: our end of the stop pipe closed, which the child sees (_StopFlag)
        return _follow(process, receiver, progress, cancel, stop=stop_writer.close)
    finally:
        for end in (receiver, sender, stop_reader, stop_writer, work_reader, work_writer):
            end.close()
        if process.pid is not None:  # started
            process.join(JOIN_SECONDS)
            if process.is_alive():
                process.terminate()
                process.join()


def _follow(
    process: Any,
    receiver: Connection,
    progress: Progress | None,
    cancel: threading.Event | None,
    stop: Callable[[], None],
) -> Any:
    """What the child says, up to its result (or its error, raised here)."""
    heard = False
    while True:
        if cancel is not None and cancel.is_set():
            stop()
        if not receiver.poll(POLL_SECONDS):
            if process.is_alive():
                continue
            if receiver.poll(0):  # it said something just before it exited
                continue
            _raise_gone(process.exitcode, heard)
        try:
            message = receiver.recv()
        except EOFError:
            process.join(JOIN_SECONDS)
            _raise_gone(process.exitcode, heard)
        heard = True
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "result":
            return message[1]
        else:
            raise message[1]


def _raise_gone(exitcode: int | None, heard: bool) -> NoReturn:
    if not heard:
        raise ChildUnavailable(f"the work process could not start (exit code {exitcode})")
    raise ChildDied(f"the work process stopped (exit code {exitcode})")


class _StopFlag:
    """The child's side of the cancel: set once the parent closed its end of the pipe
    (asked, or the parent has gone). Has what the targets use of a threading.Event."""

    def __init__(self, reader: Connection) -> None:
        self._reader = reader
        self._set = False

    def is_set(self) -> bool:
        return self.wait(0)

    def wait(self, timeout: float | None = None) -> bool:
        if not self._set:
            try:
                self._set = self._reader.poll(timeout)
            except OSError:
                self._set = True
        return self._set


def _child_main(work: Connection, sender: Connection, stop: Connection) -> None:
    def progress(done: int, total: int) -> None:
        sender.send(("progress", done, total))

    try:
        target, args = work.recv()
        work.close()
        value = target(*args, progress=progress, cancel=_StopFlag(stop))
    except BaseException as exc:  # the caller decides; a KeyboardInterrupt included
        try:
            sender.send(("error", exc))
        except Exception:  # an exception that does not pickle: its words, not its class
            sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    else:
        sender.send(("result", value))
    finally:
        sender.close()
