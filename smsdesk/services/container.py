"""The services of one database, held together; `smsdesk.app.build_services` builds it.

Qt-free: the command line and the window share it. The window passes each view the
services it needs; nothing changes the container once it is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from smsdesk import config
from smsdesk.providers.base import Provider
from smsdesk.services.campaigns import CampaignService
from smsdesk.services.changes import ChangeCounter, ChangeFeed
from smsdesk.services.demo import DemoService
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.services.gateways import GatewayService
from smsdesk.services.history import HistoryService
from smsdesk.services.recipients import RecipientService
from smsdesk.services.replies import ReplyService
from smsdesk.services.results import ResultsService
from smsdesk.services.settings import SettingsService
from smsdesk.services.templates import TemplateService


@dataclass(frozen=True)
class Services:
    settings: config.Settings  # provider: the gateway chosen when the container was built
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
    changes: ChangeFeed  # in-process "what changed" (the window listens)
    change_counter: ChangeCounter  # writes by other processes (polled by the window)

    def provider(self, name: str) -> Provider:
        """A provider of gateway `name` with its own connections (one per dispatcher); the
        services share GatewayService.shared's instead."""
        return self.gateways.provider(name)

    def new_dispatcher(self, *, batch_size: int | None = None) -> DispatcherService:
        """A dispatcher with its own provider connections (one per worker or process)."""
        return DispatcherService(self.sessions, self.provider, batch_size=batch_size)

    def close(self) -> None:
        self.change_counter.close()
        self.campaigns.close()
        self.gateways.close()
        self.engine.dispose()
