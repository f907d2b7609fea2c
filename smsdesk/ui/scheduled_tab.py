"""Scheduled tab: every campaign not finished yet, with cancel (several at once),
reschedule, edit the message before the start, send now, and resume a campaign the
gateway paused (its reason shown). The window calls `refresh()` when campaigns change (the
dispatcher publishes after each batch, so counts follow a send); the tab has no timer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.delivery import CampaignStatus
from smsdesk.services.campaigns import CampaignService, CampaignSummary
from smsdesk.ui import appearance, formats
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.message_editor import MessageEditor
from smsdesk.ui.send_tab import qdatetime_to_utc, utc_to_qdatetime
from smsdesk.ui.table_models import CampaignTableModel
from smsdesk.ui.workers import WorkerPool


def picker_format() -> str:
    """The language's short date and time, with a four-digit year ("dd/MM/yyyy HH:mm")."""
    text = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def error_style() -> str:
    return f"color: {appearance.colour(appearance.ERROR)}; font-weight: bold"


class ScheduledTableModel(CampaignTableModel):
    """The open campaigns; a paused one says "Paused" and, on hover, why."""

    @staticmethod
    def status_text(c: CampaignSummary) -> str:
        if c.status is CampaignStatus.PAUSED:
            return QCoreApplication.translate("ScheduledTab", "Paused")
        return CampaignTableModel.status_text(c)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if index.isValid() and index.column() == self.COL_STATUS:
            c = self.campaign_at(index.row())
            if c is not None and c.status is CampaignStatus.PAUSED:
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.status_text(c)
                if role == Qt.ItemDataRole.ToolTipRole:
                    return pause_text(c)
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor(appearance.colour(appearance.ERROR)))
        return super().data(index, role)


def pause_text(c: CampaignSummary) -> str:
    # the reason already says what to do ("... — top up, then resume")
    if not c.paused_reason:
        return QCoreApplication.translate(
            "ScheduledTab", "Paused by the gateway. Fix the cause, then Resume."
        )
    return QCoreApplication.translate("ScheduledTab", "Paused by the gateway: {0}").format(
        c.paused_reason
    )


class RescheduleDialog(Retranslating, QDialog):
    def __init__(
        self,
        summary: CampaignSummary,
        parent: QWidget | None = None,
        *,
        instant_problem: Callable[[datetime | None], str | None] = lambda _at: None,
    ) -> None:
        super().__init__(parent)
        self._instant_problem = instant_problem
        self._summary = summary
        start = summary.next_due or summary.scheduled_at
        if start is None or instant_problem(start):
            self.at_edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        else:
            self.at_edit = QDateTimeEdit(utc_to_qdatetime(start))
        self.at_edit.setCalendarPopup(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("past")
        self.problem_label.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept_if_ahead)
        self.buttons.rejected.connect(self.reject)
        self.at_edit.dateTimeChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.at_edit)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)  # the note reads on two lines, not four
        self.retranslate()
        self._check()

    def retranslate(self) -> None:
        summary = self._summary
        self.setWindowTitle(self.tr("Reschedule “{name}”").format(name=summary.name))
        self.at_edit.setDisplayFormat(picker_format())
        windowed = summary.window is not None
        paused = summary.status is CampaignStatus.PAUSED
        # whole sentences, one per case (never translated fragments glued together)
        if windowed and paused:
            note = self.tr(
                "Once the campaign is resumed, messages not sent yet will leave at this "
                "instant, or at the next opening of the sending window."
            )
        elif windowed:
            note = self.tr(
                "Messages not sent yet will leave at this instant, or at the next opening "
                "of the sending window."
            )
        elif paused:
            note = self.tr(
                "Once the campaign is resumed, messages not sent yet will leave at this instant."
            )
        else:
            note = self.tr("Messages not sent yet will leave at this instant.")
        self.note.setText(note)
        self.at_edit.setToolTip(self.tr("The new start, in your time zone"))

    def instant(self) -> datetime:
        return qdatetime_to_utc(self.at_edit.dateTime())

    def _check(self) -> None:
        problem = self._instant_problem(self.instant())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def _accept_if_ahead(self) -> None:
        self._check()
        if self.ok_button.isEnabled():
            self.accept()


