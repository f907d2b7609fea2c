"""Send tab: recipients (a list and/or pasted numbers), the message with its live counter and
UCS-2 helpers, sender, commercial or not, now or later, a per-recipient preview, and a
confirmation that shows the real cost before anything is sent."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.sending_window import ALWAYS_OPEN
from smsdesk.services.campaigns import (
    CampaignCreated,
    CampaignPreview,
    CampaignRequest,
    CampaignService,
    GatewayInfo,
    ListChoice,
    Quote,
    RenderedMessage,
    sender_problem,
    split_receivers,
)
from smsdesk.services.settings import SendPreferences, SettingsService
from smsdesk.services.templates import TemplateInfo, TemplateService
from smsdesk.ui.confirm_dialog import ConfirmDialog, local_text
from smsdesk.ui.message_editor import MessageEditor
from smsdesk.ui.table_models import readable_number
from smsdesk.ui.templates_dialog import TemplatesDialog
from smsdesk.ui.workers import WorkerPool

PREVIEW_DELAY_MS = 250
PAST_CHECK_MS = 15_000  # an instant left in the picker slides into the past
WARNING_STYLE = "color: #a15c00"
ERROR_STYLE = "color: #b3261e"


def qdatetime_to_utc(value: QDateTime) -> datetime:
    """A local date and time from the picker, as an aware UTC instant. Qt resolves the
    daylight-saving cases (a skipped hour moves forward, a repeated one takes the first)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def utc_to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


