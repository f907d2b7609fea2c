"""The command line (a stable contract: see README). No sub-command opens the window."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from smsdesk.providers.registry import PROVIDER_NAMES

if TYPE_CHECKING:
    from smsdesk.services.history import HistoryService
    from smsdesk.services.message_row import MessageRow

log = logging.getLogger(__name__)


class CliError(Exception):
    """Bad input or a failure: printed as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # one line, like every other error (the usage is one --help away)
        self.exit(1, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# -- argument values: each is checked as it is parsed, so a bad one is one line ------------

DB_INT_MAX = 2**63 - 1  # the largest integer SQLite and PostgreSQL (bigint) store
# dates that hold in every time zone (a little beyond works where the offset allows)
DATE_RANGE = "from 0001-01-02 to 9999-12-30"


def _whole_number(text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not {what} (a whole number from {low} to {high})"
        )
    return value


def db_id(text: str) -> int:
    """An argparse type for an id of a row (message, campaign, list): 1 to 2**63 - 1."""
    return _whole_number(text, 1, DB_INT_MAX, "an id")


def count_of(high: int, what: str) -> Callable[[str], int]:
    """An argparse type for a positive count up to `high`."""

    def parse(text: str) -> int:
        return _whole_number(text, 1, high, what)

    return parse


def seconds_up_to(high: float) -> Callable[[str], float]:
    """An argparse type for a duration in seconds, 0 to `high` (no nan, no inf)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not 0 <= value <= high:  # also false for nan
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 to {high:g})")
        return value

    return parse


def utf8_text(text: str) -> str:
    """The argparse type of every text argument: argv bytes that are not UTF-8 come in as
    lone surrogates (surrogateescape); they could be neither stored nor sent."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        byte = f"the byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise argparse.ArgumentTypeError(
            f"not UTF-8 text ({byte} at character {exc.start + 1}); "
            "set your terminal or file to UTF-8"
        ) from None
    return text


def output_file(text: str) -> Path:
    """An argparse type for a file to write (not a folder)."""
    path = Path(text)
    if not text.strip() or not path.name or path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is not a file name")
    return path


def _local_datetime(text: str, *, end_of_day: bool = False) -> datetime:
    """ISO 8601 date or datetime; without a zone it is local time. `end_of_day`: a bare
    date means the end of that day. CliError for anything else, or for an instant out of
    the range the databases store."""
    bare_date = len(text) == 10
    try:
        if bare_date:
            value = datetime.combine(date.fromisoformat(text), time())
        else:
            value = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"not an ISO 8601 date or time: {text!r}") from None
    try:
        if end_of_day and bare_date:
            value += timedelta(days=1)
        if value.tzinfo is None:
            value = value.astimezone()
        value.astimezone(UTC)  # what the database is given
    except (ValueError, OverflowError):  # past year 9999 or before year 1, in some zone
        raise CliError(f"{text!r} is out of range (dates {DATE_RANGE})") from None
    return value


def _instant_type(*, end_of_day: bool = False) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        try:
            return _local_datetime(utf8_text(text), end_of_day=end_of_day)
        except CliError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def instant(text: str) -> datetime:
    """An argparse type for an ISO 8601 date or instant (local time without a zone)."""
    return _instant_type()(text)