class EditMessageDialog(Retranslating, QDialog):
    def __init__(self, summary: CampaignSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = summary.name
        self.editor = MessageEditor()
        self.editor.set_commercial(summary.commercial)
        self.editor.set_text(summary.body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit the message of “{name}”").format(name=self._name))


class ScheduledTab(QWidget):
    status_message = Signal(str)
    changed = Signal()  # something was cancelled or moved: the dispatcher should look again
    results_requested = Signal(int)  # "Results…" or a double-click: a campaign's results view

    def __init__(self, campaigns: CampaignService, workers: WorkerPool) -> None:
        super().__init__()
        self._campaigns = campaigns
        self._workers = workers
        self._loading = False
        self._again = False
        self.confirm_box: QMessageBox | None = None
        self.dialog: QDialog | None = None

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.model = ScheduledTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CampaignTableModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        # why the selected campaign is paused, under the table
        self.pause_label = QLabel()
        self.pause_label.setObjectName("pause_reason")
        self.pause_label.setWordWrap(True)
        self.pause_label.setVisible(False)
        self.cancel_button = QPushButton()
        self.reschedule_button = QPushButton()
        self.edit_button = QPushButton()
        self.send_now_button = QPushButton()
        self.resume_button = QPushButton()
        self.results_button = QPushButton()
        self.results_button.clicked.connect(self.results_selected)
        self.view.doubleClicked.connect(lambda index: self.results_selected(index.row()))
        self.resume_button.clicked.connect(self.resume_selected)
        self.resume_shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        self.resume_shortcut.activated.connect(self.resume_selected)
        self.cancel_button.clicked.connect(lambda: self.cancel_selected())
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.send_now_button.clicked.connect(self.send_now_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        for button in (
            self.results_button,
            self.resume_button,
            self.send_now_button,
            self.reschedule_button,
            self.edit_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.view)
        layout.addWidget(self.pause_label)
        layout.addLayout(buttons)

        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._style()
        self.retranslate()
        self._update_buttons()
        self.refresh()

    def retranslate(self) -> None:
        self.empty_label.setText(self.tr("Nothing planned. Campaigns sent later appear here."))
        self.cancel_button.setText(self.tr("&Cancel selected…"))
        self.cancel_button.setToolTip(
            self.tr("Cancel the selected campaigns: what is not sent yet stays back")
        )
        self.reschedule_button.setText(self.tr("&Reschedule…"))
        self.reschedule_button.setToolTip(self.tr("Choose another start for the campaign"))
        self.edit_button.setText(self.tr("&Edit message…"))
        self.edit_button.setToolTip(self.tr("Change the text before the campaign starts"))
        self.send_now_button.setText(self.tr("Send &now"))
        self.send_now_button.setToolTip(self.tr("Start the selected campaigns now"))
        self.resume_button.setText(self.tr("Res&ume"))
        self.resume_button.setToolTip(
            self.tr("Send the rest of the paused campaigns selected (Ctrl+R)")
        )
        self.results_button.setText(self.tr("Resul&ts…"))
        self.results_button.setToolTip(self.tr("Figures, chart and replies of the campaign"))
        self.view.setToolTip(self.tr("Double-click a campaign to see its results"))
        self.model.retranslate()
        self._update_buttons()

    def _style(self) -> None:
        # setStyleSheet sends PaletteChange itself: restyle only when the scheme flips
        dark = appearance.is_dark()
        if getattr(self, "_styled_dark", None) == dark:
            return
        self._styled_dark = dark
        self.notice.setStyleSheet(
            appearance.banner_style(appearance.WARNING_TEXT, appearance.WARNING_BACKGROUND)
        )
        self.pause_label.setStyleSheet(
            appearance.banner_style(appearance.PAUSED_TEXT, appearance.PAUSED_BACKGROUND)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._again = True  # the answer on its way may predate what changed
            return
        self._loading = True
        self._workers.run(self._load, on_result=self._loaded, on_error=self._load_failed)

    def _load(self, **_: object) -> list[CampaignSummary]:
        return self._campaigns.list(open_only=True)

    def _loaded(self, rows: list[CampaignSummary]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def _load_failed(self, message: str) -> None:
        self._loading = False
        self._again = False
        self.status_message.emit(self.tr("Scheduled campaigns: {0}").format(message))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- selection -------------------------------------------------------------------

    def selected(self) -> list[CampaignSummary]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [c for r in rows if (c := self.model.campaign_at(r)) is not None]

    def selected_ids(self) -> list[int]:
        return [c.id for c in self.selected()]

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected()
        one = chosen[0] if len(chosen) == 1 else None
        paused = [c for c in chosen if c.status is CampaignStatus.PAUSED]
        self.cancel_button.setEnabled(bool(chosen))
        self.results_button.setEnabled(one is not None)
        # a paused campaign goes on with Resume, once the cause is fixed
        self.send_now_button.setEnabled(bool(chosen) and not paused)
        self.resume_button.setEnabled(bool(paused))
        self.reschedule_button.setEnabled(one is not None and not one.provider_deferred)
        self.edit_button.setEnabled(
            one is not None and not one.started and not one.provider_deferred
        )
        if paused:
            self.pause_label.setText("\n".join(f"#{c.id} {pause_text(c)}" for c in paused[:3]))
        self.pause_label.setVisible(bool(paused))

    # -- actions ---------------------------------------------------------------------

    def results_selected(self, row: int | None = None) -> None:
        if isinstance(row, int) and not isinstance(row, bool):
            campaign = self.model.campaign_at(row)
            chosen = [campaign] if campaign is not None else []
        else:
            chosen = self.selected()
        if len(chosen) == 1:
            self.results_requested.emit(chosen[0].id)

    def cancel_selected(self, *, confirm: bool = True) -> None:
        chosen = self.selected()
        if not chosen:
            self.status_message.emit(self.tr("Select the campaigns to cancel first"))
            return
        ids = [c.id for c in chosen]
        if not confirm:
            self._cancel(ids)
            return
        left = sum(c.recipients - c.sent for c in chosen)
        names = ", ".join(repr(c.name) for c in chosen[:3]) + (", …" if len(chosen) > 3 else "")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel campaigns"),
            self.tr(
                "Cancel {count} campaign(s): {names}?\n"
                "{left} message(s) not sent yet will not be sent."
            ).format(count=len(chosen), names=names, left=left),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self._cancel(ids))
        self.confirm_box = box
        box.open()

    def _cancel(self, ids: list[int]) -> None:
        def cancel_all(**_: object) -> tuple[int, int, list[str]]:
            done = cancelled = 0
            errors: list[str] = []
            for campaign_id in ids:
                try:
                    cancelled += self._campaigns.cancel(campaign_id)
                    done += 1
                except ValueError as exc:
                    errors.append(str(exc))
            return done, cancelled, errors

        self._workers.run(cancel_all, on_result=self._cancelled, on_error=self._action_failed)

    def _cancelled(self, result: tuple[int, int, list[str]]) -> None:
        done, cancelled, errors = result
        text = self.tr("{done} campaign(s) cancelled, {cancelled} message(s) kept back").format(
            done=done, cancelled=cancelled
        )
        if errors:
            text += f"; {'; '.join(errors)}"
        self.status_message.emit(text)
        self.refresh()
        self.changed.emit()

    def _action_failed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()

    def reschedule_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = RescheduleDialog(chosen[0], self, instant_problem=self._campaigns.instant_problem)
        dialog.accepted.connect(lambda: self.reschedule(chosen[0].id, dialog.instant()))
        self.dialog = dialog
        dialog.open()

    def reschedule(self, campaign_id: int, at: datetime | None) -> None:
        self._workers.run(
            lambda **_: (campaign_id, self._campaigns.reschedule(campaign_id, at)),
            on_result=self._moved,
            on_error=self._action_failed,
        )

    def send_now_selected(self) -> None:
        for summary in self.selected():
            if summary.status is not CampaignStatus.PAUSED:
                self.reschedule(summary.id, None)

    def _moved(self, answer: tuple[int, datetime]) -> None:
        campaign_id, start = answer
        self.status_message.emit(
            self.tr("Campaign {0} starts {1}").format(campaign_id, formats.date_time(start))
        )
        self.refresh()
        self.changed.emit()

    def resume_selected(self) -> None:
        ids = [c.id for c in self.selected() if c.status is CampaignStatus.PAUSED]
        if not ids:
            self.status_message.emit(self.tr("Select a paused campaign to resume"))
            return
        self.resume(ids)

    def resume(self, ids: list[int]) -> None:
        def resume_all(**_: object) -> tuple[list[tuple[int, CampaignStatus]], list[str]]:
            resumed: list[tuple[int, CampaignStatus]] = []
            errors: list[str] = []
            for campaign_id in ids:
                try:
                    resumed.append((campaign_id, self._campaigns.resume(campaign_id)))
                except ValueError as exc:
                    errors.append(str(exc))
            return resumed, errors

        self._workers.run(resume_all, on_result=self._resumed, on_error=self._action_failed)

    def _resumed(self, answer: tuple[list[tuple[int, CampaignStatus]], list[str]]) -> None:
        resumed, errors = answer
        words = [
            self.tr("Campaign {0} resumed ({1})").format(campaign_id, status)
            for campaign_id, status in resumed
        ]
        self.status_message.emit("; ".join(words + errors))
        self.refresh()
        if resumed:
            self.changed.emit()  # the dispatcher has messages due again

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = EditMessageDialog(chosen[0], self)
        dialog.accepted.connect(lambda: self.edit_message(chosen[0].id, dialog.editor.text()))
        self.dialog = dialog
        dialog.open()

    def edit_message(self, campaign_id: int, body: str) -> None:
        self._workers.run(
            lambda **_: (campaign_id, self._campaigns.edit_message(campaign_id, body)),
            on_result=self._edited,
            on_error=self._action_failed,
        )

    def _edited(self, answer: tuple[int, int]) -> None:
        campaign_id, count = answer
        self.status_message.emit(
            self.tr("Campaign {0}: message changed for {1} recipient(s)").format(campaign_id, count)
        )
        self.refresh()
