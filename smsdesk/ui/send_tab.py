"""Send tab: recipients (lists and/or pasted numbers), the message with its live counter and
UCS-2 helpers, sender, commercial or not, now or later, a per-recipient preview, and a
confirmation that shows the real cost before anything is sent.

Nothing here touches the database on the GUI thread: lists, preferences, previews, quotes,
templates and the campaign itself all go through the WorkerPool, and the answers come back
to bound methods (Qt drops them if the tab is gone by then)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.phone import NumberKind, normalize, precise_reason, split_numbers
from smsdesk.domain.sending_window import ALWAYS_OPEN
from smsdesk.services.campaigns import (
    CampaignCreated,
    CampaignPreview,
    CampaignRequest,
    CampaignService,
    GatewayInfo,
    InvalidNumber,
    ListChoice,
    Quote,
    RenderedMessage,
    SenderProblem,
    placeholders,
    sender_problem_kind,
)
from smsdesk.services.settings import SendPreferences, SettingsService
from smsdesk.services.templates import TemplateInfo, TemplateService
from smsdesk.ui import formats
from smsdesk.ui.confirm_dialog import ConfirmDialog, local_text, reason_text
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.message_editor import MessageEditor
from smsdesk.ui.templates_dialog import TemplatesDialog
from smsdesk.ui.workers import WorkerPool

PREVIEW_DELAY_MS = 250
PAST_CHECK_MS = 15_000  # an instant left in the picker slides into the past
WARNING_STYLE = "color: #a15c00"
ERROR_STYLE = "color: #b3261e"
INVALID_SHOWN = 3  # left-out numbers named in the audience line


def qdatetime_to_utc(value: QDateTime) -> datetime:
    """A local date and time from the picker, as an aware UTC instant. Qt resolves the
    daylight-saving cases (a skipped hour moves forward, a repeated one takes the first)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def utc_to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def picker_format() -> str:
    """The At picker's format in the language's own order, weekday first, four-digit year."""
    day = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in day:
        day = day.replace("yy", "yyyy")
    return f"ddd {day} HH:mm"


class OwnNumberDialog(Retranslating, QDialog):
    """Asks for the user's own mobile once ("Send a test to me"), checked as it is typed."""

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self.number_edit = QLineEdit()
        self.prompt = QLabel()
        self.prompt.setBuddy(self.number_edit)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.number_edit)
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        self.number_edit.textChanged.connect(self._check)
        self.e164: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send a test to me"))
        self.prompt.setText(self.tr("Your &mobile number (kept in Preferences):"))
        self.number_edit.setPlaceholderText(self.tr("06 12 34 56 78"))
        self.number_edit.setToolTip(self.tr("The test message goes to this mobile"))
        self._check()

    def _check(self) -> None:
        text = self.number_edit.text().strip()
        parsed = normalize(text, self._region) if text else None
        self.e164 = None
        if parsed is None:
            self.feedback.setText("")
        elif parsed.e164 is None:
            reason = precise_reason(parsed, self._region) or "not a phone number"
            self.feedback.setStyleSheet(ERROR_STYLE)
            self.feedback.setText(reason_text(reason))
        elif parsed.kind is not NumberKind.MOBILE:
            self.feedback.setStyleSheet(ERROR_STYLE)
            self.feedback.setText(reason_text("not a mobile"))
        else:
            self.e164 = parsed.e164
            self.feedback.setStyleSheet("")
            self.feedback.setText(formats.phone(parsed.e164))
        self.ok_button.setEnabled(self.e164 is not None)


