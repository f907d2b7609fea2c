"""Preferences: one dialog for the gateway, sending, region, language and time zone.

The gateway section is built from the gateways' specs (providers/spec.py): a choice of
gateway and, for each, a form of its fields, its actions (OVH's consumer key and
accounts) and a connection test. Secrets go to the OS keyring through the gateway
service and are never shown back. Everything that reads or writes the database or a
gateway runs in a worker; the dialog only validates what is typed.

Saving applies the language (`i18n.apply_language`, the window switches at once), the
region and the time zone (`formats.set_region`, `formats.set_time_zone`).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import time
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QLocale,
    Qt,
    QTime,
    QTimeZone,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.phone import display_number, normalize
from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow
from smsdesk.services.campaigns import sender_problem
from smsdesk.services.gateways import (
    TRANSLATION_CONTEXT,
    ActionResult,
    Capability,
    ConfigField,
    ConnectionReport,
    FieldKind,
    FieldState,
    GatewayService,
    GatewaySpec,
    KeyringStatus,
    SaveReport,
    Source,
    UnknownProviderError,
    keyring_status,
)
from smsdesk.services.settings import SendPreferences, SettingsService
from smsdesk.ui import formats, i18n
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.workers import WorkerPool

ERROR_STYLE = "color: #b3261e"
WARNING_STYLE = "color: #a15c00"
OK_STYLE = "color: #1b6e20"
INVALID_FIELD_STYLE = "border: 1px solid #b3261e"

OpenUrl = Callable[[QUrl], Any]
# what to do with unsaved edits when the dialog closes: "save", "discard" or "cancel"
AskUnsaved = Callable[[QWidget], str]

SECTION_GATEWAY, SECTION_SENDING, SECTION_REGION, SECTION_LANGUAGE, SECTION_TIME_ZONE = range(5)
ZONE_PREFIXES = (
    *("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/"),
    *("Europe/", "Indian/", "Pacific/"),
)


def spec_text(source: str) -> str:
    """A gateway spec's label or message, translated (context "GatewaySpec")."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, source)


def gateway_label(name: str) -> str:
    """A gateway as the window names it ("Simulateur (sans compte)"); the name if unknown."""
    try:
        return spec_text(GatewayService.spec(name).label)
    except UnknownProviderError:
        return name


def region_names(language: str) -> list[tuple[str, str]]:
    """(region code, country name in `language`) for every region phone numbers know,
    sorted as a reader of that language expects ("Égypte" beside "Équateur")."""
    import phonenumbers
    from phonenumbers.geocoder import _region_display_name

    names: list[tuple[str, str]] = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        try:
            name = _region_display_name(code, language) or _region_display_name(code, "en")
        except (KeyError, ValueError):
            name = ""
        if not name:  # Ascension, Tristan da Cunha, Kosovo: Qt knows them
            name = QLocale.territoryToString(QLocale.codeToTerritory(code))
        names.append((code, name or code))
    collator = QCollator(QLocale(language))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def order(a: tuple[str, str], b: tuple[str, str]) -> int:
        return collator.compare(a[1], b[1])

    return sorted(names, key=cmp_to_key(order))


def zone_names() -> list[str]:
    """The IANA zones a person would pick (no Etc/GMT+5, no legacy aliases), sorted."""
    return sorted(z for z in zoneinfo.available_timezones() if z.startswith(ZONE_PREFIXES))


def zone_label(zone: str) -> str:
    return zone.replace("_", " ").replace("/", " / ")


