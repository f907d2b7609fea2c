"""The Preferences dialog against the real peers: every section, built from the gateway specs,
loaded and saved in workers (the GUI-thread guard of conftest is on)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from smsdesk.app import Services
from smsdesk.providers import secrets
from smsdesk.providers.registry import PROVIDER_NAMES
from smsdesk.services.gateways import KEY_OVH_ENDPOINT, KEY_PROVIDER
from smsdesk.ui import formats, i18n
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.preferences_dialog import (
    SECTION_GATEWAY,
    SECTION_SENDING,
    PreferencesDialog,
    controls_without_tooltip,
)
from smsdesk.ui.workers import WorkerPool


class Dialog:
    """The dialog, the URLs it asked the desktop to open, its answers to "unsaved?"."""

    def __init__(self, qtbot: Any, services: Services) -> None:
        self.qtbot = qtbot
        self.opened: list[str] = []
        self.answers: list[str] = []
        self.asked = 0
        self.workers = WorkerPool()
        self.widget = PreferencesDialog(
            services.gateways,
            services.preferences,
            self.workers,
            open_url=lambda url: self.opened.append(url.toString()),
            ask=self._ask,
        )
        qtbot.addWidget(self.widget)
        qtbot.waitUntil(lambda: self.widget.is_loaded, timeout=20_000)

    def _ask(self, _parent: Any) -> str:
        self.asked += 1
        return self.answers.pop(0)

    def choose(self, name: str) -> None:
        self.widget.gateway.setCurrentIndex(self.widget.gateway.findData(name))

    def field(self, name: str, gateway: str | None = None) -> Any:
        return self.widget.form(gateway).widgets[name]

    def action(self, name: str, gateway: str = "ovh") -> QPushButton:
        return self.widget.form(gateway).action_buttons[name]

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.widget.busy, timeout=20_000)

    def save(self) -> None:
        self.widget.save()
        self.settle()


@pytest.fixture
def dialog(qtbot: Any, services: Services) -> Iterator[Dialog]:
    handle = Dialog(qtbot, services)
    yield handle
    handle.workers.shutdown()


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.apply_language("en")
    yield
    i18n.apply_language("en")
    formats.set_region("FR")
    formats.set_time_zone(None)


def test_every_gateway_of_the_registry_is_offered_with_its_own_fields(dialog: Dialog) -> None:
    widget = dialog.widget
    names = [widget.gateway.itemData(row) for row in range(widget.gateway.count())]
    assert names == list(PROVIDER_NAMES)
    assert "nullgateway" in names  # registered in one line, no other edit
    dialog.choose("nullgateway")
    form = widget.form()
    assert form.isVisible() or not widget.isVisible()
    assert set(form.widgets) == {"label", "rate"}
    assert form.labels["label"].text() == "Label:"
    assert widget.capabilities.text() == "Offers: safe resume after a crash"
    dialog.choose("smpp")
    assert isinstance(dialog.field("port"), QSpinBox)
    assert dialog.field("port").value() == 2775
    assert dialog.field("password").echoMode() == QLineEdit.EchoMode.Password


def test_saving_the_null_gateway_chooses_it_and_keeps_its_field(
    dialog: Dialog, services: Services
) -> None:
    dialog.choose("nullgateway")
    dialog.field("label").setText("dry run")
    dialog.field("rate").setValue(12)
    assert dialog.widget.has_unsaved_changes()
    with dialog.qtbot.waitSignal(dialog.widget.saved, timeout=20_000) as saved:
        dialog.widget.save()
    dialog.settle()
    assert saved.args == ["nullgateway"]
    assert dialog.widget.status.text() == "Saved."
    assert not dialog.widget.has_unsaved_changes()
    assert services.preferences.get(KEY_PROVIDER) == "nullgateway"
    assert services.preferences.get("gateway.nullgateway.label") == "dry run"
    assert services.gateways.rate_per_second("nullgateway") == 12


def test_simulator_connection_test_runs_in_a_worker(dialog: Dialog) -> None:
    widget = dialog.widget
    assert widget.chosen() == "simulator"
    assert "credits left" in widget.capabilities.text()
    assert widget.keyring_note.isHidden()  # no secret to keep for the simulator
    dialog.click(widget.test_button)
    assert widget.outcome.text() == "Connection works: 100,000 credits left"
    assert "SMSDESK (enable)" in widget.senders_label.text()


def test_ovh_consumer_key_accounts_test_and_save(
    memory_keyring: Any, ovh_peer: Any, dialog: Dialog, services: Services
) -> None:
    widget = dialog.widget
    dialog.choose("ovh")
    assert "operator check" in widget.capabilities.text()
    assert widget.keyring_note.isHidden()  # a keyring is there
    dialog.click(widget.test_button)  # nothing typed yet: the missing field is named
    assert widget.outcome.text() == "Application key: required"
    dialog.field("endpoint").setCurrentText(ovh_peer.url)
    dialog.qtbot.keyClicks(dialog.field("application_key"), ovh_peer.application_key)
    dialog.qtbot.keyClicks(dialog.field("application_secret"), ovh_peer.application_secret)

    dialog.click(dialog.action("consumer_key"))
    consumer_key = dialog.field("consumer_key").text()
    assert consumer_key  # filled, masked, for the keyring
    assert dialog.opened and dialog.opened[0].startswith(ovh_peer.url.rsplit("/1.0", 1)[0])
    assert "OVH's page is open in your browser" in widget.outcome.text()

    dialog.click(dialog.action("accounts"))  # not validated yet: OVH refuses the key
    assert "not valid" in widget.outcome.text()
    ovh_peer.validate(consumer_key)  # the user accepts in the browser
    dialog.click(dialog.action("accounts"))
    assert widget.outcome.text() == "1 account found"
    assert dialog.field("service").currentText() == ovh_peer.service

    dialog.click(widget.test_button)
    assert widget.outcome.text() == "Connection works: 10,000,000 credits left"
    assert "ACME (enable)" in widget.senders_label.text()
    assert "NEWBRAND (waitingValidation)" in widget.senders_label.text()

    dialog.save()
    assert widget.status.text() == "Saved."
    assert services.gateways.default_provider() == "ovh"
    assert services.preferences.get(KEY_OVH_ENDPOINT) == ovh_peer.url
    assert secrets.get_secret("OVH_CONSUMER_KEY") == consumer_key
    assert secrets.get_secret("OVH_APPLICATION_SECRET") == ovh_peer.application_secret
    # reloaded: secrets are not shown, only where they are kept
    assert dialog.field("application_secret").text() == ""
    assert "keyring" in dialog.field("application_secret").placeholderText()
    assert services.gateways.test_connection("ovh").ok


def test_without_a_keyring_the_dialog_says_which_fields_were_not_kept(
    dialog: Dialog, services: Services, ovh_peer: Any
) -> None:
    assert not secrets.keyring_available()
    widget = dialog.widget
    dialog.choose("ovh")
    assert not widget.keyring_note.isHidden()
    dialog.field("endpoint").setCurrentText(ovh_peer.url)
    dialog.field("application_key").setText(ovh_peer.application_key)
    dialog.field("application_secret").setText(ovh_peer.application_secret)
    dialog.save()
    status = widget.status.text()
    assert status == "Saved, except (no keyring on this computer): Application secret"
    assert "OVH_" not in status + widget.keyring_note.text()  # words, not variables
    assert services.preferences.get(KEY_OVH_ENDPOINT) == ovh_peer.url  # the rest is saved


def test_bad_values_are_refused_naming_the_field(dialog: Dialog, services: Services) -> None:
    widget = dialog.widget
    dialog.choose("ovh")
    dialog.field("endpoint").setCurrentText("ovh-moon")
    dialog.save()
    assert widget.error.text().startswith("Endpoint: Unknown OVH endpoint 'ovh-moon'")
    assert widget.sections.currentRow() == SECTION_GATEWAY
    assert services.preferences.get(KEY_PROVIDER) is None  # nothing saved

    dialog.field("endpoint").setCurrentText("ovh-eu")
    widget.default_sender.setText("TOO LONG SENDER")
    dialog.save()
    assert widget.error.text() == "Default sender: longer than 11 characters"
    assert widget.sections.currentRow() == SECTION_SENDING
    for label in widget.findChildren(QLabel):
        assert "&" not in label.text(), label.text()


def test_smpp_form_tests_the_bind_and_saves(
    memory_keyring: Any, smpp_peer: Any, dialog: Dialog, services: Services
) -> None:
    widget = dialog.widget
    dialog.choose("smpp")
    assert widget.capabilities.text() == "Offers: delivery receipts, replies"
    dialog.field("host").setText("127.0.0.1")
    dialog.field("port").setValue(smpp_peer.port)
    dialog.field("system_id").setText(smpp_peer.system_id)
    dialog.field("password").setText("wrong")
    dialog.click(widget.test_button)
    assert "ESME_RINVPASWD" in widget.outcome.text()
    dialog.field("password").setText(smpp_peer.password)
    dialog.click(widget.test_button)
    assert widget.outcome.text() == "Connection works"
    assert widget.senders_label.isHidden()  # SMPP has no sender list
    dialog.field("rate").setValue(50)
    dialog.save()
    assert widget.status.text() == "Saved."
    assert services.gateways.smpp_settings().port == smpp_peer.port
    assert services.gateways.rate_per_second("smpp") == 50
    assert services.gateways.test_connection("smpp").ok


def test_the_environment_locks_what_it_sets(
    qtbot: Any, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMSDESK_PROVIDER", "smpp")
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "smsc.example.net")
    handle = Dialog(qtbot, services)
    try:
        widget = handle.widget
        assert widget.chosen() == "smpp"
        assert not widget.gateway.isEnabled()
        assert widget.env_note.text() == (
            "This computer's environment chooses the gateway: SMPP 3.4."
        )
        assert handle.field("host").text() == "smsc.example.net"
        assert not handle.field("host").isEnabled()
    finally:
        handle.workers.shutdown()


def test_test_number_is_checked_as_typed(dialog: Dialog, typist: Any) -> None:
    widget = dialog.widget
    typist(widget.test_number, "06 12 34")
    assert widget.test_number_note.text() == "My number (for tests): not a valid phone number"
    typist(widget.test_number, " 56 78")
    assert widget.test_number_note.text() == "Tests go to 06 12 34 56 78"
    widget.save()
    assert widget.error.text() == ""


def test_sending_region_language_and_time_zone_are_saved_and_applied(
    dialog: Dialog, services: Services
) -> None:
    widget = dialog.widget
    widget.start.setTime(widget.start.time().addSecs(3600))  # 09:00
    widget.default_sender.setText("MAIRIE")
    widget.test_number.setText("+33 6 12 34 56 78")
    widget.region.setCurrentIndex(widget.region.findData("BE"))
    widget.language.setCurrentIndex(widget.language.findData("fr"))
    widget.time_zone.setCurrentIndex(widget.time_zone.findData("America/Martinique"))
    dialog.save()
    prefs = services.preferences.preferences()
    assert prefs.commercial_window.start.hour == 9
    assert (prefs.default_sender, prefs.region, prefs.language, prefs.time_zone) == (
        "MAIRIE",
        "BE",
        "fr",
        "America/Martinique",
    )
    assert prefs.test_number == "+33612345678"  # stored as E.164
    assert i18n.current_language() == "fr"
    assert formats.phone("+3225551234").startswith("02")  # Belgian national format
    assert formats._zone == ZoneInfo("America/Martinique")
    # the window was retranslated: day names follow the language
    assert widget.days[0].text() == "lun."


def test_countries_are_names_in_the_window_language_sorted(dialog: Dialog) -> None:
    widget = dialog.widget
    english = [widget.region.itemText(row) for row in range(widget.region.count())]
    assert "Germany" in english and "DE" not in english
    assert english.index("Germany") < english.index("Greece")
    i18n.apply_language("fr")
    widget.retranslate()
    french = [widget.region.itemText(row) for row in range(widget.region.count())]
    assert "Allemagne" in french and "Germany" not in french
    # accents sort with their letter, not after Z
    assert french.index("Hongrie") < french.index("Îles Cook") < french.index("Inde")
    assert all(len(name) > 3 for name in french)  # no bare code (AC, TA, XK have names)
    assert widget.region.currentData() == "FR"
    assert widget.region.currentText() == "France"


def test_time_zones_and_languages_are_lists(dialog: Dialog) -> None:
    widget = dialog.widget
    zones = [widget.time_zone.itemData(row) for row in range(widget.time_zone.count())]
    assert zones[0] == "" and "Europe/Paris" in zones and "Etc/GMT+5" not in zones
    assert widget.time_zone.itemText(zones.index("America/Port_of_Spain")) == (
        "America / Port of Spain"
    )
    languages = [widget.language.itemData(row) for row in range(widget.language.count())]
    assert languages == ["", *i18n.LANGUAGES]


def test_closing_with_unsaved_edits_asks(dialog: Dialog, services: Services) -> None:
    widget = dialog.widget
    widget.show()
    widget.reject()  # nothing edited: closes without asking
    assert dialog.asked == 0 and not widget.isVisible()

    widget.show()
    widget.default_sender.setText("ECOLE")
    dialog.answers = ["cancel"]
    widget.reject()
    assert widget.isVisible()  # still open, edits kept
    assert widget.default_sender.text() == "ECOLE"
    dialog.answers = ["discard"]
    widget.reject()
    assert not widget.isVisible()
    assert services.preferences.preferences().default_sender == ""

    widget.show()
    dialog.answers = ["save"]
    with dialog.qtbot.waitSignal(widget.finished, timeout=20_000):
        widget.reject()
    assert services.preferences.preferences().default_sender == "ECOLE"
    assert dialog.asked == 3


def test_every_control_has_a_tooltip(dialog: Dialog) -> None:
    widget = dialog.widget
    for name in PROVIDER_NAMES:
        dialog.choose(name)
        assert controls_without_tooltip(widget) == []
    combos = widget.findChildren(QComboBox)
    assert all(combo.toolTip() for combo in combos)


# The main window's tabs still read on the GUI thread while they are built (theirs to convert);
# the Preferences part of this test does not.
def test_main_window_has_one_preferences_action(
    qtbot: Any, services: Services, smpp_peer: Any, memory_keyring: Any
) -> None:
    window = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.preferences_action.shortcut().toString() == "Ctrl+,"
        assert "&" not in window.preferences_action.text().replace("&P", "P")
        window.preferences_action.trigger()
        dialog = window.preferences_dialog
        assert isinstance(dialog, PreferencesDialog)
        qtbot.waitUntil(lambda: dialog.is_loaded, timeout=20_000)
        dialog.gateway.setCurrentIndex(dialog.gateway.findData("smpp"))
        form = dialog.form()
        form.widgets["host"].setText("127.0.0.1")
        form.widgets["port"].setValue(smpp_peer.port)
        form.widgets["system_id"].setText(smpp_peer.system_id)
        form.widgets["password"].setText(smpp_peer.password)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.provider_label.text() == "Gateway: SMPP 3.4", timeout=10_000)
        assert window.gateway == "smpp"  # the container is not changed: the window knows
        qtbot.waitUntil(window.credits_label.isHidden, timeout=10_000)  # SMPP cannot say
        dialog.done(0)
    finally:
        window.shutdown()
