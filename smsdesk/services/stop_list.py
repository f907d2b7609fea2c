"""The stop list: numbers that must never be sent a campaign again, and the consent trail.

A number gets on it by hand, by an imported file, or by a STOP answered to a campaign (see
services/replies.py), each entry with its reason and date. Taking a number off it is an
explicit act that must say why (the consent proof: "re-subscribed on the shop's form,
2026-11-30"): each removal is kept in `stop_release` with the entry it ended.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import StopEntry, StopRelease, utcnow
from smsdesk.domain.phone import PhoneNormalizer, Rejection, split_numbers
from smsdesk.services.cancellation import raise_if_cancelled
from smsdesk.services.recipient_files import open_rows, preview_file
from smsdesk.services.recipient_import import Progress, RejectedRow, check_region
from smsdesk.services.recipient_reading import BATCH_ROWS

PAGE_SIZE = 500
CHUNK = 900  # numbers per IN (...), under SQLite's variable limit


class ConsentRequired(ValueError):
    """A number is taken off the stop list without saying why."""


@dataclass(frozen=True)
class StopRow:
    e164: str
    reason: str
    added_at: datetime


@dataclass(frozen=True)
class StopReleaseRow:
    e164: str
    released_at: datetime
    reason: str  # why it may be sent to again
    stop_reason: str  # why it had been stopped
    stopped_at: datetime | None


@dataclass(frozen=True)
class StopReport:
    """Numbers given to the stop list: added, already there, or not numbers at all."""

    added: int
    already: int
    invalid: tuple[RejectedRow, ...] = ()


def _chunks(values: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class StopListService:
    def __init__(
        self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(StopEntry)) or 0)

    def entries(
        self, *, after: str | None = None, limit: int = PAGE_SIZE, offset: int = 0
    ) -> list[StopRow]:
        """In number order: `limit` entries after the number `after`, `offset` skipped."""
        query = select(StopEntry.e164, StopEntry.reason, StopEntry.added_at)
        if after is not None:
            query = query.where(StopEntry.e164 > after)
        query = query.order_by(StopEntry.e164).limit(limit).offset(offset or None)
        with self._sessions() as session:
            found = session.execute(query).all()
        return [StopRow(e164, reason, added) for e164, reason, added in found]

    def get(self, e164: str) -> StopRow | None:
        with self._sessions() as session:
            entry = session.get(StopEntry, e164)
            return None if entry is None else StopRow(entry.e164, entry.reason, entry.added_at)

    def stopped_among(self, numbers: Iterable[str]) -> set[str]:
        """Which of these E.164 numbers are on the stop list."""
        wanted = list(dict.fromkeys(numbers))
        out: set[str] = set()
        with self._sessions() as session:
            for chunk in _chunks(wanted):
                out.update(session.scalars(select(StopEntry.e164).where(StopEntry.e164.in_(chunk))))
        return out

    def store(
        self,
        numbers: Sequence[str],
        reason: str,
        *,
        incoming_id: int | None = None,
        session: Session | None = None,
    ) -> int:
        """Put E.164 numbers on the stop list (those already there keep their first
        reason); returns how many were added. In `session` when given (its transaction)."""
        if session is None:
            with self._sessions.begin() as own:
                return self.store(numbers, reason, incoming_id=incoming_id, session=own)
        added = 0
        now = self._clock()
        for chunk in _chunks(list(dict.fromkeys(numbers))):
            present = set(session.scalars(select(StopEntry.e164).where(StopEntry.e164.in_(chunk))))
            fresh = [number for number in chunk if number not in present]
            session.add_all(
                StopEntry(
                    e164=number,
                    reason=reason[:200],
                    added_at=now,
                    incoming_id=incoming_id,
                )
                for number in fresh
            )
            added += len(fresh)
        session.flush()
        return added

    def remove(self, numbers: Sequence[str], *, reason: str) -> int:
        """Take E.164 numbers off the stop list, recording why (required: the consent
        proof) with the entry each removal ends; returns how many were on it."""
        reason = " ".join(reason.split())
        if not reason:
            raise ConsentRequired(
                "say why these numbers may be sent to again (how their consent was given)"
            )
        removed = 0
        now = self._clock()
        with self._sessions.begin() as session:
            for chunk in _chunks(list(dict.fromkeys(numbers))):
                entries = session.scalars(select(StopEntry).where(StopEntry.e164.in_(chunk))).all()
                session.add_all(
                    StopRelease(
                        e164=entry.e164,
                        released_at=now,
                        reason=reason,
                        stop_reason=entry.reason,
                        stopped_at=entry.added_at,
                    )
                    for entry in entries
                )
                session.execute(delete(StopEntry).where(StopEntry.e164.in_(chunk)))
                removed += len(entries)
        return removed

    def releases(self, number: str | None = None) -> list[StopReleaseRow]:
        """The consent trail: every removal from the stop list, newest first."""
        query = select(StopRelease).order_by(StopRelease.id.desc())
        if number is not None:
            query = query.where(StopRelease.e164 == number)
        with self._sessions() as session:
            return [
                StopReleaseRow(r.e164, r.released_at, r.reason, r.stop_reason, r.stopped_at)
                for r in session.scalars(query)
            ]

    # -- numbers as people write them --------------------------------------------------

    def is_stopped(self, number: str, *, region: str = "FR") -> bool:
        """The number, written any way, is on the stop list."""
        parsed = PhoneNormalizer(check_region(region)).parse(number)
        return parsed.e164 is not None and self.get(parsed.e164) is not None

    def add(
        self, numbers: Iterable[str], *, reason: str = "added by hand", region: str = "FR"
    ) -> StopReport:
        """Put numbers (any format; several a line are fine) on the stop list."""
        normalizer = PhoneNormalizer(check_region(region))
        valid: dict[str, None] = {}
        invalid: list[RejectedRow] = []
        for line, text in enumerate(numbers, start=1):
            for raw in split_numbers(text):
                parsed = normalizer.parse(raw)
                if parsed.e164 is None:
                    invalid.append(RejectedRow(line, raw, Rejection.INVALID, parsed.reason or ""))
                else:
                    valid[parsed.e164] = None
        added = self.store(list(valid), reason)
        return StopReport(added, len(valid) - added, tuple(invalid))

    def import_file(
        self,
        path: Path | str,
        *,
        region: str = "FR",
        phone_column: str | int | None = None,
        reason: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> StopReport:
        """Every valid number of a file goes on the stop list (landlines too: a STOP is a
        STOP). Raises RecipientFileError, Cancelled."""
        path = Path(path)
        normalizer = PhoneNormalizer(check_region(region))
        preview = preview_file(path, phone_column=phone_column, region=region, rows=1)
        valid: dict[str, None] = {}
        invalid: list[RejectedRow] = []
        with open_rows(path, preview) as reader:
            for count, row in enumerate(reader, start=1):
                parsed = normalizer.parse(row.phone)
                if parsed.e164 is None:
                    invalid.append(
                        RejectedRow(row.line, row.phone, Rejection.INVALID, parsed.reason or "")
                    )
                else:
                    valid[parsed.e164] = None
                if count % BATCH_ROWS == 0:
                    raise_if_cancelled(cancel)
                    if progress is not None:
                        progress(reader.bytes_read, preview.size_bytes)
            refused = reader.take_refused()
        if refused:
            invalid.extend(
                RejectedRow(r.line, r.value, Rejection.INVALID, r.reason) for r in refused
            )
            invalid.sort(key=lambda row: row.line)
        raise_if_cancelled(cancel)
        added = self.store(list(valid), reason or f"imported from {path.name}")
        if progress is not None:
            progress(preview.size_bytes, preview.size_bytes)
        return StopReport(added, len(valid) - added, tuple(invalid))
