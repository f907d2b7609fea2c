from __future__ import annotations

import csv
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, insert, select, text

from smsdesk.app import Services, build_services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import MessageStatus
from smsdesk.providers.base import OutgoingSms, PermanentError
from smsdesk.providers.simulator import SimulatorProvider
from smsdesk.services.history import (
    INDEXED_SORTS,
    Cancelled,
    DatePreset,
    ExportCancelled,
    HistoryFilter,
    HistoryService,
    SortColumn,
    SortKey,
    StatusGroup,
    _LocalTimes,
    date_range,
    merge_ranges,
    neutralise_cell,
    receiver_pattern,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")
EXPECTED_EXPORT = Path(__file__).parent.parent / "data" / "history_export_expected.csv"


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
                    "submitted_at": None
                    if status is MessageStatus.CANCELLED
                    else T0 + timedelta(hours=i),
                    "tag": "t",
                }
                for i, (receiver, sender, body, status, ptt, dlr) in enumerate(rows)
            ],
        )


def _export_fixture(services: Services) -> None:
    """The history of the expected export: every quoting and neutralising case, and
    dates on both sides of the spring DST change in Paris (2026-03-29 01:00 UTC)."""
    with services.sessions.begin() as session:
        campaign = Campaign(
            name="Printemps",
            body="x",
            encoding="GSM-7",
            segments=1,
            status="done",
            tag="printemps",
            created_at=T0,
        )
        session.add(campaign)
        session.flush()
        rows = [
            ("+33612345678", "MAIRIE", "Bonjour", "delivered", 4, 1, "20801", T0),
            (
                "+33698765432",
                "MAIRIE",
                'Réunion; salle "B"\nà 14h',
                "failed",
                24,
                2,
                None,
                datetime(2026, 3, 29, 0, 59, 59, 900000, tzinfo=UTC),
            ),
            (
                "+33781223344",
                "CABINET",
                '=HYPERLINK("http://x")',
                "submitted",
                3,
                0,
                "20810",
                datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC),
            ),
            ("+447700900123", "@SHOP", "-5% ce soir 🎉", "cancelled", None, None, None, T0),
            ("+33612000000", "+ASSO", "+33 6 est un numéro", "expired", 8, 2, "20815", T0),
            ("+33612000001", "", "Ligne 1\r\nLigne 2", "unknown", None, None, None, T0),
        ]
        session.execute(
            insert(Message),
            [
                {
                    "campaign_id": campaign.id,
                    "receiver": receiver,
                    "sender": sender,
                    "body": body,
                    "status": status,
                    "ptt": ptt,
                    "dlr": dlr,
                    "operator_code": operator,
                    "created_at": created - timedelta(minutes=5),
                    "submitted_at": None if status == "cancelled" else created,
                    "tag": "printemps" if i % 2 else "@tag",
                }
                for i, (receiver, sender, body, status, ptt, dlr, operator, created) in enumerate(
                    rows
                )
            ],
        )


def _csv_ids(path: Path) -> list[int]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return [int(row[0]) for row in rows[1:]]


def test_receiver_pattern():
    assert receiver_pattern("0612") == "+33612%"
    assert receiver_pattern("+33 6 12") == "+33612%"
    assert receiver_pattern("0033 6") == "+336%"
    assert receiver_pattern("06.12.34") == "+3361234%"
    assert receiver_pattern("5678") == "%5678%"
    assert receiver_pattern("abc") is None
    # the region's own country code and trunk prefix, through the one phone normaliser
    assert receiver_pattern("07700 900123", region="GB") == "+447700900123%"
    assert receiver_pattern("0470 12", region="BE") == "+3247012%"
    assert receiver_pattern("0612", region="BE") == "+32612%"


def test_export_columns_are_one_table():
    from smsdesk.services.history_export import EXPORT_COLUMNS, EXPORT_HEADER

    assert EXPORT_HEADER == tuple(c.header for c in EXPORT_COLUMNS) == (
        "id", "date", "sender", "receiver", "ptt", "operatorCode", "descriptionDlr", "tag",
        "message",
    )  # fmt: skip


