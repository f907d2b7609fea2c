"""Contacts tab: the recipient lists, the contacts of the chosen one (paged), the stop list.

Importing opens the import dialog (a file chosen or dropped on the tab, or pasted
numbers). The tab never waits for the database: the lists, the pages of contacts and of
the stop list are read by workers (rows not read yet show a placeholder), and every
change (a list created, renamed, deleted or merged; a contact added, edited or deleted;
numbers put on or taken off the stop list; the operator check) runs in a worker too.
Confirmations are window-modal boxes kept in `last_box`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.recipients import (
    HLR_CREDITS_PER_NUMBER,
    CheckQuote,
    CheckReport,
    ContactRow,
    ImportReport,
    ListInfo,
    RecipientService,
    StopReport,
    StopRow,
)
from smsdesk.ui import formats
from smsdesk.ui.check_dialog import CheckResultsDialog
from smsdesk.ui.contact_dialog import ContactDialog
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.import_dialog import (
    ImportDialog,
    dropped_text,
    file_filter,
    local_files,
)
from smsdesk.ui.table_models import AnyIndex, HeaderedTableModel, RowsModel
from smsdesk.ui.workers import PaintsFirst, Worker, WorkerPool

RowT = TypeVar("RowT")
PAGE_SIZE = 200
KEPT_PAGES = 100  # pages of rows kept in memory (20 000 rows); the others are read again
PLACEHOLDER = "…"  # a row whose page is being read


class ListsModel(RowsModel[ListInfo]):
    COL_NAME, COL_CONTACTS, COL_CREATED = range(3)
    HEADERS = ("List", "Contacts", "Created")

    def names(self) -> list[str]:
        return [info.name for info in self._rows]

    def row_of(self, list_id: int) -> int:
        for index, info in enumerate(self._rows):
            if info.id == list_id:
                return index
        return -1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("List"), self.tr("Contacts"), self.tr("Created"))[section]
        return super().headerData(section, orientation, role)

    def text(self, row: ListInfo, column: int) -> str | None:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_CONTACTS:
            return formats.count(row.contacts)
        if column == self.COL_CREATED:
            return formats.date_time(row.created_at)
        return None

    def alignment(self, column: int) -> int | None:
        if column == self.COL_CONTACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _PagedModel(HeaderedTableModel, Generic[RowT]):
    """Rows read a page at a time by workers (a list may hold a million contacts).

    `load()` asks a worker for the count and the first page; until they come the model
    keeps what it showed. Every row is counted at once; a row whose page has not
    arrived shows a placeholder, and data() asks a worker for that page (a seek after
    the page before when it is known, else an offset). data() never reads the database.
    Answers carry the generation they were asked in: a late page of an earlier list is
    dropped.
    """

    loaded = Signal()  # a new count arrived (and its first page)
    failed = Signal(str)

    def __init__(self, workers: WorkerPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = workers
        self._total = 0
        self._pages: OrderedDict[int, list[RowT]] = OrderedDict()
        self._asked: set[int] = set()
        self._generation = 0

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def loaded_row(self, row: int) -> RowT | None:
        """The row when its page is here (never asks for it)."""
        rows = self._pages.get(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return rows[offset] if rows is not None and offset < len(rows) else None

    row_at = loaded_row

    def loaded_rows(self) -> list[RowT]:
        return [row for page in sorted(self._pages) for row in self._pages[page]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        row = self.loaded_row(index.row())
        if row is None:
            self._ask(index.row() // PAGE_SIZE)
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return None

    def text(self, row: RowT, column: int) -> str | None:
        raise NotImplementedError

    def tooltip(self, row: RowT, column: int) -> str | None:
        return None

    # -- what subclasses say to read ------------------------------------------------------

    def count_query(self) -> Callable[[], int] | None:
        """What counts the rows (None: there are none); called on the GUI thread, runs
        in a worker: it must not read the model."""
        raise NotImplementedError

    def page_query(self, offset: int, after: RowT | None) -> Callable[[], list[RowT]]:
        raise NotImplementedError

    # -- reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Count again and read the first page, in a worker."""
        self._generation += 1
        generation = self._generation
        count = self.count_query()
        first = self.page_query(0, None) if count is not None else None

        def work(**_: Any) -> tuple[int, int, list[RowT]]:
            if count is None or first is None:
                return generation, 0, []
            total = count()
            return generation, total, first() if total else []

        self._workers.run(work, on_result=self._counted, on_error=self.failed.emit)

    def _counted(self, answer: tuple[int, int, list[RowT]]) -> None:
        generation, total, first = answer
        if generation != self._generation:
            return
        self.beginResetModel()
        self._total = total
        self._pages = OrderedDict({0: first} if first else {})
        self._asked = set()
        if len(first) < PAGE_SIZE:
            self._total = min(total, len(first))  # the list shrank meanwhile
        self.endResetModel()
        self.loaded.emit()

    def _ask(self, page: int) -> None:
        if page in self._asked or page in self._pages:
            return
        self._asked.add(page)
        generation = self._generation
        before = self._pages.get(page - 1)
        after = before[-1] if before is not None and len(before) == PAGE_SIZE else None
        query = self.page_query(page * PAGE_SIZE, after)

        def work(**_: Any) -> tuple[int, int, list[RowT]]:
            return generation, page, query()

        self._workers.run(work, on_result=self._page_arrived, on_error=self.failed.emit)

    def _page_arrived(self, answer: tuple[int, int, list[RowT]]) -> None:
        generation, page, rows = answer
        if generation != self._generation:
            return
        self._asked.discard(page)
        self._pages[page] = rows
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))


