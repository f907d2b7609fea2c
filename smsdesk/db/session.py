"""Opening the database: engine with the right pragmas, schema upgraded, session factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.sqlite_file import BUSY_TIMEOUT_S, MIGRATIONS_DIR, known_revisions, sqlite_pragmas
from smsdesk.private_files import DIR_MODE, private_file

if TYPE_CHECKING:
    from alembic.config import Config


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
            connect_args={"timeout": BUSY_TIMEOUT_S} if is_sqlite else {},
        )
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(f"cannot use database URL: {exc}") from None
    if is_sqlite:
        event.listen(engine, "connect", sqlite_pragmas)
    if upgrade:
        upgrade_schema(engine)
    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


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
