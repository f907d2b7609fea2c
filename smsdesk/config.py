"""Where smsdesk keeps its data and how it finds its database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from smsdesk.private_files import private_dir

APP_NAME = "smsdesk"
DB_FILENAME = "smsdesk.sqlite3"


def data_dir() -> Path:
    """The user data dir (SMSDESK_DATA_DIR overrides it, for tests and portable installs)."""
    override = os.environ.get("SMSDESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The user log dir (Linux ~/.local/state/smsdesk/log); SMSDESK_LOG_DIR overrides it,
    and with SMSDESK_DATA_DIR set (tests, portable installs) it is that folder's `log`."""
    override = os.environ.get("SMSDESK_LOG_DIR")
    if override:
        return Path(override)
    if os.environ.get("SMSDESK_DATA_DIR"):
        return data_dir() / "log"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def ensure_data_dir() -> Path:
    """The data dir, created 0700 or tightened to it (it holds the database, the
    simulator's ledger and the window state: numbers and texts)."""
    return private_dir(data_dir())


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / DB_FILENAME}"


def resolve_db_url(cli_value: str | None) -> str:
    """--db wins, then SMSDESK_DB, then the file in the user data dir."""
    return cli_value or os.environ.get("SMSDESK_DB") or default_db_url()


@dataclass(frozen=True)
class Settings:
    db_url: str
    provider: str = "simulator"

    @classmethod
    def load(cls, db_url: str | None = None) -> Settings:
        return cls(
            db_url=resolve_db_url(db_url),
            provider=os.environ.get("SMSDESK_PROVIDER", "simulator"),
        )
