from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.history import (
    HistoryFilter,
    SortColumn,
    SortKey,
    StatusGroup,
    neutralise_cell,
    receiver_pattern,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _seed(services: Services) -> None:
    rows = [
        ("+33612345678", "MAIRIE", "Bonjour", MessageStatus.DELIVERED, 4, 1),
        ("+33698765432", "MAIRIE", 'Réunion; salle "B"\nà 14h', MessageStatus.FAILED, 23, 2),
        ("+33781223344", "CABINET", "=cmd|' /C calc'!A0", MessageStatus.SUBMITTED, 3, 0),
        ("+447700900123", "SHOP", "Hello", MessageStatus.CANCELLED, None, None),
    ]
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [
                {
                    "receiver": receiver,
                    "sender": sender,
                    "body": body,
                    "status": status,
                    "ptt": ptt,
                    "dlr": dlr,
                    "created_at": T0 + timedelta(hours=i),
                    "tag": "t",
                }
                for i, (receiver, sender, body, status, ptt, dlr) in enumerate(rows)
            ],
        )


def test_receiver_pattern():
    assert receiver_pattern("0612") == "+33612%"
    assert receiver_pattern("+33 6 12") == "+33612%"
    assert receiver_pattern("0033 6") == "+336%"
    assert receiver_pattern("5678") == "%5678%"
    assert receiver_pattern("abc") is None


def test_filters(services: Services):
    _seed(services)
    history = services.history
    assert history.count(HistoryFilter()) == 4
    assert history.count(HistoryFilter(receiver="06 12")) == 1
    assert history.count(HistoryFilter(receiver="+33 6")) == 2
    assert history.count(HistoryFilter(sender="mair")) == 2
    assert history.count(HistoryFilter(status=StatusGroup.FAILED)) == 1
    assert history.count(HistoryFilter(status=StatusGroup.PENDING)) == 1
    assert history.count(HistoryFilter(since=T0 + timedelta(hours=1))) == 3
    assert history.count(HistoryFilter(until=T0 + timedelta(hours=1))) == 1
    assert history.count(HistoryFilter(text="salle")) == 1
    assert history.count(HistoryFilter(text="100%")) == 0


def test_pages_sort_in_sql(services: Services):
    _seed(services)
    newest = services.history.page(HistoryFilter(), SortKey(), 0, 2)
    assert [r.receiver for r in newest] == ["+447700900123", "+33781223344"]
    by_receiver = services.history.page(
        HistoryFilter(), SortKey(SortColumn.RECEIVER, descending=False), 1, 10
    )
    assert [r.receiver for r in by_receiver] == ["+33698765432", "+33781223344", "+447700900123"]
    assert by_receiver[0].status is MessageStatus.FAILED


def test_delete(services: Services):
    _seed(services)
    ids = [r.id for r in services.history.page(HistoryFilter(), SortKey(), 0, 2)]
    assert services.history.delete(ids) == 2
    assert services.history.count(HistoryFilter()) == 2
    assert services.history.delete_matching(HistoryFilter(sender="MAIRIE")) == 2
    with services.sessions() as session:
        assert session.scalars(select(Message)).all() == []


def test_export_bytes(services: Services, tmp_path: Path):
    _seed(services)
    out = tmp_path / "export.csv"
    assert services.history.export_csv(HistoryFilter(), out, tz=UTC) == 4
    expected = (
        "\ufeffid;date;sender;receiver;ptt;operatorCode;descriptionDlr;tag;message\r\n"
        "4;2026-03-01 15:00:00;SHOP;+447700900123;;;Cancelled;t;Hello\r\n"
        "3;2026-03-01 14:00:00;CABINET;+33781223344;3;;Pending;t;'=cmd|' /C calc'!A0\r\n"
        '2;2026-03-01 13:00:00;MAIRIE;+33698765432;23;;Failed;t;"Réunion; salle ""B""\nà 14h"\r\n'
        "1;2026-03-01 12:00:00;MAIRIE;+33612345678;4;;Delivered;t;Bonjour\r\n"
    )
    assert out.read_bytes() == expected.encode("utf-8")
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("+33612345678", "+33612345678"),
        ("=1+1", "'=1+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("+ok", "'+ok"),
        ("plain", "plain"),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise_cell(cell) == expected
