"""Table models over the services' page queries: they never hold every row."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import phonenumbers
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from smsdesk.domain.delivery import CampaignStatus, MessageStatus
from smsdesk.services.campaigns import CampaignSummary
from smsdesk.services.history import (
    HistoryFilter,
    HistoryService,
    MessageRow,
    ResultSet,
    SortColumn,
    SortKey,
)
from smsdesk.ui import formats, words
from smsdesk.ui.words import QT_TRANSLATE_NOOP
from smsdesk.ui.workers import Worker, WorkerPool

AnyIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")

STATUS_COLOURS = {
    MessageStatus.DELIVERED: QColor("#1b7f3b"),
    MessageStatus.FAILED: QColor("#b3261e"),
    MessageStatus.EXPIRED: QColor("#b3261e"),
    MessageStatus.UNKNOWN: QColor("#a15c00"),
    MessageStatus.CANCELLED: QColor("#666666"),
}
# made once: a QBrush built in data() gave the GIL up (a Qt constructor), once a cell
STATUS_BRUSHES = {status: QBrush(colour) for status, colour in STATUS_COLOURS.items()}


def readable_number(e164: str) -> str:
    """+33612345678 -> +33 6 12 34 56 78 (the E.164 form stays in the tooltip)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _open_numbered(
    generation: int,
    history: HistoryService,
    flt: HistoryFilter,
    order: SortKey,
    page_size: int,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> tuple[int, ResultSet]:
    """Runs in a worker: the result, tagged with the request it answers."""
    result = history.open_result(flt, order, page_size=page_size, cancel=cancel)
    return generation, result


def _read_page(
    history: HistoryService,
    result: ResultSet,
    page_number: int,
    page_size: int,
    after: MessageRow | None,
    before: MessageRow | None,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> tuple[ResultSet, int, list[MessageRow | None] | None]:
    """Runs in a worker: one page of a snapshot (None when it was no longer wanted)."""
    if cancel.is_set():
        return result, page_number, None
    rows = history.result_page(
        result, page_number * page_size, page_size, after=after, before=before
    )
    return result, page_number, rows


# what a receipt never changes: rows sorted by these keep their places across a refresh
_STABLE_SORTS = frozenset(
    {
        SortColumn.ID,
        SortColumn.CREATED_AT,
        SortColumn.SENDER,
        SortColumn.RECEIVER,
        SortColumn.BODY,
        SortColumn.PARTS,
        SortColumn.TAG,
        SortColumn.CAMPAIGN,
    }
)


def _same_rows(old: ResultSet, new: ResultSet) -> bool:
    """Whether row n of `new` is the message of row n of `old`, for every n."""
    if (old.filter, old.order, old.count, old.max_id) != (
        new.filter,
        new.order,
        new.count,
        new.max_id,
    ) or not new.count:
        return False
    if old.ids is not None or new.ids is not None:
        return old.ids == new.ids
    # along an index, with nothing added or removed: the same rows unless the sort key is
    # one that receipts change
    return new.order.column in _STABLE_SORTS


_STATUS_ICONS: dict[MessageStatus, QIcon] = {}


def status_icon(status: MessageStatus) -> QIcon:
    """A coloured dot for the status (made once, after the QApplication exists)."""
    icon = _STATUS_ICONS.get(status)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLOURS.get(status, QColor("#3b6fb6")))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _STATUS_ICONS[status] = QIcon(pixmap)
    return icon


_NO_INDEX = QModelIndex()
INDEX_CACHE = 4_000  # cells: ten screens of History; each is an object the collector walks


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are named once, in HEADERS."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._indexes: dict[tuple[int, int], QModelIndex] = {}
        # a kept index names this model: none is handed out once the model is gone
        self.destroyed.connect(self._indexes.clear)

    def index(self, row: int, column: int, parent: AnyIndex = _NO_INDEX) -> QModelIndex:
        """A view asks for the index of every cell it paints. Qt's own index() calls
        rowCount and columnCount, two entries into Python, and createIndex gives the GIL
        up: while a worker runs Python each costs a wait (measured: a paint took 36 ms
        instead of 21). So the cells' indexes are made once and kept (a flat table's
        index is the same whatever the rows hold)."""
        if parent.isValid() or not (0 <= row < self.rowCount() and 0 <= column < len(self.HEADERS)):
            return _NO_INDEX
        found = self._indexes.get((row, column))
        if found is None:
            if len(self._indexes) >= INDEX_CACHE:
                self._indexes.clear()
            found = self._indexes[(row, column)] = self.createIndex(row, column)
        return found

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for a cell, in one call. Qt's default calls data()
        once a role (7 a cell), and each call from C++ takes the GIL again: while a worker
        runs Python, every take can wait for it, and a repaint took 8 times as long."""
        data = self.data
        slots: Any = roleDataSpan  # PySide's stubs lack the span's len() and []
        for position in range(len(slots)):
            slot = slots[position]
            value = data(index, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)


class RowsModel(HeaderedTableModel, Generic[RowT]):
    """A read-only table over a sequence of frozen rows; subclasses name the columns
    (HEADERS) and say what a cell shows (`text`, `tooltip`, `alignment`)."""

    def __init__(self, parent: QObject | None = None, *, rows: Sequence[RowT] = ()) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowT] = rows

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        header = super().headerData(section, orientation, role)
        if isinstance(header, str):  # HEADERS are marked with QT_TRANSLATE_NOOP
            return QCoreApplication.translate(type(self).__name__, header)
        return header

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(index.column())
        return None

    def text(self, row: RowT, column: int) -> object:
        raise NotImplementedError

    def tooltip(self, row: RowT, column: int) -> str | None:
        return None

    def alignment(self, column: int) -> int | None:
        return None

    def retranslate(self) -> None:
        """The language changed: headers and cells are read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.HEADERS) - 1))
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


