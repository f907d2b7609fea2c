"""History tab: every SMS, sorted and filtered in SQL, paged from the service.

Nothing here reads or writes the database on the GUI thread: opening a filter or an
order, each page of rows, the details of a message, the filter choices, deleting and
exporting all run in workers, and the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk import config
from smsdesk.private_files import private_file
from smsdesk.services.history import (
    DatePreset,
    DeleteReport,
    HistoryFilter,
    HistoryService,
    MessageRow,
    ProviderFactory,
    SortColumn,
    SortKey,
    StatusGroup,
    date_range,
    merge_ranges,
)
from smsdesk.ui import formats
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.message_details import MessageDetailsDialog
from smsdesk.ui.table_models import HistoryTableModel
from smsdesk.ui.workers import PaintsFirst, Worker, WorkerPool

FILTER_DEBOUNCE_MS = 250
CUSTOM_PERIOD = "custom"
SETTINGS_PREFIX = "history"
DEFAULT_WIDTHS = (
    (HistoryTableModel.COL_DATE, 150),
    (HistoryTableModel.COL_SENDER, 90),
    (HistoryTableModel.COL_RECEIVER, 140),
    (HistoryTableModel.COL_MESSAGE, 320),
    (HistoryTableModel.COL_PARTS, 50),
    (HistoryTableModel.COL_STATUS, 200),
    (HistoryTableModel.COL_OPERATOR, 110),
    (HistoryTableModel.COL_TAG, 100),
    (HistoryTableModel.COL_CAMPAIGN, 120),
)


def default_settings() -> QSettings:
    """Window state beside the data (tests get their own data dir, hence their own file).
    Made 0600 before Qt writes it: Qt keeps the mode of a file it rewrites. The main
    window makes it and gives it to the tab."""
    path = private_file(config.ensure_data_dir() / "ui-state.ini")
    return QSettings(str(path), QSettings.Format.IniFormat)


class SortArrowStyle(QProxyStyle):
    """Header arrows that point the way the rows go: ▼ for newest (largest) first.

    QHeaderView draws a descending sort with the "up" indicator; people read an arrow
    as the direction values run down the page, so the two are swapped here.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            swapped = QStyleOptionHeader(option)
            up, down = (
                QStyleOptionHeader.SortIndicator.SortUp,
                QStyleOptionHeader.SortIndicator.SortDown,
            )
            if option.sortIndicator == up:
                swapped.sortIndicator = down
            elif option.sortIndicator == down:
                swapped.sortIndicator = up
            super().drawPrimitive(element, swapped, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)


class HistoryView(PaintsFirst, QTableView):
    """The table; Qt's type-ahead would read every row to find a match, so what is typed
    goes to the text filter instead (`typed`), which asks the database in a worker."""

    typed = Signal(str)

    def keyboardSearch(self, search: str) -> None:
        if search.strip():
            self.typed.emit(search)