class SendTab(QWidget):
    campaign_created = Signal(object)  # CampaignCreated
    status_message = Signal(str)

    def __init__(
        self,
        campaigns: CampaignService,
        workers: WorkerPool,
        *,
        provider: str = "simulator",
        templates: TemplateService | None = None,
        preferences: SettingsService | None = None,
    ) -> None:
        super().__init__()
        self._campaigns = campaigns
        self._workers = workers
        self._provider = provider
        self._templates = templates
        self._preferences = preferences
        self._prefs = preferences.preferences() if preferences else SendPreferences()
        self._preview_generation = 0
        self._busy = False  # a quote or a create is on its way
        self.instant_problem: str | None = None  # the At instant is in the past
        self.last_preview: CampaignPreview | None = None
        self.gateway: GatewayInfo | None = None
        self.confirm_dialog: ConfirmDialog | None = None
        self.templates_dialog: TemplatesDialog | None = None

        # recipients
        self.list_picker = QComboBox()
        self.list_picker.addItem(self.tr("No list"), None)
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(
            self.tr(
                "Numbers, one a line or separated by commas or semicolons:\n"
                "06 12 34 56 78\n+33 6 98 76 54 32"
            )
        )
        self.recipients.setMaximumHeight(110)
        self.recipients_count = QLabel()
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)

        # message
        self.editor = MessageEditor()
        self.message = self.editor.edit
        self.counter = self.editor.counter
        self.fix_button = self.editor.fix_button
        self.fields_button = QToolButton()
        self.fields_button.setText(self.tr("Insert &field"))
        self.fields_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.fields_menu = QMenu(self.fields_button)
        self.fields_button.setMenu(self.fields_menu)
        self.templates_button = QPushButton(self.tr("Te&mplates…"))
        self.templates_button.setEnabled(templates is not None)
        self.commercial = QCheckBox(
            self.tr("&Commercial message: adds the STOP clause and keeps to the sending window")
        )

        # sender
        self.sender = QComboBox()
        self.sender.setEditable(True)
        self.sender.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.sender.lineEdit()
        line.setMaxLength(15)
        line.setPlaceholderText(self.tr("Gateway default (a number people can reply to)"))
        self.sender.setEditText(self._prefs.default_sender)
        self.sender_error = QLabel()
        self.sender_error.setStyleSheet(ERROR_STYLE)

        # when
        self.now_radio = QRadioButton(self.tr("&Now"))
        self.at_radio = QRadioButton(self.tr("&At"))
        self.now_radio.setChecked(True)
        when_group = QButtonGroup(self)
        when_group.addButton(self.now_radio)
        when_group.addButton(self.at_radio)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("ddd dd/MM/yyyy HH:mm")
        self.at_edit.setEnabled(False)
        self.defer_box = QCheckBox(self.tr("Let the gateway keep the schedule"))
        self.defer_box.setToolTip(
            self.tr("The gateway sends at the planned instant even if this computer is off")
        )
        self.defer_box.setEnabled(False)
        self.past_label = QLabel()  # "in the past", next to the picker, as it is edited
        self.past_label.setObjectName("past")
        self.past_label.setStyleSheet(ERROR_STYLE + "; font-weight: bold")
        self.past_label.setVisible(False)
        self.start_label = QLabel()
        self.start_label.setWordWrap(True)

        # preview
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Receiver"), self.tr("Parts"), self.tr("Message")]
        )
        self.preview_table.verticalHeader().setVisible(False)
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview_table.setMaximumHeight(140)
        self.total_label = QLabel()
        self.total_label.setObjectName("total_parts")

        self.test_button = QPushButton(self.tr("Send a &test to me"))
        self.send_button = QPushButton(self.tr("&Send…"))
        self.send_button.setDefault(True)
        self.send_button.setToolTip(self.tr("Check and send (Ctrl+Return)"))

        # other lists in the same campaign (a number once across them)
        self.more_lists_button = QToolButton()
        self.more_lists_button.setText(self.tr("+ other lists"))
        self.more_lists_button.setToolTip(
            self.tr("Send to several lists at once: a number in two lists gets one message")
        )
        self.more_lists_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_lists_menu = QMenu(self.more_lists_button)
        self.more_lists_button.setMenu(self.more_lists_menu)

        # shown when merged values ({prénom}...) turn messages into UCS-2
        self.transliterate_box = QCheckBox()
        self.transliterate_box.setVisible(False)
        self.transliterate_box.setToolTip(
            self.tr(
                "Only the values merged into the message change (ç → c, œ → oe, ê → e); "
                "GSM-7's own é è ù à stay, and so does the text you wrote"
            )
        )
        self.transliterate_box.toggled.connect(self._schedule_preview)

        # layout
        message_tools = QHBoxLayout()
        message_tools.addWidget(self.fields_button)
        message_tools.addWidget(self.templates_button)
        message_tools.addStretch(1)
        when_row = QHBoxLayout()
        when_row.addWidget(self.now_radio)
        when_row.addWidget(self.at_radio)
        when_row.addWidget(self.at_edit)
        when_row.addWidget(self.past_label)
        when_row.addWidget(self.defer_box)
        when_row.addStretch(1)
        form = QFormLayout()
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_picker, 1)
        list_row.addWidget(self.more_lists_button)
        form.addRow(self.tr("Recipient &list"), list_row)
        form.addRow(self.tr("&Numbers"), self.recipients)
        form.addRow("", self.recipients_count)
        form.addRow("", self.audience_label)
        form.addRow(self.tr("&Message"), self.editor)
        form.addRow("", message_tools)
        form.addRow("", self.commercial)
        form.addRow(self.tr("S&ender"), self.sender)
        form.addRow("", self.sender_error)
        form.addRow(self.tr("When"), when_row)
        form.addRow("", self.start_label)
        form.addRow(self.tr("Preview"), self.preview_table)
        form.addRow("", self.total_label)
        form.addRow("", self.transliterate_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.editor.changed.connect(self._schedule_preview)
        self.recipients.textChanged.connect(self._update_recipients)
        self.list_picker.currentIndexChanged.connect(self._schedule_preview)
        self.commercial.toggled.connect(self._commercial_toggled)
        self.sender.editTextChanged.connect(self._update_sender)
        self.now_radio.toggled.connect(self._when_changed)
        self.at_edit.dateTimeChanged.connect(self._at_changed)
        self._past_timer = QTimer(self)
        self._past_timer.setInterval(PAST_CHECK_MS)
        self._past_timer.timeout.connect(self._check_past)
        self._past_timer.start()
        self.defer_box.toggled.connect(self._schedule_preview)
        self.templates_button.clicked.connect(self.open_templates)
        self.test_button.clicked.connect(self.send_test)
        self.send_button.clicked.connect(self.send)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.send)
        self._update_recipients()
        self._update_sender()
        self._rebuild_fields_menu(("name",))
        self.reload_lists()
        self.load_gateway()

    # -- loading ---------------------------------------------------------------------

    def reload_lists(self) -> None:
        self._workers.run(
            lambda **_: self._campaigns.recipient_lists(),
            on_result=self._lists_loaded,
            on_error=self._lists_failed,
        )

    # results come back to bound methods: Qt drops them if the tab is gone by then
    def _lists_failed(self, message: str) -> None:
        self.status_message.emit(self.tr("Recipient lists: {0}").format(message))

    def _lists_loaded(self, lists: list[ListChoice]) -> None:
        current = self.list_picker.currentData()
        self.list_picker.blockSignals(True)
        self.list_picker.clear()
        self.list_picker.addItem(self.tr("No list"), None)
        for choice in lists:
            self.list_picker.addItem(f"{choice.name} ({choice.contacts})", choice.name)
        index = self.list_picker.findData(current)
        self.list_picker.setCurrentIndex(max(0, index))
        self.list_picker.blockSignals(False)
        checked = set(self.more_lists())
        self.more_lists_menu.clear()
        for choice in lists:
            action = self.more_lists_menu.addAction(f"{choice.name} ({choice.contacts})")
            action.setCheckable(True)
            action.setData(choice.name)
            action.setChecked(choice.name in checked)
            action.toggled.connect(self._more_lists_changed)
        self._show_more_lists()
        if index < 0 and current is not None:
            self._schedule_preview()

    def set_provider(self, name: str) -> None:
        """New campaigns go through `name`; reload its senders and abilities."""
        self._provider = name
        self.load_gateway()

    def load_gateway(self) -> None:
        self._workers.run(
            lambda **_: self._campaigns.gateway_info(self._provider),
            on_result=self._gateway_loaded,
            on_error=self._gateway_failed,
        )

    def _gateway_failed(self, message: str) -> None:
        self.status_message.emit(self.tr("Gateway {0}: {1}").format(self._provider, message))

    def _gateway_loaded(self, info: GatewayInfo) -> None:
        self.gateway = info
        text = self.sender.currentText()
        self.sender.blockSignals(True)
        self.sender.clear()
        self.sender.addItem("")  # the gateway's default: a number people can reply to
        self.sender.setItemData(
            0, self.tr("The gateway's default sender"), Qt.ItemDataRole.ToolTipRole
        )
        for sender in info.senders:
            self.sender.addItem(sender.name)
            index = self.sender.count() - 1
            label = {
                "enable": self.tr("approved"),
                "waitingValidation": self.tr("waiting for approval"),
                "refused": self.tr("refused"),
                "disable": self.tr("disabled"),
            }.get(sender.status, sender.status)
            self.sender.setItemData(index, f"{sender.name}: {label}", Qt.ItemDataRole.ToolTipRole)
        self.sender.setEditText(text)
        self.sender.blockSignals(False)
        self.defer_box.setEnabled(info.can_defer and self.at_radio.isChecked())
        self._update_sender()

    def apply_preferences(self) -> None:
        """Settings changed: new default sender and window (the preview shows it)."""
        if self._preferences is not None:
            self._prefs = self._preferences.preferences()
        if not self.sender.currentText().strip():
            self.sender.setEditText(self._prefs.default_sender)
        self._schedule_preview()

    # -- reacting to edits -----------------------------------------------------------

    def _update_recipients(self) -> None:
        count = len(split_receivers([self.recipients.toPlainText()]))  # domain's split_numbers
        self.recipients_count.setText(self.tr("{0} number(s)").format(count))
        self._schedule_preview()

    def _update_sender(self) -> None:
        sender = self.sender.currentText().strip()
        problem = sender_problem(sender)
        if problem is None and self.gateway is not None:
            status = {s.name: s.status for s in self.gateway.senders}.get(sender)
            if status is not None and status != "enable":
                self.sender_error.setStyleSheet(WARNING_STYLE)
                self.sender_error.setText(
                    self.tr("{0} is not approved by the gateway yet ({1})").format(sender, status)
                )
                return
        self.sender_error.setStyleSheet(ERROR_STYLE)
        self.sender_error.setText(problem or "")

    def _commercial_toggled(self, commercial: bool) -> None:
        self.editor.set_commercial(commercial)

    def _when_changed(self) -> None:
        later = self.at_radio.isChecked()
        self.at_edit.setEnabled(later)
        self.defer_box.setEnabled(later and self.gateway is not None and self.gateway.can_defer)
        if not later:
            self.defer_box.setChecked(False)
        self._check_past()
        self._schedule_preview()

    def _at_changed(self) -> None:
        self._check_past()
        self._schedule_preview()

    def _check_past(self) -> None:
        """Say "in the past" next to the picker at once (the service's own rule) and keep
        Send off until the instant is ahead again."""
        at = qdatetime_to_utc(self.at_edit.dateTime()) if self.at_radio.isChecked() else None
        self.instant_problem = self._campaigns.instant_problem(at)
        self.past_label.setText(self.tr("in the past") if self.instant_problem else "")
        self.past_label.setToolTip(self.instant_problem or "")
        self.past_label.setVisible(self.instant_problem is not None)
        self._update_send_button()

    def _update_send_button(self) -> None:
        self.send_button.setEnabled(not self._busy and self.instant_problem is None)
        self.send_button.setToolTip(
            self.tr("Not sent: {0}").format(self.instant_problem)
            if self.instant_problem
            else self.tr("Check and send (Ctrl+Return)")
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_send_button()

    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def more_lists(self) -> list[str]:
        """The other lists ticked in the "+ other lists" menu."""
        return [
            str(action.data())
            for action in self.more_lists_menu.actions()
            if action.isChecked() and action.data() != self.list_picker.currentData()
        ]

    def _more_lists_changed(self, _checked: bool) -> None:
        self._show_more_lists()
        self._schedule_preview()

    def _show_more_lists(self) -> None:
        count = len(self.more_lists())
        self.more_lists_button.setText(
            self.tr("+ {0} other list(s)").format(count) if count else self.tr("+ other lists")
        )

    def request(self) -> CampaignRequest:
        """What the form asks for, as the services take it."""
        list_name = self.list_picker.currentData()
        return CampaignRequest(
            body=self.editor.text(),
            receivers=[self.recipients.toPlainText()],
            list_name=list_name if isinstance(list_name, str) else None,
            sender=self.sender.currentText().strip(),
            scheduled_at=qdatetime_to_utc(self.at_edit.dateTime())
            if self.at_radio.isChecked()
            else None,
            provider=self._provider,
            commercial=self.commercial.isChecked(),
            region=self._prefs.region,
            provider_deferred=self.defer_box.isEnabled() and self.defer_box.isChecked(),
            transliterate=self.transliterate_box.isVisible() and self.transliterate_box.isChecked(),
            more_lists=tuple(self.more_lists()),
        )

    # -- preview ---------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        self._preview_generation += 1
        generation = self._preview_generation
        request = self.request()
        self._workers.run(
            lambda **_: (generation, self._campaigns.preview(request)),
            on_result=self._previewed,
            on_error=self._preview_failed,
        )

    def _preview_failed(self, message: str) -> None:
        self.audience_label.setStyleSheet(ERROR_STYLE)
        self.audience_label.setText(message)

    def _previewed(self, answer: tuple[int, CampaignPreview]) -> None:
        generation, preview = answer
        if generation != self._preview_generation:
            return  # an older answer: the form changed since
        self.last_preview = preview
        words = [self.tr("{0} recipient(s)").format(preview.recipients)]
        if preview.duplicates:
            words.append(self.tr("{0} duplicate(s) removed").format(preview.duplicates))
        if preview.stopped:
            words.append(self.tr("{0} stop-listed removed").format(preview.stopped))
        if preview.invalid:
            # left out and counted, as an import does: they never block the others
            shown = ", ".join(f"{i.value!r} ({i.reason})" for i in preview.invalid[:3])
            words.append(self.tr("{0} left out: {1}").format(len(preview.invalid), shown))
        self.audience_label.setStyleSheet("")
        self.audience_label.setText(" · ".join(words))
        self._rebuild_fields_menu(preview.columns)
        self._show_samples(preview)
        if self.editor.text().strip() and preview.recipients:
            ucs2 = (
                self.tr(", {0} in UCS-2").format(preview.ucs2_messages)
                if preview.ucs2_messages
                else ""
            )
            text = self.tr("Total: {parts} SMS part(s) for {recipients} recipient(s)").format(
                parts=preview.total_parts, recipients=preview.recipients
            )
            text += ucs2
            if "{" in self.editor.text() and preview.longest is not None:
                # the counter counts {placeholders} as typed; each recipient has their own
                text += self.tr(" · up to {0} part(s) per recipient once filled in").format(
                    preview.longest.parts
                )
            self.total_label.setText(text)
        else:
            self.total_label.setText("")
        if preview.unknown_placeholders:
            self.total_label.setText(preview.problem or "")
        self._show_transliteration(preview)
        self._show_start(preview)

    def _show_transliteration(self, preview: CampaignPreview) -> None:
        box = self.transliterate_box
        if preview.transliterated_parts is not None:
            box.setText(
                self.tr(
                    "The merged values put {count} message(s) in UCS-2: {parts} part(s) "
                    "instead of {fewer}. Transliterate them (ç → c, œ → oe, ê → e)"
                ).format(
                    count=preview.ucs2_from_fields,
                    parts=preview.total_parts,
                    fewer=preview.transliterated_parts,
                )
            )
            box.setVisible(True)
        elif box.isChecked() and "{" in self.editor.text():
            box.setText(self.tr("Merged values transliterated (ç → c, œ → oe, ê → e)"))
            box.setVisible(True)
        else:
            box.setVisible(False)

    def _show_samples(self, preview: CampaignPreview) -> None:
        rows: list[RenderedMessage] = list(preview.samples)
        if preview.longest is not None and preview.longest not in rows:
            rows.append(preview.longest)
        if not self.editor.text().strip():
            rows = []
        self.preview_table.setRowCount(0)
        for rendered in rows:
            row = self.preview_table.rowCount()
            self.preview_table.insertRow(row)
            receiver = readable_number(rendered.receiver)
            if rendered is preview.longest and len(rows) > len(preview.samples):
                receiver += self.tr(" (longest)")
            self.preview_table.setItem(row, 0, QTableWidgetItem(receiver))
            self.preview_table.setItem(row, 1, QTableWidgetItem(str(rendered.parts)))
            self.preview_table.setItem(row, 2, QTableWidgetItem(rendered.body.replace("\n", " ")))

    def _show_start(self, preview: CampaignPreview) -> None:
        if preview.postponed:
            prefix = (
                self.tr("Outside the sending window")
                if self.now_radio.isChecked()
                else self.tr("Postponed")
            )
            self.start_label.setStyleSheet(WARNING_STYLE)
            self.start_label.setText(
                self.tr("{0}: the campaign will start {1}").format(
                    prefix, local_text(preview.starts_at)
                )
            )
        elif self.at_radio.isChecked():
            self.start_label.setStyleSheet("")
            self.start_label.setText(self.tr("Starts {0}").format(local_text(preview.starts_at)))
        else:
            self.start_label.setStyleSheet("")
            self.start_label.setText("")

    def _rebuild_fields_menu(self, columns: tuple[str, ...]) -> None:
        self.fields_menu.clear()
        for column in columns:
            action = self.fields_menu.addAction("{" + column + "}")
            action.triggered.connect(lambda _=False, c=column: self.editor.insert_placeholder(c))

    # -- templates -------------------------------------------------------------------

    def open_templates(self) -> None:
        if self._templates is None:
            return
        dialog = TemplatesDialog(
            self._templates,
            current_body=self.editor.text(),
            current_commercial=self.commercial.isChecked(),
            parent=self,
        )
        dialog.chosen.connect(self.load_template)
        self.templates_dialog = dialog
        dialog.open()

    def load_template(self, template: TemplateInfo) -> None:
        self.editor.set_text(template.body)
        self.commercial.setChecked(template.commercial)
        self.status_message.emit(self.tr("Template {0!r} loaded").format(template.name))

    # -- sending ---------------------------------------------------------------------

    def send(self) -> None:
        self._check_past()
        if not self.send_button.isEnabled():
            if self.instant_problem:
                self.status_message.emit(self.tr("Not sent: {0}").format(self.instant_problem))
            return
        request = self.request()
        problem = sender_problem(request.sender)
        if problem:
            self.status_message.emit(self.tr("Not sent: {0}").format(problem))
            return
        if not request.body.strip():
            self.status_message.emit(self.tr("Not sent: the message is empty"))
            return
        self._set_busy(True)
        self.status_message.emit(self.tr("Counting the cost…"))
        self._workers.run(
            lambda **_: (request, self._campaigns.quote(request)),
            on_result=self._quoted,
            on_error=self._failed,
        )

    def _quoted(self, answer: tuple[CampaignRequest, Quote]) -> None:
        request, quote = answer
        problem = quote.preview.problem
        if problem:
            self._failed(problem)
            return
        dialog = ConfirmDialog(
            quote,
            sender=request.sender,
            commercial=request.commercial,
            send_now=request.scheduled_at is None,
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self._confirmed(
                replace(
                    request, allow_overdraft=dialog.allow_overdraft, allow_long=dialog.allow_long
                )
            )
        )
        dialog.rejected.connect(self._declined)
        self.confirm_dialog = dialog
        self.status_message.emit("")
        dialog.open()

    def _declined(self) -> None:
        self._set_busy(False)
        self.status_message.emit(self.tr("Not sent"))

    def _confirmed(self, request: CampaignRequest) -> None:
        self.status_message.emit(self.tr("Creating the campaign…"))
        self._workers.run(
            lambda **_: self._campaigns.create(request),
            on_result=self._created,
            on_error=self._failed,
        )

    def _created(self, created: CampaignCreated) -> None:
        self._set_busy(False)
        self.recipients.clear()
        self.editor.clear()
        if created.starts_at is not None and (created.postponed or created.scheduled_at):
            when = self.tr("will start {0}").format(local_text(created.starts_at))
        else:
            when = self.tr("queued")
        removed = ""
        if created.stopped or created.duplicates:
            removed = self.tr(" ({0} stop-listed, {1} duplicate(s) removed)").format(
                created.stopped, created.duplicates
            )
        self.status_message.emit(
            self.tr("Campaign {0}: {1} message(s) {2}").format(created.id, created.messages, when)
            + removed
        )
        self.campaign_created.emit(created)

    def _failed(self, reason: str) -> None:
        self._set_busy(False)
        self.status_message.emit(self.tr("Not sent: {0}").format(reason))

    def send_test(self) -> None:
        """One copy to the user's own number, now, whatever the window."""
        number = self._prefs.test_number
        if not number:
            number, ok = QInputDialog.getText(
                self,
                self.tr("Send a test to me"),
                self.tr("Your mobile number (kept in Settings):"),
            )
            number = number.strip()
            if not ok or not number:
                return
            self._prefs = SendPreferences(
                commercial_window=self._prefs.commercial_window,
                default_sender=self._prefs.default_sender,
                region=self._prefs.region,
                test_number=number,
            )
            if self._preferences is not None:
                self._preferences.save_preferences(self._prefs)
        body = self.editor.text()
        preview = self.last_preview
        if preview is not None and preview.samples and "{" in body:
            body = preview.samples[0].body  # what the first recipient would read
        request = CampaignRequest(
            body=body,
            receivers=[number],
            sender=self.sender.currentText().strip(),
            provider=self._provider,
            commercial=self.commercial.isChecked(),
            region=self._prefs.region,
            window=ALWAYS_OPEN,
            name=f"Test: {body.strip()[:24]}",
            tag="test",
            allow_long=True,  # one copy to oneself: the user sees what a long one looks like
        )
        self.test_button.setEnabled(False)
        self._workers.run(
            lambda **_: self._campaigns.create(request),
            on_result=self._test_created,
            on_error=self._test_failed,
        )

    def _test_created(self, created: CampaignCreated) -> None:
        self.test_button.setEnabled(True)
        self.status_message.emit(
            self.tr("Test sent to {0}").format(readable_number(self._prefs.test_number))
        )
        self.campaign_created.emit(created)

    def _test_failed(self, reason: str) -> None:
        self.test_button.setEnabled(True)
        self.status_message.emit(self.tr("Test not sent: {0}").format(reason))