def _check_text_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give every text argument of every sub-command the UTF-8 check (one place, so a
    sub-command added later is covered too). Arguments with a type of their own (paths,
    numbers, --db) are left alone: a file name need not be UTF-8."""
    seen: set[int] = set()

    def visit(current: argparse.ArgumentParser) -> None:
        if id(current) in seen:
            return
        seen.add(id(current))
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    visit(child)
            elif action.nargs != 0 and action.type is None:
                action.type = utf8_text

    visit(parser)
    return parser


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def _common() -> _Parser:
    parent = _Parser(add_help=False)
    parent.add_argument(
        "--db", type=str, default=argparse.SUPPRESS, help="database URL (or SMSDESK_DB)"
    )
    return parent


def _history_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sender", help="sender contains this")
    parser.add_argument("--receiver", help="partial receiver number, any format")
    parser.add_argument("--since", type=instant, help="from this date/time (ISO 8601, local time)")
    parser.add_argument(
        "--until",
        type=_instant_type(end_of_day=True),
        help="up to this date/time (ISO 8601; a date includes the day)",
    )
    parser.add_argument(
        "--status",
        choices=("delivered", "failed", "pending", "cancelled"),
        help="failed includes expired and unknown; pending: not yet final",
    )
    parser.add_argument("--tag", help="exactly this tag")
    parser.add_argument("--campaign", type=db_id, metavar="ID", help="messages of this campaign")
    parser.add_argument("--text", help="the message contains this")


def _contacts_parser(sub: Any, common: _Parser) -> None:
    contacts = sub.add_parser("contacts", help="recipient lists").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    cimport = contacts.add_parser(
        "import",
        parents=[common],
        help="import a file into a list (new or existing): CSV, TXT, XLSX, XLS, ODS, VCF",
    )
    cimport.add_argument("path", type=Path)
    cimport.add_argument("--list", dest="list_name", metavar="NAME", help="default: file name")
    cimport.add_argument("--region", help="region of national numbers (default: Settings, FR)")
    cimport.add_argument(
        "--column", help="the column of the numbers: its name or number (default: detected)"
    )
    cimport.add_argument(
        "--sheet", metavar="NAME", help="a workbook's sheet (default: the first with numbers)"
    )
    cimport.add_argument(
        "--keep-landlines", action="store_true", help="keep landline and other non-mobile numbers"
    )
    cimport.add_argument(
        "--all-numbers",
        action="store_true",
        help="every mobile of a contact (default: its first mobile, one message a person)",
    )
    cimport.add_argument("--json", action="store_true")
    clists = contacts.add_parser("lists", parents=[common], help="the recipient lists")
    clists.add_argument("--json", action="store_true")
    cshow = contacts.add_parser("show", parents=[common], help="the contacts of a list")
    cshow.add_argument("list_name", metavar="LIST", help="the list's name")
    cshow.add_argument("--search", metavar="S", help="name or number contains this")
    cshow.add_argument("--limit", type=count_of(DB_INT_MAX, "a limit"), default=1000)
    cshow.add_argument("--json", action="store_true")
    cdelete = contacts.add_parser(
        "delete", parents=[common], help="delete numbers from a list, or the whole list"
    )
    cdelete.add_argument("list_name", metavar="LIST", help="the list's name")
    cdelete.add_argument(
        "numbers", nargs="*", metavar="NUMBER", help="any format (none: the whole list)"
    )
    cdelete.add_argument("--json", action="store_true")
    ccheck = contacts.add_parser(
        "check",
        parents=[common],
        help="ask the networks about a list (HLR): the price first, --yes to pay and run",
    )
    ccheck.add_argument("list_name", metavar="LIST", help="the list's name")
    ccheck.add_argument("--provider", default=None, choices=PROVIDER_NAMES)
    ccheck.add_argument("--yes", action="store_true", help="run it and remove the unreachable")
    ccheck.add_argument("--json", action="store_true")
    _stop_parser(contacts, common)


def _stop_parser(contacts: Any, common: _Parser) -> None:
    stop = contacts.add_parser(
        "stop", parents=[common], help="the stop list: numbers never sent a campaign"
    )
    stop.add_argument("stop_action", choices=("list", "add", "remove"))
    stop.add_argument("numbers", nargs="*", metavar="NUMBER")
    stop.add_argument(
        "--reason",
        help="why (add: default 'added by hand'; remove: required, the consent proof)",
    )
    stop.add_argument("--region", default="FR", help="region of national numbers (FR)")
    stop.add_argument("--json", action="store_true")


def _inbox_parser(sub: Any, common: _Parser) -> None:
    inbox = sub.add_parser("inbox", help="replies received").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    ilist = inbox.add_parser("list", parents=[common], help="replies, newest first")
    ilist.add_argument("--since", help="from this date/time (ISO 8601, local time)")
    ilist.add_argument("--number", help="only the replies of this number")
    ilist.add_argument("--json", action="store_true")


class _VersionAction(argparse.Action):
    """--version, reading the package metadata only when asked (it costs every command
    its start-up time otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        from smsdesk import __version__

        sys.stdout.write(f"smsdesk {__version__}\n")
        parser.exit()


def _package_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action=_VersionAction)
    # hidden: open the window, print "painted" at its first paint, quit SECONDS later
    # (the package test and benchmarks/startup.py)
    parser.add_argument("--quit-after-paint", type=float, metavar="SECONDS", help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="smsdesk",
        description="Bulk SMS campaigns. Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log more to stderr (-vv: debug, with the traceback of an unexpected error)",
    )
    _package_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser(
        "self-check",
        help="check this install: a temporary database, a send through the simulator, "
        "its receipts (exit 0 and one line)",
    )

    gateway = sub.add_parser("gateway", help="the gateways smsdesk sends through").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    gateway.add_parser("list", help="each gateway: name, label, what it can do (tab-separated)")

    message = sub.add_parser("message", help="message tools").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    info = message.add_parser("info", help="encoding, length and parts of a text")
    info.add_argument("text", help="the message (a text starting with - goes after --)")
    info.add_argument("--stop-clause", action="store_true", help="count the STOP clause")
    info.add_argument("--json", action="store_true")

    campaign = sub.add_parser("campaign", help="send, list, cancel campaigns").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    send = campaign.add_parser("send", parents=[common], help="create a campaign")
    send.add_argument("--message", required=True, help="the text to send")
    send.add_argument(
        "--to", action="extend", nargs="+", default=[], metavar="NUMBER", help="receivers"
    )
    send.add_argument(
        "--list",
        dest="list_names",
        action="append",
        default=[],
        metavar="NAME|ID",
        help="a recipient list, by name or id; repeat it for several lists (with --to too): "
        "a number in several of them gets one message",
    )
    send.add_argument(
        "--transliterate",
        action="store_true",
        help="merged values ({prénom}...) in GSM-7 where they can be (ç → c, œ → oe, ê → e; "
        "é è ù à stay); the text you wrote is sent as written",
    )
    send.add_argument("--sender", default="", help="sender name (<= 11 letters/digits)")
    send.add_argument("--at", help="send at this ISO 8601 instant (local time without zone)")
    send.add_argument("--tag", default="", help="a tag kept with each message")
    send.add_argument("--provider", default=None, choices=PROVIDER_NAMES)
    send.add_argument(
        "--commercial",
        action="store_true",
        help="adds the STOP clause and keeps to the commercial sending window",
    )
    send.add_argument("--region", default="FR", help="region of national numbers (FR)")
    send.add_argument("--name", default="", help="campaign name (default: start of the text)")
    send.add_argument(
        "--window",
        default="default",
        metavar="SPEC",
        help="sending window: 'default' (Settings' window for --commercial, none otherwise), "
        "'none', or HH:MM-HH:MM[,mon-sat][,noholidays] in Europe/Paris time",
    )
    send.add_argument(
        "--defer-to-provider",
        action="store_true",
        help="with --at: hand the schedule to the gateway (an OVH batch with a deferred date)",
    )
    send.add_argument(
        "--allow-overdraft",
        action="store_true",
        help="send even if the campaign needs more credits than the gateway reports left",
    )
    send.add_argument(
        "--allow-long",
        action="store_true",
        help="send even if a message is longer than 10 SMS parts",
    )
    send.add_argument("--json", action="store_true")
    clist = campaign.add_parser("list", parents=[common], help="campaigns, newest first")
    clist.add_argument(
        "--scheduled", action="store_true", help="only those not started yet, or paused"
    )
    clist.add_argument("--json", action="store_true")
    edit = campaign.add_parser(
        "edit", parents=[common], help="change the text of a campaign that has not started"
    )
    edit.add_argument("id", type=db_id)
    edit.add_argument("--message", required=True, help="the new text")
    merged = edit.add_mutually_exclusive_group()
    merged.add_argument(
        "--transliterate",
        dest="transliterate",
        action="store_const",
        const=True,
        default=None,
        help="merged values in GSM-7 where they can be (default: as the campaign was created)",
    )
    merged.add_argument(
        "--no-transliterate",
        dest="transliterate",
        action="store_const",
        const=False,
        help="merged values as written",
    )
    edit.add_argument("--json", action="store_true")
    cancel = campaign.add_parser("cancel", parents=[common], help="cancel what has not left")
    cancel.add_argument("id", type=db_id)
    resume = campaign.add_parser(
        "resume", parents=[common], help="send the rest of a paused campaign"
    )
    resume.add_argument("id", type=db_id)
    reschedule = campaign.add_parser(
        "reschedule", parents=[common], help="move what has not left to another instant"
    )
    reschedule.add_argument("id", type=db_id)
    when = reschedule.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", help="ISO 8601 instant (local time without zone)")
    when.add_argument("--now", action="store_true", help="send now (within its window)")
    report = campaign.add_parser(
        "report", parents=[common], help="results: states, failures, operators, STOPs"
    )
    report.add_argument("id", type=int)
    report.add_argument("--json", action="store_true")
    resend = campaign.add_parser(
        "resend",
        parents=[common],
        help="list the failures worth retrying (temporary codes), --yes sends them anew",
    )
    resend.add_argument("id", type=db_id)
    resend.add_argument(
        "--codes", help="ptt codes to retry, comma-separated (default: 24,25,26,1,2)"
    )
    resend.add_argument("--yes", action="store_true", help="create the new campaign")
    resend.add_argument("--json", action="store_true")

    _contacts_parser(sub, common)
    _inbox_parser(sub, common)

    dispatch = sub.add_parser("dispatch", parents=[common], help="send what is due")
    mode = dispatch.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one pass, then exit (default)")
    mode.add_argument("--forever", action="store_true", help="keep running (a server)")
    dispatch.add_argument(
        "--batch-size",
        type=count_of(100_000, "a batch size"),
        default=None,
        help="messages per gateway call (default 500)",
    )
    dispatch.add_argument(
        "--receipt-wait",
        type=seconds_up_to(86_400),
        default=10.0,
        help="with --once: at most this many seconds to wait for delivery receipts (default 10)",
    )

    history = sub.add_parser("history", help="the SMS history").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    hlist = history.add_parser("list", parents=[common], help="messages, newest first")
    _history_filters(hlist)
    hlist.add_argument("--limit", type=count_of(DB_INT_MAX, "a limit"), default=100)
    hlist.add_argument("--json", action="store_true")
    export = history.add_parser("export", parents=[common], help="CSV export (OVH columns)")
    export.add_argument("path", type=output_file)
    _history_filters(export)
    hdelete = history.add_parser("delete", parents=[common], help="delete messages by id")
    hdelete.add_argument("ids", type=db_id, nargs="+", metavar="ID")

    demo = sub.add_parser("demo", help="demo data").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    seed = demo.add_parser("seed", parents=[common], help="fill the history")
    seed.add_argument("--messages", type=count_of(100_000_000, "a count"), required=True)
    return _check_text_arguments(parser)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    levels = (logging.WARNING, logging.INFO, logging.DEBUG)
    logging.basicConfig(
        level=levels[min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    db_url = getattr(args, "db", None)
    if args.command is None:
        from smsdesk.gui import run_gui

        return run_gui(db_url, quit_after_paint=args.quit_after_paint)
    try:
        return _run(args, db_url)
    except CliError as exc:
        print(f"smsdesk: error: {_first_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()  # `smsdesk history list | head`: the reader left
        return 1
    except Exception as exc:  # the last resort: one line, never a traceback
        log.debug("unexpected error", exc_info=True)
        print(f"smsdesk: error: {_describe(exc)} (-vv shows the details)", file=sys.stderr)
        return 1


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _describe(exc: BaseException) -> str:
    """One line about an unexpected exception; a database error says its driver's reason,
    not the statement and its parameters (receivers, texts)."""
    reason = getattr(exc, "orig", None) or exc
    return _first_line(str(reason)) or type(reason).__name__


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace, db_url: str | None) -> int:
    if args.command == "message":
        return _message_info(args)
    if args.command == "self-check":
        return _self_check()
    if args.command == "gateway":
        return _gateway_list()
    if args.command == "history":
        return _history_command(args, db_url)

    from smsdesk.app import build_services
    from smsdesk.db.session import DatabaseError
    from smsdesk.providers.base import ProviderError
    from smsdesk.providers.registry import UnknownProviderError
    from smsdesk.services.campaigns import CampaignError

    try:
        services = build_services(db_url)
    except DatabaseError as exc:
        raise CliError(str(exc)) from None
    from smsdesk.services.recipients import RecipientFileError, RecipientsError
    from smsdesk.services.results import ResultsError
    from smsdesk.services.stop_list import ConsentRequired

    try:
        handler = {
            "campaign": _campaign,
            "contacts": _contacts,
            "dispatch": _dispatch,
            "demo": _demo,
            "inbox": _inbox,
        }[args.command]
        return handler(args, services)
    except BrokenPipeError:
        raise  # not an error of the user's: main() leaves quietly
    except (CampaignError, UnknownProviderError, ProviderError, DatabaseError, OSError) as exc:
        raise CliError(str(exc)) from None
    except (RecipientFileError, RecipientsError, ResultsError, ConsentRequired) as exc:
        raise CliError(str(exc)) from None
    finally:
        services.close()


def _gateway_list() -> int:
    """Every gateway of the registry (providers/registry.py), from its spec alone."""
    from smsdesk.providers.registry import specs

    for spec in specs():
        abilities = ",".join(sorted(c.value for c in spec.capabilities))
        print(f"{spec.name}\t{spec.label}\t{abilities}")
    return 0


def _self_check() -> int:
    from smsdesk.selfcheck import SelfCheckError, run_self_check

    try:
        print(run_self_check())
    except SelfCheckError as exc:
        raise CliError(f"self-check failed: {exc}") from None
    return 0


def _message_info(args: argparse.Namespace) -> int:
    from smsdesk.domain.encoding import message_info

    info = message_info(args.text, stop_clause=args.stop_clause)
    data = {
        "encoding": str(info.encoding),
        "length": info.length,
        "segments": info.segments,
        "per_segment": info.per_segment,
        "remaining": info.remaining,
    }
    if args.json:
        _print_json(data)
    else:
        print(
            f"{data['encoding']}, {info.length} characters, {info.segments} part(s) "
            f"of {info.per_segment}, {info.remaining} left in the last part"
        )
    return 0


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _window_spec(text: str) -> Any:
    """--window: None for 'default', ALWAYS_OPEN for 'none', else a SendingWindow."""
    from smsdesk.domain.sending_window import ALWAYS_OPEN, SendingWindow

    spec = text.strip().lower()
    if spec == "default":
        return None
    if spec == "none":
        return ALWAYS_OPEN
    hours, *rest = [part.strip() for part in spec.split(",")]
    try:
        start_text, end_text = hours.split("-")
        start = time.fromisoformat(start_text)
        end = time(0) if end_text in ("24:00", "24") else time.fromisoformat(end_text)
        days: set[int] = set()
        holidays = True
        for part in rest:
            if part in ("noholidays", "holidays"):
                holidays = part == "holidays"
            elif "-" in part:
                first, last = (_DAYS.index(d) for d in part.split("-"))
                days.update(range(first, last + 1))
            else:
                days.add(_DAYS.index(part))
        kwargs: dict[str, Any] = {"start": start, "end": end, "skip_public_holidays": holidays}
        if days:
            kwargs["weekdays"] = frozenset(days)
        return SendingWindow(**kwargs)
    except ValueError as exc:
        raise CliError(
            f"bad --window {text!r}: use 'default', 'none' or HH:MM-HH:MM[,mon-sat][,noholidays]"
            f" ({exc})"
        ) from None


def _campaign(args: argparse.Namespace, services: Any) -> int:
    from smsdesk.domain.delivery import CampaignStatus
    from smsdesk.services.campaigns import LongMessageError, OverdraftError

    if args.action == "report":
        return _campaign_report(args, services)
    if args.action == "resend":
        return _campaign_resend(args, services)
    if args.action == "reschedule":
        start = services.campaigns.reschedule(
            args.id, None if args.now else _local_datetime(args.at)
        )
        paused = services.campaigns.get(args.id).status is CampaignStatus.PAUSED
        print(
            f"campaign {args.id} starts {start.astimezone():%Y-%m-%d %H:%M}"
            + (" once resumed (`smsdesk campaign resume`)" if paused else "")
        )
        return 0
    if args.action == "resume":
        status = services.campaigns.resume(args.id)
        print(f"campaign {args.id} resumed: {status} (run `smsdesk dispatch`)")
        return 0
    if args.action == "edit":
        if not args.message.strip():
            raise CliError("the message is empty")
        changed = services.campaigns.edit_message(
            args.id, args.message, transliterate=args.transliterate
        )
        if args.json:
            _print_json({"id": args.id, "messages": changed})
        else:
            print(f"campaign {args.id}: {changed} message(s) changed")
        return 0
    if args.action == "send":
        if not args.message.strip():
            raise CliError("the message is empty")
        if not args.to and not args.list_names:
            raise CliError("one of the arguments --to --list is required")
        try:
            created = _create(args, services)
        except OverdraftError as exc:
            raise CliError(f"{exc} (--allow-overdraft sends anyway)") from None
        except LongMessageError as exc:
            raise CliError(f"{exc}: --allow-long sends it anyway") from None
        if args.json:
            _print_json(
                {
                    "id": created.id,
                    "status": str(created.status),
                    "messages": created.messages,
                    "scheduled_at": _iso(created.scheduled_at),
                    "stopped": created.stopped,
                }
            )
        else:
            when = (
                f"at {created.scheduled_at.astimezone():%Y-%m-%d %H:%M}"
                if created.scheduled_at
                else "now (run `smsdesk dispatch`)"
            )
            if created.postponed:
                when += " (the earliest its sending window allows)"
            print(f"campaign {created.id}: {created.messages} message(s) scheduled {when}")
        if created.stopped:
            print(
                f"{created.stopped} number(s) left out: on the stop list "
                "(`smsdesk contacts stop list`)",
                file=sys.stderr,
            )
        if created.duplicates:
            print(
                f"{created.duplicates} duplicate(s) dropped: a number given twice or in "
                "several lists gets one message",
                file=sys.stderr,
            )
        if created.left_out:
            first = created.left_out[0]
            print(
                f"{len(created.left_out)} number(s) left out: not a mobile or not valid "
                f"(first: {first.value!r}, {first.reason})",
                file=sys.stderr,
            )
        return 0
    if args.action == "list":
        campaigns = services.campaigns.list(scheduled_only=args.scheduled)
        if args.json:
            _print_json(
                [
                    {
                        "id": c.id,
                        "name": c.name,
                        "status": str(c.status),
                        "scheduled_at": _iso(c.scheduled_at),
                        "recipients": c.recipients,
                        "sender": c.sender,
                        "body": c.body,
                        "parts": c.parts,
                        "reason": c.paused_reason,
                    }
                    for c in campaigns
                ]
            )
        else:
            for c in campaigns:
                when = f"{c.scheduled_at.astimezone():%Y-%m-%d %H:%M}" if c.scheduled_at else "-"
                reason = f"  (paused: {c.paused_reason})" if c.paused_reason else ""
                print(f"{c.id:>6}  {c.status:<10} {when:<16} {c.recipients:>7}  {c.name}{reason}")
        return 0
    cancelled = services.campaigns.cancel(args.id)
    print(f"campaign {args.id} cancelled ({cancelled} message(s) will not be sent)")
    return 0


def _campaign_report(args: argparse.Namespace, services: Any) -> int:
    report = services.results.report(args.id)
    if args.json:
        _print_json(report.as_json())
        return 0
    print(f"campaign {report.id}: {report.name} ({report.status}, {report.provider})")
    print(
        f"  {report.recipients} recipient(s), {report.parts} part(s), {report.credits:g} credit(s)"
    )
    print("  " + ", ".join(f"{count} {name}" for name, count in report.states.items()))
    print(f"  {report.stopped} answered STOP, {report.replies} reply(ies)")
    if report.estimated_end is not None:
        print(f"  estimated end {report.estimated_end.astimezone():%Y-%m-%d %H:%M}")
    for failure in report.failures:
        code = failure.ptt if failure.ptt is not None else "-"
        print(f"  failed {failure.count:>7}  {code:>4}  {failure.reason}")
    for operator in report.operators:
        print(f"  operator {operator.count:>5}  {operator.code}  {operator.name}")
    return 0


def _campaign_resend(args: argparse.Namespace, services: Any) -> int:
    """The failures worth retrying, listed first; a new campaign only with --yes."""
    from smsdesk.services.results import TEMPORARY_PTT

    codes: tuple[int, ...] = TEMPORARY_PTT
    if args.codes:
        try:
            codes = tuple(int(c) for c in args.codes.split(",") if c.strip())
        except ValueError:
            raise CliError(f"bad --codes {args.codes!r}: ptt numbers such as 24,26") from None
    services.results.report(args.id, timeline=False)  # an unknown campaign says so
    candidates = services.results.retry_candidates(args.id, codes)
    created = None
    if args.yes and candidates:
        request = services.results.retry_request(args.id, [c.receiver for c in candidates])
        created = services.campaigns.create(request)
    if args.json:
        _print_json(
            {
                "candidates": [
                    {"number": c.receiver, "ptt": c.ptt, "reason": c.reason} for c in candidates
                ],
                "campaign": created.id if created else None,
                "messages": created.messages if created else 0,
            }
        )
        return 0
    for c in candidates:
        print(f"{c.receiver}  {c.ptt}  {c.reason}")
    if not candidates:
        print(f"campaign {args.id}: no failure with code(s) {','.join(map(str, codes))}")
    elif created is None:
        print(f"{len(candidates)} number(s) to retry: --yes sends them as a new campaign")
    else:
        print(f"campaign {created.id} created: {created.messages} message(s) (`smsdesk dispatch`)")
    return 0


def _inbox(args: argparse.Namespace, services: Any) -> int:
    number = _e164(args.number) if args.number else None
    replies = services.replies.replies(
        since=_local_datetime(args.since) if args.since else None, number=number
    )
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "received_at": _iso(r.received_at),
                    "sender": r.sender,
                    "body": r.body,
                    "campaign_id": r.campaign_id,
                    "is_stop": r.is_stop,
                }
                for r in replies
            ]
        )
        return 0
    for r in replies:
        mark = " STOP" if r.is_stop else ""
        campaign = f"campaign {r.campaign_id}" if r.campaign_id is not None else "-"
        print(
            f"{r.received_at.astimezone():%Y-%m-%d %H:%M}  {r.sender}  {campaign}{mark}  {r.body}"
        )
    return 0


