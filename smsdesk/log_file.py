"""The window's log file: `smsdesk.log` in the user log dir, rotated, private (0600 in a
0700 folder). Help > Open the log shows it.

Nothing secret is ever logged (the gateways and their errors never carry a secret, see
tests/services/test_secrets_never_leak.py); this handler adds no context of its own.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from smsdesk import config
from smsdesk.private_files import FILE_MODE, private_dir, private_file

LOG_NAME = "smsdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # smsdesk.log.1 … .3: a few days of a busy window
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler whose files, the rotated ones too, are created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed: returns a TextIO
        private_file(Path(self.baseFilename))
        return super()._open()

    def doRollover(self) -> None:
        super().doRollover()
        for index in range(1, self.backupCount + 1):
            rotated = f"{self.baseFilename}.{index}"
            if os.path.exists(rotated):
                os.chmod(rotated, FILE_MODE)


def log_path() -> Path:
    return config.log_dir() / LOG_NAME


def install_log_file(level: int = logging.INFO) -> Path:
    """Send the root logger's records at `level` and above to the log file; returns its path.
    Called once by the window (installing twice keeps one handler)."""
    path = log_path()
    private_dir(path.parent)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, PrivateRotatingFileHandler) and handler.baseFilename == str(path):
            return path
    handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def remove_log_file() -> None:
    """Close and detach the handler (tests; the window at exit)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
