"""The Campaigns list: every campaign, finished ones included, with its counts read from the
database in a worker; search by name and filter by status; a double click opens the results
view; "copy as a new draft" carries the campaign to the Send tab through the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from sqlalchemy import func, select

from smsdesk.app import Services
from smsdesk.db.models import Message
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.ui.campaigns_tab import CampaignsTab
from smsdesk.ui.workers import WorkerPool

FINISHED = ["+33612340001", "+33612340002", "+33612340005", "+33612340024"]  # 2 fail


@pytest.fixture
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool()
    yield pool
    pool.shutdown()


@pytest.fixture
def campaigns(services: Services) -> dict[str, int]:
    finished = services.campaigns.create(
        CampaignRequest(body="Soldes -20%", receivers=FINISHED, sender="ACME", name="Soldes")
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(services.sessions, services.provider, clock=lambda: now)
    try:
        dispatcher.dispatch_due()
        dispatcher.receipts.poll()
    finally:
        dispatcher.close()
    later = services.campaigns.create(
        CampaignRequest(
            body="Réunion jeudi",
            receivers=["+33612340003"],
            name="Réunion",
            scheduled_at=datetime.now(UTC) + timedelta(days=2),
        )
    )
    return {"Soldes": finished.id, "Réunion": later.id}


def shown(tab: CampaignsTab) -> list[tuple[str, ...]]:
    model = tab.model
    return [tuple(model.index(r, c).data() for c in (0, 3, 4, 5)) for r in range(model.rowCount())]


def test_lists_every_campaign_with_its_counts(
    qtbot, qtmodeltester, services: Services, workers: WorkerPool, campaigns: dict[str, int]
) -> None:
    tab = CampaignsTab(services.results, workers)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads >= 1)
    qtmodeltester.check(tab.model)
    with services.sessions() as session:  # the expected figures, counted here
        delivered = session.scalar(
            select(func.count()).where(
                Message.campaign_id == campaigns["Soldes"], Message.status == "delivered"
            )
        )
    assert delivered == 2
    assert shown(tab) == [  # latest first
        ("Réunion", "1", "", "Scheduled"),
        ("Soldes", "4", "50 %", "Finished"),
    ]
    assert tab.model.index(1, 2).data()  # sent: its start instant

    tab.search.setText("sol")  # part of the name, any case
    qtbot.waitUntil(lambda: [r[0] for r in shown(tab)] == ["Soldes"])
    tab.search.clear()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("scheduled"))
    qtbot.waitUntil(lambda: [r[0] for r in shown(tab)] == ["Réunion"])
    tab.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(shown(tab)) == 2)

    # a language switch re-sets every text (no catalogue here: the English sources)
    QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert tab.status_filter.itemText(0) == "All" and tab.results_button.text() == "Results…"

    with qtbot.waitSignal(tab.results_requested) as opened:
        tab.view.doubleClicked.emit(tab.model.index(1, 0))
    assert opened.args == [campaigns["Soldes"]]

    tab.view.selectRow(1)
    with qtbot.waitSignal(tab.draft_requested) as drafted:
        tab.draft_button.click()
    draft = drafted.args[0]
    assert (draft.name, draft.body, draft.sender, draft.list_ids, list(draft.numbers)) == (
        "Soldes",
        "Soldes -20%",
        "ACME",
        (),
        FINISHED,
    )


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_main_window_has_campaigns_and_hands_drafts_to_send(
    qtbot, services: Services, campaigns: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smsdesk.ui.main_window import MainWindow

    window = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(window)
    try:
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "C&ampaigns" in titles
        loaded: list[tuple[object, ...]] = []
        monkeypatch.setattr(
            window.send_tab, "load_draft", lambda *args: loaded.append(args), raising=False
        )
        window.tabs.setCurrentWidget(window.campaigns_tab)
        window.show()
        qtbot.waitUntil(lambda: window.campaigns_tab.loads >= 1)
        window.campaigns_tab.results_requested.emit(campaigns["Soldes"])
        dialog = window.results_dialogs[campaigns["Soldes"]]
        qtbot.waitUntil(lambda: dialog.loads >= 1)
        with qtbot.waitSignal(dialog.draft_requested):
            dialog.draft_button.click()
        assert loaded == [("Soldes", "Soldes -20%", "ACME", (), tuple(FINISHED))]
        assert window.tabs.currentWidget() is window.send_tab
    finally:
        window.shutdown()
