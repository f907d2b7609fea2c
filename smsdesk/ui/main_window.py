"""The main window: the tabs, the menus, the status bar, and what keeps them up to date.

Up to date without polling loops: services publish on a `ChangeFeed` what they changed
("messages", "campaigns", "contacts", "replies"), the window refreshes the visible tab at
once and marks the others stale (refreshed when shown). Writes by other processes (the
command line, other computers on PostgreSQL) move a cheap change counter, read from a
worker every few seconds while the window is active. F5 reads everything shown again.

It paints before the database is open: the constructor builds the frame (menus, tab
titles, status bar) from light modules only, and `attach` builds the tabs once the
services exist (`smsdesk.gui` builds them in a worker meanwhile; given the services, the
constructor attaches them at once). tests/ui/test_main_window.py checks that the frame
imports neither SQLAlchemy nor the services.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smsdesk import config
from smsdesk.assets import icon_path
from smsdesk.log_file import log_path
from smsdesk.private_files import private_dir, private_file
from smsdesk.ui import appearance, formats, i18n
from smsdesk.ui.first_run import FirstRunPanel
from smsdesk.ui.help_dialogs import AboutDialog, EndingsDialog, ShortcutsDialog, quit_keys
from smsdesk.ui.workers import WorkerPool

if TYPE_CHECKING:  # the tabs and the services are imported by `attach` (see the docstring)
    from smsdesk.services.campaigns import OverdueCampaign
    from smsdesk.services.container import Services
    from smsdesk.services.results import CampaignDraft
    from smsdesk.ui.campaigns_tab import CampaignsTab
    from smsdesk.ui.contacts_tab import ContactsTab
    from smsdesk.ui.dispatch_controller import CycleResult, DispatchController
    from smsdesk.ui.history_tab import HistoryTab
    from smsdesk.ui.inbox_tab import InboxTab
    from smsdesk.ui.preferences_dialog import PreferencesDialog
    from smsdesk.ui.results_view import ResultsDialog
    from smsdesk.ui.scheduled_tab import ScheduledTab
    from smsdesk.ui.send_tab import SendTab

log = logging.getLogger(__name__)

CHANGE_POLL_MS = 3_000  # other processes' writes: read the change counter this often
COALESCE_MS = 200  # a burst of changes (one per batch) refreshes once
STATE_FILE = "ui-state.ini"
KEY_GEOMETRY = "window/geometry"
KEY_TAB = "window/tab"
KEY_FIRST_RUN_DONE = "window/first_run_dismissed"
KEY_LANGUAGE = "window/language"  # the language last shown: the first paint's, before Preferences

# the tabs in their order (names of MainWindow attributes)
TAB_NAMES = (
    "send_tab",
    "scheduled_tab",
    "history_tab",
    "contacts_tab",
    "campaigns_tab",
    "inbox_tab",
)
# which tabs show each topic
TOPIC_TABS: dict[str, tuple[str, ...]] = {
    "messages": ("history_tab", "scheduled_tab", "campaigns_tab"),
    "campaigns": ("scheduled_tab", "history_tab", "campaigns_tab"),
    "contacts": ("contacts_tab", "send_tab"),
    "replies": ("inbox_tab", "campaigns_tab"),
}


def window_settings() -> QSettings:
    """The window's state file in the data dir (0600 in a 0700 folder)."""
    folder = private_dir(config.data_dir())
    return QSettings(str(private_file(folder / STATE_FILE)), QSettings.Format.IniFormat)


def last_language() -> str | None:
    """The language the window last showed (None: never started, follow the system)."""
    value = window_settings().value(KEY_LANGUAGE, "")
    return value if isinstance(value, str) and value else None


