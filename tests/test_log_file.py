"""The window's log: in the user log dir, rotated, 0600 files in a 0700 folder."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from smsdesk import config
from smsdesk.log_file import BACKUPS, MAX_BYTES, install_log_file, log_path, remove_log_file


@pytest.fixture
def log_file() -> Iterator[Path]:
    path = install_log_file()
    yield path
    remove_log_file()


def test_the_log_is_private_in_the_log_dir(log_file: Path, isolated_data_dir: Path):
    assert log_file == log_path() == config.log_dir() / "smsdesk.log"
    assert log_file.parent == isolated_data_dir / "log"  # tests: inside SMSDESK_DATA_DIR
    logging.getLogger("smsdesk.test").warning("a line for the log")
    assert "a line for the log" in log_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_installing_twice_keeps_one_handler(log_file: Path):
    install_log_file()
    logging.getLogger("smsdesk.test").warning("once")
    assert log_file.read_text(encoding="utf-8").count("once") == 1


def test_the_log_rotates_and_its_old_files_stay_private(log_file: Path):
    line = "x" * 1000
    for _ in range((MAX_BYTES // 1000) * (BACKUPS + 2)):
        logging.getLogger("smsdesk.test").warning(line)
    rotated = sorted(log_file.parent.glob("smsdesk.log.*"))
    assert [p.name for p in rotated] == [f"smsdesk.log.{n}" for n in range(1, BACKUPS + 1)]
    for path in (log_file, *rotated):
        assert path.stat().st_size <= MAX_BYTES + 2000
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_platform_log_dir_without_overrides(monkeypatch: pytest.MonkeyPatch):
    import platformdirs

    monkeypatch.delenv("SMSDESK_DATA_DIR")
    monkeypatch.delenv("SMSDESK_LOG_DIR", raising=False)
    assert config.log_dir() == Path(platformdirs.user_log_dir("smsdesk", appauthor=False))
    monkeypatch.setenv("SMSDESK_LOG_DIR", "/somewhere/else")
    assert config.log_dir() == Path("/somewhere/else")
