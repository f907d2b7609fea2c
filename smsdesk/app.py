"""The one place that wires settings, database, providers and services together.

`build_services` is Qt-free (the command line uses it); `smsdesk.gui` opens the window
and builds the services behind its first paint.
"""

from __future__ import annotations

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