def test_filters(services: Services):
    _seed(services)
    history = services.history
    assert history.count(HistoryFilter()) == 3  # the cancelled one only when asked
    assert history.count(HistoryFilter(receiver="06 12")) == 1
    assert history.count(HistoryFilter(receiver="+33 6")) == 2
    assert history.count(HistoryFilter(receiver="0033 7 81")) == 1
    assert history.count(HistoryFilter(receiver="5432")) == 1  # anywhere in the number
    assert history.count(HistoryFilter(receiver="44")) == 1
    assert history.count(HistoryFilter(receiver="44", status=StatusGroup.CANCELLED)) == 1
    # a national number is read as the region writes it
    assert history.count(HistoryFilter(receiver="07700 900123", region="GB")) == 0
    assert (
        history.count(
            HistoryFilter(receiver="07700 900123", region="GB", status=StatusGroup.CANCELLED)
        )
        == 1
    )
    assert history.count(HistoryFilter(sender="mair")) == 2
    assert history.count(HistoryFilter(status=StatusGroup.FAILED)) == 1
    assert history.count(HistoryFilter(status=StatusGroup.PENDING)) == 1
    assert history.count(HistoryFilter(status=StatusGroup.CANCELLED)) == 1
    assert history.count(HistoryFilter(status=StatusGroup.DELIVERED)) == 1
    assert history.count(HistoryFilter(since=T0 + timedelta(hours=1))) == 2  # when sent
    assert history.count(HistoryFilter(until=T0 + timedelta(hours=1))) == 1
    assert history.count(HistoryFilter(text="salle")) == 1
    assert history.count(HistoryFilter(text="REUNION")) == 1  # accents and case ignored
    assert history.count(HistoryFilter(text="réunion; SALLE")) == 1
    assert history.count(HistoryFilter(text="100%")) == 0
    assert history.count(HistoryFilter(text="[*?")) == 0
    assert history.count(HistoryFilter(tag="t")) == 3
    assert history.count(HistoryFilter(tag="t", sender="shop")) == 0
    assert history.count(HistoryFilter(tag="t", sender="shop", status=StatusGroup.CANCELLED)) == 1
    assert history.count(HistoryFilter(campaign_id=1)) == 0


def test_number_prefix_range_carries_over_nines(services: Services):
    """On SQLite a prefix is also an index range; +33699 must end before +337."""
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [
                {"receiver": r, "body": "x", "status": "delivered", "created_at": T0}
                for r in ("+33699000000", "+33699999999", "+33700000000", "+33698999999")
            ],
        )
    assert services.history.count(HistoryFilter(receiver="06 99")) == 2
    assert services.history.count(HistoryFilter(receiver="+33 6 9")) == 3
    assert services.history.count(HistoryFilter(receiver="+3 3")) == 4


def test_pages_sort_in_sql(services: Services):
    _seed(services)
    newest = services.history.page(HistoryFilter(), SortKey(), 0, 2)
    assert [r.receiver for r in newest] == ["+33781223344", "+33698765432"]  # last sent first
    by_receiver = services.history.page(
        HistoryFilter(), SortKey(SortColumn.RECEIVER, descending=False), 1, 10
    )
    assert [r.receiver for r in by_receiver] == ["+33698765432", "+33781223344"]
    assert by_receiver[0].status is MessageStatus.FAILED


@pytest.mark.parametrize("column", list(SortColumn))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    "flt",
    [
        HistoryFilter(),
        HistoryFilter(receiver="+33 6"),
        HistoryFilter(since=datetime.now(UTC) - timedelta(days=120), text="e"),
    ],
)
def test_snapshot_pages_match_plain_sql(
    services: Services, column: SortColumn, descending: bool, flt: HistoryFilter
):
    """Whichever way a snapshot reads its pages (along the index from either end, or by
    sorted ids), row n is row n of the plain ORDER BY ... OFFSET query."""
    services.demo.seed(530)
    order = SortKey(column, descending)
    expected = [r.id for r in services.history.page(flt, order, 0, 10_000)]
    result = services.history.open_result(flt, order, page_size=40)
    assert result.count == len(expected)
    # the demo has cancelled messages: hidden, so even the whole history is read by ids
    assert result.ids is not None
    assert [r.id for r in result.first_page if r] == expected[:40]
    seen = []
    for start in range(0, result.count, 77):
        seen.extend(r.id for r in services.history.result_page(result, start, 77) if r)
    assert seen == expected
    # scrolling down from the previous page, and up from the next one
    pages = [services.history.result_page(result, 0, 50)]
    while sum(len(p) for p in pages) < result.count:
        start = sum(len(p) for p in pages)
        pages.append(services.history.result_page(result, start, 50, after=pages[-1][-1]))
    assert [r.id for p in pages for r in p if r] == expected
    last = (result.count - 1) // 50 * 50
    pages = [services.history.result_page(result, last, 50)]
    for start in range(last - 50, -1, -50):
        pages.insert(0, services.history.result_page(result, start, 50, before=pages[0][0]))
    assert [r.id for p in pages for r in p if r] == expected
    assert services.history.result_ids(result, 100, 180) == expected[100:180]
    assert services.history.rows_ids(result, [(5, 9), (0, 3), (7, 12)]) == (
        expected[0:3] + expected[5:12]
    )