def _e164(number: str, region: str = "FR") -> str:
    from smsdesk.domain.phone import PhoneNormalizer

    parsed = PhoneNormalizer(region).parse(number)
    if parsed.e164 is None:
        raise CliError(f"not a phone number: {number!r} ({parsed.reason})")
    return parsed.e164


def _stop_list(args: argparse.Namespace, services: Any) -> int:
    stop_list = services.recipients.stop_list
    if args.stop_action == "add":
        if not args.numbers:
            raise CliError("give the numbers to put on the stop list")
        report = services.recipients.add_stop(
            args.numbers, reason=args.reason or "added by hand", region=args.region
        )
        if report.invalid:
            first = report.invalid[0]
            raise CliError(f"not a phone number: {first.value!r} ({first.message})")
        if args.json:
            _print_json({"added": report.added, "already": report.already})
        else:
            print(f"{report.added} added to the stop list, {report.already} already there")
        return 0
    if args.stop_action == "remove":
        if not args.numbers:
            raise CliError("give the numbers to take off the stop list")
        if not (args.reason or "").strip():
            raise CliError(
                "--reason is required: say how these numbers gave their consent again "
                "(kept as the proof)"
            )
        numbers = [_e164(n, args.region) for n in args.numbers]
        removed = stop_list.remove(numbers, reason=args.reason)
        if args.json:
            _print_json({"removed": removed})
        else:
            print(f"{removed} removed from the stop list ({len(numbers) - removed} not on it)")
        return 0
    entries = []
    after = None
    while True:
        page = stop_list.entries(after=after)
        entries += page
        if len(page) < 500:
            break
        after = page[-1].e164
    if args.numbers:
        wanted = {_e164(n, args.region) for n in args.numbers}
        entries = [e for e in entries if e.e164 in wanted]
    if args.json:
        _print_json(
            [{"number": e.e164, "reason": e.reason, "added_at": _iso(e.added_at)} for e in entries]
        )
    else:
        for e in entries:
            print(f"{e.e164:<16} {e.added_at.astimezone():%Y-%m-%d %H:%M}  {e.reason}")
    return 0


