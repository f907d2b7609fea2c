"""Everything known about one message: timeline, receipt codes, gateway, error, and why
it waits when its campaign is paused; copyable."""

from __future__ import annotations

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
from smsdesk.services.history import MessageRow, detail_lines, details_text
from smsdesk.ui.table_models import STATUS_COLOURS, readable_number


class MessageDetailsDialog(QDialog):
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
        self.setWindowTitle(self.tr("Message #{0}").format(row.id))
        self.setMinimumWidth(460)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for line in detail_lines(row):
            if line.label == "Text":
                continue
            value = line.value
            if line.label == "Receiver":
                readable = readable_number(row.receiver)
                value = f"{readable}  ({row.receiver})" if readable != row.receiver else value
            label = QLabel(value or "—")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            if line.label == "Status":
                colour = STATUS_COLOURS.get(row.status)
                if colour is not None:
                    label.setStyleSheet(f"color: {colour.name()}; font-weight: bold")
            self.fields[line.label] = label
            form.addRow(f"{line.label}:", label)
        if self.pause_reason:
            label = QLabel(self.paused_text())
            label.setObjectName("pause_reason")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setStyleSheet("color: #b3261e; font-weight: bold")
            self.fields["Paused"] = label
            form.addRow(self.tr("Paused:"), label)

        self.body = QPlainTextEdit(row.body)
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(120)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy all these details to the clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.results_button = QPushButton(self.tr("Campaign &results…"))
        self.results_button.setVisible(row.campaign_id is not None)
        buttons.addButton(self.results_button, QDialogButtonBox.ButtonRole.ActionRole)
        if row.campaign_id is not None:
            campaign_id = row.campaign_id
            self.results_button.clicked.connect(lambda: self.campaign_results.emit(campaign_id))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Text:")))
        layout.addWidget(self.body)
        layout.addWidget(buttons)

    def paused_text(self) -> str:
        return self.tr("waiting: its campaign is paused ({0}); resume it in Scheduled").format(
            self.pause_reason
        )

    def text(self) -> str:
        text = details_text(self.row)
        if self.pause_reason:
            text += "\n" + self.tr("Paused: {0}").format(self.paused_text())
        return text

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
