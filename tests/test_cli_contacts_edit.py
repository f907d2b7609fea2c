"""Lists you can edit: search, add, edit and delete a contact, merge lists; the CLI's
`contacts show`, `contacts delete`, `contacts check` (the HLR check: price, then results
with each number's operator by name)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smsdesk.cli import main
from smsdesk.services.recipients import RecipientsError

TABLE = (
    "Prénom;Nom;Mobile;Ville\n"
    "Hélène;Lefèvre;06 12 34 56 78;Besançon\n"
    "François;Château;06 23 45 67 89;Orléans\n"
    "Zoé;Bœuf;07 81 23 45 67;Sète\n"
    "Anne;Lefèvre;06 98 00 00 23;Paris\n"  # the simulator: no such number (ptt 23)
)


@pytest.fixture
def listed(services) -> int:
    report = services.recipients.import_text(TABLE, list_name="Adhérents")
    assert report.imported == 4
    return report.list_id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_search_by_name_or_number(services, listed):
    service = services.recipients
    found = service.contacts_page(listed, search="lefèvre")
    assert [row.name for row in found] == ["Hélène Lefèvre", "Anne Lefèvre"]
    assert [row.e164 for row in service.contacts_page(listed, search="06 23 45")] == [
        "+33623456789"
    ]
    assert service.count_matching(listed, "LEF") == 2
    assert service.contacts_page(listed, search="%") == []  # a wildcard is a character


def test_add_edit_delete_a_contact(services, listed):
    service = services.recipients
    added = service.add_contact(listed, "06 55 44 33 22", name="Noël  Lemaître")
    assert (added.e164, added.name) == ("+33655443322", "Noël Lemaître")
    with pytest.raises(RecipientsError, match="already in the list"):
        service.add_contact(listed, "+33655443322")
    with pytest.raises(RecipientsError, match="not a mobile"):
        service.add_contact(listed, "01 42 68 53 00")
    with pytest.raises(RecipientsError, match="too short"):
        service.add_contact(listed, "06 12 34 56 7")
    edited = service.update_contact(
        added.id, number="07 81 99 88 77", name="Noël Lemaitre", extra={"Ville": "Évry"}
    )
    assert (edited.e164, edited.name, edited.extra) == (
        "+33781998877",
        "Noël Lemaitre",
        {"Ville": "Évry"},
    )
    with pytest.raises(RecipientsError, match="already in the list"):
        service.update_contact(added.id, number="06 12 34 56 78")
    assert service.delete_contact_ids([added.id]) == 1
    assert service.count_contacts(listed) == 4


def test_merge_lists_keeps_a_number_once(services, listed):
    service = services.recipients
    other = service.import_text("0612345678\n0655443322\n", list_name="Salon").list_id
    merged, added, duplicates = service.merge_lists([listed, other], "Tous")
    assert (merged.name, merged.contacts, added, duplicates) == ("Tous", 5, 5, 1)
    helene = service.contacts_page(merged.id, search="Hélène")[0]
    assert helene.extra["Ville"] == "Besançon"  # a list keeps its columns for {fields}


def test_cli_show_with_search(capsys, db_url, services, listed):
    code, out, _ = run(capsys, "--db", db_url, "contacts", "show", "Adhérents", "--json")
    assert code == 0
    shown = json.loads(out)
    assert [row["number"] for row in shown] == [
        "+33612345678",
        "+33623456789",
        "+33698000023",
        "+33781234567",
    ]
    assert shown[0]["extra"] == {"Prénom": "Hélène", "Nom": "Lefèvre", "Ville": "Besançon"}
    code, out, _ = run(capsys, "--db", db_url, "contacts", "show", "Adhérents", "--search", "zoé")
    assert out.splitlines() == [
        "+33781234567      Zoé Bœuf                        Prénom: Zoé; Nom: Bœuf; Ville: Sète"
    ]
    code, _, err = run(capsys, "--db", db_url, "contacts", "show", "Nope")
    assert (code, err) == (1, "smsdesk: error: no recipient list named 'Nope'\n")


def test_cli_delete_numbers_then_the_list(capsys, db_url, services, listed):
    code, out, _ = run(
        capsys, "--db", db_url, "contacts", "delete", "Adhérents", "06 12 34 56 78",
        "+33623456789", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {
        "list": "Adhérents",
        "list_deleted": False,
        "removed": 2,
        "not_found": [],
    }
    assert services.recipients.count_contacts(listed) == 2
    code, out, _ = run(capsys, "--db", db_url, "contacts", "delete", "Adhérents")
    assert (code, out) == (0, "'Adhérents' deleted with its 2 contact(s)\n")
    assert services.recipients.lists() == []


def test_cli_check_quotes_first_then_shows_each_operator(capsys, db_url, services, listed):
    argv = ("--db", db_url, "contacts", "check", "Adhérents", "--provider", "simulator")
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0
    assert json.loads(out) == {
        "list": "Adhérents",
        "provider": "simulator",
        "numbers": 4,
        "credits": 0.4,
        "supported": True,
        "checked": False,
    }
    assert services.recipients.count_contacts(listed) == 4  # nothing asked, nothing paid
    code, out, _ = run(capsys, *argv, "--yes", "--json")
    data = json.loads(out)
    assert (data["answered"], data["reachable"], data["removed"]) == (4, 3, 1)
    by_number = {row["number"]: row for row in data["results"]}
    assert by_number["+33698000023"]["reachable"] is False
    assert {row["operator"] for row in data["results"]} == {"Orange"}  # 20801
    assert services.recipients.count_contacts(listed) == 3


def test_the_check_removes_only_what_the_user_chooses(services, listed):
    service = services.recipients
    report = service.check_list(listed, "simulator", remove_unreachable=False)
    assert report.removed == 0 and [c.e164 for c in report.unreachable] == ["+33698000023"]
    assert service.count_contacts(listed) == 4
    assert service.remove_contacts(listed, []) == 0  # the user kept them all
