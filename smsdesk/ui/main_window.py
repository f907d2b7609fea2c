"""The main window: Send, Scheduled and History tabs, a menu and a status bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QTabWidget

from smsdesk import __version__
from smsdesk.app import Services
from smsdesk.ui.dispatch_controller import CycleResult, DispatchController
from smsdesk.ui.history_tab import HistoryTab
from smsdesk.ui.scheduled_tab import ScheduledTab
from smsdesk.ui.send_tab import SendTab
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
            services.campaigns, self.workers, provider=services.settings.provider
        )
        self.scheduled_tab = ScheduledTab(services.campaigns, self.workers)
        self.history_tab = HistoryTab(services.history)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.send_tab, "&Send")
        self.tabs.addTab(self.scheduled_tab, "S&cheduled")
        self.tabs.addTab(self.history_tab, "&History")
        self.setCentralWidget(self.tabs)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.provider_label = QLabel(f"Gateway: {services.settings.provider}")
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.provider_label)
        self._build_menu()

        self.dispatcher = services.new_dispatcher()
        self.controller = DispatchController(self.dispatcher, self.workers)
        self.controller.progress.connect(self._show_progress)
        self.controller.cycle_done.connect(self._cycle_done)
        self.controller.failed.connect(lambda m: self.statusBar().showMessage(f"Sending: {m}"))
        self.send_tab.status_message.connect(self.statusBar().showMessage)
        self.scheduled_tab.status_message.connect(self.statusBar().showMessage)
        self.send_tab.campaign_created.connect(self._campaign_created)
        self.scheduled_tab.changed.connect(self.history_tab.refresh)
        if start_dispatcher:
            self.controller.start()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
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

    def _campaign_created(self, _created: object) -> None:
        self.scheduled_tab.refresh()
        self.history_tab.refresh()
        self.controller.wake()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("Sending %v / %m")

    def _cycle_done(self, result: CycleResult) -> None:
        self.progress.setVisible(False)
        sent = result.sent
        if result.recovered.reconciled or result.recovered.requeued or result.recovered.unknown:
            self.statusBar().showMessage(
                f"Resumed an interrupted send: {result.recovered.reconciled} confirmed, "
                f"{result.recovered.requeued} queued again, {result.recovered.unknown} unknown"
            )
        elif sent.claimed:
            self.statusBar().showMessage(
                f"Sent {sent.submitted}, failed {sent.failed}, to retry {sent.retried}"
            )
        if sent.claimed or result.receipts or result.recovered.requeued:
            self.history_tab.refresh()
            self.scheduled_tab.refresh()

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
