"""History: the facade the window and the command line use.

What a filter means and how pages are read is in `history_query`; the CSV export is in
`history_export`; this module deletes (here and at the gateway) and puts them together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Message
from smsdesk.services.cancellation import Cancelled
from smsdesk.services.cancellation import raise_if_cancelled as _check
from smsdesk.services.excel_csv import neutralise_cell
from smsdesk.services.history_export import (
    EXPORT_COLUMNS,
    EXPORT_HEADER,
    ExportCancelled,
    HistoryExporter,
    _LocalTimes,
)
from smsdesk.services.history_query import (
    INDEXED_SORTS,
    KEYSET_SORTS,
    PAGE_SIZE,
    CampaignChoice,
    DatePreset,
    HistoryFilter,
    HistoryQueries,
    ResultSet,
    SortColumn,
    SortKey,
    StatusGroup,
    date_range,
    filter_clauses,
    fold,
    lean_cache,
    merge_ranges,
    receiver_pattern,
    sorted_unique,
)
from smsdesk.services.message_delete import CHUNK as DELETE_CHUNK
from smsdesk.services.message_delete import delete_all_or_none
from smsdesk.services.message_row import MessageRow

if TYPE_CHECKING:
    from smsdesk.providers.base import Provider

LOOKUP_CHUNK = 500
REMOTE_CHUNK = 100

ProviderFactory = Callable[[str], "Provider"]  # a gateway by name (Services.provider)

__all__ = [
    "EXPORT_COLUMNS",
    "EXPORT_HEADER",
    "INDEXED_SORTS",
    "KEYSET_SORTS",
    "PAGE_SIZE",
    "CampaignChoice",
    "Cancelled",
    "DatePreset",
    "DeleteReport",
    "ExportCancelled",
    "HistoryFilter",
    "HistoryService",
    "MessageRow",
    "ProviderFactory",
    "ResultSet",
    "SortColumn",
    "SortKey",
    "StatusGroup",
    "_LocalTimes",
    "date_range",
    "filter_clauses",
    "fold",
    "merge_ranges",
    "neutralise_cell",
    "receiver_pattern",
]


@dataclass(frozen=True)
class DeleteReport:
    deleted: int  # rows deleted from our history
    remote_deleted: int = 0  # messages deleted at their gateway too
    kept: int = 0  # kept here because their gateway could not delete them
    errors: tuple[str, ...] = ()  # the gateways' reasons, one line each


class HistoryService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self.queries = HistoryQueries(sessions)
        self.exporter = HistoryExporter(sessions, self.queries)
        # reads (history_query)
        self.count = self.queries.count
        self.page = self.queries.page
        self.get = self.queries.get
        self.ids = self.queries.ids
        self.existing_ids = self.queries.existing_ids
        self.campaign_choices = self.queries.campaign_choices
        self.tag_choices = self.queries.tag_choices
        self.open_result = self.queries.open_result
        self.result_page = self.queries.result_page
        self.result_ids = self.queries.result_ids
        self.rows_ids = self.queries.rows_ids
        # export (history_export)
        self.export_csv = self.exporter.export_csv
        self.export_rows = self.exporter.export_rows

    # -- delete --------------------------------------------------------------------------

    def delete(
        self,
        ids: Sequence[int],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Delete these messages in one transaction; returns how many were deleted.

        A cancel rolls everything back.
        """
        ordered = sorted_unique(ids)  # rowid order: neighbouring rows share table pages
        deleted = 0
        with self._sessions.begin() as session, lean_cache(session):
            for start in range(0, len(ordered), DELETE_CHUNK):
                _check(cancel)
                chunk = ordered[start : start + DELETE_CHUNK]
                result = session.execute(
                    delete(Message)
                    .where(Message.id.in_(chunk))
                    .execution_options(synchronize_session=False)
                )
                deleted += int(result.rowcount)  # type: ignore[attr-defined]
                if progress:
                    progress(min(start + DELETE_CHUNK, len(ordered)), len(ordered))
        return deleted

    def delete_existing(self, ids: Sequence[int]) -> tuple[int, list[int]]:
        """Delete these messages if every one exists: (deleted, missing ids). One
        transaction: with an id missing, nothing is deleted (`message_delete`)."""
        engine = self._sessions.kw["bind"]
        connection = engine.raw_connection()
        try:
            return delete_all_or_none(connection, ids, paramstyle=engine.dialect.paramstyle)
        finally:
            connection.close()

    def delete_matching(
        self,
        flt: HistoryFilter,
        *,
        max_id: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Delete every message matching `flt` (and not newer than `max_id`)."""
        clauses = self.queries.clauses(flt)
        if max_id is not None:
            clauses.append(Message.id <= max_id)
        return self._delete_where(clauses, progress=progress, cancel=cancel)

    def _delete_where(
        self,
        clauses: Sequence[ColumnElement[bool]],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        _check(cancel)
        with self._sessions.begin() as session, lean_cache(session):
            result = session.execute(
                delete(Message).where(*clauses).execution_options(synchronize_session=False)
            )
            deleted = int(result.rowcount)  # type: ignore[attr-defined]
        if progress:
            progress(deleted, deleted)
        return deleted

    def delete_everywhere(
        self,
        ids: Sequence[int],
        providers: ProviderFactory,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> DeleteReport:
        """Delete at the gateway where it keeps a history, then here.

        A message whose gateway refused stays here, so the user can try again.
        """
        from smsdesk.providers.base import Capability, ProviderError  # not on the CLI path

        groups: dict[str, list[tuple[int, str]]] = {}
        unique = sorted_unique(ids)
        with self._sessions() as session:
            for start in range(0, len(unique), LOOKUP_CHUNK):
                chunk = unique[start : start + LOOKUP_CHUNK]
                query = select(Message.id, Message.provider, Message.provider_ref).where(
                    Message.id.in_(chunk), Message.provider_ref.is_not(None)
                )
                for msg_id, name, ref in session.execute(query):
                    groups.setdefault(str(name), []).append((int(msg_id), str(ref)))
        total = sum(len(g) for g in groups.values()) + len(unique)
        done = 0
        kept: set[int] = set()
        errors: list[str] = []
        remote_deleted = 0
        for name, pairs in groups.items():
            try:
                provider = providers(name)
            except (ProviderError, ValueError) as exc:
                errors.append(f"{name}: {exc}")
                kept.update(i for i, _ in pairs)
                continue
            try:
                if Capability.DELETE_REMOTE not in provider.capabilities:
                    done += len(pairs)
                    continue  # nothing kept there: deleting here is the whole job
                for start in range(0, len(pairs), REMOTE_CHUNK):
                    some = pairs[start : start + REMOTE_CHUNK]
                    if cancel is not None and cancel.is_set():
                        kept.update(i for i, _ in pairs[start:])
                        errors.append(f"{name}: cancelled")
                        break
                    try:
                        provider.delete_remote([ref for _, ref in some])
                    except ProviderError as exc:
                        kept.update(i for i, _ in pairs[start:])
                        errors.append(f"{name}: {exc}")
                        break
                    remote_deleted += len(some)
                    done += len(some)
                    if progress:
                        progress(done, total)
            finally:
                provider.close()
        local = [i for i in unique if i not in kept]

        def local_progress(d: int, _t: int) -> None:
            if progress:
                progress(total - len(unique) + d, total)

        deleted = self.delete(local, progress=local_progress)
        return DeleteReport(deleted, remote_deleted, len(kept), tuple(errors))

    def delete_rows(
        self,
        result: ResultSet,
        ranges: Iterable[tuple[int, int]],
        *,
        providers: ProviderFactory | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> DeleteReport:
        """Delete the rows a user selected in a snapshot, in one transaction: exactly the
        messages those rows showed, whatever happened to them since (a message that
        matches the filter only since the snapshot was never seen, so it stays). With
        `providers`, each message is also deleted at its gateway first where that gateway
        keeps a history.
        """
        merged = merge_ranges(ranges)
        if merged == [(0, result.count)] and result.ids is None and providers is None:
            # the whole history as it was (no filter, nothing hidden then: every message
            # up to the snapshot's last id, whatever its status now)
            deleted = self._delete_where(
                [Message.id <= result.max_id], progress=progress, cancel=cancel
            )
            return DeleteReport(deleted)
        ids = self.queries.snapshot_ids(result, merged, cancel=cancel)
        if providers is not None:
            return self.delete_everywhere(ids, providers, progress=progress, cancel=cancel)
        return DeleteReport(self.delete(ids, progress=progress, cancel=cancel))

    @staticmethod
    def can_delete_remote(
        name: str,
        providers: ProviderFactory,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> bool:
        """Whether gateway `name` keeps a history that we can delete (builds the gateway:
        run it in a worker)."""
        from smsdesk.providers.base import Capability

        try:
            provider = providers(name)
        except Exception:  # not configured here: nothing to offer
            return False
        try:
            return Capability.DELETE_REMOTE in provider.capabilities
        finally:
            provider.close()
