"""Sending preferences: the commercial sending window, default sender, region, and the
number that "Send a test to me" goes to. Saved in the database (nothing secret here)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow
from smsdesk.services.campaigns import sender_problem
from smsdesk.services.settings import SendPreferences, SettingsService

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SettingsDialog(QDialog):
    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sending preferences")
        self._settings = settings
        prefs = settings.preferences()
        window = prefs.commercial_window

        self.start = QTimeEdit(_qtime(window.start))
        self.end = QTimeEdit(_qtime(window.end))
        self.start.setDisplayFormat("HH:mm")
        self.end.setDisplayFormat("HH:mm")
        self.end.setToolTip("00:00 means midnight at the end of the day")
        self.days = [QCheckBox(name) for name in DAY_NAMES]
        for number, box in enumerate(self.days):
            box.setChecked(number in window.weekdays)
        self.holidays = QCheckBox("Not on public holidays")
        self.holidays.setChecked(window.skip_public_holidays)
        self.country = QLineEdit(window.country)
        self.country.setMaxLength(3)
        self.timezone = QLineEdit(window.timezone)
        self.default_sender = QLineEdit(prefs.default_sender)
        self.default_sender.setMaxLength(15)
        self.region = QLineEdit(prefs.region)
        self.region.setMaxLength(2)
        self.test_number = QLineEdit(prefs.test_number)
        self.test_number.setPlaceholderText("+33 6 12 34 56 78")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)

        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel("to"))
        hours.addWidget(self.end)
        hours.addStretch(1)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        form = QFormLayout()
        form.addRow(QLabel("<b>Commercial messages are sent only</b>"))
        form.addRow("Between:", hours)
        form.addRow("On:", days)
        form.addRow("", self.holidays)
        form.addRow("Holidays of (country):", self.country)
        form.addRow("Time zone:", self.timezone)
        form.addRow(QLabel("<b>Sending</b>"))
        form.addRow("Default sender:", self.default_sender)
        form.addRow("Region of national numbers:", self.region)
        form.addRow("My number (for tests):", self.test_number)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setText("French rule (08:00–20:00, Mon–Sat)")
        restore.clicked.connect(self._restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _restore_defaults(self) -> None:
        self.start.setTime(_qtime(COMMERCIAL_FR.start))
        self.end.setTime(_qtime(COMMERCIAL_FR.end))
        for number, box in enumerate(self.days):
            box.setChecked(number in COMMERCIAL_FR.weekdays)
        self.holidays.setChecked(True)
        self.country.setText(COMMERCIAL_FR.country)
        self.timezone.setText(COMMERCIAL_FR.timezone)

    def preferences(self) -> SendPreferences:
        """What the form says; raises ValueError with the reason when it is not valid."""
        window = SendingWindow(
            start=_pytime(self.start.time()),
            end=_pytime(self.end.time()),
            weekdays=frozenset(n for n, box in enumerate(self.days) if box.isChecked()),
            skip_public_holidays=self.holidays.isChecked(),
            country=self.country.text().strip().upper() or "FR",
            timezone=self.timezone.text().strip() or "Europe/Paris",
        )
        sender = self.default_sender.text().strip()
        problem = sender_problem(sender)
        if problem:
            raise ValueError(problem)
        return SendPreferences(
            commercial_window=window,
            default_sender=sender,
            region=self.region.text().strip().upper() or "FR",
            test_number=self.test_number.text().strip(),
        )

    def save(self) -> None:
        try:
            prefs = self.preferences()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self._settings.save_preferences(prefs)
        self.accept()
