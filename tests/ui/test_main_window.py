from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from smsdesk.app import Services
from smsdesk.domain.delivery import MessageStatus
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.services.history import HistoryFilter
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.table_models import CampaignTableModel, HistoryTableModel

# TODO(responsive): remove once this tab reads and writes through workers
pytestmark = pytest.mark.gui_db_allowed


@pytest.fixture
def window(qtbot, services: Services) -> Iterator[MainWindow]:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def _final_rows(win: MainWindow) -> list[MessageStatus]:
    model = win.history_tab.model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    return [r.status for r in rows if r is not None and r.status.is_final]


def test_type_send_and_see_history(qtbot, typist, window: MainWindow):
    tab = window.send_tab
    typist(tab.recipients, "06 12 34 56 78\n0698765432, +33 7 81 22 33 44")
    typist(tab.message, "Bonjour à tous")
    assert tab.recipients_count.text() == "3 number(s)"
    assert tab.counter.text().startswith("GSM-7 · 14 characters · 1 part")
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    # the confirmation shows the cost first
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible())
    assert tab.confirm_dialog is not None
    assert tab.confirm_dialog.total_parts_label.text() == "3 SMS part(s) in total"
    qtbot.mouseClick(tab.confirm_dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_final_rows(window)) == 3, timeout=15_000)
    assert _final_rows(window) == [MessageStatus.DELIVERED] * 3
    model = window.history_tab.model
    receivers = {model.index(i, HistoryTableModel.COL_RECEIVER).data() for i in range(3)}
    assert receivers == {"06 12 34 56 78", "06 98 76 54 32", "07 81 22 33 44"}  # region FR
    assert tab.message.toPlainText() == ""  # cleared once queued


def test_bad_number_is_reported_and_nothing_sent(qtbot, window: MainWindow, services: Services):
    tab = window.send_tab
    qtbot.keyClicks(tab.recipients, "0612")
    qtbot.keyClicks(tab.message, "x")
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.send_button.isEnabled(), timeout=5_000)
    assert "left out ('0612': too short)" in window.statusBar().currentMessage()
    assert tab.message.toPlainText() == "x"  # kept for correction
    assert services.campaigns.list() == []


def test_counter_switches_to_ucs2(qtbot, typist, window: MainWindow):
    typist(window.send_tab.message, "C’est")
    assert window.send_tab.counter.text().startswith("UCS-2 · 5 characters")


def test_history_model(qtmodeltester, services: Services):
    services.demo.seed(450)
    model = HistoryTableModel(services.history)
    qtmodeltester.check(model)
    shown = model.rowCount()
    assert shown == services.history.count(HistoryFilter())  # cancelled ones only when asked
    model.sort(HistoryTableModel.COL_RECEIVER, Qt.SortOrder.AscendingOrder)
    model.load_rows(0, shown - 1)  # no pool: read inline
    receivers = [model.row_at(i).receiver for i in range(0, shown, 50)]  # type: ignore[union-attr]
    assert receivers == sorted(receivers)
    qtmodeltester.check(model)


def test_scheduled_tab_lists_and_cancels(qtbot, qtmodeltester, window: MainWindow, services):
    from datetime import UTC, datetime, timedelta

    services.campaigns.create(
        CampaignRequest(
            body="Plus tard",
            receivers=["0612345678"],
            scheduled_at=datetime.now(UTC) + timedelta(days=2),
        )
    )
    tab = window.scheduled_tab
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.model.index(0, CampaignTableModel.COL_STATUS).data() == "scheduled"
    tab.view.selectRow(0)
    tab.cancel_selected(confirm=False)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    [summary] = services.campaigns.list()
    assert summary.counts == {"cancelled": 1}