def import_tab_modules() -> None:
    """Import what `attach` builds (the services with them): a worker does it at start."""
    import smsdesk.ui.campaigns_tab
    import smsdesk.ui.contacts_tab
    import smsdesk.ui.dispatch_controller
    import smsdesk.ui.history_tab
    import smsdesk.ui.inbox_tab
    import smsdesk.ui.preferences_dialog
    import smsdesk.ui.scheduled_tab
    import smsdesk.ui.send_tab  # noqa: F401


class _ChangeRelay(QObject):
    """Carries a topic published in any thread to the GUI thread (queued signal)."""

    changed = Signal(str)


class MainWindow(QMainWindow):
    # set by `attach`; until then the tabs are placeholders and `attached` is False
    services: Services
    send_tab: SendTab
    scheduled_tab: ScheduledTab
    history_tab: HistoryTab
    contacts_tab: ContactsTab
    inbox_tab: InboxTab
    campaigns_tab: CampaignsTab
    controller: DispatchController

    ready = Signal()  # the tabs are built: the window works

    def __init__(
        self,
        services: Services | None = None,
        *,
        start_dispatcher: bool = True,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.attached = False
        self.setWindowIcon(QIcon(str(icon_path())))
        self.resize(1100, 700)
        self.workers = WorkerPool()
        self._shut_down = False
        self._quit_confirmed = False
        self._state = settings or window_settings()
        self.gateway = ""  # learned one way: _set_gateway (from the services when attached)
        self.quit_box: QMessageBox | None = None
        self.start_error_box: QMessageBox | None = None
        self.help_dialog: QDialog | None = None
        self._clean_shutdown = False
        self._dispatch_error = False  # the banner shows a dispatcher failure

        self.tabs = QTabWidget()
        self._placeholders: list[QLabel] = []
        for _name in TAB_NAMES:
            placeholder = QLabel()
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._placeholders.append(placeholder)
            self.tabs.addTab(placeholder, "")
        self.results_dialogs: dict[int, ResultsDialog] = {}

        # what matters is said above the tabs too, not only in the status bar
        self.first_run = FirstRunPanel()
        self.first_run.dismissed.connect(self._first_run_dismissed)
        self.first_run.preferences_requested.connect(self.open_preferences)
        self.first_run.endings_requested.connect(self.show_endings)
        self.first_run.setVisible(not self._state.value(KEY_FIRST_RUN_DONE, False, type=bool))
        self.error_banner = QLabel()
        self.error_banner.setObjectName("error_banner")
        self.error_banner.setWordWrap(True)
        self.error_banner.setVisible(False)
        self.error_close = QPushButton()
        self.error_close.setVisible(False)
        self.error_close.clicked.connect(self.clear_error)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.error_banner, 1)
        banner_row.addWidget(self.error_close, 0, Qt.AlignmentFlag.AlignTop)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 0)
        column.addWidget(self.first_run)
        column.addLayout(banner_row)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.provider_label = QLabel()
        self.credits_label = QLabel()  # shown only for gateways that count credits
        self.credits_label.setVisible(False)
        self._credits: float | None = None
        self._credits_running = False
        self._credits_again = False
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.provider_label)
        self.statusBar().addPermanentWidget(self.credits_label)
        self._build_menu()
        # the panel's button opens Preferences: greyed out with the menu item until attach
        self.first_run.preferences_button.setEnabled(self.preferences_action.isEnabled())
        self.preferences_action.enabledChanged.connect(self.first_run.preferences_button.setEnabled)
        self.preferences_dialog: PreferencesDialog | None = None
        self.overdue_notice = ""

        # one change signal: services (any thread) -> relay (queued) -> visible tab
        self._stale: set[str] = set()
        self._pending: set[str] = set()
        self._relay = _ChangeRelay(self)
        self._relay.changed.connect(self._changed)
        self._unsubscribe: Callable[[], None] = lambda: None
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._apply_changes)
        self._counter_value: int | None = None
        self._counter_reading = False
        self.change_poll = QTimer(self)
        self.change_poll.setInterval(CHANGE_POLL_MS)
        self.change_poll.timeout.connect(self.poll_changes)

        self._restore_state()
        self.retranslate()
        if services is not None:
            self.attach(services, start_dispatcher=start_dispatcher)

    def attach(self, services: Services, *, start_dispatcher: bool = True) -> None:
        """Build the tabs on `services` in place of the placeholders, and start."""
        from smsdesk.ui.campaigns_tab import CampaignsTab
        from smsdesk.ui.contacts_tab import ContactsTab
        from smsdesk.ui.dispatch_controller import DispatchController
        from smsdesk.ui.history_tab import HistoryTab, default_settings
        from smsdesk.ui.inbox_tab import InboxTab
        from smsdesk.ui.scheduled_tab import ScheduledTab
        from smsdesk.ui.send_tab import SendTab

        assert not self.attached, "attach once"
        self.services = services
        self.gateway = services.settings.provider
        self.send_tab = SendTab(
            services.campaigns,
            self.workers,
            provider=services.settings.provider,
            templates=services.templates,
            preferences=services.preferences,
        )
        self.scheduled_tab = ScheduledTab(services.campaigns, self.workers)
        self.history_tab = HistoryTab(
            services.history,
            self.workers,
            default_settings(),
            providers=services.gateways.shared,
            remote_gateway=services.settings.provider,
        )
        self.contacts_tab = ContactsTab(
            services.recipients,
            self.workers,
            region=formats.region,  # set from Preferences at start and on save
            provider=lambda: self.gateway,
        )
        self.inbox_tab = InboxTab(services.replies, self.workers)
        self.campaigns_tab = CampaignsTab(services.results, self.workers)
        # the tabs take the placeholders' places, all inserted before any placeholder goes:
        # removing the current page one by one would show (and refresh) other tabs
        shown = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, tab in enumerate(self._tab_widgets()):
            self.tabs.insertTab(index, tab, "")
        self.tabs.setCurrentIndex(shown)
        for placeholder in self._placeholders:
            self.tabs.removeTab(self.tabs.indexOf(placeholder))
            placeholder.deleteLater()
        self.tabs.blockSignals(False)
        self._placeholders = []

        for tab in (self.send_tab, self.scheduled_tab, self.history_tab):
            tab.status_message.connect(self.statusBar().showMessage)
        self.inbox_tab.status_message.connect(self.statusBar().showMessage)
        self.campaigns_tab.status_message.connect(self.statusBar().showMessage)
        self.campaigns_tab.results_requested.connect(self.open_results)
        self.campaigns_tab.draft_requested.connect(self.load_draft)
        self.contacts_tab.status_message.connect(self.statusBar().showMessage)
        self.contacts_tab.lists_changed.connect(self.send_tab.reload_lists)

        self.controller = DispatchController(services.new_dispatcher, services.changes)
        self.controller.progress.connect(self._show_progress)
        self.controller.cycle_done.connect(self._cycle_done)
        self.controller.failed.connect(self._dispatch_failed)
        self.send_tab.campaign_created.connect(lambda _created: self.controller.wake())
        self.scheduled_tab.changed.connect(self.controller.wake)
        self.scheduled_tab.results_requested.connect(self.open_results)
        self.history_tab.campaign_results.connect(self.open_results)
        self._unsubscribe = services.changes.subscribe(self._relay.changed.emit)
        self.tabs.currentChanged.connect(self._tab_shown)

        self.attached = True
        for action in self._needs_services():
            action.setEnabled(True)
        self.retranslate()
        self.poll_changes()  # the counter's first value: later ones are compared with it
        if start_dispatcher:
            self._announce_overdue()
            self.controller.start()
        self.refresh_credits()
        self.ready.emit()

    def _needs_services(self) -> tuple[QAction, ...]:
        """The menu actions that wait for `attach`."""
        return (
            self.preferences_action,
            self.refresh_action,
            self.open_data_action,
            self.about_action,
        )

    def _tab_widgets(self) -> list[QWidget]:
        return [getattr(self, name) for name in TAB_NAMES]

    # -- menus and texts ---------------------------------------------------------------

    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.preferences_action = QAction(self)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.file_menu.addAction(self.preferences_action)
        self.file_menu.addSeparator()
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(
            QKeySequence("F5")
        )  # StandardKey.Refresh is empty on some desktops
        self.refresh_action.triggered.connect(self.refresh_all)
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(quit_keys())
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.help_menu = self.menuBar().addMenu("")
        self.getting_started_action = QAction(self)
        self.getting_started_action.triggered.connect(self.show_first_run)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.endings_action = QAction(self)
        self.endings_action.triggered.connect(self.show_endings)
        self.open_log_action = QAction(self)
        self.open_log_action.triggered.connect(self.open_log)
        self.open_data_action = QAction(self)
        self.open_data_action.triggered.connect(self.open_data_folder)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.getting_started_action, self.shortcuts_action, self.endings_action):
            self.help_menu.addAction(action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.open_log_action)
        self.help_menu.addAction(self.open_data_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        for action in self._needs_services():
            action.setEnabled(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("smsdesk"))
        titles = (
            (self.tr("&Send"), self.tr("Write a message and send it now or later")),
            (self.tr("S&cheduled"), self.tr("Campaigns planned or sending: cancel, move, resume")),
            (self.tr("&History"), self.tr("Every message sent, with its delivery status")),
            (self.tr("C&ontacts"), self.tr("Recipient lists and the stop list; import files")),
            (self.tr("C&ampaigns"), self.tr("Every campaign, finished ones too, and its results")),
            (self.tr("&Inbox"), self.tr("Replies, grouped by contact")),
        )
        for index, (title, tip) in enumerate(titles):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, tip)
        for placeholder in self._placeholders:
            placeholder.setText(self.tr("Opening the database…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.preferences_action.setToolTip(
            self.tr("Gateway, sending window, default sender, region, language, time zone")
        )
        self.refresh_action.setText(self.tr("&Refresh"))
        self.refresh_action.setToolTip(self.tr("Read everything shown again (F5)"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.getting_started_action.setText(self.tr("&Getting started"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.endings_action.setText(self.tr("&Endings of test numbers"))
        self.open_log_action.setText(self.tr("Open the &log"))
        self.open_data_action.setText(self.tr("Open the &data folder"))
        self.about_action.setText(self.tr("&About smsdesk"))
        self.error_close.setText(self.tr("&Dismiss"))
        self.error_close.setToolTip(self.tr("Hide this message"))
        self.progress.setToolTip(self.tr("Messages handed to the gateway in this send"))
        self.progress.setFormat(self.tr("Sending %v / %m"))
        self._show_gateway()
        self._show_credits()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
            self._state.setValue(KEY_LANGUAGE, i18n.current_language())
        elif kind == QEvent.Type.ActivationChange:
            self._follow_activation()
        super().changeEvent(event)

    def _show_gateway(self) -> None:
        if not self.attached:
            self.provider_label.setText(self.tr("Opening the database…"))
            return
        from smsdesk.ui.preferences_dialog import gateway_label

        self.provider_label.setText(
            self.tr("Gateway: {name}").format(name=gateway_label(self.gateway))
        )
        self.provider_label.setToolTip(
            self.tr("Where messages go; change it in File > Preferences")
        )

    def _show_credits(self) -> None:
        self.credits_label.setText(
            self.tr("Credits: {credits}").format(
                credits="?" if self._credits is None else formats.credits(self._credits)
            )
        )
        if not self.credits_label.toolTip():
            self.credits_label.setToolTip(self.tr("Credits left at the gateway"))

    # -- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._state.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        tab = self._state.value(KEY_TAB, 0, type=int)
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def _save_state(self) -> None:
        self._state.setValue(KEY_GEOMETRY, self.saveGeometry())
        self._state.setValue(KEY_TAB, self.tabs.currentIndex())
        self._state.sync()

    # -- first run and help ------------------------------------------------------------

    def _first_run_dismissed(self) -> None:
        self._state.setValue(KEY_FIRST_RUN_DONE, True)
        self._state.sync()

    def show_first_run(self) -> None:
        self.first_run.show()

    def _open_help(self, dialog: QDialog) -> QDialog:
        dialog.setWindowIcon(self.windowIcon())
        dialog.open()
        self.help_dialog = dialog
        return dialog

    def show_shortcuts(self) -> QDialog:
        return self._open_help(ShortcutsDialog(self))

    def show_endings(self) -> QDialog:
        return self._open_help(EndingsDialog(self))

    def show_about(self) -> QDialog:
        database = self.services.engine.url.render_as_string(hide_password=True)
        return self._open_help(AboutDialog(database, str(self.services.data_dir), self))

    def show_start_error(self, message: str) -> QMessageBox:
        """The services could not be built: why, and where the log is (modal: the app
        quits once it is closed)."""
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("smsdesk cannot start"),
            self.tr("smsdesk cannot start: {reason}").format(reason=message),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setInformativeText(self.tr("The log file says more: {path}").format(path=log_path()))
        self.start_error_box = box
        box.exec()
        return box

    def open_log(self) -> bool:
        path = log_path()
        if not path.exists():
            self.show_error(self.tr("There is no log yet: {path}").format(path=path))
            return False
        return self._open_url(path)

    def open_data_folder(self) -> bool:
        return self._open_url(self.services.data_dir)

    def _open_url(self, path: Path) -> bool:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.show_error(self.tr("No application could open {path}").format(path=path))
        return False

    # -- errors that block: said above the tabs, not only in the status bar ----------------

    def _style_banner(self) -> None:
        self.error_banner.setStyleSheet(
            appearance.banner_style(appearance.PAUSED_TEXT, appearance.PAUSED_BACKGROUND)
        )

    def show_error(self, text: str) -> None:
        self._style_banner()
        self.error_banner.setText(text)
        self.error_banner.setVisible(True)
        self.error_close.setVisible(True)
        self.statusBar().showMessage(text)

    def clear_error(self) -> None:
        self.error_banner.setVisible(False)
        self.error_close.setVisible(False)

    def _dispatch_failed(self, message: str) -> None:
        self._dispatch_error = True
        self.show_error(
            self.tr("Sending stopped: {reason}. smsdesk tries again in a few seconds.").format(
                reason=message
            )
        )

    # -- gateway ---------------------------------------------------------------------------

    def _gateway_saved(self, name: str) -> None:
        """`name`: the gateway in use after the save (read by Preferences' worker, so
        SMSDESK_PROVIDER is honoured)."""
        self._set_gateway(name)

    def _set_gateway(self, name: str) -> None:
        """The one way the window learns which gateway sends."""
        self.gateway = name
        self.send_tab.set_provider(name)
        self.history_tab.set_remote_gateway(name)
        self._show_gateway()
        self.refresh_credits()

    def refresh_credits(self) -> None:
        """Credits left at the gateway, read in a worker; hidden when it has none."""
        if self._shut_down or not self.attached:
            return
        if self._credits_running:
            self._credits_again = True  # the gateway may have changed: read once more after
            return
        self._credits_running = True
        self._credits_again = False
        name = self.gateway

        def shown(credits: float | None) -> None:
            self._credits_running = False
            if self._credits_again:
                self.refresh_credits()
                return
            self._credits = credits
            self.credits_label.setToolTip("")
            self.credits_label.setVisible(credits is not None)
            self._show_credits()

        def failed(message: str) -> None:
            self._credits_running = False
            if self._credits_again:
                self.refresh_credits()
                return
            self._credits = None
            self.credits_label.setToolTip(message)
            self.credits_label.setVisible(True)
            self._show_credits()

        self.workers.run(
            lambda **_: self.services.gateways.credits_left(name),
            on_result=shown,
            on_error=failed,
        )

    # -- sending preferences and what fell due while closed ---------------------------

    def open_preferences(self) -> PreferencesDialog | None:
        """Preferences (gateway, sending, region, language, time zone), loaded in a worker;
        None before the services are there (the first-run panel's button)."""
        if not self.attached:
            return None
        from smsdesk.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(
            self.services.gateways, self.services.preferences, self.workers, parent=self
        )
        dialog.setWindowIcon(self.windowIcon())
        dialog.saved.connect(self._gateway_saved)
        dialog.saved.connect(lambda _name: self.send_tab.apply_preferences())
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def _announce_overdue(self) -> None:
        """Campaigns whose instant passed while smsdesk was closed go out now: say so."""
        self.workers.run(
            lambda **_: self.services.campaigns.overdue(), on_result=self._overdue_found
        )

    def _overdue_found(self, overdue: list[OverdueCampaign]) -> None:
        if not overdue:
            return
        names = ", ".join(
            self.tr("“{name}” (due {due}, %n message(s))", "", c.messages).format(
                name=c.name, due=formats.date_time(c.due_at)
            )
            for c in overdue[:3]
        )
        if len(overdue) > 3:
            names = self.tr("{names} and %n more", "", len(overdue) - 3).format(names=names)
        text = self.tr(
            "While smsdesk was closed, %n campaign(s) became due: {names}. Sending them now.",
            "",
            len(overdue),
        ).format(names=names)
        self.overdue_notice = text
        self.scheduled_tab.show_notice(text)
        self.statusBar().showMessage(text)

    # -- results and replies --------------------------------------------------------

    def open_results(self, campaign_id: int) -> ResultsDialog:
        """The results view of a campaign (one window per campaign, raised if open)."""
        from smsdesk.ui.results_view import ResultsDialog

        dialog = self.results_dialogs.get(campaign_id)
        if dialog is None:
            dialog = ResultsDialog(
                campaign_id,
                self.services.results,
                self.services.campaigns,
                self.workers,
                parent=self,
            )
            dialog.setWindowIcon(self.windowIcon())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.draft_requested.connect(self.load_draft)
            dialog.destroyed.connect(lambda: self.results_dialogs.pop(campaign_id, None))
            self.results_dialogs[campaign_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def load_draft(self, draft: CampaignDraft) -> None:
        """ "Copy as a new draft" (results view, Campaigns list): the Send tab takes it."""
        self.send_tab.load_draft(
            draft.name, draft.body, draft.sender, draft.list_ids, draft.numbers
        )
        self.tabs.setCurrentWidget(self.send_tab)

    # -- changes: one signal, the visible tab refreshed, the others marked stale -------

    def _changed(self, topic: str) -> None:
        self._pending.add(topic)
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _apply_changes(self) -> None:
        if self._shut_down or not self.attached:
            return
        topics, self._pending = self._pending, set()
        names = {name for topic in topics for name in TOPIC_TABS.get(topic, ())}
        current = self.tabs.currentWidget()
        for name in names:
            tab = getattr(self, name)
            if tab is current:
                self._refresh_tab(tab)
            else:
                self._stale.add(name)
        if topics & {"messages", "campaigns", "replies"}:
            for dialog in list(self.results_dialogs.values()):
                if dialog.isVisible():
                    dialog.refresh()

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        for name in list(self._stale):
            if getattr(self, name) is tab:
                self._stale.discard(name)
                self._refresh_tab(tab)

    def _refresh_tab(self, tab: QWidget) -> None:
        # every tab has refresh() (contract); the Send tab's lists are its only data
        refresh = getattr(tab, "refresh", None)
        if refresh is None and tab is self.send_tab:
            refresh = self.send_tab.reload_lists
        if refresh is not None:
            refresh()

    def refresh_all(self) -> None:
        """F5: the visible tab now, the others when they are shown; credits too."""
        if not self.attached:
            return
        current = self.tabs.currentWidget()
        for name in TAB_NAMES:
            if getattr(self, name) is current:
                self._refresh_tab(current)
            else:
                self._stale.add(name)
        self.refresh_credits()
        self.controller.wake()

    def _follow_activation(self) -> None:
        """Poll the change counter only while the window is the active one."""
        if self._shut_down:
            return
        if self.isActiveWindow():
            if not self.change_poll.isActive():
                self.change_poll.start()
                self.poll_changes()  # coming back: what changed meanwhile shows at once
        else:
            self.change_poll.stop()

    def poll_changes(self) -> None:
        """Read the change counter in a worker; a move means another connection wrote."""
        if self._counter_reading or self._shut_down or not self.attached:
            return
        self._counter_reading = True
        self.workers.run(
            lambda **_: self.services.change_counter.read(),
            on_result=self._counter_read,
            on_error=self._counter_failed,
        )

    def _counter_read(self, value: int | None) -> None:
        self._counter_reading = False
        previous, self._counter_value = self._counter_value, value
        if value is not None and previous is not None and value != previous:
            for topic in TOPIC_TABS:
                self._changed(topic)

    def _counter_failed(self, message: str) -> None:
        self._counter_reading = False
        log.info("change counter: %s", message)

    # -- the dispatcher ------------------------------------------------------------------

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(done < total)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _cycle_done(self, result: CycleResult) -> None:
        self.progress.setVisible(False)
        if self._dispatch_error:
            self._dispatch_error = False
            self.clear_error()  # the dispatcher works again
        sent, recovered = result.sent, result.recovered
        if recovered.reconciled or recovered.requeued or recovered.unknown:
            self.statusBar().showMessage(
                self.tr(
                    "Resumed an interrupted send: {confirmed} confirmed, {queued} queued "
                    "again, {unknown} unknown"
                ).format(
                    confirmed=formats.count(recovered.reconciled),
                    queued=formats.count(recovered.requeued),
                    unknown=formats.count(recovered.unknown),
                )
            )
        elif sent.claimed or sent.held:
            text = self.tr("Sent {sent}, failed {failed}, to retry {retried}").format(
                sent=formats.count(sent.submitted),
                failed=formats.count(sent.failed),
                retried=formats.count(sent.retried),
            )
            if sent.held:
                text = self.tr("{text}; %n wait for their sending window", "", sent.held).format(
                    text=text
                )
            self.statusBar().showMessage(text)
        if sent.submitted:
            self.refresh_credits()
        if result.replies:
            self.statusBar().showMessage(self.tr("%n new reply(ies)", "", result.replies))

    # -- quitting --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        summary = (
            None if self._quit_confirmed or not self.attached else self.controller.active_summary()
        )
        if summary is not None:
            event.ignore()
            self._ask_to_quit(summary)
            return
        self._save_state()
        self.shutdown()
        super().closeEvent(event)

    def _ask_to_quit(self, summary: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quit while sending?"),
            summary,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Quit"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep sending"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(self._quit_anyway)
        self.quit_box = box
        box.open()

    def _quit_anyway(self) -> None:
        self._quit_confirmed = True
        self.close()

    def shutdown(self) -> bool:
        """Stop the dispatcher thread (after its batch), the timers and the workers, in that
        order; True when all of them finished (then the engine may close). Safe twice."""
        if self._shut_down:
            return self._clean_shutdown
        self._shut_down = True
        self._unsubscribe()
        self._coalesce.stop()
        self.change_poll.stop()
        # the thread closes its gateway connections
        joined = self.controller.stop() if self.attached else True
        finished = self.workers.shutdown()
        self._clean_shutdown = joined and finished
        return self._clean_shutdown