class ContactsModel(_PagedModel[ContactRow]):
    COL_NUMBER, COL_NAME, COL_OTHERS = range(3)
    HEADERS = ("Number", "Name", "Other columns")

    def __init__(
        self, recipients: RecipientService, workers: WorkerPool, parent: QObject | None = None
    ) -> None:
        super().__init__(workers, parent)
        self._recipients = recipients
        self.list_id: int | None = None
        self.search = ""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Number"), self.tr("Name"), self.tr("Other columns"))

    def show_list(self, list_id: int | None, search: str | None = None) -> None:
        self.list_id = list_id
        if search is not None:
            self.search = search.strip()
        self.load()

    def count_query(self) -> Callable[[], int] | None:
        list_id, search, recipients = self.list_id, self.search, self._recipients
        if list_id is None:
            return None
        if search:
            return lambda: recipients.count_matching(list_id, search)
        return lambda: recipients.count_contacts(list_id)

    def page_query(self, offset: int, after: ContactRow | None) -> Callable[[], list[ContactRow]]:
        list_id, search, recipients = self.list_id, self.search or None, self._recipients
        if list_id is None:
            return list
        if after is not None:
            return lambda: recipients.contacts_page(
                list_id, after=after.e164, limit=PAGE_SIZE, search=search
            )
        return lambda: recipients.contacts_page(
            list_id, offset=offset, limit=PAGE_SIZE, search=search
        )

    def text(self, row: ContactRow, column: int) -> str | None:
        if column == self.COL_NUMBER:
            return formats.phone(row.e164)
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_OTHERS:
            return "; ".join(f"{key}: {value}" for key, value in row.extra.items())
        return None

    def tooltip(self, row: ContactRow, column: int) -> str | None:
        return row.e164 if column == self.COL_NUMBER else None


class StopModel(_PagedModel[StopRow]):
    COL_NUMBER, COL_REASON, COL_ADDED = range(3)
    HEADERS = ("Number", "Why", "Added")

    def __init__(
        self, recipients: RecipientService, workers: WorkerPool, parent: QObject | None = None
    ) -> None:
        super().__init__(workers, parent)
        self._recipients = recipients

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Number"), self.tr("Why"), self.tr("Added"))

    def reload(self) -> None:
        self.load()

    def count_query(self) -> Callable[[], int] | None:
        return self._recipients.stop_count

    def page_query(self, offset: int, after: StopRow | None) -> Callable[[], list[StopRow]]:
        recipients = self._recipients
        if after is not None:
            return lambda: recipients.stop_entries(after=after.e164, limit=PAGE_SIZE)
        return lambda: recipients.stop_entries(offset=offset, limit=PAGE_SIZE)

    def text(self, row: StopRow, column: int) -> str | None:
        if column == self.COL_NUMBER:
            return formats.phone(row.e164)
        if column == self.COL_REASON:
            return row.reason
        if column == self.COL_ADDED:
            return formats.date_time(row.added_at)
        return None

    def tooltip(self, row: StopRow, column: int) -> str | None:
        return row.e164 if column == self.COL_NUMBER else None