def apply_display_preferences(prefs: SendPreferences) -> str:
    """Language, region and time zone of `prefs` for the whole window (at start and when
    Preferences are saved); returns the language applied."""
    applied = i18n.apply_language(prefs.language or None)
    formats.set_region(prefs.region)
    zone = None
    if prefs.time_zone:
        try:
            zone = zoneinfo.ZoneInfo(prefs.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
    formats.set_time_zone(zone)
    return applied


def ask_unsaved(parent: QWidget) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PreferencesDialog", "Preferences"))
    box.setText(QCoreApplication.translate("PreferencesDialog", "Save the changes you made?"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


@dataclass(frozen=True)
class Loaded:
    """What the dialog shows, read in a worker."""

    specs: tuple[GatewaySpec, ...]
    chosen: str
    overriding: str | None  # the gateway the environment chooses, if it does
    states: Mapping[str, Mapping[str, FieldState]]
    overridden: Mapping[str, frozenset[str]]
    keyring: KeyringStatus
    prefs: SendPreferences


def load_preferences(gateways: GatewayService, settings: SettingsService) -> Loaded:
    specs = tuple(gateways.specs())
    return Loaded(
        specs=specs,
        chosen=gateways.default_provider(),
        overriding=gateways.provider_from_environment(),
        states={s.name: {f.name: f for f in gateways.field_states(s.name)} for s in specs},
        overridden={s.name: gateways.overridden(s.name) for s in specs},
        keyring=keyring_status(),
        prefs=settings.preferences(),
    )


class FieldError(ValueError):
    """A value typed in the dialog is wrong; the message names the field."""

    def __init__(self, message: str, section: int, widget: QWidget | None = None) -> None:
        super().__init__(message)
        self.section = section
        self.widget = widget


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class GatewayForm(Retranslating, QWidget):
    """The fields and actions of one gateway, built from its spec."""

    def __init__(self, spec: GatewaySpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.sources: dict[str, Source] = {}
        self.overridden: frozenset[str] = frozenset()
        self.action_buttons: dict[str, QPushButton] = {}
        self.description = QLabel()
        self.description.setWordWrap(True)
        form = QFormLayout()
        for config_field in spec.fields:
            widget = self._control(config_field)
            label = QLabel()
            label.setBuddy(widget)
            self.widgets[config_field.name] = widget
            self.labels[config_field.name] = label
            form.addRow(label, widget)
        actions = QHBoxLayout()
        for action in spec.actions:
            button = QPushButton()
            self.action_buttons[action.name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.description)
        layout.addLayout(form)
        layout.addLayout(actions)
        self.retranslate()

    @staticmethod
    def _control(config_field: ConfigField) -> QWidget:
        if config_field.kind is FieldKind.INTEGER:
            spin = QSpinBox()
            spin.setRange(config_field.minimum or 0, config_field.maximum or 2_000_000_000)
            return spin
        if config_field.kind is FieldKind.RATE:
            rate = QDoubleSpinBox()
            rate.setRange(0, 100_000)
            rate.setDecimals(1)
            return rate
        if config_field.kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(config_field.choices))
            edit = combo.lineEdit()
            if edit is not None and config_field.placeholder:
                edit.setPlaceholderText(config_field.placeholder)
            return combo
        line = QLineEdit()
        if config_field.max_length:
            line.setMaxLength(config_field.max_length)
        if config_field.secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        elif config_field.placeholder:
            line.setPlaceholderText(config_field.placeholder)
        return line

    def retranslate(self) -> None:
        self.description.setText(spec_text(self.spec.description))
        for config_field in self.spec.fields:
            self.labels[config_field.name].setText(
                self.tr("{field}:").format(field=spec_text(config_field.label))
            )
            tip = spec_text(config_field.tooltip) if config_field.tooltip else ""
            if config_field.name in self.overridden:
                tip = self.tr("{tip} (set by this computer's environment)").format(tip=tip)
            widget = self.widgets[config_field.name]
            widget.setToolTip(tip or spec_text(config_field.label))
            if isinstance(widget, QDoubleSpinBox):
                widget.setSuffix(self.tr(" SMS/s"))
                widget.setSpecialValueText(self.tr("no limit"))
            if config_field.secret and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(self._secret_hint(self.sources.get(config_field.name)))
        for action in self.spec.actions:
            button = self.action_buttons[action.name]
            button.setText(spec_text(action.label))
            button.setToolTip(spec_text(action.tooltip))

    def _secret_hint(self, source: Source | None) -> str:
        if source is Source.ENVIRONMENT:
            return self.tr("set by this computer's environment")
        if source is Source.KEYRING:
            return self.tr("stored in the keyring; leave empty to keep it")
        return self.tr("not set")

    # -- values ----------------------------------------------------------------------

    def show_states(self, states: Mapping[str, FieldState], overridden: frozenset[str]) -> None:
        self.overridden = overridden
        for config_field in self.spec.fields:
            state = states.get(config_field.name)
            value = state.value if state else config_field.default
            self.sources[config_field.name] = state.source if state else Source.MISSING
            self._set(config_field, value if not config_field.secret else "")
            self.widgets[config_field.name].setEnabled(config_field.name not in overridden)
        self.retranslate()

    def _set(self, config_field: ConfigField, value: str) -> None:
        widget = self.widgets[config_field.name]
        if isinstance(widget, QDoubleSpinBox):
            try:
                widget.setValue(float(value or 0))
            except ValueError:
                widget.setValue(0)
        elif isinstance(widget, QSpinBox):
            try:
                widget.setValue(int(value or config_field.default or 0))
            except ValueError:
                widget.setValue(int(config_field.default or 0))
        elif isinstance(widget, QComboBox):
            widget.setCurrentText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def typed(self) -> dict[str, str]:
        """Field name -> text as typed (secrets: "" keeps the stored one)."""
        values: dict[str, str] = {}
        for config_field in self.spec.fields:
            widget = self.widgets[config_field.name]
            if isinstance(widget, QDoubleSpinBox):
                text = f"{widget.value():g}" if widget.value() else ""
            elif isinstance(widget, QSpinBox):
                text = str(widget.value())
            elif isinstance(widget, QComboBox):
                text = widget.currentText().strip()
            elif isinstance(widget, QLineEdit):
                text = widget.text() if config_field.secret else widget.text().strip()
            else:
                text = ""
            values[config_field.name] = text
        return values

    def apply_action(self, result: ActionResult) -> None:
        for name, choices in result.choices.items():
            widget = self.widgets.get(name)
            if isinstance(widget, QComboBox):
                current = widget.currentText()
                widget.clear()
                widget.addItems(list(choices))
                if current in choices:
                    widget.setCurrentText(current)
                elif choices:
                    widget.setCurrentIndex(0)
        for name, value in result.values.items():
            self._set(self.spec.field(name), value)

    def missing(self) -> list[ConfigField]:
        """Required fields with no value typed nor stored."""
        typed = self.typed()
        return [
            f
            for f in self.spec.fields
            if f.required
            and not typed[f.name]
            and not (f.secret and self.sources.get(f.name) is not Source.MISSING)
        ]


class PreferencesDialog(Retranslating, QDialog):
    """Gateway, Sending, Region, Language and Time zone, saved together."""

    saved = Signal(str)  # the gateway in use after the save
    loaded = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self,
        gateways: GatewayService,
        settings: SettingsService,
        workers: WorkerPool,
        *,
        open_url: OpenUrl = QDesktopServices.openUrl,
        ask: AskUnsaved = ask_unsaved,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateways = gateways
        self._settings = settings
        self._workers = workers
        self._open_url = open_url
        self._ask = ask
        self._busy = 0
        self._data: Loaded | None = None
        self._clean: tuple[Any, ...] | None = None  # what was loaded or last saved
        self.last_report: ConnectionReport | None = None
        self.forms: dict[str, GatewayForm] = {}

        self.sections = QListWidget()
        self.sections.setFixedWidth(170)
        for _ in range(5):
            self.sections.addItem("")
        self.pages = QStackedWidget()
        self.sections.setSpacing(3)
        self.sections.currentRowChanged.connect(self._section_changed)
        self.pages.addWidget(self._build_gateway())
        self.pages.addWidget(self._build_sending())
        self.pages.addWidget(self._build_region())
        self.pages.addWidget(self._build_language())
        self.pages.addWidget(self._build_time_zone())

        self.error = QLabel()  # why Save refused, naming the field
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.status = QLabel()  # loading, saving, saved
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        assert save_button is not None and close_button is not None
        self.save_button, self.close_button = save_button, close_button
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.sections)
        self.page_title = QLabel()  # the section's name, over its page, aligned with it
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        self.page_title.setContentsMargins(indent, 0, 0, 0)
        page = QVBoxLayout()
        page.addWidget(self.page_title)
        page.addWidget(self.pages, 1)
        body.addLayout(page, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.sections.setCurrentRow(SECTION_GATEWAY)
        self.resize(720, 520)
        self._set_enabled(False)
        self.retranslate()
        self.load()

    # -- building --------------------------------------------------------------------

    def _build_gateway(self) -> QWidget:
        page = QWidget()
        self.gateway = QComboBox()
        self.gateway.currentIndexChanged.connect(self._gateway_changed)
        self.gateway_label = QLabel()
        self.gateway_label.setBuddy(self.gateway)
        self.capabilities = QLabel()
        self.capabilities.setWordWrap(True)
        self.env_note = QLabel()
        self.env_note.setWordWrap(True)
        self.env_note.setStyleSheet(WARNING_STYLE)
        self.env_note.setVisible(False)
        # one form per gateway, only the chosen one shown (a hidden form takes no room)
        self.gateway_forms = QWidget()
        self._forms_layout = QVBoxLayout(self.gateway_forms)
        self._forms_layout.setContentsMargins(0, 0, 0, 0)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet(WARNING_STYLE)
        self.keyring_note.setVisible(False)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.senders_label = QLabel()
        self.senders_label.setWordWrap(True)
        self.senders_label.setVisible(False)

        choice = QFormLayout()
        choice.addRow(self.gateway_label, self.gateway)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.outcome, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(choice)
        layout.addWidget(self.capabilities)
        layout.addWidget(self.env_note)
        layout.addWidget(self.gateway_forms)
        layout.addWidget(self.keyring_note)
        layout.addLayout(test_row)
        layout.addWidget(self.senders_label)
        layout.addStretch(1)
        return page

    def _build_sending(self) -> QWidget:
        page = QWidget()
        self.sending_title = QLabel()
        self.window_title = QLabel()
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.end.setDisplayFormat("HH:mm")
        self.to_label = QLabel()
        self.days = [QCheckBox() for _ in range(7)]
        self.holidays = QCheckBox()
        self.holiday_country = QComboBox()
        self.window_zone = QComboBox()
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self._restore_french_rule)
        self.default_sender = QLineEdit()
        self.default_sender.setMaxLength(15)
        self.test_number = QLineEdit()
        self.test_number.setPlaceholderText("06 12 34 56 78")
        self.test_number.textChanged.connect(self._check_test_number)
        self.test_number_note = QLabel()
        self.test_number_note.setWordWrap(True)

        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(self.to_label)
        hours.addWidget(self.end)
        hours.addStretch(1)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        self.between_label, self.on_label = QLabel(), QLabel()
        self.country_label, self.window_zone_label = QLabel(), QLabel()
        self.sender_label, self.test_number_label = QLabel(), QLabel()
        self.between_label.setBuddy(self.start)
        self.country_label.setBuddy(self.holiday_country)
        self.window_zone_label.setBuddy(self.window_zone)
        self.sender_label.setBuddy(self.default_sender)
        self.test_number_label.setBuddy(self.test_number)
        form = QFormLayout()
        form.addRow(self.window_title)
        form.addRow(self.between_label, hours)
        form.addRow(self.on_label, days)
        form.addRow("", self.holidays)
        form.addRow(self.country_label, self.holiday_country)
        form.addRow(self.window_zone_label, self.window_zone)
        restore = QHBoxLayout()
        restore.addWidget(self.restore_button)
        restore.addStretch(1)
        form.addRow("", restore)
        form.addRow(self.sending_title)
        form.addRow(self.sender_label, self.default_sender)
        form.addRow(self.test_number_label, self.test_number)
        form.addRow("", self.test_number_note)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_region(self) -> QWidget:
        page = QWidget()
        self.region_note = QLabel()
        self.region_note.setWordWrap(True)
        self.region = QComboBox()
        self.region.currentIndexChanged.connect(lambda _: self._check_test_number())
        self.region_label = QLabel()
        self.region_label.setBuddy(self.region)
        form = QFormLayout()
        form.addRow(self.region_label, self.region)
        layout = QVBoxLayout(page)
        layout.addWidget(self.region_note)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_language(self) -> QWidget:
        page = QWidget()
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language = QComboBox()
        for _ in range(len(i18n.LANGUAGES) + 1):
            self.language.addItem("")
        self.language.setItemData(0, "")
        for row, code in enumerate(i18n.LANGUAGES, start=1):
            self.language.setItemData(row, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(page)
        layout.addWidget(self.language_note)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_time_zone(self) -> QWidget:
        page = QWidget()
        self.time_zone_note = QLabel()
        self.time_zone_note.setWordWrap(True)
        self.time_zone = QComboBox()
        self.time_zone.addItem("", "")
        for zone in zone_names():
            self.time_zone.addItem(zone_label(zone), zone)
            self.window_zone.addItem(zone_label(zone), zone)
        self.time_zone_label = QLabel()
        self.time_zone_label.setBuddy(self.time_zone)
        form = QFormLayout()
        form.addRow(self.time_zone_label, self.time_zone)
        layout = QVBoxLayout(page)
        layout.addWidget(self.time_zone_note)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    # -- texts -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        titles = (
            self.tr("Gateway"),
            self.tr("Sending"),
            self.tr("Region"),
            self.tr("Language"),
            self.tr("Time zone"),
        )
        for row, title in enumerate(titles):
            item = self.sections.item(row)
            if item is not None:
                item.setText(title)
        self._section_changed(self.sections.currentRow())
        self.sections.setToolTip(self.tr("The sections of Preferences"))
        # gateway
        self.gateway_label.setText(self.tr("Send through:"))
        self.gateway.setToolTip(self.tr("The gateway new campaigns are sent through"))
        for row in range(self.gateway.count()):
            spec = self._spec_at(row)
            if spec is not None:
                self.gateway.setItemText(row, spec_text(spec.label))
        self.test_button.setText(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr("Connects with the values shown (not yet saved) and reads the credits left")
        )
        # sending
        self.window_title.setText("<b>{}</b>".format(self.tr("Commercial messages are sent only")))
        self.between_label.setText(self.tr("Between:"))
        self.to_label.setText(self.tr("and"))
        self.on_label.setText(self.tr("On:"))
        self.start.setToolTip(self.tr("The earliest time a commercial message leaves"))
        self.end.setToolTip(self.tr("The latest time (00:00 means midnight at the end of the day)"))
        locale = QLocale()
        for number, box in enumerate(self.days):
            box.setText(locale.dayName(number + 1, QLocale.FormatType.ShortFormat))
            box.setToolTip(
                self.tr("Send commercial messages on {day}").format(
                    day=locale.dayName(number + 1, QLocale.FormatType.LongFormat)
                )
            )
        self.holidays.setText(self.tr("Not on public holidays"))
        self.holidays.setToolTip(self.tr("Commercial messages wait for the next working day"))
        self.country_label.setText(self.tr("Public holidays of:"))
        self.holiday_country.setToolTip(self.tr("The country whose public holidays count"))
        self.window_zone_label.setText(self.tr("Hours in the time zone:"))
        self.window_zone.setToolTip(self.tr("The time zone the hours above are read in"))
        self.restore_button.setText(self.tr("French rule (08:00 to 20:00, Monday to Saturday)"))
        self.restore_button.setToolTip(
            self.tr("The hours French law allows for commercial text messages")
        )
        self.sending_title.setText("<b>{}</b>".format(self.tr("New campaigns")))
        self.sender_label.setText(self.tr("Default sender:"))
        self.default_sender.setToolTip(
            self.tr("The sender new campaigns start with: up to 11 letters or digits")
        )
        self.default_sender.setPlaceholderText(self.tr("the gateway's default"))
        self.test_number_label.setText(self.tr("My number (for tests):"))
        self.test_number.setToolTip(self.tr("Where \u201cSend a test to me\u201d sends"))
        self._check_test_number()
        # region, language, time zone
        self.region_note.setText(
            self.tr(
                "Numbers written without a country code (06 12 34 56 78) belong to this "
                "country, and numbers are shown the way it writes them."
            )
        )
        self.region_label.setText(self.tr("Country:"))
        self.region.setToolTip(self.tr("The country of national numbers"))
        self._fill_regions()
        self.language_note.setText(self.tr("The language of the window; it changes at once."))
        self.language_label.setText(self.tr("Language:"))
        self.language.setToolTip(self.tr("The language of menus, tabs and messages"))
        system = i18n.LANGUAGES.get(i18n.system_language(), "")
        self.language.setItemText(
            0, self.tr("Same as the system ({language})").format(language=system)
        )
        for row, name in enumerate(i18n.LANGUAGES.values(), start=1):
            self.language.setItemText(row, name)
        self.time_zone_note.setText(
            self.tr("Dates and times in the window are shown in this zone.")
        )
        self.time_zone_label.setText(self.tr("Time zone:"))
        self.time_zone.setToolTip(self.tr("The zone dates and times are shown in"))
        system_zone = bytes(QTimeZone.systemTimeZoneId().data()).decode()
        self.time_zone.setItemText(
            0, self.tr("Same as the system ({zone})").format(zone=zone_label(system_zone))
        )
        save_text = self.tr("Save")
        self.save_button.setText(save_text)
        self.save_button.setToolTip(self.tr("Save every section"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(
            self.tr("Close Preferences (asks first if an edit is not saved)")
        )
        self._gateway_changed()

    def _section_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        item = self.sections.item(row)
        self.page_title.setText(f"<h3>{item.text()}</h3>" if item is not None else "")

    def _fill_regions(self) -> None:
        """Country names in the window's language, for the region and the holidays."""
        language = i18n.current_language()
        names = region_names(language)
        for combo in (self.region, self.holiday_country):
            current = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            for code, name in names:
                combo.addItem(name, code)
                combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(current or "FR")))
            combo.blockSignals(False)

    # -- load ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the saved values (in a worker) and show them."""
        self._status(self.tr("Loading…"))
        self._run(
            lambda: load_preferences(self._gateways, self._settings),
            self._show,
            self.tr("Not loaded"),
            where=self.status,
        )

    def _show(self, data: Loaded) -> None:
        self._data = data
        if not self.forms:
            self.gateway.blockSignals(True)
            for spec in data.specs:
                form = GatewayForm(spec)
                self.forms[spec.name] = form
                form.setVisible(False)
                self._forms_layout.addWidget(form)
                self.gateway.addItem(spec_text(spec.label), spec.name)
                for action in spec.actions:
                    form.action_buttons[action.name].clicked.connect(
                        lambda _=False, n=spec.name, a=action.name: self.run_action(n, a)
                    )
            self.gateway.blockSignals(False)
        for spec in data.specs:
            self.forms[spec.name].show_states(data.states[spec.name], data.overridden[spec.name])
        self.gateway.setCurrentIndex(max(0, self.gateway.findData(data.chosen)))
        self.env_note.setVisible(data.overriding is not None)
        prefs = data.prefs
        window = prefs.commercial_window
        self.start.setTime(_qtime(window.start))
        self.end.setTime(_qtime(window.end))
        for number, box in enumerate(self.days):
            box.setChecked(number in window.weekdays)
        self.holidays.setChecked(window.skip_public_holidays)
        self._choose(self.holiday_country, window.country)
        self._choose(self.window_zone, window.timezone)
        self.default_sender.setText(prefs.default_sender)
        self.test_number.setText(prefs.test_number)
        self._choose(self.region, prefs.region)
        self._choose(self.language, prefs.language)
        self._choose(self.time_zone, prefs.time_zone)
        self._set_enabled(True)
        self.retranslate()
        self._status("")
        self._clean = self.snapshot()
        self.loaded.emit()

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        row = combo.findData(value)
        if row < 0 and value:  # a value from elsewhere (hand-edited, an old zone): keep it
            combo.addItem(value, value)
            row = combo.count() - 1
        combo.setCurrentIndex(max(0, row))

    def _set_enabled(self, enabled: bool) -> None:
        for page in range(self.pages.count()):
            widget = self.pages.widget(page)
            if widget is not None:
                widget.setEnabled(enabled)
        self.save_button.setEnabled(enabled and not self._busy)

    @property
    def is_loaded(self) -> bool:
        return self._clean is not None

    # -- gateway ---------------------------------------------------------------------

    def _spec_at(self, row: int) -> GatewaySpec | None:
        name = self.gateway.itemData(row)
        form = self.forms.get(str(name)) if name else None
        return form.spec if form else None

    def chosen(self) -> str:
        return str(self.gateway.currentData() or "")

    def form(self, name: str | None = None) -> GatewayForm:
        return self.forms[name or self.chosen()]

    def _gateway_changed(self) -> None:
        spec = self._spec_at(self.gateway.currentIndex())
        if spec is None:
            return
        for name, form in self.forms.items():
            form.setVisible(name == spec.name)
        self.capabilities.setText(self._capability_text(spec.capabilities))
        self.outcome.clear()
        self.senders_label.setVisible(False)
        data = self._data
        if data is not None:
            overriding = data.overriding
            self.gateway.setEnabled(overriding is None)
            if overriding is not None:
                label = next((spec_text(s.label) for s in data.specs if s.name == overriding), "")
                self.env_note.setText(
                    self.tr("This computer's environment chooses the gateway: {gateway}.").format(
                        gateway=label or overriding
                    )
                )
            missing_keyring = not data.keyring.available and spec.needs_secrets
            self.keyring_note.setVisible(missing_keyring)
            self.keyring_note.setText(
                self.tr(
                    "No keyring was found on this computer, so passwords and keys cannot be "
                    "saved here; the other fields can."
                )
            )

    def _capability_text(self, capabilities: frozenset[Capability]) -> str:
        words = {
            Capability.RECEIPTS_POLL: self.tr("delivery receipts"),
            Capability.RECONCILE: self.tr("safe resume after a crash"),
            Capability.DEFERRED: self.tr("keeps scheduled sends"),
            Capability.CANCEL_DEFERRED: self.tr("cancels them"),
            Capability.SENDERS: self.tr("senders"),
            Capability.CREDITS: self.tr("credits left"),
            Capability.ESTIMATE: self.tr("cost estimate"),
            Capability.HLR: self.tr("operator check"),
            Capability.DELETE_REMOTE: self.tr("deletes its history"),
            Capability.REPLIES: self.tr("replies"),
        }
        offered = [word for cap, word in words.items() if cap in capabilities]
        if not offered:
            return self.tr("Offers: sending only")
        return self.tr("Offers: {abilities}").format(abilities=", ".join(offered))

    def _required_missing(self) -> str | None:
        missing = self.form().missing()
        if not missing:
            return None
        return self.tr("{field}: required").format(field=spec_text(missing[0].label))

    def test_connection(self) -> None:
        name = self.chosen()
        problem = self._required_missing() or self._gateway_problem()
        if problem:
            self._say(problem, ERROR_STYLE)
            return
        typed = self.form().typed()
        self._say(self.tr("Connecting…"))
        self.senders_label.setVisible(False)
        self._run(
            lambda: self._gateways.test(name, typed),
            self._tested,
            self.tr("Test"),
        )

    def _tested(self, report: ConnectionReport) -> None:
        self.last_report = report
        if not report.ok:
            self._say(
                self.tr("Connection failed: {reason}").format(reason=report.message), ERROR_STYLE
            )
            return
        if report.credits_left is not None:
            text = self.tr("Connection works: {credits} credits left").format(
                credits=formats.credits(report.credits_left)
            )
        else:
            text = self.tr("Connection works")
        self._say(text, OK_STYLE)
        spec = self._spec_at(self.gateway.currentIndex())
        if spec is not None and Capability.SENDERS in spec.capabilities:
            senders = ", ".join(f"{s.name} ({s.status})" for s in report.senders)
            self.senders_label.setText(
                self.tr("Senders: {senders}").format(senders=senders or self.tr("none yet"))
            )
            self.senders_label.setVisible(True)

    def run_action(self, name: str, action: str) -> None:
        typed = self.forms[name].typed()
        self._say(self.tr("Asking the gateway…"))
        self._run(
            lambda: self._gateways.run_action(name, action, typed),
            lambda result: self._action_done(name, result),
            spec_text(next(a.label for a in self.forms[name].spec.actions if a.name == action)),
        )

    def _action_done(self, name: str, result: ActionResult) -> None:
        self.forms[name].apply_action(result)
        if result.open_url:
            self._open_url(QUrl(result.open_url))
        if result.choices:
            count = sum(len(c) for c in result.choices.values())
            self._say(
                self.tr("%n account(s) found", "", count), OK_STYLE if count else WARNING_STYLE
            )
        else:
            text = spec_text(result.message)
            if result.open_url:
                text = self.tr("{message} If the page did not open: {url}").format(
                    message=text, url=result.open_url
                )
            self._say(text, WARNING_STYLE)

    def _gateway_problem(self) -> str | None:
        problems = self._gateways.problems(self.chosen(), self.form().typed())
        if not problems:
            return None
        field_label, _, reason = str(problems[0]).partition(": ")
        return self.tr("{field}: {problem}").format(field=spec_text(field_label), problem=reason)

    # -- sending ---------------------------------------------------------------------

    def _restore_french_rule(self) -> None:
        self.start.setTime(_qtime(COMMERCIAL_FR.start))
        self.end.setTime(_qtime(COMMERCIAL_FR.end))
        for number, box in enumerate(self.days):
            box.setChecked(number in COMMERCIAL_FR.weekdays)
        self.holidays.setChecked(COMMERCIAL_FR.skip_public_holidays)
        self._choose(self.holiday_country, COMMERCIAL_FR.country)
        self._choose(self.window_zone, COMMERCIAL_FR.timezone)

    def _region_code(self) -> str:
        return str(self.region.currentData() or "FR")

    def _test_number_problem(self) -> str | None:
        text = self.test_number.text().strip()
        if not text:
            return None
        parsed = normalize(text, self._region_code())
        if not parsed.valid:
            return self.tr("My number (for tests): not a valid phone number")
        return None

    def _check_test_number(self) -> None:
        """As the number is typed: say whether it is valid, and how it will be read."""
        problem = self._test_number_problem()
        text = self.test_number.text().strip()
        self.test_number.setStyleSheet(INVALID_FIELD_STYLE if problem else "")
        if problem:
            self.test_number_note.setStyleSheet(ERROR_STYLE)
            self.test_number_note.setText(problem)
        elif text:
            e164 = normalize(text, self._region_code()).e164 or ""
            self.test_number_note.setStyleSheet(OK_STYLE)
            self.test_number_note.setText(
                self.tr("Tests go to {number}").format(
                    number=display_number(e164, self._region_code())
                )
            )
        else:
            self.test_number_note.setText("")

    def preferences(self) -> SendPreferences:
        """What the non-gateway sections say; raises FieldError naming the field."""
        sender = self.default_sender.text().strip()
        if sender_problem(sender):
            if len(sender) > 11:
                message = self.tr("Default sender: longer than 11 characters")
            else:
                message = self.tr(
                    "Default sender: use 1 to 11 letters or digits, with at least one letter"
                )
            raise FieldError(message, SECTION_SENDING, self.default_sender)
        number_problem = self._test_number_problem()
        if number_problem:
            raise FieldError(number_problem, SECTION_SENDING, self.test_number)
        weekdays = frozenset(n for n, box in enumerate(self.days) if box.isChecked())
        if not weekdays:
            raise FieldError(self.tr("On: choose at least one day"), SECTION_SENDING, self.days[0])
        try:
            window = SendingWindow(
                start=_pytime(self.start.time()),
                end=_pytime(self.end.time()),
                weekdays=weekdays,
                skip_public_holidays=self.holidays.isChecked(),
                country=str(self.holiday_country.currentData() or "FR"),
                timezone=str(self.window_zone.currentData() or "Europe/Paris"),
            )
        except ValueError:
            raise FieldError(
                self.tr("Between: the first time must come before the second"),
                SECTION_SENDING,
                self.start,
            ) from None
        number = self.test_number.text().strip()
        if number:
            number = normalize(number, self._region_code()).e164 or number
        base = self._data.prefs if self._data is not None else SendPreferences()
        return replace(
            base,
            commercial_window=window,
            default_sender=sender,
            region=self._region_code(),
            test_number=number,
            language=str(self.language.currentData() or ""),
            time_zone=str(self.time_zone.currentData() or ""),
        )

    # -- unsaved edits ---------------------------------------------------------------

    def snapshot(self) -> tuple[Any, ...]:
        """Everything the dialog would save, to tell whether something was edited."""
        gateways = tuple(
            (name, tuple(sorted(form.typed().items()))) for name, form in self.forms.items()
        )
        window = (
            self.start.time().toString(),
            self.end.time().toString(),
            tuple(box.isChecked() for box in self.days),
            self.holidays.isChecked(),
            self.holiday_country.currentData(),
            self.window_zone.currentData(),
        )
        return (
            self.chosen(),
            gateways,
            window,
            self.default_sender.text().strip(),
            self.test_number.text().strip(),
            self.region.currentData(),
            self.language.currentData(),
            self.time_zone.currentData(),
        )

    def has_unsaved_changes(self) -> bool:
        return self._clean is not None and self.snapshot() != self._clean

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: ask when something was edited."""
        if self.has_unsaved_changes():
            answer = self._ask(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.save(close=True)
                return
        super().reject()

    # -- save ------------------------------------------------------------------------

    def save(self, *, close: bool = False) -> None:
        """Check what is typed (here), then save every section (in a worker)."""
        if not self.is_loaded or self.busy:
            return
        try:
            prefs = self.preferences()
        except FieldError as exc:
            self._refuse(str(exc), exc.section, exc.widget)
            return
        problem = self._gateway_problem()
        if problem:
            self._refuse(problem, SECTION_GATEWAY, None)
            return
        self.error.clear()
        name = self.chosen()
        data = self._data
        overridden = data.overridden.get(name, frozenset()) if data else frozenset()
        typed = {k: v for k, v in self.form().typed().items() if k not in overridden}
        choose = data is None or data.overriding is None

        def work() -> tuple[SaveReport, Loaded]:
            report = self._gateways.save(name, typed)
            if choose:
                self._gateways.choose(name)
            self._settings.save_preferences(prefs)
            return report, load_preferences(self._gateways, self._settings)

        self._status(self.tr("Saving…"))
        self._run(
            work,
            lambda answer: self._saved(name, prefs, close, *answer),
            self.tr("Not saved"),
            where=self.error,
        )

    def _refuse(self, message: str, section: int, widget: QWidget | None) -> None:
        self.error.setText(message)
        self.sections.setCurrentRow(section)
        if widget is not None:
            widget.setFocus()

    def _saved(
        self, name: str, prefs: SendPreferences, close: bool, report: SaveReport, data: Loaded
    ) -> None:
        language_before = i18n.current_language()
        apply_display_preferences(prefs)
        self._show(data)
        if i18n.current_language() != language_before:
            self.retranslate()  # also sent by Qt once the catalogues are installed
        if report.not_stored_fields:
            labels = ", ".join(spec_text(label) for label in report.not_stored_fields)
            self._status(
                self.tr("Saved, except (no keyring on this computer): {fields}").format(
                    fields=labels
                ),
                WARNING_STYLE,
            )
        elif report.shadowed_fields:
            labels = ", ".join(spec_text(label) for label in report.shadowed_fields)
            self._status(
                self.tr("Saved, but this computer's environment overrides: {fields}").format(
                    fields=labels
                ),
                WARNING_STYLE,
            )
        else:
            self._status(self.tr("Saved."), OK_STYLE)
        self.saved.emit(data.chosen)  # the environment may choose another one
        if close:
            self.accept()

    # -- work in the background ------------------------------------------------------

    def _run(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        what: str,
        *,
        where: QLabel | None = None,
    ) -> None:
        """`fn` in a worker; its error is shown in `where` (the gateway section's line)."""
        self._set_busy(+1)

        def finished_ok(value: Any) -> None:
            self._set_busy(-1)
            on_result(value)

        def failed(message: str) -> None:
            self._set_busy(-1)
            label = where or self.outcome
            if label is not self.status:
                self.status.clear()
            label.setStyleSheet(ERROR_STYLE)
            label.setText(self.tr("{what}: {message}").format(what=what, message=message))

        self._workers.run(lambda **_: fn(), on_result=finished_ok, on_error=failed)

    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        busy = self._busy > 0
        buttons = [self.test_button, self.save_button]
        for form in self.forms.values():
            buttons.extend(form.action_buttons.values())
        for button in buttons:
            button.setEnabled(not busy and (self.is_loaded or button is self.test_button))
        self.busy_changed.emit(busy)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _say(self, text: str, style: str = "") -> None:
        """The gateway section's line: tests and actions."""
        self.outcome.setStyleSheet(style)
        self.outcome.setText(text)

    def _status(self, text: str, style: str = "") -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)


def controls_without_tooltip(root: QWidget) -> list[QWidget]:
    """Input widgets under `root` with no tooltip (the internal editors of combos and
    spin boxes excepted): for the tests."""
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QPushButton, QListWidget)
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QComboBox | QAbstractSpinBox
        ):
            continue
        if not widget.toolTip():
            found.append(widget)
    return found
