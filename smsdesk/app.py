"""The one place that wires settings, database, providers and services together.

`build_services` is Qt-free (the command line uses it); `run_gui` builds the window.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace

from smsdesk import config
from smsdesk.assets import icon_path, resource_path  # noqa: F401 (its old home was here)
from smsdesk.db.session import make_engine, make_sessions
from smsdesk.services.campaigns import CampaignService
from smsdesk.services.changes import ChangeCounter, ChangeFeed
from smsdesk.services.container import Services
from smsdesk.services.demo import DemoService
from smsdesk.services.gateways import GatewayService
from smsdesk.services.history import HistoryService
from smsdesk.services.recipients import RecipientService
from smsdesk.services.replies import ReplyService
from smsdesk.services.results import ResultsService
from smsdesk.services.settings import SettingsService
from smsdesk.services.templates import TemplateService


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
    changes = ChangeFeed()
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
            changes=changes,
        ),
        history=HistoryService(sessions),
        demo=DemoService(sessions),
        preferences=preferences,
        templates=TemplateService(sessions),
        gateways=gateways,
        recipients=recipients,
        replies=ReplyService(sessions, gateways.shared, stop_list=recipients.stop_list),
        results=ResultsService(sessions),
        changes=changes,
        change_counter=ChangeCounter(engine),
    )


def run_gui(db_url: str | None = None, *, quit_after_paint: float | None = None) -> int:
    """The window; with quit_after_paint, it says "painted" on stdout at its first paint and
    quits that many seconds later (package test, startup benchmark).

    Shutdown order: the window stops the dispatcher thread (the batch under way finishes)
    and waits for its workers; only then are the gateways and the database closed."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smsdesk.db.session import DatabaseError
    from smsdesk.log_file import install_log_file
    from smsdesk.ui.workers import favour_the_window

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    install_log_file()
    favour_the_window()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("smsdesk")
    app.setOrganizationName("smsdesk")
    app.setWindowIcon(QIcon(str(icon_path())))
    from smsdesk.ui import appearance

    appearance.follow_system(app)
    try:
        services = build_services(db_url)
    except DatabaseError as exc:
        QMessageBox.critical(None, "smsdesk", str(exc))
        return 1
    apply_preferences_to_window(services)
    from smsdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    if quit_after_paint is not None:
        from smsdesk.ui.first_paint import quit_after_first_paint

        quit_after_first_paint(window, quit_after_paint)
    code = app.exec()
    if window.shutdown():
        services.close()
    else:  # work still runs on the database: the process exit ends it
        logging.getLogger(__name__).warning("left the database open for the work still running")
    return int(code)


def apply_preferences_to_window(services: Services) -> None:
    """Language, region and time zone of Preferences, before the window is built."""
    from smsdesk.ui.preferences_dialog import apply_display_preferences

    apply_display_preferences(services.preferences.preferences())
