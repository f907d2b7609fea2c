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

from smsdesk.services.campaigns import LONG_MESSAGE_PARTS, Quote, RenderedMessage
from smsdesk.ui import formats
from smsdesk.ui.i18n import Retranslating

ERROR_STYLE = "color: #b3261e; font-weight: bold"
WARNING_STYLE = "color: #a15c00; font-weight: bold"


def local_text(instant: datetime) -> str:
    """A start as people read it: "mer. 2 déc. 2026 08:00" (the weekday matters when a
    sending window moves it)."""
    return QCoreApplication.translate("ConfirmDialog", "{day} {year} {clock}").format(
        day=formats.short_day(instant),
        year=formats.local(instant).year,
        clock=formats.clock(instant),
    )


def credits_text(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("ConfirmDialog", "unknown")
    return formats.credits(value)


def reason_text(reason: str) -> str:
    """Why a number is left out, in the window's language (the services say it in English)."""

    words = {
        "not a mobile": QCoreApplication.translate("ConfirmDialog", "not a mobile"),
        "too short": QCoreApplication.translate("ConfirmDialog", "too short"),
        "too long": QCoreApplication.translate("ConfirmDialog", "too long"),
        "empty": QCoreApplication.translate("ConfirmDialog", "empty"),
        "not a phone number": QCoreApplication.translate("ConfirmDialog", "not a phone number"),
        "unallocated range": QCoreApplication.translate("ConfirmDialog", "unallocated range"),
        "unknown country code": QCoreApplication.translate("ConfirmDialog", "unknown country code"),
        "wrong length": QCoreApplication.translate("ConfirmDialog", "wrong length"),
        "invalid": QCoreApplication.translate("ConfirmDialog", "invalid"),
    }
    return words.get(reason, reason)


class ConfirmDialog(Retranslating, QDialog):
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
        self.quote = quote
        self._sender = sender
        self._commercial = commercial
        self._send_now = send_now
        preview = quote.preview
        self.recipients_label = QLabel()
        self.removed_label = QLabel()
        self.removed_label.setWordWrap(True)
        self.total_parts_label = QLabel()
        self.total_parts_label.setObjectName("total_parts")
        self.credits_label = QLabel()
        self.credits_left_label = QLabel()
        self.sender_label = QLabel()
        self.kind_label = QLabel()
        self.when_label = QLabel()
        self.gateway_label = QLabel(quote.provider)
        self.note_label = QLabel(quote.note)  # the gateway's own words
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(quote.note))
        if preview.postponed and send_now:
            self.when_label.setStyleSheet(WARNING_STYLE)

        # what must be said yes to, each with its own tick
        self.shortfall_label = QLabel()
        self.shortfall_label.setObjectName("shortfall")
        self.shortfall_label.setWordWrap(True)
        self.shortfall_label.setStyleSheet(ERROR_STYLE)
        self.overdraft_box = QCheckBox()
        shortfall = quote.shortfall
        if shortfall:
            self.credits_left_label.setStyleSheet("color: #b3261e")
        self.shortfall_label.setVisible(bool(shortfall))
        self.overdraft_box.setVisible(bool(shortfall))
        self.long_label = QLabel()
        self.long_label.setObjectName("long_message")
        self.long_label.setWordWrap(True)
        self.long_label.setStyleSheet(ERROR_STYLE)
        self.long_box = QCheckBox()
        is_long = preview.long_message is not None
        self.long_label.setVisible(is_long)
        self.long_box.setVisible(is_long)

        form = QFormLayout()
        self._row_labels = [QLabel() for _ in range(9)]
        for label, field in zip(
            self._row_labels,
            (
                self.recipients_label,
                self.removed_label,
                self.total_parts_label,
                self.credits_label,
                self.credits_left_label,
                self.sender_label,
                self.kind_label,
                self.when_label,
                self.gateway_label,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        form.addRow("", self.note_label)

        self.samples_title = QLabel()
        self.samples = QTableWidget(0, 3)
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
            self.samples.setItem(row, 0, QTableWidgetItem(formats.phone(rendered.receiver)))
            parts = QTableWidgetItem(formats.count(rendered.parts))
            parts.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.samples.setItem(row, 1, parts)
            self.samples.setItem(row, 2, QTableWidgetItem(rendered.body[:2000].replace("\n", " ")))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
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
        layout.addWidget(self.samples_title)
        layout.addWidget(self.samples)
        layout.addWidget(self.buttons)
        self.resize(680, 480)
        self.retranslate()
        self._update_send()

    def retranslate(self) -> None:
        quote = self.quote
        preview = quote.preview
        self.setWindowTitle(self.tr("Send this campaign?"))
        for label, text in zip(
            self._row_labels,
            (
                self.tr("Recipients:"),
                self.tr("Removed:"),
                self.tr("Total:"),
                self.tr("Credits (estimate):"),
                self.tr("Credits left:"),
                self.tr("Sender:"),
                self.tr("Kind:"),
                self.tr("Starts:"),
                self.tr("Gateway:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.recipients_label.setText(self.tr("%Ln recipient(s)", "", preview.recipients))
        removed = []
        if preview.duplicates:
            removed.append(self.tr("%Ln duplicate(s)", "", preview.duplicates))
        if preview.stopped:
            removed.append(self.tr("%Ln stop-listed number(s)", "", preview.stopped))
        if preview.invalid:
            removed.append(self.tr("%Ln invalid or landline number(s)", "", len(preview.invalid)))
        removed_text = self.tr("{list} removed").format(list=", ".join(removed))
        self.removed_label.setText(removed_text if removed else self.tr("none"))
        self.removed_label.setToolTip(
            self.tr("Left out: {numbers}").format(
                numbers=", ".join(
                    self.tr("{number} ({reason})").format(
                        number=i.value, reason=reason_text(i.reason)
                    )
                    for i in preview.invalid[:10]
                )
            )
            if preview.invalid
            else ""
        )
        total = self.tr("%Ln SMS part(s) in total", "", preview.total_parts)
        if preview.ucs2_messages:
            total = self.tr("{total} ({ucs2})").format(
                total=total, ucs2=self.tr("%Ln message(s) in UCS-2", "", preview.ucs2_messages)
            )
        self.total_parts_label.setText(total)
        self.credits_label.setText(credits_text(quote.credits))
        self.credits_label.setToolTip(
            self.tr("The gateway's price of one part times every recipient's parts")
        )
        self.credits_left_label.setText(credits_text(quote.credits_left))
        self.sender_label.setText(self._sender or self.tr("the gateway's default"))
        self.kind_label.setText(
            self.tr("commercial (STOP clause added)")
            if self._commercial
            else self.tr("non-commercial")
        )
        if self._send_now and not preview.postponed:
            when = self.tr("now")
        elif preview.postponed:
            when = self.tr("{instant} (outside the sending window until then)").format(
                instant=local_text(preview.starts_at)
            )
        else:
            when = local_text(preview.starts_at)
        self.when_label.setText(when)
        if quote.shortfall and quote.credits is not None and quote.credits_left is not None:
            self.shortfall_label.setText(
                self.tr(
                    "This campaign needs {needed} credits; the account has {left}: "
                    "{missing} missing"
                ).format(
                    needed=formats.credits(quote.credits),
                    left=formats.credits(quote.credits_left),
                    missing=formats.credits(quote.credits - quote.credits_left),
                )
            )
        self.overdraft_box.setText(self.tr("Send &anyway: I will top up"))
        self.overdraft_box.setToolTip(
            self.tr("The gateway may refuse the messages the credits do not cover")
        )
        longest = preview.longest.parts if preview.longest is not None else 0
        if preview.long_message is not None:
            self.long_label.setText(
                self.tr(
                    "A message is {parts} SMS parts long (more than {limit}): each part is paid"
                ).format(parts=formats.count(longest), limit=formats.count(LONG_MESSAGE_PARTS))
            )
            self.long_box.setText(self.tr("&Yes, send messages of %Ln part(s)", "", longest))
            self.long_box.setToolTip(self.tr("Each part is paid as one SMS"))
        self.samples_title.setText(self.tr("First messages and the longest one:"))
        self.samples.setHorizontalHeaderLabels(
            [self.tr("Receiver"), self.tr("Parts"), self.tr("Message")]
        )
        self.samples.setToolTip(self.tr("What these recipients will read, placeholders filled"))
        self.send_button.setText(
            self.tr("&Send %Ln message(s)", "", preview.recipients)
            if self._send_now and not preview.postponed
            else self.tr("&Schedule")
        )
        self.send_button.setToolTip(self.tr("Create the campaign: nothing is sent before this"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Back to the message: nothing is sent"))

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
