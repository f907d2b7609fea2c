"""The last look before money is spent: recipients, parts, credits, when."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.campaigns import Quote, RenderedMessage
from smsdesk.ui.table_models import readable_number


def local_text(instant: datetime) -> str:
    return instant.astimezone().strftime("%a %d %b %Y %H:%M")


def credits_text(value: float | None) -> str:
    if value is None:
        return "unknown"
    return f"{value:,.1f}".replace(",", " ")


class ConfirmDialog(QDialog):
    def __init__(
        self,
        quote: Quote,
        *,
        sender: str,
        commercial: bool,
        send_now: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send this campaign?")
        self.quote = quote
        preview = quote.preview
        self.recipients_label = QLabel(f"{preview.recipients} recipient(s)")
        removed = []
        if preview.duplicates:
            removed.append(f"{preview.duplicates} duplicate(s)")
        if preview.stopped:
            removed.append(f"{preview.stopped} stop-listed number(s)")
        self.removed_label = QLabel(", ".join(removed) + " removed" if removed else "none")
        self.total_parts_label = QLabel(
            f"{preview.total_parts} SMS part(s) in total"
            + (f" ({preview.ucs2_messages} message(s) in UCS-2)" if preview.ucs2_messages else "")
        )
        self.total_parts_label.setObjectName("total_parts")
        self.credits_label = QLabel(credits_text(quote.credits))
        left = credits_text(quote.credits_left)
        self.credits_left_label = QLabel(left)
        if (
            quote.credits is not None
            and quote.credits_left is not None
            and quote.credits > quote.credits_left
        ):
            self.credits_left_label.setText(f"{left}: not enough for this campaign")
            self.credits_left_label.setStyleSheet("color: #b3261e")
        when = "now" if send_now and not preview.postponed else local_text(preview.starts_at)
        if preview.postponed:
            when += " (outside the sending window until then)"
        self.when_label = QLabel(when)
        if preview.postponed and send_now:
            self.when_label.setStyleSheet("color: #a15c00; font-weight: bold")
        kind = "commercial (STOP clause added)" if commercial else "non-commercial"

        form = QFormLayout()
        form.addRow("Recipients:", self.recipients_label)
        form.addRow("Removed:", self.removed_label)
        form.addRow("Total:", self.total_parts_label)
        form.addRow("Credits (estimate):", self.credits_label)
        form.addRow("Credits left:", self.credits_left_label)
        form.addRow("Sender:", QLabel(sender or "the gateway's default"))
        form.addRow("Kind:", QLabel(kind))
        form.addRow("Starts:", self.when_label)
        form.addRow("Gateway:", QLabel(quote.provider))
        if quote.note:
            form.addRow("", QLabel(quote.note))

        self.samples = QTableWidget(0, 3)
        self.samples.setHorizontalHeaderLabels(["Receiver", "Parts", "Message"])
        self.samples.verticalHeader().setVisible(False)
        self.samples.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rows: list[RenderedMessage] = list(preview.samples)
        if preview.longest is not None and preview.longest not in rows:
            rows.append(preview.longest)
        for rendered in rows:
            row = self.samples.rowCount()
            self.samples.insertRow(row)
            self.samples.setItem(row, 0, QTableWidgetItem(readable_number(rendered.receiver)))
            self.samples.setItem(row, 1, QTableWidgetItem(str(rendered.parts)))
            self.samples.setItem(row, 2, QTableWidgetItem(rendered.body.replace("\n", " ")))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(
            f"&Send {preview.recipients} message(s)" if when == "now" else "&Schedule"
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("First messages and the longest one:"))
        layout.addWidget(self.samples)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
