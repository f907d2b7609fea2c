from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smsdesk.app import Services
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.history import HistoryFilter
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.table_models import CampaignTableModel, HistoryTableModel
from smsdesk.ui.workers import WorkerPool


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """English (United Kingdom) formats and words: dates read 01/12/2026 21:35."""
    from PySide6.QtCore import QLocale

    from smsdesk.ui import i18n

    previous = (QLocale(), i18n._current)
    i18n.apply_language("en")
    yield
    QLocale.setDefault(previous[0])  # exactly as before: other modules' tests follow
    i18n._current = previous[1]


@pytest.fixture
def window(qtbot, services: Services) -> Iterator[MainWindow]:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def _final_rows(win: MainWindow) -> list[MessageStatus]:
    model = win.history_tab.model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    return [r.status for r in rows if r is not None and r.status.is_final]


def test_type_send_and_see_history(qtbot, typist, window: MainWindow):
    tab = window.send_tab
    typist(tab.recipients, "06 12 34 56 78\n0698765432, +33 7 81 22 33 44")
    typist(tab.message, "Bonjour à tous")
    assert tab.recipients_count.text() == "3 numbers"
    assert tab.counter.text().startswith("GSM-7 · 14 characters · 1 part")
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    # the confirmation shows the cost first
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible())
    assert tab.confirm_dialog is not None
    assert tab.confirm_dialog.total_parts_label.text() == "3 SMS parts in total"
    qtbot.mouseClick(tab.confirm_dialog.send_button, Qt.MouseButton.LeftButton)
    # History follows the dispatcher's change notices while it is the visible tab
    window.tabs.setCurrentWidget(window.history_tab)
    qtbot.waitUntil(lambda: len(_final_rows(window)) == 3, timeout=15_000)
    assert _final_rows(window) == [MessageStatus.DELIVERED] * 3
    model = window.history_tab.model
    receivers = {model.index(i, HistoryTableModel.COL_RECEIVER).data() for i in range(3)}
    assert receivers == {"06 12 34 56 78", "06 98 76 54 32", "07 81 22 33 44"}  # region FR
    assert tab.message.toPlainText() == ""  # cleared once queued


def test_bad_number_is_reported_and_nothing_sent(qtbot, window: MainWindow, services: Services):
    tab = window.send_tab
    qtbot.keyClicks(tab.recipients, "0612")
    qtbot.keyClicks(tab.message, "x")
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.send_button.isEnabled(), timeout=5_000)
    assert "left out ('0612': too short)" in window.statusBar().currentMessage()
    assert tab.message.toPlainText() == "x"  # kept for correction
    assert services.campaigns.list() == []


def test_counter_switches_to_ucs2(qtbot, typist, window: MainWindow):
    typist(window.send_tab.message, "C’est")
    assert window.send_tab.counter.text().startswith("UCS-2 · 5 characters")


