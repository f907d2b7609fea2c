"""Opening the database: engine with the right pragmas, schema upgraded, session factory."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.private_files import DIR_MODE, private_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# every migration file is named after its revision ("0008_change_notifications.py" is
# revision "0008", each revising the one before): the head is known without alembic
REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is one line for the user."""


def in_memory(url: str | URL) -> bool:
    """An SQLite database in memory: no other process (nor connection) can open it."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def _prepare_sqlite_file(url: str) -> None:
    """Create the file (mode 0600) and its folder, or say clearly why we cannot."""
    if in_memory(url):
        return
    path = Path(str(make_url(url).database))
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise DatabaseError(f"cannot create the database file {path}: {parent} is a file")
            break
    try:
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(f"cannot write the database file {path}: permission denied")
        # the history holds phone numbers: keep it private to the user (-wal/-shm follow)
        private_file(path)
    except OSError as exc:
        raise DatabaseError(f"cannot create the database file {path}: {exc.strerror}") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no commit
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk inserts into unique indexes
    cursor.close()


def make_engine(url: str, *, upgrade: bool = True) -> Engine:
    """Engine for `url`, schema upgraded to the code's head unless upgrade=False."""
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        _prepare_sqlite_file(url)
    try:
        engine = create_engine(
            url,
            future=True,
            pool_pre_ping=not is_sqlite,
            # SQLite: we manage transactions ourselves (BEGIN IMMEDIATE for claims)
            connect_args={"timeout": 30} if is_sqlite else {},
        )
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(f"cannot use database URL: {exc}") from None
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    if upgrade:
        upgrade_schema(engine)
    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> list[str]:
    """The code's revisions in order, read from the migration file names (no alembic)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return sorted(m.group(1) for name in names if (m := REVISION_FILE.match(name)))


def stored_revisions(engine: Engine) -> set[str] | None:
    """What alembic_version says, or None when the table is not there (a new database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the code's head; refuse a database made by a newer smsdesk.

    The stored revision is compared with the head first (one small query): alembic is
    imported and run only when they differ, so a start on an up-to-date database is cheap."""
    known = known_revisions()
    try:
        current = stored_revisions(engine)
        if current is not None:
            unknown = sorted(rev for rev in current if rev not in known)
            if unknown:
                raise DatabaseError(
                    f"the database was written by a newer smsdesk (schema {', '.join(unknown)}); "
                    "update smsdesk to open it"
                )
            if current == {known[-1]}:
                return
        from alembic import command

        cfg = _alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except DatabaseError:
        raise
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None)
        reason = str(orig) if orig is not None else str(exc).splitlines()[0]
        raise DatabaseError(f"cannot open the database: {reason}") from None


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
