"""`demo seed`: a realistic history, to try smsdesk or to benchmark it."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Campaign, Message, utcnow
from smsdesk.domain.delivery import CampaignStatus, MessageStatus, status_from_codes
from smsdesk.domain.encoding import message_info

CHUNK = 20_000
BODIES = (
    "Bonjour, votre rendez-vous est confirmé demain à 10h. Répondez STOP pour ne plus recevoir.",
    "Mairie: la collecte des encombrants a lieu jeudi. Merci de sortir vos objets la veille.",
    "Soldes -30% ce week-end dans votre boutique ! STOP au 36111",
    "Rappel : réunion de l'association samedi 14h, salle des fêtes.",
    "Votre commande n°{n} est prête à être retirée.",
    "Cabinet médical : pensez à apporter votre carte vitale.",
)
SENDERS = ("MAIRIE", "CABINET", "BOUTIQUE", "ASSO", "")
# (ptt, dlr, weight): mostly delivered, some failures; all final, so nothing waits
OUTCOMES = ((4, 1, 92), (5, 2, 2), (23, 2, 2), (24, 2, 2), (26, 2, 1), (8, 2, 1))


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
        """Insert `messages` history rows over the last year, in campaigns of ~5,000."""
        rng = random.Random(seed)
        now = self._clock()
        outcomes = [o[:2] for o in OUTCOMES]
        weights = [o[2] for o in OUTCOMES]
        inserted = 0
        with self._sessions.begin() as session:
            while inserted < messages:
                if cancel is not None and cancel.is_set():
                    break
                size = min(CHUNK, messages - inserted)
                body = rng.choice(BODIES)
                sender = rng.choice(SENDERS)
                info = message_info(body)
                start = now - timedelta(days=365 * (1 - inserted / max(messages, 1)))
                campaign = Campaign(
                    name=f"Démo {inserted // CHUNK + 1}",
                    sender=sender,
                    body=body,
                    encoding=str(info.encoding),
                    segments=info.segments,
                    tag=f"demo-{inserted // CHUNK + 1}",
                    provider="simulator",
                    status=CampaignStatus.DONE,
                    created_at=start,
                    started_at=start,
                    finished_at=start,
                )
                session.add(campaign)
                session.flush()
                rows = []
                for i in range(size):
                    ptt, dlr = rng.choices(outcomes, weights)[0]
                    status = status_from_codes(ptt, dlr)
                    created = start + timedelta(seconds=i * 2)
                    rows.append(
                        {
                            "campaign_id": campaign.id,
                            "receiver": f"+336{rng.randrange(10_000_000, 99_999_999)}",
                            "sender": sender,
                            "body": body.replace("{n}", str(inserted + i)),
                            "parts": info.segments,
                            "tag": campaign.tag,
                            "status": status,
                            "provider": "simulator",
                            "provider_ref": f"demo{inserted + i}",
                            "ptt": ptt,
                            "dlr": dlr,
                            "operator_code": rng.choice(("20801", "20810", "20815", "20820")),
                            "credits": float(info.segments),
                            "attempts": 1,
                            "created_at": created,
                            "submitted_at": created,
                            "delivered_at": created + timedelta(seconds=5)
                            if status is MessageStatus.DELIVERED
                            else None,
                        }
                    )
                session.execute(insert(Message), rows)
                inserted += size
                if progress:
                    progress(inserted, messages)
        return inserted
