"""The Contacts tab: lists and their contents (paged), rename, delete, the stop list, the
operator check with its cost, and files dropped on the tab; its place in the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from smsdesk.app import Services
from smsdesk.ui.contacts_tab import PLACEHOLDER, ContactsModel, ContactsTab, ListsModel, StopModel
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.workers import WorkerPool

DATA = Path(__file__).resolve().parents[1] / "data" / "recipients"


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    threads = QThreadPool()
    threads.setMaxThreadCount(2)
    workers = WorkerPool(threads)
    yield workers
    workers.shutdown()


@pytest.fixture
def make_tab(qtbot, services: Services, pool: WorkerPool) -> Callable[[], ContactsTab]:
    def make() -> ContactsTab:
        tab = ContactsTab(services.recipients, pool, region=lambda: "FR")
        qtbot.addWidget(tab)
        tab.resize(1100, 600)
        tab.show()
        qtbot.waitUntil(lambda: tab.lists_model.rowCount() == len(services.recipients.lists()))
        return tab

    return make


def drop_on(widget: QWidget, mime: QMimeData) -> bool:
    """Drag `mime` over `widget` and drop it; whether the drag was accepted."""
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return True


def list_names(tab: ContactsTab) -> list[str]:
    return tab.lists_model.names()


def answer_box(qtbot, tab: ContactsTab, button: QMessageBox.StandardButton) -> str:
    """Answer the box the tab shows (it may come after a worker's answer)."""
    qtbot.waitUntil(lambda: tab.last_box is not None and tab.last_box.isVisible())
    box = tab.last_box
    assert box is not None
    text = box.text()
    tab.last_box = None
    box.button(button).click()
    return text


def test_lists_and_their_contents(qtbot, qtmodeltester, make_tab, services: Services):
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    services.recipients.import_file(DATA / "messy_numbers.csv", list_name="Autres")
    tab = make_tab()
    qtmodeltester.check(tab.lists_model)
    assert list_names(tab) == ["Autres", "Clients"]
    assert tab.lists_model.index(1, ListsModel.COL_CONTACTS).data() == "6"
    tab.lists_view.selectRow(1)
    assert tab.selected_list is not None and tab.selected_list.name == "Clients"
    model = tab.contacts_model
    qtbot.waitUntil(lambda: model.rowCount() == 6 and model.loaded_row(0) is not None)
    qtmodeltester.check(tab.contacts_model)
    assert model.index(0, ContactsModel.COL_NUMBER).data() == "06 12 34 56 78"
    assert model.index(0, ContactsModel.COL_NAME).data() == "Hélène Lefèvre"
    assert "Ville: Besançon" in model.index(0, ContactsModel.COL_OTHERS).data()
    assert tab.contents_label.text() == "“Clients”: 6 contact(s), by number"
    assert tab.rename_button.isEnabled() and tab.check_button.isEnabled()


def test_contents_are_read_a_page_at_a_time(
    qtbot, qtmodeltester, make_tab, pool, services: Services
):
    services.recipients.import_text(
        "\n".join(f"06{index:08d}" for index in range(450)), list_name="Grande"
    )
    tab = make_tab()
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 450)
    # a model with no view, so that nothing but the test asks for rows:
    model = ContactsModel(services.recipients, pool)
    model.show_list(services.recipients.find_list("Grande").id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    # every row is counted; the first page is read, the others show a placeholder until
    # a worker brings them (data() itself never reads: the guard would fail the test)
    assert model.loaded_row(0) is not None and model.loaded_row(300) is None
    assert model.index(300, ContactsModel.COL_NUMBER).data() == PLACEHOLDER
    assert model.index(449, ContactsModel.COL_NAME).data() == PLACEHOLDER
    qtbot.waitUntil(lambda: None not in (model.loaded_row(300), model.loaded_row(449)))
    qtmodeltester.check(model)
    numbers = [model.loaded_row(row).e164 for row in range(450)]  # type: ignore[union-attr]
    assert numbers == sorted(numbers) and len(set(numbers)) == 450
    assert model.index(449, ContactsModel.COL_NUMBER).data() == "06 00 00 04 49"


def test_new_rename_and_delete(qtbot, make_tab, services: Services):
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    tab = make_tab()
    tab.new_button.click()
    assert tab.last_input is not None
    tab.last_input.setTextValue("Prospects")
    with qtbot.waitSignal(tab.lists_changed):
        tab.last_input.accept()
    qtbot.waitUntil(lambda: list_names(tab) == ["Clients", "Prospects"])
    assert tab.selected_list is not None and tab.selected_list.name == "Prospects"

    tab.lists_view.selectRow(0)
    tab.rename_button.click()
    assert tab.last_input.textValue() == "Clients"
    tab.last_input.setTextValue("Prospects")  # taken
    tab.last_input.accept()
    assert "already exists" in answer_box(qtbot, tab, QMessageBox.StandardButton.Ok)
    tab.rename_button.click()
    tab.last_input.setTextValue("Clients fidèles")
    tab.last_input.accept()
    qtbot.waitUntil(lambda: list_names(tab) == ["Clients fidèles", "Prospects"])
    assert tab.selected_list is not None and tab.selected_list.name == "Clients fidèles"

    tab.delete_button.click()
    question = answer_box(qtbot, tab, QMessageBox.StandardButton.No)
    assert question.startswith("Delete the list “Clients fidèles” and its 6 contact(s)?")
    assert len(services.recipients.lists()) == 2
    tab.delete_button.click()
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        answer_box(qtbot, tab, QMessageBox.StandardButton.Yes)
    assert finished.args == ["List “Clients fidèles” deleted (6 contact(s))"]
    qtbot.waitUntil(lambda: list_names(tab) == ["Prospects"])
    assert [info.name for info in services.recipients.lists()] == ["Prospects"]


def test_stop_list(qtbot, qtmodeltester, make_tab, services: Services, tmp_path: Path):
    tab = make_tab()
    tab.right_tabs.setCurrentIndex(1)
    tab.add_stop_button.click()
    assert tab.last_input is not None
    tab.last_input.setTextValue("06 12 34 56 78\n0698765432, bonjour 12\n")
    with qtbot.waitSignal(tab.status_message) as said:
        tab.last_input.accept()
    assert said.args == ["2 number(s) added to the stop list, 1 not numbers (bonjour 12)"]
    qtbot.waitUntil(lambda: tab.stop_model.rowCount() == 2)
    qtmodeltester.check(tab.stop_model)
    assert tab.stop_model.index(0, StopModel.COL_NUMBER).data() == "06 12 34 56 78"
    assert tab.stop_label.text().startswith("2 number(s) never sent to")

    tab.stop_view.selectionModel().select(
        tab.stop_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    tab.remove_stop_button.click()
    assert tab.last_input is not None  # why: the consent trail
    tab.last_input.setTextValue("re-subscribed at the shop")
    with qtbot.waitSignal(tab.status_message):
        tab.last_input.accept()
    assert [entry.e164 for entry in services.recipients.stop_entries()] == ["+33698765432"]
    assert services.recipients.stop_list.releases()[0].reason == "re-subscribed at the shop"
    qtbot.waitUntil(lambda: tab.stop_model.rowCount() == 1)

    path = tmp_path / "stop.txt"
    path.write_text("0611111111\n0698765432\n", encoding="utf-8")
    with qtbot.waitSignal(tab.job_finished, timeout=10_000):
        tab.import_stop_file(path)
    qtbot.waitUntil(lambda: tab.stop_model.rowCount() == 2)
    assert services.recipients.stop_count() == 2


def test_operator_check_shows_the_cost_then_removes_unreachable_numbers(
    qtbot, make_tab, services: Services
):
    services.recipients.import_text(
        "0612340001\n0612340023\n0612340024\n0612340002\n", list_name="À vérifier"
    )
    tab = make_tab()
    tab.check_button.click()
    question = answer_box(qtbot, tab, QMessageBox.StandardButton.No)
    assert "Check the 4 number(s) of “À vérifier”" in question
    assert "Cost: 0.4 credits (0.1 a number)" in question
    assert services.recipients.count_contacts(tab.selected_list.id) == 4  # type: ignore[union-attr]

    tab.check_button.click()
    with qtbot.waitSignal(tab.job_finished, timeout=10_000) as finished:
        answer_box(qtbot, tab, QMessageBox.StandardButton.Yes)
    assert finished.args == ["4 number(s) checked: 2 reachable, 2 unreachable"]
    assert services.recipients.count_contacts(tab.selected_list.id) == 4  # type: ignore[union-attr]
    dialog = tab.check_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    shown = [
        [table.item(row, column).text() for column in (1, 3, 4)] for row in range(table.rowCount())
    ]
    assert shown == [
        ["06 12 34 00 01", "Orange", "yes"],
        ["06 12 34 00 23", "Orange", "no: no such number"],
        ["06 12 34 00 24", "Orange", "no: switched off or out of service"],
        ["06 12 34 00 02", "Orange", "yes"],
    ]
    assert dialog.ticked() == ["+33612340023", "+33612340024"]
    dialog.set_ticked(2, False)  # the user keeps the one switched off
    with qtbot.waitSignal(tab.job_finished) as removed:
        dialog.remove_button.click()
    assert removed.args == ["1 number(s) removed from “À vérifier”"]
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 3)


def test_a_gateway_without_operator_check_says_so(qtbot, services: Services, pool):
    services.recipients.import_text("0612340001\n", list_name="x")
    tab = ContactsTab(services.recipients, pool, provider=lambda: "smpp")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.selected_list is not None)
    tab.check_button.click()
    assert "cannot check numbers" in answer_box(qtbot, tab, QMessageBox.StandardButton.Ok)


