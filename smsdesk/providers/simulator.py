"""The embedded gateway: lets anyone try smsdesk with no account and no network.

It behaves like a remote gateway with a memory of its own: every message it accepts is
written to its ledger (a separate SQLite file, committed before submit() returns), so a
dispatcher that crashes can reconcile with it, and tests can prove that each message
reached it exactly once.

Outcomes are deterministic per receiver, on the last four digits of the number:

=========  ==============================================  ====  ===
ends with  outcome                                          ptt   dlr
=========  ==============================================  ====  ===
0005       undelivered                                      5     2
0020       refused at submission (undeliverable)            -     -
0023       invalid or barred number                         23    2
0024       absent subscriber                                24    2
0026       temporary phone error, never recovered           26    2
0008       expired                                          8     2
0042       delivered, then the receiver answers "STOP"       4     1
0043       delivered, then the receiver answers "Oui, merci !"  4     1
other      delivered                                        4     1
=========  ==============================================  ====  ===

A receipt becomes available `delivery_delay` seconds after submission; the replies of
0042 and 0043 (fetch_replies) one second after the delivery.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from smsdesk.domain.encoding import message_info
from smsdesk.private_files import DIR_MODE, private_file
from smsdesk.providers.base import (
    Capability,
    Estimate,
    IncomingSms,
    NotEnoughCredits,
    NumberCheck,
    OutgoingSms,
    PermanentError,
    Receipt,
    SenderInfo,
    SentRecord,
    SubmitResult,
)
from smsdesk.providers.spec import QT_TRANSLATE_NOOP, RATE_FIELD, BuildContext, GatewaySpec

FAILURE_SUFFIXES: dict[str, int] = {"0005": 5, "0023": 23, "0024": 24, "0026": 26, "0008": 8}
REFUSED_SUFFIX = "0020"
REPLY_SUFFIXES: dict[str, str] = {"0042": "STOP", "0043": "Oui, merci !"}
REPLY_DELAY = 1.0  # seconds after the delivery
log = logging.getLogger(__name__)
STARTING_CREDITS = 100_000.0
SIMULATED_SENDERS = (
    SenderInfo("SMSDESK", "enable", "simulated"),
    SenderInfo("MYSHOP", "waitingValidation", "simulated"),
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS received (
    ref TEXT PRIMARY KEY,
    message_id INTEGER NOT NULL,
    batch_ref TEXT NOT NULL,
    receiver TEXT NOT NULL,
    sender TEXT NOT NULL,
    body TEXT NOT NULL,
    parts INTEGER NOT NULL,
    received_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_received_batch ON received(batch_ref);
CREATE INDEX IF NOT EXISTS ix_received_message ON received(message_id);
"""


def outcome_for(receiver: str) -> tuple[int, int]:
    """(ptt, dlr) the simulator will report for this receiver."""
    ptt = FAILURE_SUFFIXES.get(receiver[-4:])
    return (ptt, 2) if ptt is not None else (4, 1)


