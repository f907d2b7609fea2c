"""Importing recipient lists (read, clean, dedupe, store in one transaction), the lists,
the stop list and the operator check, on a real SQLite file (and PostgreSQL once)."""

from __future__ import annotations

import csv
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from smsdesk.app import Services, build_services
from smsdesk.domain.phone import Rejection
from smsdesk.services import recipient_import as recipients_module
from smsdesk.services import recipient_reading
from smsdesk.services.recipients import (
    HLR_CREDITS_PER_NUMBER,
    Cancelled,
    ImportReport,
    RecipientFileError,
    RecipientsError,
    RecipientService,
    save_rejected_csv,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "recipients"

# rows, imported, duplicates, invalid, landlines; and each bad file's error (shared data)
_EXPECTED_DATA = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
EXPECTED: dict[str, tuple[int, ...]] = {
    name: tuple(counts) for name, counts in _EXPECTED_DATA["counts"].items()
}
BAD_FILES: dict[str, str] = _EXPECTED_DATA["bad_files"]


def counts(report: ImportReport) -> tuple[int, int, int, int, int]:
    assert (
        report.imported + report.duplicates + report.invalid + report.landlines + report.stopped
        == report.rows
    )
    assert len(report.rejected) == report.rows - report.imported
    return report.rows, report.imported, report.duplicates, report.invalid, report.landlines


@pytest.fixture
def service(services: Services) -> RecipientService:
    return services.recipients


def numbers_of(service: RecipientService, list_id: int) -> list[str]:
    return [row.e164 for row in service.contacts_page(list_id, limit=100_000)]


# --- every file people have, exact counts ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_imports_with_exact_counts(service: RecipientService, name: str) -> None:
    report = service.import_file(DATA / name)
    assert counts(report) == EXPECTED[name]
    assert report.list_name == Path(name).stem
    assert report.created
    assert service.count_contacts(report.list_id) == report.imported
    assert [row.line for row in report.rejected] == sorted(row.line for row in report.rejected)


@pytest.mark.parametrize(
    "name", ["excel_fr_cp1252.csv", "messy_numbers.csv", "google_contacts.csv"]
)
def test_child_process_gives_the_same_answer(service: RecipientService, name: str) -> None:
    alone = service.import_file(DATA / name, list_name="in-process", parallel=False)
    child = service.import_file(DATA / name, list_name="child", parallel=True)
    assert counts(child) == counts(alone) == EXPECTED[name]
    assert child.rejected == alone.rejected
    assert numbers_of(service, child.list_id) == numbers_of(service, alone.list_id)


def test_what_the_french_excel_file_keeps(service: RecipientService) -> None:
    report = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    assert [row[:4] for row in report.rejected] == [
        (7, "01 42 68 53 00", Rejection.NOT_MOBILE, "landline"),
        (8, "06-12-34-56-78", Rejection.DUPLICATE, "duplicate of line 2"),  # Hélène's
        (9, "06 39 98 12 34", Rejection.INVALID, "unallocated range"),
        (10, "", Rejection.INVALID, "empty"),
    ]
    # whose number it is: the row's name and other columns
    assert report.rejected[0].name == "Cécile Garçon"
    assert report.rejected[0].extra == {
        "Prénom": "Cécile",
        "Nom": "Garçon",
        "Ville": "Paris",
        "Note": "fixe",
    }
    assert report.rejected[2].message == "invalid number: unallocated range"
    first = service.contacts_page(report.list_id, limit=1)[0]
    assert (first.e164, first.name) == ("+33612345678", "Hélène Lefèvre")
    assert first.extra == {
        "Prénom": "Hélène",
        "Nom": "Lefèvre",
        "Ville": "Besançon",
        "Note": "Abonnée depuis l’été",
    }
    assert numbers_of(service, report.list_id) == [
        "+33612345678",
        "+33623456789",
        "+33634567890",
        "+33645678901",
        "+33656789012",
        "+33781234567",
    ]


def test_keep_landlines(service: RecipientService) -> None:
    report = service.import_file(DATA / "messy_numbers.csv", keep_landlines=True)
    assert counts(report) == (22, 13, 5, 4, 0)
    assert "+33142685300" in numbers_of(service, report.list_id)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
@pytest.mark.parametrize("parallel", [False, True])
def test_bad_files_import_nothing(service: RecipientService, name: str, parallel: bool) -> None:
    with pytest.raises(RecipientFileError) as raised:
        service.import_file(DATA / name, parallel=parallel)
    assert BAD_FILES[name] in str(raised.value)
    assert "\n" not in str(raised.value)
    assert service.lists() == []


@pytest.mark.parametrize("parallel", [False, True])
def test_a_bad_line_late_in_the_file_rolls_everything_back(
    service: RecipientService, tmp_path: Path, parallel: bool
) -> None:
    path = tmp_path / "late.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Nom;Mobile\n")
        for index in range(30_000):
            stream.write(f"N{index};06{index:08d}\n")
        stream.write('"Broken;0612345678\n')
        for index in range(200):
            stream.write(f"M{index};07{index:08d}\n")
    with pytest.raises(RecipientFileError) as raised:
        service.import_file(path, parallel=parallel)
    assert raised.value.line == 30_002
    assert service.lists() == []


