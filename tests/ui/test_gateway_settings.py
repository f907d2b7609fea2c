"""The gateway Settings page against the real peers, and its place in the main window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smsdesk.app import Services
from smsdesk.providers import secrets
from smsdesk.services.gateways import KEY_OVH_ENDPOINT, KEY_PROVIDER
from smsdesk.ui import formats
from smsdesk.ui.gateway_settings import GatewaySettingsDialog, GatewaySettingsPage
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.workers import WorkerPool

# TODO(responsive): remove once this tab reads and writes through workers
pytestmark = pytest.mark.gui_db_allowed


class Page:
    """The page, the URLs it asked the desktop to open, and a way to wait for it."""

    def __init__(self, qtbot: Any, services: Services) -> None:
        self.qtbot = qtbot
        self.opened: list[str] = []
        self.workers = WorkerPool()
        self.widget = GatewaySettingsPage(
            services.gateways, self.workers, open_url=lambda url: self.opened.append(url.toString())
        )
        qtbot.addWidget(self.widget)

    def choose(self, name: str) -> None:
        self.widget.provider.setCurrentIndex(self.widget.provider.findData(name))

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.widget.busy, timeout=20_000)


@pytest.fixture
def page(qtbot: Any, services: Services) -> Iterator[Page]:
    handle = Page(qtbot, services)
    yield handle
    handle.workers.shutdown()


def test_simulator_shows_its_own_page_and_what_it_offers(page: Page) -> None:
    widget = page.widget
    assert widget.chosen() == "simulator"
    assert widget.pages.currentWidget() is widget.simulator_page
    assert "credits left" in widget.capabilities.text()
    assert widget.keyring_note.isHidden()  # no secret to keep for the simulator
    page.click(widget.test_button)
    assert widget.result.text().startswith("Connection works: 100000 credits left")
    assert "SMSDESK (enable)" in widget.senders_label.text()


def test_ovh_consumer_key_accounts_test_and_save(
    page: Page, services: Services, ovh_peer: Any, memory_keyring: Any
) -> None:
    widget = page.widget
    page.choose("ovh")
    assert widget.pages.currentWidget() is widget.ovh_page
    assert "operator check" in widget.capabilities.text()
    assert widget.keyring_note.isHidden()  # a keyring is there
    widget.ovh_endpoint.setCurrentText(ovh_peer.url)
    page.qtbot.keyClicks(widget.ovh_app_key, ovh_peer.application_key)
    page.qtbot.keyClicks(widget.ovh_app_secret, ovh_peer.application_secret)

    page.click(widget.ovh_create_key)
    assert widget.pending_key is not None
    assert page.opened == [widget.pending_key.validation_url]
    assert widget.pending_key.validation_url.startswith(ovh_peer.url.rsplit("/1.0", 1)[0])
    assert widget.ovh_pending_key.isHidden()  # kept for the keyring, never shown
    assert "accept it on OVH's page" in widget.ovh_consumer_state.text()

    page.click(widget.ovh_list)  # not validated yet: OVH refuses the key
    assert "not valid" in widget.result.text()
    ovh_peer.validate(widget.pending_key.consumer_key)  # the user accepts in the browser
    page.click(widget.ovh_list)
    assert widget.result.text() == "1 SMS account(s)"
    assert widget.ovh_service.currentText() == ovh_peer.service

    page.click(widget.test_button)
    assert widget.result.text().startswith("Connection works: 1e+07 credits left")
    assert "ACME (enable)" in widget.senders_label.text()
    assert "NEWBRAND (waitingValidation)" in widget.senders_label.text()

    consumer_key = widget.pending_key.consumer_key
    widget.save()
    page.settle()
    assert widget.result.text() == "Saved."
    assert services.gateways.default_provider() == "ovh"
    assert services.preferences.get(KEY_PROVIDER) == "ovh"
    assert services.preferences.get(KEY_OVH_ENDPOINT) == ovh_peer.url
    assert secrets.get_secret("OVH_CONSUMER_KEY") == consumer_key
    assert secrets.get_secret("OVH_APPLICATION_SECRET") == ovh_peer.application_secret
    # reloaded: secrets are not shown, only where they are kept
    assert widget.ovh_app_secret.text() == ""
    assert "keyring" in widget.ovh_app_secret.placeholderText()
    assert widget.ovh_consumer_state.text() == "stored in the keyring"
    assert services.gateways.test_connection("ovh").ok


def test_without_a_keyring_the_page_offers_the_environment(
    page: Page, services: Services, ovh_peer: Any
) -> None:
    assert not secrets.keyring_available()
    widget = page.widget
    page.choose("ovh")
    assert not widget.keyring_note.isHidden()
    assert "OVH_APPLICATION_SECRET" in widget.keyring_note.text()
    widget.ovh_endpoint.setCurrentText(ovh_peer.url)
    widget.ovh_app_key.setText(ovh_peer.application_key)
    widget.ovh_app_secret.setText(ovh_peer.application_secret)
    page.click(widget.ovh_create_key)
    assert widget.pending_key is not None
    # nowhere to keep it: shown, to be copied to OVH_CONSUMER_KEY
    assert not widget.ovh_pending_key.isHidden()
    assert widget.ovh_pending_key.text() == widget.pending_key.consumer_key
    widget.save()
    page.settle()
    assert "set OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY in the environment" in (
        widget.result.text()
    )
    assert services.preferences.get(KEY_OVH_ENDPOINT) == ovh_peer.url  # the rest is saved


def test_smpp_page_tests_the_bind(
    page: Page, services: Services, smpp_peer: Any, memory_keyring: Any
) -> None:
    widget = page.widget
    page.choose("smpp")
    assert widget.pages.currentWidget() is widget.smpp_page
    assert widget.capabilities.text() == "Offers: delivery receipts"
    widget.smpp_host.setText("127.0.0.1")
    widget.smpp_port.setValue(smpp_peer.port)
    widget.smpp_system_id.setText(smpp_peer.system_id)
    widget.smpp_password.setText("wrong")
    page.click(widget.test_button)
    assert "ESME_RINVPASWD" in widget.result.text()
    widget.smpp_password.setText(smpp_peer.password)
    page.click(widget.test_button)
    assert widget.result.text() == "Connection works"
    assert widget.senders_label.isHidden()  # SMPP has no sender list
    widget.smpp_rate.setValue(50)
    widget.save()
    page.settle()
    assert widget.result.text() == "Saved."
    assert services.gateways.smpp_settings().port == smpp_peer.port
    assert services.gateways.rate_per_second("smpp") == 50
    assert services.gateways.test_connection("smpp").ok


def test_smsdesk_provider_locks_the_choice(
    qtbot: Any, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMSDESK_PROVIDER", "smpp")
    monkeypatch.setenv("SMSDESK_SMPP_HOST", "smsc.example.net")
    handle = Page(qtbot, services)
    try:
        widget = handle.widget
        assert widget.chosen() == "smpp"
        assert not widget.provider.isEnabled()
        assert "SMSDESK_PROVIDER=smpp" in widget.env_note.text()
        assert widget.smpp_host.text() == "smsc.example.net"
        assert not widget.smpp_host.isEnabled()  # the environment wins over Settings
    finally:
        handle.workers.shutdown()


def test_main_window_menu_and_credits_follow_the_gateway(
    qtbot: Any, services: Services, smpp_peer: Any, memory_keyring: Any
) -> None:
    window = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(window)
    window.show()
    try:
        # the simulator counts credits: shown, read in a worker
        shown = f"Credits: {formats.credits(100_000)}"  # in the window's locale
        qtbot.waitUntil(lambda: window.credits_label.text() == shown, timeout=10_000)
        assert not window.credits_label.isHidden()
        window.gateway_action.trigger()
        dialog = window.gateway_dialog
        assert isinstance(dialog, GatewaySettingsDialog)
        qtbot.waitUntil(dialog.isVisible)
        widget = dialog.page
        widget.provider.setCurrentIndex(widget.provider.findData("smpp"))
        widget.smpp_host.setText("127.0.0.1")
        widget.smpp_port.setValue(smpp_peer.port)
        widget.smpp_system_id.setText(smpp_peer.system_id)
        widget.smpp_password.setText(smpp_peer.password)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.provider_label.text() == "Gateway: smpp", timeout=10_000)
        assert window.gateway == "smpp"  # the window learns it; the container is not changed
        assert window.credits_label.isHidden()  # SMPP cannot say
        dialog.reject()
    finally:
        window.shutdown()
