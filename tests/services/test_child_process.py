"""run_in_child: the work runs in another process, its progress, result, errors and
cancel come back, and a child that dies is told apart from one that never started."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from smsdesk.services.child_process import ChildDied, ChildUnavailable, run_in_child


class Refused(Exception):
    pass


def report_pid(steps: int, *, progress, cancel) -> int:
    for done in range(1, steps + 1):
        progress(done, steps)
    return os.getpid()


def refuse(words: str, *, progress, cancel) -> None:
    raise Refused(words)


def until_cancelled(flag: str, *, progress, cancel) -> str:
    Path(flag).write_text("started")  # the parent cancels once it sees this
    progress(1, 2)
    return "cancelled" if cancel.wait(30) else "never cancelled"


def die_after_progress(*, progress, cancel) -> None:
    progress(1, 2)
    os._exit(3)


def die_at_once(*, progress, cancel) -> None:
    os._exit(4)


def unpicklable_error(*, progress, cancel) -> None:
    class Local(Exception):  # a local class: pickle cannot name it
        pass

    raise Local("cannot travel")


def test_result_and_progress_come_back_from_another_process():
    steps: list[tuple[int, int]] = []
    pid = run_in_child(report_pid, 3, progress=lambda d, t: steps.append((d, t)))
    assert pid != os.getpid()
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_the_childs_exception_is_raised_here():
    with pytest.raises(Refused, match="no credit"):
        run_in_child(refuse, "no credit")


def test_an_exception_that_does_not_pickle_keeps_its_words():
    with pytest.raises(RuntimeError, match="Local: cannot travel"):
        run_in_child(unpicklable_error)


def test_cancel_reaches_the_child(tmp_path: Path):
    flag = tmp_path / "started"
    cancel = threading.Event()

    def on_progress(done: int, total: int) -> None:
        assert flag.read_text() == "started"
        cancel.set()

    assert run_in_child(until_cancelled, str(flag), progress=on_progress, cancel=cancel) == (
        "cancelled"
    )


def test_a_child_that_dies_midway_is_an_error_not_a_fallback():
    steps: list[tuple[int, int]] = []
    with pytest.raises(ChildDied, match="exit code 3"):
        run_in_child(die_after_progress, progress=lambda d, t: steps.append((d, t)))
    assert steps == [(1, 2)]


def test_a_child_that_says_nothing_is_unavailable():
    with pytest.raises(ChildUnavailable, match="exit code 4"):
        run_in_child(die_at_once)


def test_a_child_that_cannot_start_with_megabytes_of_work_is_unavailable(tmp_path):
    """The work (here 4 MB, as a snapshot's ids) reaches the child through a pipe of its
    own: a child that dies while starting made multiprocessing's own write of it block
    for ever (it keeps the pipe's other end). Here the child cannot start because its
    __main__, imported again there, starts a child itself."""
    import subprocess
    import sys

    script = tmp_path / "no_main_guard.py"
    script.write_text(
        "from smsdesk.services.child_process import ChildUnavailable, run_in_child\n"
        "def size(data, *, progress, cancel):\n"
        "    return len(data)\n"
        "try:\n"
        "    print('result', run_in_child(size, b'x' * 4_000_000))\n"
        "except ChildUnavailable as exc:\n"
        "    print('unavailable:', exc)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == (
        "unavailable: the work process could not start (exit code 1)"
    )


def test_megabytes_of_work_reach_the_child():
    assert run_in_child(measure, b"x" * 4_000_000) == 4_000_000


def measure(data: bytes, *, progress, cancel) -> int:
    return len(data)