def _lists_asked(services: Any, values: Sequence[str]) -> tuple[list[str], list[int]]:
    """--list values as (names, ids): a list's name first, else a whole number is its id."""
    names: list[str] = []
    ids: list[int] = []
    for value in values:
        if services.recipients.find_list(value) is not None:
            names.append(value)
        elif value.strip().isdigit():
            try:
                ids.append(db_id(value))
            except argparse.ArgumentTypeError as exc:
                raise CliError(f"--list: {exc}") from None
        else:
            raise CliError(f"no recipient list named {value!r}")
    return names, ids


def _create(args: argparse.Namespace, services: Any) -> Any:
    from smsdesk.services.campaigns import CampaignRequest

    names, ids = _lists_asked(services, args.list_names)
    return services.campaigns.create(
        CampaignRequest(
            body=args.message,
            receivers=args.to,
            list_name=names[0] if names else None,
            more_lists=tuple(names[1:]),
            list_ids=tuple(ids),
            transliterate=args.transliterate,
            sender=args.sender,
            scheduled_at=_local_datetime(args.at) if args.at else None,
            tag=args.tag,
            provider=args.provider or services.settings.provider,
            commercial=args.commercial,
            region=args.region,
            name=args.name,
            window=_window_spec(args.window),
            provider_deferred=args.defer_to_provider,
            allow_overdraft=args.allow_overdraft,
            allow_long=args.allow_long,
        )
    )


