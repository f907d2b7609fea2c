"""Send tab: recipients, message with a live counter, sender, Send."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.encoding import message_info
from smsdesk.services.campaigns import (
    CampaignCreated,
    CampaignRequest,
    CampaignService,
    sender_problem,
    split_receivers,
)
from smsdesk.ui.workers import WorkerPool


class SendTab(QWidget):
    campaign_created = Signal(object)  # CampaignCreated
    status_message = Signal(str)

    def __init__(
        self, campaigns: CampaignService, workers: WorkerPool, *, provider: str = "simulator"
    ) -> None:
        super().__init__()
        self._campaigns = campaigns
        self._workers = workers
        self._provider = provider

        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(
            "One number a line, or separated by commas or semicolons:\n"
            "06 12 34 56 78\n+33 6 98 76 54 32"
        )
        self.recipients_count = QLabel()
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText("Your message")
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.sender = QLineEdit()
        self.sender.setPlaceholderText("Provider default")
        self.sender.setMaxLength(15)
        self.sender_error = QLabel()
        self.sender_error.setStyleSheet("color: #b3261e")
        self.send_button = QPushButton("&Send")
        self.send_button.setDefault(True)
        self.send_button.setToolTip("Send now (Ctrl+Return)")

        form = QFormLayout()
        form.addRow("&Recipients", self.recipients)
        form.addRow("", self.recipients_count)
        form.addRow("&Message", self.message)
        form.addRow("", self.counter)
        form.addRow("S&ender", self.sender)
        form.addRow("", self.sender_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.message.textChanged.connect(self._update_counter)
        self.recipients.textChanged.connect(self._update_recipients)
        self.sender.textChanged.connect(self._update_sender)
        self.send_button.clicked.connect(self.send)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.send)
        self._update_counter()
        self._update_recipients()
        self._update_sender()

    def _update_counter(self) -> None:
        info = message_info(self.message.toPlainText())
        parts = "part" if info.segments == 1 else "parts"
        self.counter.setText(
            f"{info.encoding} · {info.length} characters · {info.segments} {parts} · "
            f"{info.remaining} left in this part"
        )

    def _update_recipients(self) -> None:
        count = len(split_receivers([self.recipients.toPlainText()]))
        self.recipients_count.setText(f"{count} number(s)")

    def _update_sender(self) -> None:
        self.sender_error.setText(sender_problem(self.sender.text().strip()) or "")

    def send(self) -> None:
        if not self.send_button.isEnabled():
            return
        request = CampaignRequest(
            body=self.message.toPlainText(),
            receivers=[self.recipients.toPlainText()],
            sender=self.sender.text().strip(),
            provider=self._provider,
        )
        self.send_button.setEnabled(False)
        self.status_message.emit("Creating the campaign…")
        self._workers.run(self._create, request, on_result=self._created, on_error=self._failed)

    def _create(self, request: CampaignRequest, **_: object) -> CampaignCreated:
        return self._campaigns.create(request)

    def _created(self, created: CampaignCreated) -> None:
        self.send_button.setEnabled(True)
        self.recipients.clear()
        self.message.clear()
        self.status_message.emit(f"Campaign {created.id}: {created.messages} message(s) queued")
        self.campaign_created.emit(created)

    def _failed(self, reason: str) -> None:
        self.send_button.setEnabled(True)
        self.status_message.emit(f"Not sent: {reason}")
