"""The Campaigns list: every campaign, finished ones included (name, created, sent,
recipients, delivered share, status), searched by name and filtered by status. A double
click or "Results…" opens its results view; "Copy as a new draft" fills the Send tab.
Everything is read in a worker: no SQL on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.results import (
    CAMPAIGN_STATUSES,
    CampaignDraft,
    CampaignRow,
    ResultsService,
)
from smsdesk.ui import formats, words
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.table_models import RowsModel
from smsdesk.ui.words import QT_TRANSLATE_NOOP
from smsdesk.ui.workers import WorkerPool

_Index = QModelIndex | QPersistentModelIndex
SEARCH_PAUSE_MS = 250  # typing pauses this long before the list is read again


class CampaignsModel(RowsModel[CampaignRow]):
    HEADERS = (
        QT_TRANSLATE_NOOP("CampaignsModel", "Name"),
        QT_TRANSLATE_NOOP("CampaignsModel", "Created"),
        QT_TRANSLATE_NOOP("CampaignsModel", "Sent"),
        QT_TRANSLATE_NOOP("CampaignsModel", "Recipients"),
        QT_TRANSLATE_NOOP("CampaignsModel", "Delivered"),
        QT_TRANSLATE_NOOP("CampaignsModel", "Status"),
    )
    COLUMNS = len(HEADERS)

    def text(self, row: CampaignRow, column: int) -> object:
        if column == 0:
            return row.name
        if column == 1:
            return formats.date_time(row.created_at)
        if column == 2:
            return formats.date_time(row.started_at)
        if column == 3:
            return formats.count(row.recipients)
        if column == 4:
            share = row.delivered_share
            if share is None or row.started_at is None:  # nothing sent yet
                return ""
            return self.tr("{percent} %").format(percent=formats.number(share * 100, 1))
        return words.campaign_status(row.status)

    def tooltip(self, row: CampaignRow, column: int) -> str | None:
        if column != 4:
            return None
        return self.tr("{delivered} delivered of {recipients}").format(
            delivered=formats.count(row.delivered), recipients=formats.count(row.recipients)
        )

    def alignment(self, column: int) -> int | None:
        if column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CampaignsTab(Retranslating, QWidget):
    status_message = Signal(str)
    results_requested = Signal(int)  # open the results view of this campaign
    draft_requested = Signal(object)  # CampaignDraft: the main window fills the Send tab

    def __init__(self, results: ResultsService, workers: WorkerPool) -> None:
        super().__init__()
        self._results = results
        self._workers = workers
        self._loading = False
        self._again = False
        self.loads = 0  # lists shown (tests wait on it)
        self.model = CampaignsModel(self)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("", "")
        for status in CAMPAIGN_STATUSES:
            self.status_filter.addItem("", status)
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_pause.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.results_button = QPushButton()
        self.results_button.clicked.connect(lambda: self._open(self.view.currentIndex().row()))
        self.draft_button = QPushButton()
        self.draft_button.clicked.connect(self.copy_as_draft)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.empty_label = QLabel()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.status_label = QLabel()
        self.status_label.setBuddy(self.status_filter)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.status_filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty_label)
        bottom.addStretch(1)
        bottom.addWidget(self.results_button)
        bottom.addWidget(self.draft_button)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Search:"))
        self.search.setPlaceholderText(self.tr("Part of a campaign name"))
        self.search.setToolTip(self.tr("Show the campaigns whose name holds these letters"))
        self.status_label.setText(self.tr("Status:"))
        self.status_filter.setItemText(0, self.tr("All"))
        for i, status in enumerate(CAMPAIGN_STATUSES, start=1):
            self.status_filter.setItemText(i, words.campaign_status(status))
        self.status_filter.setToolTip(self.tr("Show only the campaigns in this status"))
        self.results_button.setText(self.tr("Results…"))
        self.results_button.setToolTip(self.tr("Figures, chart and failures of this campaign"))
        self.draft_button.setText(self.tr("Copy as a new draft"))
        self.draft_button.setToolTip(
            self.tr("Open the Send tab with this message, sender and recipients")
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the campaigns again"))
        self.empty_label.setText(self.tr("No campaign matches."))
        self.model.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # -- loading (in a worker) ------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        search = self.search.text()
        status = str(self.status_filter.currentData() or "")
        self._workers.run(
            lambda **_: self._results.campaigns(search=search, status=status),
            on_result=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, rows: list[CampaignRow]) -> None:
        self._loading = False
        current = self.model.row_at(self.view.currentIndex().row())
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if current is not None:
            for i, row in enumerate(rows):
                if row.id == current.id:
                    self.view.selectRow(i)
                    break
        self._update_buttons()
        self.loads += 1
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, message: str) -> None:
        self._loading = False
        self.status_message.emit(self.tr("Campaigns: {error}").format(error=message))

    # -- actions ------------------------------------------------------------------------

    def selected(self) -> CampaignRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.results_button.setEnabled(chosen)
        self.draft_button.setEnabled(chosen)

    def _open(self, row: int) -> None:
        campaign = self.model.row_at(row)
        if campaign is not None:
            self.results_requested.emit(campaign.id)

    def copy_as_draft(self) -> None:
        campaign = self.selected()
        if campaign is None:
            return
        campaign_id = campaign.id
        self._workers.run(
            lambda **_: self._results.draft(campaign_id),
            on_result=self._drafted,
            on_error=self._failed,
        )

    def _drafted(self, draft: CampaignDraft) -> None:
        self.draft_requested.emit(draft)
