"""`smsdesk campaign` and issue 11: one-line refusals (credits, long messages, past
instants, a gateway without settings) and their flags; paused campaigns in `list`,
`resume`, `reschedule` and `cancel`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from smsdesk.app import Services
from smsdesk.cli import main
from smsdesk.db.models import Message


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def send(capsys: pytest.CaptureFixture[str], db_url: str, *extra: str) -> tuple[int, str, str]:
    return run(
        capsys,
        "--db",
        db_url,
        "campaign",
        "send",
        "--to",
        "0612345678",
        "0698765432",
        *extra,
    )


def test_not_enough_credits_exits_1_in_one_line_unless_allowed(
    capsys, db_url, spend_simulator_credits: Callable[[int], None]
):
    spend_simulator_credits(99_990)  # the simulator has 10 credits left
    body = "x" * 900  # 6 GSM-7 parts of 153: 12 credits for two receivers
    code, out, err = send(capsys, db_url, "--message", body)
    assert (code, out) == (1, "")
    assert err == (
        "smsdesk: error: This campaign needs 12 credits; the account has 10: 2 missing"
        " (--allow-overdraft sends anyway)\n"
    )
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    assert json.loads(out) == []
    code, out, _ = send(capsys, db_url, "--message", body, "--allow-overdraft", "--json")
    assert code == 0 and json.loads(out)["messages"] == 2


def test_a_message_over_10_parts_exits_1_unless_allow_long(capsys, db_url):
    code, out, err = send(capsys, db_url, "--message", "y" * 100_000)
    assert (code, out) == (1, "")
    assert err == (
        "smsdesk: error: a message is 654 SMS parts long (more than 10):"
        " --allow-long sends it anyway\n"
    )
    code, out, _ = send(capsys, db_url, "--message", "y" * 1540, "--allow-long", "--json")
    assert code == 0 and json.loads(out)["messages"] == 2


def test_at_in_the_past_exits_1(capsys, db_url):
    code, out, err = send(capsys, db_url, "--message", "x", "--at", "2020-01-01T10:00")
    assert (code, out, err) == (1, "", "smsdesk: error: 2020-01-01 10:00 is in the past\n")
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    assert json.loads(out) == []


def test_reschedule_into_the_past_exits_1(capsys, db_url):
    later = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    code, _, _ = send(capsys, db_url, "--message", "x", "--at", later)
    assert code == 0
    code, out, err = run(
        capsys, "--db", db_url, "campaign", "reschedule", "1", "--at", "2020-01-01T10:00"
    )
    assert (code, out, err) == (1, "", "smsdesk: error: 2020-01-01 10:00 is in the past\n")
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    [campaign] = json.loads(out)
    # unchanged: still the instant first asked (local time)
    assert (
        datetime.fromisoformat(campaign["scheduled_at"])
        == datetime.fromisoformat(later).astimezone()
    )


@pytest.mark.parametrize(
    ("provider", "line"),
    [
        (
            "ovh",
            "smsdesk: error: the OVH gateway is not configured: OVH settings missing: "
            "OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, SMSDESK_OVH_SERVICE\n",
        ),
        (
            "smpp",
            "smsdesk: error: the SMPP gateway is not configured: SMPP settings missing: "
            "SMSDESK_SMPP_HOST, SMSDESK_SMPP_SYSTEM_ID, SMSDESK_SMPP_PASSWORD\n",
        ),
    ],
)
def test_send_through_a_gateway_without_settings_exits_1(capsys, db_url, provider, line):
    code, out, err = send(capsys, db_url, "--message", "x", "--provider", provider)
    assert (code, out, err) == (1, "", line)


def test_paused_campaign_listed_with_reason_resumed_and_sent_once(
    capsys, db_url, services: Services, pause_campaign: Callable[[int, str], None]
):
    code, _, _ = send(capsys, db_url, "--message", "Bonjour")
    assert code == 0
    pause_campaign(1, "OVH refused us: Invalid signature")

    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    [campaign] = json.loads(out)
    assert (campaign["status"], campaign["reason"]) == (
        "paused",
        "OVH refused us: Invalid signature",
    )
    # not finished: --scheduled lists it too
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--scheduled", "--json")
    assert [c["id"] for c in json.loads(out)] == [1]
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list")
    assert out.rstrip().endswith("(paused: OVH refused us: Invalid signature)")

    code, out, _ = run(capsys, "--db", db_url, "dispatch", "--once", "--receipt-wait", "0")
    assert code == 0 and out.startswith("sent 0,")  # nothing of a paused campaign leaves

    code, out, err = run(capsys, "--db", db_url, "campaign", "resume", "1")
    assert (code, out, err) == (0, "campaign 1 resumed: sending (run `smsdesk dispatch`)\n", "")
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    [campaign] = json.loads(out)
    assert (campaign["status"], campaign["reason"]) == ("sending", None)

    code, out, _ = run(capsys, "--db", db_url, "dispatch", "--once")
    assert code == 0 and out.startswith("sent 2, failed 0")
    code, out, _ = run(capsys, "--db", db_url, "history", "list", "--json")
    assert sorted(r["receiver"] for r in json.loads(out)) == ["+33612345678", "+33698765432"]

    code, out, err = run(capsys, "--db", db_url, "campaign", "resume", "1")
    assert code == 1 and out == ""
    assert err.startswith("smsdesk: error: campaign 1 is ") and err.endswith(
        ", not paused: nothing to resume\n"
    )
    code, out, err = run(capsys, "--db", db_url, "campaign", "resume", "7")
    assert (code, err) == (1, "smsdesk: error: no campaign with id 7\n")


def test_paused_campaign_rescheduled_then_cancelled(
    capsys, db_url, services: Services, pause_campaign: Callable[[int, str], None]
):
    code, _, _ = send(capsys, db_url, "--message", "Bonjour")
    assert code == 0
    pause_campaign(1, "not enough credits")
    later = datetime.now() + timedelta(days=2)
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "campaign",
        "reschedule",
        "1",
        "--at",
        later.strftime("%Y-%m-%dT%H:%M"),
    )
    assert code == 0
    assert out == (
        f"campaign 1 starts {later:%Y-%m-%d %H:%M} once resumed (`smsdesk campaign resume`)\n"
    )
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    assert json.loads(out)[0]["status"] == "paused"
    code, out, _ = run(capsys, "--db", db_url, "campaign", "cancel", "1")
    assert (code, out) == (0, "campaign 1 cancelled (2 message(s) will not be sent)\n")
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    assert json.loads(out)[0]["status"] == "cancelled"


# -- several lists, --to with them, --transliterate, campaign edit (#15) -----------------


def _lists(services: Services) -> dict[str, int]:
    recipients = services.recipients
    recipients.import_text("Prénom;Mobile\nFrançois;0612345678\nPaul;0623456789\n", list_name="A")
    recipients.import_text("Prénom;Mobile\nAnne;0612345678\nNoël;0781234567\n", list_name="B")
    return {c.name: c.id for c in services.campaigns.recipient_lists()}


def test_several_lists_and_numbers_in_one_campaign_deduplicated(capsys, db_url, services):
    ids = _lists(services)
    code, out, err = run(
        capsys,
        *("--db", db_url, "campaign", "send", "--message", "Bonjour {prénom}"),
        *("--list", "A", "--list", str(ids["B"]), "--to", "0623456789", "0698765432"),
        *("--to", "01 42 68 53 00", "--json"),
    )
    assert code == 0, err
    data = json.loads(out)
    # A (2) + B (2) + 2 pasted mobiles = 6 numbers, 4 people: 2 duplicates dropped
    assert data["messages"] == 4
    assert data.keys() == {"id", "status", "messages", "scheduled_at", "stopped"}  # the contract
    assert "2 duplicate(s) dropped" in err
    assert "1 number(s) left out: not a mobile or not valid" in err
    with services.sessions() as session:
        bodies = dict(session.execute(select(Message.receiver, Message.body)).all())
    assert bodies == {
        "+33698765432": "Bonjour ",  # pasted only: no name to merge
        "+33612345678": "Bonjour François",  # list A first: its name
        "+33623456789": "Bonjour Paul",
        "+33781234567": "Bonjour Noël",
    }


def test_send_without_any_recipient_or_with_an_unknown_list_exits_1(capsys, db_url):
    code, _, err = run(capsys, "--db", db_url, "campaign", "send", "--message", "Bonjour")
    assert (code, err.count("\n")) == (1, 1)
    assert "one of the arguments --to --list is required" in err
    code, _, err = run(
        capsys, "--db", db_url, "campaign", "send", "--message", "x", "--list", "nope"
    )
    assert (code, err.strip()) == (1, "smsdesk: error: no recipient list named 'nope'")
    code, _, err = run(capsys, "--db", db_url, "campaign", "send", "--message", "x", "--list", "42")
    assert (code, err.strip()) == (1, "smsdesk: error: no recipient list with id 42")


def test_transliterate_merged_values_then_edit_keeps_the_choice(capsys, db_url, services):
    _lists(services)
    at = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    code, out, err = run(
        capsys,
        *("--db", db_url, "campaign", "send", "--message", "Bonjour {prénom}"),
        *("--list", "A", "--list", "B", "--transliterate", "--at", at, "--json"),
    )
    assert code == 0, err
    campaign_id = json.loads(out)["id"]
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
    assert bodies == {"Bonjour Francois", "Bonjour Paul", "Bonjour Noel"}

    code, out, err = run(
        capsys, "--db", db_url, "campaign", "edit", str(campaign_id), "--message", "Salut {prénom}"
    )
    assert (code, out.strip()) == (0, f"campaign {campaign_id}: 3 message(s) changed")
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
    assert bodies == {"Salut Francois", "Salut Paul", "Salut Noel"}  # still transliterated

    code, out, _ = run(
        capsys,
        *("--db", db_url, "campaign", "edit", str(campaign_id), "--message", "Re {prénom}"),
        *("--no-transliterate", "--json"),
    )
    assert (code, json.loads(out)) == (0, {"id": campaign_id, "messages": 3})
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
    assert bodies == {"Re François", "Re Paul", "Re Noël"}


def test_one_list_by_name_as_before_and_a_name_made_of_digits_is_a_name(capsys, db_url, services):
    services.recipients.import_text("Nom;Mobile\nAnne;0612345678\n", list_name="clients")
    services.recipients.import_text("Nom;Mobile\nPaul;0623456789\n", list_name="2024")
    code, out, err = run(
        capsys, "--db", db_url, "campaign", "send", "--message", "Bonjour", "--list", "clients"
    )
    assert (code, err) == (0, "")
    assert out.startswith("campaign 1: 1 message(s) scheduled now")
    code, out, _ = run(
        capsys, "--db", db_url, "campaign", "send", "--message", "Bonjour", "--list", "2024"
    )
    assert code == 0
    with services.sessions() as session:
        receivers = session.scalars(select(Message.receiver).order_by(Message.id)).all()
    assert receivers == ["+33612345678", "+33623456789"]  # "2024" is the list of that name
