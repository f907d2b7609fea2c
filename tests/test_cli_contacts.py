"""`contacts import` and `contacts lists`: the DESIGN.md contract, on every test file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smsdesk.app import build_services
from smsdesk.cli import main
from smsdesk.services.recipient_import import CHILD_PROCESS_MIN_BYTES
from smsdesk.services.settings import SendPreferences

DATA = Path(__file__).resolve().parent / "data" / "recipients"
KEYS = {
    "list",
    "list_id",
    "rows",
    "imported",
    "duplicates",
    "invalid",
    "landlines",
    "stopped",
    "contacts",
    "numbers",
    "set_aside",
    "errors",
}
# rows, imported, duplicates, invalid, landlines; and each bad file's error (shared data)
_EXPECTED_DATA = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
EXPECTED: dict[str, tuple[int, ...]] = {
    name: tuple(counts) for name, counts in _EXPECTED_DATA["counts"].items()
}
BAD: dict[str, str] = _EXPECTED_DATA["bad_files"]
PEOPLE: dict[str, tuple[int, int]] = {
    name: (people[0], people[1]) for name, people in _EXPECTED_DATA["people"].items()
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def import_json(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "--db", db_url, "contacts", "import", *argv, "--json")
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    assert set(data) == KEYS
    assert (
        data["imported"]
        + data["duplicates"]
        + data["invalid"]
        + data["landlines"]
        + data["stopped"]
        == data["rows"]
    )
    assert len(data["errors"]) == data["rows"] - data["imported"]
    for error in data["errors"]:
        assert set(error) == {"line", "value", "reason"}
    return data


def lists(capsys: pytest.CaptureFixture[str], db_url: str) -> list[dict[str, Any]]:
    code, out, _ = run(capsys, "--db", db_url, "contacts", "lists", "--json")
    assert code == 0
    found: list[dict[str, Any]] = json.loads(out)
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_every_file(capsys, db_url, name):
    data = import_json(capsys, db_url, str(DATA / name))
    rows, imported, duplicates, invalid, landlines = EXPECTED[name]
    assert data == {
        "list": Path(name).stem,
        "list_id": 1,
        "rows": rows,
        "imported": imported,
        "duplicates": duplicates,
        "invalid": invalid,
        "landlines": landlines,
        "stopped": 0,
        "contacts": PEOPLE[name][0],
        "numbers": PEOPLE[name][1],
        "set_aside": PEOPLE[name][1] - rows,
        "errors": data["errors"],
    }
    assert [(found["name"], found["contacts"]) for found in lists(capsys, db_url)] == [
        (Path(name).stem, imported)
    ]


def test_errors_say_line_value_and_reason(capsys, db_url):
    data = import_json(capsys, db_url, str(DATA / "excel_fr_cp1252.csv"), "--list", "Clients")
    assert data["list"] == "Clients"
    assert data["errors"] == [
        {"line": 7, "value": "01 42 68 53 00", "reason": "landline"},
        {"line": 8, "value": "06-12-34-56-78", "reason": "duplicate of line 2"},
        {"line": 9, "value": "06 39 98 12 34", "reason": "invalid number: unallocated range"},
        {"line": 10, "value": "", "reason": "invalid number: empty"},
    ]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_exit_1_with_one_line_and_import_nothing(capsys, db_url, name):
    code, out, err = run(capsys, "--db", db_url, "contacts", "import", str(DATA / name), "--json")
    assert (code, out) == (1, "")
    assert err == f"smsdesk: error: {DATA / name}: {BAD[name]}\n"
    assert lists(capsys, db_url) == []


def test_missing_file_and_bad_column(capsys, db_url, tmp_path):
    code, _, err = run(capsys, "--db", db_url, "contacts", "import", str(tmp_path / "no.csv"))
    assert (code, err) == (1, f"smsdesk: error: {tmp_path / 'no.csv'}: file not found\n")
    path = str(DATA / "excel_fr_cp1252.csv")
    code, _, err = run(capsys, "--db", db_url, "contacts", "import", path, "--column", "Fax")
    assert code == 1
    assert err.startswith(f"smsdesk: error: {path}: no column 'Fax'; columns seen: Prénom, Nom")
    assert err.count("\n") == 1
    assert lists(capsys, db_url) == []


def test_column_by_name_or_number(capsys, db_url):
    outlook = str(DATA / "outlook_utf8_bom_crlf.csv")
    data = import_json(capsys, db_url, outlook, "--column", "business phone", "--list", "Bureau")
    assert (data["rows"], data["imported"], data["landlines"]) == (8, 0, 2)
    excel = str(DATA / "excel_fr_cp1252.csv")
    data = import_json(capsys, db_url, excel, "--column", "3", "--list", "Par numéro")
    assert (data["rows"], data["imported"]) == (10, 6)


def test_append_to_an_existing_list(capsys, db_url):
    import_json(capsys, db_url, str(DATA / "excel_fr_cp1252.csv"), "--list", "Clients")
    data = import_json(capsys, db_url, str(DATA / "messy_numbers.csv"), "--list", "Clients")
    assert (data["list_id"], data["rows"], data["imported"], data["duplicates"]) == (1, 22, 3, 11)
    assert {"line": 2, "value": "06 12 34 56 78", "reason": "already in the list"} in data["errors"]
    assert [(found["name"], found["contacts"]) for found in lists(capsys, db_url)] == [
        ("Clients", 9)
    ]


def test_stop_list_counts(capsys, db_url):
    services = build_services(db_url)
    try:
        services.recipients.add_stop(["06 12 34 56 78"])
    finally:
        services.close()
    data = import_json(capsys, db_url, str(DATA / "excel_fr_cp1252.csv"))
    assert (data["imported"], data["stopped"], data["duplicates"]) == (5, 1, 1)
    assert {"line": 2, "value": "06 12 34 56 78", "reason": "on the stop list"} in data["errors"]


def test_region_from_the_option_then_from_settings(capsys, db_url, tmp_path):
    path = tmp_path / "belges.txt"
    path.write_text("0470 12 34 56\n0471 23 45 67\n", encoding="utf-8")
    data = import_json(capsys, db_url, str(path), "--list", "FR")
    assert data["landlines"] == 2  # in France, 04 70 12 34 56 is a landline
    data = import_json(capsys, db_url, str(path), "--list", "BE", "--region", "BE")
    assert data["imported"] == 2
    services = build_services(db_url)
    try:
        services.preferences.save_preferences(SendPreferences(region="BE"))
    finally:
        services.close()
    data = import_json(capsys, db_url, str(path), "--list", "Settings")
    assert data["imported"] == 2
    code, _, err = run(capsys, "--db", db_url, "contacts", "import", str(path), "--region", "XX")
    assert (code, err) == (1, "smsdesk: error: unknown region 'XX' (a country code such as FR)\n")


def test_keep_landlines(capsys, db_url):
    path = str(DATA / "messy_numbers.csv")
    data = import_json(capsys, db_url, path, "--keep-landlines")
    assert (data["imported"], data["landlines"]) == (13, 0)


def test_text_output(capsys, db_url):
    code, out, _ = run(
        capsys, "--db", db_url, "contacts", "import", str(DATA / "excel_fr_cp1252.csv")
    )
    assert code == 0
    assert out.splitlines() == [
        "'excel_fr_cp1252' (new list): 10 contact(s) with 10 number(s); 10 number(s) read, "
        "6 imported, 1 duplicate(s), 2 invalid, 1 not mobile, 0 on the stop list",
        "  line 7: '01 42 68 53 00': landline",
        "  line 8: '06-12-34-56-78': duplicate of line 2",
        "  line 9: '06 39 98 12 34': invalid number: unallocated range",
        "  line 10: '': invalid number: empty",
    ]
    code, out, _ = run(capsys, "--db", db_url, "contacts", "lists")
    assert (code, out) == (0, "     1          6  excel_fr_cp1252\n")


def test_lists_json(capsys, db_url):
    assert lists(capsys, db_url) == []
    import_json(capsys, db_url, str(DATA / "ovh_number.csv"), "--list", "Zeta")
    import_json(capsys, db_url, str(DATA / "pipe.txt"), "--list", "Alpha")
    found = lists(capsys, db_url)
    assert [(item["id"], item["name"], item["contacts"]) for item in found] == [
        (2, "Alpha", 2),
        (1, "Zeta", 3),
    ]
    assert set(found[0]) == {"id", "name", "contacts", "created_at"}


def test_a_big_file_in_a_real_process(tmp_path: Path, db_url: str):
    """Large enough for the child process that parses while the parent stores."""
    path = tmp_path / "big.csv"
    rows = 0
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Prénom;Nom;Ville;Portable\n")
        while stream.tell() < CHILD_PROCESS_MIN_BYTES + 100_000:
            stream.write(f"Zoé;Nom{rows};Besançon;06 {rows // 10**6:02d} {rows % 10**6:06d}\n")
            rows += 1
        stream.write("Fixe;X;Paris;01 42 68 53 00\nDoublon;Y;Lyon;0600000000\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "smsdesk",
            "--db",
            db_url,
            "contacts",
            "import",
            str(path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert (data["rows"], data["imported"], data["landlines"], data["duplicates"]) == (
        rows + 2,
        rows,
        1,
        1,
    )
    assert data["errors"] == [
        {"line": rows + 2, "value": "01 42 68 53 00", "reason": "landline"},
        {"line": rows + 3, "value": "0600000000", "reason": "duplicate of line 2"},
    ]