class _PagedView(PaintsFirst, QTableView):
    """Type-ahead goes to `search` (when given) instead of walking every row through
    data(): on a million contacts that would read every page."""

    def __init__(self, search: QLineEdit | None = None) -> None:
        super().__init__()
        self._search_box = search
        # fitting a column to its contents looks at the rows on screen only (not 1000 rows,
        # whose pages would all be read for it)
        self.horizontalHeader().setResizeContentsPrecision(0)

    def keyboardSearch(self, search: str) -> None:
        if self._search_box is not None and search.strip():
            self._search_box.setFocus()
            self._search_box.insert(search)


def _table(model: QAbstractTableModel, view: QTableView | None = None) -> QTableView:
    view = view or QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class ContactsTab(Retranslating, QWidget):
    status_message = Signal(str)
    lists_changed = Signal()  # a list was imported, renamed, deleted or changed
    job_finished = Signal(str)  # a long job ended; the words for the user

    def __init__(
        self,
        recipients: RecipientService,
        workers: WorkerPool | None = None,
        *,
        region: Callable[[], str] = lambda: "FR",
        provider: Callable[[], str] = lambda: "simulator",
        parent: QWidget | None = None,
    ) -> None:
        """`region` and `provider` are read when needed (Settings may change them)."""
        super().__init__(parent)
        self._recipients = recipients
        self._workers = workers or WorkerPool()
        self._region = region
        self._provider = provider
        self._job: Worker | None = None
        self._selected_id: int | None = None
        self._lists_read = False
        self.import_dialog: ImportDialog | None = None
        self.last_box: QMessageBox | None = None
        self.last_input: QInputDialog | None = None
        self.contact_dialog: ContactDialog | None = None
        self.check_dialog: CheckResultsDialog | None = None
        self.setAcceptDrops(True)

        self.lists_model = ListsModel(self)
        self.lists_view = _table(self.lists_model)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lists_view.horizontalHeader().setSectionResizeMode(
            ListsModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.lists_view.horizontalHeader().setStretchLastSection(False)
        self.lists_view.selectionModel().selectionChanged.connect(self._list_selected)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.contacts_model = ContactsModel(recipients, self._workers, self)
        self.contacts_model.loaded.connect(self._contacts_loaded)
        self.contacts_model.failed.connect(self._read_failed)
        self.contacts_view = _table(self.contacts_model, _PagedView(self.search_edit))
        self.stop_model = StopModel(recipients, self._workers, self)
        self.stop_model.loaded.connect(self._stop_loaded)
        self.stop_model.failed.connect(self._read_failed)
        self.stop_view = _table(self.stop_model, _PagedView())

        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_file)
        self.paste_button = QPushButton()
        self.paste_button.clicked.connect(lambda: self.open_import(text=""))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.ask_new_list)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.ask_delete)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.ask_check)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.ask_merge)
        self.drop_hint = QLabel()
        self.drop_hint.setStyleSheet("color: #666666")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for button in (self.import_button, self.paste_button, self.new_button):
            row.addWidget(button)
        row.addStretch()
        left_layout.addLayout(row)
        left_layout.addWidget(self.lists_view, 1)
        row = QHBoxLayout()
        for button in (
            self.rename_button,
            self.delete_button,
            self.merge_button,
            self.check_button,
        ):
            row.addWidget(button)
        row.addStretch()
        left_layout.addLayout(row)
        left_layout.addWidget(self.drop_hint)

        self.contents_label = QLabel()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.add_contact_button = QPushButton()
        self.add_contact_button.clicked.connect(self.ask_add_contact)
        self.edit_contact_button = QPushButton()
        self.edit_contact_button.clicked.connect(self.ask_edit_contact)
        self.delete_contacts_button = QPushButton()
        self.delete_contacts_button.clicked.connect(self.ask_delete_contacts)
        self.contacts_view.doubleClicked.connect(lambda _index: self.ask_edit_contact())
        self.contacts_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        contents = QWidget()
        contents_layout = QVBoxLayout(contents)
        contents_layout.addWidget(self.contents_label)
        contents_layout.addWidget(self.search_edit)
        contents_layout.addWidget(self.contacts_view, 1)
        contact_row = QHBoxLayout()
        for button in (
            self.add_contact_button,
            self.edit_contact_button,
            self.delete_contacts_button,
        ):
            contact_row.addWidget(button)
        contact_row.addStretch()
        contents_layout.addLayout(contact_row)

        self.stop_label = QLabel()
        self.add_stop_button = QPushButton()
        self.add_stop_button.clicked.connect(self.ask_add_stop)
        self.remove_stop_button = QPushButton()
        self.remove_stop_button.clicked.connect(self.remove_selected_stop)
        self.import_stop_button = QPushButton()
        self.import_stop_button.clicked.connect(self.choose_stop_file)
        stop = QWidget()
        stop_layout = QVBoxLayout(stop)
        stop_layout.addWidget(self.stop_label)
        stop_layout.addWidget(self.stop_view, 1)
        row = QHBoxLayout()
        for button in (self.add_stop_button, self.remove_stop_button, self.import_stop_button):
            row.addWidget(button)
        row.addStretch()
        stop_layout.addLayout(row)

        self.right_tabs = QTabWidget()
        self.right_tabs.addTab(contents, "")
        self.right_tabs.addTab(stop, "")

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(1, 2)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.job_label = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.job_label)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self._update_buttons()
        self.reload()
        self.stop_model.reload()

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("&Import a file…"))
        self.paste_button.setText(self.tr("&Paste numbers…"))
        self.new_button.setText(self.tr("&New list…"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.check_button.setText(self.tr("Check with the net&works…"))
        self.check_button.setToolTip(
            self.tr(
                "Ask the mobile networks which numbers exist and can be reached (paid: "
                "{credits} credit a number at OVH); you then choose which to remove"
            ).format(credits=formats.number(HLR_CREDITS_PER_NUMBER))
        )
        self.merge_button.setText(self.tr("&Merge into…"))
        self.merge_button.setToolTip(
            self.tr("Copy this list's contacts into another list (new or existing), a number once")
        )
        self.drop_hint.setText(
            self.tr("Drop a file here to import it: CSV, TXT, Excel, LibreOffice or vCards.")
        )
        self.search_edit.setPlaceholderText(self.tr("Search a name or a number"))
        self.add_contact_button.setText(self.tr("Add a &contact…"))
        self.edit_contact_button.setText(self.tr("&Edit…"))
        self.delete_contacts_button.setText(self.tr("Delete the selected contacts"))
        self.add_stop_button.setText(self.tr("&Add numbers…"))
        self.remove_stop_button.setText(self.tr("Re&move…"))
        self.import_stop_button.setText(self.tr("Import a &file…"))
        self.right_tabs.setTabText(0, self.tr("Contacts of the list"))
        self.right_tabs.setTabText(1, self.tr("Stop list"))
        self.cancel_button.setText(self.tr("Cancel"))
        for model in (self.lists_model, self.contacts_model, self.stop_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self._show_count(self.selected_list)
        self._show_stop_count()

    def refresh(self) -> None:
        """Read the lists, the contacts shown and the stop list again (in workers)."""
        self.reload()
        self.stop_model.reload()

    # -- lists -----------------------------------------------------------------------

    @property
    def selected_list(self) -> ListInfo | None:
        return self.lists_model.row_at(self.lists_view.currentIndex().row())

    def reload(self, select: int | None = None) -> None:
        """Read the lists again (in a worker) and keep (or move to) a selection."""
        if select is not None:
            self._selected_id = select
        self._workers.run(
            lambda **_: self._recipients.lists(),
            on_result=self._lists_loaded,
            on_error=self._read_failed,
        )

    def _read_failed(self, message: str) -> None:
        self.status_message.emit(self.tr("Recipient lists: {message}").format(message=message))

    def _lists_loaded(self, lists: list[ListInfo]) -> None:
        wanted = self._selected_id
        self._lists_read = True
        self.lists_model.set_rows(lists)
        for column in (ListsModel.COL_CONTACTS, ListsModel.COL_CREATED):
            self.lists_view.resizeColumnToContents(column)
        row = self.lists_model.row_of(wanted) if wanted is not None else -1
        if row < 0 and lists:
            row = 0
        if row >= 0:
            self.lists_view.selectRow(row)
            if self.selected_list is not None and self.selected_list.id == wanted:
                self._show_contents(self.selected_list)  # the same list: read it again
        else:
            self._show_contents(None)
        if self.import_dialog is not None:
            self.import_dialog.set_lists([info.name for info in lists])

    def _list_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        info = self.selected_list
        if info is not None and info.id == self._selected_id and self.contacts_model.list_id:
            return  # reselected after a reload: _lists_loaded reads it again
        self._selected_id = info.id if info else None
        self._show_contents(info)

    def _show_contents(self, info: ListInfo | None) -> None:
        self.contacts_model.show_list(info.id if info else None)
        self._show_count(info)

    def _contacts_loaded(self) -> None:
        self.contacts_view.resizeColumnToContents(ContactsModel.COL_NUMBER)
        self.contacts_view.resizeColumnToContents(ContactsModel.COL_NAME)
        self._show_count(self.selected_list)

    def _show_count(self, info: ListInfo | None) -> None:
        total = self.contacts_model.total
        if info is None:
            self.contents_label.setText(
                self.tr("No list yet: import a file or paste numbers.") if self._lists_read else ""
            )
        elif self.contacts_model.search:
            self.contents_label.setText(
                self.tr("“{list}”: %n contact(s) match “{search}”", "", total).format(
                    list=info.name, search=self.contacts_model.search
                )
            )
        else:
            self.contents_label.setText(
                self.tr("“{list}”: %n contact(s), by number", "", total).format(list=info.name)
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_list is not None
        busy = self._job is not None
        for button in (
            self.rename_button,
            self.delete_button,
            self.check_button,
            self.merge_button,
            self.add_contact_button,
        ):
            button.setEnabled(chosen and not busy)
        picked = self.selected_contacts()
        self.edit_contact_button.setEnabled(chosen and len(picked) == 1)
        self.delete_contacts_button.setEnabled(chosen and bool(picked) and not busy)
        self.import_stop_button.setEnabled(not busy)

    def _changed(self, list_id: int | None = None) -> None:
        self.reload(select=list_id)
        self.lists_changed.emit()

    def _box(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        on_yes: Callable[[], None] | None = None,
        details: str = "",
    ) -> QMessageBox:
        """A window-modal box; with `on_yes`, a Yes/No question."""
        box = QMessageBox(icon, title, text, parent=self)
        if on_yes is not None:
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.accepted.connect(on_yes)
        if details:
            box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.last_box = box
        box.open()
        return box

    def _error(self, message: str) -> None:
        self._box(QMessageBox.Icon.Warning, "smsdesk", message)

    def _write(self, work: Callable[[], object], done: Callable[[Any], None]) -> None:
        """A change to the database, in a worker; a refusal is shown in a box."""
        self._workers.run(lambda **_: work(), on_result=done, on_error=self._error)

    def _ask_text(
        self, title: str, label: str, value: str, done: Callable[[str], None], multiline: bool
    ) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if multiline:
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(value)
        dialog.textValueSelected.connect(done)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.last_input = dialog
        dialog.open()
        return dialog

    def ask_new_list(self) -> None:
        def created(info: ListInfo) -> None:
            self.status_message.emit(self.tr("List “{list}” created").format(list=info.name))
            self._changed(info.id)

        self._ask_text(
            self.tr("New list"),
            self.tr("Name of the new list:"),
            "",
            lambda name: self._write(lambda: self._recipients.create_list(name), created),
            multiline=False,
        )

    def ask_rename(self) -> None:
        info = self.selected_list
        if info is None:
            return

        def renamed(new: ListInfo) -> None:
            self.status_message.emit(
                self.tr("List “{old}” renamed “{new}”").format(old=info.name, new=new.name)
            )
            self._changed(info.id)

        self._ask_text(
            self.tr("Rename the list"),
            self.tr("New name:"),
            info.name,
            lambda name: self._write(lambda: self._recipients.rename_list(info.id, name), renamed),
            multiline=False,
        )

    def ask_delete(self) -> None:
        info = self.selected_list
        if info is None:
            return
        self._box(
            QMessageBox.Icon.Question,
            self.tr("Delete the list"),
            self.tr(
                "Delete the list “{list}” and its %n contact(s)?\n"
                "The history of the messages already sent stays.",
                "",
                info.contacts,
            ).format(list=info.name),
            on_yes=lambda: self._delete(info),
        )

    def _delete(self, info: ListInfo) -> None:
        def done(removed: int) -> None:
            self._end_job(
                self.tr("List “{list}” deleted (%n contact(s))", "", removed).format(list=info.name)
            )
            self._selected_id = None
            self._changed()

        self._start_job(
            self.tr("Deleting…"),
            lambda **_: self._recipients.delete_list(info.id),
            done,
            cancellable=False,
        )

    # -- operator check --------------------------------------------------------------

    def ask_check(self) -> None:
        info = self.selected_list
        if info is None:
            return
        provider = self._provider()
        self._workers.run(
            lambda **_: self._recipients.quote_check(info.id, provider),
            on_result=self._quoted,
            on_error=self._error,
        )

    def _quoted(self, quote: CheckQuote) -> None:
        title = self.tr("Check with the networks")
        if not quote.supported:
            self._box(
                QMessageBox.Icon.Information,
                title,
                self.tr("The {gateway} gateway cannot check numbers with the networks.").format(
                    gateway=quote.provider
                ),
            )
            return
        self._box(
            QMessageBox.Icon.Question,
            title,
            self.tr(
                "Check the %n number(s) of “{list}” with the mobile networks through "
                "{gateway}?\n\nCost: {credits} credits ({each} a number).\n"
                "You then see each number's operator and choose the numbers to remove.",
                "",
                quote.numbers,
            ).format(
                list=quote.list_name,
                gateway=quote.provider,
                credits=formats.credits(quote.credits),
                each=formats.number(HLR_CREDITS_PER_NUMBER),
            ),
            on_yes=lambda: self._check(quote),
        )

    def _check(self, quote: CheckQuote) -> None:
        def done(answer: tuple[CheckReport, dict[str, str]]) -> None:
            report, names = answer
            words = self.tr(
                "{checked} number(s) checked: {reachable} reachable, {unreachable} unreachable"
            ).format(
                checked=formats.count(report.checked),
                reachable=formats.count(report.reachable),
                unreachable=formats.count(len(report.unreachable)),
            )
            if report.unanswered:
                words = self.tr("{words}; {count} without an answer (kept)").format(
                    words=words, count=formats.count(report.unanswered)
                )
            self._end_job(words)
            dialog = CheckResultsDialog(quote.list_name, report.answers, names, parent=self)
            dialog.accepted.connect(lambda: self._remove_checked(quote, dialog.ticked()))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.check_dialog = dialog
            dialog.open()

        def work(progress: Any, cancel: Any) -> tuple[CheckReport, dict[str, str]]:
            report = self._recipients.check_list(
                quote.list_id,
                quote.provider,
                remove_unreachable=False,
                progress=progress,
                cancel=cancel,
            )
            numbers = [check.e164 for check in report.answers]
            return report, self._recipients.names_of(quote.list_id, numbers)

        self._start_job(self.tr("Checking with the networks…"), work, done)

    def _remove_checked(self, quote: CheckQuote, numbers: list[str]) -> None:
        def removed(count: int) -> None:
            self._end_job(
                self.tr("%n number(s) removed from “{list}”", "", count).format(
                    list=quote.list_name
                )
            )
            self._changed(quote.list_id)

        self._write(lambda: self._recipients.remove_contacts(quote.list_id, numbers), removed)

    # -- contacts --------------------------------------------------------------------

    def selected_contacts(self) -> list[ContactRow]:
        """The selected contacts whose rows are read (a placeholder is not a contact)."""
        view = getattr(self, "contacts_view", None)
        if view is None:
            return []
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        found = [self.contacts_model.loaded_row(row) for row in rows]
        return [contact for contact in found if contact is not None]

    def _search(self) -> None:
        info = self.selected_list
        self.contacts_model.show_list(info.id if info else None, self.search_edit.text())

    def _columns(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for contact in self.contacts_model.loaded_rows()[:50]:
            seen.update(dict.fromkeys(contact.extra))
        return tuple(seen)

    def ask_add_contact(self) -> None:
        self._open_contact(None)

    def ask_edit_contact(self) -> None:
        picked = self.selected_contacts()
        if len(picked) == 1:
            self._open_contact(picked[0])

    def _open_contact(self, contact: ContactRow | None) -> None:
        info = self.selected_list
        if info is None:
            return
        dialog = ContactDialog(info.name, contact, columns=self._columns(), parent=self)
        region = self._region()

        def stored(row: ContactRow) -> None:
            dialog.accept()
            self.contact_dialog = None
            if contact is None:
                words = self.tr("{number} added").format(number=formats.phone(row.e164))
            else:
                words = self.tr("{number} saved").format(number=formats.phone(row.e164))
            self._end_job(words)
            self._changed(info.id)

        def save(number: str, name: str, extra: dict[str, str]) -> None:
            if contact is None:
                work = lambda **_: self._recipients.add_contact(  # noqa: E731
                    info.id, number, name=name, extra=extra, region=region
                )
            else:
                work = lambda **_: self._recipients.update_contact(  # noqa: E731
                    contact.id, number=number, name=name, extra=extra, region=region
                )
            self._workers.run(work, on_result=stored, on_error=dialog.show_error)

        dialog.saved.connect(save)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.contact_dialog = dialog
        dialog.open()

    def ask_delete_contacts(self) -> None:
        info = self.selected_list
        picked = self.selected_contacts()
        if info is None or not picked:
            return
        ids = [contact.id for contact in picked]

        def deleted(removed: int) -> None:
            self._end_job(self.tr("%n contact(s) deleted", "", removed))
            self._changed(info.id)

        names = ", ".join(contact.name or formats.phone(contact.e164) for contact in picked[:3])
        self._box(
            QMessageBox.Icon.Question,
            self.tr("Delete contacts"),
            self.tr("Delete %n contact(s) from “{list}” ({names})?", "", len(ids)).format(
                list=info.name, names=names
            ),
            on_yes=lambda: self._write(lambda: self._recipients.delete_contact_ids(ids), deleted),
        )

    def ask_merge(self) -> None:
        info = self.selected_list
        if info is None:
            return

        def merged(answer: tuple[ListInfo, int, int]) -> None:
            into, added, duplicates = answer
            self._end_job(
                self.tr(
                    "%n contact(s) merged into “{list}”, {already} already there", "", added
                ).format(list=into.name, already=formats.count(duplicates))
            )
            self._changed(into.id)

        self._ask_text(
            self.tr("Merge lists"),
            self.tr("Merge “{list}” into the list (new or existing):").format(list=info.name),
            "",
            lambda name: self._write(lambda: self._recipients.merge_lists([info.id], name), merged),
            False,
        )

    # -- import ----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import recipients"), "", file_filter())
        if path:
            self.open_import(path=Path(path))

    def open_import(self, *, path: Path | None = None, text: str | None = None) -> ImportDialog:
        """The import dialog for a file or pasted text (one at a time: a second file goes
        into the open dialog, unless it is importing)."""
        dialog = self.import_dialog
        if dialog is not None and dialog.isVisible():
            if not dialog.running:
                if path is not None:
                    dialog.set_path(path)
                elif text:
                    dialog.set_text(text)
            dialog.activateWindow()
            return dialog
        info = self.selected_list
        dialog = ImportDialog(
            self._recipients,
            self._workers,
            lists=self.lists_model.names(),
            region=self._region(),
            path=path,
            text=text,
            target_list=info.name if info is not None and text is not None else None,
            parent=self,
        )
        dialog.imported.connect(self._imported)
        dialog.job_finished.connect(self.status_message)
        dialog.finished.connect(lambda _result: self._import_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # its report may hold many rejected lines: freed when the dialog closes
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_closed(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None

    def _imported(self, report: ImportReport) -> None:
        self._changed(report.list_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event) or dropped_text(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event)
        if files:
            self.open_import(path=files[0])
        elif text := dropped_text(event):
            self.open_import(text=text)
        event.acceptProposedAction()

    # -- stop list -------------------------------------------------------------------

    def _show_stop_count(self) -> None:
        self.stop_label.setText(
            self.tr(
                "%n number(s) never sent to (they answered STOP or were added here)",
                "",
                self.stop_model.total,
            )
        )

    def _stop_loaded(self) -> None:
        self.stop_view.resizeColumnToContents(StopModel.COL_NUMBER)
        self._show_stop_count()

    def _stop_changed(self, words: str) -> None:
        self.stop_model.reload()
        self.status_message.emit(words)

    def _stop_words(self, report: StopReport) -> str:
        words = self.tr("%n number(s) added to the stop list", "", report.added)
        if report.already:
            words = self.tr("{words}, {count} already there").format(
                words=words, count=formats.count(report.already)
            )
        if report.invalid:
            words = self.tr("{words}, {count} not numbers ({values})").format(
                words=words,
                count=formats.count(len(report.invalid)),
                values=", ".join(row.value for row in report.invalid[:5]),
            )
        return words

    def ask_add_stop(self) -> None:
        region = self._region()

        def add(text: str) -> None:
            numbers = text.splitlines()
            self._write(
                lambda: self._recipients.add_stop(numbers, region=region),
                lambda report: self._stop_changed(self._stop_words(report)),
            )

        self._ask_text(
            self.tr("Add to the stop list"),
            self.tr("Numbers never to send to (one or several a line):"),
            "",
            add,
            multiline=True,
        )

    def selected_stop_numbers(self) -> list[str]:
        rows = self.stop_view.selectionModel().selectedRows()
        chosen = (self.stop_model.loaded_row(index.row()) for index in rows)
        return [row.e164 for row in chosen if row is not None]

    def remove_selected_stop(self) -> None:
        """Ask why these numbers may be sent to again (the consent trail), then take
        them off the stop list."""
        numbers = self.selected_stop_numbers()
        if not numbers:
            return

        def remove(reason: str) -> None:
            self._write(
                lambda: self._recipients.remove_stop(numbers, reason=reason),
                lambda removed: self._stop_changed(
                    self.tr("%n number(s) removed from the stop list", "", removed)
                ),
            )

        self._ask_text(
            self.tr("Remove from the stop list"),
            self.tr(
                "Why may these %n number(s) be sent to again? (how their consent was given)",
                "",
                len(numbers),
            ),
            self.tr("removed by hand in Contacts"),
            remove,
            multiline=False,
        )

    def choose_stop_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a stop list"), "", file_filter()
        )
        if path:
            self.import_stop_file(Path(path))

    def import_stop_file(self, path: Path) -> None:
        def done(report: StopReport) -> None:
            self._end_job("")
            self._stop_changed(self._stop_words(report))

        region = self._region()
        self._start_job(
            self.tr("Importing the stop list…"),
            lambda progress, cancel: self._recipients.import_stop_file(
                path, region=region, progress=progress, cancel=cancel
            ),
            done,
        )

    # -- long jobs -------------------------------------------------------------------

    def _start_job(
        self,
        words: str,
        work: Callable[..., object],
        done: Callable[[Any], None],
        *,
        cancellable: bool = True,
    ) -> None:
        self.job_label.setText(words)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        self._job = self._workers.run(
            work,
            on_result=done,
            on_error=self._job_failed,
            on_progress=self._job_progress,
        )
        self._update_buttons()

    def _job_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _job_failed(self, message: str) -> None:
        cancelled = self._job is not None and self._job.cancel_event.is_set()
        if cancelled:
            self._end_job(self.tr("Cancelled: nothing was changed"))
        else:
            self._end_job(self.tr("Failed: {message}").format(message=message))

    def _end_job(self, words: str) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.job_label.setText(words)
        self._update_buttons()
        if words:
            self.status_message.emit(words)
        self.job_finished.emit(words)

    def cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.stop_model.reload()  # STOP answers may have arrived meanwhile