REJECTED_SHOWN = 20  # rejected lines printed without --json


def _list_named(services: Any, name: str) -> Any:
    found = services.recipients.find_list(name)
    if found is None:
        raise CliError(f"no recipient list named {name!r}")
    return found


def _contacts_show(args: argparse.Namespace, services: Any) -> int:
    found = _list_named(services, args.list_name)
    rows: list[Any] = []
    after = None
    while len(rows) < args.limit:
        page = services.recipients.contacts_page(
            found.id, after=after, limit=min(500, args.limit - len(rows)), search=args.search
        )
        if not page:
            break
        rows.extend(page)
        after = page[-1].e164
    if args.json:
        _print_json(
            [{"id": r.id, "number": r.e164, "name": r.name, "extra": r.extra} for r in rows]
        )
        return 0
    for row in rows:
        others = "; ".join(f"{key}: {value}" for key, value in row.extra.items())
        print(f"{row.e164:<16}  {row.name:<30}  {others}".rstrip())
    return 0


def _contacts_delete(args: argparse.Namespace, services: Any) -> int:
    from smsdesk.domain.phone import normalize, split_numbers

    found = _list_named(services, args.list_name)
    region = services.preferences.preferences().region
    if not args.numbers:
        removed = services.recipients.delete_list(found.id)
        words = {"list": found.name, "list_deleted": True, "removed": removed, "not_found": []}
    else:
        wanted: dict[str, str] = {}
        unknown: list[str] = []
        for text in args.numbers:
            for raw in split_numbers(text):
                parsed = normalize(raw, region)
                if parsed.e164 is None:
                    unknown.append(raw)
                else:
                    wanted[parsed.e164] = raw
        removed = services.recipients.remove_contacts(found.id, list(wanted))
        words = {"list": found.name, "list_deleted": False, "removed": removed}
        words["not_found"] = unknown if removed == len(wanted) else [*unknown, "..."]
    if args.json:
        _print_json(words)
    elif words["list_deleted"]:
        print(f"{found.name!r} deleted with its {removed} contact(s)")
    else:
        print(f"{removed} contact(s) removed from {found.name!r}")
    return 0


