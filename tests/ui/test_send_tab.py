"""The Send tab: counter and UCS-2 helpers, recipients cleaned before sending, the
confirmation with the exact cost, senders, templates, test send, the window warning."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QPoint,
    Qt,
    QTime,
    QTimeZone,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from sqlalchemy import select

from smsdesk.app import Services
from smsdesk.db.models import Campaign, Contact, Message, RecipientList, StopEntry
from smsdesk.domain.encoding import message_info
from smsdesk.services.campaigns import CampaignRequest, CampaignService, Quote
from smsdesk.services.settings import SendPreferences
from smsdesk.ui import formats
from smsdesk.ui.confirm_dialog import ConfirmDialog, local_text
from smsdesk.ui.send_tab import SendTab, qdatetime_to_utc
from smsdesk.ui.workers import WorkerPool

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def make_tab(qtbot, services: Services) -> Iterator[Callable[..., SendTab]]:
    pools: list[WorkerPool] = []

    def make(campaigns: CampaignService | None = None) -> SendTab:
        pool = WorkerPool()
        pools.append(pool)
        tab = SendTab(
            campaigns or services.campaigns,
            pool,
            templates=services.templates,
            preferences=services.preferences,
        )
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(lambda: tab.gateway is not None)
        return tab

    yield make
    for pool in pools:
        pool.shutdown()


def _make_list(services: Services, name: str, contacts: list[tuple[str, str]]) -> None:
    with services.sessions.begin() as session:
        recipient_list = RecipientList(name=name)
        session.add(recipient_list)
        session.flush()
        for e164, contact_name in contacts:
            session.add(Contact(list_id=recipient_list.id, e164=e164, name=contact_name))


def _pick_list(qtbot, tab: SendTab, name: str) -> None:
    tab.reload_lists()
    qtbot.waitUntil(lambda: tab.list_picker.findData(name) >= 0)
    tab.list_picker.setCurrentIndex(tab.list_picker.findData(name))


def _confirm(qtbot, tab: SendTab):
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    # the quote runs in a worker: Send is off and the busy bar shows until it answers
    assert not tab.send_button.isEnabled() and tab.busy_bar.isVisible()
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible())
    assert tab.confirm_dialog is not None
    return tab.confirm_dialog


def _tick(qtbot, box) -> None:
    """Click a check box on its indicator, as the user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()


def test_typographic_apostrophe_flips_to_ucs2_and_the_fix_restores_gsm7(qtbot, typist, make_tab):
    tab = make_tab()
    typist(tab.message, "C’est l’été")
    assert tab.counter.text().startswith("UCS-2 · 11 character(s) · 1 part(s) · 59 left")
    assert tab.editor.culprits() == [1, 7]
    assert len(tab.message.extraSelections()) == 2  # both ’ underlined
    assert "’" in tab.editor.culprits_label.text()
    assert tab.fix_button.isEnabled()
    qtbot.mouseClick(tab.fix_button, Qt.MouseButton.LeftButton)
    assert tab.message.toPlainText() == "C'est l'été"  # é is GSM-7: kept
    assert tab.counter.text().startswith("GSM-7 · 11 character(s) · 1 part(s) · 149 left")
    assert tab.message.extraSelections() == []
    assert not tab.fix_button.isEnabled()
    assert tab.message.document().isUndoAvailable()  # one Ctrl+Z brings it back


def test_accents_are_replaced_only_when_asked(qtbot, typist, make_tab):
    tab = make_tab()
    typist(tab.message, "Fête à Noël")
    assert tab.counter.text().startswith("UCS-2")
    assert not tab.fix_button.isEnabled()  # nothing typographic here
    assert tab.editor.accents_button.isEnabled()
    qtbot.mouseClick(tab.editor.accents_button, Qt.MouseButton.LeftButton)
    assert tab.message.toPlainText() == "Fete à Noel"
    assert tab.counter.text().startswith("GSM-7")


def test_counter_is_the_message_info_function(typist, make_tab):
    tab = make_tab()
    text = "€" * 79 + "x"  # 159 septets: one more extension character would not fit
    typist(tab.message, text)
    info = message_info(text)
    assert tab.counter.text().startswith(
        f"{info.encoding} · {info.length} character(s) · {info.segments} part(s)"
    )
    tab.commercial.setChecked(True)
    info = message_info(text, stop_clause=True)
    assert info.segments == 2
    assert f"{info.length} character(s) · 2 part(s)" in tab.counter.text()
    assert "STOP clause included" in tab.counter.text()
    assert "STOP au" in tab.editor.stop_preview.text()