def test_missing_and_unreadable_files(service: RecipientService, tmp_path: Path) -> None:
    with pytest.raises(RecipientFileError, match="file not found"):
        service.import_file(tmp_path / "nowhere.csv")
    with pytest.raises(RecipientFileError, match="folder"):
        service.import_file(tmp_path)
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.csv"
        locked.write_text("number\n0612345678\n")
        locked.chmod(0)
        with pytest.raises(RecipientFileError, match="permission denied"):
            service.import_file(locked)
    assert service.lists() == []


def test_unknown_region_and_bad_names(service: RecipientService) -> None:
    with pytest.raises(RecipientsError, match="unknown region 'ZZ'"):
        service.import_file(DATA / "ovh_number.csv", region="ZZ")
    with pytest.raises(RecipientsError, match="needs a name"):
        service.import_file(DATA / "ovh_number.csv", list_name="   ")
    assert service.lists() == []


def test_region_changes_what_a_national_number_means(service: RecipientService) -> None:
    report = service.import_text("0470 12 34 56\n", list_name="Belgique", region="BE")
    assert counts(report) == (1, 1, 0, 0, 0)
    assert numbers_of(service, report.list_id) == ["+32470123456"]


# --- appending, the stop list --------------------------------------------------------------


def test_append_finds_duplicates_of_the_contacts_already_there(service: RecipientService) -> None:
    first = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    again = service.import_file(DATA / "messy_numbers.csv", list_name="Clients")
    assert not again.created and again.list_id == first.list_id
    assert again.rows == 22  # line 12 is one person: its first mobile only
    # the six numbers of the first file, however written, were there before this import
    assert counts(again) == (22, 3, 11, 4, 4)
    assert [row.line for row in again.rejected if row.reason == "already in the list"] == [
        *(2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 22)
    ]
    assert [row.line for row in again.rejected if row.reason == "duplicate of an earlier row"] == []
    assert again.set_aside == 1
    assert service.count_contacts(first.list_id) == first.imported + again.imported
    numbers = numbers_of(service, first.list_id)
    assert len(numbers) == len(set(numbers))


@pytest.mark.parametrize("parallel", [False, True])
def test_stop_listed_numbers_are_not_imported(service: RecipientService, parallel: bool) -> None:
    added = service.add_stop(["06 12 34 56 78", "+33 7 98 76 54 32, 0612"], reason="STOP")
    assert (added.added, added.already) == (2, 0)
    assert [(row.line, row.value, row.reason) for row in added.invalid] == [
        (2, "0612", "too short")
    ]
    report = service.import_file(DATA / "messy_numbers.csv", parallel=parallel)
    assert report.stopped == 2
    assert counts(report) == (22, 9 - 2, 5, 4, 4)
    stopped = [row for row in report.rejected if row.kind is Rejection.STOPPED]
    # the first time each is seen (line 12's second number is set aside: one person)
    assert [row.line for row in stopped] == [2, 23]
    again = [row.line for row in report.rejected if row.value.strip() == "+33 7 98 76 54 32"]
    assert again == [23]  # a stop-listed number seen again is a duplicate
    assert "+33612345678" not in numbers_of(service, report.list_id)