class HistoryTableModel(HeaderedTableModel):
    """Rows of a `ResultSet` snapshot, read a page at a time by workers, kept in a small cache.

    `data()` never reads the database: a row whose page is not here yet shows a
    placeholder, its page (and the pages around it) is asked of a worker, and the row is
    repainted when the page arrives. Opening a result (count, sorted ids, first page) runs
    in a worker too; the old rows stay on screen until the new ones are ready. Without a
    WorkerPool (scripts, no event loop) both run inline instead.
    """

    (
        COL_DATE,
        COL_SENDER,
        COL_RECEIVER,
        COL_MESSAGE,
        COL_PARTS,
        COL_STATUS,
        COL_OPERATOR,
        COL_TAG,
        COL_CAMPAIGN,
    ) = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryTableModel", "Date"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Sender"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Receiver"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Message"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Parts"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Status"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Operator"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Tag"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Campaign"),
    )
    SORT_COLUMNS = (
        SortColumn.SUBMITTED_AT,
        SortColumn.SENDER,
        SortColumn.RECEIVER,
        SortColumn.BODY,
        SortColumn.PARTS,
        SortColumn.STATUS,
        SortColumn.OPERATOR,
        SortColumn.TAG,
        SortColumn.CAMPAIGN,
    )
    PAGE_SIZE = 200
    MAX_PAGES = 50  # cached pages (10,000 rows at most in memory)
    MAX_IN_FLIGHT = 6  # page reads queued at once; older ones are dropped (scrolled past)

    loaded = Signal()  # a new result is in place
    busy_changed = Signal(bool)  # a result is being opened in a worker
    failed = Signal(str)
    rows_arrived = Signal(int, int)  # first and last row of a page that just came in

    def __init__(
        self,
        history: HistoryService,
        pool: WorkerPool | None = None,
        *,
        order: SortKey = SortKey(),  # noqa: B008 (frozen)
        load: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._pool = pool
        self._filter = HistoryFilter()
        self._order = order
        self._result = ResultSet(self._filter, order, 0, 0)
        self._pages: OrderedDict[int, list[MessageRow | None]] = OrderedDict()
        # the previous snapshot's pages, shown while their fresh copies are read (a refresh
        # that kept every row in place: only statuses may have moved)
        self._stale: dict[int, list[MessageRow | None]] = {}
        self._asked: OrderedDict[int, Worker] = OrderedDict()
        self._demanded: set[int] = set()  # asked for by a paint, not a prefetch
        self._generation = 0
        self._worker: Worker | None = None
        if load:
            self.reload()

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._result.count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._shown_row(index.row())
        column = index.column()
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and column == self.COL_DATE:
                return self.tr("Loading…")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_MESSAGE:
                return row.body
            if column == self.COL_RECEIVER:
                return row.receiver
            if column == self.COL_STATUS:
                return (
                    words.describe(row.ptt, row.dlr)
                    or words.reason(row.error or "")
                    or self.status_text(row.status)
                )
            if column == self.COL_OPERATOR:
                return row.operator_code
            if column == self.COL_DATE:
                return self.tr("Created {0}").format(formats.date_time(row.created_at))
            if column == self.COL_CAMPAIGN and row.campaign_id is not None:
                return self.tr("Campaign #{0}").format(row.campaign_id)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_STATUS:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return STATUS_BRUSHES.get(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_PARTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_COLUMNS):
            return
        key = SortKey(self.SORT_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if key == self._order:
            return
        self._order = key
        self.reload()

    # -- our API ---------------------------------------------------------------------

    def status_text(self, status: MessageStatus) -> str:
        return words.message_status(status)

    def _display(self, row: MessageRow, column: int) -> Any:
        if column == self.COL_DATE:
            return formats.date_time(row.submitted_at, seconds=True)
        if column == self.COL_SENDER:
            return row.sender
        if column == self.COL_RECEIVER:
            return formats.phone(row.receiver)
        if column == self.COL_MESSAGE:
            return row.body.replace("\n", " ")
        if column == self.COL_PARTS:
            return formats.count(row.parts)
        if column == self.COL_STATUS:
            label = self.status_text(row.status)
            if row.ptt is not None and row.status is not MessageStatus.DELIVERED:
                return self.tr("{status}: {reason}").format(
                    status=label, reason=words.describe(row.ptt, None)
                )
            return label
        if column == self.COL_OPERATOR:
            return row.operator
        if column == self.COL_TAG:
            return row.tag
        if column == self.COL_CAMPAIGN:
            if row.campaign_id is None:
                return ""
            return row.campaign_name or f"#{row.campaign_id}"
        return None

    def _shown_row(self, row_number: int) -> MessageRow | None:
        """The row to paint: from the cache, else from the previous snapshot while its
        page is read again; asks for the page when it is not here."""
        if not 0 <= row_number < self._result.count:
            return None
        page_number, offset = divmod(row_number, self.PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            self.request_page(page_number)
            page = self._pages.get(page_number)  # inline mode reads it right away
            if page is None:
                page = self._stale.get(page_number)
                if page is None:
                    return None
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def row_at(self, row_number: int) -> MessageRow | None:
        """The message shown at this row if its page is here (None past the end, while
        its page is being read, or if deleted since). Never reads the database."""
        if not 0 <= row_number < self._result.count:
            return None
        page_number, offset = divmod(row_number, self.PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            return None
        return page[offset] if offset < len(page) else None

    def has_rows(self, first: int, last: int) -> bool:
        """Whether the pages of rows first..last (inclusive) are here."""
        last = min(last, self._result.count - 1)
        pages = range(first // self.PAGE_SIZE, last // self.PAGE_SIZE + 1)
        return all(p in self._pages for p in pages)

    def load_rows(self, first: int, last: int) -> None:
        """Ask for the pages of rows first..last (inclusive); `rows_arrived` tells."""
        last = min(last, self._result.count - 1)
        for page_number in range(first // self.PAGE_SIZE, last // self.PAGE_SIZE + 1):
            self.request_page(page_number, prefetch=False)

    def request_page(self, page_number: int, *, prefetch: bool = True) -> None:
        """Read a page in a worker (and, with `prefetch`, the pages on either side)."""
        wanted = [page_number]
        if prefetch:
            wanted += [page_number + 1, page_number - 1]
        last_page = (self._result.count - 1) // self.PAGE_SIZE
        for number in wanted:
            if 0 <= number <= last_page and number not in self._pages:
                self._ask(number, demanded=number == page_number)

    def _ask(self, page_number: int, *, demanded: bool = True) -> None:
        if page_number in self._asked:
            self._asked.move_to_end(page_number)
            if demanded:
                self._demanded.add(page_number)
            return
        after, before = self._neighbours(page_number)
        if self._pool is None:
            rows = self._history.result_page(
                self._result,
                page_number * self.PAGE_SIZE,
                self.PAGE_SIZE,
                after=after,
                before=before,
            )
            self._store(page_number, rows)
            return
        worker = Worker(
            _read_page, self._history, self._result, page_number, self.PAGE_SIZE, after, before
        )
        worker.signals.result.connect(self._page_read)
        self._asked[page_number] = worker
        if demanded:
            self._demanded.add(page_number)
        while len(self._asked) > self.MAX_IN_FLIGHT:
            self._drop_one()
        self._pool.start(worker)

    def _drop_one(self) -> None:
        """Too many reads queued (fast scrolling): drop the oldest prefetch, else the
        oldest page a paint asked for, whose rows are then repainted: still on screen,
        they ask for it again; scrolled past, nothing happens."""
        victim = next((n for n in self._asked if n not in self._demanded), None)
        if victim is None:
            victim = next(iter(self._asked))
        self._asked.pop(victim).cancel()
        if victim in self._demanded:
            self._demanded.discard(victim)
            first = victim * self.PAGE_SIZE
            last = min(first + self.PAGE_SIZE, self._result.count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.HEADERS) - 1))

    def _page_read(self, answer: tuple[ResultSet, int, list[MessageRow | None] | None]) -> None:
        result, page_number, rows = answer
        if result is not self._result:
            return  # a page of a snapshot replaced meanwhile
        if rows is None:
            return  # dropped unread: asked again if its rows come back into view
        self._asked.pop(page_number, None)
        self._demanded.discard(page_number)
        self._store(page_number, rows)
        first = page_number * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, self._result.count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.HEADERS) - 1))
            self.rows_arrived.emit(first, last)

    def _store(self, page_number: int, rows: list[MessageRow | None]) -> None:
        self._pages[page_number] = rows
        self._stale.pop(page_number, None)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)

    def _neighbours(self, page_number: int) -> tuple[MessageRow | None, MessageRow | None]:
        """The rows just around a page, when their pages are here (scrolling one way)."""
        previous = self._pages.get(page_number - 1)
        if previous is not None and len(previous) == self.PAGE_SIZE and previous[-1] is not None:
            return previous[-1], None
        following = self._pages.get(page_number + 1)
        if following and following[0] is not None:
            return None, following[0]
        return None, None

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def set_filter(self, flt: HistoryFilter) -> None:
        self._filter = flt
        self.reload()

    def set_query(self, flt: HistoryFilter, order: SortKey) -> None:
        self._filter = flt
        self._order = order
        self.reload()

    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    @property
    def order(self) -> SortKey:
        return self._order

    @property
    def result(self) -> ResultSet:
        """The snapshot on screen (row numbers of the view index into it)."""
        return self._result

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def reload(self) -> None:
        """Open the current filter and order again (new messages, deletions)."""
        self._generation += 1
        generation = self._generation
        if self._worker is not None:
            self._worker.cancel()
        if self._pool is None:
            self._worker = None
            self._apply(
                self._history.open_result(self._filter, self._order, page_size=self.PAGE_SIZE)
            )
            return
        worker = Worker(
            _open_numbered, generation, self._history, self._filter, self._order, self.PAGE_SIZE
        )
        # bound methods, not lambdas: Qt drops the connection if the model is destroyed
        worker.signals.result.connect(self._opened)
        worker.signals.error.connect(self._open_failed)
        was_busy = self._worker is not None
        self._worker = worker
        self._pool.start(worker)
        if not was_busy:
            self.busy_changed.emit(True)

    def _opened(self, numbered: tuple[int, ResultSet]) -> None:
        generation, result = numbered
        if generation != self._generation:
            return  # a newer filter or order was asked for meanwhile
        self._worker = None
        self._apply(result)
        self.busy_changed.emit(False)

    def _open_failed(self, message: str) -> None:
        if self._worker is None or self._worker.cancel_event.is_set():
            return  # a cancelled, older request
        self._worker = None
        self.busy_changed.emit(False)
        self.failed.emit(message)

    def _apply(self, result: ResultSet) -> None:
        same_rows = _same_rows(self._result, result)
        if not same_rows:
            self.beginResetModel()
        for worker in self._asked.values():
            worker.cancel()
        self._asked.clear()
        self._demanded.clear()
        self._stale = dict(self._pages) if same_rows else {}
        self._result = result
        self._pages.clear()
        if result.first_page:
            self._pages[0] = list(result.first_page)
            self._stale.pop(0, None)
        if same_rows:
            # only statuses moved (receipts): repaint, and the selection still means the
            # same messages
            last = self.index(result.count - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.endResetModel()
        self.loaded.emit()


def _tr_campaigns(text: str) -> str:
    return QCoreApplication.translate("CampaignTableModel", text)


WEEKDAY_WORDS = (
    QT_TRANSLATE_NOOP("CampaignTableModel", "Mon"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Tue"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Wed"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Thu"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Fri"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Sat"),
    QT_TRANSLATE_NOOP("CampaignTableModel", "Sun"),
)


class CampaignTableModel(HeaderedTableModel):
    """Open campaigns for the Scheduled tab; rows are replaced whole on each refresh."""

    (
        COL_ID,
        COL_NAME,
        COL_RECIPIENTS,
        COL_MESSAGE,
        COL_PARTS,
        COL_WHEN,
        COL_PROVIDER,
        COL_STATUS,
        COL_PROGRESS,
    ) = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("CampaignTableModel", "Id"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Name"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Recipients"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Message"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Total parts"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Planned"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Gateway"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Status"),
        QT_TRANSLATE_NOOP("CampaignTableModel", "Sent"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CampaignSummary] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        header = super().headerData(section, orientation, role)
        return _tr_campaigns(header) if isinstance(header, str) else header

    def retranslate(self) -> None:
        """The language changed: headers and cells are read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            )

    @staticmethod
    def status_text(c: CampaignSummary) -> str:
        now = datetime.now(UTC)
        closed = c.window is not None and not c.window.is_open(now)
        if c.status is CampaignStatus.SENDING and closed and c.next_due and c.next_due > now:
            return QCoreApplication.translate("CampaignTableModel", "Waiting until {when}").format(
                when=formats.date_time(c.next_due)
            )
        if c.status is CampaignStatus.SCHEDULED and c.provider_deferred:
            return QCoreApplication.translate(
                "CampaignTableModel", "Scheduled (kept by the gateway)"
            )
        return words.campaign_status(c.status)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_ID:
                return c.id
            if column == self.COL_NAME:
                return c.name
            if column == self.COL_RECIPIENTS:
                first = ", ".join(formats.phone(r) for r in c.first_receivers[:2])
                more = c.recipients - min(2, len(c.first_receivers))
                return f"{formats.count(c.recipients)}  ({first}{', …' if more > 0 else ''})"
            if column == self.COL_MESSAGE:
                return c.sample_body.replace("\n", " ")
            if column == self.COL_PARTS:
                return formats.count(c.total_parts)
            if column == self.COL_WHEN:
                when = c.next_due if c.status is CampaignStatus.SCHEDULED and c.next_due else None
                return formats.date_time(when or c.scheduled_at or c.created_at)
            if column == self.COL_PROVIDER:
                return c.provider
            if column == self.COL_STATUS:
                return self.status_text(c)
            if column == self.COL_PROGRESS:
                return f"{formats.count(c.sent)} / {formats.count(c.recipients)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_MESSAGE:
                personalised = c.body != c.sample_body
                if not personalised:
                    return c.body
                return QCoreApplication.translate(
                    "CampaignTableModel", "{body}\n\nFirst recipient reads:\n{sample}"
                ).format(body=c.body, sample=c.sample_body)
            if column == self.COL_RECIPIENTS:
                return "\n".join(formats.phone(r) for r in c.first_receivers)
            if column == self.COL_WHEN and c.window is not None:
                w = c.window
                days = ", ".join(_tr_campaigns(WEEKDAY_WORDS[d]) for d in sorted(w.weekdays))
                text = QCoreApplication.translate(
                    "CampaignTableModel", "Sending window: {start}–{end}, {days}"
                ).format(start=formats.clock(w.start), end=formats.clock(w.end), days=days)
                if w.skip_public_holidays:
                    text = QCoreApplication.translate(
                        "CampaignTableModel", "{window}; not on public holidays"
                    ).format(window=text)
                return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_PARTS,
            self.COL_ID,
            self.COL_PROGRESS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None

    def set_rows(self, rows: list[CampaignSummary]) -> None:
        """Replace the rows; same ids in the same order only repaint (keeps the selection)."""
        rows = list(rows)
        if [c.id for c in rows] == [c.id for c in self._rows] and rows:
            self._rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1)
            )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def campaign_at(self, row: int) -> CampaignSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