def test_list_with_three_stop_listed_numbers_shows_them_removed(
    qtbot, typist, make_tab, services: Services
):
    _make_list(services, "clients", [(f"+3361234567{i}", f"C{i}") for i in range(6)])
    with services.sessions.begin() as session:
        for i in (1, 3, 5):
            session.add(StopEntry(e164=f"+3361234567{i}", reason="STOP"))
    tab = make_tab()
    _pick_list(qtbot, tab, "clients")
    typist(tab.recipients, "0612345670")  # also in the list: a duplicate
    typist(tab.message, "Bonjour")
    qtbot.waitUntil(lambda: "stop-listed" in tab.audience_label.text())
    assert tab.audience_label.text() == (
        "3 recipient(s) · 1 duplicate(s) removed · 3 stop-listed removed"
    )
    dialog = _confirm(qtbot, tab)
    assert dialog.recipients_label.text() == "3 recipient(s)"
    assert dialog.removed_label.text() == "1 duplicate(s), 3 stop-listed number(s) removed"
    dialog.reject()
    qtbot.waitUntil(tab.send_button.isEnabled)
    with services.sessions() as session:
        assert session.scalars(select(Message)).all() == []


def test_confirmation_shows_exact_total_parts_of_a_personalised_message(
    qtbot, typist, make_tab, services: Services
):
    names = ["Ann", "Maximilien-Alexandre " * 4, "Zoë"]  # 1, 2 and 3 parts
    _make_list(services, "clients", [(f"+3361234567{i}", n.strip()) for i, n in enumerate(names)])
    tab = make_tab()
    _pick_list(qtbot, tab, "clients")
    body = "Bonjour {name}, " + "x" * 140
    tab.editor.set_text(body)
    expected = [message_info(body.replace("{name}", n.strip())).segments for n in names]
    assert expected == [1, 2, 3]
    qtbot.waitUntil(lambda: tab.total_label.text().startswith("Total: 6 SMS part(s)"))
    assert tab.preview_table.rowCount() == 3
    assert tab.preview_table.item(0, 2).text() == "Bonjour Ann, " + "x" * 140
    dialog = _confirm(qtbot, tab)
    assert dialog.total_parts_label.text() == "6 SMS part(s) in total (1 message(s) in UCS-2)"
    assert dialog.credits_label.text() == "6"  # the simulator's estimate: 1 credit a part
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].total_parts == 6
    with services.sessions() as session:
        parts = dict(session.execute(select(Message.receiver, Message.parts)).all())
    assert sorted(parts.values()) == [1, 2, 3]


def test_send_now_outside_the_window_warns(qtbot, typist, make_tab, services: Services):
    sunday = datetime(2025, 3, 16, 15, 0, tzinfo=PARIS)
    tab = make_tab(
        CampaignService(
            services.sessions, clock=lambda: sunday.astimezone(UTC), providers=services.provider
        )
    )
    typist(tab.recipients, "0612345678")
    typist(tab.message, "Soldes")
    tab.commercial.setChecked(True)
    monday = local_text(datetime(2025, 3, 17, 8, 0, tzinfo=PARIS))
    qtbot.waitUntil(lambda: tab.start_label.text() != "")
    assert tab.start_label.text() == (
        f"Outside the sending window: the campaign will start {monday}"
    )
    dialog = _confirm(qtbot, tab)
    assert dialog.when_label.text() == f"{monday} (outside the sending window until then)"
    tab.commercial.setChecked(False)  # not commercial: no window
    qtbot.waitUntil(lambda: tab.start_label.text() == "")


def test_sender_is_checked_as_typed_and_the_gateway_lists_its_own(qtbot, make_tab):
    tab = make_tab()
    assert [tab.sender_box.itemText(i) for i in range(tab.sender_box.count())] == [
        "",
        "SMSDESK",
        "MYSHOP",
    ]
    qtbot.keyClicks(tab.sender_box.lineEdit(), "TOOLONGSENDER")
    assert "longer than 11" in tab.sender_error.text()
    tab.sender_box.setCurrentIndex(2)
    assert tab.sender_box.currentText() == "MYSHOP"
    assert "not approved" in tab.sender_error.text()
    tab.sender_box.setCurrentIndex(1)
    assert tab.sender_error.text() == ""


