"""Importing a 1,000,000-row recipient file: time and peak memory, then the window.

    .venv/bin/python benchmarks/import_recipients.py [--rows 1000000] [--keep]

1. Generates a mixed file the way people have them: French Excel (cp1252, `;`, CRLF),
   names with accents, numbers written every way (`06 12 34 56 78`, `+33 (0)6...`,
   `0033...`, `612345678`, two in a cell...), with duplicates in other formats,
   landlines, invalid numbers and a few stop-listed ones.
2. Imports it with RecipientService.import_file, as `smsdesk contacts import` does, into
   a fresh SQLite file: `import_s` covers read + clean + dedupe + store + commit.
   Peak memory is resource's maxrss of this process and of its largest child (the
   process that parses a big file), read before step 3.
3. In a separate process, the same import from the import dialog (offscreen): the longest
   gap between ticks of a 10 ms timer of the GUI thread while it runs, then a second
   import cancelled halfway: how long until the dialog says so, and that nothing is left.
4. As a user runs it: `smsdesk contacts import` from the command line (a new process,
   wall clock), on the CSV (`cli_csv_s`, target under 10 s) and on the same rows saved as
   an .xlsx workbook by xlsxwriter (`cli_xlsx_s`, target under 15 s), the list on its
   second sheet and the numbers made only of digits stored as numbers, as Excel does.
   Each run also gives its CPU seconds (the command and its parsing process together) and
   the peak memory of the largest of them (`cli_*_peak_mb`). The machine's load average
   is printed too: on a shared machine, wall clock follows the other processes.

Prints one JSON object. `--cli-only` runs step 4 alone (and step 1 to make the files).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_S = 10.0
TARGET_XLSX_S = 15.0
TARGET_MB = 300.0
FIRST_NAMES = (
    "Hélène", "François", "Zoé", "Jérôme", "Anaïs", "Cécile", "Noël", "Agnès", "Éloïse",
    "Marc", "Léa", "Paul", "Chloé", "Inès", "Théo", "Maëlle", "Loïc", "Gaëlle", "Jean", "Ana",
)  # fmt: skip
CITIES = (
    "Paris", "Besançon", "Orléans", "Saint-Étienne", "Nîmes", "Évry", "Sète", "Créteil",
    "Lyon", "Nantes", "Brest", "Montréal", "Québec", "Forêt-la-Folie", "Châlons",
)  # fmt: skip
STOP_LISTED = 1_000


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _mb(kilobytes: int) -> float:
    return round(kilobytes / 1024, 1)


def _mobile(rng: random.Random) -> str:
    """A French mobile number in an allocated range (06, 073-079), national form."""
    if rng.random() < 0.8:
        return f"06{rng.randrange(10**8):08d}"
    return f"07{rng.randrange(3, 10)}{rng.randrange(10**7):07d}"


def _written(national: str, rng: random.Random) -> str:
    """One national 0XXXXXXXXX number written the ways people write it."""
    digits = national[1:]
    pairs = " ".join(national[i : i + 2] for i in range(0, 10, 2))
    shape = rng.random()
    if shape < 0.30:
        return pairs
    if shape < 0.50:
        return national
    if shape < 0.62:
        return f"+33 {digits[0]} {pairs[3:]}"
    if shape < 0.72:
        return f"+33{digits}"
    if shape < 0.80:
        return pairs.replace(" ", ".")
    if shape < 0.86:
        return f"0033{digits}"
    if shape < 0.92:
        return digits  # Excel dropped the zero
    if shape < 0.97:
        return f"+33 (0){digits[0]} {pairs[3:]}"
    return pairs.replace(" ", "-")


def generate(path: Path, rows: int, seed: int = 4) -> tuple[int, list[str]]:
    """Writes the file; returns its size and the numbers to put on the stop list."""
    rng = random.Random(seed)
    earlier: list[str] = []  # a sample of numbers already written, for the duplicates
    stop: list[str] = []
    with path.open("w", encoding="cp1252", newline="") as stream:
        stream.write("Prénom;Nom;Ville;Téléphone portable;Note\r\n")
        for index in range(rows):
            kind = rng.random()
            note = ""
            if kind < 0.05 and earlier:  # the same person again, written differently
                number = _written(rng.choice(earlier), rng)
                note = "doublon"
            elif kind < 0.09:
                number = _written(f"0{rng.randrange(1, 6)}{rng.randrange(10**8):08d}", rng)
                note = "fixe"
            elif kind < 0.10:
                number = _written(f"09{rng.randrange(10**8):08d}", rng)
            elif kind < 0.14:
                number = rng.choice(
                    ("", "n/a", "0612", f"06 39 98 {rng.randrange(10**4):04d}", "à rappeler")
                )
                note = "à vérifier"
            elif kind < 0.145:
                number = f"{_written(_mobile(rng), rng)} / {_written(_mobile(rng), rng)}"
            else:
                national = _mobile(rng)
                number = _written(national, rng)
                if len(earlier) < 50_000:
                    earlier.append(national)
                elif rng.random() < 0.05:
                    earlier[rng.randrange(len(earlier))] = national
                if len(stop) < STOP_LISTED and rng.random() < 0.002:
                    stop.append(national)
            first = rng.choice(FIRST_NAMES)
            city = rng.choice(CITIES)
            stream.write(f"{first};Nom{index};{city};{number};{note}\r\n")
    return path.stat().st_size, stop


def import_file(db_url: str, path: Path, stop: list[str]) -> dict[str, Any]:
    from smsdesk.app import build_services

    services = build_services(db_url)
    try:
        services.recipients.add_stop(stop, reason="benchmark")
        started = time.perf_counter()
        report = services.recipients.import_file(path, list_name="Benchmark")
        elapsed = time.perf_counter() - started
        stored = services.recipients.count_contacts(report.list_id)
    finally:
        services.close()
    assert stored == report.imported
    return {
        "import_s": round(elapsed, 2),
        "rows_per_s": round(report.rows / elapsed),
        "rows": report.rows,
        "imported": report.imported,
        "duplicates": report.duplicates,
        "invalid": report.invalid,
        "landlines": report.landlines,
        "stopped": report.stopped,
        "rejected_lines_kept": len(report.rejected),
    }


def to_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    """The CSV's rows as a workbook: a notes sheet, then the list; digits as numbers."""
    import csv

    import xlsxwriter

    book = xlsxwriter.Workbook(str(xlsx_path), {"constant_memory": True})
    book.add_worksheet("Notes").write(0, 0, "Export du fichier adhérents")
    sheet = book.add_worksheet("Contacts")
    with csv_path.open(encoding="cp1252", newline="") as stream:
        for index, row in enumerate(csv.reader(stream, delimiter=";")):
            for column, value in enumerate(row):
                if value.isdigit() and len(value) < 16:
                    sheet.write_number(index, column, int(value))
                elif value:
                    sheet.write_string(index, column, value)
    book.close()