@pytest.mark.parametrize("column", sorted(INDEXED_SORTS))
def test_whole_history_with_nothing_hidden_walks_the_index(services: Services, column):
    services.demo.seed(530)
    with services.sessions.begin() as session:
        session.execute(delete(Message).where(Message.status == "cancelled"))
    order = SortKey(column, True)
    expected = [r.id for r in services.history.page(HistoryFilter(), order, 0, 10_000)]
    result = services.history.open_result(HistoryFilter(), order, page_size=40)
    assert result.ids is None and result.count == len(expected)
    pages = [services.history.result_page(result, 0, 50)]
    while sum(len(p) for p in pages) < result.count:
        start = sum(len(p) for p in pages)
        pages.append(services.history.result_page(result, start, 50, after=pages[-1][-1]))
    assert [r.id for p in pages for r in p if r] == expected
    assert services.history.result_ids(result, 400, 480) == expected[400:480]


def test_scheduled_campaigns_are_not_history(services: Services):
    from smsdesk.services.campaigns import CampaignRequest

    services.demo.seed(20)
    before = services.history.count(HistoryFilter())
    later = datetime.now(UTC) + timedelta(days=2)
    created = services.campaigns.create(
        CampaignRequest(body="Bientôt", receivers=["0612345678"], scheduled_at=later)
    )
    assert services.history.count(HistoryFilter()) == before
    assert services.history.count(HistoryFilter(status=StatusGroup.PENDING)) == 0
    assert created.id not in {c.id for c in services.history.campaign_choices()}
    result = services.history.open_result(HistoryFilter(), SortKey())
    assert result.count == before


def test_snapshot_ignores_later_messages(services: Services):
    services.demo.seed(300)
    result = services.history.open_result(HistoryFilter(), SortKey(SortColumn.RECEIVER, False))
    before = [r.id for r in services.history.result_page(result, 0, 300) if r]
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [{"receiver": "+33100000000", "body": "new", "status": "queued", "created_at": T0}],
        )
    after = [r.id for r in services.history.result_page(result, 0, 300) if r]
    assert after == before  # the new row (sorted first) does not shift the rows on screen
    # a deleted row leaves a hole (None) in a snapshot read by ids
    by_body = services.history.open_result(HistoryFilter(), SortKey(SortColumn.BODY))
    victim = services.history.result_ids(by_body, 3, 4)
    services.history.delete(victim)
    page = services.history.result_page(by_body, 0, 10)
    assert page[3] is None and all(r is not None for i, r in enumerate(page) if i != 3)


def test_delete(services: Services):
    _seed(services)
    ids = [r.id for r in services.history.page(HistoryFilter(), SortKey(), 0, 2)]
    assert services.history.delete(ids) == 2
    assert services.history.count(HistoryFilter()) == 1
    assert services.history.delete_matching(HistoryFilter(sender="MAIRIE")) == 1
    with services.sessions() as session:
        assert session.scalars(select(Message.status)).all() == ["cancelled"]
    assert services.history.delete_existing([1, 2, 3, 4]) == (0, [1, 2, 3])
    assert services.history.delete_existing([4, 4]) == (1, [])


