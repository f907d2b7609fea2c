"""Contacts tab: the recipient lists, the contacts of the chosen one (paged), the stop list.

Importing opens the import dialog (a file chosen or dropped on the tab, or pasted
numbers). Deleting a list, the operator check and importing a stop list run in workers;
the window stays responsive. Confirmations are window-modal boxes kept in `last_box`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
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
    RecipientsError,
    RecipientService,
    StopReport,
    StopRow,
)
from smsdesk.ui.check_dialog import CheckResultsDialog
from smsdesk.ui.contact_dialog import ContactDialog
from smsdesk.ui.import_dialog import (
    FILE_FILTER,
    ImportDialog,
    RowsModel,
    dropped_text,
    grouped,
    local_files,
)
from smsdesk.ui.table_models import AnyIndex, readable_number
from smsdesk.ui.workers import Worker, WorkerPool

RowT = TypeVar("RowT")
PAGE_SIZE = 200


def _local(instant: datetime) -> str:
    return instant.astimezone().strftime("%Y-%m-%d %H:%M")


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

    def text(self, row: ListInfo, column: int) -> str | None:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_CONTACTS:
            return grouped(row.contacts)
        if column == self.COL_CREATED:
            return _local(row.created_at)
        return None


class _PagedModel(RowsModel[RowT]):
    """Rows read a page at a time as the view scrolls (a list may hold a million)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    def reset(self, total: int) -> None:
        """Start again with `total` rows, the first page read at once."""
        self.beginResetModel()
        self._total = total
        self._rows = self.page(None) if total else []
        if len(self._rows) < PAGE_SIZE:
            self._total = len(self._rows)
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        page = self.page(self._rows[-1] if self._rows else None)
        if not page:  # fewer rows than counted: the list shrank meanwhile
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def page(self, after: RowT | None) -> list[RowT]:
        raise NotImplementedError


