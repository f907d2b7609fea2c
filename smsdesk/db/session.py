"""Opening the database: engine with the right pragmas, schema upgraded, session factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.private_files import DIR_MODE, private_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is one line for the user."""


def _prepare_sqlite_file(url: str) -> None:
    """Create the file (mode 0600) and its folder, or say clearly why we cannot."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return
    path = Path(database)
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


def _at_numbered_head(engine: Engine) -> bool:
    """Whether the database is at the newest numbered migration file ("0008_....py"). A
    False is only a "look closer": alembic then decides."""
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    if not names:
        return False
    try:
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except SQLAlchemyError:
        return False
    return [row[0] for row in found] == [names[-1][:4]]


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the code's head; refuse a database made by a newer smsdesk."""
    if _at_numbered_head(engine):
        return  # the usual case, without loading alembic and every migration (CLI startup)
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
            unknown = [rev for rev in current if rev not in known]
            if unknown:
                raise DatabaseError(
                    f"the database was written by a newer smsdesk (schema {', '.join(unknown)}); "
                    "update smsdesk to open it"
                )
            if set(current) == set(script.get_heads()):
                return
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