def test_a_file_dropped_on_the_tab_is_imported(qtbot, make_tab, services: Services):
    tab = make_tab()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "google_contacts.csv"))])
    assert drop_on(tab, mime)
    dialog = tab.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.path_edit.text() == str(DATA / "google_contacts.csv")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())  # previewed in a worker
    with qtbot.waitSignal(tab.lists_changed, timeout=30_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: list_names(tab) == ["google_contacts"])
    assert (
        tab.selected_list is not None and tab.selected_list.contacts == 3
    )  # Chloé: one person, one number
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 3)
    # a second drop goes into the dialog that is still open
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "ovh_number.csv"))])
    assert drop_on(tab, mime)
    assert tab.import_dialog is dialog
    assert dialog.pages.currentIndex() == 0  # from its report back to a preview
    assert dialog.path_edit.text() == str(DATA / "ovh_number.csv")
    assert dialog.list_combo.currentText() == "ovh_number"
    dialog.cancel_button.click()
    assert tab.import_dialog is None
    assert drop_on(tab, mime)  # a new dialog for the next file
    assert tab.import_dialog is not None
    assert tab.import_dialog.path_edit.text() == str(DATA / "ovh_number.csv")


def test_paste_button_opens_the_dialog_on_pasted_numbers(qtbot, make_tab):
    tab = make_tab()
    tab.paste_button.click()
    dialog = tab.import_dialog
    assert dialog is not None and dialog.source_tabs.currentIndex() == 1


