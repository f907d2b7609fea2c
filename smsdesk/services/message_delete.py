"""`smsdesk history delete ID...`: the messages deleted if every one exists, else none.

One function over a DB-API connection, run by `HistoryService.delete_existing` through
the engine's own connection, and by the command line through `sqlite3` alone on a plain
SQLite file at the code's schema: importing SQLAlchemy took 0.35 s of the 1.2 s that
deleting 10,000 ids took (as `history_newest` does for the listing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from smsdesk.db.sqlite_file import on_current_file

CHUNK = 500  # ids a statement: well under SQLite's limit on variables
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}  # by DB-API paramstyle


def delete_all_or_none(
    connection: Any, ids: Sequence[int], *, paramstyle: str = "qmark"
) -> tuple[int, list[int]]:
    """Delete the messages `ids` in one transaction if every one exists: (deleted, []).
    With one missing, nothing is deleted: (0, the missing ids in the order given).

    `connection`: a DB-API connection outside a transaction (sqlite3's, or the engine's
    `raw_connection()`); committed or rolled back here."""
    mark = PLACEHOLDERS[paramstyle]
    unique = sorted(set(ids))  # rowid order: neighbouring rows share table pages
    cursor = connection.cursor()
    try:
        deleted = 0
        for chunk in _chunks(unique):
            cursor.execute(f"DELETE FROM message WHERE id IN ({_marks(mark, chunk)})", chunk)
            deleted += int(cursor.rowcount)
        if deleted == len(unique):
            connection.commit()
            return deleted, []
        connection.rollback()
        found: set[int] = set()
        for chunk in _chunks(unique):
            cursor.execute(f"SELECT id FROM message WHERE id IN ({_marks(mark, chunk)})", chunk)
            found.update(int(row[0]) for row in cursor.fetchall())
        connection.rollback()  # the reads' transaction, where the driver opened one
        return 0, [i for i in ids if i not in found]
    except BaseException:
        connection.rollback()
        raise
    finally:
        cursor.close()


def delete_in_plain_file(db_url: str, ids: Sequence[int]) -> tuple[int, list[int]] | None:
    """`delete_all_or_none` on a plain SQLite file at the code's schema, without
    SQLAlchemy; None when this path cannot answer (nothing deleted: a failure rolls back)."""
    return on_current_file(db_url, lambda connection: delete_all_or_none(connection, ids))


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def _marks(mark: str, chunk: Sequence[int]) -> str:
    return ", ".join([mark] * len(chunk))
