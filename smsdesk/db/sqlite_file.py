"""What smsdesk knows about its SQLite files without SQLAlchemy: the connection pragmas,
the schema revisions, how a datetime is stored, which file a URL names.

The engine (`db.session`) uses these, and so does the command line's plain listing
(`services.history_newest`), which reads the file through `sqlite3` alone because
importing SQLAlchemy takes longer than the listing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from smsdesk.private_files import FILE_MODE, tighten

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# every migration file is named after its revision ("0008_change_notifications.py" is
# revision "0008", each revising the one before): the head is known without alembic
REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")
PLAIN_FILE_URL = "sqlite:///"
BUSY_TIMEOUT_S = 30


def sqlite_pragmas(dbapi_connection: Any, _record: Any = None) -> None:
    """Every connection to an SQLite file, whoever opens it."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no commit
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk inserts into unique indexes
    cursor.close()


def known_revisions() -> list[str]:
    """The code's revisions in order, read from the migration file names (no alembic)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return sorted(m.group(1) for name in names if (m := REVISION_FILE.match(name)))


def utc_from_text(value: str) -> datetime:
    """A datetime as SQLite holds it (naive UTC text, `models.UTCDateTime`), aware."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def plain_file(url: str) -> Path | None:
    """The file of a `sqlite:///PATH` URL without options; None for anything else (another
    database, memory, a URL with a query, a driver name or a %-escape, which SQLAlchemy
    decodes: the engine's path reads those)."""
    if not url.startswith(PLAIN_FILE_URL) or "?" in url or "%" in url:
        return None
    path = url[len(PLAIN_FILE_URL) :]
    return Path(path) if path not in ("", ":memory:") else None


T = TypeVar("T")


def on_current_file(db_url: str, work: Callable[[sqlite3.Connection], T]) -> T | None:
    """`work(connection)` on the plain SQLite file of `db_url` when its schema is the
    code's head, through `sqlite3` alone (the pragmas set); None when this path cannot
    answer (another database, a missing file or one to migrate, not an smsdesk database,
    any sqlite3 error such as a lock held past the timeout): the engine's path then says
    what is wrong, or does it."""
    path = plain_file(db_url)
    if path is None or not path.is_file():
        return None
    tighten(path, FILE_MODE)  # as the engine's path does: the history holds phone numbers
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        sqlite_pragmas(connection)
        stored = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
        if stored != {known_revisions()[-1]}:
            return None
        return work(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()
