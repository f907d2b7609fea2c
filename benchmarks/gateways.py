"""Messages per second through each real gateway peer, at the provider level.

    .venv/bin/python benchmarks/gateways.py [--smpp N] [--ovh N] [--ovh-poll N]

Starts the peers from tests/peers (the node SMSC needs `npm ci` there, done if missing),
sends N messages through SmppProvider and N receivers through OvhProvider, and prints
one JSON object. Targets: >= 2,000 msg/s through SMPP; 100,000 OVH receivers in < 30 s.
The database-in-the-loop figure belongs to the dispatcher's benchmark.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT / "tests" / "peers"
sys.path.insert(0, str(ROOT))

from smsdesk.providers.base import OutgoingSms  # noqa: E402
from smsdesk.providers.ovh import OvhConfig, OvhProvider  # noqa: E402
from smsdesk.providers.smpp import SmppConfig, SmppProvider  # noqa: E402


def load_ovh_peer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ovh_server", PEERS / "ovh_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ovh_server"] = module
    spec.loader.exec_module(module)
    return module


def messages(count: int, body: str) -> list[OutgoingSms]:
    return [OutgoingSms(i + 1, f"+336{i:08d}", "ACME", body) for i in range(count)]


def bench_smpp(count: int, batch_size: int) -> dict[str, Any]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return {"skipped": "node is not installed"}
    if not (PEERS / "node_modules" / "smpp").is_dir():
        if npm is None:
            return {"skipped": "npm is not installed"}
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True)
    peer = subprocess.Popen(
        [node, "smpp_server.js", "--password", "bench123"],
        cwd=PEERS,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert peer.stdout is not None and peer.stdin is not None
    ports = json.loads(peer.stdout.readline())
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
        peer.stdin.close()
        peer.wait(timeout=10)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smpp", type=int, default=20_000, help="messages through SMPP")
    parser.add_argument("--smpp-batch", type=int, default=1000)
    parser.add_argument("--ovh", type=int, default=100_000, help="receivers through OVH")
    parser.add_argument("--ovh-poll", type=int, default=2_000, help="receipts polled (OVH)")
    args = parser.parse_args()
    report = {
        "smpp": bench_smpp(args.smpp, args.smpp_batch),
        "ovh": bench_ovh(args.ovh, args.ovh_poll),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
