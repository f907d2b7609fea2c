"""`history delete ID...` (`services/message_delete.py`): every message or none, through
`sqlite3` alone on a plain file, and the usual path whenever that one cannot answer."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from smsdesk.app import Services
from smsdesk.db import sqlite_file
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.message_delete import CHUNK, delete_all_or_none, delete_in_plain_file


def _seed(services: Services, count: int) -> list[int]:
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [
                {
                    "receiver": f"+336{n:08d}",
                    "sender": "MAIRIE",
                    "body": "Bonjour",
                    "parts": 1,
                    "tag": "",
                    "status": str(MessageStatus.DELIVERED),
                    "provider": "simulator",
                    "attempts": 1,
                }
                for n in range(count)
            ],
        )
    return _ids(services)


def _ids(services: Services) -> list[int]:
    with services.engine.connect() as connection:
        return [int(i) for i in connection.scalars(text("SELECT id FROM message ORDER BY id"))]


def _path(services: Services) -> Path:
    return Path(str(services.engine.url.database))


def test_every_one_or_none(services: Services):
    ids = _seed(services, CHUNK * 2 + 200)  # three statements
    assert len(ids) == 1_200
    missing = max(ids) + 7
    connection = sqlite3.connect(_path(services))
    try:
        # one missing, in the last statement: nothing deleted, the missing one named
        doomed = [*ids[:1_100], missing, ids[0]]
        assert delete_all_or_none(connection, doomed) == (0, [missing])
        assert _ids(services) == ids
        # the same ids twice count once
        assert delete_all_or_none(connection, [ids[5], ids[5], ids[9]]) == (2, [])
    finally:
        connection.close()
    assert _ids(services) == [i for i in ids if i not in (ids[5], ids[9])]


def test_the_plain_path_leaves_to_the_usual_one_what_it_cannot_answer(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    ids = _seed(services, 3)
    path = _path(services)
    assert delete_in_plain_file(f"sqlite:///{tmp_path / 'missing.sqlite3'}", ids) is None
    assert delete_in_plain_file("postgresql://u@127.0.0.1/db", ids) is None
    assert delete_in_plain_file(f"sqlite:///{path}?timeout=5", ids) is None
    # locked by another writer past the busy timeout: rolled back, the usual path says it
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_S", 0.05)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert delete_in_plain_file(f"sqlite:///{path}", ids) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _ids(services) == ids
    assert delete_in_plain_file(f"sqlite:///{path}", ids[:2]) == (2, [])
    assert _ids(services) == ids[2:]
    # an older schema: the engine's path migrates first
    with services.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert delete_in_plain_file(f"sqlite:///{path}", ids[2:]) is None


def _cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\nfrom smsdesk.cli import main\n"
        f"code = main({['--db', db_url, 'history', 'delete', *args]!r})\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(code)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_the_command_deletes_without_sqlalchemy(services: Services, db_url: str):
    ids = _seed(services, 4)
    missing = str(max(ids) + 1)
    refused = _cli(db_url, str(ids[0]), missing)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == f"smsdesk: error: no message with id {missing}"
    assert "sqlalchemy" not in refused.stderr.split()
    assert _ids(services) == ids
    done = _cli(db_url, str(ids[0]), str(ids[2]))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "2 message(s) deleted\n"
    assert "sqlalchemy" not in done.stderr.split()
    assert _ids(services) == [ids[1], ids[3]]
