"""The fault campaign at 50,000 messages: what "never twice" costs and leaves, per gateway.

The same machinery as tests/faults (dispatchers killed at random, two at once with one on a
clock 6 minutes ahead through libfaketime, peers that lose answers, fail, throttle, drop
the link and stay silent) on a private PostgreSQL server, then a calm settling. Prints one
JSON object: per peer, messages sent once, duplicates, unknown, lost, what is not settled,
the statuses and how long it took.

    python benchmarks/faults.py [--messages 50000] [--budget 90] [--peers simulator,ovh,smpp]

Needs PostgreSQL (installed with apt-get when missing and root), node for the SMSC and
libfaketime (`apt-get install faketime`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "faults")]

from chaos import (  # noqa: E402
    ChaosPlan,
    Peer,
    faketime_library,
    fault_campaign,
    ovh_peer_for_chaos,
    simulator_peer,
    smpp_peer_for_chaos,
)
from conftest import load_peer_module, running_smpp_peer  # noqa: E402
from postgres_fixtures import new_database, running_postgres  # noqa: E402


@contextmanager
def peer_named(name: str, work: Path) -> Iterator[Peer]:
    if name == "simulator":
        yield simulator_peer(work)
    elif name == "ovh":
        server = load_peer_module("ovh_server").OvhServer()
        server.start()
        try:
            yield ovh_peer_for_chaos(server)
        finally:
            server.stop()
    elif name == "smpp":
        with running_smpp_peer() as smsc:
            smsc.reset()
            yield smpp_peer_for_chaos(smsc)
    else:
        raise SystemExit(f"unknown peer {name!r}: simulator, ovh or smpp")


def run(name: str, server_url: str, messages: int, budget: float, seed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"smsdesk-faults-{name}-") as tmp:
        work = Path(tmp)
        (work / "logs").mkdir()
        saved = dict(os.environ)
        os.environ["SMSDESK_DATA_DIR"] = str(work / "data")
        try:
            with peer_named(name, work) as peer:
                os.environ.update(peer.env)
                outcome = fault_campaign(
                    peer,
                    db_url=new_database(server_url),
                    messages=messages,
                    plan=ChaosPlan(seed=seed, budget_seconds=budget),
                    log_dir=work / "logs",
                )
        finally:
            os.environ.clear()
            os.environ.update(saved)
    return outcome.figures()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--budget", type=float, default=90.0, help="seconds of chaos per peer")
    parser.add_argument("--peers", default="simulator,ovh,smpp")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    if faketime_library() is None:
        raise SystemExit("libfaketime is missing: apt-get install faketime")
    results: dict[str, object] = {}
    with running_postgres() as server_url:
        for name in args.peers.split(","):
            results[name] = run(name, server_url, args.messages, args.budget, args.seed)
    print(json.dumps({"fault_campaign": results}, indent=2))


if __name__ == "__main__":
    main()
