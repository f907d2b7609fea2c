"""The command line's plain listing without SQLAlchemy (`services/history_newest.py`): the
same statement History builds, the same rows, and the usual path whenever it cannot answer."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.dialects import sqlite

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.db.sqlite_file import known_revisions, plain_file
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.history_newest import NEWEST_SQL, newest_rows
from smsdesk.services.history_query import HistoryFilter, SortKey, rows_statement

T0 = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)


def _words(sql: str) -> str:
    return " ".join(sql.split())


def test_the_statement_is_the_one_history_builds():
    built = rows_statement(HistoryFilter(), SortKey(), "sqlite").compile(
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    assert _words(NEWEST_SQL) == _words(str(built)), (
        "History's statement changed: set history_newest.NEWEST_SQL to\n" + _words(str(built))
    )


def _seed(services: Services) -> None:
    """Every case the statement decides: cancelled (hidden), a campaign not started
    (hidden), a started one, no campaign, no sending instant yet, two messages sent in
    the same microsecond (id breaks the tie), NULLs in every nullable column."""
    with services.sessions.begin() as session:
        scheduled = Campaign(
            name="Plus tard", body="x", encoding="GSM-7", segments=1, status="scheduled"
        )
        draft = Campaign(name="Brouillon", body="x", encoding="GSM-7", segments=1, status="draft")
        sending = Campaign(
            name="En cours", body="x", encoding="GSM-7", segments=1, status="sending"
        )
        session.add_all([scheduled, draft, sending])
        session.flush()
        ids = {"scheduled": scheduled.id, "draft": draft.id, "sending": sending.id, None: None}
        rows = [
            ("+33612345678", MessageStatus.DELIVERED, None, 0, 5.0, "20801"),
            ("+33698765432", MessageStatus.FAILED, "sending", 1, None, None),
            ("+33781223344", MessageStatus.CANCELLED, None, 2, 1.0, None),
            ("+33611111111", MessageStatus.QUEUED, "scheduled", None, None, None),
            ("+33622222222", MessageStatus.QUEUED, "draft", None, None, None),
            ("+33633333333", MessageStatus.QUEUED, None, None, None, None),
            ("+33644444444", MessageStatus.SUBMITTED, "sending", 3, 0.5, "20810"),
            ("+33655555555", MessageStatus.DELIVERED, "sending", 3, 1.0, "20815"),
        ]
        session.execute(
            insert(Message),
            [
                {
                    "receiver": receiver,
                    "sender": "MAIRIE",
                    "body": f"Message {n}\nligne 2 é",
                    "status": status,
                    "campaign_id": ids[campaign],
                    "created_at": T0 + timedelta(minutes=n),
                    "submitted_at": None if hours is None else T0 + timedelta(hours=hours),
                    "delivered_at": T0 + timedelta(hours=5)
                    if status is MessageStatus.DELIVERED
                    else None,
                    "credits": credits,
                    "operator_code": operator,
                    "ptt": 4 if status is MessageStatus.DELIVERED else None,
                    "dlr": 1 if status is MessageStatus.DELIVERED else None,
                    "tag": "t",
                }
                for n, (receiver, status, campaign, hours, credits, operator) in enumerate(rows)
            ],
        )


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_the_rows_are_history_s_rows(services: Services, db_url: str, limit: int):
    _seed(services)
    expected = [
        replace(row, campaign_name=None)  # the listing shows no campaign names
        for row in services.history.page(HistoryFilter(), SortKey(), 0, limit)
    ]
    assert newest_rows(db_url, limit) == expected
    assert len(expected) == min(limit, 5)


def test_the_order_is_worked_out_by_hand(services: Services, db_url: str):
    _seed(services)
    got = newest_rows(db_url, 100)
    assert got is not None
    # 8 messages less the cancelled one and the two of campaigns not started; the two
    # sent at hour 3 newest id first; no sending instant yet last (SQLite sorts NULL low)
    assert [r.receiver for r in got] == [
        "+33655555555",
        "+33644444444",
        "+33698765432",
        "+33612345678",
        "+33633333333",
    ]
    first = got[0]
    assert first.submitted_at == T0 + timedelta(hours=3)
    assert first.delivered_at == T0 + timedelta(hours=5)
    assert first.status is MessageStatus.DELIVERED
    assert (first.operator, first.credits, first.campaign_id is not None) == (
        "Free Mobile",
        1.0,
        True,
    )
    assert got[-1].submitted_at is None and got[-1].created_at == T0 + timedelta(minutes=5)


def test_it_leaves_to_the_usual_path_what_it_cannot_answer(services: Services, tmp_path: Path):
    assert newest_rows(f"sqlite:///{tmp_path / 'missing.sqlite3'}", 10) is None
    assert not (tmp_path / "missing.sqlite3").exists()  # nothing created
    assert newest_rows("sqlite://", 10) is None
    assert newest_rows("sqlite:///:memory:", 10) is None
    assert newest_rows("postgresql://u@127.0.0.1/db", 10) is None
    path = Path(str(services.engine.url.database))
    assert newest_rows(f"sqlite:///{path}?timeout=5", 10) is None
    assert newest_rows(f"sqlite:///{path}", 10) == []
    # a schema older (or newer) than the code's: the engine's path migrates or refuses
    with services.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "0001"})
    assert newest_rows(f"sqlite:///{path}", 10) is None
    # not an smsdesk database at all
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()
    assert newest_rows(f"sqlite:///{other}", 10) is None


def test_plain_file_urls():
    assert plain_file("sqlite:////abs/db.sqlite3") == Path("/abs/db.sqlite3")
    assert plain_file("sqlite:///rel.sqlite3") == Path("rel.sqlite3")
    assert plain_file("sqlite+pysqlite:///x") is None
    # SQLAlchemy decodes %-escapes ("%20" is a space): the engine's path reads such a file
    assert plain_file("sqlite:////abs/my%20db.sqlite3") is None


def test_the_plain_listing_keeps_the_file_private(services: Services):
    path = Path(str(services.engine.url.database))
    path.chmod(0o644)  # copied or restored by hand, say
    assert newest_rows(f"sqlite:///{path}", 10) == []
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_full_disk_under_the_plain_listing_is_one_line(services: Services, db_url: str):
    _seed(services)
    code = (
        "import sys\nfrom smsdesk.cli import main\n"
        "sys.stdout = open('/dev/full', 'w', buffering=1)\n"
        f"sys.exit(main({['--db', db_url, 'history', 'list', '--limit', '4']!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    said = done.stderr.strip().splitlines()
    assert said[0] == "smsdesk: error: [Errno 28] No space left on device"
    assert "-vv" not in done.stderr
    assert known_revisions()[-1].isdigit()


def _run_cli(args: list[str], db_url: str) -> tuple[str, set[str]]:
    code = (
        "import sys\nfrom smsdesk.cli import main\n"
        f"code = main({['--db', db_url, *args]!r})\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))\nsys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout, set(done.stderr.split())


def test_the_plain_listing_does_not_import_sqlalchemy_and_says_the_same(
    services: Services, db_url: str
):
    _seed(services)
    plain, loaded = _run_cli(["history", "list", "--json", "--limit", "4"], db_url)
    assert "sqlalchemy" not in loaded
    # the same listing through History's query (a filter every message passes)
    filtered, loaded = _run_cli(
        ["history", "list", "--json", "--limit", "4", "--sender", "MAIRIE"], db_url
    )
    assert "sqlalchemy" in loaded
    assert json.loads(plain) == json.loads(filtered)
    assert [m["receiver"] for m in json.loads(plain)] == [
        "+33655555555",
        "+33644444444",
        "+33698765432",
        "+33612345678",
    ]
    text_plain, _ = _run_cli(["history", "list", "--limit", "2"], db_url)
    assert text_plain.splitlines()[0].split()[3] == "+33655555555"
