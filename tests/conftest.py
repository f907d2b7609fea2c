"""Shared fixtures: every test gets its own data dir and a real SQLite file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'smsdesk.sqlite3'}"


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    built = build_services(db_url)
    yield built
    built.close()