def test_delete_rows_of_a_snapshot(services: Services):
    services.demo.seed(1200)
    history = services.history
    flt = HistoryFilter(status=StatusGroup.DELIVERED)
    result = history.open_result(flt, SortKey(SortColumn.RECEIVER))
    expected = history.result_ids(result, 0, result.count)
    progress: list[tuple[int, int]] = []
    report = history.delete_rows(
        result, [(10, 20), (500, 1000)], progress=lambda d, t: progress.append((d, t))
    )
    assert report.deleted == 510 and report.kept == 0
    assert progress[-1] == (510, 510)
    left = set(history.ids(HistoryFilter()))
    assert not left & (set(expected[10:20]) | set(expected[500:1000]))
    assert set(expected[:10]) <= left


def test_delete_all_rows_spares_messages_that_arrived_later(services: Services):
    services.demo.seed(400)
    history = services.history
    result = history.open_result(HistoryFilter(tag="demo-2"), SortKey())
    assert result.count > 0
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [{"receiver": "+33611111111", "body": "b", "status": "queued", "tag": "demo-2"}],
        )
    report = history.delete_rows(result, [(0, result.count)])
    assert report.deleted == result.count
    assert history.count(HistoryFilter(tag="demo-2")) == 1  # the later one is still there


def test_cancelled_delete_changes_nothing(services: Services):
    services.demo.seed(1500)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()  # after the first chunk went in

    shown = services.history.count(HistoryFilter())
    with pytest.raises(Cancelled):
        services.history.delete(
            services.history.ids(HistoryFilter()), progress=progress, cancel=cancel
        )
    assert services.history.count(HistoryFilter()) == shown


def _sent_with_simulator(services: Services, tmp_path: Path) -> tuple[SimulatorProvider, list[int]]:
    provider = SimulatorProvider(tmp_path / "ledger.sqlite3", delivery_delay=0)
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [
                {"receiver": f"+3361234567{i}", "body": "x", "status": "queued", "created_at": T0}
                for i in range(5)
            ],
        )
        ids = list(session.scalars(select(Message.id).order_by(Message.id)))
    results = provider.submit(
        [OutgoingSms(i, f"+3361234567{n}", "", "x") for n, i in enumerate(ids)], batch_ref="b1"
    )
    with services.sessions.begin() as session:
        for result in results:
            session.get_one(Message, result.message_id).provider_ref = result.provider_ref
            session.get_one(Message, result.message_id).status = "delivered"
    return provider, ids


def test_delete_at_the_gateway_too(services: Services, tmp_path: Path):
    provider, ids = _sent_with_simulator(services, tmp_path)
    assert len(provider.received_count_by_message()) == 5
    built: list[str] = []

    def providers(name: str) -> SimulatorProvider:
        built.append(name)
        return SimulatorProvider(provider.ledger_path, delivery_delay=0)

    assert HistoryService.can_delete_remote("simulator", providers)
    report = services.history.delete_everywhere(ids[:3], providers)
    assert (report.deleted, report.remote_deleted, report.kept) == (3, 3, 0)
    assert set(provider.received_count_by_message()) == set(ids[3:])
    assert services.history.ids(HistoryFilter()) == ids[3:]
    assert "simulator" in built


class _RefusingGateway(SimulatorProvider):
    """The gateway answers 403 to DELETE (the only fake: the network edge)."""

    def delete_remote(self, provider_refs):
        raise PermanentError("403 This call has not been granted")


def test_refused_at_the_gateway_keeps_them_here(services: Services, tmp_path: Path):
    provider, ids = _sent_with_simulator(services, tmp_path)
    report = services.history.delete_everywhere(
        ids, lambda name: _RefusingGateway(provider.ledger_path)
    )
    assert (report.deleted, report.remote_deleted, report.kept) == (0, 0, 5)
    assert report.errors == ("simulator: 403 This call has not been granted",)
    assert services.history.count(HistoryFilter()) == 5


def test_export_matches_expected_file_byte_for_byte(services: Services, tmp_path: Path):
    _export_fixture(services)
    out = tmp_path / "export.csv"
    assert services.history.export_csv(HistoryFilter(), out, tz=PARIS) == 5
    assert out.read_bytes() == EXPECTED_EXPORT.read_bytes()
    assert not list(tmp_path.glob("*.part"))