# the whole window: its other tabs are converted by their own helpers (#13)
def test_the_window_has_a_contacts_tab_that_feeds_the_send_tab(qtbot, services: Services):
    window = MainWindow(services, start_dispatcher=False)
    qtbot.addWidget(window)
    window.show()
    try:
        titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
        assert "C&ontacts" in titles
        tab = window.contacts_tab
        dialog = tab.open_import(path=DATA / "excel_fr_cp1252.csv")
        picker = window.send_tab.list_picker
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
        with qtbot.waitSignal(dialog.imported, timeout=30_000):
            dialog.import_button.click()
        qtbot.waitUntil(lambda: picker.findData("excel_fr_cp1252") >= 0)
        assert picker.itemText(picker.findData("excel_fr_cp1252")) == "excel_fr_cp1252 (6)"
    finally:
        window.shutdown()


# --- lists you can edit ------------------------------------------------------------------


def _select_list(qtbot, tab: ContactsTab, name: str) -> None:
    row = tab.lists_model.names().index(name)
    tab.lists_view.selectRow(row)
    qtbot.waitUntil(lambda: tab.selected_list is not None and tab.selected_list.name == name)


def test_search_edit_add_and_delete_contacts(qtbot, qtmodeltester, make_tab, services: Services):
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    tab = make_tab()
    _select_list(qtbot, tab, "Clients")
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 6)
    tab.search_edit.setText("fran")
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 1)
    qtmodeltester.check(tab.contacts_model)
    assert tab.contents_label.text() == "“Clients”: 1 contact(s) match “fran”"
    contact = tab.contacts_model.row_at(0)
    assert contact is not None and contact.name == "François Château"

    tab.contacts_view.selectRow(0)
    assert tab.edit_contact_button.isEnabled()
    tab.edit_contact_button.click()
    dialog = tab.contact_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.number_edit.text() == "06 23 45 67 89"
    assert dialog.extra()["Ville"] == "Orléans"
    dialog.number_edit.setText("01 42 68 53 00")  # a landline: said in the dialog
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "not a mobile" in dialog.error_label.text()
    dialog.number_edit.setText("07 81 99 88 77")
    dialog.name_edit.setText("Francois Chateau")
    with qtbot.waitSignal(tab.job_finished):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    edited = services.recipients.contacts_page(tab.selected_list.id, search="Chateau")
    assert [(c.e164, c.name, c.extra["Ville"]) for c in edited] == [
        ("+33781998877", "Francois Chateau", "Orléans")
    ]

    tab.search_edit.setText("")
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 6)
    tab.add_contact_button.click()
    dialog = tab.contact_dialog
    assert dialog is not None
    dialog.number_edit.setText("06 55 44 33 22")
    dialog.name_edit.setText("Noël Lemaître")
    with qtbot.waitSignal(tab.job_finished):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 7)

    tab.contacts_view.selectRow(0)
    tab.delete_contacts_button.click()
    with qtbot.waitSignal(tab.job_finished):
        assert "Delete 1 contact(s)" in answer_box(qtbot, tab, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 6)


def test_merge_a_list_into_another(qtbot, make_tab, services: Services):
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    services.recipients.import_text("0612345678\n0655443322\n", list_name="Salon")
    tab = make_tab()
    _select_list(qtbot, tab, "Salon")
    tab.merge_button.click()
    assert tab.last_input is not None
    with qtbot.waitSignal(tab.job_finished) as finished:
        tab.last_input.setTextValue("Clients")
        tab.last_input.accept()
    assert finished.args == ["1 contact(s) merged into “Clients”, 1 already there"]
    assert services.recipients.find_list("Clients").contacts == 7
