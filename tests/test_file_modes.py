"""Every file and folder smsdesk creates is the user's alone: 0600 files, a 0700 data dir,
whatever the umask (numbers and texts are in all of them)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from smsdesk.app import build_services
from smsdesk.providers.base import OutgoingSms
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.history import HistoryFilter


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask 022", "umask 000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def test_data_dir_is_created_0700(umask: int, isolated_data_dir: Path, db_url: str):
    assert not isolated_data_dir.exists()
    build_services(db_url).close()
    assert mode(isolated_data_dir) == 0o700


def test_data_dir_is_tightened_at_start(umask: int, isolated_data_dir: Path, db_url: str):
    isolated_data_dir.mkdir(mode=0o755)
    os.chmod(isolated_data_dir, 0o755)
    build_services(db_url).close()
    assert mode(isolated_data_dir) == 0o700


def test_database_and_its_wal_and_shm_are_0600(umask: int, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'db' / 'smsdesk.sqlite3'}"
    services = build_services(url)
    try:
        services.demo.seed(10)
        files = [tmp_path / "db" / f"smsdesk.sqlite3{suffix}" for suffix in ("", "-wal", "-shm")]
        assert all(f.exists() for f in files)
        assert [mode(f) for f in files] == [0o600] * 3
        assert mode(tmp_path / "db") == 0o700  # a folder it had to create
    finally:
        services.close()


def test_an_existing_database_is_tightened(tmp_path: Path):
    db = tmp_path / "old.sqlite3"
    build_services(f"sqlite:///{db}").close()
    os.chmod(db, 0o644)
    build_services(f"sqlite:///{db}").close()
    assert mode(db) == 0o600


def test_simulator_ledger_and_its_wal_and_shm_are_0600(umask: int, tmp_path: Path):
    ledger = tmp_path / "sim" / "simulator-ledger.sqlite3"
    provider = SimulatorProvider(ledger, delivery_delay=0)
    provider.submit([OutgoingSms(1, "+33612345678", "", "Bonjour")], batch_ref="b1")
    files = [ledger, ledger.with_name(ledger.name + "-wal"), ledger.with_name(ledger.name + "-shm")]
    assert all(f.exists() for f in files)
    assert [mode(f) for f in files] == [0o600] * 3
    assert mode(ledger.parent) == 0o700
    provider.close()


def test_an_existing_ledger_is_tightened(tmp_path: Path):
    ledger = tmp_path / "simulator-ledger.sqlite3"
    SimulatorProvider(ledger).close()
    os.chmod(ledger, 0o644)
    SimulatorProvider(ledger).close()
    assert mode(ledger) == 0o600


def test_the_ledger_the_app_uses_is_0600(umask: int, isolated_data_dir: Path, db_url: str):
    services = build_services(db_url)
    try:
        provider = services.provider("simulator")
        provider.submit([OutgoingSms(1, "+33612345678", "", "x")], batch_ref="b")
        ledgers = list(isolated_data_dir.glob("*ledger*"))
        assert ledgers and {mode(f) for f in ledgers} == {0o600}
        provider.close()
    finally:
        services.close()


def test_history_export_is_0600(umask: int, services, tmp_path: Path):
    services.demo.seed(5)
    out = tmp_path / "export.csv"
    leftover = out.with_name(out.name + ".part")
    leftover.write_text("old")
    os.chmod(leftover, 0o666)  # a leftover of a crashed export, world-writable
    assert services.history.export_csv(HistoryFilter(), out) == 5
    assert mode(out) == 0o600
    again = tmp_path / "selection.csv"
    assert services.history.export_csv(HistoryFilter(), again, ids=[1, 2]) == 2
    assert mode(again) == 0o600


def test_rejected_lines_file_is_0600(umask: int, tmp_path: Path):
    from smsdesk.domain.phone import Rejection
    from smsdesk.services.recipients import RejectedRow, save_rejected_csv

    out = tmp_path / "rejected.csv"
    out.write_text("old")
    os.chmod(out, 0o644)  # written over: the old mode does not stay
    rows = [RejectedRow(2, "0612", Rejection.INVALID, "too short")]
    assert save_rejected_csv(rows, out) == 1
    assert mode(out) == 0o600
