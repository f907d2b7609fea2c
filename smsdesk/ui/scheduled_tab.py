"""Scheduled tab: campaigns not finished yet, with cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.delivery import CampaignStatus
from smsdesk.services.campaigns import CampaignService, CampaignSummary
from smsdesk.ui.table_models import CampaignTableModel
from smsdesk.ui.workers import WorkerPool

OPEN_STATUSES = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.SENDING)


class ScheduledTab(QWidget):
    status_message = Signal(str)
    changed = Signal()

    def __init__(self, campaigns: CampaignService, workers: WorkerPool) -> None:
        super().__init__()
        self._campaigns = campaigns
        self._workers = workers
        self.model = CampaignTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            CampaignTableModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch
        )
        self.cancel_button = QPushButton("&Cancel selected…")
        self.cancel_button.clicked.connect(self.cancel_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self._workers.run(self._load, on_result=self._loaded)

    def _load(self, **_: object) -> list[CampaignSummary]:
        return [c for c in self._campaigns.list() if c.status in OPEN_STATUSES]

    def _loaded(self, rows: list[CampaignSummary]) -> None:
        self.model.set_rows(rows)

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [c.id for r in sorted(rows) if (c := self.model.campaign_at(r)) is not None]

    def cancel_selected(self, *, confirm: bool = True) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit("Select the campaigns to cancel first")
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                "Cancel campaigns",
                f"Cancel {len(ids)} campaign(s)? Messages not sent yet will not be sent.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        cancelled = 0
        for campaign_id in ids:
            cancelled += self._campaigns.cancel(campaign_id)
        self.status_message.emit(
            f"{len(ids)} campaign(s) cancelled, {cancelled} message(s) kept back"
        )
        self.refresh()
        self.changed.emit()
