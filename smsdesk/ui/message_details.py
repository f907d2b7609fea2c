"""Everything known about one message: timeline, receipt codes, gateway, error, and why
it waits when its campaign is paused; copyable."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.history import MessageRow
from smsdesk.ui import formats, words
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.table_models import STATUS_COLOURS

# the fields in reading order (timeline first); keys are stable, labels are translated
FIELDS = (
    "message",
    "status",
    "submitted",
    "created",
    "delivered",
    "receiver",
    "sender",
    "campaign",
    "tag",
    "ptt",
    "dlr",
    "operator",
    "gateway",
    "gateway_ref",
    "parts",
    "credits",
    "attempts",
    "error",
)


class MessageDetailsDialog(Retranslating, QDialog):
    campaign_results = Signal(int)  # "Campaign results…": the results view of its campaign

    def __init__(
        self,
        row: MessageRow,
        parent: QWidget | None = None,
        *,
        pause_reason: str | None = None,
    ) -> None:
        """`pause_reason`: CampaignService.pause_reason(row.campaign_id), shown while the
        message waits in that paused campaign."""
        super().__init__(parent)
        self.row = row
        self.pause_reason = pause_reason if row.status is MessageStatus.QUEUED else None
        self.setMinimumWidth(460)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        for key in (*FIELDS, "paused"):
            if key == "paused" and not self.pause_reason:
                continue
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fields[key] = value
            self._labels[key] = QLabel()
            self._form.addRow(self._labels[key], value)
        colour = STATUS_COLOURS.get(row.status)
        if colour is not None:
            self.fields["status"].setStyleSheet(f"color: {colour.name()}; font-weight: bold")
        if "paused" in self.fields:
            self.fields["paused"].setObjectName("pause_reason")
            self.fields["paused"].setStyleSheet("color: #b3261e; font-weight: bold")

        self.body = QPlainTextEdit(row.body)
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(120)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.results_button = QPushButton()
        self.results_button.setVisible(row.campaign_id is not None)
        buttons.addButton(self.results_button, QDialogButtonBox.ButtonRole.ActionRole)
        if row.campaign_id is not None:
            campaign_id = row.campaign_id
            self.results_button.clicked.connect(lambda: self.campaign_results.emit(campaign_id))
        buttons.rejected.connect(self.reject)

        self._text_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._text_label)
        layout.addWidget(self.body)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Message #{id}").format(id=self.row.id))
        labels = self.labels()
        for key, label in self._labels.items():
            label.setText(self.tr("{label}:").format(label=labels[key]))
        for key, value in self.values().items():
            if key in self.fields:
                self.fields[key].setText(value or "—")
        self._text_label.setText(self.tr("Text:"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy all these details to the clipboard"))
        self.results_button.setText(self.tr("Campaign &results…"))
        self.results_button.setToolTip(self.tr("Results of the campaign this message belongs to"))

    def labels(self) -> dict[str, str]:
        return {
            "message": self.tr("Message"),
            "status": self.tr("Status"),
            "submitted": self.tr("Sent"),
            "created": self.tr("Created"),
            "delivered": self.tr("Delivered"),
            "receiver": self.tr("Receiver"),
            "sender": self.tr("Sender"),
            "campaign": self.tr("Campaign"),
            "tag": self.tr("Tag"),
            "ptt": self.tr("ptt"),
            "dlr": self.tr("DLR"),
            "operator": self.tr("Operator"),
            "gateway": self.tr("Gateway"),
            "gateway_ref": self.tr("Gateway reference"),
            "parts": self.tr("Parts"),
            "credits": self.tr("Credits"),
            "attempts": self.tr("Attempts"),
            "error": self.tr("Error"),
            "paused": self.tr("Paused"),
            "text": self.tr("Text"),
        }

    def _when(self, instant: datetime | None, earlier: datetime | None = None) -> str:
        """An instant, and how long after `earlier` it came: "01/12/2026 21:35:02 (+3 s)"."""
        text = formats.date_time(instant, seconds=True)
        if instant is None or earlier is None or instant < earlier:
            return text
        return self.tr("{instant} (+{duration})").format(
            instant=text, duration=formats.duration((instant - earlier).total_seconds())
        )

    def _code(self, code: int, meaning: str) -> str:
        return self.tr("{code} — {meaning}").format(code=code, meaning=meaning)

    def values(self) -> dict[str, str]:
        row = self.row
        campaign = ""
        if row.campaign_id is not None:
            campaign = f"#{row.campaign_id}" + (
                f" {row.campaign_name}" if row.campaign_name else ""
            )
        receiver = formats.phone(row.receiver)
        operator = row.operator
        if row.operator_code and operator != row.operator_code:
            operator = self.tr("{operator} ({code})").format(
                operator=operator, code=row.operator_code
            )
        values = {
            "message": f"#{row.id}",
            "status": words.message_status(row.status),
            "submitted": self._when(row.submitted_at, row.created_at),
            "created": self._when(row.created_at),
            "delivered": self._when(row.delivered_at, row.submitted_at),
            "receiver": f"{receiver}  ({row.receiver})" if receiver != row.receiver else receiver,
            "sender": row.sender or self.tr("(gateway default)"),
            "campaign": campaign,
            "tag": row.tag,
            "ptt": "" if row.ptt is None else self._code(row.ptt, words.ptt_meaning(row.ptt)),
            "dlr": "" if row.dlr is None else self._code(row.dlr, words.dlr_meaning(row.dlr)),
            "operator": operator,
            "gateway": row.provider,
            "gateway_ref": row.provider_ref or "",
            "parts": formats.count(row.parts),
            "credits": "" if row.credits is None else formats.credits(row.credits),
            "attempts": formats.count(row.attempts),
            "error": words.reason(row.error or ""),
        }
        if self.pause_reason:
            values["paused"] = self.paused_text()
        return values

    def paused_text(self) -> str:
        return self.tr("waiting: its campaign is paused ({reason}); resume it in Scheduled").format(
            reason=self.pause_reason
        )

    def text(self) -> str:
        """The details as plain text, for the clipboard."""
        labels = self.labels()
        values = self.values()
        lines = [f"{labels[key]}: {values[key]}" for key in FIELDS]
        lines.append(f"{labels['text']}: {self.row.body}")
        if self.pause_reason:
            lines.append(f"{labels['paused']}: {values['paused']}")
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
