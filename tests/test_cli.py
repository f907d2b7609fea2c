"""The command-line contract of DESIGN.md, run in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smsdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_send_dispatch_history(capsys, db_url):
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "campaign",
        "send",
        "--to",
        "+33612345678",
        "--to",
        "0698765432",
        "--message",
        "Bonjour",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == {
        "id": 1,
        "status": "scheduled",
        "messages": 2,
        "scheduled_at": None,
        "stopped": 0,  # numbers left out: on the stop list
    }
    code, out, _ = run(capsys, "--db", db_url, "dispatch", "--once")
    assert code == 0
    assert out.startswith("sent 2, failed 0")
    code, out, _ = run(capsys, "--db", db_url, "history", "list", "--json")
    rows = json.loads(out)
    assert {r["receiver"] for r in rows} == {"+33612345678", "+33698765432"}
    assert {r["status"] for r in rows} == {"delivered"}
    assert set(rows[0]) == {
        "id",
        "campaign_id",
        "created_at",
        "submitted_at",
        "delivered_at",
        "sender",
        "receiver",
        "body",
        "status",
        "ptt",
        "dlr",
        "operator_code",
        "tag",
        "parts",
    }
    assert [r["id"] for r in rows] == [2, 1]  # newest first


def test_to_takes_several_numbers_and_db_after_command(capsys, db_url):
    code, out, _ = run(
        capsys,
        "campaign",
        "send",
        "--db",
        db_url,
        "--to",
        "0612345678",
        "0698765432",
        "--message",
        "x",
        "--sender",
        "MAIRIE",
        "--tag",
        "t",
        "--json",
    )
    assert code == 0 and json.loads(out)["messages"] == 2
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    [campaign] = json.loads(out)
    assert campaign["recipients"] == 2
    assert campaign["sender"] == "MAIRIE"
    assert set(campaign) == {
        "id",
        "name",
        "status",
        "scheduled_at",
        "recipients",
        "sender",
        "body",
        "parts",
        "reason",
    }
    assert campaign["reason"] is None  # not paused


def test_scheduled_then_cancelled(capsys, db_url):
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "campaign",
        "send",
        "--to",
        "0612345678",
        "--message",
        "x",
        "--at",
        "2099-01-02T10:00:00+01:00",
        "--json",
    )
    assert json.loads(out)["scheduled_at"] == "2099-01-02T09:00:00+00:00"
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--scheduled", "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, "--db", db_url, "campaign", "cancel", "1")
    assert code == 0
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--scheduled", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonjour",
            {"encoding": "GSM-7", "length": 7, "segments": 1, "per_segment": 160, "remaining": 153},
        ),
        (
            "a" * 161,
            {
                "encoding": "GSM-7",
                "length": 161,
                "segments": 2,
                "per_segment": 153,
                "remaining": 145,
            },
        ),
        (
            "€" * 80,
            {"encoding": "GSM-7", "length": 160, "segments": 1, "per_segment": 160, "remaining": 0},
        ),
        (
            "ê" * 71,
            {"encoding": "UCS-2", "length": 71, "segments": 2, "per_segment": 67, "remaining": 63},
        ),
        (
            "😀" * 35,
            {"encoding": "UCS-2", "length": 70, "segments": 1, "per_segment": 70, "remaining": 0},
        ),
    ],
)
def test_message_info_contract(capsys, text, expected):
    code, out, _ = run(capsys, "message", "info", text, "--json")
    assert code == 0
    assert json.loads(out) == expected


def test_message_info_text_starting_with_dash(capsys):
    code, out, _ = run(capsys, "message", "info", "--json", "--", "-5% today")
    assert code == 0 and json.loads(out)["length"] == 9


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["campaign", "send", "--to", "0612", "--message", "x"], "invalid number '0612'"),
        (["campaign", "send", "--to", "0612345678", "--message", "  "], "the message is empty"),
        (["campaign", "cancel", "7"], "no campaign with id 7"),
        (["history", "delete", "7"], "no message with id 7"),
        (["campaign", "send", "--message", "x"], "one of the arguments --to --list is required"),
    ],
)
def test_bad_input_exits_1_with_one_line(capsys, db_url, argv, reason):
    code, out, err = run(capsys, "--db", db_url, *argv)
    assert code == 1
    assert reason in err
    assert err.strip().splitlines()[-1].startswith("smsdesk")
    code, out, _ = run(capsys, "--db", db_url, "history", "list", "--json")
    assert json.loads(out) == []


def test_unwritable_database_path(capsys, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main(["--db", f"sqlite:///{blocker}/db.sqlite3", "campaign", "list"]))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "cannot create the database file" in err


def test_export_and_delete(capsys, db_url, tmp_path: Path):
    run(capsys, "--db", db_url, "demo", "seed", "--messages", "50")
    out_path = tmp_path / "h.csv"
    code, _, err = run(capsys, "--db", db_url, "history", "export", str(out_path))
    assert code == 0 and "50 message(s)" in err
    lines = out_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "id;date;sender;receiver;ptt;operatorCode;descriptionDlr;tag;message"
    assert len(lines) == 51
    code, out, _ = run(capsys, "--db", db_url, "history", "delete", "1", "2")
    assert out.strip() == "2 message(s) deleted"


def test_real_process_and_help_lists_only_real_commands(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "smsdesk", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("message", "campaign", "dispatch", "history", "demo"):
        assert command in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "smsdesk", "message", "info", "Bonjour", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["segments"] == 1


def test_commercial_campaign_planned_on_a_holiday_is_postponed(capsys, db_url):
    code, out, err = run(
        capsys,
        "--db",
        db_url,
        "campaign",
        "send",
        "--to",
        "0612345678",
        "--message",
        "Soldes",
        "--commercial",
        "--name",
        "Fête nationale",
        "--at",
        "2099-07-14T10:00:00+02:00",  # 14 July: a French public holiday
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["scheduled_at"] == "2099-07-15T06:00:00+00:00"  # 08:00 in Paris
    code, out, _ = run(capsys, "--db", db_url, "campaign", "list", "--json")
    [campaign] = json.loads(out)
    assert campaign["name"] == "Fête nationale"
    assert campaign["parts"] == 1
    code, out, _ = run(
        capsys, "--db", db_url, "campaign", "reschedule", "1", "--at", "2099-07-16T21:00+02:00"
    )
    assert code == 0
    assert "2099-07-17" in out  # 21:00 is after the window: next morning


def test_window_option(capsys, db_url):
    argv = ["--db", db_url, "campaign", "send", "--to", "0612345678", "--message", "x"]
    code, out, _ = run(
        capsys,
        *argv,
        "--commercial",
        "--window",
        "none",
        "--at",
        "2099-07-14T10:00:00+02:00",
        "--json",
    )
    assert json.loads(out)["scheduled_at"] == "2099-07-14T08:00:00+00:00"  # not moved
    code, out, _ = run(
        capsys, *argv, "--window", "09:30-12:00,mon-fri", "--at", "2099-07-18T10:00", "--json"
    )
    assert code == 0
    assert json.loads(out)["scheduled_at"].startswith("2099-07-20T")  # Saturday -> Monday
    code, _, err = run(capsys, *argv, "--window", "8h-20h")
    assert code == 1
    assert "bad --window '8h-20h'" in err
