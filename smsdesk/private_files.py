"""Files and folders the app creates hold phone numbers and message texts: 0600 and 0700.

One place for it, used by the database, the simulator's ledger, the exports and the data
folder. SQLite gives a database's -wal, -shm and -journal files the mode of the database
file itself, so a private database file is enough for its companions.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as 0700, or tighten it if it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create an empty `path` as 0600 if it is missing, or tighten it if it exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        tighten(path, FILE_MODE)
    else:
        os.close(fd)
    return path


def open_private(path: Path, *, encoding: str, newline: str | None = None) -> IO[str]:
    """Open `path` for writing text, truncated, with mode 0600 whatever the umask (and
    whatever mode a leftover file of that name had)."""
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, "w", encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        raise


def tighten(path: Path, mode: int) -> None:
    """Drop the bits beyond `mode` (a file someone else owns is left as it is)."""
    with contextlib.suppress(OSError):
        current = path.stat().st_mode & 0o777
        if current & ~mode:
            path.chmod(current & mode)