class ContactsModel(_PagedModel[ContactRow]):
    COL_NUMBER, COL_NAME, COL_OTHERS = range(3)
    HEADERS = ("Number", "Name", "Other columns")

    def __init__(self, recipients: RecipientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recipients = recipients
        self.list_id: int | None = None
        self.search = ""

    def show_list(self, list_id: int | None, search: str | None = None) -> None:
        self.list_id = list_id
        if search is not None:
            self.search = search.strip()
        if list_id is None:
            total = 0
        elif self.search:
            total = self._recipients.count_matching(list_id, self.search)
        else:
            total = self._recipients.count_contacts(list_id)
        self.reset(total)

    def page(self, after: ContactRow | None) -> list[ContactRow]:
        if self.list_id is None:
            return []
        return self._recipients.contacts_page(
            self.list_id,
            after=after.e164 if after else None,
            limit=PAGE_SIZE,
            search=self.search or None,
        )

    def text(self, row: ContactRow, column: int) -> str | None:
        if column == self.COL_NUMBER:
            return readable_number(row.e164)
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

    def __init__(self, recipients: RecipientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recipients = recipients

    def reload(self) -> None:
        self.reset(self._recipients.stop_count())

    def page(self, after: StopRow | None) -> list[StopRow]:
        return self._recipients.stop_entries(after=after.e164 if after else None, limit=PAGE_SIZE)

    def text(self, row: StopRow, column: int) -> str | None:
        if column == self.COL_NUMBER:
            return readable_number(row.e164)
        if column == self.COL_REASON:
            return row.reason
        if column == self.COL_ADDED:
            return _local(row.added_at)
        return None

    def tooltip(self, row: StopRow, column: int) -> str | None:
        return row.e164 if column == self.COL_NUMBER else None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class ContactsTab(QWidget):
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
        self.import_dialog: ImportDialog | None = None
        self.last_box: QMessageBox | None = None
        self.last_input: QInputDialog | None = None
        self.setAcceptDrops(True)

        self.lists_model = ListsModel(self)
        self.lists_view = _table(self.lists_model)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lists_view.horizontalHeader().setSectionResizeMode(
            ListsModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.lists_view.horizontalHeader().setStretchLastSection(False)
        self.lists_view.selectionModel().selectionChanged.connect(self._list_selected)
        self.contacts_model = ContactsModel(recipients, self)
        self.contacts_view = _table(self.contacts_model)
        self.stop_model = StopModel(recipients, self)
        self.stop_view = _table(self.stop_model)

        self.import_button = QPushButton("&Import a file…")
        self.import_button.clicked.connect(self.choose_file)
        self.paste_button = QPushButton("&Paste numbers…")
        self.paste_button.clicked.connect(lambda: self.open_import(text=""))
        self.new_button = QPushButton("&New list…")
        self.new_button.clicked.connect(self.ask_new_list)
        self.rename_button = QPushButton("&Rename…")
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self.ask_delete)
        self.check_button = QPushButton("Check with the net&works…")
        self.check_button.setToolTip(
            "Ask the mobile networks which numbers exist and can be reached (paid: "
            f"{HLR_CREDITS_PER_NUMBER:g} credit a number at OVH), then remove the others"
        )
        self.check_button.clicked.connect(self.ask_check)
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.merge_button.setToolTip(
            self.tr("Copy this list's contacts into another list (new or existing), a number once")
        )
        self.merge_button.clicked.connect(self.ask_merge)
        self.drop_hint = QLabel(
            self.tr("Drop a file here to import it: CSV, TXT, Excel, LibreOffice or vCards.")
        )
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
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search a name or a number"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.add_contact_button = QPushButton(self.tr("Add a &contact…"))
        self.add_contact_button.clicked.connect(self.ask_add_contact)
        self.edit_contact_button = QPushButton(self.tr("&Edit…"))
        self.edit_contact_button.clicked.connect(self.ask_edit_contact)
        self.delete_contacts_button = QPushButton(self.tr("Delete the selected contacts"))
        self.delete_contacts_button.clicked.connect(self.ask_delete_contacts)
        self.contacts_view.doubleClicked.connect(lambda _index: self.ask_edit_contact())
        self.contacts_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.contact_dialog: ContactDialog | None = None
        self.check_dialog: CheckResultsDialog | None = None
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
        self.add_stop_button = QPushButton("&Add numbers…")
        self.add_stop_button.clicked.connect(self.ask_add_stop)
        self.remove_stop_button = QPushButton("Re&move")
        self.remove_stop_button.clicked.connect(self.remove_selected_stop)
        self.import_stop_button = QPushButton("Import a &file…")
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
        self.right_tabs.addTab(contents, "Contacts of the list")
        self.right_tabs.addTab(stop, "Stop list")

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(1, 2)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.job_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.job_label)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._update_buttons()
        self.reload()
        self.stop_model.reload()
        self._show_stop_count()

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
            on_error=lambda message: self.status_message.emit(f"Recipient lists: {message}"),
        )

    def _lists_loaded(self, lists: list[ListInfo]) -> None:
        wanted = self._selected_id
        self.lists_model.set_rows(lists)
        for column in (ListsModel.COL_CONTACTS, ListsModel.COL_CREATED):
            self.lists_view.resizeColumnToContents(column)
        row = self.lists_model.row_of(wanted) if wanted is not None else -1
        if row < 0 and lists:
            row = 0
        if row >= 0:
            self.lists_view.selectRow(row)
        else:
            self._show_contents(None)
        if self.import_dialog is not None:
            self.import_dialog.set_lists([info.name for info in lists])

    def _list_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        info = self.selected_list
        self._selected_id = info.id if info else None
        self._show_contents(info)

    def _show_contents(self, info: ListInfo | None) -> None:
        self.contacts_model.show_list(info.id if info else None)
        self.contacts_view.resizeColumnToContents(ContactsModel.COL_NUMBER)
        self.contacts_view.resizeColumnToContents(ContactsModel.COL_NAME)
        self._show_count(info)

    def _show_count(self, info: ListInfo | None) -> None:
        if info is None:
            self.contents_label.setText("No list yet: import a file or paste numbers.")
        elif self.contacts_model.search:
            self.contents_label.setText(
                self.tr("“{0}”: {1} contact(s) match “{2}”").format(
                    info.name, grouped(self.contacts_model.total), self.contacts_model.search
                )
            )
        else:
            self.contents_label.setText(
                f"“{info.name}”: {grouped(self.contacts_model.total)} contacts, by number"
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
        picked = bool(self.selected_contacts())
        self.edit_contact_button.setEnabled(chosen and len(self.selected_contacts()) == 1)
        self.delete_contacts_button.setEnabled(chosen and picked and not busy)
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
        def create(name: str) -> None:
            try:
                created = self._recipients.create_list(name)
            except RecipientsError as error:
                self._error(str(error))
                return
            self.status_message.emit(f"List “{created.name}” created")
            self._changed(created.id)

        self._ask_text("New list", "Name of the new list:", "", create, multiline=False)

    def ask_rename(self) -> None:
        info = self.selected_list
        if info is None:
            return

        def rename(name: str) -> None:
            try:
                renamed = self._recipients.rename_list(info.id, name)
            except RecipientsError as error:
                self._error(str(error))
                return
            self.status_message.emit(f"List “{info.name}” renamed “{renamed.name}”")
            self._changed(info.id)

        self._ask_text("Rename the list", "New name:", info.name, rename, multiline=False)

    def ask_delete(self) -> None:
        info = self.selected_list
        if info is None:
            return
        self._box(
            QMessageBox.Icon.Question,
            "Delete the list",
            f"Delete the list “{info.name}” and its {grouped(info.contacts)} contacts?\n"
            "The history of the messages already sent stays.",
            on_yes=lambda: self._delete(info),
        )

    def _delete(self, info: ListInfo) -> None:
        def done(removed: int) -> None:
            self._end_job(f"List “{info.name}” deleted ({grouped(removed)} contacts)")
            self._selected_id = None
            self._changed()

        self._start_job(
            "Deleting…",
            lambda **_: self._recipients.delete_list(info.id),
            done,
            cancellable=False,
        )

    # -- operator check --------------------------------------------------------------

    def ask_check(self) -> None:
        info = self.selected_list
        if info is None:
            return
        quote = self._recipients.quote_check(info.id, self._provider())
        if not quote.supported:
            self._box(
                QMessageBox.Icon.Information,
                "Check with the networks",
                f"The {quote.provider} gateway cannot check numbers with the networks.",
            )
            return
        self._box(
            QMessageBox.Icon.Question,
            "Check with the networks",
            f"Check the {grouped(quote.numbers)} numbers of “{quote.list_name}” with the "
            f"mobile networks through {quote.provider}?\n\n"
            f"Cost: {quote.credits:,.1f} credits ({HLR_CREDITS_PER_NUMBER:g} a number).\n"
            "You then see each number's operator and choose the numbers to remove.",
            on_yes=lambda: self._check(quote),
        )

    def _check(self, quote: CheckQuote) -> None:
        def done(answer: tuple[CheckReport, dict[str, str]]) -> None:
            report, names = answer
            unreachable = len(report.unreachable)
            words = (
                f"{grouped(report.checked)} numbers checked: {grouped(report.reachable)} "
                f"reachable, {grouped(unreachable)} unreachable"
            )
            if report.unanswered:
                words += f", {grouped(report.unanswered)} without an answer (kept)"
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

        self._start_job("Checking with the networks…", work, done)

    def _remove_checked(self, quote: CheckQuote, numbers: list[str]) -> None:
        def removed(count: int) -> None:
            self._end_job(
                self.tr("{0} number(s) removed from “{1}”").format(count, quote.list_name)
            )
            self._changed(quote.list_id)

        self._workers.run(
            lambda **_: self._recipients.remove_contacts(quote.list_id, numbers),
            on_result=removed,
            on_error=self._error,
        )

    # -- contacts --------------------------------------------------------------------

    def selected_contacts(self) -> list[ContactRow]:
        view = getattr(self, "contacts_view", None)
        if view is None:
            return []
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        found = [self.contacts_model.row_at(row) for row in rows]
        return [contact for contact in found if contact is not None]

    def _search(self) -> None:
        info = self.selected_list
        self.contacts_model.show_list(info.id if info else None, self.search_edit.text())
        self._show_count(info)

    def _columns(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for row in range(min(self.contacts_model.rowCount(), 50)):
            contact = self.contacts_model.row_at(row)
            if contact is not None:
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
            verb = self.tr("added") if contact is None else self.tr("saved")
            self._end_job(self.tr("{0} {1}").format(readable_number(row.e164), verb))
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

        def delete() -> None:
            self._workers.run(
                lambda **_: self._recipients.delete_contact_ids(ids),
                on_result=lambda removed: (
                    self._end_job(self.tr("{0} contact(s) deleted").format(removed)),
                    self._changed(info.id),
                ),
                on_error=self._error,
            )

        names = ", ".join(contact.name or readable_number(contact.e164) for contact in picked[:3])
        self._box(
            QMessageBox.Icon.Question,
            self.tr("Delete contacts"),
            self.tr("Delete {0} contact(s) from “{1}” ({2})?").format(len(ids), info.name, names),
            on_yes=delete,
        )

    def ask_merge(self) -> None:
        info = self.selected_list
        if info is None:
            return

        def merge(name: str) -> None:
            def done(answer: tuple[ListInfo, int, int]) -> None:
                merged, added, duplicates = answer
                self._end_job(
                    self.tr("{0} contact(s) merged into “{1}”, {2} already there").format(
                        added, merged.name, duplicates
                    )
                )
                self._changed(merged.id)

            self._workers.run(
                lambda **_: self._recipients.merge_lists([info.id], name),
                on_result=done,
                on_error=self._error,
            )

        self._ask_text(
            self.tr("Merge lists"),
            self.tr("Merge “{0}” into the list (new or existing):").format(info.name),
            "",
            merge,
            False,
        )

    # -- import ----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import recipients", "", FILE_FILTER)
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
            f"{grouped(self.stop_model.total)} numbers never sent to (they answered STOP "
            "or were added here)"
        )

    def _stop_changed(self, words: str) -> None:
        self.stop_model.reload()
        self.stop_view.resizeColumnToContents(StopModel.COL_NUMBER)
        self._show_stop_count()
        self.status_message.emit(words)

    @staticmethod
    def _stop_words(report: StopReport) -> str:
        words = f"{grouped(report.added)} numbers added to the stop list"
        if report.already:
            words += f", {grouped(report.already)} already there"
        if report.invalid:
            bad = ", ".join(row.value for row in report.invalid[:5])
            words += f", {grouped(len(report.invalid))} not numbers ({bad})"
        return words

    def ask_add_stop(self) -> None:
        def add(text: str) -> None:
            try:
                report = self._recipients.add_stop(text.splitlines(), region=self._region())
            except RecipientsError as error:
                self._error(str(error))
                return
            self._stop_changed(self._stop_words(report))

        self._ask_text(
            "Add to the stop list",
            "Numbers never to send to (one or several a line):",
            "",
            add,
            multiline=True,
        )

    def selected_stop_numbers(self) -> list[str]:
        rows = self.stop_view.selectionModel().selectedRows()
        chosen = (self.stop_model.row_at(index.row()) for index in rows)
        return [row.e164 for row in chosen if row is not None]

    def remove_selected_stop(self) -> None:
        numbers = self.selected_stop_numbers()
        if not numbers:
            return
        removed = self._recipients.remove_stop(numbers)
        self._stop_changed(f"{grouped(removed)} numbers removed from the stop list")

    def choose_stop_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a stop list", "", FILE_FILTER)
        if path:
            self.import_stop_file(Path(path))

    def import_stop_file(self, path: Path) -> None:
        def done(report: StopReport) -> None:
            self._end_job("")
            self._stop_changed(self._stop_words(report))

        region = self._region()
        self._start_job(
            "Importing the stop list…",
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
        done: Callable[[object], None],
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
        self._end_job("Cancelled: nothing was changed" if cancelled else f"Failed: {message}")

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
        self._show_stop_count()