class HistoryTab(Retranslating, QWidget):
    status_message = Signal(str)
    campaign_results = Signal(int)  # a message's "Campaign results…": open its results view
    job_finished = Signal(str)  # a delete or export ended; the words for the user
    changed = Signal()  # messages were deleted
    details_shown = Signal(object)  # the details dialog just opened

    def __init__(
        self,
        history: HistoryService,
        workers: WorkerPool,
        settings: QSettings,
        *,
        providers: ProviderFactory | None = None,
        remote_gateway: str | None = None,
        region: Callable[[], str] | None = None,
    ) -> None:
        """`settings` keeps the column layout and the export folder; `providers` builds a
        gateway by name: with `remote_gateway`, the delete confirmation offers to delete
        at that gateway too when it keeps a history; `region` says how a national number
        typed in the receiver filter is read (default: the one formats.py shows)."""
        super().__init__()
        self._history = history
        self._workers = workers
        self._settings = settings
        self._providers = providers
        self._remote_gateway = remote_gateway
        self._region = region or formats.region
        self._remote_capable = False
        self._job: Worker | None = None
        self._job_kind = ""
        self._export_path = Path()
        self._job_words: Callable[[], str] = lambda: ""
        self.details_dialog: MessageDetailsDialog | None = None
        self.last_confirmation: QMessageBox | None = None
        self._arrows = SortArrowStyle()

        order = self._saved_order()
        self.model = HistoryTableModel(history, self._workers, order=order, load=False, parent=self)
        self._build_filter_bar()
        self._build_view(order)
        self._build_actions()

        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row_1)
        layout.addLayout(self._filter_row_2)
        layout.addLayout(self._action_row)
        layout.addWidget(self.view)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        for edit in (self.receiver_filter, self.sender_filter, self.text_filter):
            edit.textChanged.connect(self._debounce.start)
        self.tag_filter.currentTextChanged.connect(self._debounce.start)
        for combo in (self.status_filter, self.campaign_filter):
            combo.currentIndexChanged.connect(self._debounce.start)
        self.period_filter.currentIndexChanged.connect(self._period_changed)
        self.since_edit.dateChanged.connect(self._debounce.start)
        self.until_edit.dateChanged.connect(self._debounce.start)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter)

        self.model.loaded.connect(self._update_count)
        self.model.busy_changed.connect(self._update_count)
        self.model.failed.connect(self._load_failed)
        self.model.modelReset.connect(self._update_actions)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.retranslate()
        self._load_choices()
        self._check_remote()
        self._update_actions()
        self.model.set_query(self.current_filter(), order)
        self._update_count()

    # -- building ----------------------------------------------------------------------

    def _build_filter_bar(self) -> None:
        self.receiver_filter = QLineEdit()
        self.receiver_filter.setClearButtonEnabled(True)
        self.sender_filter = QLineEdit()
        self.sender_filter.setClearButtonEnabled(True)
        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)

        self.status_filter = QComboBox()
        for group in (None, *StatusGroup):
            self.status_filter.addItem("", group)
        self.period_filter = QComboBox()
        for preset in (None, *DatePreset, CUSTOM_PERIOD):
            self.period_filter.addItem("", preset)
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-30))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)

        self.campaign_filter = QComboBox()
        self.campaign_filter.addItem("", None)
        self.campaign_filter.setMinimumContentsLength(14)
        self.campaign_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_filter = QComboBox()
        self.tag_filter.setEditable(True)
        self.tag_filter.setMinimumContentsLength(10)
        line_edit = self.tag_filter.lineEdit()
        if line_edit is not None:
            line_edit.setClearButtonEnabled(True)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)

        row_1 = QHBoxLayout()
        row_1.addWidget(self.receiver_filter, 2)
        row_1.addWidget(self.sender_filter, 1)
        row_1.addWidget(self.text_filter, 2)
        row_2 = QHBoxLayout()
        row_2.addWidget(self.status_filter)
        row_2.addWidget(self.period_filter)
        row_2.addWidget(self.since_edit)
        row_2.addWidget(QLabel("–"))
        row_2.addWidget(self.until_edit)
        row_2.addWidget(self.campaign_filter, 1)
        row_2.addWidget(self.tag_filter, 1)
        row_2.addWidget(self.clear_button)
        self._filter_row_1 = row_1
        self._filter_row_2 = row_2

    def _build_view(self, order: SortKey) -> None:
        self.view = HistoryView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        # fixed row height: the view never asks a million rows for their size hint
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        # the headers get their own, empty selection: painting a section asks whether its
        # column is wholly selected, row by row (all rows selected: 10 s per repaint)
        self._header_selection = QItemSelectionModel(self.model, self)
        header.setSelectionModel(self._header_selection)
        self.view.verticalHeader().setSelectionModel(self._header_selection)
        header.setStyle(self._arrows)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        for column, width in DEFAULT_WIDTHS:
            header.resizeSection(column, width)
        state = self._settings.value(f"{SETTINGS_PREFIX}/header")
        if isinstance(state, QByteArray | bytes) and state:
            header.restoreState(QByteArray(state))
        column = HistoryTableModel.SORT_COLUMNS.index(order.column)
        qt_order = Qt.SortOrder.DescendingOrder if order.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, qt_order)
        self.view.setSortingEnabled(True)  # calls model.sort with the same order: no reload
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.sortIndicatorChanged.connect(self._save_header)
        self.view.doubleClicked.connect(self._open_details_at)
        self.view.typed.connect(self._type_ahead)

    def _build_actions(self) -> None:
        self.details_action = QAction(self.view)
        self.details_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.details_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.details_action.triggered.connect(self.show_details)
        self.delete_action = QAction(self.view)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.export_selection_action = QAction(self.view)
        self.export_selection_action.triggered.connect(lambda: self.export_clicked(True))
        self.export_all_action = QAction(self)
        self.export_all_action.triggered.connect(lambda: self.export_clicked(False))
        self.delete_all_action = QAction(self)
        self.delete_all_action.triggered.connect(self.delete_all_matching)
        # the row action menu: right click on a row
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.details_action, self.delete_action, self.export_selection_action):
            self.view.addAction(action)

        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.show_details)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_all_button = QPushButton()
        self.delete_all_button.clicked.connect(self.delete_all_matching)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.export_all_action)
        export_menu.addAction(self.export_selection_action)
        self.export_button.setMenu(export_menu)
        self.export_button.clicked.connect(self.export_all_action.trigger)

        self.count_label = QLabel()
        self.job_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)

        row = QHBoxLayout()
        for widget in (
            self.details_button,
            self.delete_button,
            self.delete_all_button,
            self.export_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.job_label)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.count_label)
        self._action_row = row

    # -- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.receiver_filter.setPlaceholderText(self.tr("Receiver (0612, +33 6 12, 5678…)"))
        self.receiver_filter.setToolTip(self.tr("Part of the receiver's number, in any format"))
        self.sender_filter.setPlaceholderText(self.tr("Sender"))
        self.sender_filter.setToolTip(self.tr("Part of the sender's name"))
        self.text_filter.setPlaceholderText(self.tr("Text in the message"))
        self.text_filter.setToolTip(
            self.tr("Words of the message; accents and capitals do not matter")
        )
        statuses = {
            None: self.tr("Any status"),
            StatusGroup.DELIVERED: self.tr("Delivered"),
            StatusGroup.FAILED: self.tr("Failed"),
            StatusGroup.PENDING: self.tr("Pending"),
            StatusGroup.CANCELLED: self.tr("Cancelled"),
        }
        for index in range(self.status_filter.count()):
            self.status_filter.setItemText(index, statuses[self.status_filter.itemData(index)])
        self.status_filter.setToolTip(self.tr("Cancelled messages are listed only when chosen"))
        periods = {
            None: self.tr("Any date"),
            DatePreset.TODAY: self.tr("Today"),
            DatePreset.LAST_7_DAYS: self.tr("Last 7 days"),
            DatePreset.THIS_MONTH: self.tr("This month"),
            DatePreset.LAST_6_MONTHS: self.tr("Last 6 months"),
            CUSTOM_PERIOD: self.tr("From… to…"),
        }
        for index in range(self.period_filter.count()):
            self.period_filter.setItemText(index, periods[self.period_filter.itemData(index)])
        self.period_filter.setToolTip(self.tr("When the messages were sent"))
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in date_format:
            date_format = date_format.replace("yy", "yyyy")
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(date_format)
        self.since_edit.setToolTip(self.tr("First day"))
        self.until_edit.setToolTip(self.tr("Last day (included)"))
        self.campaign_filter.setItemText(0, self.tr("Any campaign"))
        self.campaign_filter.setToolTip(self.tr("Messages of one campaign"))
        line_edit = self.tag_filter.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Tag"))
        self.tag_filter.setToolTip(self.tr("Messages with exactly this tag"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every message again"))

        self.details_action.setText(self.tr("&Details…"))
        self.delete_action.setText(self.tr("&Delete…"))
        self.export_selection_action.setText(self.tr("&Export selection…"))
        self.export_all_action.setText(self.tr("Export &all matching…"))
        self.delete_all_action.setText(self.tr("Delete all &matching…"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(self.tr("Everything known about the message (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected messages (Delete key)"))
        self.delete_all_button.setText(self.tr("Delete all matching…"))
        self.delete_all_button.setToolTip(self.tr("Delete every message the filter lists"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(
            self.tr("Export every message that matches the filter (the arrow: only the selection)")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the delete or export; nothing is changed"))
        self.view.setToolTip(self.tr("Double-click or Enter: details; type to search the text"))
        if self._job is not None:
            self.job_label.setText(self._job_words())
        self._update_count()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    def _messages(self, count: int) -> str:
        return self.tr("%n message(s)", "", count).replace(str(count), formats.count(count))

    # -- filter ------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.receiver_filter.setFocus()
        self.receiver_filter.selectAll()

    def _type_ahead(self, text: str) -> None:
        """Letters typed in the table search the messages' text (digits: the receiver)."""
        edit = self.receiver_filter if text.strip().isdigit() else self.text_filter
        if edit.hasFocus():
            edit.insert(text)  # the following letters of the same word
            return
        edit.setFocus()
        edit.setText(text)
        edit.end(False)

    def current_filter(self) -> HistoryFilter:
        since, until = self._period()
        tag = self.tag_filter.currentText().strip()
        return HistoryFilter(
            receiver=self.receiver_filter.text().strip() or None,
            sender=self.sender_filter.text().strip() or None,
            status=self.status_filter.currentData(),
            since=since,
            until=until,
            campaign_id=self.campaign_filter.currentData(),
            tag=tag or None,
            text=self.text_filter.text().strip() or None,
            region=self._region(),
        )

    def _period(self) -> tuple[datetime | None, datetime | None]:
        choice = self.period_filter.currentData()
        if choice is None:
            return None, None
        if choice == CUSTOM_PERIOD:
            first = self.since_edit.date().toPython()
            last = self.until_edit.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            if last < first:
                first, last = last, first
            since = datetime.combine(first, time()).astimezone()
            until = datetime.combine(last + timedelta(days=1), time()).astimezone()
            return since, until
        return date_range(DatePreset(choice), date.today())

    def _period_changed(self) -> None:
        custom = self.period_filter.currentData() == CUSTOM_PERIOD
        self.since_edit.setEnabled(custom)
        self.until_edit.setEnabled(custom)
        self._debounce.start()

    def apply_filter(self) -> None:
        """Show what the filter bar says now (the debounce timer calls it)."""
        self._debounce.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)

    def clear_filters(self) -> None:
        for edit in (self.receiver_filter, self.sender_filter, self.text_filter):
            edit.clear()
        for combo in (self.status_filter, self.period_filter, self.campaign_filter):
            combo.setCurrentIndex(0)
        self.tag_filter.setEditText("")
        self.apply_filter()

    def refresh(self) -> None:
        """New messages or statuses: read the current filter and order again (workers)."""
        self._load_choices()
        self.model.reload()

    def _load_choices(self) -> None:
        self._workers.run(_read_choices, self._history, on_result=self._show_choices)

    def _show_choices(self, choices: tuple[list[tuple[int, str]], list[str]]) -> None:
        """Campaigns and tags for their filters; the current choice is kept."""
        campaigns, tags = choices
        chosen = self.campaign_filter.currentData()
        self.campaign_filter.blockSignals(True)
        while self.campaign_filter.count() > 1:
            self.campaign_filter.removeItem(1)
        for campaign_id, name in campaigns:
            self.campaign_filter.addItem(f"#{campaign_id} {name}", campaign_id)
        index = self.campaign_filter.findData(chosen) if chosen is not None else 0
        self.campaign_filter.setCurrentIndex(max(index, 0))
        self.campaign_filter.blockSignals(False)

        typed = self.tag_filter.currentText()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("")
        self.tag_filter.addItems(tags)
        self.tag_filter.setEditText(typed)
        self.tag_filter.blockSignals(False)
        self.choices_loaded = True

    def _update_count(self) -> None:
        if self.model.busy:
            self.count_label.setText(self.tr("Counting…"))
            return
        count = self.model.rowCount()
        if self.model.filter != HistoryFilter(region=self.model.filter.region):
            text = self.tr("%n message(s) match", "", count)
        else:
            text = self.tr("%n message(s)", "", count)
        self.count_label.setText(text.replace(str(count), formats.count(count)))

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(self.tr("Could not read the history"))
        self.status_message.emit(self.tr("History: {reason}").format(reason=message))

    # -- selection and details ---------------------------------------------------------

    def selected_ranges(self) -> list[tuple[int, int]]:
        """Selected rows as [start, stop) ranges: a million selected rows stay 1 range."""
        selection = self.view.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))
        return merge_ranges((r.top(), r.bottom() + 1) for r in ranges)

    def selected_count(self) -> int:
        return sum(stop - start for start, stop in self.selected_ranges())

    def _has_selection(self) -> bool:
        return self.view.selectionModel().hasSelection()

    def _update_actions(self) -> None:
        idle = self._job is None
        selected = self._has_selection()
        current = self.view.currentIndex().isValid()
        for widget in (self.details_action, self.details_button):
            widget.setEnabled(selected or current)
        for widget in (self.delete_action, self.delete_button, self.export_selection_action):
            widget.setEnabled(idle and selected)
        has_rows = self.model.rowCount() > 0
        for widget in (self.delete_all_action, self.delete_all_button, self.export_all_action):
            widget.setEnabled(idle and has_rows)
        self.export_button.setEnabled(idle and has_rows)

    def _open_details_at(self, index: QModelIndex) -> None:
        self.show_details(index.row())

    def show_details(self, row_number: int | None = None) -> Worker | None:
        """Details of the current row (or `row_number`), read fresh in a worker; the
        dialog opens when they arrive (`details_shown`)."""
        if not isinstance(row_number, int) or isinstance(row_number, bool):
            current = self.view.currentIndex()
            if not current.isValid():
                ranges = self.selected_ranges()
                if not ranges:
                    return None
                row_number = ranges[0][0]
            else:
                row_number = current.row()
        shown = self.model.row_at(row_number)
        if shown is None:
            return None
        return self._workers.run(
            _read_details,
            self._history,
            shown.id,
            on_result=self._open_details,
            on_error=self._details_failed,
        )

    def _open_details(self, found: tuple[int, MessageRow | None]) -> None:
        message_id, row = found
        if row is None:
            self.status_message.emit(
                self.tr("Message #{id} was deleted meanwhile").format(id=message_id)
            )
            return
        if self.details_dialog is not None:
            self.details_dialog.close()
        dialog = MessageDetailsDialog(row, self)
        dialog.campaign_results.connect(self.campaign_results)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._details_closed)
        self.details_dialog = dialog
        dialog.open()
        self.details_shown.emit(dialog)

    def _details_closed(self) -> None:
        self.details_dialog = None

    def _details_failed(self, message: str) -> None:
        self.status_message.emit(self.tr("History: {reason}").format(reason=message))

    # -- delete ------------------------------------------------------------------------

    def set_remote_gateway(self, name: str | None) -> None:
        """The gateway whose remote history "delete at the gateway" reaches."""
        self._remote_gateway = name
        self._remote_capable = False
        self._check_remote()

    def _check_remote(self) -> None:
        """Whether the gateway keeps a history we can delete: building it may read
        settings and the keyring, so it is asked in a worker, once per gateway."""
        if self._providers is None or self._remote_gateway is None:
            return
        self._workers.run(
            _remote_capable,
            self._remote_gateway,
            self._providers,
            on_result=self._remote_known,
        )

    def _remote_known(self, answer: tuple[str, bool]) -> None:
        name, capable = answer
        if name == self._remote_gateway:
            self._remote_capable = capable

    def confirm_delete(self, count: int, *, everything: bool) -> tuple[bool, bool]:
        """Ask; returns (go ahead, also delete at the gateway)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete messages"))
        what = formats.count(count)
        if everything and self.model.filter == HistoryFilter(region=self.model.filter.region):
            words = self.tr("Delete the whole history (%n message(s))?", "", count)
        elif everything:
            words = self.tr("Delete all %n message(s) that match the filter?", "", count)
        else:
            words = self.tr("Delete %n message(s)?", "", count)
        box.setText(words.replace(str(count), what))
        box.setInformativeText(
            self.tr("They will be gone from the history; this cannot be undone.")
        )
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        remote_box: QCheckBox | None = None
        if self._providers is not None and self._remote_gateway and self._remote_capable:
            remote_box = QCheckBox(
                self.tr("Also delete them at the gateway ({gateway})").format(
                    gateway=self._remote_gateway
                )
            )
            box.setCheckBox(remote_box)
        self.last_confirmation = box
        box.exec()
        self.last_confirmation = None
        accepted = box.clickedButton() is delete_button
        return accepted, bool(remote_box is not None and remote_box.isChecked())

    def delete_selected(self, *, confirm: bool = True, remote: bool = False) -> Worker | None:
        """Delete the selected rows (Delete key, button, row menu). Ctrl+A selects every
        row as one range: the count is the snapshot's, the worker resolves the ids."""
        if self._job is not None:
            return None
        ranges = self.selected_ranges()
        count = sum(stop - start for start, stop in ranges)
        if count == 0:
            return None
        if confirm:
            accepted, remote = self.confirm_delete(count, everything=False)
            if not accepted:
                return None
        return self._start_delete(ranges, count, remote)

    def delete_all_matching(self, *, confirm: bool = True, remote: bool = False) -> Worker | None:
        if self._job is not None:
            return None
        count = self.model.rowCount()
        if count == 0:
            return None
        if confirm:
            accepted, remote = self.confirm_delete(count, everything=True)
            if not accepted:
                return None
        return self._start_delete([(0, count)], count, remote)

    def _start_delete(self, ranges: list[tuple[int, int]], count: int, remote: bool) -> Worker:
        providers = self._providers if remote else None
        worker = Worker(self._history.delete_rows, self.model.result, ranges, providers=providers)
        worker.signals.result.connect(self._deleted)
        self._start_job(worker, "delete", lambda: self.tr("Deleting %s…") % self._messages(count))
        return worker

    def _deleted(self, report: DeleteReport) -> None:
        words = self.tr("%n message(s) deleted", "", report.deleted).replace(
            str(report.deleted), formats.count(report.deleted)
        )
        if report.remote_deleted:
            words = self.tr("{deleted} ({remote} at the gateway too)").format(
                deleted=words, remote=formats.count(report.remote_deleted)
            )
        if report.kept:
            words = self.tr("{deleted}; {kept} kept: {reasons}").format(
                deleted=words, kept=formats.count(report.kept), reasons="; ".join(report.errors)
            )
        self._end_job(words)
        self.view.clearSelection()
        self.model.reload()
        self.changed.emit()

    # -- export ------------------------------------------------------------------------

    def export_clicked(self, selection_only: bool) -> None:
        folder = str(self._settings.value(f"{SETTINGS_PREFIX}/export_dir", str(Path.home())))
        name = f"sms-history-{date.today().isoformat()}.csv"  # a file name: ISO sorts
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the history"), str(Path(folder) / name), self.tr("CSV (*.csv)")
        )
        if path:
            self._settings.setValue(f"{SETTINGS_PREFIX}/export_dir", str(Path(path).parent))
            self.export_to(Path(path), selection_only=selection_only)

    def export_to(self, path: Path, *, selection_only: bool = False) -> Worker | None:
        """Write the selection, or everything matching the filter, to `path` (a worker)."""
        if self._job is not None:
            return None
        ranges = self.selected_ranges() if selection_only else None
        if selection_only and not ranges:
            return None
        count = sum(b - a for a, b in ranges) if ranges else self.model.rowCount()
        worker = Worker(self._history.export_rows, self.model.result, ranges, path, in_child=True)
        self._export_path = path
        worker.signals.result.connect(self._exported)
        self._start_job(worker, "export", lambda: self.tr("Exporting %s…") % self._messages(count))
        return worker

    def _exported(self, written: int) -> None:
        words = self.tr("%n message(s) exported to {path}", "", written)
        self._end_job(
            words.replace(str(written), formats.count(written)).format(path=self._export_path)
        )

    # -- long jobs ---------------------------------------------------------------------

    def _start_job(self, worker: Worker, kind: str, words: Callable[[], str]) -> None:
        self._job = worker
        self._job_kind = kind
        self._job_words = words
        worker.signals.progress.connect(self._job_progress)
        worker.signals.error.connect(self._job_failed)
        self.job_label.setText(words())
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._update_actions()
        self._workers.start(worker)

    def _job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def _job_failed(self, message: str) -> None:
        cancelled = self._job is not None and self._job.cancel_event.is_set()
        export = self._job_kind == "export"
        if cancelled and export:
            self._end_job("")
            self.job_label.setText(self.tr("Export cancelled"))
        elif cancelled:
            self._end_job(self.tr("Delete cancelled: nothing was changed"))
        elif export:
            self._end_job(self.tr("Export failed: {reason}").format(reason=message))
        else:
            self._end_job(self.tr("Delete failed: {reason}").format(reason=message))

    def _end_job(self, words: str) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.job_label.setText(words)
        self._update_actions()
        if words:
            self.status_message.emit(words)
        self.job_finished.emit(words or self.job_label.text())

    @property
    def busy(self) -> bool:
        return self._job is not None

    # -- remembered between runs -------------------------------------------------------

    def _saved_order(self) -> SortKey:
        column = str(self._settings.value(f"{SETTINGS_PREFIX}/sort_column", ""))
        descending = self._settings.value(f"{SETTINGS_PREFIX}/sort_descending", True, type=bool)
        if column == str(SortColumn.CREATED_AT):
            column = str(SortColumn.SUBMITTED_AT)  # the Date column, before it meant sending
        try:
            sort_column = SortColumn(column)
        except ValueError:
            return SortKey()
        if sort_column not in HistoryTableModel.SORT_COLUMNS:
            return SortKey()
        return SortKey(sort_column, bool(descending))

    def _save_header(self) -> None:
        header = self.view.horizontalHeader()
        self._settings.setValue(f"{SETTINGS_PREFIX}/header", header.saveState())
        order = self.model.order
        self._settings.setValue(f"{SETTINGS_PREFIX}/sort_column", str(order.column))
        self._settings.setValue(f"{SETTINGS_PREFIX}/sort_descending", order.descending)

    def save_state(self) -> None:
        self._save_header()
        self._settings.sync()

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_state()
        super().hideEvent(event)


# -- run in workers -------------------------------------------------------------------------


def _read_choices(
    history: HistoryService, **_worker: Any
) -> tuple[list[tuple[int, str]], list[str]]:
    campaigns = [(c.id, c.name) for c in history.campaign_choices()]
    return campaigns, history.tag_choices()


def _read_details(
    history: HistoryService, message_id: int, **_worker: Any
) -> tuple[int, MessageRow | None]:
    return message_id, history.get(message_id)


def _remote_capable(name: str, providers: ProviderFactory, **_worker: Any) -> tuple[str, bool]:
    return name, HistoryService.can_delete_remote(name, providers)
