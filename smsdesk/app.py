"""The one place that wires settings, database, providers and services together.

`build_services` is Qt-free (the command line uses it); `run_gui` builds the window.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from smsdesk import config
from smsdesk.assets import icon_path, resource_path  # noqa: F401 (its old home was here)
from smsdesk.db.session import make_engine, make_sessions
from smsdesk.providers.base import Provider
from smsdesk.services.campaigns import CampaignService
from smsdesk.services.demo import DemoService
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.gateways import GatewayService
from smsdesk.services.history import HistoryService
from smsdesk.services.recipients import RecipientService
from smsdesk.services.replies import ReplyService
from smsdesk.services.results import ResultsService
from smsdesk.services.settings import SettingsService
from smsdesk.services.templates import TemplateService


@dataclass
class Services:
    settings: config.Settings
    engine: Engine
    sessions: sessionmaker[Session]
    data_dir: Path
    campaigns: CampaignService
    history: HistoryService
    demo: DemoService
    preferences: SettingsService
    templates: TemplateService
    gateways: GatewayService
    recipients: RecipientService
    replies: ReplyService
    results: ResultsService

    def provider(self, name: str) -> Provider:
        """A provider of gateway `name` with its own connections (one per dispatcher); the
        services share GatewayService.shared's instead."""
        return self.gateways.provider(name)

    def new_dispatcher(self, *, batch_size: int | None = None) -> DispatcherService:
        """A dispatcher with its own provider connections (one per worker or process)."""
        return DispatcherService(self.sessions, self.provider, batch_size=batch_size)

    def close(self) -> None:
        self.campaigns.close()
        self.gateways.close()
        self.engine.dispose()


def build_services(db_url: str | None = None) -> Services:
    settings = config.Settings.load(db_url)
    data = config.ensure_data_dir()
    engine = make_engine(settings.db_url)
    sessions = make_sessions(engine)
    preferences = SettingsService(sessions)
    gateways = GatewayService(preferences, data_dir=data)
    # SMSDESK_PROVIDER, else the gateway chosen in Settings, else the simulator
    settings = replace(settings, provider=gateways.default_provider())
    recipients = RecipientService(sessions, providers=gateways.shared)
    return Services(
        settings=settings,
        engine=engine,
        sessions=sessions,
        data_dir=data,
        campaigns=CampaignService(
            sessions,
            providers=gateways.shared,
            default_window=preferences.commercial_window,
            configuration_problem=gateways.configuration_problem,
        ),
        history=HistoryService(sessions),
        demo=DemoService(sessions),
        preferences=preferences,
        templates=TemplateService(sessions),
        gateways=gateways,
        recipients=recipients,
        replies=ReplyService(sessions, gateways.shared, stop_list=recipients.stop_list),
        results=ResultsService(sessions),
    )


def run_gui(db_url: str | None = None, *, quit_after_paint: float | None = None) -> int:
    """The window; with quit_after_paint, it says "painted" on stdout at its first paint and
    quits that many seconds later (package test, startup benchmark)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smsdesk.db.session import DatabaseError
    from smsdesk.ui.main_window import MainWindow

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("smsdesk")
    app.setOrganizationName("smsdesk")
    app.setWindowIcon(QIcon(str(icon_path())))
    try:
        services = build_services(db_url)
    except DatabaseError as exc:
        QMessageBox.critical(None, "smsdesk", str(exc))
        return 1
    window = MainWindow(services)
    window.show()
    if quit_after_paint is not None:
        from smsdesk.ui.first_paint import quit_after_first_paint

        quit_after_first_paint(window, quit_after_paint)
    code = app.exec()
    window.shutdown()
    services.close()
    return int(code)