def test_history_model(qtbot, qtmodeltester, services: Services):
    services.demo.seed(450)
    workers = WorkerPool()
    model = HistoryTableModel(services.history, workers)
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
    qtmodeltester.check(model)
    shown = model.rowCount()
    assert shown == services.history.count(HistoryFilter())  # cancelled ones only when asked
    model.sort(HistoryTableModel.COL_RECEIVER, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
    model.load_rows(0, shown - 1)  # pages read by workers; rows_arrived says when
    qtbot.waitUntil(lambda: model.has_rows(0, shown - 1), timeout=10_000)
    receivers = [model.row_at(i).receiver for i in range(0, shown, 50)]  # type: ignore[union-attr]
    assert receivers == sorted(receivers)
    qtmodeltester.check(model)
    workers.shutdown()


def test_scheduled_tab_lists_and_cancels(qtbot, qtmodeltester, window: MainWindow, services):
    from datetime import UTC, datetime, timedelta

    services.campaigns.create(
        CampaignRequest(
            body="Plus tard",
            receivers=["0612345678"],
            scheduled_at=datetime.now(UTC) + timedelta(days=2),
        )
    )
    tab = window.scheduled_tab
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.model.index(0, CampaignTableModel.COL_STATUS).data() == "Scheduled"
    tab.view.selectRow(0)
    tab.cancel_selected(confirm=False)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    [summary] = services.campaigns.list()
    assert summary.counts == {"cancelled": 1}


# -- one change signal ---------------------------------------------------------------------


class _Counting:
    """Counts a tab's refresh() calls (the real one still runs)."""

    def __init__(self, tab) -> None:  # type: ignore[no-untyped-def]
        self.calls = 0
        real = tab.refresh

        def refresh() -> None:
            self.calls += 1
            real()

        tab.refresh = refresh


def test_a_change_refreshes_the_visible_tab_and_marks_the_others(
    qtbot, window: MainWindow, services: Services
):
    window.tabs.setCurrentWidget(window.inbox_tab)
    scheduled, inbox = _Counting(window.scheduled_tab), _Counting(window.inbox_tab)
    services.changes.publish("campaigns")
    services.changes.publish("replies")
    qtbot.waitUntil(lambda: inbox.calls == 1)
    assert scheduled.calls == 0  # not shown: only marked stale
    assert "scheduled_tab" in window._stale
    window.tabs.setCurrentWidget(window.scheduled_tab)
    assert scheduled.calls == 1
    window.tabs.setCurrentWidget(window.inbox_tab)
    assert scheduled.calls == 1  # nothing changed since


def test_a_burst_of_changes_refreshes_once(qtbot, window: MainWindow, services: Services):
    window.tabs.setCurrentWidget(window.scheduled_tab)
    scheduled = _Counting(window.scheduled_tab)
    for _ in range(20):  # one per batch of a big send
        services.changes.publish("campaigns")
    qtbot.waitUntil(lambda: scheduled.calls == 1)
    assert not window._coalesce.isActive() and scheduled.calls == 1


def test_f5_refreshes_the_visible_tab(qtbot, window: MainWindow):
    window.tabs.setCurrentWidget(window.scheduled_tab)
    scheduled = _Counting(window.scheduled_tab)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert scheduled.calls == 1
    assert "history_tab" in window._stale


def test_a_campaign_made_by_the_command_line_shows_after_the_change_poll(
    qtbot, window: MainWindow, services: Services, db_url: str
):
    """Another process writes (the CLI): the counter moves, the Scheduled tab reads again."""
    from datetime import UTC, datetime, timedelta

    window.tabs.setCurrentWidget(window.scheduled_tab)
    qtbot.waitUntil(lambda: window._counter_value is not None)  # the first reading
    at = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    done = subprocess.run(
        [
            *(sys.executable, "-m", "smsdesk", "--db", db_url, "campaign", "send"),
            *("--to", "0612345678", "--message", "Depuis le terminal", "--at", at),
            *("--name", "CLI"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert window.scheduled_tab.model.rowCount() == 0
    window.poll_changes()  # what the 3-second timer does while the window is active
    qtbot.waitUntil(lambda: window.scheduled_tab.model.rowCount() == 1, timeout=10_000)
    assert window.scheduled_tab.model.index(0, CampaignTableModel.COL_NAME).data() == "CLI"


def test_the_change_poll_runs_only_while_the_window_is_active(qtbot, window: MainWindow):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.change_poll.isActive()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert not window.change_poll.isActive()


# -- quitting during a send ----------------------------------------------------------------


def test_quitting_during_a_send_asks_and_says_what_resumes(qtbot, services: Services, monkeypatch):
    from smsdesk.services.dispatcher import DispatcherService

    monkeypatch.setenv("SMSDESK_SIM_SUBMIT_DELAY", "0.05")
    monkeypatch.setattr(  # batches of 4, so that a quit falls between two of them
        type(services),
        "new_dispatcher",
        lambda self, batch_size=None: DispatcherService(self.sessions, self.provider, batch_size=4),
    )
    services.campaigns.create(
        CampaignRequest(body="x", receivers=[f"06123456{n:02d}" for n in range(40)])
    )
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.controller.active_summary() is not None, timeout=20_000)
        win.close()
        assert win.isVisible()  # not yet: it asks
        box = win.quit_box
        assert box is not None and box.isVisible()
        assert "go out the next time smsdesk opens" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
        assert win.isVisible()  # "Keep sending"
        win.close()
        box = win.quit_box
        assert box is not None
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not win.isVisible())
        assert not win.controller.dispatch_thread.isRunning()  # joined
    finally:
        assert win.shutdown()
    counts = services.campaigns.list()[0].counts
    assert "submitting" not in counts  # the batch under way was finished
    assert counts.get("queued", 0) > 0  # the rest waits for the next start


def test_quitting_when_idle_does_not_ask(qtbot, services: Services):
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.controller.is_busy())
    win.close()
    assert not win.isVisible() and win.quit_box is None
    assert not win.controller.dispatch_thread.isRunning()


# -- first run, help, window state -----------------------------------------------------------


def test_first_run_panel_once_dismissable_and_back_from_help(qtbot, services: Services):
    win = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(win)
    win.show()
    panel = win.first_run
    assert panel.isVisible()
    text = panel.body.text()
    for ending in ("0005", "0008", "0020", "0023", "0024", "0026", "0042", "0043"):
        assert ending in text
    assert "simulator" in text and "OVH" in text and "SMPP" in text and "Preferences" in text
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    win.close()

    again = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(again)
    again.show()
    assert not again.first_run.isVisible()  # dismissed once, for good
    again.getting_started_action.trigger()
    assert again.first_run.isVisible()
    again.close()


def test_help_menu_and_its_dialogs(qtbot, window: MainWindow):
    from smsdesk.ui.help_dialogs import AboutDialog, EndingsDialog, ShortcutsDialog

    titles = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert titles == [
        "&Getting started",
        "&Keyboard shortcuts",
        "&Endings of test numbers",
        "Open the &log",
        "Open the &data folder",
        "&About smsdesk",
    ]
    shortcuts = window.show_shortcuts()
    assert isinstance(shortcuts, ShortcutsDialog) and shortcuts.isVisible()
    keys = [shortcuts.table.item(r, 0).text() for r in range(shortcuts.table.rowCount())]
    assert {"Ctrl+Return", "Ctrl+F", "Ctrl+R", "F5", "Ctrl+Q"} <= set(keys)
    shortcuts.reject()
    about = window.show_about()
    assert isinstance(about, AboutDialog)
    from smsdesk import __version__

    assert f"smsdesk {__version__}" in about.text.text() and "MIT" in about.text.text()
    assert "LGPL" in about.text.text()
    about.reject()
    endings = window.show_endings()
    assert isinstance(endings, EndingsDialog)
    endings.reject()


def test_the_endings_table_is_the_simulators():
    """The dialog's endings and outcomes are the simulator's own (worked out from its
    constants, not from the dialog)."""
    from smsdesk.providers.simulator import FAILURE_SUFFIXES, REFUSED_SUFFIX, REPLY_SUFFIXES
    from smsdesk.ui.help_dialogs import ENDINGS

    shown = [ending for ending, _outcome in ENDINGS]
    assert sorted(shown) == sorted([*FAILURE_SUFFIXES, REFUSED_SUFFIX, *REPLY_SUFFIXES])
    outcomes = dict(ENDINGS)
    for ending, ptt in FAILURE_SUFFIXES.items():
        assert f"error {ptt}" in outcomes[ending]
    for ending, reply in REPLY_SUFFIXES.items():
        assert reply in outcomes[ending]


def test_open_the_log_and_the_data_folder(qtbot, window: MainWindow, services, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from smsdesk.log_file import install_log_file, remove_log_file

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    assert window.open_data_folder()
    path = install_log_file()
    try:
        assert window.open_log()
    finally:
        remove_log_file()
    assert opened == [str(services.data_dir), str(path)]


def test_geometry_and_last_tab_are_remembered(qtbot, services: Services, monkeypatch):
    import stat

    first = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentWidget(first.history_tab)
    saved = first.saveGeometry()
    first.close()
    state = services.data_dir / "ui-state.ini"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert stat.S_IMODE(services.data_dir.stat().st_mode) == 0o700
    # the offscreen screen is smaller than the window, so Qt clamps sizes: check what the
    # window hands to restoreGeometry instead of the size it ends with
    restored: list[bytes] = []
    real = MainWindow.restoreGeometry
    monkeypatch.setattr(
        MainWindow,
        "restoreGeometry",
        lambda self, data: restored.append(bytes(data.data())) or real(self, data),
    )
    second = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(second)
    second.show()
    assert restored == [bytes(saved.data())]
    assert second.tabs.currentWidget() is second.history_tab
    second.close()


def test_menus_tabs_and_status_bar_follow_a_language_change(qtbot, window: MainWindow):
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Marking(QTranslator):
        """Every MainWindow string, marked: shows which texts were set again."""

        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
            return f"» {source}" if context == "MainWindow" else None  # None: not ours

        def isEmpty(self) -> bool:
            return False

    translator = Marking()
    QCoreApplication.installTranslator(translator)  # Qt sends LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: window.file_menu.title() == "» &File")
        assert window.tabs.tabText(1) == "» S&cheduled"
        assert window.provider_label.text() == "» Gateway: Simulator (no account)"
        assert window.about_action.text() == "» &About smsdesk"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")


def test_every_main_window_control_has_a_tooltip(window: MainWindow):
    for index in range(window.tabs.count()):
        assert window.tabs.tabToolTip(index)
    for widget in (window.provider_label, window.progress, window.credits_label):
        assert widget.toolTip()
    for button in (window.first_run.dismiss_button, window.first_run.preferences_button):
        assert button.toolTip()


def test_a_dispatcher_failure_is_shown_above_the_tabs(qtbot, window: MainWindow):
    window._dispatch_failed("database is locked")
    assert window.error_banner.isVisible()
    assert "database is locked" in window.error_banner.text()
    qtbot.mouseClick(window.error_close, Qt.MouseButton.LeftButton)
    assert not window.error_banner.isVisible()


# -- the start: the frame paints first, the tabs come with the services ---------------------


def _in_a_fresh_process(code: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` run by a new Python, offscreen, with its own data folder (a start is what
    these tests look at: what it imports, what it freezes, what it says)."""
    environment = {"QT_QPA_PLATFORM": "offscreen", "SMSDESK_DATA_DIR": str(data_dir), **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        timeout=120,
    )


def test_the_frame_imports_neither_sqlalchemy_nor_the_services(tmp_path):
    """What paints first must stay light: SQLAlchemy and the services are the 0.5 s the
    worker spends behind the first paint (benchmarks/startup.py)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import smsdesk.gui\n"
        "from smsdesk.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "w.shutdown()\n"
    )
    done = _in_a_fresh_process(code, tmp_path)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "smsdesk.ui.main_window" in loaded
    heavy = sorted(
        name
        for name in loaded
        if name.split(".")[0] in ("sqlalchemy", "phonenumbers")
        or name.startswith(("smsdesk.services", "smsdesk.db", "smsdesk.providers"))
    )
    assert heavy == []


def test_the_frame_waits_for_the_services_then_the_tabs_take_their_places(
    qtbot, services: Services
):
    from smsdesk.ui.main_window import TAB_NAMES

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert not win.attached
    assert win.tabs.count() == len(TAB_NAMES) == 6
    assert win.tabs.tabText(2) == "&History"
    assert [win.tabs.widget(i).text() for i in range(6)] == ["Opening the database…"] * 6
    assert win.provider_label.text() == "Opening the database…"
    assert not win.preferences_action.isEnabled() and not win.refresh_action.isEnabled()
    assert not win.first_run.preferences_button.isEnabled()  # it opens Preferences too
    assert win.open_preferences() is None  # a shortcut or a queued click, early
    win.tabs.setCurrentIndex(2)  # the user picks History meanwhile
    win.refresh_all()  # F5 meanwhile: nothing to read yet
    with qtbot.waitSignal(win.ready, timeout=5_000):
        win.attach(services, start_dispatcher=False)
    assert win.attached
    assert [win.tabs.widget(i) for i in range(6)] == [getattr(win, n) for n in TAB_NAMES]
    assert win.tabs.currentWidget() is win.history_tab  # still the one picked
    assert win.tabs.tabText(2) == "&History"
    assert win.provider_label.text().startswith("Gateway: ")
    assert win.preferences_action.isEnabled() and win.about_action.isEnabled()
    assert win.first_run.preferences_button.isEnabled()
    qtbot.waitUntil(lambda: win.history_tab.model.rowCount() == 0 and not win.workers._running)
    assert win.shutdown()


def test_closing_before_the_services_are_there_is_clean(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert win.shutdown()  # no dispatcher to stop, no worker left


def test_the_first_paint_speaks_the_language_last_shown(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    from smsdesk.ui import i18n
    from smsdesk.ui.main_window import last_language

    win = MainWindow()
    qtbot.addWidget(win)
    i18n.apply_language("fr")  # LanguageChange reaches the window
    QCoreApplication.sendPostedEvents(win, QEvent.Type.LanguageChange)
    assert win.tabs.tabText(2) == "&Historique des envois"
    assert last_language() == "fr"
    i18n.apply_language("en")
    QCoreApplication.sendPostedEvents(win, QEvent.Type.LanguageChange)
    assert last_language() == "en"
    win.shutdown()


def test_attaching_shows_only_the_tab_picked(qtbot, monkeypatch, services: Services):
    """The swap inserts every tab before removing a placeholder: removing the current page
    one by one would show (and make refresh) the tabs after it."""
    from PySide6.QtCore import QEvent, QObject

    from smsdesk.ui import main_window

    shown: list[str] = []

    class Shows(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show:
                shown.append(type(watched).__name__)
            return False

    spy = Shows()
    original = main_window.MainWindow._tab_widgets

    def watched_tabs(self: MainWindow) -> list[QWidget]:
        tabs = original(self)
        for tab in tabs:
            tab.installEventFilter(spy)
        return tabs

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(2)
    monkeypatch.setattr(main_window.MainWindow, "_tab_widgets", watched_tabs)
    win.attach(services, start_dispatcher=False)
    assert shown == ["HistoryTab"]
    qtbot.waitUntil(lambda: not win.workers._running)
    assert win.shutdown()


def _start_failing(tmp_path, failure: str) -> tuple[int, str]:
    """The real start (`run_gui`) in a fresh process where `failure` breaks it; the error
    box is read and closed as a user would: (exit code, the box's words)."""
    db_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMessageBox\n"
        "import smsdesk.app, smsdesk.ui.main_window as mw\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('a bug in the start')\n"
        f"{failure}\n"
        "app = QApplication([])\n"
        "def close_the_box():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if not isinstance(box, QMessageBox):\n"
        "        QTimer.singleShot(10, close_the_box)\n"
        "        return\n"
        "    print(box.windowTitle(), '|', box.text(), '|', box.informativeText())\n"
        "    box.reject()\n"
        "QTimer.singleShot(0, close_the_box)\n"
        "from smsdesk.gui import run_gui\n"
        f"sys.exit(run_gui({db_url!r}))\n"
    )
    done = _in_a_fresh_process(code, tmp_path / "data", LANG="C")
    return done.returncode, done.stdout.strip()


@pytest.mark.parametrize(
    "failure",
    [
        "smsdesk.app.build_services = broken",  # in the worker, opening the database
        "mw.MainWindow.attach = broken",  # on the GUI thread, building the tabs
    ],
)
def test_a_bug_at_start_is_said_and_its_traceback_logged(tmp_path, failure: str):
    code, said = _start_failing(tmp_path, failure)
    assert code == 1
    title, text, details = (part.strip() for part in said.split("|"))
    assert title == "smsdesk cannot start"
    assert text == "smsdesk cannot start: a bug in the start"
    log_file = Path(details.removeprefix("The log file says more: "))
    assert log_file.is_relative_to(tmp_path / "data") and log_file.name == "smsdesk.log"
    log_text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log_text
    assert "RuntimeError: a bug in the start" in log_text


def test_the_objects_made_at_start_are_kept_out_of_the_cycle_collector(tmp_path):
    """Once the window is ready, what start made (~85,000 objects) is frozen: a full
    collection over it held the GIL for 60 ms, and the window froze that long."""
    code = (
        "import gc, sys\n"
        "from smsdesk.gui import run_gui\n"
        f"code = run_gui({f'sqlite:///{tmp_path}/db.sqlite3'!r}, quit_after_paint=0.0)\n"
        "print('frozen', gc.get_freeze_count())\n"
        "sys.exit(code)\n"
    )
    done = _in_a_fresh_process(code, tmp_path)
    assert done.returncode == 0, done.stderr
    said = done.stdout.split()
    assert said[:2] == ["painted", "ready"]
    assert said[2] == "frozen" and int(said[3]) > 20_000
