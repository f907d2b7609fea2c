"""Non-secret preferences kept in the `setting` table, shared by the window and the CLI.

Secrets (gateway credentials) never come here: they live in the OS keyring.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from smsdesk.db.models import Setting
from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow

KEY_COMMERCIAL_WINDOW = "send.commercial_window"
KEY_DEFAULT_SENDER = "send.default_sender"
KEY_REGION = "send.region"
KEY_TEST_NUMBER = "send.test_number"
KEY_LANGUAGE = "ui.language"
KEY_TIME_ZONE = "ui.time_zone"
PREFERENCE_KEYS = (
    KEY_COMMERCIAL_WINDOW,
    KEY_DEFAULT_SENDER,
    KEY_REGION,
    KEY_TEST_NUMBER,
    KEY_LANGUAGE,
    KEY_TIME_ZONE,
)
# how long a sent message awaits its delivery report before it becomes `expired`
KEY_RECEIPT_VALIDITY_HOURS = "receipt_validity_hours"
DEFAULT_RECEIPT_VALIDITY_HOURS = 48.0


@dataclass(frozen=True)
class SendPreferences:
    """What the Send tab starts with and what a commercial campaign gets by default."""

    commercial_window: SendingWindow = COMMERCIAL_FR
    default_sender: str = ""
    region: str = "FR"  # region of national numbers (06... -> +336...)
    test_number: str = ""  # "Send a test to me" goes there
    language: str = ""  # a key of ui.i18n.LANGUAGES; "" follows the system
    time_zone: str = ""  # an IANA zone ("Europe/Paris") instants are shown in; "" the system's


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- raw key/value ---------------------------------------------------------------

    def get(self, key: str, default: str | None = None) -> str | None:
        with self._sessions() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value

    def set(self, key: str, value: str | None) -> None:
        """Store `value` under `key`; None removes the key."""
        with self._sessions.begin() as session:
            if value is None:
                session.execute(delete(Setting).where(Setting.key == key))
                return
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value

    # -- typed preferences -----------------------------------------------------------

    def preferences(self) -> SendPreferences:
        with self._sessions() as session:
            stored = dict(
                session.execute(
                    select(Setting.key, Setting.value).where(Setting.key.in_(PREFERENCE_KEYS))
                ).all()
            )
        prefs = SendPreferences()
        window_json = stored.get(KEY_COMMERCIAL_WINDOW)
        if window_json:
            # a hand-edited value we cannot read: the legal default is the safe one
            with contextlib.suppress(ValueError):
                prefs = replace(prefs, commercial_window=SendingWindow.from_json(window_json))
        return replace(
            prefs,
            default_sender=stored.get(KEY_DEFAULT_SENDER, prefs.default_sender),
            region=stored.get(KEY_REGION, prefs.region) or prefs.region,
            test_number=stored.get(KEY_TEST_NUMBER, prefs.test_number),
            language=stored.get(KEY_LANGUAGE, prefs.language),
            time_zone=stored.get(KEY_TIME_ZONE, prefs.time_zone),
        )

    def save_preferences(self, prefs: SendPreferences) -> None:
        values = {
            KEY_COMMERCIAL_WINDOW: prefs.commercial_window.to_json(),
            KEY_DEFAULT_SENDER: prefs.default_sender,
            KEY_REGION: prefs.region,
            KEY_TEST_NUMBER: prefs.test_number,
            KEY_LANGUAGE: prefs.language,
            KEY_TIME_ZONE: prefs.time_zone,
        }
        with self._sessions.begin() as session:
            for key, value in values.items():
                row = session.get(Setting, key)
                if row is None:
                    session.add(Setting(key=key, value=value))
                else:
                    row.value = value

    def commercial_window(self) -> SendingWindow:
        return self.preferences().commercial_window

    def receipt_validity(self) -> timedelta:
        """How long a receipt is awaited (the messages' validity period at the gateway)."""
        raw = self.get(KEY_RECEIPT_VALIDITY_HOURS)
        try:
            hours = float(raw) if raw else DEFAULT_RECEIPT_VALIDITY_HOURS
        except ValueError:  # hand-edited: the default is the safe one
            hours = DEFAULT_RECEIPT_VALIDITY_HOURS
        if not 0 < hours <= 24 * 365:
            hours = DEFAULT_RECEIPT_VALIDITY_HOURS
        return timedelta(hours=hours)

    def set_receipt_validity(self, hours: float) -> None:
        if not 0 < hours <= 24 * 365:
            raise ValueError("the receipt validity must be between 0 and 8760 hours")
        self.set(KEY_RECEIPT_VALIDITY_HOURS, f"{hours:g}")
