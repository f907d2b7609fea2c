from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, QRunnable, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QStyleOptionHeader
from sqlalchemy import func, insert, select, update

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.services.history import HistoryFilter, SortColumn, SortKey, StatusGroup
from smsdesk.ui.history_tab import HistoryTab
from smsdesk.ui.table_models import HistoryTableModel
from smsdesk.ui.workers import WorkerPool


class _Gate(QRunnable):
    """Holds the pool's only thread until released: work queued behind it waits."""

    def __init__(self, released: threading.Event) -> None:
        super().__init__()
        self.released = released

    def run(self) -> None:
        self.released.wait(30)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    threads = QThreadPool()
    threads.setMaxThreadCount(1)
    workers = WorkerPool(threads)
    yield workers
    workers.shutdown()


@pytest.fixture
def make_tab(
    qtbot, services: Services, settings: QSettings, pool: WorkerPool
) -> Callable[..., HistoryTab]:
    def make(**kwargs) -> HistoryTab:
        tab = HistoryTab(
            services.history,
            pool,
            settings,
            providers=services.provider,
            remote_gateway="simulator",
            **kwargs,
        )
        qtbot.addWidget(tab)
        tab.resize(1000, 600)
        tab.show()
        # the simulator keeps a history: the confirmation offers to delete there too
        qtbot.waitUntil(lambda: not tab.model.busy and tab._remote_capable)
        return tab

    return make


def _load_all(qtbot, tab_or_model) -> HistoryTableModel:
    """Every row's page read (by workers), for tests that look at every row."""
    model = getattr(tab_or_model, "model", tab_or_model)
    last = model.rowCount() - 1
    if last >= 0:
        model.load_rows(0, last)
        qtbot.waitUntil(lambda: model.has_rows(0, model.rowCount() - 1), timeout=10_000)
    return model


def _ids_in_view(tab: HistoryTab, qtbot=None) -> list[int]:
    if qtbot is not None:
        _load_all(qtbot, tab)
    rows = (tab.model.row_at(i) for i in range(tab.model.rowCount()))
    return [r.id for r in rows if r is not None]


def _visible(services: Services) -> int:
    """Messages History lists by default: all but the cancelled ones (worked out in SQL)."""
    with services.sessions() as session:
        query = select(func.count()).select_from(Message).where(Message.status != "cancelled")
        return int(session.scalar(query) or 0)


def _answer(tab: HistoryTab, button: str, seen: list[tuple[str, bool]], tick: bool = False) -> None:
    """Answer the confirmation box once it is up (it runs its own event loop)."""

    def poll() -> None:
        box = tab.last_confirmation
        if box is None or not box.isVisible():
            QTimer.singleShot(10, poll)
            return
        check = box.checkBox()
        seen.append((box.text(), check is not None))
        if tick and check is not None:
            check.setChecked(True)
        for candidate in box.buttons():
            if candidate.text().replace("&", "") == button:
                candidate.click()
                return
        raise AssertionError(f"no {button!r} button")

    QTimer.singleShot(0, poll)


def _click_row(qtbot, tab: HistoryTab, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = tab.view.visualRect(tab.model.index(row, HistoryTableModel.COL_MESSAGE))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_model_passes_modeltester(qtbot, qtmodeltester, services: Services, pool: WorkerPool):
    services.demo.seed(450)
    shown = _visible(services)
    model = HistoryTableModel(services.history, pool)
    qtbot.waitUntil(lambda: model.rowCount() == shown)
    qtmodeltester.check(model)  # rows past the first page are placeholders: asked, not read
    assert model.index(shown - 1, HistoryTableModel.COL_DATE).data() in ("Loading…", None) or (
        model.has_rows(shown - 1, shown - 1)
    )
    _load_all(qtbot, model)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded):
        model.sort(HistoryTableModel.COL_MESSAGE, Qt.SortOrder.AscendingOrder)
    assert model.result.ids is not None  # an unindexed sort: read by sorted ids
    _load_all(qtbot, model)
    bodies = [model.row_at(i).body for i in range(shown)]  # type: ignore[union-attr]
    assert bodies == sorted(bodies)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(HistoryFilter(receiver="+33 7"))
    assert 0 < model.rowCount() < 450
    qtmodeltester.check(model)
    assert model.cached_rows() <= model.MAX_PAGES * model.PAGE_SIZE