# Runs a command and prints its figures: CPU seconds and the peak memory (KiB) of the
# largest of its processes (RUSAGE_CHILDREN counts every waited-for descendant).
_MEASURED = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def cli_import(db_url: str, path: Path) -> dict[str, float]:
    """`smsdesk contacts import PATH` in a new process: wall-clock seconds, CPU seconds and
    peak memory (MB) of its largest process."""
    command = [sys.executable, "-m", "smsdesk", "--db", db_url, "contacts", "import", str(path)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command], check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    cpu, peak_kb = done.stdout.split()
    return {"s": round(wall, 2), "cpu_s": round(float(cpu), 2), "peak_mb": _mb(int(peak_kb))}


def window(db_url: str, path: Path) -> dict[str, Any]:
    """Step 3, in its own process: the import dialog offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from smsdesk.app import build_services
    from smsdesk.ui.import_dialog import ImportDialog
    from smsdesk.ui.workers import WorkerPool

    app = QApplication.instance() or QApplication([])
    services = build_services(db_url)
    workers = WorkerPool()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def run_until(signal: Any, action: Any) -> list[Any]:
        loop = QEventLoop()
        got: list[Any] = []

        def done(*args: Any) -> None:
            got.extend(args)
            loop.quit()

        signal.connect(done)
        action()
        QTimer.singleShot(600_000, loop.quit)
        loop.exec()
        signal.disconnect(done)
        return got

    def previewed(dialog: ImportDialog) -> None:  # the preview is read in a worker
        while dialog.previewing:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    try:
        dialog = ImportDialog(services.recipients, workers, path=path, target_list="Window")
        dialog.show()
        previewed(dialog)
        app.processEvents()
        ticks.clear()
        timer.start()
        started = time.perf_counter()
        run_until(dialog.imported, dialog.import_button.click)
        import_s = time.perf_counter() - started
        timer.stop()
        gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
        report = dialog.report
        assert report is not None
        dialog.close()

        cancelling = ImportDialog(services.recipients, workers, path=path, target_list="Cancelled")
        cancelling.show()
        previewed(cancelling)
        clicked: list[float] = []

        def halfway(done: int, total: int) -> None:
            if not clicked and done >= total // 2:
                clicked.append(time.perf_counter())
                cancelling.cancel_button.click()

        def start() -> None:
            cancelling.import_button.click()
            assert cancelling._job is not None
            cancelling._job.signals.progress.connect(halfway)

        words = run_until(cancelling.job_finished, start)
        cancel_s = time.perf_counter() - clicked[0]
        left = [info.name for info in services.recipients.lists()]
        return {
            "window_import_s": round(import_s, 2),
            "window_imported": report.imported,
            "gui_timer_ticks": len(ticks),
            "gui_longest_gap_ms": _ms(max(gaps)) if gaps else None,
            "cancel_to_done_ms": _ms(cancel_s),
            "cancel_says": words[0] if words else None,
            "cancelled_list_exists": "Cancelled" in left,
        }
    finally:
        workers.shutdown()
        services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the file and the databases")
    parser.add_argument("--no-window", action="store_true", help="skip step 3 (the dialog)")
    parser.add_argument("--cli-only", action="store_true", help="step 4 only (then 1 for files)")
    parser.add_argument("--window-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window_only:  # step 3, run by step 2's process
        print(json.dumps(window(args.db, args.window_only)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="smsdesk-import-bench-"))
    try:
        path = work / "recipients.csv"
        started = time.perf_counter()
        size, stop = generate(path, args.rows)
        generate_s = time.perf_counter() - started
        figures: dict[str, Any] = {
            "file_rows": args.rows,
            "file_mb": round(size / 2**20, 1),
            "generate_s": round(generate_s, 1),
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),
        }
        if not args.cli_only:
            figures.update(import_file(f"sqlite:///{work / 'import.sqlite3'}", path, stop))
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            figures.update(
                {
                    "peak_rss_mb_self": _mb(own),
                    "peak_rss_mb_parsing_child": _mb(child),
                    # an upper bound: the two peaks need not coincide
                    "peak_rss_mb_total": _mb(own + child),
                }
            )
            figures["target_met"] = (
                figures["import_s"] < TARGET_S and figures["peak_rss_mb_total"] < TARGET_MB
            )
        xlsx = work / "recipients.xlsx"
        started = time.perf_counter()
        to_xlsx(path, xlsx)
        figures["xlsx_generate_s"] = round(time.perf_counter() - started, 1)
        figures["xlsx_mb"] = round(xlsx.stat().st_size / 2**20, 1)
        for kind, source in (("csv", path), ("xlsx", xlsx)):
            measured = cli_import(f"sqlite:///{work / f'cli_{kind}.sqlite3'}", source)
            figures.update({f"cli_{kind}_{key}": value for key, value in measured.items()})
        figures["cli_targets_met"] = (
            figures["cli_csv_s"] < TARGET_S and figures["cli_xlsx_s"] < TARGET_XLSX_S
        )
        figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
        if args.no_window or args.cli_only:
            print(json.dumps(figures, indent=2, ensure_ascii=False))
            return 0
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--window-only",
                str(path),
                "--db",
                f"sqlite:///{work / 'window.sqlite3'}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            figures.update(json.loads(result.stdout.strip().splitlines()[-1]))
        else:
            figures["window_error"] = result.stderr.strip().splitlines()[-1:]
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    finally:
        if args.keep:
            print(f"kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