def test_templates_save_and_load(qtbot, typist, make_tab, services: Services):
    tab = make_tab()
    typist(tab.message, "Votre RDV est confirmé")
    tab.commercial.setChecked(True)
    tab.open_templates()
    dialog = tab.templates_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog._busy)
    with qtbot.waitSignal(dialog.settled):
        dialog.save_as("RDV")
    assert dialog.selected() is not None and dialog.selected().name == "RDV"
    with qtbot.waitSignal(dialog.settled):
        dialog.rename_selected("Rendez-vous")
    assert dialog.error.text() == ""
    assert [t.name for t in services.templates.list()] == ["Rendez-vous"]
    dialog.reject()
    tab.editor.clear()
    tab.commercial.setChecked(False)
    tab.open_templates()
    dialog = tab.templates_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.load_button.isEnabled())
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert tab.message.toPlainText() == "Votre RDV est confirmé"
    assert tab.commercial.isChecked()
    tab.open_templates()
    dialog = tab.templates_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.selected() is not None)
    with qtbot.waitSignal(dialog.settled):
        dialog.delete_selected()
    assert dialog.list.count() == 0
    assert services.templates.list() == []
    dialog.reject()


def test_send_a_test_to_me(qtbot, make_tab, services: Services):
    services.preferences.save_preferences(SendPreferences(test_number="+33698765432"))
    _make_list(services, "clients", [("+33612345670", "Ann")])
    tab = make_tab()
    _pick_list(qtbot, tab, "clients")
    tab.editor.set_text("Bonjour {name}")
    qtbot.waitUntil(lambda: tab.last_preview is not None and tab.last_preview.recipients == 1)
    with qtbot.waitSignal(tab.campaign_created):
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    with services.sessions() as session:
        [(receiver, body, tag)] = session.execute(
            select(Message.receiver, Message.body, Message.tag)
        ).all()
        assert session.scalar(select(Campaign.name)) == "Test: Bonjour Ann"
    assert (receiver, body, tag) == ("+33698765432", "Bonjour Ann", "test")
    assert tab.message.toPlainText() == "Bonjour {name}"  # the campaign itself is untouched


def test_scheduled_send_goes_at_its_instant(qtbot, typist, make_tab, services: Services):
    tab = make_tab()
    typist(tab.recipients, "0612345678")
    typist(tab.message, "Plus tard")
    tab.at_radio.setChecked(True)
    later = QDateTime.currentDateTime().addDays(2)
    tab.at_edit.setDateTime(later)
    dialog = _confirm(qtbot, tab)
    assert dialog.send_button.text() == "&Schedule"
    with qtbot.waitSignal(tab.campaign_created) as created:
        dialog.accept()
    assert created.args[0].scheduled_at == qdatetime_to_utc(later)
    [summary] = services.campaigns.list(scheduled_only=True)
    assert summary.id == created.args[0].id


def test_picker_time_is_local_and_stored_utc():
    paris = QTimeZone(b"Europe/Paris")
    summer = QDateTime(QDate(2025, 7, 1), QTime(10, 0), paris)
    winter = QDateTime(QDate(2025, 1, 1), QTime(10, 0), paris)
    assert qdatetime_to_utc(summer) == datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
    assert qdatetime_to_utc(winter) == datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def test_confirmation_with_too_few_credits_disables_send_until_the_override(
    qtbot, typist, make_tab, services: Services, spend_simulator_credits
):
    spend_simulator_credits(99_990)  # the simulator account has 10 credits left
    tab = make_tab()
    typist(tab.recipients, "0612345678\n0698765432")
    tab.editor.set_text("x" * 900)  # 6 parts of 153: 12 credits for the two of them
    dialog = _confirm(qtbot, tab)
    assert dialog.credits_label.text() == "12"
    assert dialog.credits_left_label.text() == "10"
    assert dialog.shortfall_label.text() == (
        "This campaign needs 12 credits; the account has 10: 2 missing"
    )
    assert dialog.shortfall_label.isVisible() and dialog.overdraft_box.isVisible()
    assert dialog.overdraft_box.text() == "Send &anyway: I will top up"
    assert not dialog.send_button.isEnabled()
    assert dialog.cancel_button.isDefault()  # Enter never spends what is not there
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    with services.sessions() as session:
        assert session.scalars(select(Message)).all() == []

    _tick(qtbot, dialog.overdraft_box)
    assert dialog.send_button.isEnabled() and dialog.send_button.isDefault()
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].total_parts == 12  # the service took the user's "anyway"


