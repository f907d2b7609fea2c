"""The Scheduled tab: what is planned, cancel with confirmation, reschedule, edit before the
start, send now, and what fell due while the application was closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select, update

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Message
from smsdesk.domain.delivery import CampaignStatus
from smsdesk.domain.sending_window import SendingWindow
from smsdesk.services.campaigns import CampaignRequest, CampaignService
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.scheduled_tab import RescheduleDialog, ScheduledTab
from smsdesk.ui.send_tab import qdatetime_to_utc
from smsdesk.ui.table_models import CampaignTableModel
from smsdesk.ui.workers import WorkerPool


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """English (United Kingdom) formats and words: dates read 01/12/2026 21:35."""
    from PySide6.QtCore import QLocale

    from smsdesk.ui import i18n

    previous = (QLocale(), i18n._current)
    i18n.apply_language("en")
    yield
    QLocale.setDefault(previous[0])  # exactly as before: other modules' tests follow
    i18n._current = previous[1]


@pytest.fixture
def window(qtbot, services: Services) -> Iterator[MainWindow]:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def _statuses(services: Services) -> dict[str, int]:
    with services.sessions() as session:
        return dict(
            session.execute(select(Message.status, func.count()).group_by(Message.status)).all()
        )


def _cell(tab, column: int) -> str:
    return str(tab.model.index(0, column).data())


def test_schedule_see_it_cancel_it_and_nothing_is_sent(
    qtbot, qtmodeltester, typist, window: MainWindow, services: Services
):
    send = window.send_tab
    typist(send.recipients, "06 12 34 56 78; 0698765432")
    typist(send.message, "Réunion demain : " + "x" * 150)
    send.at_radio.setChecked(True)
    send.at_edit.setDateTime(QDateTime.currentDateTime().addSecs(2 * 3600))
    qtbot.mouseClick(send.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: send.confirm_dialog is not None and send.confirm_dialog.isVisible())
    assert send.confirm_dialog is not None
    qtbot.mouseClick(send.confirm_dialog.send_button, Qt.MouseButton.LeftButton)

    tab = window.scheduled_tab
    window.tabs.setCurrentWidget(tab)  # the new campaign shows once the tab is shown
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert _cell(tab, CampaignTableModel.COL_STATUS) == "Scheduled"
    assert _cell(tab, CampaignTableModel.COL_RECIPIENTS) == ("2  (06 12 34 56 78, 06 98 76 54 32)")
    assert _cell(tab, CampaignTableModel.COL_PARTS) == "4"  # 2 messages of 2 parts
    assert _cell(tab, CampaignTableModel.COL_MESSAGE).startswith("Réunion demain")
    assert _cell(tab, CampaignTableModel.COL_PROVIDER) == "simulator"
    assert _cell(tab, CampaignTableModel.COL_PROGRESS) == "0 / 2"

    tab.view.selectRow(0)
    tab.cancel_selected()
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible())
    assert tab.confirm_box is not None
    assert "2 message(s) not sent yet" in tab.confirm_box.text()
    yes = tab.confirm_box.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    with qtbot.waitSignal(window.controller.cycle_done, timeout=10_000):
        window.controller.wake()
    assert _statuses(services) == {"cancelled": 2}
    assert services.campaigns.list()[0].status is CampaignStatus.CANCELLED


def test_campaign_due_while_the_app_was_closed_goes_out_at_start(qtbot, services: Services):
    yesterday = datetime.now(UTC) - timedelta(days=1)
    CampaignService(services.sessions, clock=lambda: yesterday).create(
        CampaignRequest(
            body="Rappel",
            receivers=["0612345678", "0698765432"],
            scheduled_at=yesterday + timedelta(hours=1),
            name="Rappel RDV",
        )
    )
    win = MainWindow(services)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: bool(win.overdue_notice))  # read in a worker
        assert win.overdue_notice.startswith(
            "While smsdesk was closed, 1 campaign became due: “Rappel RDV” (due "
        )
        assert win.overdue_notice.endswith("Sending them now.")
        assert not win.scheduled_tab.notice.isHidden()
        qtbot.waitUntil(lambda: _statuses(services) == {"delivered": 2}, timeout=15_000)
    finally:
        win.shutdown()


def test_edit_reschedule_and_send_now(qtbot, window: MainWindow, services: Services):
    window.tabs.setCurrentWidget(window.scheduled_tab)
    created = services.campaigns.create(
        CampaignRequest(
            body="Texte",
            receivers=["0612345678"],
            scheduled_at=datetime.now(UTC) + timedelta(days=2),
        )
    )
    tab = window.scheduled_tab
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.view.selectRow(0)
    assert tab.edit_button.isEnabled() and tab.reschedule_button.isEnabled()

    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.editor.set_text("Nouveau texte")  # type: ignore[attr-defined]
    dialog.accept()
    qtbot.waitUntil(lambda: _cell(tab, CampaignTableModel.COL_MESSAGE) == "Nouveau texte")

    qtbot.mouseClick(tab.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    later = QDateTime.currentDateTime().addDays(5)
    dialog.at_edit.setDateTime(later)  # type: ignore[attr-defined]
    dialog.accept()
    expected = later.toString("dd/MM/yyyy HH:mm")
    qtbot.waitUntil(lambda: _cell(tab, CampaignTableModel.COL_WHEN) == expected)

    tab.view.selectRow(0)
    qtbot.mouseClick(tab.send_now_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _statuses(services) == {"delivered": 1}, timeout=15_000)
    with services.sessions() as session:
        assert session.scalar(select(Message.body)) == "Nouveau texte"
    assert services.campaigns.get(created.id).status is CampaignStatus.DONE
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)


def test_a_paused_campaign_says_until_when(qtmodeltester, services: Services):
    # the window's own zone decides which day it is
    tomorrow = (datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=1)).weekday()
    window = SendingWindow(weekdays={tomorrow}, skip_public_holidays=False)  # closed today
    created = services.campaigns.create(
        CampaignRequest(body="x", receivers=["0612345678"], commercial=True, window=window)
    )
    with services.sessions.begin() as session:
        session.execute(update(Campaign).values(status=CampaignStatus.SENDING))
    model = CampaignTableModel()
    model.set_rows(services.campaigns.list(open_only=True))
    qtmodeltester.check(model)
    summary = services.campaigns.get(created.id)
    assert summary.next_due is not None
    expected = f"Waiting until {summary.next_due.astimezone():%d/%m/%Y %H:%M}"
    assert model.index(0, CampaignTableModel.COL_STATUS).data() == expected
    assert "Sending window: 08:00–20:00" in model.index(0, CampaignTableModel.COL_WHEN).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_preferences_dialog_changes_the_commercial_window(
    qtbot, window: MainWindow, services: Services
):
    dialog = window.open_preferences()
    qtbot.waitUntil(lambda: dialog.is_loaded)  # read in a worker
    dialog.start.setTime(dialog.start.time().addSecs(3600))  # 09:00
    dialog.test_number.setText("+33612345678")
    dialog.default_sender.setText("TOO LONG SENDER")
    dialog.save()
    assert "longer than 11" in dialog.error.text()
    dialog.default_sender.setText("MAIRIE")
    with qtbot.waitSignal(dialog.saved):  # saved in a worker
        dialog.save()
    prefs = services.preferences.preferences()
    assert prefs.commercial_window.start.hour == 9
    assert (prefs.test_number, prefs.default_sender) == ("+33612345678", "MAIRIE")
    qtbot.waitUntil(lambda: window.send_tab.sender_box.currentText() == "MAIRIE")


@pytest.fixture
def standalone(qtbot, services: Services) -> Iterator[ScheduledTab]:
    """The Scheduled tab alone: no dispatcher sends behind the test's back."""
    pool = WorkerPool()
    tab = ScheduledTab(services.campaigns, pool)
    qtbot.addWidget(tab)
    tab.show()
    yield tab
    pool.shutdown()


