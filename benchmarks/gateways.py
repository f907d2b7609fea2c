"""Messages per second through each real gateway peer: at the provider level, and with
the database kept up to date (CampaignService -> DispatcherService -> ReceiptService on a
real SQLite file, the way `smsdesk dispatch` runs).

    .venv/bin/python benchmarks/gateways.py [--smpp N] [--ovh N] [--ovh-poll N]
                                            [--db-smpp N] [--db-ovh N] [--db-ovh-poll N]

Starts the peers from tests/peers (the node SMSC needs `npm ci` there, done if missing)
and prints one JSON object. Targets: >= 2,000 msg/s through SMPP; 100,000 OVH receivers
in < 30 s. OVH receipts are read in bulk (ids listed per delivery state, single GETs only
for a few failures): `ovh_receipts` reports the calls and seconds to collect the receipts
of `--ovh-receipts` messages through the app (targets: < 1 call per 500 messages, < 20 s);
`ovh_deferred_receipts` the same for a campaign handed to OVH ahead of its time (batches,
read through `batches/{id}/statistics`); `ovh_with_db` keeps the one-GET-per-message
figure on a sample (`--db-ovh-poll`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT / "tests" / "peers"
sys.path.insert(0, str(ROOT))

from smsdesk.app import Services, build_services  # noqa: E402
from smsdesk.providers.base import OutgoingSms  # noqa: E402
from smsdesk.providers.ovh import OvhConfig, OvhProvider  # noqa: E402
from smsdesk.providers.smpp import SmppConfig, SmppProvider  # noqa: E402
from smsdesk.services.campaigns import CampaignRequest  # noqa: E402
from smsdesk.services.dispatcher import DispatcherService  # noqa: E402


def load_ovh_peer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ovh_server", PEERS / "ovh_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ovh_server"] = module
    spec.loader.exec_module(module)
    return module


def messages(count: int, body: str) -> list[OutgoingSms]:
    return [OutgoingSms(i + 1, f"+336{i:08d}", "ACME", body) for i in range(count)]


@contextlib.contextmanager
def smpp_peer() -> Iterator[dict[str, int] | str]:
    """The node SMSC's ports, or why it cannot start."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        yield "node is not installed"
        return
    if not (PEERS / "node_modules" / "smpp").is_dir():
        if npm is None:
            yield "npm is not installed"
            return
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True)
    peer = subprocess.Popen(
        [node, "smpp_server.js", "--password", "bench123"],
        cwd=PEERS,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert peer.stdout is not None and peer.stdin is not None
    try:
        yield json.loads(peer.stdout.readline())
    finally:
        peer.stdin.close()
        peer.wait(timeout=10)


def bench_smpp(count: int, batch_size: int) -> dict[str, Any]:
    with smpp_peer() as ports:
        if isinstance(ports, str):
            return {"skipped": ports}
        return _bench_smpp(count, batch_size, ports)


def _bench_smpp(count: int, batch_size: int, ports: dict[str, int]) -> dict[str, Any]:
    provider = SmppProvider(SmppConfig("127.0.0.1", ports["smpp_port"], "smsdesk", "bench123"))
    try:
        provider.wait_bound(timeout=10)
        batch = messages(count, "Votre rendez-vous de demain 10h est confirmé. Répondez STOP")
        started = time.perf_counter()
        refs: list[str] = []
        for start in range(0, count, batch_size):
            results = provider.submit(batch[start : start + batch_size], batch_ref=f"s{start}")
            refs += [str(r.provider_ref) for r in results if r.accepted]
        submitted = time.perf_counter() - started
        pause = threading.Event()
        receipts = 0
        for _ in range(6000):
            receipts = len(provider.poll_receipts(refs))
            if receipts == count:
                break
            pause.wait(0.01)
        with_receipts = time.perf_counter() - started
    finally:
        provider.close()
    return {
        "messages": count,
        "accepted": len(refs),
        "receipts": receipts,
        "window": provider.config.window,
        "submit_seconds": round(submitted, 3),
        "submit_msg_per_s": round(count / submitted),
        "with_receipts_seconds": round(with_receipts, 3),
        "with_receipts_msg_per_s": round(count / with_receipts),
        "target_msg_per_s": 2000,
    }


def bench_ovh(count: int, poll_sample: int) -> dict[str, Any]:
    ovh_server = load_ovh_peer()
    peer = ovh_server.OvhServer()
    peer.start()
    config = OvhConfig(
        peer.url, peer.application_key, peer.application_secret, peer.consumer_key, peer.service
    )
    provider = OvhProvider(config)
    try:
        provider.credits_left()  # warm up: python-ovh fetches /auth/time once per client
        batch = messages(count, "Soldes -50% ce week-end dans votre magasin")
        started = time.perf_counter()
        refs: list[str] = []
        step = provider.max_batch
        for start in range(0, count, step):
            results = provider.submit(batch[start : start + step], batch_ref=f"o{start}")
            refs += [str(r.provider_ref) for r in results if r.accepted]
        submitted = time.perf_counter() - started
        sample = refs[:poll_sample]
        polled_at = time.perf_counter()
        provider.poll_receipts(sample)  # first read: accepted by the operator
        final = provider.poll_receipts(sample)  # second read: the verdict
        polling = time.perf_counter() - polled_at
    finally:
        provider.close()
        peer.stop()
    return {
        "receivers": count,
        "accepted": len(refs),
        "peer_accepted": len(peer.accepted),
        "receivers_per_job": step,
        "submit_seconds": round(submitted, 3),
        "submit_msg_per_s": round(count / submitted),
        "target_seconds": 30,
        "receipt_reads": 2 * len(sample),
        "receipt_reads_per_s": round(2 * len(sample) / polling),
        "final_receipts": sum(1 for r in final if r.dlr in (1, 2)),
    }


# --- with the database kept up to date ---------------------------------------------------


@contextlib.contextmanager
def app_services(env: dict[str, str]) -> Iterator[Services]:
    """The app's services on a fresh SQLite file, the gateway set by environment."""
    with tempfile.TemporaryDirectory(prefix="smsdesk-bench-") as folder:
        saved = {name: os.environ.get(name) for name in [*env, "SMSDESK_DATA_DIR"]}
        os.environ.update(env, SMSDESK_DATA_DIR=folder)
        services = build_services(f"sqlite:///{folder}/bench.sqlite3")
        try:
            yield services
        finally:
            services.close()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def run_campaign(
    services: Services,
    provider: str,
    count: int,
    body: str,
    batch_size: int,
    *,
    deferred: bool = False,
) -> tuple[DispatcherService, dict[str, Any]]:
    """Create a campaign of `count` receivers and dispatch it; timings and DB counts.
    `deferred`: scheduled an hour ahead and handed to the gateway's own schedule."""
    receivers = [f"+336{i:08d}" for i in range(count)]
    started = time.perf_counter()
    at = datetime.now(UTC) + timedelta(hours=1)
    created = services.campaigns.create(
        CampaignRequest(
            body=body,
            receivers=receivers,
            sender="ACME",
            provider=provider,
            scheduled_at=at if deferred else None,
            provider_deferred=deferred,
        )
    )
    created_at = time.perf_counter()
    # the dispatcher's clock is ahead of the campaign's creation, so everything is due
    clock = [datetime.now(UTC) + timedelta(seconds=1)]
    dispatcher = DispatcherService(
        services.sessions, services.provider, batch_size=batch_size, clock=lambda: clock[0]
    )
    report = dispatcher.dispatch_due()
    if deferred:
        clock[0] = at + timedelta(seconds=1)  # the receipts are read after its time
    dispatched_at = time.perf_counter()
    create_s, dispatch_s = created_at - started, dispatched_at - created_at
    return dispatcher, {
        "messages": created.messages,
        "submitted_in_db": report.submitted,
        "failed": report.failed,
        "retried": report.retried,
        "batch_size": batch_size,
        "create_campaign_seconds": round(create_s, 3),
        "dispatch_seconds": round(dispatch_s, 3),
        "dispatch_msg_per_s": round(count / dispatch_s),
        "create_and_dispatch_seconds": round(create_s + dispatch_s, 3),
        "create_and_dispatch_msg_per_s": round(count / (create_s + dispatch_s)),
    }


def bench_smpp_db(count: int, batch_size: int) -> dict[str, Any]:
    with smpp_peer() as ports:
        if isinstance(ports, str):
            return {"skipped": ports}
        env = {
            "SMSDESK_SMPP_HOST": "127.0.0.1",
            "SMSDESK_SMPP_PORT": str(ports["smpp_port"]),
            "SMSDESK_SMPP_SYSTEM_ID": "smsdesk",
            "SMSDESK_SMPP_PASSWORD": "bench123",
        }
        with app_services(env) as services:
            services.gateways.test_connection("smpp")  # the bind, outside the timing
            started = time.perf_counter()
            dispatcher, figures = run_campaign(
                services,
                "smpp",
                count,
                "Votre rendez-vous de demain 10h est confirmé. Répondez STOP",
                batch_size,
            )
            pause = threading.Event()
            applied = 0
            try:
                for _ in range(6000):
                    applied += dispatcher.receipts.poll(limit=count)
                    if not dispatcher.receipts.outstanding():
                        break
                    pause.wait(0.01)
                left = dispatcher.receipts.outstanding()
            finally:
                dispatcher.close()
            total = time.perf_counter() - started
    return {
        **figures,
        "receipts_applied": applied,
        "without_receipt": left,
        "with_receipts_seconds": round(total, 3),
        "with_receipts_msg_per_s": round(count / total),
        "target_msg_per_s": 2000,
    }


def bench_ovh_db(count: int, poll_sample: int, batch_size: int) -> dict[str, Any]:
    ovh_server = load_ovh_peer()
    peer = ovh_server.OvhServer()
    peer.start()
    env = {
        "OVH_ENDPOINT": peer.url,
        "OVH_APPLICATION_KEY": peer.application_key,
        "OVH_APPLICATION_SECRET": peer.application_secret,
        "OVH_CONSUMER_KEY": peer.consumer_key,
        "SMSDESK_OVH_SERVICE": peer.service,
    }
    try:
        with app_services(env) as services:
            dispatcher, figures = run_campaign(
                services, "ovh", count, "Soldes -50% ce week-end dans votre magasin", batch_size
            )
            try:
                polled_at = time.perf_counter()
                first = dispatcher.receipts.poll(limit=poll_sample)  # accepted by the operator
                final = dispatcher.receipts.poll(limit=poll_sample)  # the verdict
                polling = time.perf_counter() - polled_at
            finally:
                dispatcher.close()
    finally:
        peer.stop()
    return {
        **figures,
        "peer_accepted": len(peer.accepted),
        "target_seconds": 30,
        "receipt_sample": poll_sample,
        "receipts_applied": first + final,
        "receipt_reads_per_s": round(2 * poll_sample / polling),
        "final_receipts_in_db": final,
    }


def bench_ovh_receipts(count: int, batch_size: int, *, deferred: bool = False) -> dict[str, Any]:
    """A campaign of `count` OVH receivers sent, then every receipt collected the way
    `smsdesk dispatch` does (ReceiptService.poll rounds), counting the peer's calls.
    `deferred`: the campaign is handed to OVH ahead of its time as batches (one per
    dispatcher batch), released, and read through `batches/{id}/statistics`."""
    ovh_server = load_ovh_peer()
    peer = ovh_server.OvhServer()
    peer.receipt_delay = 0.0  # every SMS has its verdict once sent: rounds are not waits
    peer.start()
    env = {
        "OVH_ENDPOINT": peer.url,
        "OVH_APPLICATION_KEY": peer.application_key,
        "OVH_APPLICATION_SECRET": peer.application_secret,
        "OVH_CONSUMER_KEY": peer.consumer_key,
        "SMSDESK_OVH_SERVICE": peer.service,
    }
    try:
        with app_services(env) as services:
            dispatcher, figures = run_campaign(
                services,
                "ovh",
                count,
                "Soldes -50% ce week-end dans votre magasin",
                batch_size,
                deferred=deferred,
            )
            if deferred:
                peer.release_jobs()  # their time comes: OVH sends the batches
            calls_before = len(peer.calls)
            singles_before = peer.count_calls("GET", "/sms/*/outgoing/*")
            started = time.perf_counter()
            rounds = 0
            try:
                while dispatcher.receipts.outstanding() and rounds < 20:
                    dispatcher.receipts.poll(limit=count)
                    rounds += 1
                left = dispatcher.receipts.outstanding()
            finally:
                dispatcher.close()
            seconds = time.perf_counter() - started
            calls = len(peer.calls) - calls_before
    finally:
        peer.stop()
    return {
        "messages": figures["messages"],
        "failures_by_peer_outcomes": sum(
            1 for i in range(count) if f"{i:08d}"[-2:] in ("97", "98", "99")
        ),
        "poll_rounds": rounds,
        "without_receipt": left,
        "receipt_calls": calls,
        "single_message_gets": peer.count_calls("GET", "/sms/*/outgoing/*") - singles_before,
        "batch_statistics_calls": peer.count_calls("GET", "/sms/*/batches/*/statistics"),
        "messages_per_call": round(count / max(1, calls)),
        "receipt_seconds": round(seconds, 3),
        "target_messages_per_call": 500,
        "target_seconds": 20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smpp", type=int, default=20_000, help="messages through SMPP")
    parser.add_argument("--smpp-batch", type=int, default=1000)
    parser.add_argument("--ovh", type=int, default=100_000, help="receivers through OVH")
    parser.add_argument("--ovh-poll", type=int, default=2_000, help="receipts polled (OVH)")
    parser.add_argument("--db-smpp", type=int, default=20_000, help="SMPP messages, with DB")
    parser.add_argument("--db-ovh", type=int, default=100_000, help="OVH receivers, with DB")
    parser.add_argument("--db-ovh-poll", type=int, default=2_000, help="OVH receipts, with DB")
    parser.add_argument("--db-batch", type=int, default=1000, help="dispatcher batch size")
    parser.add_argument(
        "--ovh-receipts", type=int, default=100_000, help="OVH receipts collected in bulk"
    )
    parser.add_argument(
        "--only",
        choices=["ovh_receipts", "ovh_deferred_receipts"],
        help="run this benchmark alone",
    )
    args = parser.parse_args()
    if args.only:
        deferred = args.only == "ovh_deferred_receipts"
        figures = bench_ovh_receipts(args.ovh_receipts, args.db_batch, deferred=deferred)
        print(json.dumps({args.only: figures}, indent=2))
        return
    report = {
        "smpp": bench_smpp(args.smpp, args.smpp_batch),
        "ovh": bench_ovh(args.ovh, args.ovh_poll),
        "smpp_with_db": bench_smpp_db(args.db_smpp, args.db_batch),
        "ovh_with_db": bench_ovh_db(args.db_ovh, args.db_ovh_poll, args.db_batch),
        "ovh_receipts": bench_ovh_receipts(args.ovh_receipts, args.db_batch),
        "ovh_deferred_receipts": bench_ovh_receipts(
            args.ovh_receipts, args.db_batch, deferred=True
        ),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
