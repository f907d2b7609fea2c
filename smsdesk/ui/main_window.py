"""The main window: Send, Scheduled and History tabs, a menu and a status bar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QTabWidget

from smsdesk import __version__
from smsdesk.app import Services
from smsdesk.providers.base import Capability
from smsdesk.services.gateways import capabilities_of
from smsdesk.ui.contacts_tab import ContactsTab
from smsdesk.ui.dispatch_controller import CycleResult, DispatchController
from smsdesk.ui.gateway_settings import GatewaySettingsDialog
from smsdesk.ui.history_tab import HistoryTab, default_settings
from smsdesk.ui.inbox_tab import InboxTab
from smsdesk.ui.results_view import ResultsDialog
from smsdesk.ui.scheduled_tab import ScheduledTab
from smsdesk.ui.send_tab import SendTab
from smsdesk.ui.settings_dialog import SettingsDialog
from smsdesk.ui.workers import WorkerPool


class MainWindow(QMainWindow):
    def __init__(self, services: Services, *, start_dispatcher: bool = True) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle("smsdesk")
        self.resize(1100, 700)
        self.workers = WorkerPool()
        self._shut_down = False

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
            providers=services.provider,
            remote_gateway=services.settings.provider,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.send_tab, "&Send")
        self.tabs.addTab(self.scheduled_tab, "S&cheduled")
        self.tabs.addTab(self.history_tab, "&History")
        self.contacts_tab = ContactsTab(
            services.recipients,
            self.workers,
            region=lambda: services.preferences.preferences().region,
            provider=lambda: services.settings.provider,
        )
        self.tabs.addTab(self.contacts_tab, "C&ontacts")
        self.inbox_tab = InboxTab(services.replies, self.workers)
        self.tabs.addTab(self.inbox_tab, self.tr("&Inbox"))
        self.inbox_tab.status_message.connect(self.statusBar().showMessage)
        self.results_dialogs: dict[int, ResultsDialog] = {}
        self.contacts_tab.status_message.connect(self.statusBar().showMessage)
        self.contacts_tab.lists_changed.connect(self.send_tab.reload_lists)
        self.setCentralWidget(self.tabs)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.provider_label = QLabel(f"Gateway: {services.settings.provider}")
        self.credits_label = QLabel()  # shown only for gateways that count credits
        self.credits_label.setVisible(False)
        self._credits_running = False
        self.gateway_dialog: GatewaySettingsDialog | None = None
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.provider_label)
        self.statusBar().addPermanentWidget(self.credits_label)
        self._build_menu()

        self.dispatcher = services.new_dispatcher()
        self.controller = DispatchController(self.dispatcher, self.workers)
        self.controller.progress.connect(self._show_progress)
        self.controller.cycle_done.connect(self._cycle_done)
        self.controller.failed.connect(lambda m: self.statusBar().showMessage(f"Sending: {m}"))
        self.send_tab.status_message.connect(self.statusBar().showMessage)
        self.scheduled_tab.status_message.connect(self.statusBar().showMessage)
        self.history_tab.status_message.connect(self.statusBar().showMessage)
        self.send_tab.campaign_created.connect(self._campaign_created)
        self.scheduled_tab.changed.connect(self.history_tab.refresh)
        self.scheduled_tab.changed.connect(self.controller.wake)
        self.scheduled_tab.results_requested.connect(self.open_results)
        self.history_tab.campaign_results.connect(self.open_results)
        self.settings_dialog: SettingsDialog | None = None
        self.overdue_notice = ""
        if start_dispatcher:
            self._announce_overdue()
            self.controller.start()
        self.refresh_credits()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.gateway_action = QAction("&Gateway settings…", self)
        self.gateway_action.triggered.connect(self.open_gateway_settings)
        file_menu.addAction(self.gateway_action)
        self.preferences_action = QAction("Sending &preferences…", self)
        self.preferences_action.triggered.connect(self.open_preferences)
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About smsdesk", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About smsdesk",
            f"<b>smsdesk {__version__}</b><p>Bulk SMS campaigns from your desktop.</p>"
            f"<p>Database: {self.services.engine.url.render_as_string(hide_password=True)}</p>",
        )

    # -- gateway -------------------------------------------------------------------

    def open_gateway_settings(self) -> GatewaySettingsDialog:
        if self.gateway_dialog is None:
            self.gateway_dialog = GatewaySettingsDialog(
                self.services.gateways, self.workers, parent=self
            )
            self.gateway_dialog.saved.connect(self._gateway_saved)
        self.gateway_dialog.page.load()
        self.gateway_dialog.open()
        return self.gateway_dialog

    def _gateway_saved(self, _name: str) -> None:
        name = self.services.gateways.default_provider()
        self.services.settings = replace(self.services.settings, provider=name)
        self.send_tab.set_provider(name)
        self.history_tab.set_remote_gateway(name)
        self.provider_label.setText(f"Gateway: {name}")
        self.refresh_credits()

    def refresh_credits(self) -> None:
        """Credits left at the gateway, read in a worker; hidden when it has none."""
        name = self.services.settings.provider
        try:
            has_credits = Capability.CREDITS in capabilities_of(name)
        except ValueError:
            has_credits = False
        self.credits_label.setVisible(has_credits)
        if not has_credits or self._credits_running or self._shut_down:
            return
        self._credits_running = True

        def shown(credits: float | None) -> None:
            self._credits_running = False
            self.credits_label.setToolTip("")
            self.credits_label.setText(
                "Credits: —" if credits is None else f"Credits: {credits:,.10g}"
            )

        def failed(message: str) -> None:
            self._credits_running = False
            self.credits_label.setText("Credits: ?")
            self.credits_label.setToolTip(message)

        self.workers.run(
            lambda **_: self.services.gateways.credits_left(name),
            on_result=shown,
            on_error=failed,
        )

    # -- sending preferences and what fell due while closed ---------------------------

    def open_preferences(self) -> SettingsDialog:
        dialog = SettingsDialog(self.services.preferences, parent=self)
        dialog.accepted.connect(self.send_tab.apply_preferences)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _announce_overdue(self) -> None:
        """Campaigns whose instant passed while smsdesk was closed go out now: say so."""
        overdue = self.services.campaigns.overdue()
        if not overdue:
            return
        names = ", ".join(
            f"{c.name!r} (due {c.due_at.astimezone():%d/%m %H:%M}, {c.messages} message(s))"
            for c in overdue[:3]
        )
        more = f" and {len(overdue) - 3} more" if len(overdue) > 3 else ""
        text = (
            f"While smsdesk was closed, {len(overdue)} campaign(s) became due: "
            f"{names}{more}. Sending them now."
        )
        self.overdue_notice = text
        self.scheduled_tab.show_notice(text)
        self.statusBar().showMessage(text)

    # -- results and replies --------------------------------------------------------

    def open_results(self, campaign_id: int) -> ResultsDialog:
        """The results view of a campaign (one window per campaign, raised if open)."""
        dialog = self.results_dialogs.get(campaign_id)
        if dialog is None:
            dialog = ResultsDialog(
                campaign_id,
                self.services.results,
                self.services.campaigns,
                self.workers,
                parent=self,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: self.results_dialogs.pop(campaign_id, None))
            self.results_dialogs[campaign_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _campaign_created(self, _created: object) -> None:
        self.scheduled_tab.refresh()
        self.history_tab.refresh()
        self.controller.wake()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("Sending %v / %m")
        self.scheduled_tab.follow()  # live counts while the campaign goes out

    def _cycle_done(self, result: CycleResult) -> None:
        self.progress.setVisible(False)
        sent = result.sent
        if result.recovered.reconciled or result.recovered.requeued or result.recovered.unknown:
            self.statusBar().showMessage(
                f"Resumed an interrupted send: {result.recovered.reconciled} confirmed, "
                f"{result.recovered.requeued} queued again, {result.recovered.unknown} unknown"
            )
        elif sent.claimed or sent.held:
            waiting = f"; {sent.held} wait for their sending window" if sent.held else ""
            self.statusBar().showMessage(
                f"Sent {sent.submitted}, failed {sent.failed}, to retry {sent.retried}{waiting}"
            )
        if sent.claimed or sent.held or result.receipts or result.recovered.requeued:
            self.history_tab.refresh()
            self.scheduled_tab.refresh()
        if sent.submitted:
            self.refresh_credits()
        # the results views follow each cycle (live while sending); the Inbox its replies
        if sent.claimed or result.receipts or result.replies:
            for dialog in list(self.results_dialogs.values()):
                dialog.refresh()
        if result.replies:
            self.inbox_tab.refresh()
            self.statusBar().showMessage(self.tr("{0} new reply(ies)").format(result.replies))

    def shutdown(self) -> None:
        """Stop timers and wait for workers; safe to call more than once."""
        if self._shut_down:
            return
        self._shut_down = True
        self.controller.stop()
        self.workers.shutdown()
        self.dispatcher.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
