"""History export: OVH's CSV columns, written through the one Excel-CSV writer.

`EXPORT_COLUMNS` is the whole format: one (header, column, formatter) row per CSV column.
A new export column is one new row there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Message
from smsdesk.db.session import in_memory, make_engine, make_sessions
from smsdesk.domain.delivery import MessageStatus, dlr_meaning
from smsdesk.services.cancellation import Cancelled
from smsdesk.services.child_process import ChildDied, ChildUnavailable, run_in_child
from smsdesk.services.excel_csv import excel_csv, neutralise_cell
from smsdesk.services.history_query import (
    LOOKUP_CHUNK,
    HistoryFilter,
    HistoryQueries,
    ResultSet,
    all_rows,
    lean_cache,
    merge_ranges,
    raw_batches,
    sorted_unique,
)

EXPORT_PROGRESS_EVERY = 5000
EXPORT_BATCH = 5000


class ExportCancelled(Cancelled):
    pass


class _LocalTimes:
    """UTC instants -> local 'YYYY-MM-DD HH:MM:SS', with the offset looked up once an hour.

    An hour whose offset changes inside it (a DST change off the hour) is converted
    instant by instant, so the cache never gives a wrong answer.
    """

    def __init__(self, tz: tzinfo | None) -> None:
        self._tz = tz
        self._offsets: dict[str, timedelta | None] = {}

    def __call__(self, value: str | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            key = value[:13]
            naive = datetime.fromisoformat(value[:19])
        else:
            naive = value.replace(tzinfo=None, microsecond=0)
            key = naive.isoformat(" ")[:13]
        offset = self._offsets.get(key, timedelta.max)
        if offset is timedelta.max:
            hour = naive.replace(minute=0, second=0, tzinfo=UTC)
            first = hour.astimezone(self._tz).utcoffset()
            last = (hour + timedelta(seconds=3599)).astimezone(self._tz).utcoffset()
            offset = first if first == last else None
            self._offsets[key] = offset
        if offset is None:
            aware = naive.replace(tzinfo=UTC).astimezone(self._tz)
            return aware.replace(tzinfo=None).isoformat(" ")
        return (naive + offset).isoformat(" ")


Clock = Callable[[str | datetime | None], str]  # a stored instant -> the export's local time


def _status_text(_clock: Clock, status: str, dlr: int | None) -> str:
    if dlr is not None:
        return dlr_meaning(dlr)
    try:
        return MessageStatus(status).label
    except ValueError:
        return status


def _text(_clock: Clock, value: str | None) -> str:
    return neutralise_cell(value or "")


def _number(_clock: Clock, value: float | None) -> str:
    return "" if value is None else str(value)


def _local_time(clock: Clock, value: str | datetime | None) -> str:
    return clock(value)


@dataclass(frozen=True)
class ExportColumn:
    header: str
    columns: tuple[Any, ...]  # what it reads
    formatter: Callable[..., str]  # (clock, *values read) -> the cell


# OVH's columns, in OVH's order: the whole format. `date` is the sending instant.
EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("id", (Message.id,), _number),
    # the raw stored text on SQLite: parsing it once here is much cheaper than per column type
    ExportColumn("date", (type_coerce(Message.submitted_at, String),), _local_time),
    ExportColumn("sender", (Message.sender,), _text),
    ExportColumn("receiver", (Message.receiver,), _text),
    ExportColumn("ptt", (Message.ptt,), _number),
    ExportColumn("operatorCode", (Message.operator_code,), _text),
    ExportColumn("descriptionDlr", (Message.status, Message.dlr), _status_text),
    ExportColumn("tag", (Message.tag,), _text),
    ExportColumn("message", (Message.body,), _text),
)
EXPORT_HEADER = tuple(c.header for c in EXPORT_COLUMNS)
_SELECTED = tuple(column for c in EXPORT_COLUMNS for column in c.columns)  # the id first
_SLICES: list[tuple[slice, Callable[..., str]]] = []
_position = 0
for _column in EXPORT_COLUMNS:
    _SLICES.append((slice(_position, _position + len(_column.columns)), _column.formatter))
    _position += len(_column.columns)


def _cells(values: Sequence[Any], clock: Clock) -> list[str]:
    return [formatter(clock, *values[where]) for where, formatter in _SLICES]


class HistoryExporter:
    def __init__(self, sessions: sessionmaker[Session], queries: HistoryQueries) -> None:
        self._sessions = sessions
        self._queries = queries

    def _batches(
        self, flt: HistoryFilter, wanted: Sequence[int] | None, max_id: int | None
    ) -> Iterator[Sequence[Sequence[Any]]]:
        """Rows to export, newest first: those matching `flt` (up to `max_id`), or the
        ids `wanted` (unique, descending). The first selected column is the id."""
        with self._sessions() as session, lean_cache(session):
            if wanted is None:
                query = select(*_SELECTED).where(*self._queries.clauses(flt))
                if max_id is not None:
                    query = query.where(Message.id <= max_id)
                yield from raw_batches(session, query.order_by(Message.id.desc()), EXPORT_BATCH)
                return
            for start in range(0, len(wanted), EXPORT_BATCH):
                chunk = wanted[start : start + EXPORT_BATCH]
                high, low = chunk[0], chunk[-1]
                if high - low < 2 * len(chunk):
                    # dense ids (the usual case): one range scan, minus the few in between
                    query = select(*_SELECTED).where(Message.id.between(low, high))
                    rows = all_rows(session, query.order_by(Message.id.desc()))
                    if high - low + 1 > len(chunk):
                        keep = set(chunk)
                        rows = [r for r in rows if r[0] in keep]
                    yield rows
                    continue
                for lookup in range(0, len(chunk), LOOKUP_CHUNK):
                    some = chunk[lookup : lookup + LOOKUP_CHUNK]
                    query = select(*_SELECTED).where(Message.id.in_(some))
                    yield all_rows(session, query.order_by(Message.id.desc()))

    def export_csv(
        self,
        flt: HistoryFilter,
        path: Path,
        *,
        ids: Sequence[int] | None = None,
        max_id: int | None = None,
        tz: tzinfo | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Write the matching rows (not newer than `max_id`), or just `ids`, newest first,
        as OVH-style CSV; returns rows written. `tz` is the zone of the dates (default:
        local time). The file appears whole or not at all (services/excel_csv.py)."""
        wanted = None if ids is None else sorted_unique(ids, descending=True)
        if wanted is not None:
            total = len(wanted)
        elif progress is not None:
            total = self._queries.count(flt, max_id=max_id)
        else:
            total = 0
        clock = _LocalTimes(tz)
        written = 0
        reported = 0
        with excel_csv(path) as writer:
            writer.writerow(EXPORT_HEADER)
            for batch in self._batches(flt, wanted, max_id):
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled
                writer.writerows(_cells(values, clock) for values in batch)
                written += len(batch)
                if progress and written - reported >= EXPORT_PROGRESS_EVERY:
                    reported = written
                    progress(written, max(total, written))
        if progress:
            progress(written, max(total, written))
        return written

    def export_rows(
        self,
        result: ResultSet,
        ranges: Sequence[tuple[int, int]] | None,
        path: Path,
        *,
        tz: tzinfo | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        in_child: bool = False,
    ) -> int:
        """Export selected rows of a snapshot (None: all its rows), exactly the messages
        the rows showed (see HistoryService.delete_rows).

        `in_child`: the window's exports run in a child process (services/child_process.py
        says why); a database only this process can open (SQLite in memory) is exported
        here, as is everything when no child process can start."""
        if in_child and not in_memory(url := self._sessions.kw["bind"].url):
            try:
                written: int = run_in_child(
                    _export_rows_in_child,
                    url.render_as_string(hide_password=False),
                    replace(result, first_page=()),  # rows shown: not needed there
                    ranges,
                    path,
                    tz,
                    progress=progress,
                    cancel=cancel,
                )
                return written
            except ChildUnavailable:
                pass  # here, then
            except ChildDied as exc:
                path.with_name(path.name + ".part").unlink(missing_ok=True)
                raise HistoryExportError(f"the export stopped: {exc}") from None
        merged = [(0, result.count)] if ranges is None else merge_ranges(ranges)
        if result.ids is None and merged == [(0, result.count)]:
            # the whole history as it was: one scan up to the snapshot's last id
            return self.export_csv(
                result.filter, path, max_id=result.max_id, tz=tz, progress=progress, cancel=cancel
            )
        ids = self._queries.snapshot_ids(result, merged, cancel=cancel)
        return self.export_csv(
            result.filter, path, ids=ids, tz=tz, progress=progress, cancel=cancel
        )


class HistoryExportError(Exception):
    """The export could not finish (its process was stopped)."""


def _export_rows_in_child(
    url: str,
    result: ResultSet,
    ranges: Sequence[tuple[int, int]] | None,
    path: Path,
    tz: tzinfo | None,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> int:
    """The child's side of export_rows(in_child=True): its own engine on the same database."""
    engine = make_engine(url, upgrade=False)
    try:
        sessions = make_sessions(engine)
        exporter = HistoryExporter(sessions, HistoryQueries(sessions))
        return exporter.export_rows(result, ranges, path, tz=tz, progress=progress, cancel=cancel)
    finally:
        engine.dispose()
