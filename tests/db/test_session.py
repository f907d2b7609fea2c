import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from smsdesk.db.session import DatabaseError, make_engine


def test_new_file_is_private_and_in_wal(tmp_path: Path):
    path = tmp_path / "sub" / "db.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    engine.dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert {"campaign", "message", "recipient_list", "contact", "stop_list"} <= tables


def test_upgrade_is_idempotent(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    make_engine(url).dispose()
    make_engine(url).dispose()


def test_newer_database_is_refused_clearly(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    make_engine(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseError, match="newer smsdesk"):
        make_engine(f"sqlite:///{path}")


def test_unwritable_location(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="is a file"):
        make_engine(f"sqlite:///{blocker / 'db.sqlite3'}")


def test_not_a_database(tmp_path: Path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="cannot open the database"):
        make_engine(f"sqlite:///{path}")


def test_the_cheap_head_is_alembics_head():
    """upgrade_schema skips alembic when the stored revision is the head it reads from the
    file names: each file must be named after its revision and revise the one before."""
    from alembic.script import ScriptDirectory

    from smsdesk.db.session import _alembic_config, known_revisions

    script = ScriptDirectory.from_config(_alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]  # base first
    assert chain == known_revisions()
    assert script.get_heads() == [known_revisions()[-1]]


def test_an_older_database_is_upgraded_and_a_current_one_left_alone(tmp_path: Path):
    from alembic import command

    from smsdesk.db.session import _alembic_config, known_revisions

    path = tmp_path / "db.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    head, previous = known_revisions()[-1], known_revisions()[-2]
    cfg = _alembic_config()
    with engine.begin() as conn:  # the database as the release before this one left it
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, previous)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (previous,)
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
    engine.dispose()