def test_cli_export_writes_the_same_bytes(
    services: Services, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import time

    from smsdesk.cli import main

    _export_fixture(services)
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        out = tmp_path / "cli.csv"
        assert main(["--db", db_url, "history", "export", str(out)]) == 0
        assert out.read_bytes() == EXPECTED_EXPORT.read_bytes()
        filtered = tmp_path / "failed.csv"
        assert main(["--db", db_url, "history", "export", str(filtered), "--status", "failed"]) == 0
        assert _csv_ids(filtered) == [6, 5, 2]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_export_selection_progress_and_cancel(services: Services, tmp_path: Path):
    services.demo.seed(12_000)
    history = services.history
    result = history.open_result(HistoryFilter(), SortKey(SortColumn.RECEIVER, False))
    out = tmp_path / "some.csv"
    assert history.export_rows(result, [(0, 2), (10, 11)], out, tz=UTC) == 3
    wanted = set(history.result_ids(result, 0, 2) + history.result_ids(result, 10, 11))
    ids = _csv_ids(out)
    assert set(ids) == wanted and ids == sorted(ids, reverse=True)

    steps: list[tuple[int, int]] = []
    shown = result.count
    assert history.export_rows(result, None, out, progress=lambda d, t: steps.append((d, t))) == (
        shown
    )
    assert steps[-1] == (shown, shown) and len(steps) >= 3

    cancel = threading.Event()
    cancelled_out = tmp_path / "cancelled.csv"
    with pytest.raises(ExportCancelled):
        history.export_csv(
            HistoryFilter(), cancelled_out, progress=lambda d, t: cancel.set(), cancel=cancel
        )
    assert not cancelled_out.exists() and not list(tmp_path.glob("*.part"))


def test_export_in_a_child_writes_what_the_export_here_writes(services: Services, tmp_path: Path):
    """The window's export runs in a child process: same rows, same bytes, progress and
    cancel across the process boundary."""
    _export_fixture(services)
    history = services.history
    everything = history.open_result(HistoryFilter(), SortKey())
    out = tmp_path / "apart.csv"
    steps: list[tuple[int, int]] = []
    written = history.export_rows(
        everything, None, out, tz=PARIS, progress=lambda d, t: steps.append((d, t)), in_child=True
    )
    assert written == 5 and steps[-1] == (5, 5)
    assert out.read_bytes() == EXPECTED_EXPORT.read_bytes()

    by_receiver = history.open_result(
        HistoryFilter(status=StatusGroup.FAILED), SortKey(SortColumn.RECEIVER, False)
    )
    assert by_receiver.ids is not None  # a snapshot of ids crosses to the child
    here, apart = tmp_path / "here.csv", tmp_path / "apart-failed.csv"
    assert history.export_rows(by_receiver, [(0, 2)], here, tz=PARIS) == 2
    assert history.export_rows(by_receiver, [(0, 2)], apart, tz=PARIS, in_child=True) == 2
    assert apart.read_bytes() == here.read_bytes()
    assert set(_csv_ids(apart)) == set(history.result_ids(by_receiver, 0, 2))


def test_cancelled_export_in_a_child_leaves_no_file(services: Services, tmp_path: Path):
    services.demo.seed(12_000)
    history = services.history
    result = history.open_result(HistoryFilter(), SortKey())
    cancel = threading.Event()
    out = tmp_path / "cancelled.csv"
    with pytest.raises(ExportCancelled):
        history.export_rows(
            result, None, out, progress=lambda d, t: cancel.set(), cancel=cancel, in_child=True
        )
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_export_in_a_child_of_a_database_in_memory_runs_here(tmp_path: Path):
    memory = build_services("sqlite://")
    try:
        _export_fixture(memory)
        result = memory.history.open_result(HistoryFilter(), SortKey())
        out = tmp_path / "memory.csv"
        assert memory.history.export_rows(result, None, out, tz=PARIS, in_child=True) == 5
        assert out.read_bytes() == EXPECTED_EXPORT.read_bytes()
    finally:
        memory.close()


@pytest.mark.parametrize("zone", ["Europe/Paris", "Australia/Lord_Howe", "America/St_Johns"])
def test_local_times_cache_is_exact_across_dst(zone: str):
    tz = ZoneInfo(zone)
    convert = _LocalTimes(tz)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for minutes in range(0, 365 * 24 * 60, 7):
        instant = start + timedelta(minutes=minutes, seconds=minutes % 60)
        text = instant.replace(tzinfo=None).isoformat(" ", "microseconds")
        expected = instant.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
        assert convert(text) == expected
        assert convert(instant.replace(tzinfo=None)) == expected  # PostgreSQL gives datetimes


def test_date_presets():
    today = date(2026, 8, 31)
    since, until = date_range(DatePreset.TODAY, today, PARIS)
    assert (since.isoformat(), until.isoformat()) == (
        "2026-08-31T00:00:00+02:00",
        "2026-09-01T00:00:00+02:00",
    )
    since, until = date_range(DatePreset.LAST_7_DAYS, today, PARIS)
    assert (since.date(), until.date()) == (date(2026, 8, 25), date(2026, 9, 1))
    since, until = date_range(DatePreset.THIS_MONTH, today, PARIS)
    assert (since.date(), until.date()) == (date(2026, 8, 1), date(2026, 9, 1))
    since, until = date_range(DatePreset.LAST_6_MONTHS, today, PARIS)
    # 28 February (no 31st), in winter time: the offset is the one of that day
    assert since.isoformat() == "2026-02-28T00:00:00+01:00"
    since, _ = date_range(DatePreset.LAST_6_MONTHS, date(2026, 3, 15), PARIS)
    assert since.date() == date(2025, 9, 15)
    since, until = date_range(DatePreset.TODAY, today)  # local time of this machine
    assert since.tzinfo is not None and until - since <= timedelta(hours=25)


def test_details_row(services: Services):
    _export_fixture(services)
    [row] = [r for r in services.history.page(HistoryFilter(), SortKey(), 0, 10) if r.ptt == 24]
    fetched = services.history.get(row.id)
    assert fetched is not None and fetched.campaign_name == "Printemps"
    assert fetched.body == 'Réunion; salle "B"\nà 14h'


def test_choices(services: Services):
    services.demo.seed(12_000)
    campaigns = services.history.campaign_choices()
    assert [c.name for c in campaigns] == ["Démo 3", "Démo 2", "Démo 1"]
    assert services.history.tag_choices() == ["demo-2", "demo-3", "demo-4"]


def test_merge_ranges():
    assert merge_ranges([(5, 9), (0, 3), (3, 4), (7, 12), (20, 20)]) == [(0, 4), (5, 12)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("+33612345678", "+33612345678"),
        ("=1+1", "'=1+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("+ok", "'+ok"),
        ("+33 6 12", "'+33 6 12"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise_cell(cell) == expected


def test_on_postgresql(postgres_url: str, tmp_path: Path):
    """The same service on PostgreSQL: migrations (0002 indexes), demo seed, filters,
    snapshot pages for every sort, deletes, and the byte-exact export (dates come back as
    datetimes there, not text)."""
    services = build_services(postgres_url)
    try:
        history = services.history
        _export_fixture(services)
        out = tmp_path / "pg.csv"
        assert history.export_csv(HistoryFilter(), out, tz=PARIS) == 5
        assert out.read_bytes() == EXPECTED_EXPORT.read_bytes()
        assert history.count(HistoryFilter(text="REUNION")) == 1  # accents, case: regex
        with services.sessions.begin() as session:
            session.execute(delete(Message))

        services.demo.seed(700)
        shown = history.count(HistoryFilter())
        assert 600 < shown < 700  # cancelled ones only when asked
        assert (
            history.count(HistoryFilter(receiver="06"))
            + history.count(HistoryFilter(receiver="07"))
            == shown
        )
        assert history.count(HistoryFilter(receiver="+33 6 99")) == history.count(
            HistoryFilter(receiver="0699")
        )
        for column in SortColumn:
            for flt in (HistoryFilter(), HistoryFilter(receiver="12")):
                order = SortKey(column, descending=column is SortColumn.TAG)
                expected = [r.id for r in history.page(flt, order, 0, 10_000)]
                result = history.open_result(flt, order, page_size=50)
                seen = []
                for start in range(0, result.count, 90):
                    seen.extend(r.id for r in history.result_page(result, start, 90) if r)
                assert seen == expected, (column, flt)
                pages = [history.result_page(result, 0, 90)]
                while sum(len(p) for p in pages) < result.count:
                    after = pages[-1][-1]
                    pages.append(history.result_page(result, len(pages) * 90, 90, after=after))
                assert [r.id for p in pages for r in p if r] == expected, (column, flt)
        result = history.open_result(HistoryFilter(), SortKey(SortColumn.RECEIVER))
        doomed = history.rows_ids(result, [(0, 5), (600, 610)])
        assert history.delete_rows(result, [(0, 5), (600, 610)]).deleted == 15
        assert not set(doomed) & set(history.ids(HistoryFilter()))
        # `history delete`: all or none, through psycopg's own placeholders
        kept = history.ids(HistoryFilter())[:3]
        assert history.delete_existing([*kept, doomed[0]]) == (0, [doomed[0]])
        assert history.delete_existing([kept[0], kept[0], kept[1]]) == (2, [])
        assert history.existing_ids(kept) == {kept[2]}
        with services.sessions() as session:
            names = set(
                session.scalars(
                    text("SELECT indexname FROM pg_indexes WHERE tablename = 'message'")
                )
            )
        assert {"ix_message_operator", "ix_message_parts", "ix_message_tag"} <= names
    finally:
        services.close()


def _turn_one_into(services: Services, status: MessageStatus, *, besides: set[int]) -> int:
    """Change one message outside `besides` to `status` (a receipt after the snapshot)."""
    with services.sessions.begin() as session:
        victim = session.scalars(
            select(Message.id)
            .where(Message.id.not_in(besides), Message.status != str(status))
            .order_by(Message.id)
            .limit(1)
        ).one()
        session.get_one(Message, victim).status = str(status)
    return victim


def test_delete_all_matching_deletes_exactly_the_snapshot(services: Services):
    """270 shown, 270 deleted: a message that matches only since the snapshot stays."""
    services.demo.seed(600)
    history = services.history
    shown = history.count(HistoryFilter())
    result = history.open_result(HistoryFilter(status=StatusGroup.FAILED), SortKey())
    seen = set(history.result_ids(result, 0, result.count))
    assert 0 < len(seen) == result.count < 600
    late = _turn_one_into(services, MessageStatus.FAILED, besides=seen)
    # and one the user saw as failed has been retried and delivered since: it was seen, so
    # "all" still means it
    moved = min(seen)
    with services.sessions.begin() as session:
        session.get_one(Message, moved).status = "delivered"
    report = history.delete_rows(result, [(0, result.count)])
    assert report.deleted == len(seen)
    left = set(history.ids(HistoryFilter()))
    assert late in left and not left & seen
    assert len(left) == shown - len(seen)


def test_export_all_matching_writes_exactly_the_snapshot(services: Services, tmp_path: Path):
    services.demo.seed(600)
    history = services.history
    result = history.open_result(HistoryFilter(status=StatusGroup.FAILED), SortKey())
    seen = set(history.result_ids(result, 0, result.count))
    late = _turn_one_into(services, MessageStatus.FAILED, besides=seen)
    out = tmp_path / "all.csv"
    assert history.export_rows(result, None, out) == len(seen)
    ids = _csv_ids(out)
    assert set(ids) == seen and late not in ids and ids == sorted(ids, reverse=True)
    # every row selected is "all" too
    again = tmp_path / "again.csv"
    assert history.export_rows(result, [(0, result.count)], again) == len(seen)
    assert again.read_bytes() == out.read_bytes()


def test_export_all_of_the_whole_history_spares_later_messages(services: Services, tmp_path: Path):
    services.demo.seed(300)
    history = services.history
    with services.sessions.begin() as session:
        session.execute(delete(Message).where(Message.status == "cancelled"))
    shown = history.count(HistoryFilter())
    result = history.open_result(HistoryFilter(), SortKey())
    assert result.ids is None  # nothing hidden: read along the index, bounded by max_id
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [{"receiver": "+33611111111", "body": "b", "status": "queued", "created_at": T0}],
        )
    out = tmp_path / "all.csv"
    assert history.export_rows(result, None, out) == shown
    assert max(_csv_ids(out)) == result.max_id


def test_sorted_unique_merges_sorted_runs():
    import random

    from smsdesk.services.history_query import SORT_RUN, sorted_unique

    rng = random.Random(3)
    ids = [rng.randrange(1, 40_000) for _ in range(2 * SORT_RUN + 17)]
    assert sorted_unique(ids) == sorted(set(ids))
    assert sorted_unique(ids, descending=True) == sorted(set(ids), reverse=True)
    assert sorted_unique([]) == []
