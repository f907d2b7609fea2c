"""`demo seed`: a realistic history, to try smsdesk or to benchmark it.

A million rows go in within seconds: rows are plain tuples inserted in large batches
through the driver's `executemany` (SQLAlchemy still compiles the statement and formats
the dates, so what is stored is exactly what the ORM would store).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Message, utcnow
from smsdesk.domain.delivery import CampaignStatus, MessageStatus, status_from_codes
from smsdesk.domain.encoding import message_info

CAMPAIGN_SIZE = 5_000
BATCH = 50_000
BODIES = (
    "Bonjour, votre rendez-vous est confirmé demain à 10h. Répondez STOP pour ne plus recevoir.",
    "Mairie: la collecte des encombrants a lieu jeudi. Merci de sortir vos objets la veille.",
    "Soldes -30% ce week-end dans votre boutique ! STOP au 36111",
    "Rappel : réunion de l'association samedi 14h, salle des fêtes.",
    "Votre commande n°{n} est prête à être retirée.",
    "Cabinet médical : pensez à apporter votre carte vitale.",
    'Infos travaux ; la rue "Pasteur" sera fermée lundi.\nMerci de votre compréhension.',
    "Votre code de vérification est {n}. Il expire dans 10 minutes.",
)
SENDERS = ("MAIRIE", "CABINET", "BOUTIQUE", "ASSO", "")
OPERATORS = ("20801", "20810", "20815", "20820")
# (ptt, dlr, weight): mostly delivered, some failures and a few cancelled; all final, so
# the dispatcher and the receipt poller leave these rows alone
OUTCOMES = (
    (4, 1, 900),
    (5, 2, 20),
    (23, 2, 20),
    (24, 2, 20),
    (26, 2, 10),
    (8, 2, 10),
    (None, None, 20),
)
_COLUMNS = (
    "campaign_id",
    "receiver",
    "sender",
    "body",
    "parts",
    "tag",
    "status",
    "provider",
    "provider_ref",
    "ptt",
    "dlr",
    "operator_code",
    "credits",
    "attempts",
    "created_at",
    "submitted_at",
    "delivered_at",
)


class DemoService:
    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utcnow):
        self._sessions = sessions
        self._clock = clock

    def seed(
        self,
        messages: int,
        *,
        seed: int = 1,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Insert `messages` history rows over the last year, in campaigns of ~5,000.

        One transaction: a cancel (or a crash) leaves the history as it was.
        """
        rng = random.Random(seed)
        now = self._clock()
        outcomes = [o[:2] for o in OUTCOMES]
        weights = [o[2] for o in OUTCOMES]
        step = timedelta(days=365) / max(messages, 1)
        first = now - timedelta(days=365)
        inserted = 0
        with self._sessions.begin() as session:
            connection = session.connection()
            writer = _BatchWriter(connection)
            rows: list[tuple[Any, ...]] = []
            while inserted < messages:
                if cancel is not None and cancel.is_set():
                    session.rollback()
                    return 0
                size = min(CAMPAIGN_SIZE, messages - inserted)
                template = rng.choice(BODIES)
                sender = rng.choice(SENDERS)
                info = message_info(template)
                start = first + step * inserted
                number = inserted // CAMPAIGN_SIZE + 1
                campaign = Campaign(
                    name=f"Démo {number}",
                    sender=sender,
                    body=template,
                    encoding=str(info.encoding),
                    segments=info.segments,
                    tag=f"demo-{number % 12 + 1}",
                    provider="simulator",
                    status=CampaignStatus.DONE,
                    created_at=start,
                    started_at=start,
                    finished_at=start + step * size,
                )
                session.add(campaign)
                session.flush()
                personal = "{n}" in template
                for i in range(size):
                    ptt, dlr = rng.choices(outcomes, weights)[0]
                    status = (
                        status_from_codes(ptt, dlr) if ptt is not None else MessageStatus.CANCELLED
                    )
                    created = start + step * i
                    sent = status is not MessageStatus.CANCELLED
                    delivered = status is MessageStatus.DELIVERED
                    rows.append(
                        (
                            campaign.id,
                            f"+33{rng.choice('67')}{rng.randrange(10_000_000, 100_000_000)}",
                            sender,
                            template.replace("{n}", str(100_000 + inserted + i))
                            if personal
                            else template,
                            info.segments,
                            campaign.tag,
                            str(status),
                            "simulator",
                            f"demo{seed}-{inserted + i:09d}" if sent else None,
                            ptt,
                            dlr,
                            rng.choice(OPERATORS) if sent else None,
                            float(info.segments) if sent else None,
                            1 if sent else 0,
                            created,
                            created if sent else None,
                            created + timedelta(seconds=5 + i % 40) if delivered else None,
                        )
                    )
                inserted += size
                if len(rows) >= BATCH or inserted == messages:
                    writer.write(rows)
                    rows = []
                    if progress:
                        progress(inserted, messages)
        return inserted


class _BatchWriter:
    """INSERT INTO message, many rows at a time."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        table: Table = Message.__table__  # type: ignore[assignment]
        self._table = table
        dialect = connection.dialect
        self._positional = dialect.name == "sqlite"
        if self._positional:
            compiled = insert(table).compile(dialect=dialect, column_keys=list(_COLUMNS))
            self._sql = str(compiled)
            order = compiled.positiontup or []
            self._order = [_COLUMNS.index(key) for key in order]
            # the columns' own formatting (naive UTC text for dates)
            self._convert: list[Callable[[Any], Any] | None] = []
            for key in order:
                # dialect_impl: the decorator and the dialect's own DATETIME text together
                processor = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
                self._convert.append(processor)

    def write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if not self._positional:
            self._connection.execute(
                insert(self._table), [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
            )
            return
        order = self._order
        converted = [(pos, fn) for pos, fn in enumerate(self._convert) if fn is not None]
        prepared = []
        for row in rows:
            values = [row[i] for i in order]
            for pos, fn in converted:
                if values[pos] is not None:
                    values[pos] = fn(values[pos])
            prepared.append(values)
        cursor = self._connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(self._sql, prepared)
        finally:
            cursor.close()