def test_enough_credits_ask_no_tick(qtbot, typist, make_tab, spend_simulator_credits):
    spend_simulator_credits(99_988)  # 12 left: exactly enough
    tab = make_tab()
    typist(tab.recipients, "0612345678\n0698765432")
    tab.editor.set_text("x" * 900)
    dialog = _confirm(qtbot, tab)
    assert dialog.overdraft_box.isHidden() and dialog.shortfall_label.isHidden()
    assert dialog.long_box.isHidden()
    assert dialog.send_button.isEnabled()


def test_a_message_over_10_parts_needs_a_tick(qtbot, typist, make_tab, services: Services):
    tab = make_tab()
    typist(tab.recipients, "0612345678")
    tab.editor.set_text("x" * 1540)  # 1540 / 153 -> 11 parts
    dialog = _confirm(qtbot, tab)
    assert dialog.long_label.text() == (
        "A message is 11 SMS parts long (more than 10): each part is paid"
    )
    assert dialog.long_box.isVisible() and not dialog.send_button.isEnabled()
    _tick(qtbot, dialog.long_box)
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].parts_per_message == 11


def test_at_in_the_past_is_said_next_to_the_picker_and_blocks_send(
    qtbot, typist, make_tab, services: Services
):
    tab = make_tab()
    typist(tab.recipients, "0612345678")
    typist(tab.message, "Hier")
    assert tab.past_label.isHidden()
    qtbot.mouseClick(tab.at_radio, Qt.MouseButton.LeftButton)
    past = QDateTime.currentDateTime().addSecs(-2 * 3600)
    tab.at_edit.setDateTime(past)
    # at once, no preview round trip
    assert tab.past_label.isVisible() and tab.past_label.text() == "in the past"
    shown = formats.date_time(qdatetime_to_utc(past))
    assert tab.past_label.toolTip() == f"{shown} is in the past"
    assert not tab.send_button.isEnabled()
    with qtbot.waitSignal(tab.status_message) as said:
        tab.send()  # Ctrl+Return
    assert said.args[0] == f"Not sent: {shown} is in the past"
    assert tab.confirm_dialog is None

    tab.at_edit.setDateTime(QDateTime.currentDateTime().addSecs(3600))
    assert tab.past_label.isHidden() and tab.send_button.isEnabled()
    tab.at_edit.setDateTime(past)
    assert not tab.send_button.isEnabled()
    qtbot.mouseClick(tab.now_radio, Qt.MouseButton.LeftButton)  # now is never in the past
    assert tab.past_label.isHidden() and tab.send_button.isEnabled()
    with services.sessions() as session:
        assert session.scalars(select(Message)).all() == []


def test_merged_names_in_ucs2_offer_their_transliteration(
    qtbot, typist, make_tab, services: Services
):
    # 4 of 10 names outside GSM-7 (40 %): 4 messages of 2 UCS-2 parts, 6 of one GSM-7 part
    names = ["François", "Benoît", "Noël", "Jérôme", "Paul", "Hélène", "Léa", "Marc"]
    names += ["Zoé", "André"]
    table = "Prénom;Mobile\n" + "".join(f"{n};06123456{i:02d}\n" for i, n in enumerate(names))
    services.recipients.import_text(table, list_name="Adhérents")
    tab = make_tab()
    _pick_list(qtbot, tab, "Adhérents")
    tab.editor.set_text(
        "Bonjour {prénom}, votre rendez-vous de jeudi à la mairie est confirmé. Merci !"
    )
    box = tab.transliterate_box
    qtbot.waitUntil(box.isVisible)
    assert tab.transliterate_note.text() == (
        "The merged values put 4 message(s) in UCS-2: 14 part(s) instead of 10."
    )
    assert box.text() == "T&ransliterate the merged values (ç → c, œ → oe, ê → e)"
    assert tab.total_label.text().startswith("Total: 14 SMS part(s) for 10 recipient(s), 4 in")
    _tick(qtbot, box)
    qtbot.waitUntil(lambda: tab.total_label.text().startswith("Total: 10 SMS part(s)"))
    assert "UCS-2" not in tab.total_label.text()
    dialog = _confirm(qtbot, tab)
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].total_parts == 10
    with services.sessions() as session:
        bodies = set(session.scalars(select(Message.body)))
    assert any(body.startswith("Bonjour Francois,") for body in bodies)
    assert any(body.startswith("Bonjour Jérome,") for body in bodies)


