"""The results view and the Inbox on a simulator campaign with a known mix of endings:
every figure shown, the failures and operators tables, the CSV and PNG exports, the
resend of temporary failures, live figures while it sends; the Inbox threads."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox

from smsdesk.app import Services
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.dispatcher import DispatcherService
from smsdesk.ui.inbox_tab import InboxTab
from smsdesk.ui.results_view import ResultsDialog
from smsdesk.ui.workers import WorkerPool

# the simulator's endings table: 0005 undelivered, 0008 expired, 0020 refused, 0023 barred,
# 0024 absent (x2), 0026 temporary phone error, 0042/0043 delivered then STOP / thanks
RECEIVERS = [
    "+33612340005", "+33612340008", "+33612340020", "+33612340023", "+33612340024",
    "+33612350024", "+33612340026", "+33612340042", "+33612340043", "+33612340001",
    "+33612340002", "+33612340003",
]  # fmt: skip
SHOWN = {
    "recipients": "12",
    "parts": "12",
    "credits": "11",
    "delivered": "5",
    "failed": "6",
    "pending": "0",
    "expired": "1",
    "cancelled": "0",
    "unknown": "0",
    "stopped": "1",
    "replies": "2",
}
FAILURES = [
    ("24", "Absent subscriber", "2"),
    ("—", "undeliverable receiver", "1"),
    ("5", "Undelivered", "1"),
    ("8", "Expired", "1"),
    ("23", "Invalid or barred number", "1"),
    ("26", "Temporary phone error", "1"),
]


@pytest.fixture
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool()
    yield pool
    pool.shutdown()


def run_campaign(services: Services) -> int:
    created = services.campaigns.create(
        CampaignRequest(body="Soldes -20%", receivers=RECEIVERS, sender="ACME", name="Soldes")
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(services.sessions, services.provider, clock=lambda: now)
    pause = threading.Event()
    try:
        dispatcher.dispatch_due()
        dispatcher.receipts.poll()
        for _ in range(60):  # the simulator answers a second after delivery
            dispatcher.replies.collect()
            if len(services.replies.replies()) == 2:
                break
            pause.wait(0.1)
    finally:
        dispatcher.close()
    return created.id


def test_results_view_figures_exports_and_resend(
    qtbot, qtmodeltester, services: Services, workers: WorkerPool, tmp_path: Path
) -> None:
    campaign = run_campaign(services)
    dialog = ResultsDialog(campaign, services.results, services.campaigns, workers)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loads >= 1 and dialog.chart_loads >= 1)
    assert {k: label.text() for k, label in dialog.figure_labels.items()} == SHOWN
    assert dialog.failures_model.rows() == FAILURES
    assert dialog.operators_model.rows() == [("20801", "Orange", "5")]
    qtmodeltester.check(dialog.failures_model)
    qtmodeltester.check(dialog.operators_model)
    assert sum(b.delivered for b in dialog.chart.buckets()) == 5
    assert "estimated end" not in dialog.status_line.text()
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.figure_names["stopped"].text() == "Answered STOP"
    assert {k: label.text() for k, label in dialog.figure_labels.items()} == SHOWN

    csv_path = tmp_path / "figures.csv"
    dialog.export_csv(csv_path)
    qtbot.waitUntil(csv_path.exists)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        figures = dict(csv.reader(handle, delimiter=";"))
    for key, shown in SHOWN.items():
        assert figures[key] == shown, key  # the file says what the view shows
    png = tmp_path / "chart.png"
    assert dialog.save_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # resend: the temporary failures (24 twice, 26) are listed first, then sent anew
    candidates = services.results.retry_candidates(campaign)
    assert [(c.receiver, c.ptt) for c in candidates] == [
        ("+33612340024", 24),
        ("+33612350024", 24),
        ("+33612340026", 26),
    ]
    dialog.confirm_resend(candidates)
    box = dialog.message_box
    assert box is not None and "3 number(s)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.resent_campaign is not None)
    resent = services.campaigns.get(dialog.resent_campaign)
    assert resent.recipients == 3 and resent.name == "Soldes (resent)"

    # copy as a new draft: the signal carries what SendTab.load_draft takes
    with qtbot.waitSignal(dialog.draft_requested) as drafted:
        dialog.draft_button.click()
    draft = drafted.args[0]
    assert (draft.name, draft.body, draft.sender, draft.list_ids) == (
        "Soldes",
        "Soldes -20%",
        "ACME",
        (),
    )
    assert list(draft.numbers) == RECEIVERS  # pasted numbers, in their order


def test_results_view_is_live_while_sending(qtbot, services: Services, workers: WorkerPool) -> None:
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour", receivers=RECEIVERS[-3:], sender="ACME")
    )
    dialog = ResultsDialog(created.id, services.results, services.campaigns, workers)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loads >= 1)
    assert dialog.figure_labels["pending"].text() == "3"
    assert "3 still to send" in dialog.status_line.text()
    assert dialog._live.isActive()  # follows the campaign while anything is pending
    now = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher = DispatcherService(services.sessions, services.provider, clock=lambda: now)
    try:
        dispatcher.dispatch_due()
        dispatcher.receipts.poll()
    finally:
        dispatcher.close()
    dialog.refresh()  # what the main window does on each dispatcher cycle
    qtbot.waitUntil(lambda: dialog.figure_labels["delivered"].text() == "3")
    assert dialog.figure_labels["pending"].text() == "0"
    assert not dialog._live.isActive()


def test_inbox_threads(qtbot, qtmodeltester, services: Services, workers: WorkerPool) -> None:
    run_campaign(services)
    tab = InboxTab(services.replies, workers)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads >= 1)
    qtmodeltester.check(tab.model)
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    assert {(r.sender, r.last_body, r.stopped) for r in rows if r} == {
        ("+33612340042", "STOP", True),
        ("+33612340043", "Oui, merci !", False),
    }
    stop_row = next(i for i, r in enumerate(rows) if r and r.stopped)
    tab.view.selectRow(stop_row)
    qtbot.waitUntil(lambda: tab.thread_loads >= 1)
    text = tab.thread_view.toPlainText()
    assert text.index("Soldes -20%") < text.index("STOP — on the stop list")
