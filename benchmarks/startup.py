"""How long smsdesk takes from launch to a painted main window, and to a working one.

Launches the app with the hidden `--quit-after-paint 0` under QT_QPA_PLATFORM=offscreen: it
prints "painted" once the window has painted (its frame: menus, tab titles, status bar,
"Opening the database…" in the tabs), then "ready" once the database is open and the tab
shown has painted with its content, then quits. Times launch to each line.
The app: the installed /usr/bin/smsdesk, else the built dist/smsdesk/smsdesk, else the source
(`python -m smsdesk`); --app chooses. A first launch creates the database (migrations) and is
reported apart; then RUNS launches on that database give the median (the target is 0.7 s,
for "painted"). Prints JSON: {"app", "kind", "first_launch_seconds", "runs_seconds",
"median_seconds", "ready_runs_seconds", "ready_median_seconds", "cpu_median_seconds" (CPU
time of a whole run, launch to exit), "load_average", "target_seconds"}.

A source run compiles the package's bytecode first (`compileall`), as pip and PyInstaller do
for an installed app: with PYTHONDONTWRITEBYTECODE set (CI, containers), every launch would
otherwise compile ~60 modules again (0.3 s) and the figure would measure the compiler.

Run: .venv/bin/python benchmarks/startup.py [--app PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.7
TIMEOUT = 120.0


def find_app(choice: str | None) -> tuple[list[str], str]:
    """The command line that launches the app, and which kind of app it is."""
    if choice:
        return [choice], "given"
    installed = Path("/usr/bin/smsdesk")
    if installed.exists() and installed.resolve().parent.name == "smsdesk":
        return [str(installed)], "installed"
    built = ROOT / "dist" / "smsdesk" / "smsdesk"
    if built.exists():
        return [str(built)], "dist"
    return [sys.executable, "-m", "smsdesk"], "source"


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from launch to the app's "painted" line and to its "ready" line, and the CPU
    seconds of the whole run (less sensitive to a busy machine); the app must exit with 0."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with subprocess.Popen(
        [*command, "--quit-after-paint", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        painted = time.perf_counter() - started
        second = proc.stdout.readline()
        ready = time.perf_counter() - started
        code = proc.wait(timeout=TIMEOUT)
    if (line.strip(), second.strip(), code) != ("painted", "ready", 0):
        raise SystemExit(f"{command[0]}: said {line!r} then {second!r}, exit {code}")
    return painted, ready, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", help="the smsdesk executable to time")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    command, kind = find_app(args.app)
    if kind == "source":
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "smsdesk")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    scratch = Path(tempfile.mkdtemp(prefix="smsdesk-startup-"))
    try:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SMSDESK_DATA_DIR": str(scratch / "data"),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_STATE_HOME": str(scratch / "state"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            "SMSDESK_PROVIDER": "simulator",
        }
        env.pop("SMSDESK_DB", None)
        first, _, _ = launch(command, env)
        runs, ready, cpu = zip(*(launch(command, env) for _ in range(args.runs)), strict=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(
        json.dumps(
            {
                "app": " ".join(command),
                "kind": kind,
                "first_launch_seconds": round(first, 3),
                "runs_seconds": [round(run, 3) for run in runs],
                "median_seconds": round(statistics.median(runs), 3),
                "ready_runs_seconds": [round(run, 3) for run in ready],
                "ready_median_seconds": round(statistics.median(ready), 3),
                "cpu_median_seconds": round(statistics.median(cpu), 3),
                "load_average": round(os.getloadavg()[0], 2),
                "target_seconds": TARGET_SECONDS,
            }
        )
    )


if __name__ == "__main__":
    main()