def _contacts_check(args: argparse.Namespace, services: Any) -> int:
    from smsdesk.domain.phone import operator_name

    found = _list_named(services, args.list_name)
    provider = args.provider or services.settings.provider
    quote = services.recipients.quote_check(found.id, provider)
    summary: dict[str, Any] = {
        "list": found.name,
        "provider": provider,
        "numbers": quote.numbers,
        "credits": quote.credits,
        "supported": quote.supported,
    }
    if not quote.supported:
        raise CliError(f"the {provider} gateway cannot check numbers")
    if not args.yes:
        if args.json:
            _print_json({**summary, "checked": False})
        else:
            print(
                f"checking {quote.numbers} number(s) of {found.name!r} with {provider} "
                f"costs {quote.credits:g} credit(s): run again with --yes"
            )
        return 0
    report = services.recipients.check_list(found.id, provider, remove_unreachable=True)
    results = [
        {
            "number": check.e164,
            "valid": check.valid,
            "reachable": check.reachable,
            "operator": operator_name(check.operator_code, check.e164),
            "ported": check.ported,
        }
        for check in report.answers
    ]
    if args.json:
        _print_json(
            {
                **summary,
                "checked": True,
                "answered": report.checked,
                "reachable": report.reachable,
                "unanswered": report.unanswered,
                "removed": report.removed,
                "results": results,
            }
        )
        return 0
    print(
        f"{report.checked} checked: {report.reachable} reachable, "
        f"{len(report.unreachable)} unreachable (removed: {report.removed}), "
        f"{report.unanswered} unanswered; {report.credits:g} credit(s)"
    )
    for result in results:
        state = "reachable" if result["valid"] and result["reachable"] else "unreachable"
        print(f"  {result['number']}: {state} ({result['operator'] or 'no operator'})")
    return 0