def test_multidata_answers_what_data_answers(qtbot, services: Services, pool: WorkerPool):
    """A delegate asks every role of a cell in one multiData call (Qt's own
    initStyleOption); what it gets is what data() answers."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    services.demo.seed(30)
    model = HistoryTableModel(services.history, pool)
    qtbot.waitUntil(lambda: model.rowCount() == _visible(services))
    _load_all(qtbot, model)
    delegate = QStyledItemDelegate()
    display, alignment = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole
    for column in range(model.columnCount()):
        index = model.index(0, column)
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        assert option.text == (model.data(index, display) or ""), column
        if model.data(index, alignment) is not None:
            assert int(option.displayAlignment.value) == int(model.data(index, alignment))
        for role in (display, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
            slot = QModelRoleData(int(role))
            model.multiData(index, QModelRoleDataSpan(slot))
            assert slot.data() == model.data(index, role), (column, role)


def test_indexes_are_qt_s_own_made_once(
    qtbot, services: Services, pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
):
    """The model's index() answers what Qt's QAbstractTableModel.index answers (invalid
    outside the table and under a parent), and keeps what it made, up to a bound."""
    from PySide6.QtCore import QAbstractTableModel

    from smsdesk.ui import table_models

    services.demo.seed(30)
    model = HistoryTableModel(services.history, pool)
    qtbot.waitUntil(lambda: model.rowCount() == _visible(services))
    rows, columns = model.rowCount(), model.columnCount()
    for row in (-1, 0, 1, rows - 1, rows, rows + 5):
        for column in (-1, 0, columns - 1, columns):
            ours, qt = model.index(row, column), QAbstractTableModel.index(model, row, column)
            assert (ours.isValid(), ours.row(), ours.column()) == (
                qt.isValid(),
                qt.row(),
                qt.column(),
            ), (row, column)
            assert ours == qt
            assert ours.isValid() == (0 <= row < rows and 0 <= column < columns)
    assert model.index(3, 2) is model.index(3, 2)  # made once
    assert not model.index(0, 0, model.index(1, 1)).isValid()  # a flat table: no children
    monkeypatch.setattr(table_models, "INDEX_CACHE", 50)
    for row in range(rows):
        for column in range(columns):
            assert model.index(row, column).row() == row
    assert len(model._indexes) <= 50


def test_the_table_paints_with_a_short_switch_interval(
    qtbot, make_tab, services: Services, monkeypatch: pytest.MonkeyPatch
):
    """While the table paints, a worker running Python gives the GIL back within 20 µs;
    before and after, the interval is what it was."""
    import sys

    from smsdesk.ui.workers import PAINT_SWITCH_INTERVAL

    seen: list[float] = []
    original = HistoryTableModel.multiData

    def recording(self, index, span) -> None:
        seen.append(sys.getswitchinterval())
        original(self, index, span)

    monkeypatch.setattr(HistoryTableModel, "multiData", recording)  # before Qt sees the class
    services.demo.seed(30)
    tab = make_tab()
    qtbot.waitUntil(lambda: tab.model.has_rows(0, 0))
    seen.clear()
    before = sys.getswitchinterval()
    tab.view.viewport().repaint()
    assert seen and all(abs(value - PAINT_SWITCH_INTERVAL) < 1e-9 for value in seen)
    assert sys.getswitchinterval() == before


def test_filter_select_three_delete_them(qtbot, services: Services, make_tab):
    services.demo.seed(600)
    visible = _visible(services)
    tab = make_tab()
    assert tab.count_label.text() == tab.tr("%n message(s)", "", visible)
    qtbot.keyClicks(tab.receiver_filter, "+33 7")
    qtbot.waitUntil(lambda: tab.model.filter.receiver == "+33 7" and not tab.model.busy)
    shown = tab.model.rowCount()
    assert 0 < shown < visible
    assert tab.count_label.text() == tab.tr("%n message(s) match", "", shown)
    _load_all(qtbot, tab)
    assert all(r.startswith("+337") for r in (tab.model.row_at(i).receiver for i in range(shown)))  # type: ignore[union-attr]

    _click_row(qtbot, tab, 1)
    _click_row(qtbot, tab, 3, Qt.KeyboardModifier.ControlModifier)
    _click_row(qtbot, tab, 5, Qt.KeyboardModifier.ControlModifier)
    assert tab.selected_ranges() == [(1, 2), (3, 4), (5, 6)]
    doomed = [tab.model.row_at(i).id for i in (1, 3, 5)]  # type: ignore[union-attr]
    kept = [tab.model.row_at(i).id for i in (0, 2, 4)]  # type: ignore[union-attr]

    seen: list[tuple[str, bool]] = []
    _answer(tab, "Delete", seen)
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    # the simulator keeps a history
    assert seen == [(tab.tr("Delete %n message(s)?", "", 3), True)]
    assert finished.args == [tab.tr("%n message(s) deleted", "", 3)]
    qtbot.waitUntil(lambda: not tab.model.busy and tab.model.rowCount() == shown - 3)
    in_view = _ids_in_view(tab, qtbot)
    assert not set(doomed) & set(in_view) and set(kept) <= set(in_view)
    assert all(services.history.get(i) is None for i in doomed)
    assert all(services.history.get(i) is not None for i in kept)
    assert services.history.count(HistoryFilter()) == visible - 3


def test_cancelled_confirmation_deletes_nothing(qtbot, services: Services, make_tab):
    services.demo.seed(50)
    visible = _visible(services)
    tab = make_tab()
    tab.view.selectAll()
    seen: list[tuple[str, bool]] = []
    _answer(tab, "Cancel", seen)
    assert tab.delete_selected() is None
    assert seen == [(tab.tr("Delete %n message(s)?", "", visible), True)]
    assert services.history.count(HistoryFilter()) == visible


def test_delete_all_matching_and_at_the_gateway(qtbot, services: Services, make_tab):
    services.demo.seed(400)
    tab = make_tab()
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Delivered"))
    qtbot.waitUntil(lambda: tab.model.filter.status is not None and not tab.model.busy)
    delivered = tab.model.rowCount()
    seen: list[tuple[str, bool]] = []
    _answer(tab, "Delete", seen, tick=True)
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        tab.delete_all_button.click()
    asked = tab.tr("Delete all %n message(s) that match the filter?", "", delivered)
    assert seen == [(asked, True)]
    deleted = tab.tr("%n message(s) deleted", "", delivered)
    assert finished.args == [f"{deleted} ({delivered} at the gateway too)"]
    qtbot.waitUntil(lambda: not tab.model.busy and tab.model.rowCount() == 0)
    assert services.history.count(HistoryFilter(status=StatusGroup.DELIVERED)) == 0


def _fail_one_unseen(services: Services, seen: set[int]) -> int:
    """A receipt after the snapshot: one message the user did not see turns failed."""
    with services.sessions.begin() as session:
        late = session.scalars(
            select(Message.id)
            .where(Message.id.not_in(seen), Message.status != "failed")
            .order_by(Message.id)
            .limit(1)
        ).one()
        session.execute(update(Message).where(Message.id == late).values(status="failed"))
    return late


def test_select_all_then_delete_means_what_was_shown(qtbot, services: Services, make_tab):
    services.demo.seed(500)
    tab = make_tab()
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Failed"))
    qtbot.waitUntil(lambda: tab.model.filter.status is not None and not tab.model.busy)
    shown = tab.model.rowCount()
    seen = set(_ids_in_view(tab, qtbot))
    assert len(seen) == shown > 0
    late = _fail_one_unseen(services, seen)
    seen_words: list[tuple[str, bool]] = []
    _answer(tab, "Delete", seen_words)
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        tab.delete_all_button.click()
    assert finished.args == [tab.tr("%n message(s) deleted", "", shown)]
    assert services.history.get(late) is not None
    assert all(services.history.get(i) is None for i in seen)
    qtbot.waitUntil(lambda: not tab.model.busy and _ids_in_view(tab) == [late])


def test_export_all_matching_is_what_was_shown(qtbot, services: Services, make_tab, tmp_path: Path):
    services.demo.seed(500)
    tab = make_tab()
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Failed"))
    qtbot.waitUntil(lambda: tab.model.filter.status is not None and not tab.model.busy)
    seen = _ids_in_view(tab, qtbot)
    late = _fail_one_unseen(services, set(seen))
    out = tmp_path / "failed.csv"
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        tab.export_to(out)
    exported_words = tab.tr("%n message(s) exported to {path}", "", len(seen)).format(path=out)
    assert finished.args == [exported_words]
    reference = tmp_path / "reference.csv"
    services.history.export_csv(HistoryFilter(), reference, ids=seen)
    assert out.read_bytes() == reference.read_bytes()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        exported = [int(row[0]) for row in list(csv.reader(handle, delimiter=";"))[1:]]
    assert sorted(exported) == sorted(seen) and late not in exported
    assert out.stat().st_mode & 0o777 == 0o600


def test_keyboard_details_and_clipboard(qtbot, services: Services, make_tab):
    services.demo.seed(30)
    tab = make_tab()
    tab.window().activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.receiver_filter.hasFocus()

    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(2, 0))
    with qtbot.waitSignal(tab.details_shown, timeout=10_000):
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.details_dialog
    assert dialog is not None and dialog.isVisible()
    row = tab.model.row_at(2)
    assert row is not None and dialog.row.id == row.id
    assert dialog.fields["receiver"].text().endswith(f"({row.receiver})")
    assert dialog.fields["ptt"].text().startswith(f"{row.ptt} — ")
    assert dialog.fields["operator"].text().endswith(f"({row.operator_code})")  # name (code)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Message: #{row.id}\nStatus: ")
    assert f"Text: {row.body}" in copied
    dialog.close()
    qtbot.waitUntil(lambda: tab.details_dialog is None)

    rect = tab.view.visualRect(tab.model.index(4, HistoryTableModel.COL_DATE))
    # a real double click: press, release, then the double-click press and its release
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(tab.details_shown, timeout=10_000):
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.details_dialog is not None
    assert tab.details_dialog.row.id == tab.model.row_at(4).id  # type: ignore[union-attr]
    tab.details_dialog.close()


def test_export_all_and_selection(qtbot, services: Services, make_tab, tmp_path: Path):
    services.demo.seed(700)
    tab = make_tab()
    everything = tmp_path / "all.csv"
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        tab.export_to(everything)
    words = tab.tr("%n message(s) exported to {path}", "", tab.model.rowCount())
    assert finished.args == [words.format(path=everything)]
    reference = tmp_path / "reference.csv"
    services.history.export_csv(HistoryFilter(), reference)
    assert everything.read_bytes() == reference.read_bytes()

    tab.view.selectRow(3)
    tab.view.selectionModel().select(
        tab.model.index(10, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    some = tmp_path / "some.csv"
    with qtbot.waitSignal(tab.job_finished, timeout=10_000):
        tab.export_to(some, selection_only=True)
    reference_ids = [tab.model.row_at(i).id for i in (3, 10)]  # type: ignore[union-attr]
    services.history.export_csv(HistoryFilter(), reference, ids=reference_ids)
    assert some.read_bytes() == reference.read_bytes()


def test_export_cancel_leaves_no_file(qtbot, services: Services, make_tab, pool, tmp_path: Path):
    services.demo.seed(100)
    tab = make_tab()
    released = threading.Event()
    pool.pool.start(_Gate(released))  # the export waits behind it
    out = tmp_path / "cancelled.csv"
    tab.export_to(out)
    assert tab.progress.isVisible() and tab.cancel_button.isVisible()
    assert not tab.delete_button.isEnabled() and not tab.export_button.isEnabled()
    tab.cancel_button.click()
    with qtbot.waitSignal(tab.job_finished, timeout=10_000):
        released.set()
    assert tab.job_label.text() == "Export cancelled"
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert not tab.progress.isVisible() and tab.export_button.isEnabled()


def test_rows_stay_while_a_filter_is_counted(qtbot, services: Services, make_tab, pool):
    services.demo.seed(120)
    tab = make_tab()
    released = threading.Event()
    pool.pool.start(_Gate(released))
    tab.text_filter.setText("rendez-vous")
    tab.apply_filter()
    assert tab.model.busy and tab.count_label.text() == "Counting…"
    assert tab.model.rowCount() == _visible(services)  # the old rows, until the new ones
    with qtbot.waitSignal(tab.model.loaded, timeout=10_000):
        released.set()
    assert tab.model.rowCount() == services.history.count(HistoryFilter(text="rendez-vous"))
    assert tab.model.rowCount() == services.history.count(HistoryFilter(text="RENDEZ-VOUS"))
    assert not tab.model.busy and tab.count_label.text().endswith("match")  # English source


def test_columns_and_sort_remembered(qtbot, services: Services, make_tab, settings: QSettings):
    services.demo.seed(40)
    tab = make_tab()
    header = tab.view.horizontalHeader()
    with qtbot.waitSignal(tab.model.loaded):
        header.setSortIndicator(HistoryTableModel.COL_RECEIVER, Qt.SortOrder.AscendingOrder)
    header.resizeSection(HistoryTableModel.COL_MESSAGE, 433)
    header.moveSection(header.visualIndex(HistoryTableModel.COL_TAG), 0)
    tab.close()
    tab.save_state()

    again = make_tab()
    header = again.view.horizontalHeader()
    assert again.model.order == SortKey(SortColumn.RECEIVER, descending=False)
    assert header.sortIndicatorSection() == HistoryTableModel.COL_RECEIVER
    assert header.sectionSize(HistoryTableModel.COL_MESSAGE) == 433
    assert header.visualIndex(HistoryTableModel.COL_TAG) == 0
    shown = again.model.rowCount()
    receivers = [again.model.row_at(i).receiver for i in range(shown)]  # type: ignore[union-attr]
    assert receivers == sorted(receivers)


def test_campaign_tag_and_period_filters(qtbot, services: Services, make_tab):
    services.demo.seed(11_000)
    tab = make_tab()
    qtbot.waitUntil(lambda: tab.campaign_filter.count() == 1 + 3)  # read by a worker
    tab.campaign_filter.setCurrentIndex(1)  # the newest campaign
    qtbot.waitUntil(lambda: tab.model.filter.campaign_id is not None and not tab.model.busy)
    newest = tab.campaign_filter.currentData()
    assert tab.model.rowCount() == services.history.count(HistoryFilter(campaign_id=newest))
    assert 900 < tab.model.rowCount() <= 1_000  # its cancelled messages are not listed
    tab.clear_filters()
    qtbot.waitUntil(lambda: tab.model.filter == HistoryFilter() and not tab.model.busy)
    tab.tag_filter.setEditText("demo-2")
    qtbot.waitUntil(lambda: tab.model.filter.tag == "demo-2" and not tab.model.busy)
    assert tab.model.rowCount() == services.history.count(HistoryFilter(tag="demo-2"))
    assert 4_500 < tab.model.rowCount() <= 5_000
    tab.clear_filters()
    tab.period_filter.setCurrentIndex(tab.period_filter.findText("Last 7 days"))
    qtbot.waitUntil(lambda: tab.model.filter.since is not None and not tab.model.busy)
    assert 0 < tab.model.rowCount() < 11_000
    assert not tab.since_edit.isEnabled()
    tab.period_filter.setCurrentIndex(tab.period_filter.findText("From… to…"))
    assert tab.since_edit.isEnabled() and tab.until_edit.isEnabled()


def test_refresh_keeps_the_chosen_campaign(qtbot, services: Services, make_tab):
    services.demo.seed(6_000)
    tab = make_tab()
    qtbot.waitUntil(lambda: tab.campaign_filter.count() == 3)
    tab.campaign_filter.setCurrentIndex(2)
    chosen = tab.campaign_filter.currentData()
    qtbot.waitUntil(lambda: tab.model.filter.campaign_id == chosen and not tab.model.busy)
    tab.choices_loaded = False
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.model.busy and tab.choices_loaded)
    assert tab.campaign_filter.currentData() == chosen
    assert QApplication.instance() is not None


def test_receipts_refresh_keeps_the_selection(qtbot, qtmodeltester, services: Services, make_tab):
    services.demo.seed(300)
    tab = make_tab()
    qtmodeltester.check(tab.model)  # and it keeps watching the signals below
    tab.view.selectRow(7)
    chosen = tab.model.row_at(7)
    assert chosen is not None
    with services.sessions.begin() as session:
        session.execute(
            update(Message)
            .where(Message.id == chosen.id)
            .values(status="failed", ptt=24, dlr=2, error="absent")
        )
    with qtbot.waitSignal(tab.model.loaded):
        tab.refresh()
    assert tab.selected_ranges() == [(7, 8)]  # same message, same row: still selected
    assert tab.model.index(7, HistoryTableModel.COL_STATUS).data() == (
        "Failed: Absent subscriber (24)"
    )
    with services.sessions.begin() as session:
        session.execute(
            insert(Message).values(receiver="+33600000001", body="new", status="queued")
        )
    with qtbot.waitSignal(tab.model.loaded):
        tab.refresh()
    assert tab.model.rowCount() == _visible(services) and not tab.selected_ranges()  # reset


def test_export_through_the_save_dialog(
    qtbot, services: Services, make_tab, settings: QSettings, tmp_path: Path
):
    services.demo.seed(20)
    tab = make_tab()
    target = tmp_path / "chosen.csv"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        assert dialog.selectedFiles()[0].endswith(".csv")  # a dated default name
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        tab.export_button.click()
    words = tab.tr("%n message(s) exported to {path}", "", tab.model.rowCount())
    assert finished.args == [words.format(path=target)]
    assert target.read_bytes().startswith("\ufeffid;date;sender;receiver;".encode())
    assert settings.value("history/export_dir") == str(tmp_path)  # next time it opens there


def test_window_state_file_is_0600(qtbot, isolated_data_dir: Path):
    import os

    from smsdesk.ui.history_tab import default_settings

    previous = os.umask(0)
    try:
        state = default_settings()
        state.setValue("history/sort_column", "receiver")
        state.sync()
    finally:
        os.umask(previous)
    path = isolated_data_dir / "ui-state.ini"
    assert "receiver" in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert isolated_data_dir.stat().st_mode & 0o777 == 0o700


def test_type_ahead_goes_to_the_text_filter(qtbot, services: Services, make_tab):
    services.demo.seed(300)
    with services.sessions.begin() as session:
        bodies = ["Code de Vérification : 1234", "VERIFICATION demain", "autre chose"]
        session.execute(
            insert(Message),
            [{"receiver": "+33612345678", "body": b, "status": "delivered"} for b in bodies],
        )
    tab = make_tab()
    tab.window().activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(0, HistoryTableModel.COL_MESSAGE))
    qtbot.keyClicks(tab.view, "verif")  # Qt's type-ahead would read every row
    assert tab.text_filter.hasFocus() and tab.text_filter.text() == "verif"
    qtbot.waitUntil(lambda: tab.model.filter.text == "verif" and not tab.model.busy, timeout=5000)
    # accents and case ignored
    _load_all(qtbot, tab)
    found = {tab.model.row_at(i).body for i in range(tab.model.rowCount())}  # type: ignore[union-attr]
    assert {"Code de Vérification : 1234", "VERIFICATION demain"} <= found
    assert all("verif" in body.lower().replace("é", "e") for body in found)


def test_select_all_then_delete_key_asks_without_reading(qtbot, services: Services, make_tab):
    services.demo.seed(900)
    tab = make_tab()
    tab.window().activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    shown = tab.model.rowCount()
    assert tab.selected_ranges() == [(0, shown)]
    # the header never asks the selection about every row (its own, empty selection)
    header_selection = tab.view.horizontalHeader().selectionModel()
    assert header_selection is not tab.view.selectionModel() and not header_selection.hasSelection()
    seen: list[tuple[str, bool]] = []
    _answer(tab, "Delete", seen)
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert seen == [(tab.tr("Delete %n message(s)?", "", shown), True)]
    assert finished.args == [tab.tr("%n message(s) deleted", "", shown)]
    assert services.history.count(HistoryFilter()) == 0
    cancelled = services.history.count(HistoryFilter(status=StatusGroup.CANCELLED))
    assert cancelled == 900 - shown > 0  # never listed, so never deleted


def test_cancelled_listed_only_when_asked_and_date_is_sending(qtbot, services: Services, make_tab):
    from datetime import UTC, datetime

    from smsdesk.ui import formats

    created = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    sent = datetime(2026, 3, 1, 14, 30, tzinfo=UTC)
    with services.sessions.begin() as session:
        session.execute(
            insert(Message),
            [
                {"receiver": "+33612345678", "body": "envoyé", "status": "delivered",
                 "created_at": created, "submitted_at": sent, "operator_code": "20801"},
                {"receiver": "+33612345679", "body": "annulé", "status": "cancelled",
                 "created_at": created},
            ],
        )  # fmt: skip
    tab = make_tab()
    assert tab.model.rowCount() == 1
    date_cell = tab.model.index(0, HistoryTableModel.COL_DATE)
    assert date_cell.data() == formats.date_time(sent, seconds=True)
    assert tab.model.index(0, HistoryTableModel.COL_OPERATOR).data() == "Orange"
    assert tab.model.index(0, HistoryTableModel.COL_RECEIVER).data() == formats.phone(
        "+33612345678"
    )
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Cancelled"))
    qtbot.waitUntil(lambda: tab.model.filter.status is not None and not tab.model.busy)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, HistoryTableModel.COL_MESSAGE).data() == "annulé"


def _arrow_ink(tab: HistoryTab) -> tuple[int, int]:
    """Dark pixels in the top and bottom halves of the Date header's sort arrow."""
    header = tab.view.horizontalHeader()
    seen: list[QStyleOptionHeader.SortIndicator] = []
    style = header.style()
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.rect = QRect(0, 0, 20, 20)
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # what QHeaderView itself hands the style for this order
    option.sortIndicator = (
        QStyleOptionHeader.SortIndicator.SortUp
        if descending
        else QStyleOptionHeader.SortIndicator.SortDown
    )
    seen.append(option.sortIndicator)
    pixmap = QPixmap(20, 20)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter, header)
    painter.end()
    image = pixmap.toImage()
    rows = [
        sum(1 for x in range(20) if image.pixelColor(x, y).lightness() < 200) for y in range(20)
    ]
    inked = [y for y, n in enumerate(rows) if n]
    top = inked[: len(inked) // 2]
    bottom = inked[len(inked) // 2 :]
    return sum(rows[y] for y in top), sum(rows[y] for y in bottom)


def test_date_sort_arrow_points_down_for_newest_first(qtbot, services: Services, make_tab):
    services.demo.seed(10)
    tab = make_tab()
    header = tab.view.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # newest first
    top, bottom = _arrow_ink(tab)
    assert top > bottom  # ▼: wide at the top
    with qtbot.waitSignal(tab.model.loaded):
        header.setSortIndicator(HistoryTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    top, bottom = _arrow_ink(tab)
    assert top < bottom  # ▲


def test_language_change_retranslates(qtbot, services: Services, make_tab):
    from PySide6.QtCore import QEvent

    services.demo.seed(5)
    tab = make_tab()
    tab.clear_button.setText("")
    tab.count_label.setText("")
    QApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.clear_button.text() == tab.tr("Clear filters")
    assert tab.count_label.text() == tab.tr("%n message(s)", "", tab.model.rowCount())
    assert tab.status_filter.itemText(0) == tab.tr("Any status")
    header = tab.model.headerData(HistoryTableModel.COL_DATE, Qt.Orientation.Horizontal)
    assert header == tab.model.tr("Date")