class SimulatorProvider:
    name = "simulator"
    capabilities = frozenset(
        {
            Capability.RECEIPTS_POLL,
            Capability.RECONCILE,
            Capability.REPLIES,
            Capability.SENDERS,
            Capability.CREDITS,
            Capability.ESTIMATE,
            Capability.HLR,
            Capability.DELETE_REMOTE,
        }
    )
    max_batch = 500
    rate_per_second: float | None = None

    def __init__(
        self,
        ledger_path: Path,
        *,
        delivery_delay: float = 2.0,
        submit_delay: float = 0.0,
    ) -> None:
        self.ledger_path = ledger_path
        self.delivery_delay = delivery_delay
        self.submit_delay = submit_delay  # seconds before the answer comes back (tests)
        self._local = threading.local()
        ledger_path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        private_file(ledger_path)  # receivers and texts; its -wal/-shm take its mode
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.ledger_path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            self._local.conn = conn
        return conn

    # -- sending ---------------------------------------------------------------------

    def submit(
        self,
        batch: Sequence[OutgoingSms],
        *,
        batch_ref: str,
        deferred_until: datetime | None = None,
    ) -> list[SubmitResult]:
        if deferred_until is not None:
            raise PermanentError("the simulator does not keep deferred jobs")
        now = time.time()
        results: list[SubmitResult] = []
        rows = []
        for sms in batch:
            if sms.receiver.endswith(REFUSED_SUFFIX):
                results.append(
                    SubmitResult(sms.message_id, accepted=False, error="undeliverable receiver")
                )
                continue
            ref = uuid.uuid4().hex
            parts = max(1, message_info(sms.body, stop_clause=sms.commercial).segments)
            rows.append(
                (ref, sms.message_id, batch_ref, sms.receiver, sms.sender, sms.body, parts, now)
            )
            results.append(
                SubmitResult(sms.message_id, accepted=True, provider_ref=ref, credits=float(parts))
            )
        conn = self._connect()
        with conn:
            # like a real account: a batch it cannot pay for is refused whole, nothing sent
            needed = sum(row[6] for row in rows)
            conn.execute("BEGIN IMMEDIATE")  # the check and the insert, under one lock
            (used,) = conn.execute("SELECT COALESCE(SUM(parts), 0) FROM received").fetchone()
            left = STARTING_CREDITS - float(used)
            if needed > left:
                raise NotEnoughCredits(
                    f"Not enough credits at the simulator: {needed} needed, {left:.0f} left"
                )
            conn.executemany("INSERT INTO received VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        log.info("simulator received batch %s (%d messages)", batch_ref, len(rows))
        if self.submit_delay:
            time.sleep(self.submit_delay)  # the answer's way back: a crash here loses it
        return results

    def reconcile(self, batch: Sequence[OutgoingSms], *, batch_ref: str) -> list[SentRecord]:
        wanted = {sms.message_id for sms in batch}
        cursor = self._connect().execute(
            "SELECT message_id, ref FROM received WHERE batch_ref = ?", (batch_ref,)
        )
        return [SentRecord(mid, ref) for mid, ref in cursor if mid in wanted]

    def poll_receipts(self, provider_refs: Sequence[str]) -> list[Receipt]:
        receipts: list[Receipt] = []
        now = time.time()
        conn = self._connect()
        for start in range(0, len(provider_refs), 500):
            chunk = list(provider_refs[start : start + 500])
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(
                f"SELECT ref, receiver, parts, received_at FROM received WHERE ref IN ({marks})",
                chunk,
            )
            for ref, receiver, parts, received_at in cursor:
                # a ledger row stamped ahead of our clock (a host whose clock runs fast
                # wrote it) is due now rather than minutes from now
                if 0 <= now - received_at < self.delivery_delay:
                    continue
                ptt, dlr = outcome_for(receiver)
                at = datetime.fromtimestamp(received_at + self.delivery_delay, UTC)
                receipts.append(
                    Receipt(
                        provider_ref=ref,
                        ptt=ptt,
                        dlr=dlr,
                        operator_code="20801" if ptt == 4 else None,
                        delivered_at=at if dlr == 1 else None,
                        credits=float(parts),
                    )
                )
        return receipts

    def fetch_replies(
        self, since: datetime | None, *, known: Callable[[str], bool] | None = None
    ) -> list[IncomingSms]:
        """The answers of receivers ending 0042 ("STOP") and 0043 ("Oui, merci !"), one
        second after their delivery; each reply's ref is "reply:" + the message's ref."""
        lag = self.delivery_delay + REPLY_DELAY
        latest = time.time() - lag
        earliest = since.timestamp() - lag if since is not None else 0.0
        cursor = self._connect().execute(
            "SELECT ref, receiver, received_at FROM received WHERE received_at <= ?"
            " AND received_at >= ? AND (receiver LIKE '%0042' OR receiver LIKE '%0043')",
            (latest, earliest),
        )
        return [
            IncomingSms(
                provider_ref=f"reply:{ref}",
                sender=receiver,
                body=REPLY_SUFFIXES[receiver[-4:]],
                received_at=datetime.fromtimestamp(received_at + lag, UTC),
                answers_ref=ref,
            )
            for ref, receiver, received_at in cursor
            if known is None or not known(f"reply:{ref}")
        ]

    # -- account ---------------------------------------------------------------------

    def cancel_deferred(self, provider_refs: Sequence[str]) -> None:
        raise PermanentError("the simulator does not keep deferred jobs")

    def senders(self) -> list[SenderInfo]:
        return list(SIMULATED_SENDERS)

    def credits_left(self) -> float | None:
        (used,) = self._connect().execute("SELECT COALESCE(SUM(parts), 0) FROM received").fetchone()
        return STARTING_CREDITS - float(used)

    def estimate(self, body: str, *, commercial: bool) -> Estimate:
        info = message_info(body, stop_clause=commercial)
        return Estimate(
            parts=info.segments,
            characters=info.length,
            encoding=str(info.encoding),
            credits=float(info.segments),
        )

    def check_numbers(self, numbers: Sequence[str]) -> list[NumberCheck]:
        checks = []
        for number in numbers:
            ptt, _ = outcome_for(number)
            reachable = ptt not in (23, 24) and not number.endswith(REFUSED_SUFFIX)
            checks.append(
                NumberCheck(number, valid=ptt != 23, reachable=reachable, operator_code="20801")
            )
        return checks

    def delete_remote(self, provider_refs: Sequence[str]) -> None:
        conn = self._connect()
        with conn:
            conn.executemany("DELETE FROM received WHERE ref = ?", [(r,) for r in provider_refs])

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- for tests and the demo ---------------------------------------------------------

    def received_count_by_message(self) -> dict[int, int]:
        cursor = self._connect().execute(
            "SELECT message_id, COUNT(*) FROM received GROUP BY message_id"
        )
        return {mid: count for mid, count in cursor}


# -- the gateway's spec (providers/registry.py lists it) ------------------------------------


def _from_settings(values: Mapping[str, str], context: BuildContext) -> SimulatorProvider:
    """SMSDESK_SIM_LEDGER, SMSDESK_SIM_DELAY and SMSDESK_SIM_SUBMIT_DELAY tune the simulator
    (tests and demos); its ledger lives in the data folder."""
    ledger = os.environ.get("SMSDESK_SIM_LEDGER")
    return SimulatorProvider(
        Path(ledger) if ledger else context.data_dir / "simulator-ledger.sqlite3",
        delivery_delay=float(os.environ.get("SMSDESK_SIM_DELAY", "2.0")),
        submit_delay=float(os.environ.get("SMSDESK_SIM_SUBMIT_DELAY", "0")),
    )


SPEC = GatewaySpec(
    name="simulator",
    label=QT_TRANSLATE_NOOP("GatewaySpec", "Simulator (no account)"),
    description=(
        QT_TRANSLATE_NOOP(
            "GatewaySpec",
            "The built-in simulator sends nothing: it accepts every message and reports delivery "
            "receipts, to try smsdesk without an account. Numbers ending in 0005, 0008, 0023, 0024 "
            "or 0026 fail; 0020 is refused; 0042 answers STOP.",
        )
    ),
    capabilities=SimulatorProvider.capabilities,
    factory=_from_settings,
    fields=(RATE_FIELD,),
    short_label="Simulator",
)
