"""The history command line at scale: `history list --limit 50` and `history delete` of
10,000 ids on N messages (default 1,000,000), printed as JSON.

    .venv/bin/python benchmarks/cli.py [--messages 1000000] [--db PATH] [--reuse]

Each figure is the median of 5 runs of a fresh `smsdesk` process after a warm-up run
(compiled bytecode in place, as an installed package has it): `*_process_ms` is the
whole process, wall clock; `*_command_ms` is the command's own time inside it (from
`main()` called to returned, the imports it does lazily included; the interpreter's start
and the `smsdesk.cli` import excluded); `*_warm_ms` is a second run of the command in the
same process (its modules already imported). The deletes run on a copy of the database,
written to disk before the timing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
# run inside the child: prints the command's own time on stderr (stdout is the command's)
_TIMED = """
import sys, time
from smsdesk.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
sys.stderr.write(f"\\ncommand_ms={(time.perf_counter() - start) * 1000:.1f}\\n")
sys.exit(code)
"""
# the same command a second time in one process: its own work, imports already done
_AGAIN = """
import sys, time
from smsdesk.cli import main
main(sys.argv[1:])
start = time.perf_counter()
code = main(sys.argv[1:])
sys.stderr.write(f"\\ncommand_ms={(time.perf_counter() - start) * 1000:.1f}\\n")
sys.exit(code)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
    return env


def run_timed(args: list[str], script: str = _TIMED) -> tuple[float, float]:
    """(process wall ms, command ms) of one `smsdesk ARGS` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    wall = (time.perf_counter() - start) * 1000
    command = float(done.stderr.rsplit("command_ms=", 1)[1])
    return round(wall, 1), round(command, 1)


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(statistics.median(s[0] for s in samples), 1),
        round(statistics.median(s[1] for s in samples), 1),
    )


def count_rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM message").fetchone()[0])
        except sqlite3.Error:
            return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep --db if it holds exactly --messages rows"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smsdesk-cli-bench-"))
    os.environ["SMSDESK_DATA_DIR"] = str(work / "data")
    db = args.db or work / "history.sqlite3"
    figures: dict[str, object] = {"messages": args.messages}
    if not (args.reuse and db.exists() and count_rows(db) == args.messages):
        for leftover in db.parent.glob(db.name + "*"):
            leftover.unlink()
        start = time.perf_counter()
        seed = [sys.executable, "-m", "smsdesk", "--db", f"sqlite:///{db}", "demo", "seed"]
        subprocess.run(
            [*seed, "--messages", str(args.messages)],
            check=True,
            stdout=subprocess.DEVNULL,
            env=_env(),
        )
        figures["seed_s"] = round(time.perf_counter() - start, 1)
    url = f"sqlite:///{db}"

    listing = ["--db", url, "history", "list", "--limit", "50"]
    run_timed(listing)  # warm-up: bytecode written, file in the page cache
    wall, command = medians([run_timed(listing) for _ in range(RUNS)])
    figures["list_50_process_ms"] = wall
    figures["list_50_command_ms"] = command
    _, again = medians([run_timed(listing, _AGAIN) for _ in range(RUNS)])
    figures["list_50_command_warm_ms"] = again  # without the imports: the query and output
    wall, command = medians([run_timed([*listing, "--json"]) for _ in range(RUNS)])
    figures["list_50_json_process_ms"] = wall

    # delete 10,000 ids, each run on a fresh copy of the database
    with sqlite3.connect(db) as connection:
        newest = int(connection.execute("SELECT max(id) FROM message").fetchone()[0])
    doomed = [str(i) for i in range(newest - 2 * 10_000 + 2, newest + 1, 2)]  # every other id
    copy = work / "copy.sqlite3"
    samples = []
    for _ in range(3):
        for leftover in work.glob("copy.sqlite3*"):
            leftover.unlink()
        with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        # the copy is this script's setup: on disk before the timing, or the command's
        # commit (a WAL checkpoint, fsync) would wait for the copy's 600 MB to be written
        with copy.open("rb+") as written:
            os.fsync(written.fileno())
        samples.append(run_timed(["--db", f"sqlite:///{copy}", "history", "delete", *doomed]))
        assert count_rows(copy) == args.messages - 10_000
    wall, command = medians(samples)
    figures["delete_10000_process_ms"] = wall
    figures["delete_10000_command_ms"] = command
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