def test_pasted_text(service: RecipientService) -> None:
    progress: list[tuple[int, int]] = []
    report = service.import_text(
        "06 12 34 56 78\n0623456789, 07 98 76 54 32\n\n+33 6 12 34 56 78\n0142685300\nabc 12\n",
        list_name="Collés",
        progress=lambda done, total: progress.append((done, total)),
    )
    assert counts(report) == (6, 3, 1, 1, 1)
    assert progress[-1][1] == 7
    with pytest.raises(RecipientFileError, match="no phone number found"):
        service.import_text("bonjour\n", list_name="x")


def test_progress_runs_by_bytes_up_to_the_size(service: RecipientService) -> None:
    seen: list[tuple[int, int]] = []
    path = DATA / "mixed_utf8_cp1252.csv"
    service.import_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (path.stat().st_size, path.stat().st_size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


# --- cancel: nothing half-imported -------------------------------------------------------------


def big_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Prénom;Mobile\n")
        for index in range(rows):
            stream.write(f"Zoé{index};06{index:08d}\n")
    return path


def cancel_after_first_batch() -> tuple[threading.Event, Callable[[int, int], None]]:
    cancel = threading.Event()
    return cancel, lambda done, total: cancel.set()


@pytest.mark.parametrize("parallel", [False, True])
def test_cancel_leaves_no_list(service: RecipientService, tmp_path: Path, parallel: bool) -> None:
    path = big_file(tmp_path / "big.csv", 50_000)
    cancel, progress = cancel_after_first_batch()
    with pytest.raises(Cancelled):
        service.import_file(path, parallel=parallel, progress=progress, cancel=cancel)
    assert service.lists() == []


@pytest.mark.parametrize("parallel", [False, True])
def test_cancel_adds_nothing_to_an_existing_list(
    service: RecipientService, tmp_path: Path, parallel: bool
) -> None:
    first = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    cancel, progress = cancel_after_first_batch()
    with pytest.raises(Cancelled):
        service.import_file(
            big_file(tmp_path / "big.csv", 50_000),
            list_name="Clients",
            parallel=parallel,
            progress=progress,
            cancel=cancel,
        )
    assert [(found.name, found.contacts) for found in service.lists()] == [("Clients", 6)]
    assert service.count_contacts(first.list_id) == 6


def test_the_connection_gets_its_page_cache_back(services: Services) -> None:
    with services.engine.connect() as connection:
        usual = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv")
    with services.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == usual


def test_a_child_that_cannot_start_falls_back_in_process(
    service: RecipientService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # os._exit as the child's entry point: it dies at once, having said nothing
    monkeypatch.setattr(recipients_module, "child_main", os._exit)
    report = service.import_file(DATA / "messy_numbers.csv", parallel=True)
    assert counts(report) == EXPECTED["messy_numbers.csv"]


def test_a_big_file_through_the_child_process(service: RecipientService, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Nom;Ville;Portable\n")
        for index in range(60_000):
            number = f"06{index % 50_000:08d}"  # the last 10,000 repeat earlier ones
            stream.write(f'"Nom {index}";Besançon;{number}\n')
        stream.write("Fixe;Paris;01 42 68 53 00\nVide;Paris;\n")
    report = service.import_file(path, parallel=True)
    assert counts(report) == (60_002, 50_000, 10_000, 1, 1)
    page = service.contacts_page(report.list_id, limit=2)
    assert [(row.e164, row.name, row.extra) for row in page] == [
        ("+33600000000", "Nom 0", {"Nom": "Nom 0", "Ville": "Besançon"}),
        ("+33600000001", "Nom 1", {"Nom": "Nom 1", "Ville": "Besançon"}),
    ]


# --- lists ---------------------------------------------------------------------------------


def test_lists_create_rename_delete(service: RecipientService) -> None:
    imported = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    empty = service.create_list("  Prospects   2025 ")
    assert empty.name == "Prospects 2025"
    with pytest.raises(RecipientsError, match="already exists"):
        service.create_list("Clients")
    assert [(found.name, found.contacts) for found in service.lists()] == [
        ("Clients", 6),
        ("Prospects 2025", 0),
    ]
    renamed = service.rename_list(imported.list_id, "Clients fidèles")
    assert (renamed.name, renamed.contacts) == ("Clients fidèles", 6)
    with pytest.raises(RecipientsError, match="already exists"):
        service.rename_list(empty.id, "Clients fidèles")
    assert service.find_list("Clients fidèles") == renamed
    assert service.delete_list(imported.list_id) == 6
    assert [found.name for found in service.lists()] == ["Prospects 2025"]
    assert service.count_contacts(imported.list_id) == 0
    with pytest.raises(RecipientsError, match="no recipient list"):
        service.delete_list(imported.list_id)


def test_contents_in_pages(service: RecipientService) -> None:
    report = service.import_text(
        "\n".join(f"06{index:08d}" for index in range(450)), list_name="Pages"
    )
    pages = []
    after = None
    while page := service.contacts_page(report.list_id, after=after, limit=200):
        pages.append(len(page))
        after = page[-1].e164
    assert pages == [200, 200, 50]
    assert after == "+33600000449"
    assert service.remove_contacts(report.list_id, ["+33600000000", "+33699999999"]) == 1
    assert service.count_contacts(report.list_id) == 449


def test_the_send_service_sees_the_imported_list(services: Services) -> None:
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    audience = services.campaigns.audience(list_name="Clients")
    assert len(audience.recipients) == 6


# --- stop list --------------------------------------------------------------------------------


def test_stop_list_add_remove_and_import(service: RecipientService, tmp_path: Path) -> None:
    service.add_stop(["06 12 34 56 78"], reason="answered STOP")
    again = service.add_stop(["+33612345678", "0698765432"])
    assert (again.added, again.already) == (1, 1)
    assert service.is_stopped("06.12.34.56.78")
    path = tmp_path / "stop.csv"
    path.write_text("number\n0611111111\n0612345678\n01 42 68 53 00\nxyz\n", encoding="utf-8")
    imported = service.import_stop_file(path)
    assert (imported.added, imported.already) == (2, 1)
    assert [(row.line, row.value) for row in imported.invalid] == [(5, "xyz")]
    entries = service.stop_entries()
    assert [row.e164 for row in entries] == [
        "+33142685300",
        "+33611111111",
        "+33612345678",
        "+33698765432",
    ]
    assert entries[2].reason == "answered STOP"
    assert entries[0].reason == "imported from stop.csv"
    assert service.remove_stop(["+33612345678"]) == 1
    assert service.stop_count() == 3
    assert not service.is_stopped("0612345678")


# --- operator check (HLR) ----------------------------------------------------------------------


def test_operator_check_quotes_then_removes_unreachable_numbers(services: Services) -> None:
    service = services.recipients
    report = service.import_text(
        "0612340001\n0612340023\n0612340024\n0612340020\n0612340002\n", list_name="À vérifier"
    )
    quote = service.quote_check(report.list_id, "simulator")
    assert (quote.numbers, quote.supported) == (5, True)
    assert quote.credits == pytest.approx(5 * HLR_CREDITS_PER_NUMBER)
    progress: list[tuple[int, int]] = []
    checked = service.check_list(
        report.list_id, "simulator", progress=lambda done, total: progress.append((done, total))
    )
    assert (checked.checked, checked.reachable, checked.removed, checked.unanswered) == (5, 2, 3, 0)
    assert sorted(check.e164 for check in checked.unreachable) == [
        "+33612340020",
        "+33612340023",
        "+33612340024",
    ]
    assert progress[-1] == (5, 5)
    assert numbers_of(service, report.list_id) == ["+33612340001", "+33612340002"]


def test_operator_check_needs_a_gateway_that_can(services: Services) -> None:
    service = services.recipients
    report = service.import_text("0612340001\n", list_name="x")
    assert not service.quote_check(report.list_id, "smpp").supported
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        service.check_list(report.list_id, "simulator", cancel=cancel)
    assert service.count_contacts(report.list_id) == 1


# --- the rejected lines as CSV ----------------------------------------------------------------


def test_rejected_lines_saved_as_csv(service: RecipientService, tmp_path: Path) -> None:
    report = service.import_text("0612345678\n=1+2\n0612345678\n", list_name="x")
    path = tmp_path / "rejected.csv"
    assert save_rejected_csv(report.rejected, path) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows == [
        ["line", "value", "kind", "reason"],
        ["2", "'=1+2", "invalid", "not a phone number"],
        ["3", "0612345678", "duplicate", "duplicate of line 1"],
    ]
    with pytest.raises(RecipientsError, match="cannot write"):
        save_rejected_csv(report.rejected, tmp_path / "missing" / "x.csv")


def test_rejected_lines_carry_the_rows_other_columns(
    service: RecipientService, tmp_path: Path
) -> None:
    report = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    path = tmp_path / "rejected.csv"
    assert save_rejected_csv(report.rejected, path) == 4
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == ["line", "value", "kind", "reason", "name", "Prénom", "Nom", "Ville", "Note"]
    assert rows[1] == [
        *("7", "01 42 68 53 00", "landline", "landline"),
        *("Cécile Garçon", "Cécile", "Garçon", "Paris", "fixe"),
    ]
    assert rows[2][:5] == [
        "8",
        "06-12-34-56-78",
        "duplicate",
        "duplicate of line 2",
        "Noël Lemaître",
    ]
    assert rows[4] == [
        *("10", "", "invalid", "empty"),
        *("Renée Façade", "Renée", "Façade", "Créteil", "pas de numéro"),
    ]


def test_reasons_are_precise(service: RecipientService) -> None:
    text = "06 12 34 56 7\n06 12 34 56 789\n06 39 98 12 34\n01 42 68 53 00\n0612345678\n"
    text += "06 12 34 56 78\n"
    report = service.import_text(text, list_name="x")
    assert [(row.line, row.message) for row in report.rejected] == [
        (1, "invalid number: too short"),  # not "unallocated range": one digit short
        (2, "invalid number: too long"),
        (3, "invalid number: unallocated range"),
        (4, "landline"),
        (6, "duplicate of line 5"),
    ]


def test_extra_is_json_that_reads_back(service: RecipientService) -> None:
    encode = recipient_reading.json_object_encoder()
    tricky = {"Note": 'guillemets " \\ et\nretour', "Société": "北京 😀", "Tab": "a\tb"}
    assert json.loads(encode(tricky)) == tricky
    report = service.import_text(
        'Nom\tPortable\tNote\nÉlodie\t0612345678\t"dit ""bonjour"""\n', list_name="x"
    )
    (contact,) = service.contacts_page(report.list_id)
    assert contact.extra == {"Nom": "Élodie", "Note": 'dit "bonjour"'}


def test_batches_cross_between_processes_unchanged() -> None:
    """What the child sends (fields joined by NUL) reads back as the rows it packed;
    a cell that holds a NUL itself makes the batch cross as it is."""
    contacts = [
        ("+33612345678", "Élodie Martin", '{"Ville":"Sète"}', 2, "06 12 34 56 78"),
        ("+33612345679", "", "", 3, "0612345679"),
    ]
    packed = recipient_reading.pack_contacts(contacts)
    assert not isinstance(packed, list)
    assert recipient_reading.unpack_contacts(packed) == contacts
    with_nul = [("+33612345678", "A\x00B", "", 2, "06")]
    assert recipient_reading.unpack_contacts(recipient_reading.pack_contacts(with_nul)) == with_nul
    assert recipient_reading.unpack_contacts(recipient_reading.pack_contacts([])) == []
    raw = [(2, "06 12", "Élodie", "", ()), (3, "07 98", "", '{"a":"b"}', (("06 11", ""),))]
    assert recipient_reading.unpack_raw(recipient_reading.pack_raw(raw)) == raw
    raw_nul = [(2, "06\x00", "", "", ())]
    assert recipient_reading.unpack_raw(recipient_reading.pack_raw(raw_nul)) == raw_nul


# --- PostgreSQL ---------------------------------------------------------------------------------


def test_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    services = build_services(postgres_url)
    try:
        service = services.recipients
        first = service.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
        assert counts(first) == EXPECTED["excel_fr_cp1252.csv"]
        again = service.import_file(DATA / "messy_numbers.csv", list_name="Clients")
        assert counts(again) == (22, 3, 11, 4, 4)
        contacts = {row.e164: row for row in service.contacts_page(first.list_id)}
        assert len(contacts) == 9
        assert contacts["+33612345678"].extra["Ville"] == "Besançon"
        assert contacts["+33612345678"].name == "Hélène Lefèvre"
        cancel, progress = cancel_after_first_batch()
        with pytest.raises(Cancelled):
            service.import_file(
                big_file(tmp_path / "big.csv", 30_000), progress=progress, cancel=cancel
            )
        assert [found.name for found in service.lists()] == ["Clients"]
    finally:
        services.close()
