"""`smsdesk self-check`: proves an install works, end to end, without touching the user's data.

A temporary data folder and database (so the migrations run from scratch), one campaign sent
through the simulator to a number that is delivered and one that fails, and both receipts
read back. Qt-free; the package test runs it on the installed bundle.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# a simulator receipt normally comes 2 s after the send; the check needs no such wait
DEFAULT_SIM_DELAY = "0.2"
RECEIPT_WAIT = 15.0  # seconds, an upper bound: the check returns as soon as both receipts are in
# expected outcomes worked out from the simulator's endings table: "other" is delivered, 0005 fails
DELIVERED_NUMBER = "+33612345678"
FAILED_NUMBER = "+33612340005"


class SelfCheckError(Exception):
    """One step failed; the message names it."""


@contextmanager
def _environment(data_dir: Path) -> Iterator[None]:
    """The simulator and a private data folder for the check, the caller's values restored."""
    values = {
        "SMSDESK_DATA_DIR": str(data_dir),
        "SMSDESK_PROVIDER": "simulator",
        "SMSDESK_SIM_LEDGER": str(data_dir / "simulator-ledger.sqlite3"),
        "SMSDESK_SIM_DELAY": os.environ.get("SMSDESK_SIM_DELAY", DEFAULT_SIM_DELAY),
        "SMSDESK_SIM_SUBMIT_DELAY": "0",
    }
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_check() -> str:
    """Run every step; the one line to print, or SelfCheckError naming the failed step."""
    from smsdesk.assets import icon_path

    started = time.perf_counter()
    if not icon_path().is_file():
        raise SelfCheckError(f"assets: the icon is missing ({icon_path()})")
    with tempfile.TemporaryDirectory(prefix="smsdesk-self-check-") as tmp:
        data_dir = Path(tmp)
        os.chmod(data_dir, 0o700)
        with _environment(data_dir):
            _send_and_receive(f"sqlite:///{data_dir / 'self-check.sqlite3'}")
    elapsed = time.perf_counter() - started
    return (
        f"self-check ok: icon, database, migrations, simulator send and receipt ({elapsed:.1f} s)"
    )


def _send_and_receive(db_url: str) -> None:
    from smsdesk.app import build_services
    from smsdesk.db.session import DatabaseError
    from smsdesk.domain.delivery import MessageStatus
    from smsdesk.services.campaigns import CampaignRequest
    from smsdesk.services.history import HistoryFilter, SortKey

    try:
        services = build_services(db_url)
    except DatabaseError as exc:
        raise SelfCheckError(f"database and migrations: {exc}") from None
    try:
        created = services.campaigns.create(
            CampaignRequest(
                body="smsdesk self-check",
                receivers=[DELIVERED_NUMBER, FAILED_NUMBER],
                provider="simulator",
                name="self-check",
            )
        )
        if created.messages != 2:
            raise SelfCheckError(f"campaign: {created.messages} message(s) queued, expected 2")
        dispatcher = services.new_dispatcher()
        try:
            sent, _recovered, receipts = dispatcher.run_once(receipt_wait=RECEIPT_WAIT)
        finally:
            dispatcher.close()
        if sent.submitted != 2:
            raise SelfCheckError(f"simulator send: {sent.submitted} of 2 message(s) submitted")
        rows = services.history.page(HistoryFilter(campaign_id=created.id), SortKey(), 0, 10)
        got = {row.receiver: row.status for row in rows}
        expected = {DELIVERED_NUMBER: MessageStatus.DELIVERED, FAILED_NUMBER: MessageStatus.FAILED}
        if got != expected:
            shown = ", ".join(f"{number} {status}" for number, status in sorted(got.items()))
            raise SelfCheckError(f"receipts: {receipts} read, messages are {shown or 'missing'}")
    finally:
        services.close()