def test_a_paused_campaign_shows_why_and_resume_sends_the_rest(
    qtbot, qtmodeltester, standalone: ScheduledTab, services: Services, pause_campaign
):
    tab = standalone
    created = services.campaigns.create(
        CampaignRequest(body="Bonjour", receivers=["0612345678", "0698765432"])
    )
    reason = "OVH refused us: Invalid signature"
    pause_campaign(created.id, reason)
    tab.refresh()
    qtbot.waitUntil(lambda: _cell(tab, CampaignTableModel.COL_STATUS) == "Paused")
    qtmodeltester.check(tab.model)
    status = tab.model.index(0, CampaignTableModel.COL_STATUS)
    expected = f"Paused by the gateway: {reason}"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == expected
    assert tab.pause_label.isHidden()  # nothing selected yet
    tab.view.selectRow(0)
    assert tab.pause_label.isVisible()
    assert tab.pause_label.text() == f"#{created.id} {expected}"
    assert tab.resume_button.isEnabled() and tab.cancel_button.isEnabled()
    assert not tab.send_now_button.isEnabled()  # Resume is the way on
    assert tab.reschedule_button.isEnabled()

    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.resume_button, Qt.MouseButton.LeftButton)
    summary = services.campaigns.get(created.id)
    assert (summary.status, summary.paused_reason) == (CampaignStatus.SENDING, None)
    with services.sessions() as session:
        assert None not in session.scalars(select(Message.next_attempt_at)).all()
    qtbot.waitUntil(lambda: _cell(tab, CampaignTableModel.COL_STATUS) == "Sending")
    assert tab.pause_label.isHidden() and not tab.resume_button.isEnabled()

    dispatcher = services.new_dispatcher()
    try:
        sent, _, _ = dispatcher.run_once(receipt_wait=0)
    finally:
        dispatcher.close()
    assert sent.submitted == 2  # the rest, once


def test_resume_shortcut(qtbot, standalone: ScheduledTab, services: Services, pause_campaign):
    tab = standalone
    created = services.campaigns.create(
        CampaignRequest(
            body="x", receivers=["0612345678"], scheduled_at=datetime.now(UTC) + timedelta(days=1)
        )
    )
    pause_campaign(created.id, "not enough credits")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.view.selectRow(0)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    with qtbot.waitSignal(tab.changed):
        qtbot.keyClick(tab.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    # its instant is still ahead and it never started: planned again
    assert services.campaigns.get(created.id).status is CampaignStatus.SCHEDULED


def test_reschedule_into_the_past_is_refused(qtbot, standalone: ScheduledTab, services: Services):
    tab = standalone
    created = services.campaigns.create(
        CampaignRequest(
            body="x", receivers=["0612345678"], scheduled_at=datetime.now(UTC) + timedelta(days=1)
        )
    )
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, RescheduleDialog)
    assert dialog.ok_button.isEnabled()
    past = QDateTime.currentDateTime().addDays(-1)
    dialog.at_edit.setDateTime(past)
    shown = past.toString("yyyy-MM-dd HH:mm")  # the service speaks ISO (CLI too)
    assert dialog.problem_label.text() == f"{shown} is in the past"
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    # and the service says the same if asked anyway
    with qtbot.waitSignal(tab.status_message) as said:
        tab.reschedule(created.id, qdatetime_to_utc(past))
    assert said.args[0] == f"{shown} is in the past"
    assert services.campaigns.get(created.id).scheduled_at == created.scheduled_at