def _contacts(args: argparse.Namespace, services: Any) -> int:
    if args.action == "stop":
        return _stop_list(args, services)
    extra = {"show": _contacts_show, "delete": _contacts_delete, "check": _contacts_check}
    if args.action in extra:
        return extra[args.action](args, services)
    if args.action == "lists":
        lists = services.recipients.lists()
        if args.json:
            _print_json(
                [
                    {
                        "id": found.id,
                        "name": found.name,
                        "contacts": found.contacts,
                        "created_at": _iso(found.created_at),
                    }
                    for found in lists
                ]
            )
        else:
            for found in lists:
                print(f"{found.id:>6}  {found.contacts:>9}  {found.name}")
        return 0
    column = args.column
    if column is not None and column.strip().isdigit():
        column = int(column) - 1  # a column number, 1 for the first
    report = services.recipients.import_file(
        args.path,
        list_name=args.list_name,
        region=args.region or services.preferences.preferences().region,
        phone_column=column,
        sheet=args.sheet,
        keep_landlines=args.keep_landlines,
        all_numbers=args.all_numbers,
    )
    if args.json:
        _print_json(
            {
                "list": report.list_name,
                "list_id": report.list_id,
                "rows": report.rows,
                "imported": report.imported,
                "duplicates": report.duplicates,
                "invalid": report.invalid,
                "landlines": report.landlines,
                "stopped": report.stopped,
                "contacts": report.contacts,
                "numbers": report.numbers,
                "set_aside": report.set_aside,
                "errors": [
                    {"line": row.line, "value": row.value, "reason": row.message}
                    for row in report.rejected
                ],
            }
        )
        return 0
    print(
        f"{report.list_name!r} ({'new list' if report.created else 'appended'}): "
        f"{report.contacts} contact(s) with {report.numbers} number(s)"
        + (f" ({report.set_aside} other number(s) set aside)" if report.set_aside else "")
        + f"; {report.rows} number(s) read, {report.imported} imported, "
        f"{report.duplicates} duplicate(s), {report.invalid} invalid, "
        f"{report.landlines} not mobile, {report.stopped} on the stop list"
    )
    for row in report.rejected[:REJECTED_SHOWN]:
        print(f"  line {row.line}: {row.value!r}: {row.message}")
    if len(report.rejected) > REJECTED_SHOWN:
        print(f"  ... and {len(report.rejected) - REJECTED_SHOWN} more (--json lists them all)")
    return 0


