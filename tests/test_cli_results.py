"""Issue 14 acceptance: a campaign on the simulator with a known mix of endings; every
figure of `campaign report --json`, of the exported CSV, and the replies of `inbox list`
checked against values worked out from the simulator's endings table (README "The
simulated gateway"); STOP lands on the stop list and the next campaign leaves it out."""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import pytest

from smsdesk.app import build_services
from smsdesk.cli import main

# ending -> (status, ptt) by the simulator's table
RECEIVERS = {
    "+33612340005": ("failed", 5),  # undelivered
    "+33612340008": ("expired", 8),
    "+33612340020": ("failed", None),  # refused at submission
    "+33612340023": ("failed", 23),  # invalid or barred
    "+33612340024": ("failed", 24),  # absent subscriber
    "+33612350024": ("failed", 24),
    "+33612340026": ("failed", 26),  # temporary phone error
    "+33612340042": ("delivered", 4),  # then answers STOP
    "+33612340043": ("delivered", 4),  # then answers "Oui, merci !"
    "+33612340001": ("delivered", 4),
    "+33612340002": ("delivered", 4),
    "+33612340003": ("delivered", 4),
}

EXPECTED_REPORT = {
    "name": "Soldes",
    "recipients": 12,
    "parts": 12,  # one part each, the refused one too (it was to be sent)
    "credits": 11.0,  # a credit a part, for the 11 the simulator took
    "delivered": 5,
    "failed": 6,
    "pending": 0,
    "expired": 1,
    "cancelled": 0,
    "unknown": 0,
    "stopped": 1,
    "failures": [
        {"ptt": 24, "reason": "Absent subscriber", "count": 2},
        {"ptt": None, "reason": "undeliverable receiver", "count": 1},
        {"ptt": 5, "reason": "Undelivered", "count": 1},
        {"ptt": 8, "reason": "Expired", "count": 1},
        {"ptt": 23, "reason": "Invalid or barred number", "count": 1},
        {"ptt": 26, "reason": "Temporary phone error", "count": 1},
    ],
    # the simulator reports Orange (20801) for what it delivers
    "operators": [{"code": "20801", "name": "Orange", "count": 5}],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_campaign_report_inbox_and_stop(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    assert sum(1 for s, _p in RECEIVERS.values() if s == "delivered") == 5
    code, out, _ = run(
        capsys,
        "--db", db_url, "campaign", "send", "--name", "Soldes", "--message", "Soldes -20%",
        "--to", *RECEIVERS, "--json",
    )  # fmt: skip
    assert code == 0
    campaign = json.loads(out)["id"]
    # dispatch --once sends, reads receipts and collects replies; the simulator answers a
    # second after delivery, so a few passes (bounded) until both replies are in
    pause = threading.Event()
    replies: list[dict[str, object]] = []
    for _ in range(40):
        code, out, _ = run(capsys, "--db", db_url, "dispatch", "--once")
        assert code == 0, out
        code, out, _ = run(capsys, "--db", db_url, "inbox", "list", "--json")
        replies = json.loads(out)
        if len(replies) == 2:
            break
        pause.wait(0.25)
    by_sender = {r["sender"]: r for r in replies}
    assert {s: (r["body"], r["is_stop"], r["campaign_id"]) for s, r in by_sender.items()} == {
        "+33612340042": ("STOP", True, campaign),
        "+33612340043": ("Oui, merci !", False, campaign),
    }
    code, out, _ = run(capsys, "--db", db_url, "inbox", "list", "--number", "06 12 34 00 43")
    assert code == 0 and "Oui, merci !" in out and "STOP" not in out

    code, out, _ = run(capsys, "--db", db_url, "campaign", "report", str(campaign), "--json")
    assert code == 0
    report = json.loads(out)
    assert report == {"id": campaign, **EXPECTED_REPORT}
    states = ("delivered", "failed", "pending", "expired", "cancelled", "unknown")
    assert sum(report[s] for s in states) == report["recipients"]

    # the same figures, counted another way: straight from the messages
    services = build_services(db_url)
    try:
        with services.sessions() as session:
            from sqlalchemy import select

            from smsdesk.db.models import Message

            rows = session.execute(select(Message.receiver, Message.status, Message.ptt)).all()
        assert {r: (s, p) for r, s, p in rows} == RECEIVERS
        path = tmp_path / "report.csv"
        services.results.export_csv(campaign, path)
    finally:
        services.close()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel: BOM, CRLF
    with path.open(encoding="utf-8-sig", newline="") as handle:
        figures = dict(csv.reader(handle, delimiter=";"))
    assert figures["figure"] == "value"
    for key in ("recipients", "parts", *states, "stopped"):
        assert int(figures[key]) == EXPECTED_REPORT[key], key
    assert float(figures["credits"]) == 11.0
    assert figures["replies"] == "2"
    assert figures["failure 24: Absent subscriber"] == "2"
    assert figures["failure -: undeliverable receiver"] == "1"
    assert figures["operator 20801: Orange"] == "5"

    # resend: the temporary failures listed first, a new campaign only with --yes
    code, out, _ = run(capsys, "--db", db_url, "campaign", "resend", str(campaign), "--json")
    listed = json.loads(out)
    assert code == 0 and (listed["campaign"], listed["messages"]) == (None, 0)
    assert [(c["number"], c["ptt"]) for c in listed["candidates"]] == [
        ("+33612340024", 24),
        ("+33612350024", 24),
        ("+33612340026", 26),
    ]
    code, out, _ = run(
        capsys, "--db", db_url, "campaign", "resend", str(campaign), "--codes", "5", "--yes",
        "--json",
    )  # fmt: skip
    resent = json.loads(out)
    assert code == 0 and resent["messages"] == 1 and resent["campaign"] != campaign
    assert [c["number"] for c in resent["candidates"]] == ["+33612340005"]

    # the STOP is on the stop list; a later campaign leaves it out and says so
    code, out, _ = run(capsys, "--db", db_url, "contacts", "stop", "list", "--json")
    (entry,) = json.loads(out)
    assert entry["number"] == "+33612340042"
    assert entry["reason"].startswith(f"answered STOP to campaign {campaign}")
    code, out, err = run(
        capsys, "--db", db_url, "campaign", "send", "--message", "Encore",
        "--to", "+33612340042", "+33612340001", "--json",
    )  # fmt: skip
    assert code == 0
    assert (json.loads(out)["messages"], json.loads(out)["stopped"]) == (1, 1)
    assert "1 number(s) left out: on the stop list" in err

    # off the stop list only with a reason (the consent proof)
    code, _, err = run(capsys, "--db", db_url, "contacts", "stop", "remove", "+33612340042")
    assert code == 1 and "--reason is required" in err
    code, out, _ = run(
        capsys, "--db", db_url, "contacts", "stop", "remove", "0612340042",
        "--reason", "signed up again at the shop, 2026-12-01", "--json",
    )  # fmt: skip
    assert (code, json.loads(out)) == (0, {"removed": 1})
    code, out, _ = run(
        capsys, "--db", db_url, "contacts", "stop", "add", "0612340099", "--reason", "asked"
    )
    assert code == 0 and "1 added" in out
