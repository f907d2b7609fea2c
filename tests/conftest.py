"""Shared fixtures: every test gets its own data dir and a real SQLite file; the real
protocol peers (OVH API, SMPP SMSC) start on 127.0.0.1 for the tests that ask for them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from postgres_fixtures import postgres_server, postgres_url  # noqa: F401  (fixtures)
from tooling import missing_tool

from smsdesk.app import Services, build_services

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does touches the user's real data or settings."""
    data = tmp_path / "data"
    monkeypatch.setenv("SMSDESK_DATA_DIR", str(data))
    monkeypatch.delenv("SMSDESK_DB", raising=False)
    monkeypatch.delenv("SMSDESK_PROVIDER", raising=False)
    monkeypatch.setenv("SMSDESK_SIM_DELAY", "0")
    monkeypatch.delenv("SMSDESK_SIM_SUBMIT_DELAY", raising=False)
    monkeypatch.delenv("SMSDESK_SIM_LEDGER", raising=False)
    return data


@pytest.fixture(autouse=True)
def no_gateway_credentials(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the user's gateway variables or OS keyring (memory_keyring gives one)."""
    import keyring.backends.fail

    from smsdesk.providers.secrets import OVH_NAMES, SMPP_NAMES

    for name in (*OVH_NAMES, *SMPP_NAMES):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'smsdesk.sqlite3'}"


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    built = build_services(db_url)
    yield built
    built.close()


@pytest.fixture
def spend_simulator_credits(isolated_data_dir: Path) -> Callable[[int], None]:
    """The simulator account has already used `parts` credits (its ledger says so), so it
    reports 100,000 - parts left: how a test gives the gateway fewer credits."""

    def spend(parts: int) -> None:
        from smsdesk.providers.simulator import SimulatorProvider

        ledger = isolated_data_dir / "simulator-ledger.sqlite3"
        SimulatorProvider(ledger).close()  # creates the ledger and its table
        with sqlite3.connect(ledger) as conn:
            conn.execute(
                "INSERT INTO received (ref, message_id, batch_ref, receiver, sender, body,"
                " parts, received_at) VALUES ('earlier', 0, 'earlier', '+33600000000', '',"
                " 'earlier campaigns', ?, 0)",
                (parts,),
            )
        conn.close()

    return spend


@pytest.fixture
def pause_campaign(services: Services) -> Callable[[int, str], None]:
    """Put a campaign in the state the dispatcher leaves it in when the gateway refuses us
    (the PAUSE CONTRACT of issue 11): paused, a reason, its unsent rows due never."""

    def pause(campaign_id: int, reason: str) -> None:
        from sqlalchemy import update

        from smsdesk.db.models import Campaign, Message
        from smsdesk.domain.delivery import CampaignStatus, MessageStatus

        with services.sessions.begin() as session:
            session.execute(
                update(Campaign)
                .where(Campaign.id == campaign_id)
                .values(status=CampaignStatus.PAUSED, paused_reason=reason)
            )
            session.execute(
                update(Message)
                .where(Message.campaign_id == campaign_id, Message.status == MessageStatus.QUEUED)
                .values(next_attempt_at=None)
            )

    return pause


# --- real protocol peers ----------------------------------------------------------------


PEERS = Path(__file__).resolve().parent / "peers"


def load_peer_module(name: str) -> ModuleType:
    """Import tests/peers/<name>.py without putting tests/peers on sys.path."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PEERS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# --- OVH ---------------------------------------------------------------------------------


@pytest.fixture
def ovh_peer() -> Iterator[Any]:
    """A fresh OVH API peer (threaded HTTP server) per test."""
    ovh_server = load_peer_module("ovh_server")
    server = ovh_server.OvhServer()
    server.start()
    yield server
    server.stop()


# --- SMPP --------------------------------------------------------------------------------


class SmppPeer:
    """Handle on the node SMSC: its ports and its HTTP control API."""

    def __init__(self, process: subprocess.Popen[bytes], smpp_port: int, control_port: int):
        self.process = process
        self.port = smpp_port
        self.control_port = control_port
        self.system_id = "smsdesk"
        self.password = "smpp4711"

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.control_port}{path}", data=data, method=method
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def state(self, messages: bool = True) -> dict[str, Any]:
        return self._call("GET", "/state" + ("" if messages else "?messages=0"))  # type: ignore[no-any-return]

    def inject(self, **faults: Any) -> None:
        self._call("POST", "/inject", faults)

    def outcomes(self, rules: dict[str, dict[str, str]]) -> None:
        self._call("POST", "/outcomes", rules)

    def mo(self, source: str, text: str, dest: str = "ACME") -> None:
        """A phone answers: a mobile-originated deliver_sm to the bound client."""
        self._call("POST", "/mo", {"source": source, "dest": dest, "text": text})

    def reset(self) -> None:
        self._call("POST", "/reset", {})


def _ensure_node_modules() -> None:
    if (PEERS / "node_modules" / "smpp").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        missing_tool("npm is not installed: cannot install the SMPP peer")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=PEERS, check=True, capture_output=True
    )


@contextmanager
def running_smpp_peer() -> Iterator[SmppPeer]:
    """Start the node SMSC on loopback ports; stopped (stdin closed) on exit."""
    node = shutil.which("node")
    if node is None:
        missing_tool("node is not installed: the SMPP peer is a node script")
    assert node is not None
    _ensure_node_modules()
    process = subprocess.Popen(
        [node, "smpp_server.js", "--system-id", "smsdesk", "--password", "smpp4711"],
        cwd=PEERS,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.kill()
        pytest.fail("the SMPP peer did not start")
    ports = json.loads(line)
    try:
        yield SmppPeer(process, ports["smpp_port"], ports["control_port"])
    finally:
        assert process.stdin is not None
        process.stdin.close()  # the peer exits when its stdin closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def smpp_server() -> Iterator[SmppPeer]:
    with running_smpp_peer() as peer:
        yield peer


@pytest.fixture
def smpp_peer(smpp_server: SmppPeer) -> SmppPeer:
    """The session's SMSC, with its records and faults reset for this test."""
    smpp_server.reset()
    return smpp_server


# --- keyring -----------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend: the OS keyring is the edge we stand in for."""

    priority = 1  # type: ignore[assignment]
    viable = False  # a subclass registers itself: never keyring's own choice, only a test's

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
