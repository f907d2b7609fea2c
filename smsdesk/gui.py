"""The window's start: it paints first, and the database is opened behind it.

Python needs ~0.5 s to import SQLAlchemy and the services and to open the database; the
frame of the window (menus, tab titles, status bar) needs only Qt. So the frame is shown
at once in the language last used, the services are built in a worker meanwhile, and the
tabs take their places when they are there (`MainWindow.attach`).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smsdesk.services.container import Services
    from smsdesk.services.settings import SendPreferences

log = logging.getLogger(__name__)


def open_services(
    db_url: str | None, opened: list[Services], **_worker: Any
) -> tuple[Services, SendPreferences]:
    """In a worker: the services (recorded in `opened`, so that they are closed even when
    the window quits before it gets them), the Preferences the window follows, and the
    window's own modules imported (so the GUI thread only builds the tabs)."""
    from smsdesk.app import build_services
    from smsdesk.db.session import DatabaseError
    from smsdesk.ui import main_window
    from smsdesk.ui.workers import freeze_what_started

    try:
        main_window.import_tab_modules()
        services = build_services(db_url)
        opened.append(services)
        freeze_what_started()  # the modules and the models (again once the tabs are built)
        return services, services.preferences.preferences()
    except BaseException as exc:
        if not isinstance(exc, DatabaseError):  # a bug: its traceback goes to the log file
            log.exception("cannot start")
        # (a DatabaseError says what is wrong with the database in one line: the box)
        for built in opened:
            built.close()
        opened.clear()
        raise


def run_gui(db_url: str | None = None, *, quit_after_paint: float | None = None) -> int:
    """The window; with quit_after_paint, it says "painted" on stdout at its first paint,
    "ready" once the tabs are there, and quits that many seconds later (package test,
    startup benchmark).

    Shutdown order: the window stops the dispatcher thread (the batch under way finishes)
    and waits for its workers; only then are the gateways and the database closed."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from smsdesk.assets import icon_path
    from smsdesk.log_file import install_log_file
    from smsdesk.ui import appearance, i18n
    from smsdesk.ui.main_window import MainWindow, last_language
    from smsdesk.ui.workers import favour_the_window, freeze_what_started

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    install_log_file()
    favour_the_window()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("smsdesk")
    app.setOrganizationName("smsdesk")
    app.setWindowIcon(QIcon(str(icon_path())))
    appearance.follow_system(app)
    i18n.apply_language(last_language())  # Preferences' own, once read, follow
    window = MainWindow()
    window.show()
    if quit_after_paint is not None:
        from smsdesk.ui.first_paint import quit_after_first_paint

        quit_after_first_paint(window, quit_after_paint)
    opened: list[Services] = []

    def failed(message: str) -> None:
        log.error("cannot start: %s", message)
        window.show_start_error(message)
        app.exit(1)

    def attach(found: tuple[Services, SendPreferences]) -> None:
        from smsdesk.ui.preferences_dialog import apply_display_preferences

        services, preferences = found
        try:
            apply_display_preferences(preferences)
            window.attach(services)
            freeze_what_started()
        except Exception as exc:  # a bug: said, logged with its traceback, and the app quits
            log.exception("cannot build the window")
            window.shutdown()  # whatever attach started (the dispatcher) stops before the box
            failed(str(exc) or exc.__class__.__name__)

    window.workers.run(open_services, db_url, opened, on_result=attach, on_error=failed)
    code = app.exec()
    if window.shutdown():
        for services in opened:
            services.close()
    else:  # work still runs on the database: the process exit ends it
        log.warning("left the database open for the work still running")
    return int(code)
