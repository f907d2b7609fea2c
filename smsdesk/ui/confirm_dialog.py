"""The last look before money is spent: recipients, parts, credits, when. A campaign that
needs more credits than the gateway reports, or messages over 10 parts, cannot be sent
from here without an explicit tick."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from smsdesk.services.campaigns import LONG_MESSAGE_PARTS, Quote, RenderedMessage, credits_words
from smsdesk.ui.table_models import readable_number

ERROR_STYLE = "color: #b3261e; font-weight: bold"


def local_text(instant: datetime) -> str:
    return instant.astimezone().strftime("%a %d %b %Y %H:%M")


def credits_text(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("ConfirmDialog", "unknown")
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
        self.setWindowTitle(self.tr("Send this campaign?"))
        self.quote = quote
        preview = quote.preview
        self.recipients_label = QLabel(self.tr("{0} recipient(s)").format(preview.recipients))
        removed = []
        if preview.duplicates:
            removed.append(self.tr("{0} duplicate(s)").format(preview.duplicates))
        if preview.stopped:
            removed.append(self.tr("{0} stop-listed number(s)").format(preview.stopped))
        self.removed_label = QLabel(
            self.tr("{0} removed").format(", ".join(removed)) if removed else self.tr("none")
        )
        total = self.tr("{0} SMS part(s) in total").format(preview.total_parts)
        if preview.ucs2_messages:
            total += self.tr(" ({0} message(s) in UCS-2)").format(preview.ucs2_messages)
        self.total_parts_label = QLabel(total)
        self.total_parts_label.setObjectName("total_parts")
        self.credits_label = QLabel(credits_text(quote.credits))
        self.credits_left_label = QLabel(credits_text(quote.credits_left))
        when = (
            self.tr("now") if send_now and not preview.postponed else local_text(preview.starts_at)
        )
        if preview.postponed:
            when += self.tr(" (outside the sending window until then)")
        self.when_label = QLabel(when)
        if preview.postponed and send_now:
            self.when_label.setStyleSheet("color: #a15c00; font-weight: bold")
        kind = (
            self.tr("commercial (STOP clause added)") if commercial else self.tr("non-commercial")
        )

        # what must be said yes to, each with its own tick
        self.shortfall_label = QLabel()
        self.shortfall_label.setObjectName("shortfall")
        self.shortfall_label.setWordWrap(True)
        self.shortfall_label.setStyleSheet(ERROR_STYLE)
        self.overdraft_box = QCheckBox(self.tr("Send &anyway: I will top up"))
        shortfall = quote.shortfall
        if shortfall:
            self.credits_left_label.setStyleSheet("color: #b3261e")
            self.shortfall_label.setText(
                self.tr(
                    "This campaign needs {needed} credits; the account has {left}: "
                    "{missing} missing"
                ).format(**_shortfall_numbers(quote))
            )
        self.shortfall_label.setVisible(bool(shortfall))
        self.overdraft_box.setVisible(bool(shortfall))
        self.long_label = QLabel()
        self.long_label.setObjectName("long_message")
        self.long_label.setWordWrap(True)
        self.long_label.setStyleSheet(ERROR_STYLE)
        self.long_box = QCheckBox()
        longest = preview.longest.parts if preview.longest is not None else 0
        is_long = preview.long_message is not None
        if is_long:
            self.long_label.setText(
                self.tr(
                    "A message is {parts} SMS parts long (more than {limit}): each part is paid"
                ).format(parts=longest, limit=LONG_MESSAGE_PARTS)
            )
            self.long_box.setText(self.tr("&Yes, send messages of {0} parts").format(longest))
        self.long_label.setVisible(is_long)
        self.long_box.setVisible(is_long)

        form = QFormLayout()
        form.addRow(self.tr("Recipients:"), self.recipients_label)
        form.addRow(self.tr("Removed:"), self.removed_label)
        form.addRow(self.tr("Total:"), self.total_parts_label)
        form.addRow(self.tr("Credits (estimate):"), self.credits_label)
        form.addRow(self.tr("Credits left:"), self.credits_left_label)
        form.addRow(self.tr("Sender:"), QLabel(sender or self.tr("the gateway's default")))
        form.addRow(self.tr("Kind:"), QLabel(kind))
        form.addRow(self.tr("Starts:"), self.when_label)
        form.addRow(self.tr("Gateway:"), QLabel(quote.provider))
        if quote.note:
            form.addRow("", QLabel(quote.note))

        self.samples = QTableWidget(0, 3)
        self.samples.setHorizontalHeaderLabels(
            [self.tr("Receiver"), self.tr("Parts"), self.tr("Message")]
        )
        self.samples.verticalHeader().setVisible(False)
        header = self.samples.horizontalHeader()
        # a number on one line, the parts as narrow as their figure, the message the rest
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rows: list[RenderedMessage] = list(preview.samples)
        if preview.longest is not None and preview.longest not in rows:
            rows.append(preview.longest)
        for rendered in rows:
            row = self.samples.rowCount()
            self.samples.insertRow(row)
            self.samples.setItem(row, 0, QTableWidgetItem(readable_number(rendered.receiver)))
            parts = QTableWidgetItem(str(rendered.parts))
            parts.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.samples.setItem(row, 1, parts)
            self.samples.setItem(row, 2, QTableWidgetItem(rendered.body[:2000].replace("\n", " ")))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.setText(
            self.tr("&Send {0} message(s)").format(preview.recipients)
            if send_now and not preview.postponed
            else self.tr("&Schedule")
        )
        self.buttons.accepted.connect(self._accept_if_allowed)
        self.buttons.rejected.connect(self.reject)
        self.overdraft_box.toggled.connect(self._update_send)
        self.long_box.toggled.connect(self._update_send)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shortfall_label)
        layout.addWidget(self.overdraft_box)
        layout.addWidget(self.long_label)
        layout.addWidget(self.long_box)
        layout.addWidget(QLabel(self.tr("First messages and the longest one:")))
        layout.addWidget(self.samples)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self._update_send()

    @property
    def allow_overdraft(self) -> bool:
        """The user ticked "Send anyway" for a campaign the credits do not cover."""
        return not self.overdraft_box.isHidden() and self.overdraft_box.isChecked()

    @property
    def allow_long(self) -> bool:
        return not self.long_box.isHidden() and self.long_box.isChecked()

    def blocked(self) -> bool:
        """True while something needs a tick before Send."""
        short = not self.overdraft_box.isHidden() and not self.overdraft_box.isChecked()
        long = not self.long_box.isHidden() and not self.long_box.isChecked()
        return short or long

    def _update_send(self) -> None:
        blocked = self.blocked()
        self.send_button.setEnabled(not blocked)
        # Enter must never spend money the user has not agreed to
        self.send_button.setDefault(not blocked)
        self.cancel_button.setDefault(blocked)

    def _accept_if_allowed(self) -> None:
        if not self.blocked():
            self.accept()


def _shortfall_numbers(quote: Quote) -> dict[str, str]:
    assert quote.credits is not None and quote.credits_left is not None
    return {
        "needed": credits_words(quote.credits),
        "left": credits_words(quote.credits_left),
        "missing": credits_words(quote.credits - quote.credits_left),
    }
