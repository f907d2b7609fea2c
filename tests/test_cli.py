"""The command-line contract of DESIGN.md, run in-process and as a real process."""

from __future__ import annotations

import json
import os
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
        "operator",
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
        (
            ["campaign", "send", "--to", "0612", "--message", "x"],
            "1 number(s) left out ('0612': too short)",
        ),
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


# -- every bad value: one line on stderr, exit 1, no traceback ---------------------------

BIG = "99999999999999999999999"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["history", "list", "--until", "9999-12-31"], "'9999-12-31' is out of range"),
        (["history", "list", "--since", "0001-01-01"], "'0001-01-01' is out of range"),
        (
            ["history", "list", "--since", "9999-12-31T23:59:59-01:00"],
            "'9999-12-31T23:59:59-01:00' is out of range",
        ),
        (["history", "list", "--until", "2026-02-30"], "not an ISO 8601 date or time"),
        (["history", "list", "--limit", "9223372036854775808"], "argument --limit"),
        (["history", "list", "--limit", "-1"], "'-1' is not a limit"),
        (["history", "list", "--limit", "0"], "'0' is not a limit"),
        (["history", "list", "--limit", "ten"], "'ten' is not a limit"),
        (["history", "list", "--campaign", BIG], f"argument --campaign: '{BIG}' is not an id"),
        (["history", "list", "--campaign", "0"], "'0' is not an id"),
        (["history", "delete", "99999999999999999999"], "is not an id"),
        (["history", "delete", "1", "-3"], "'-3' is not an id"),
        (["history", "export", ""], "'' is not a file name"),
        (["demo", "seed", "--messages", BIG], f"'{BIG}' is not a count"),
        (["dispatch", "--batch-size", BIG], "is not a batch size"),
        (["dispatch", "--receipt-wait", "nan"], "'nan' is not a number of seconds"),
        (["dispatch", "--receipt-wait", "1e308"], "'1e308' is not a number of seconds"),
        (["message", "info", "\udcff"], "argument text: not UTF-8 text (the byte 0xff"),
        (
            ["campaign", "send", "--to", "0612345678", "--message", "caf\udce9"],
            "argument --message: not UTF-8 text (the byte 0xe9 at character 4)",
        ),
        (["history", "list", "--tag", "\udcff"], "argument --tag: not UTF-8 text"),
        (["history", "list", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_value_is_one_line(capsys, db_url, argv, reason):
    code, out, err = run(capsys, "--db", db_url, *argv)
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert reason in err and err.startswith("smsdesk")
    assert "Traceback" not in err and out == ""


def test_export_to_a_folder_is_refused(capsys, db_url, tmp_path: Path):
    code, _, err = run(capsys, "--db", db_url, "history", "export", str(tmp_path))
    assert code == 1 and f"'{tmp_path}' is not a file name" in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.parent.glob(f"{tmp_path.name}.part"))


def test_dates_far_in_range_work(capsys, db_url):
    run(capsys, "--db", db_url, "demo", "seed", "--messages", "3")
    argv = ["--db", db_url, "history", "list", "--json"]
    code, out, _ = run(capsys, *argv, "--since", "0001-01-02", "--until", "9999-12-30")
    assert code == 0 and len(json.loads(out)) == 3
    code, out, _ = run(capsys, *argv, "--since", "5000-01-01", "--limit", "9223372036854775807")
    assert code == 0 and json.loads(out) == []


def test_unexpected_error_is_one_line_and_traceback_at_debug(
    capsys, caplog, db_url, monkeypatch: pytest.MonkeyPatch
):
    """The last resort: an error no check foresaw is still one line (its first), and its
    traceback goes to the debug log (-vv)."""
    from smsdesk.services.history_query import HistoryQueries

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(HistoryQueries, "page", broken)
    caplog.set_level("DEBUG", logger="smsdesk.cli")
    code, out, err = run(capsys, "--db", db_url, "history", "list")
    assert (code, out) == (1, "")
    assert err == "smsdesk: error: disk on fire (-vv shows the details)\n"
    [record] = [r for r in caplog.records if r.name == "smsdesk.cli"]
    assert record.levelname == "DEBUG" and record.exc_info is not None


def test_unknown_region_is_one_line(capsys, db_url):
    argv = ["campaign", "send", "--to", "0612345678", "--message", "x", "--region", "ZZ"]
    code, _, err = run(capsys, "--db", db_url, *argv)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "unknown region 'ZZ'" in err and "Traceback" not in err


def test_too_large_campaign_id_is_one_line(capsys, db_url):
    code, _, err = run(capsys, "--db", db_url, "campaign", "cancel", BIG)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        [b"message", b"info", b"\xff"],
        [b"campaign", b"send", b"--to", b"0612345678", b"--message", b"caf\xe9"],
    ],
)
def test_invalid_utf8_bytes_in_argv(tmp_path: Path, argv):
    """Real bytes that are not UTF-8, as a shell passes them (Latin-1 'café')."""
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}".encode()
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"smsdesk", b"--db", db, *argv],
        capture_output=True,
        env={**os.environ, "SMSDESK_DATA_DIR": str(tmp_path / "data")},
        timeout=60,
    )
    assert result.returncode == 1
    err = result.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and "not UTF-8 text" in err, err


def test_reader_that_leaves_early_gets_no_error(capsys, db_url, tmp_path: Path):
    """`smsdesk history list | head -1`: no traceback, no 'Broken pipe' line."""
    run(capsys, "--db", db_url, "demo", "seed", "--messages", "3000")
    process = subprocess.Popen(
        [sys.executable, "-m", "smsdesk", "--db", db_url, "history", "list", "--limit", "3000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SMSDESK_DATA_DIR": str(tmp_path / "data")},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""
    process.stderr.close()


def test_contacts_import_reports_a_line_too_long(capsys, db_url, tmp_path: Path):
    path = tmp_path / "big.csv"
    path.write_text(
        "phone;note\n0612345601;a\n0612345602;" + "x" * (2 * 1024 * 1024) + "\n", encoding="ascii"
    )
    code, out, _ = run(capsys, "--db", db_url, "contacts", "import", str(path), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["rows"], report["imported"], report["invalid"]) == (2, 1, 1)
    [error] = report["errors"]
    assert error["line"] == 3 and error["reason"] == "the line is longer than 1 MiB: left out"
    assert len(error["value"]) < 50
