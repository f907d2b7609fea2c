"""The Inbox: replies grouped by contact. On the left who answered (latest first, STOP
marked); on the right the thread: what was sent to them and what they answered."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.replies import ReplyService, ThreadEntry, ThreadSummary
from smsdesk.ui import formats, words
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.table_models import RowsModel
from smsdesk.ui.words import QT_TRANSLATE_NOOP
from smsdesk.ui.workers import WorkerPool

_Index = QModelIndex | QPersistentModelIndex


class ThreadsModel(RowsModel[ThreadSummary]):
    HEADERS = (
        QT_TRANSLATE_NOOP("ThreadsModel", "Contact"),
        QT_TRANSLATE_NOOP("ThreadsModel", "Last reply"),
        QT_TRANSLATE_NOOP("ThreadsModel", "Replies"),
        QT_TRANSLATE_NOOP("ThreadsModel", "Said"),
    )
    COLUMNS = len(HEADERS)

    def text(self, row: ThreadSummary, column: int) -> object:
        if column == 0:
            number = formats.phone(row.sender)
            return self.tr("{number} · STOP").format(number=number) if row.stopped else number
        if column == 1:
            return formats.date_time(row.last_at)
        if column == 2:
            return formats.count(row.replies)
        return row.last_body

    def tooltip(self, row: ThreadSummary, column: int) -> str | None:
        return self.tr("Answered STOP: on the stop list") if row.stopped else None


class InboxTab(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, replies: ReplyService, workers: WorkerPool) -> None:
        super().__init__()
        self._replies = replies
        self._workers = workers
        self._loading = False
        self.loads = 0  # thread lists shown (tests wait on it)
        self.thread_loads = 0
        self.model = ThreadsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.thread_view = QTextBrowser()
        self.empty_label = QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.thread_view)
        splitter.setSizes([480, 520])
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty_label)
        bottom.addStretch(1)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._shown_sender: str | None = None
        self._entries: list[ThreadEntry] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.view.setToolTip(self.tr("Who answered, latest first; choose one to read the thread"))
        self.thread_view.setPlaceholderText(self.tr("Choose a contact to read the thread."))
        self.empty_label.setText(self.tr("No reply yet. Replies and STOPs appear here."))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the replies again"))
        self.model.retranslate()
        if self._shown_sender is not None and self._entries:
            self._render_thread(self._shown_sender, self._entries)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._workers.run(
            lambda **_: self._replies.threads(), on_result=self._loaded, on_error=self._failed
        )

    def _loaded(self, rows: list[ThreadSummary]) -> None:
        self._loading = False
        keep = self._shown_sender
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.loads += 1
        for i, row in enumerate(rows):
            if row.sender == keep:
                self.view.selectRow(i)
                break

    def _failed(self, message: str) -> None:
        self._loading = False
        self.status_message.emit(self.tr("Inbox: {error}").format(error=message))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        thread = self.model.row_at(current.row())
        if thread is not None:
            self.show_thread(thread.sender)

    def show_thread(self, sender: str) -> None:
        self._shown_sender = sender
        self._workers.run(
            lambda **_: self._replies.thread(sender),
            on_result=lambda entries: self._thread_loaded(sender, entries),
            on_error=self._failed,
        )

    def _thread_loaded(self, sender: str, entries: list[ThreadEntry]) -> None:
        if sender != self._shown_sender:
            return  # another contact was chosen meanwhile
        self._entries = list(entries)
        self._render_thread(sender, entries)
        self.thread_loads += 1

    def _render_thread(self, sender: str, entries: list[ThreadEntry]) -> None:
        lines = [f"<h3>{html.escape(formats.phone(sender))}</h3>"]
        for entry in entries:
            when = formats.date_time(entry.at)
            body = html.escape(entry.body).replace("\n", "<br>")
            if entry.outgoing:
                who = self.tr("Sent (campaign {campaign}, {status})").format(
                    campaign=entry.campaign_id, status=words.message_status(entry.status)
                )
                style = "background-color:#eef3fb"
            else:
                who = (
                    self.tr("STOP — on the stop list")
                    if entry.status == "stop"
                    else self.tr("Reply")
                )
                style = "background-color:#eaf7ee; margin-left:60px"
            lines.append(
                f"<div style='{style}; padding:6px'><small>{html.escape(when)} · "
                f"{html.escape(who)}</small><br>{body}</div>"
            )
        self.thread_view.setHtml("".join(lines))
