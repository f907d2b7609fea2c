"""History tab at scale: seeds N messages with `demo seed`, drives the real HistoryTab
offscreen and prints the timings as JSON.

    .venv/bin/python benchmarks/history.py [--messages 1000000] [--db PATH] [--reuse]

Each GUI step is timed from the user's action to the repainted rows (the worker's
result delivered, the visible rows' pages read by workers, then a repaint of the viewport,
through the event loop as the window paints). The seed runs in its own process
(`smsdesk demo seed`), so the peak memory is that of the window alone.

Stalls (how long the window could not answer): `window_stall_max_ms` per step, and
`longest_stall_ms`, the longest gap between ticks of a 5 ms timer over the whole run,
every action included (the benchmark's own file hashing and the CLI export it starts are
left out: they block this script, not the window). `typeahead_stall_ms`: five letters
typed into the focused table until their filter is listed; `select_all_delete_stall_ms`:
Ctrl+A then Delete, up to the confirmation.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from smsdesk.app import build_services
from smsdesk.services.history import HistoryFilter, StatusGroup
from smsdesk.ui.history_tab import HistoryTab
from smsdesk.ui.table_models import HistoryTableModel
from smsdesk.ui.workers import WorkerPool, favour_the_window, freeze_what_started


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


STEP = ["start", ""]  # section, step: where the whole run's longest stall was


class StallMeter:
    """The longest gap between ticks of a 5 ms timer: how long the window froze.

    With `trace_ms`, a gap longer than that dumps every thread's Python stack to stderr
    while it lasts (faulthandler's own thread needs no GIL): what froze the window."""

    def __init__(self, trace_ms: float | None = None) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.worst_step = ""
        self.trace_seconds = None if trace_ms is None else trace_ms / 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.worst:
            self.worst = now - self.last
            self.worst_step = " / ".join(part for part in STEP if part)
        self.last = now
        if self.trace_seconds is not None:
            faulthandler.cancel_dump_traceback_later()
            faulthandler.dump_traceback_later(self.trace_seconds)

    def pause(self) -> None:
        """The script itself blocks next (not the window): stop counting."""
        self._tick()
        self.timer.stop()
        if self.trace_seconds is not None:
            faulthandler.cancel_dump_traceback_later()

    def resume(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def __enter__(self) -> StallMeter:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._tick()  # the step's last stretch (its final repaint) counts too
        self.timer.stop()
        if self.trace_seconds is not None:
            faulthandler.cancel_dump_traceback_later()

    @property
    def worst_ms(self) -> float:
        return _ms(self.worst)


def wait_for(signal: SignalInstance, action: Callable[[], Any], timeout_s: float = 120) -> None:
    """Run `action` and let the event loop run until `signal` fires (no busy wait)."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    try:
        action()
        if not fired:
            QTimer.singleShot(int(timeout_s * 1000), loop.quit)
            loop.exec()
        if not fired:
            raise TimeoutError(f"no signal within {timeout_s} s")
    finally:
        signal.disconnect(done)


def visible_rows(tab: HistoryTab) -> tuple[int, int]:
    view = tab.view
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    return first, (tab.model.rowCount() - 1 if last < 0 else last)


class _Painted(QObject):
    """Quits `loop` once `widget` has been painted."""

    def __init__(self, widget: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self.widget = widget
        self.loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.loop.quit)  # once this paint has been delivered
        return False


def paint(tab: HistoryTab) -> None:
    """Paint the rows through the event loop, as the window paints: a synchronous
    repaint() here, chained to the next step's, would make the script's own back-to-back
    paints one long stall that no user action causes."""
    viewport = tab.view.viewport()
    loop = QEventLoop()
    painted = _Painted(viewport, loop)
    viewport.installEventFilter(painted)
    try:
        viewport.update()
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
    finally:
        viewport.removeEventFilter(painted)


def wait_visible(tab: HistoryTab) -> None:
    """Paint, then let the workers bring the visible rows' pages, then paint them."""
    paint(tab)  # asks for the pages of the visible rows
    first, last = visible_rows(tab)
    while tab.model.rowCount() and not tab.model.has_rows(first, last):
        wait_for(tab.model.rows_arrived, lambda: None)
        first, last = visible_rows(tab)
    paint(tab)


def settle(tab: HistoryTab) -> None:
    """Wait for the model to finish what it is doing, then paint."""
    if tab.model.busy:
        wait_for(tab.model.loaded, lambda: None)
    wait_visible(tab)


STEP_STALLS: dict[str, float] = {}  # the longest stall of each kind of step


def timed(
    tab: HistoryTab, action: Callable[[], Any], *, loads: bool = True, step: str = "other"
) -> float:
    STEP[1] = step
    start = time.perf_counter()
    with StallMeter() as meter:
        if loads:
            wait_for(tab.model.loaded, action)
        else:
            action()
        wait_visible(tab)
    STEP_STALLS[step] = max(STEP_STALLS.get(step, 0.0), meter.worst_ms)
    return _ms(time.perf_counter() - start)


def sort(tab: HistoryTab, column: int, order: Qt.SortOrder) -> Callable[[], None]:
    return lambda: tab.view.horizontalHeader().setSortIndicator(column, order)


def select_rows(tab: HistoryTab, first: int, last: int) -> None:
    model = tab.model
    selection = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
    tab.view.selectionModel().select(
        selection,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def delete_selected(tab: HistoryTab) -> float:
    STEP[1] = "delete"
    start = time.perf_counter()
    with StallMeter() as meter:
        wait_for(tab.job_finished, lambda: tab.delete_selected(confirm=False), timeout_s=600)
        settle(tab)
    STEP_STALLS["delete"] = max(STEP_STALLS.get("delete", 0.0), meter.worst_ms)
    return _ms(time.perf_counter() - start)


def every_message(services: Any) -> int:
    """Every message whatever its status (History hides the cancelled ones)."""
    history = services.history
    return int(
        history.count(HistoryFilter()) + history.count(HistoryFilter(status=StatusGroup.CANCELLED))
    )


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep --db if it holds exactly --messages rows"
    )
    parser.add_argument(
        "--trace-stalls",
        type=float,
        metavar="MS",
        help="dump every thread's stack to stderr while the window is frozen longer than MS"
        " (diagnosis only: faulthandler reads the other threads' frames as they run, and"
        " now and then that crashes the run)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="smsdesk-bench-"))
    os.environ["SMSDESK_DATA_DIR"] = str(work / "data")
    db = args.db or work / "history.sqlite3"
    url = f"sqlite:///{db}"
    figures: dict[str, Any] = {"messages": args.messages}

    seeded = 0
    if args.reuse and db.exists():
        existing = build_services(url)
        seeded = every_message(existing)
        existing.close()
    if seeded != args.messages:
        for leftover in db.parent.glob(db.name + "*"):
            leftover.unlink()
        seed = [sys.executable, "-m", "smsdesk", "--db", url, "demo", "seed"]
        start = time.perf_counter()
        subprocess.run(
            [*seed, "--messages", str(args.messages)], check=True, stdout=subprocess.DEVNULL
        )
        figures["seed_s"] = round(time.perf_counter() - start, 1)

    app = QApplication.instance() or QApplication([])
    favour_the_window()  # as the app does
    services = build_services(url)
    freeze_what_started()  # as the app does once the services are built, and the tabs
    assert every_message(services) == args.messages, "--db holds other data"
    shown = services.history.count(HistoryFilter())  # cancelled ones only when asked
    workers = WorkerPool()
    settings = QSettings(str(work / "ui-state.ini"), QSettings.Format.IniFormat)
    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    col = HistoryTableModel
    whole_run = StallMeter(args.trace_stalls).__enter__()

    # -- first page: build the tab, show it, wait for the first result, paint -------------
    STEP[:] = ["first page: build the tab, show it, wait for the first result, paint", ""]
    start = time.perf_counter()
    with StallMeter() as meter:
        tab = HistoryTab(services.history, workers, settings)
        tab.resize(1400, 900)
        tab.show()
        settle(tab)
    freeze_what_started()  # as the app does once its tabs are built
    figures["first_page_ms"] = _ms(time.perf_counter() - start)
    STEP_STALLS["first page (building the tab included)"] = meter.worst_ms
    memory = figures["peak_memory_mb_after"] = {"first page": peak_mb()}
    assert tab.model.rowCount() == shown

    figures["scroll_to_last_row_ms"] = timed(
        tab, tab.view.scrollToBottom, loads=False, step="scroll"
    )
    last = tab.model.row_at(tab.model.rowCount() - 1)
    assert last is not None and last.submitted_at is not None  # the first message sent
    figures["scroll_to_middle_ms"] = timed(
        tab,
        lambda: tab.view.scrollTo(tab.model.index(shown // 2, 0)),
        loads=False,
    )
    bar = tab.view.verticalScrollBar()
    steps = [
        timed(tab, lambda: bar.setValue(bar.value() + bar.pageStep()), loads=False, step="scroll")
        for _ in range(40)  # ~1,400 rows: crosses several 200-row pages
    ]
    figures["page_down_in_middle_ms"] = {
        "mean": round(sum(steps) / len(steps), 1),
        "max": max(steps),
    }
    tab.view.scrollToTop()
    memory["scrolls"] = peak_mb()

    # -- re-sort -----------------------------------------------------------------------
    STEP[:] = ["re-sort", ""]
    figures["resort_by_receiver_ms"] = timed(tab, sort(tab, col.COL_RECEIVER, asc))
    figures["scroll_to_last_row_by_receiver_ms"] = timed(tab, tab.view.scrollToBottom, loads=False)
    tab.view.scrollToTop()
    resort: dict[str, float] = {}
    for column, name in enumerate(col.HEADERS):
        for order, word in ((asc, "asc"), (desc, "desc")):
            header = tab.view.horizontalHeader()
            if (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order):
                continue
            resort[f"{name.lower()} {word}"] = timed(tab, sort(tab, column, order), step="resort")
    figures["resort_ms"] = resort
    memory["every sort"] = peak_mb()
    figures["resort_by_message_ms"] = resort["message asc"]
    timed(tab, sort(tab, col.COL_DATE, desc))
    with StallMeter() as meter:
        timed(tab, sort(tab, col.COL_MESSAGE, asc))
    stalls = figures["window_stall_max_ms"] = {"resort by message": meter.worst_ms}
    figures["scroll_to_last_row_by_message_ms"] = timed(tab, tab.view.scrollToBottom, loads=False)
    tab.view.scrollToTop()
    timed(tab, sort(tab, col.COL_DATE, desc))

    # -- filter by a partial receiver (the debounce delay itself is not counted) ---------
    STEP[:] = ["filter by a partial receiver (the debounce delay itself is not counted)", ""]

    def filter_receiver(text: str) -> Callable[[], None]:
        def act() -> None:
            tab.receiver_filter.setText(text)
            tab.apply_filter()

        return act

    figures["filter_receiver_prefix_ms"] = timed(tab, filter_receiver("06 12"))
    figures["filter_receiver_prefix_rows"] = tab.model.rowCount()
    with StallMeter() as meter:
        figures["filter_receiver_anywhere_ms"] = timed(tab, filter_receiver("5678"))
    stalls["filter"] = meter.worst_ms
    figures["filter_receiver_anywhere_rows"] = tab.model.rowCount()
    figures["clear_filter_ms"] = timed(tab, filter_receiver(""))
    memory["filters"] = peak_mb()

    # -- type-ahead: five letters into the focused table -----------------------------------
    STEP[:] = ["type-ahead: five letters into the focused table", ""]
    tab.activateWindow()
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(0, col.COL_MESSAGE))
    start = time.perf_counter()
    with StallMeter() as meter:
        QTest.keyClick(tab.view, "v")  # Qt's type-ahead: goes to the text filter
        for letter in "erif":
            QTest.keyClick(QApplication.focusWidget() or tab.text_filter, letter)
        tab.apply_filter()  # the debounce delay itself is not counted
        settle(tab)
    figures["typeahead_ms"] = _ms(time.perf_counter() - start)
    figures["typeahead_stall_ms"] = stalls["typeahead"] = meter.worst_ms
    figures["typeahead_rows"] = tab.model.rowCount()
    assert tab.text_filter.text() == "verif"
    tab.text_filter.clear()
    timed(tab, tab.apply_filter)
    assert tab.model.rowCount() == shown

    # -- Ctrl+A, Delete: up to the confirmation (then Cancel) ------------------------------
    STEP[:] = ["Ctrl+A, Delete: up to the confirmation (then Cancel)", ""]
    tab.view.setFocus()
    asked: list[float] = []

    def answer() -> None:
        box = tab.last_confirmation
        if box is None or not box.isVisible():
            QTimer.singleShot(1, answer)
            return
        asked.append(time.perf_counter())
        box.reject()

    start = time.perf_counter()
    with StallMeter() as meter:
        QTimer.singleShot(0, answer)
        QTest.keyClick(tab.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(tab.view, Qt.Key.Key_Delete)
    assert asked and tab.selected_count() == shown
    figures["select_all_delete_to_confirmation_ms"] = _ms(asked[0] - start)
    figures["select_all_delete_stall_ms"] = stalls["select all, delete"] = meter.worst_ms
    tab.view.clearSelection()

    # -- export everything ----------------------------------------------------------------
    STEP[:] = ["export everything", ""]
    out = work / "export.csv"
    start = time.perf_counter()
    with StallMeter() as meter:
        wait_for(tab.job_finished, lambda: tab.export_to(out), timeout_s=600)
    figures["export_all_s"] = round(time.perf_counter() - start, 2)
    stalls["export"] = meter.worst_ms
    figures["export_mb"] = round(out.stat().st_size / 1e6, 1)
    memory["export"] = peak_mb()
    whole_run.pause()  # the script hashes and waits for the command line: not the window
    gui_digest = sha256(out)
    cli_out = work / "cli-export.csv"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "smsdesk", "--db", url, "history", "export", str(cli_out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    figures["cli_export_s"] = round(time.perf_counter() - start, 2)
    figures["cli_export_same_bytes"] = sha256(cli_out) == gui_digest
    out.unlink()
    cli_out.unlink()
    whole_run.resume()

    # -- delete 10,000 selected rows ------------------------------------------------------
    STEP[:] = ["delete 10,000 selected rows", ""]
    select_rows(tab, 0, 9_999)
    figures["delete_10000_newest_ms"] = delete_selected(tab)
    memory["delete newest"] = peak_mb()
    assert tab.model.rowCount() == shown - 10_000
    timed(tab, sort(tab, col.COL_RECEIVER, asc))
    select_rows(tab, 0, 9_999)  # scattered over the whole table and every index
    figures["delete_10000_by_receiver_ms"] = delete_selected(tab)
    assert tab.model.rowCount() == shown - 20_000
    timed(tab, sort(tab, col.COL_DATE, desc))
    select_rows(tab, 50_000, 149_999)
    with StallMeter() as meter:
        figures["delete_100000_ms"] = delete_selected(tab)
    stalls["delete 100000"] = meter.worst_ms
    assert tab.model.rowCount() == shown - 120_000

    # -- a filtered snapshot: export and delete exactly the rows it shows --------------
    STEP[:] = ["a filtered snapshot: export and delete exactly the rows it shows", ""]
    left = tab.model.rowCount()
    timed(tab, lambda: (tab.status_filter.setCurrentIndex(2), tab.apply_filter()))  # Failed
    failed = figures["filter_failed_rows"] = tab.model.rowCount()
    out = work / "failed.csv"
    start = time.perf_counter()
    wait_for(tab.job_finished, lambda: tab.export_to(out), timeout_s=600)
    figures["export_all_failed_s"] = round(time.perf_counter() - start, 2)
    whole_run.pause()  # the script reads the file: not the window
    assert sum(1 for _ in out.open(encoding="utf-8-sig")) > failed  # header + rows
    whole_run.resume()
    out.unlink()
    start = time.perf_counter()
    with StallMeter() as meter:
        wait_for(tab.job_finished, lambda: tab.delete_all_matching(confirm=False), timeout_s=600)
        settle(tab)
    figures["delete_all_failed_s"] = round(time.perf_counter() - start, 2)
    stalls["delete all failed"] = meter.worst_ms
    assert tab.model.rowCount() == 0
    whole_run.pause()  # the script's own check next runs SQL here, not the window
    assert services.history.count(HistoryFilter()) == left - failed

    figures["longest_stall_ms"] = whole_run.worst_ms
    figures["longest_stall_during"] = whole_run.worst_step
    stalls.update({f"{step} (any)": worst for step, worst in STEP_STALLS.items()})
    figures["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    tab.close()
    workers.shutdown()
    services.close()
    del app
    if args.db is None:
        shutil.rmtree(work, ignore_errors=True)  # half a gigabyte per million messages
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