def test_several_lists_at_once(qtbot, typist, make_tab, services: Services):
    _make_list(services, "A", [("+33612345678", "Anne"), ("+33623456789", "Paul")])
    _make_list(services, "B", [("+33612345678", "Anne B"), ("+33781234567", "Zoé")])
    tab = make_tab()
    _pick_list(qtbot, tab, "A")
    tab.editor.set_text("Bonjour")
    qtbot.waitUntil(lambda: tab.audience_label.text().startswith("2 recipient(s)"))
    action = next(a for a in tab.more_lists_menu.actions() if a.data() == "B")
    action.setChecked(True)
    assert tab.more_lists_button.text() == "+ 1 other list(s)"
    qtbot.waitUntil(lambda: tab.audience_label.text().startswith("3 recipient(s)"))
    assert tab.audience_label.text() == "3 recipient(s) · 1 duplicate(s) removed"
    assert tab.request().more_lists == ("B",)


# -- drafts, refresh, pasted numbers, the test number, words (#12, #13, #15) --------------


def test_load_draft_fills_the_tab_and_sends_it_again(qtbot, make_tab, services: Services):
    _make_list(services, "A", [("+33612345678", "Anne"), ("+33623456789", "Paul")])
    _make_list(services, "B", [("+33612345678", "Anne B"), ("+33781234567", "Zoé")])
    ids = {c.name: c.id for c in services.campaigns.recipient_lists()}
    tab = make_tab()
    tab.load_draft("Relance", "Bonjour {name}", "SMSDESK", [ids["A"], ids["B"]], ["+33698765432"])
    qtbot.waitUntil(lambda: tab.list_picker.currentData() == "A")
    assert tab.more_lists() == ["B"]
    assert tab.more_lists_button.text() == "+ 1 other list(s)"
    assert tab.recipients.toPlainText() == "06 98 76 54 32"  # shown as people write it
    assert (tab.sender_box.currentText(), tab.name_edit.text()) == ("SMSDESK", "Relance")
    assert tab.message.toPlainText() == "Bonjour {name}"
    # 2 + 2 + 1 numbers, Anne in both lists: 4 people; the pasted one has no name
    qtbot.waitUntil(lambda: tab.audience_label.text().startswith("4 recipient(s)"))
    assert tab.audience_label.text() == (
        "4 recipient(s) · 1 duplicate(s) removed · 1 with no value for {name}"
    )
    dialog = _confirm(qtbot, tab)
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].messages == 4
    with services.sessions() as session:
        assert session.scalar(select(Campaign.name)) == "Relance"
        bodies = dict(session.execute(select(Message.receiver, Message.body)).all())
    assert bodies["+33612345678"] == "Bonjour Anne"  # the first list's fields
    assert bodies["+33781234567"] == "Bonjour Zoé"


def test_a_draft_whose_list_is_gone_says_so(qtbot, make_tab):
    tab = make_tab()
    with qtbot.waitSignal(tab.status_message) as said:
        tab.load_draft("Old", "Bonjour", None, [999], [])
    assert said.args[0] == "1 list(s) of that campaign no longer exist"
    assert tab.list_picker.currentData() is None


def test_refresh_reloads_the_lists_through_a_worker(qtbot, make_tab, services: Services):
    tab = make_tab()
    qtbot.waitUntil(lambda: tab.list_picker.count() == 1)
    _make_list(services, "nouveaux", [("+33612345678", "Anne")])
    tab.refresh()
    qtbot.waitUntil(lambda: tab.list_picker.findData("nouveaux") >= 0)
    assert tab.list_picker.itemText(tab.list_picker.findData("nouveaux")) == "nouveaux (1)"


def test_pasted_numbers_follow_the_imports_rules(qtbot, typist, make_tab, services: Services):
    tab = make_tab()
    # one line, two numbers (as an import reads the cell); a landline on the next
    typist(tab.recipients, "06 12 34 56 78 / 07 98 76 54 32\n01 42 68 53 00")
    assert tab.recipients_count.text() == "3 number(s)"
    typist(tab.message, "Bonjour")
    qtbot.waitUntil(lambda: tab.audience_label.text().startswith("2 recipient(s)"))
    assert tab.audience_label.text() == (
        "2 recipient(s) · 1 left out: 01 42 68 53 00 (not a mobile)"
    )
    dialog = _confirm(qtbot, tab)  # the landline does not block the send
    assert dialog.recipients_label.text() == "2 recipient(s)"
    assert dialog.removed_label.text() == "1 invalid or landline number(s) removed"
    with qtbot.waitSignal(tab.campaign_created) as created:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].messages == 2
    with services.sessions() as session:
        assert set(session.scalars(select(Message.receiver))) == {"+33612345678", "+33798765432"}


