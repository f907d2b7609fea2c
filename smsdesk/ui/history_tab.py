"""History tab: every SMS, sorted and filtered in SQL, paged from the service."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.history import HistoryFilter, HistoryService
from smsdesk.ui.table_models import HistoryTableModel

FILTER_DEBOUNCE_MS = 250


class HistoryTab(QWidget):
    def __init__(self, history: HistoryService) -> None:
        super().__init__()
        self._history = history
        self.model = HistoryTableModel(history)

        self.receiver_filter = QLineEdit()
        self.receiver_filter.setPlaceholderText("Receiver (0612, +33 6 12…)")
        self.receiver_filter.setClearButtonEnabled(True)
        self.sender_filter = QLineEdit()
        self.sender_filter.setPlaceholderText("Sender")
        self.sender_filter.setClearButtonEnabled(True)
        self.count_label = QLabel()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(HistoryTableModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in (
            (HistoryTableModel.COL_DATE, 150),
            (HistoryTableModel.COL_SENDER, 90),
            (HistoryTableModel.COL_RECEIVER, 140),
            (HistoryTableModel.COL_MESSAGE, 320),
            (HistoryTableModel.COL_PARTS, 50),
            (HistoryTableModel.COL_STATUS, 200),
        ):
            header.resizeSection(column, width)

        bar = QHBoxLayout()
        bar.addWidget(self.receiver_filter, 2)
        bar.addWidget(self.sender_filter, 1)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.receiver_filter.textChanged.connect(self._debounce.start)
        self.sender_filter.textChanged.connect(self._debounce.start)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_filter)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def focus_filter(self) -> None:
        self.receiver_filter.setFocus()
        self.receiver_filter.selectAll()

    def apply_filter(self) -> None:
        self.model.set_filter(
            HistoryFilter(
                receiver=self.receiver_filter.text().strip() or None,
                sender=self.sender_filter.text().strip() or None,
            )
        )

    def refresh(self) -> None:
        self.model.reload()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} message(s)".replace(",", " "))