def _dispatch(args: argparse.Namespace, services: Any) -> int:
    if args.batch_size is not None and args.batch_size <= 0:
        raise CliError("--batch-size must be a positive number")
    dispatcher = services.new_dispatcher(batch_size=args.batch_size)
    try:
        if args.forever:
            stop = threading.Event()
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, lambda *_: stop.set())
            dispatcher.run_forever(stop)
            return 0
        sent, recovered, receipts = dispatcher.run_once(receipt_wait=args.receipt_wait)
        if sent.refusals:
            # the gateway refused us: what was not sent waits, paused, until the user fixes it
            raise CliError("; ".join(sent.refusals))
        line = (
            f"sent {sent.submitted}, failed {sent.failed}, to retry {sent.retried}; "
            f"{receipts} receipt(s)"
        )
        if sent.unknown:
            line += f"; {sent.unknown} unknown (may have reached the gateway: see History)"
        if sent.held:
            line += f"; {sent.held} wait for their sending window to open"
        collected = dispatcher.replies.last_collected
        if collected.received:
            line += f"; {collected.received} reply(ies), {collected.stops} STOP"
        if recovered.reconciled or recovered.requeued or recovered.unknown:
            line += (
                f"; after an interruption: {recovered.reconciled} confirmed sent, "
                f"{recovered.requeued} queued again, {recovered.unknown} unknown"
            )
        print(line)
        return 0
    finally:
        dispatcher.close()


def _filter_from(args: argparse.Namespace) -> Any:
    from smsdesk.services.history_query import HistoryFilter, StatusGroup

    return HistoryFilter(
        receiver=args.receiver,
        sender=args.sender,
        status=StatusGroup(args.status) if args.status else None,
        since=args.since,
        until=args.until,
        campaign_id=args.campaign,
        tag=args.tag or None,
        text=args.text or None,
    )


# the flags of `_history_filters`: a listing without any is History's plain newest first
_FILTER_FLAGS = ("sender", "receiver", "since", "until", "status", "tag", "campaign", "text")


def _history_command(args: argparse.Namespace, db_url: str | None) -> int:
    """The history sub-commands open the database and the history alone: a listing
    starts in a fraction of the time the whole set of services takes, and a plain one
    (no filter, an up-to-date SQLite file) or a delete by ids runs without SQLAlchemy."""
    from smsdesk import config

    config.ensure_data_dir()
    url = config.Settings.load(db_url).db_url
    try:
        answered = _history_without_sqlalchemy(args, url)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk under a redirection: said as on the usual path
        raise CliError(str(exc)) from None
    if answered is not None:
        return answered

    from smsdesk.db.session import DatabaseError, make_engine, make_sessions
    from smsdesk.services.history import HistoryService

    try:
        engine = make_engine(url)
    except DatabaseError as exc:
        raise CliError(str(exc)) from None
    try:
        return _history(args, HistoryService(make_sessions(engine)))
    except BrokenPipeError:
        raise
    except (DatabaseError, OSError) as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()


def _history_without_sqlalchemy(args: argparse.Namespace, url: str) -> int | None:
    """A plain listing or a delete by ids on an up-to-date SQLite file, through `sqlite3`
    alone (importing SQLAlchemy takes longer than the listing); None: the usual path."""
    if args.action == "list" and not any(getattr(args, flag) for flag in _FILTER_FLAGS):
        from smsdesk.services.history_newest import newest_rows

        rows = newest_rows(url, args.limit)
        if rows is not None:
            _print_history_rows(args, rows)
            return 0
    elif args.action == "delete":
        from smsdesk.services.message_delete import delete_in_plain_file

        done = delete_in_plain_file(url, args.ids)
        if done is not None:
            return _report_deleted(*done)
    return None


def _history(args: argparse.Namespace, history: HistoryService) -> int:
    from smsdesk.services.history_query import SortKey

    if args.action == "list":
        _print_history_rows(args, history.page(_filter_from(args), SortKey(), 0, args.limit))
        return 0
    if args.action == "export":
        written = history.export_csv(_filter_from(args), args.path)
        print(f"{written} message(s) written to {args.path}", file=sys.stderr)
        return 0
    return _report_deleted(*history.delete_existing(args.ids))


def _report_deleted(deleted: int, missing: list[int]) -> int:
    if missing:
        raise CliError(f"no message with id {', '.join(map(str, missing))}")
    print(f"{deleted} message(s) deleted")
    return 0


def _print_history_rows(args: argparse.Namespace, rows: Sequence[MessageRow]) -> None:
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "campaign_id": r.campaign_id,
                    "created_at": _iso(r.created_at),
                    "submitted_at": _iso(r.submitted_at),
                    "delivered_at": _iso(r.delivered_at),
                    "sender": r.sender,
                    "receiver": r.receiver,
                    "body": r.body,
                    "status": str(r.status),
                    "ptt": r.ptt,
                    "dlr": r.dlr,
                    "operator_code": r.operator_code,
                    "operator": r.operator,
                    "tag": r.tag,
                    "parts": r.parts,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            one_line = r.body.replace("\n", " ")[:40]
            sent = f"{r.submitted_at.astimezone():%Y-%m-%d %H:%M:%S}" if r.submitted_at else ""
            print(f"{r.id:>8}  {sent:<19}  {r.receiver:<14} {r.status:<10} {one_line}")


def _demo(args: argparse.Namespace, services: Any) -> int:
    if args.messages <= 0:
        raise CliError("--messages must be a positive number")
    inserted = services.demo.seed(args.messages)
    print(f"{inserted} demo message(s) added to the history")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["build_parser", "main"]