class SendTab(Retranslating, QWidget):
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
        self._prefs = SendPreferences()  # until the worker has read them
        self._lists: list[ListChoice] = []
        self._draft_list_ids: list[int] | None = None  # a draft's lists, until lists load
        self._preview_generation = 0
        self._busy = False  # a quote or a create is on its way
        self.instant_problem: str | None = None  # the At instant is in the past
        self.last_preview: CampaignPreview | None = None
        self.gateway: GatewayInfo | None = None
        self.confirm_dialog: ConfirmDialog | None = None
        self.templates_dialog: TemplatesDialog | None = None
        self.test_number_dialog: OwnNumberDialog | None = None

        # recipients
        self.list_picker = QComboBox()
        self.list_picker.addItem("", None)
        self.recipients = QPlainTextEdit()
        self.recipients.setMaximumHeight(110)
        self.recipients_count = QLabel()
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)

        # message
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.editor = MessageEditor()
        self.message = self.editor.edit
        self.counter = self.editor.counter
        self.fix_button = self.editor.fix_button
        self.fields_button = QToolButton()
        self.fields_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.fields_menu = QMenu(self.fields_button)
        self.fields_button.setMenu(self.fields_menu)
        self.templates_button = QPushButton()
        self.templates_button.setEnabled(templates is not None)
        self.commercial = QCheckBox()

        # sender ("sender" is QObject.sender(): the box has its own name)
        self.sender_box = QComboBox()
        self.sender_box.setEditable(True)
        self.sender_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._sender_line().setMaxLength(15)
        self.sender_error = QLabel()
        self.sender_error.setStyleSheet(ERROR_STYLE)
        self.sender_error.setWordWrap(True)

        # when
        self.now_radio = QRadioButton()
        self.at_radio = QRadioButton()
        self.now_radio.setChecked(True)
        when_group = QButtonGroup(self)
        when_group.addButton(self.now_radio)
        when_group.addButton(self.at_radio)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setEnabled(False)
        self.defer_box = QCheckBox()
        self.defer_box.setEnabled(False)
        self.past_label = QLabel()  # "in the past", next to the picker, as it is edited
        self.past_label.setObjectName("past")
        self.past_label.setStyleSheet(ERROR_STYLE + "; font-weight: bold")
        self.past_label.setVisible(False)
        self.start_label = QLabel()
        self.start_label.setWordWrap(True)

        # preview
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.verticalHeader().setVisible(False)
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview_table.setMaximumHeight(140)
        self.total_label = QLabel()
        self.total_label.setObjectName("total_parts")
        self.total_label.setWordWrap(True)

        self.busy_bar = QProgressBar()  # a quote or a create on its way
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setVisible(False)
        self.test_button = QPushButton()
        self.send_button = QPushButton()
        self.send_button.setDefault(True)

        # other lists in the same campaign (a number once across them)
        self.more_lists_button = QToolButton()
        self.more_lists_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_lists_menu = QMenu(self.more_lists_button)
        self.more_lists_button.setMenu(self.more_lists_menu)

        # shown when merged values ({prénom}...) turn messages into UCS-2
        self.transliterate_note = QLabel()  # what the merged values cost, wrapped
        self.transliterate_note.setWordWrap(True)
        self.transliterate_note.setStyleSheet(WARNING_STYLE)
        self.transliterate_note.setVisible(False)
        self.transliterate_box = QCheckBox()
        self.transliterate_box.setVisible(False)
        self.transliterate_box.toggled.connect(self._schedule_preview)

        # layout: row labels kept to be retranslated, each the buddy of its field
        self.row_labels: dict[str, QLabel] = {}

        def label(key: str, buddy: QWidget | None = None) -> QLabel:
            self.row_labels[key] = QLabel()
            if buddy is not None:
                self.row_labels[key].setBuddy(buddy)
            return self.row_labels[key]

        message_tools = QHBoxLayout()
        message_tools.addWidget(self.fields_button)
        message_tools.addWidget(self.templates_button)
        message_tools.addStretch(1)
        when_row = QHBoxLayout()
        when_row.addWidget(self.now_radio)
        when_row.addWidget(self.at_radio)
        when_row.addWidget(self.at_edit)
        when_row.addWidget(self.past_label)
        when_row.addStretch(1)
        form = QFormLayout()
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_picker, 1)
        list_row.addWidget(self.more_lists_button)
        form.addRow(label("list", self.list_picker), list_row)
        form.addRow(label("numbers", self.recipients), self.recipients)
        form.addRow("", self.recipients_count)
        form.addRow("", self.audience_label)
        form.addRow(label("name", self.name_edit), self.name_edit)
        form.addRow(label("message", self.message), self.editor)
        form.addRow("", message_tools)
        form.addRow("", self.commercial)
        form.addRow(label("sender", self.sender_box), self.sender_box)
        form.addRow("", self.sender_error)
        form.addRow(label("when"), when_row)
        form.addRow("", self.defer_box)
        form.addRow("", self.start_label)
        form.addRow(label("preview"), self.preview_table)
        form.addRow("", self.total_label)
        form.addRow("", self.transliterate_note)
        form.addRow("", self.transliterate_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.busy_bar)
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
        self.sender_box.editTextChanged.connect(self._update_sender)
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
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.send)
        self._rebuild_fields_menu(("name",))
        self.retranslate()
        self.refresh()
        self.load_gateway()

    # -- words -----------------------------------------------------------------------

    def retranslate(self) -> None:
        row_texts = {
            "list": self.tr("Recipient &list"),
            "numbers": self.tr("N&umbers"),
            "name": self.tr("Campai&gn name"),
            "message": self.tr("&Message"),
            "sender": self.tr("S&ender"),
            "when": self.tr("When"),
            "preview": self.tr("Preview"),
        }
        for key, text in row_texts.items():
            self.row_labels[key].setText(text)
        self.list_picker.setItemText(0, self.tr("No list"))
        self.list_picker.setToolTip(self.tr("The recipient list to send to (Contacts tab)"))
        self.more_lists_button.setToolTip(
            self.tr("Send to several lists at once: a number in two lists gets one message")
        )
        self.recipients.setPlaceholderText(
            self.tr(
                "Numbers, one a line or separated by commas or semicolons:\n"
                "06 12 34 56 78\n+33 6 98 76 54 32"
            )
        )
        self.recipients.setToolTip(
            self.tr(
                "Numbers pasted here are read as an import reads them: landlines and invalid "
                "numbers are left out and counted, never a reason to hold the others back"
            )
        )
        self.name_edit.setPlaceholderText(self.tr("Optional: the start of the message"))
        self.name_edit.setToolTip(self.tr("How the campaign is named in Scheduled and History"))
        self.fields_button.setText(self.tr("Insert &field"))
        self.fields_button.setToolTip(
            self.tr("Insert a column of the recipients ({name}…): each one reads their own value")
        )
        self.templates_button.setText(self.tr("Tem&plates…"))
        self.templates_button.setToolTip(self.tr("Load a saved message or save this one"))
        self.commercial.setText(self.tr("&Commercial message (STOP clause, sending window)"))
        self.commercial.setToolTip(
            self.tr(
                "Advertising: the gateway adds the STOP clause (a way to opt out) and the "
                "campaign is sent only within the sending window of Preferences"
            )
        )
        self._sender_line().setPlaceholderText(
            self.tr("Gateway default (a number people can reply to)")
        )
        self.sender_box.setToolTip(
            self.tr(
                "Up to 11 letters or digits shown instead of a number; people cannot reply "
                "to a name"
            )
        )
        if self.sender_box.count():
            self.sender_box.setItemData(
                0, self.tr("The gateway's default sender"), Qt.ItemDataRole.ToolTipRole
            )
        self.now_radio.setText(self.tr("&Now"))
        self.now_radio.setToolTip(self.tr("Send as soon as the campaign is created"))
        self.at_radio.setText(self.tr("&At"))
        self.at_radio.setToolTip(self.tr("Send at the date and time chosen"))
        self.at_edit.setLocale(QLocale())
        self.at_edit.setDisplayFormat(picker_format())
        self.at_edit.setToolTip(self.tr("The date and time the campaign starts (local time)"))
        self.defer_box.setText(self.tr("Let the gateway keep the schedule"))
        self.defer_box.setToolTip(
            self.tr("The gateway sends at the planned instant even if this computer is off")
        )
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Receiver"), self.tr("Parts"), self.tr("Message")]
        )
        self.preview_table.setToolTip(
            self.tr("What the first recipients will read, and the longest message")
        )
        self.transliterate_box.setToolTip(
            self.tr(
                "Only the values merged into the message change (ç → c, œ → oe, ê → e); "
                "GSM-7's own é è ù à stay, and so does the text you wrote"
            )
        )
        self.test_button.setText(self.tr("Send a test t&o me"))
        self.test_button.setToolTip(
            self.tr("One copy to your own mobile, now, as the first recipient would read it")
        )
        self.send_button.setText(self.tr("&Send…"))
        self.busy_bar.setToolTip(self.tr("Working…"))
        # what depends on the state, said again in the new language
        self._update_recipients()
        self._update_sender()
        self._show_more_lists()
        self._check_past()
        if self.last_preview is not None:
            self._show_preview(self.last_preview)

    def _sender_line(self) -> QLineEdit:
        line = self.sender_box.lineEdit()
        assert line is not None  # the box is editable
        return line

    # -- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what the tab shows (lists, preferences) through workers; the preview
        follows."""
        self.reload_lists()
        self._load_preferences()

    def reload_lists(self) -> None:
        self._workers.run(
            lambda **_: self._campaigns.recipient_lists(),
            on_result=self._lists_loaded,
            on_error=self._lists_failed,
        )

    def _lists_failed(self, message: str) -> None:
        self.status_message.emit(self.tr("Recipient lists: {reason}").format(reason=message))

    def _list_text(self, choice: ListChoice) -> str:
        return self.tr("{name} ({contacts})").format(
            name=choice.name, contacts=formats.count(choice.contacts)
        )

    def _lists_loaded(self, lists: list[ListChoice]) -> None:
        self._lists = list(lists)
        current = self.list_picker.currentData()
        checked = set(self.more_lists())
        if self._draft_list_ids is not None:
            names = {c.id: c.name for c in lists}
            wanted = [names[i] for i in self._draft_list_ids if i in names]
            missing = len(self._draft_list_ids) - len(wanted)
            if missing:
                self.status_message.emit(
                    self.tr("%Ln list(s) of that campaign no longer exist", "", missing)
                )
            current = wanted[0] if wanted else None
            checked = set(wanted[1:])
            self._draft_list_ids = None
        self.list_picker.blockSignals(True)
        self.list_picker.clear()
        self.list_picker.addItem(self.tr("No list"), None)
        for choice in lists:
            self.list_picker.addItem(self._list_text(choice), choice.name)
        index = self.list_picker.findData(current)
        self.list_picker.setCurrentIndex(max(0, index))
        self.list_picker.blockSignals(False)
        self.more_lists_menu.clear()
        for choice in lists:
            action = self.more_lists_menu.addAction(self._list_text(choice))
            action.setCheckable(True)
            action.setData(choice.name)
            action.setChecked(choice.name in checked)
            action.toggled.connect(self._more_lists_changed)
        self._show_more_lists()
        self._schedule_preview()  # contacts may have changed

    def _load_preferences(self) -> None:
        if self._preferences is None:
            return
        settings = self._preferences
        self._workers.run(
            lambda **_: settings.preferences(),
            on_result=self._preferences_loaded,
            on_error=self._lists_failed,
        )

    def _preferences_loaded(self, prefs: SendPreferences) -> None:
        self._prefs = prefs
        if not self.sender_box.currentText().strip():
            self.sender_box.setEditText(prefs.default_sender)
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
        self.status_message.emit(
            self.tr("Gateway {name}: {reason}").format(name=self._provider, reason=message)
        )

    def _gateway_loaded(self, info: GatewayInfo) -> None:
        self.gateway = info
        text = self.sender_box.currentText()
        self.sender_box.blockSignals(True)
        self.sender_box.clear()
        self.sender_box.addItem("")  # the gateway's default: a number people can reply to
        self.sender_box.setItemData(
            0, self.tr("The gateway's default sender"), Qt.ItemDataRole.ToolTipRole
        )
        for sender in info.senders:
            self.sender_box.addItem(sender.name)
            self.sender_box.setItemData(
                self.sender_box.count() - 1,
                self.tr("{sender}: {status}").format(
                    sender=sender.name, status=self._sender_status(sender.status)
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.sender_box.setEditText(text)
        self.sender_box.blockSignals(False)
        self.defer_box.setEnabled(info.can_defer and self.at_radio.isChecked())
        self._update_sender()

    def _sender_status(self, status: str) -> str:
        return {
            "enable": self.tr("approved"),
            "waitingValidation": self.tr("waiting for approval"),
            "refused": self.tr("refused"),
            "disable": self.tr("disabled"),
        }.get(status, status)

    def apply_preferences(self) -> None:
        """Settings changed: new default sender and window (the preview shows it)."""
        self._load_preferences()

    # -- a draft (copy of a campaign) ------------------------------------------------

    def load_draft(
        self,
        name: str,
        body: str,
        sender: str | None,
        list_ids: Sequence[int],
        numbers: Sequence[str],
    ) -> None:
        """Fill the tab with a campaign to send again: its name, text, sender (None: the
        default sender of Preferences; "": the gateway's), lists (by id) and pasted numbers
        (E.164, shown as people write them). Nothing is sent until the user presses Send."""
        self.name_edit.setText(name)
        self.editor.set_text(body)
        self.sender_box.setEditText(self._prefs.default_sender if sender is None else sender)
        self.recipients.setPlainText("\n".join(formats.phone(n) for n in numbers))
        self.transliterate_box.setChecked(False)
        self.now_radio.setChecked(True)
        self._draft_list_ids = list(list_ids)
        self.reload_lists()  # picks the draft's lists once they are known
        self.editor.setFocus()

    # -- reacting to edits -----------------------------------------------------------

    def _update_recipients(self) -> None:
        text = self.recipients.toPlainText()
        count = sum(len(split_numbers(line)) for line in text.splitlines())
        self.recipients_count.setText(self.tr("%Ln number(s)", "", count))
        self._schedule_preview()

    def _sender_problem_text(self, sender: str) -> str | None:
        kind = sender_problem_kind(sender)
        if kind is SenderProblem.TOO_LONG:
            return self.tr("The sender “{sender}” is longer than 11 characters").format(
                sender=sender
            )
        if kind is SenderProblem.BAD_CHARACTERS:
            return self.tr(
                "The sender “{sender}” must be 1 to 11 letters or digits (at least one letter)"
            ).format(sender=sender)
        return None

    def _update_sender(self) -> None:
        sender = self.sender_box.currentText().strip()
        problem = self._sender_problem_text(sender)
        if problem is None and self.gateway is not None:
            status = {s.name: s.status for s in self.gateway.senders}.get(sender)
            if status is not None and status != "enable":
                self.sender_error.setStyleSheet(WARNING_STYLE)
                self.sender_error.setText(
                    self.tr("{sender} is not approved by the gateway yet ({status})").format(
                        sender=sender, status=self._sender_status(status)
                    )
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
        """Say "in the past" next to the picker at once (the service's own rule, no
        database) and keep Send off until the instant is ahead again."""
        at = qdatetime_to_utc(self.at_edit.dateTime()) if self.at_radio.isChecked() else None
        past = at is not None and self._campaigns.instant_problem(at) is not None
        self.instant_problem = (
            self.tr("{instant} is in the past").format(instant=formats.date_time(at))
            if past and at is not None
            else None
        )
        self.past_label.setText(self.tr("in the past") if self.instant_problem else "")
        self.past_label.setToolTip(self.instant_problem or "")
        self.past_label.setVisible(self.instant_problem is not None)
        self._update_send_button()

    def _update_send_button(self) -> None:
        self.send_button.setEnabled(not self._busy and self.instant_problem is None)
        self.send_button.setToolTip(
            self.tr("Not sent: {reason}").format(reason=self.instant_problem)
            if self.instant_problem
            else self.tr("Check the cost, then send (Ctrl+Return)")
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
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
            self.tr("+ %Ln other list(s)", "", count) if count else self.tr("+ other lists")
        )

    def request(self) -> CampaignRequest:
        """What the form asks for, as the services take it."""
        list_name = self.list_picker.currentData()
        return CampaignRequest(
            body=self.editor.text(),
            receivers=[self.recipients.toPlainText()],
            list_name=list_name if isinstance(list_name, str) else None,
            sender=self.sender_box.currentText().strip(),
            scheduled_at=qdatetime_to_utc(self.at_edit.dateTime())
            if self.at_radio.isChecked()
            else None,
            provider=self._provider,
            commercial=self.commercial.isChecked(),
            name=self.name_edit.text().strip(),
            region=self._prefs.region,
            provider_deferred=self.defer_box.isEnabled() and self.defer_box.isChecked(),
            # isHidden, not isVisible: the tab may be behind another one
            transliterate=not self.transliterate_box.isHidden()
            and self.transliterate_box.isChecked(),
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
        self._rebuild_fields_menu(preview.columns)
        self._show_preview(preview)

    def _left_out_text(self, invalid: Sequence[InvalidNumber]) -> str:
        shown = ", ".join(
            self.tr("{number} ({reason})").format(number=i.value, reason=reason_text(i.reason))
            for i in invalid[:INVALID_SHOWN]
        )
        if len(invalid) > INVALID_SHOWN:
            shown += "…"
        return self.tr("%Ln left out: {numbers}", "", len(invalid)).format(numbers=shown)

    def problem_text(self, preview: CampaignPreview) -> str | None:
        """Why the campaign cannot be created as it is (the service's rule), in words."""
        if preview.instant_problem:
            return self.instant_problem or preview.instant_problem
        if preview.unknown_placeholders:
            names = ", ".join("{" + n + "}" for n in preview.unknown_placeholders)
            return self.tr("No column for {names} in the recipients").format(names=names)
        if not preview.recipients:
            if preview.invalid:
                first = preview.invalid[0]
                return self.tr(
                    "No recipient to send to: %Ln number(s) left out ('{number}': {reason})",
                    "",
                    len(preview.invalid),
                ).format(number=first.value, reason=reason_text(first.reason))
            return self.tr("No recipient to send to")
        return None

    def _show_preview(self, preview: CampaignPreview) -> None:
        words = [self.tr("%Ln recipient(s)", "", preview.recipients)]
        if preview.duplicates:
            words.append(self.tr("%Ln duplicate(s) removed", "", preview.duplicates))
        if preview.stopped:
            words.append(self.tr("%Ln stop-listed removed", "", preview.stopped))
        if preview.invalid:
            # left out and counted, as an import does: they never block the others
            words.append(self._left_out_text(preview.invalid))
        if preview.empty_fields and self.editor.text().strip():
            fields = ", ".join("{" + name + "}" for name in placeholders(self.editor.text()))
            words.append(
                self.tr("%Ln with no value for {fields}", "", preview.empty_fields).format(
                    fields=fields
                )
            )
        self.audience_label.setStyleSheet(WARNING_STYLE if preview.empty_fields else "")
        self.audience_label.setText(" · ".join(words))
        self._show_samples(preview)
        if preview.unknown_placeholders:
            self.total_label.setText(self.problem_text(preview) or "")
        elif self.editor.text().strip() and preview.recipients:
            facts = [
                self.tr("Total: {parts} for {recipients}").format(
                    parts=self.tr("%Ln SMS part(s)", "", preview.total_parts),
                    recipients=self.tr("%Ln recipient(s)", "", preview.recipients),
                )
            ]
            if preview.ucs2_messages:
                facts[0] = self.tr("{total}, {count} in UCS-2").format(
                    total=facts[0], count=formats.count(preview.ucs2_messages)
                )
            if "{" in self.editor.text() and preview.longest is not None:
                # the counter counts {placeholders} as typed; each recipient has their own
                facts.append(
                    self.tr(
                        "up to %Ln part(s) per recipient once filled in", "", preview.longest.parts
                    )
                )
            self.total_label.setText(" · ".join(facts))
        else:
            self.total_label.setText("")
        self._show_transliteration(preview)
        self._show_start(preview)

    def _show_transliteration(self, preview: CampaignPreview) -> None:
        box, note = self.transliterate_box, self.transliterate_note
        if preview.transliterated_parts is not None:
            note.setText(
                self.tr(
                    "The merged values put %Ln message(s) in UCS-2: {parts} part(s) "
                    "instead of {fewer}.",
                    "",
                    preview.ucs2_from_fields,
                ).format(
                    parts=formats.count(preview.total_parts),
                    fewer=formats.count(preview.transliterated_parts),
                )
            )
            box.setText(self.tr("T&ransliterate the merged values (ç → c, œ → oe, ê → e)"))
            note.setVisible(True)
            box.setVisible(True)
        elif box.isChecked() and "{" in self.editor.text():
            box.setText(self.tr("T&ransliterate the merged values (ç → c, œ → oe, ê → e)"))
            note.setVisible(False)
            box.setVisible(True)
        else:
            note.setVisible(False)
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
            receiver = formats.phone(rendered.receiver)
            if rendered is preview.longest and len(rows) > len(preview.samples):
                receiver = self.tr("{number} (longest)").format(number=receiver)
            self.preview_table.setItem(row, 0, QTableWidgetItem(receiver))
            parts = QTableWidgetItem(formats.count(rendered.parts))
            parts.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview_table.setItem(row, 1, parts)
            self.preview_table.setItem(row, 2, QTableWidgetItem(rendered.body.replace("\n", " ")))

    def _show_start(self, preview: CampaignPreview) -> None:
        instant = local_text(preview.starts_at)
        if preview.postponed:
            self.start_label.setStyleSheet(WARNING_STYLE)
            self.start_label.setText(
                self.tr("Outside the sending window: the campaign will start {instant}").format(
                    instant=instant
                )
                if self.now_radio.isChecked()
                else self.tr("Postponed: the campaign will start {instant}").format(instant=instant)
            )
        elif self.at_radio.isChecked():
            self.start_label.setStyleSheet("")
            self.start_label.setText(self.tr("Starts {instant}").format(instant=instant))
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
            self._workers,
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
        self.status_message.emit(self.tr("Template “{name}” loaded").format(name=template.name))

    # -- sending ---------------------------------------------------------------------

    def send(self) -> None:
        self._check_past()
        if not self.send_button.isEnabled():
            if self.instant_problem:
                self.status_message.emit(
                    self.tr("Not sent: {reason}").format(reason=self.instant_problem)
                )
            return
        request = self.request()
        problem = self._sender_problem_text(request.sender)
        if problem:
            self.status_message.emit(self.tr("Not sent: {reason}").format(reason=problem))
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
        problem = self.problem_text(quote.preview)
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
        self.name_edit.clear()
        if created.starts_at is not None and (created.postponed or created.scheduled_at):
            words = [
                self.tr(
                    "Campaign {id}: %Ln message(s), will start {instant}", "", created.messages
                ).format(id=created.id, instant=local_text(created.starts_at))
            ]
        else:
            words = [
                self.tr("Campaign {id}: %Ln message(s) queued", "", created.messages).format(
                    id=created.id
                )
            ]
        if created.stopped:
            words.append(self.tr("%Ln stop-listed left out", "", created.stopped))
        if created.duplicates:
            words.append(self.tr("%Ln duplicate(s) removed", "", created.duplicates))
        if created.left_out:
            words.append(
                self.tr("%Ln invalid or landline number(s) left out", "", len(created.left_out))
            )
        self.status_message.emit(" · ".join(words))
        self.campaign_created.emit(created)

    def _failed(self, reason: str) -> None:
        self._set_busy(False)
        self.status_message.emit(self.tr("Not sent: {reason}").format(reason=reason))

    def send_test(self) -> None:
        """One copy to the user's own number, now, whatever the window. The number comes
        from Preferences (read in a worker: it may have just been set there)."""
        self.test_button.setEnabled(False)
        if self._preferences is None:
            self._test_with(self._prefs)
            return
        settings = self._preferences
        self._workers.run(
            lambda **_: settings.preferences(),
            on_result=self._test_with,
            on_error=self._test_failed,
        )

    def _test_with(self, prefs: SendPreferences) -> None:
        self._prefs = prefs
        if prefs.test_number:
            self._send_test_to(prefs.test_number)
            return
        dialog = OwnNumberDialog(prefs.region, parent=self)
        self.test_number_dialog = dialog
        dialog.accepted.connect(lambda: self._test_number_given(dialog.e164 or ""))
        dialog.rejected.connect(lambda: self.test_button.setEnabled(True))
        dialog.open()

    def _test_number_given(self, number: str) -> None:
        if not number:
            self.test_button.setEnabled(True)
            return
        prefs = replace(self._prefs, test_number=number)
        self._prefs = prefs
        settings = self._preferences
        if settings is None:
            self._send_test_to(number)
            return
        self._workers.run(
            lambda **_: settings.save_preferences(prefs),
            on_result=self._test_number_saved,
            on_error=self._test_failed,
        )

    def _test_number_saved(self, _none: None) -> None:
        self._send_test_to(self._prefs.test_number)

    def _send_test_to(self, number: str) -> None:
        body = self.editor.text()
        preview = self.last_preview
        if preview is not None and preview.samples and "{" in body:
            body = preview.samples[0].body  # what the first recipient would read
        request = CampaignRequest(
            body=body,
            receivers=[number],
            sender=self.sender_box.currentText().strip(),
            provider=self._provider,
            commercial=self.commercial.isChecked(),
            region=self._prefs.region,
            window=ALWAYS_OPEN,
            name=f"Test: {body.strip()[:24]}",  # stored, like the tag: not translated
            tag="test",
            allow_long=True,  # one copy to oneself: the user sees what a long one looks like
        )
        self._workers.run(
            lambda **_: (number, self._campaigns.create(request)),
            on_result=self._test_created,
            on_error=self._test_failed,
        )

    def _test_created(self, answer: tuple[str, CampaignCreated]) -> None:
        number, created = answer
        self.test_button.setEnabled(True)
        self.status_message.emit(
            self.tr("Test sent to {number}").format(number=formats.phone(number))
        )
        self.campaign_created.emit(created)

    def _test_failed(self, reason: str) -> None:
        self.test_button.setEnabled(True)
        self.status_message.emit(self.tr("Test not sent: {reason}").format(reason=reason))
