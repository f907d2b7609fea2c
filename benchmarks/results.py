"""A campaign report at scale: seeds one campaign of N messages (a realistic mix of
states, failure codes, operators and delivery times) into a fresh SQLite file, then times
ResultsService.report(), the figures the results view opens with.

    .venv/bin/python benchmarks/results.py [--messages 1000000] [--db PATH] [--reuse]

Target: under 300 ms for 1,000,000 messages (the best of --runs, after one warm-up: the
view opens on a database the window has already read). The view shows the figures
(`report(timeline=False)`: states, parts, credits, failures, operators) and the chart's
buckets (`timeline()`) in two workers: each is timed, their sum (one after the other,
the target) and the two side by side as the view runs them.

On SQLite the figures are counted by seeks in the report index (services/results.py:
each distinct (status, ptt, operator, parts, credits) found by a seek and counted on its
equality range), the chart by range counts on (campaign_id, delivered_at).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smsdesk.app import build_services  # noqa: E402
from smsdesk.services import results as results_module  # noqa: E402
from smsdesk.services.results import ResultsService  # noqa: E402

OPERATORS = ("20801", "20810", "20815", "20820", "20888", "20802")


def seed(path: Path, count: int) -> None:
    services = build_services(f"sqlite:///{path}")  # creates the schema (migrations)
    services.close()
    rng = random.Random(14)
    start = datetime(2026, 11, 30, 9, 0)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO campaign (id, name, sender, body, encoding, segments, tag, provider,"
            " commercial, status, provider_deferred, created_at, started_at, finished_at)"
            " VALUES (1, 'Soldes', 'ACME', 'Soldes -50%', 'GSM-7', 1, '', 'ovh', 1, 'done', 0,"
            " ?, ?, ?)",
            (str(start), str(start), str(start + timedelta(hours=2))),
        )
        rows = []
        for i in range(count):
            roll = rng.random()
            ptt: int | None
            if roll < 0.93:
                status, ptt, dlr = "delivered", 4, 1
            elif roll < 0.96:
                status, ptt, dlr = "failed", rng.choice((24, 5, 23, 26)), 2
            elif roll < 0.97:
                status, ptt, dlr = "expired", 8, 2
            elif roll < 0.99:
                status, ptt, dlr = "submitted", 3, 0
            else:
                status, ptt, dlr = "unknown", None, None
            sent = start + timedelta(seconds=i * 0.005)
            delivered = sent + timedelta(seconds=rng.uniform(2, 600))
            rows.append(
                (
                    1,
                    f"+336{i:08d}",
                    "ACME",
                    "Soldes -50%",
                    1,
                    status,
                    "ovh",
                    str(40_000_000 + i),
                    ptt,
                    dlr,
                    rng.choice(OPERATORS) if status != "unknown" else None,
                    1.0,
                    str(sent),
                    str(sent),
                    str(delivered) if status == "delivered" else None,
                )
            )
            if len(rows) == 50_000:
                _insert(conn, rows)
                rows = []
        _insert(conn, rows)
    conn.execute("ANALYZE")
    conn.close()


def _insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO message (campaign_id, receiver, sender, body, parts, tag, status, provider,"
        " provider_ref, ptt, dlr, operator_code, credits, attempts, created_at, submitted_at,"
        " delivered_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--reuse", action="store_true", help="keep an already seeded --db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smsdesk-results-") as folder:
        path = args.db or Path(folder) / "results.sqlite3"
        seeded = 0.0
        if not (args.reuse and path.exists()):
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            seed(path, args.messages)
            seeded = time.perf_counter() - started
        services = build_services(f"sqlite:///{path}")
        results = ResultsService(services.sessions, clock=lambda: datetime.now(UTC))
        try:
            results.report(1)  # warm-up
            timings, charts, totals = [], [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                report = results.report(1, timeline=False)
                figures_at = time.perf_counter()
                step, buckets = results.timeline(1)
                done = time.perf_counter()
                timings.append(figures_at - started)
                charts.append(done - figures_at)
                totals.append(done - started)
            # the same figures through one GROUP BY pass (what PostgreSQL runs), same load
            grouped = []
            saved, results_module.MAX_SKIP_GROUPS = results_module.MAX_SKIP_GROUPS, 0
            try:
                for _ in range(args.runs):
                    started = time.perf_counter()
                    results.report(1, timeline=False)
                    grouped.append(time.perf_counter() - started)
            finally:
                results_module.MAX_SKIP_GROUPS = saved
            side_by_side = []
            with ThreadPoolExecutor(2) as pool:  # as the view: two workers at once
                for _ in range(args.runs):
                    started = time.perf_counter()
                    both = [
                        pool.submit(results.report, 1, timeline=False),
                        pool.submit(results.timeline, 1),
                    ]
                    for future in both:
                        future.result()
                    side_by_side.append(time.perf_counter() - started)
        finally:
            services.close()
    print(
        json.dumps(
            {
                "messages": report.recipients,
                "seed_seconds": round(seeded, 1),
                "figures_ms_best": round(min(timings) * 1000, 1),
                "figures_ms_worst": round(max(timings) * 1000, 1),
                "chart_ms_best": round(min(charts) * 1000, 1),
                "figures_and_chart_ms_best": round(min(totals) * 1000, 1),
                "figures_and_chart_ms_worst": round(max(totals) * 1000, 1),
                "side_by_side_ms_best": round(min(side_by_side) * 1000, 1),
                "figures_by_group_by_ms_best": round(min(grouped) * 1000, 1),
                "target_ms": 300,
                "states": report.states,
                "failure_codes": len(report.failures),
                "operators": len(report.operators),
                "buckets": len(buckets),
                "bucket_seconds": step,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
