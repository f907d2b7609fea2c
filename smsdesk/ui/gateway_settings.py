"""Settings page for the gateway: choose simulator / OVH / SMPP and enter its settings.

OVH: endpoint (a name or a URL), application key and secret, "Create consumer key"
(opens OVH's validation page in the browser), the SMS accounts those keys reach, and a
connection test. SMPP: host, port, system id, password. Secrets go to the OS keyring
through the gateway service; when there is no keyring the page says so and shows the
environment variables to set instead. Every gateway call runs in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smsdesk.providers.base import Capability
from smsdesk.services.gateways import (
    DEFAULT_OVH_ENDPOINT,
    ENV_PROVIDER,
    OVH_ENDPOINT_NAMES,
    ConnectionReport,
    ConsumerKeyRequest,
    GatewayService,
    OvhForm,
    SaveReport,
    SmppForm,
    Source,
    keyring_status,
)
from smsdesk.ui.workers import WorkerPool

ERROR_STYLE = "color: #b3261e"
WARNING_STYLE = "color: #a15c00"
OK_STYLE = "color: #1b6e20"

CAPABILITY_WORDS: dict[Capability, str] = {
    Capability.RECEIPTS_POLL: "delivery receipts",
    Capability.RECONCILE: "safe resume after a crash",
    Capability.DEFERRED: "keeps scheduled sends",
    Capability.CANCEL_DEFERRED: "cancels them",
    Capability.SENDERS: "senders",
    Capability.CREDITS: "credits left",
    Capability.ESTIMATE: "cost estimate",
    Capability.HLR: "operator check",
    Capability.DELETE_REMOTE: "deletes its history",
}
OpenUrl = Callable[[QUrl], Any]


def capability_text(capabilities: frozenset[Capability]) -> str:
    words = [word for cap, word in CAPABILITY_WORDS.items() if cap in capabilities]
    return "Offers: " + (", ".join(words) if words else "sending only")


def _secret_hint(source: Source, name: str) -> str:
    if source is Source.ENVIRONMENT:
        return f"set by the environment ({name})"
    if source is Source.KEYRING:
        return "stored in the keyring — leave empty to keep it"
    return "not set"


def _rate_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 100_000)
    box.setDecimals(1)
    box.setSuffix(" SMS/s")
    box.setSpecialValueText("no limit")
    return box


class GatewaySettingsPage(QWidget):
    """The page itself, embeddable in any settings dialog."""

    saved = Signal(str)  # the chosen gateway's name
    busy_changed = Signal(bool)

    def __init__(
        self,
        gateways: GatewayService,
        workers: WorkerPool,
        *,
        open_url: OpenUrl = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateways = gateways
        self._workers = workers
        self._open_url = open_url
        self._busy = 0
        self.pending_key: ConsumerKeyRequest | None = None  # validated in the browser
        self.last_report: ConnectionReport | None = None

        # which gateway
        self.provider = QComboBox()
        for info in gateways.gateways():
            self.provider.addItem(info.label, info.name)
        self.capabilities = QLabel()
        self.capabilities.setWordWrap(True)
        self.env_note = QLabel()
        self.env_note.setWordWrap(True)
        self.env_note.setStyleSheet(WARNING_STYLE)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet(WARNING_STYLE)

        self.pages = QStackedWidget()
        self.simulator_page = QLabel(
            "The built-in simulator sends nothing: it accepts every message and reports "
            "delivery receipts, to try smsdesk without an account."
        )
        self.simulator_page.setWordWrap(True)
        self.ovh_page = self._build_ovh()
        self.smpp_page = self._build_smpp()
        self._page_of = {
            "simulator": self.simulator_page,
            "ovh": self.ovh_page,
            "smpp": self.smpp_page,
        }
        for page in self._page_of.values():
            self.pages.addWidget(page)

        # test
        self.test_button = QPushButton("&Test connection")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.senders_label = QLabel()
        self.senders_label.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)

        form = QFormLayout()
        form.addRow("&Gateway:", self.provider)
        form.addRow("", self.capabilities)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.env_note)
        layout.addWidget(self.pages)
        layout.addWidget(self.keyring_note)
        layout.addLayout(test_row)
        layout.addWidget(self.senders_label)
        layout.addStretch(1)

        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.load()

    # -- building ------------------------------------------------------------------------

    def _build_ovh(self) -> QWidget:
        page = QGroupBox("OVH SMS")
        self.ovh_endpoint = QComboBox()
        self.ovh_endpoint.setEditable(True)
        self.ovh_endpoint.addItems(OVH_ENDPOINT_NAMES)
        self.ovh_endpoint.setToolTip("An OVH endpoint name, or the API's URL (https://…)")
        self.ovh_app_key = QLineEdit()
        self.ovh_app_secret = QLineEdit()
        self.ovh_app_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.ovh_consumer_state = QLabel()
        self.ovh_consumer_state.setWordWrap(True)
        self.ovh_create_key = QPushButton("&Create consumer key…")
        self.ovh_create_key.setToolTip(
            "Asks OVH for a key with the SMS rights and opens the page where you accept it"
        )
        self.ovh_create_key.clicked.connect(self.create_consumer_key)
        # shown only without a keyring: the key must then go to OVH_CONSUMER_KEY by hand
        self.ovh_pending_key = QLineEdit()
        self.ovh_pending_key.setReadOnly(True)
        self.ovh_pending_key.setVisible(False)
        self.ovh_service = QComboBox()
        self.ovh_service.setEditable(True)
        service_edit = self.ovh_service.lineEdit()
        assert service_edit is not None  # editable
        service_edit.setPlaceholderText("sms-xx00000-1")
        self.ovh_list = QPushButton("&List accounts")
        self.ovh_list.clicked.connect(self.list_accounts)
        self.ovh_rate = _rate_box()

        consumer = QHBoxLayout()
        consumer.addWidget(self.ovh_consumer_state, 1)
        consumer.addWidget(self.ovh_create_key)
        service = QHBoxLayout()
        service.addWidget(self.ovh_service, 1)
        service.addWidget(self.ovh_list)
        form = QFormLayout(page)
        form.addRow("&Endpoint:", self.ovh_endpoint)
        form.addRow("Application &key:", self.ovh_app_key)
        form.addRow("Application &secret:", self.ovh_app_secret)
        form.addRow("Consumer key:", consumer)
        form.addRow("", self.ovh_pending_key)
        form.addRow("SMS &account:", service)
        form.addRow("&Rate limit:", self.ovh_rate)
        return page

    def _build_smpp(self) -> QWidget:
        page = QGroupBox("SMPP 3.4")
        self.smpp_host = QLineEdit()
        self.smpp_port = QSpinBox()
        self.smpp_port.setRange(1, 65535)
        self.smpp_system_id = QLineEdit()
        self.smpp_system_id.setMaxLength(15)
        self.smpp_password = QLineEdit()
        self.smpp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smpp_password.setMaxLength(8)  # SMPP 3.4's limit
        self.smpp_rate = _rate_box()
        form = QFormLayout(page)
        form.addRow("&Host:", self.smpp_host)
        form.addRow("&Port:", self.smpp_port)
        form.addRow("System &id:", self.smpp_system_id)
        form.addRow("Pass&word:", self.smpp_password)
        form.addRow("&Rate limit:", self.smpp_rate)
        return page

    # -- state ---------------------------------------------------------------------------

    def load(self) -> None:
        """Show the saved settings (secrets only as where they come from)."""
        chosen = self._gateways.default_provider()
        self.provider.setCurrentIndex(max(0, self.provider.findData(chosen)))
        overriding = self._gateways.provider_from_environment()
        self.provider.setEnabled(overriding is None)
        self.env_note.setText(
            f"{ENV_PROVIDER}={overriding} is set: it chooses the gateway." if overriding else ""
        )
        self.env_note.setVisible(bool(overriding))

        ovh = self._gateways.ovh_settings()
        self.ovh_endpoint.setCurrentText(ovh.endpoint or DEFAULT_OVH_ENDPOINT)
        self.ovh_app_key.setText(ovh.application_key)
        self.ovh_app_secret.clear()
        self.ovh_app_secret.setPlaceholderText(
            _secret_hint(ovh.application_secret, "OVH_APPLICATION_SECRET")
        )
        self.ovh_service.setCurrentText(ovh.service)
        self.ovh_rate.setValue(ovh.rate_per_second or 0)
        ovh_fields: tuple[tuple[QWidget, str], ...] = (
            (self.ovh_endpoint, "OVH_ENDPOINT"),
            (self.ovh_app_key, "OVH_APPLICATION_KEY"),
            (self.ovh_app_secret, "OVH_APPLICATION_SECRET"),
            (self.ovh_service, "SMSDESK_OVH_SERVICE"),
        )
        for widget, name in ovh_fields:
            widget.setEnabled(name not in ovh.from_environment)
        self.pending_key = None
        self.ovh_pending_key.clear()
        self.ovh_pending_key.setVisible(False)
        self._show_consumer_state(ovh.consumer_key)

        smpp = self._gateways.smpp_settings()
        self.smpp_host.setText(smpp.host)
        self.smpp_port.setValue(smpp.port)
        self.smpp_system_id.setText(smpp.system_id)
        self.smpp_password.clear()
        self.smpp_password.setPlaceholderText(_secret_hint(smpp.password, "SMSDESK_SMPP_PASSWORD"))
        self.smpp_rate.setValue(smpp.rate_per_second or 0)
        smpp_fields: tuple[tuple[QWidget, str], ...] = (
            (self.smpp_host, "SMSDESK_SMPP_HOST"),
            (self.smpp_port, "SMSDESK_SMPP_PORT"),
            (self.smpp_system_id, "SMSDESK_SMPP_SYSTEM_ID"),
            (self.smpp_password, "SMSDESK_SMPP_PASSWORD"),
        )
        for widget, name in smpp_fields:
            widget.setEnabled(name not in smpp.from_environment)
        self._provider_changed()

    def _show_consumer_state(self, source: Source) -> None:
        if self.pending_key is not None:
            text = "new key: accept it on OVH's page, then save"
        elif source is Source.ENVIRONMENT:
            text = "set by the environment (OVH_CONSUMER_KEY)"
        elif source is Source.KEYRING:
            text = "stored in the keyring"
        else:
            text = "none yet: create one"
        self.ovh_consumer_state.setText(text)

    def chosen(self) -> str:
        return str(self.provider.currentData())

    def _provider_changed(self) -> None:
        name = self.chosen()
        self.pages.setCurrentWidget(self._page_of[name])
        info = next(i for i in self._gateways.gateways() if i.name == name)
        self.capabilities.setText(capability_text(info.capabilities))
        self.result.clear()
        self.senders_label.clear()
        self.senders_label.setVisible(False)
        status = keyring_status()
        needs_secrets = name in ("ovh", "smpp")
        self.keyring_note.setText(status.advice)
        self.keyring_note.setVisible(needs_secrets and not status.available)

    def ovh_form(self) -> OvhForm:
        return OvhForm(
            endpoint=self.ovh_endpoint.currentText().strip(),
            application_key=self.ovh_app_key.text().strip(),
            service=self.ovh_service.currentText().strip(),
            application_secret=self.ovh_app_secret.text(),
            consumer_key=self.pending_key.consumer_key if self.pending_key else "",
            rate_per_second=self.ovh_rate.value() or None,
        )

    def smpp_form(self) -> SmppForm:
        return SmppForm(
            host=self.smpp_host.text().strip(),
            port=self.smpp_port.value(),
            system_id=self.smpp_system_id.text().strip(),
            password=self.smpp_password.text(),
            rate_per_second=self.smpp_rate.value() or None,
        )

    # -- work in the background ----------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_result: Callable[[Any], None], what: str) -> None:
        self._set_busy(+1)

        def finished_ok(value: Any) -> None:
            self._set_busy(-1)
            on_result(value)

        def failed(message: str) -> None:
            self._set_busy(-1)
            self._say(f"{what}: {message}", ERROR_STYLE)

        self._workers.run(lambda **_: fn(), on_result=finished_ok, on_error=failed)

    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        busy = self._busy > 0
        for button in (self.test_button, self.ovh_create_key, self.ovh_list):
            button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _say(self, text: str, style: str = "") -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)

    # -- actions -------------------------------------------------------------------------

    def test_connection(self) -> None:
        name = self.chosen()
        self._say("Connecting…")
        self.senders_label.setVisible(False)
        if name == "ovh":
            form = self.ovh_form()
            self._run(lambda: self._gateways.test_ovh(form), self._tested, "Test")
        elif name == "smpp":
            smpp = self.smpp_form()
            self._run(lambda: self._gateways.test_smpp(smpp), self._tested, "Test")
        else:
            self._run(lambda: self._gateways.test_connection(name), self._tested, "Test")

    def _tested(self, report: ConnectionReport) -> None:
        self.last_report = report
        self._say(report.message, OK_STYLE if report.ok else ERROR_STYLE)
        info = next(i for i in self._gateways.gateways() if i.name == self.chosen())
        if report.ok and Capability.SENDERS in info.capabilities:
            senders = ", ".join(f"{s.name} ({s.status})" for s in report.senders)
            self.senders_label.setText("Senders: " + (senders or "none yet"))
            self.senders_label.setVisible(True)

    def create_consumer_key(self) -> None:
        form = self.ovh_form()
        self._say("Asking OVH for a consumer key…")
        self._run(
            lambda: self._gateways.request_consumer_key(form), self._key_created, "Consumer key"
        )

    def _key_created(self, request: ConsumerKeyRequest) -> None:
        self.pending_key = request
        self._show_consumer_state(Source.MISSING)
        if not keyring_status().available:
            # nowhere to keep it: the user copies it to OVH_CONSUMER_KEY
            self.ovh_pending_key.setText(request.consumer_key)
            self.ovh_pending_key.setVisible(True)
        self._open_url(QUrl(request.validation_url))
        self._say(
            "OVH's page is open in your browser: log in and accept, then list the accounts. "
            f"If it did not open: {request.validation_url}",
            WARNING_STYLE,
        )

    def list_accounts(self) -> None:
        form = self.ovh_form()
        self._say("Listing SMS accounts…")
        self._run(lambda: self._gateways.ovh_services(form), self._accounts_listed, "Accounts")

    def _accounts_listed(self, names: list[str]) -> None:
        current = self.ovh_service.currentText()
        self.ovh_service.clear()
        self.ovh_service.addItems(names)
        if current in names:
            self.ovh_service.setCurrentText(current)
        elif names:
            self.ovh_service.setCurrentIndex(0)
        self._say(
            f"{len(names)} SMS account(s)" if names else "No SMS account on these keys",
            OK_STYLE if names else WARNING_STYLE,
        )

    def save(self) -> None:
        """Save the chosen gateway and its settings (secrets to the keyring)."""
        name = self.chosen()
        ovh, smpp = self.ovh_form(), self.smpp_form()
        overridden = self._gateways.provider_from_environment() is not None

        def work() -> tuple[SaveReport, SaveReport]:
            ovh_report = self._gateways.save_ovh(ovh) if name == "ovh" else SaveReport()
            smpp_report = self._gateways.save_smpp(smpp) if name == "smpp" else SaveReport()
            if name == "simulator":
                self._gateways.save_rate("simulator", None)
            if not overridden:
                self._gateways.choose(name)
            return ovh_report, smpp_report

        self._run(work, lambda reports: self._saved(name, reports), "Not saved")

    def _saved(self, name: str, reports: tuple[SaveReport, SaveReport]) -> None:
        messages = [r.message for r in reports if r.not_stored or r.shadowed]
        self.load()
        if messages:
            self._say(" ".join(messages), WARNING_STYLE)
        else:
            self._say("Saved.", OK_STYLE)
        self.saved.emit(name)


class GatewaySettingsDialog(QDialog):
    """The page in a dialog with Save and Close."""

    saved = Signal(str)

    def __init__(
        self,
        gateways: GatewayService,
        workers: WorkerPool,
        *,
        open_url: OpenUrl = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Gateway settings")
        self.page = GatewaySettingsPage(gateways, workers, open_url=open_url)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.page.save)
        self.buttons.rejected.connect(self.reject)
        self.page.saved.connect(self.saved)
        self.page.busy_changed.connect(lambda busy: self.save_button.setEnabled(not busy))
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