def test_the_test_number_is_asked_once_and_checked_as_typed(
    qtbot, typist, make_tab, services: Services
):
    tab = make_tab()
    tab.editor.set_text("Essai")
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test_number_dialog is not None)
    dialog = tab.test_number_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    typist(dialog.number_edit, "01 42 68 53 00")
    assert (dialog.feedback.text(), dialog.ok_button.isEnabled()) == ("not a mobile", False)
    dialog.number_edit.clear()
    typist(dialog.number_edit, "06 12 34 56 7")
    assert (dialog.feedback.text(), dialog.ok_button.isEnabled()) == ("too short", False)
    typist(dialog.number_edit, "8")
    assert (dialog.feedback.text(), dialog.ok_button.isEnabled()) == ("06 12 34 56 78", True)
    with qtbot.waitSignal(tab.campaign_created):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.preferences.preferences().test_number == "+33612345678"
    with services.sessions() as session:
        assert session.scalars(select(Message.receiver)).all() == ["+33612345678"]
    assert tab.test_button.isEnabled()


def test_every_control_of_the_tab_has_a_tooltip(make_tab):
    tab = make_tab()
    controls = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
    missing = []
    for widget in [*tab.findChildren(QWidget), tab.preview_table]:
        inner = isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox | QTableWidget)
        if isinstance(widget, (*controls, QTableWidget)) and not inner and not widget.toolTip():
            missing.append(f"{type(widget).__name__} {getattr(widget, 'text', str)()!r}")
    assert missing == []


class Marked(QTranslator):
    """A catalogue that marks every text: shows what is translated and what is not."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return "» " + source

    def isEmpty(self) -> bool:  # an empty catalogue sends no LanguageChange
        return False


def test_a_language_change_retranslates_the_tab(qtbot, typist, make_tab):
    tab = make_tab()
    typist(tab.recipients, "0612345678")
    typist(tab.message, "Bonjour")
    qtbot.waitUntil(lambda: tab.audience_label.text() == "1 recipient(s)")
    marked = Marked()
    QCoreApplication.installTranslator(marked)
    try:
        qtbot.waitUntil(lambda: tab.send_button.text() == "» &Send…")
        assert tab.row_labels["numbers"].text() == "» N&umbers"
        assert tab.recipients_count.text() == "» 1 number(s)"
        assert tab.audience_label.text() == "» 1 recipient(s)"
        assert tab.counter.text().startswith("GSM-7 · » 7 character(s) · » 1 part(s)")
        assert tab.preview_table.horizontalHeaderItem(0).text() == "» Receiver"
        assert tab.commercial.toolTip().startswith("» ")
    finally:
        QCoreApplication.removeTranslator(marked)
    qtbot.waitUntil(lambda: tab.send_button.text() == "&Send…")


@pytest.fixture
def french() -> Iterator[None]:
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    formats.set_time_zone(PARIS)
    yield
    formats.set_time_zone(None)
    QLocale.setDefault(saved)


def _plain(text: str) -> str:
    """French groups digits with a narrow no-break space: compare with plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_confirmation_numbers_and_dates_in_french(qtbot, french, services: Services, tmp_path):
    start = datetime(2026, 12, 2, 8, 0, tzinfo=PARIS)
    preview = services.campaigns.preview(
        CampaignRequest(body="Bonjour", receivers=["0612345678"], scheduled_at=start)
    )
    preview = replace(preview, recipients=100_000, total_parts=123_456, starts_at=start)
    quote = Quote(preview, "simulator", credits=100_000.0, credits_left=250_000.5)
    dialog = ConfirmDialog(quote, sender="MAIRIE", commercial=False, send_now=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _plain(dialog.credits_label.text()) == "100 000"  # not "100 000.0"
    assert _plain(dialog.credits_left_label.text()) == "250 000,5"
    assert _plain(dialog.recipients_label.text()) == "100 000 recipient(s)"
    assert _plain(dialog.total_parts_label.text()) == "123 456 SMS part(s) in total"
    assert dialog.when_label.text() == "mer. 2 déc. 2026 08:00"
    assert dialog.samples.item(0, 0).text() == "06 12 34 56 78"
    dialog.grab().save(str(tmp_path / "confirm_fr.png"))
