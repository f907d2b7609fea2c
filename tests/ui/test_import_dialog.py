"""The import dialog: a file chosen, dropped or pasted numbers; preview, column choice,
import in a worker with progress and Cancel; the report and its rejected lines as CSV."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRunnable, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from smsdesk.app import Services
from smsdesk.services.recipient_import import CHILD_PROCESS_MIN_BYTES
from smsdesk.ui.import_dialog import PAGE_REPORT, PAGE_SETUP, ImportDialog, RejectedModel
from smsdesk.ui.workers import WorkerPool

DATA = Path(__file__).resolve().parents[1] / "data" / "recipients"


class _Gate(QRunnable):
    """Holds the pool's only thread until released: work queued behind it waits."""

    def __init__(self, released: threading.Event) -> None:
        super().__init__()
        self.released = released

    def run(self) -> None:
        self.released.wait(30)


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    threads = QThreadPool()
    threads.setMaxThreadCount(1)
    workers = WorkerPool(threads)
    yield workers
    workers.shutdown()


@pytest.fixture
def make_dialog(qtbot, services: Services, pool: WorkerPool) -> Callable[..., ImportDialog]:
    def make(**kwargs: object) -> ImportDialog:
        dialog = ImportDialog(services.recipients, pool, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        settle(qtbot, dialog)
        return dialog

    return make


def settle(qtbot, dialog: ImportDialog) -> None:
    """Wait for the preview the dialog asked a worker for."""
    qtbot.waitUntil(lambda: not dialog.previewing)


def preview_column(dialog: ImportDialog, column: int) -> list[str]:
    table = dialog.preview_table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def import_and_wait(qtbot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()


def big_file(path: Path, min_bytes: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Prénom;Nom;Ville;Portable\n")
        index = 0
        while stream.tell() < min_bytes:
            stream.write(f"Zoé;Nom{index};Besançon;06 {index // 10**6:02d} {index % 10**6:06d}\n")
            index += 1
    return path


def drag_events(mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return enter, drop


def drop_on(widget: QWidget, mime: QMimeData) -> bool:
    """Drag `mime` over `widget` and drop it; whether the drag was accepted."""
    enter, drop = drag_events(mime)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, drop)
    return True


# --- a file ------------------------------------------------------------------------------------


def test_preview_then_import_a_french_excel_file(
    qtbot, qtmodeltester, make_dialog, services: Services
):
    dialog = make_dialog(path=DATA / "excel_fr_cp1252.csv")
    assert dialog.detected_label.text() == (
        "Encoding: cp1252 · Delimiter: semicolon (;) · Header line: yes · "
        "Numbers in: Téléphone portable"
    )
    assert dialog.column_combo.currentText() == "Téléphone portable"
    assert dialog.list_combo.currentText() == "excel_fr_cp1252"
    assert dialog.target_hint.text() == "a new list"
    assert preview_column(dialog, 0) == ["2", "3", "4", "5", "6", "7", "8", "9", "10", "12"]
    assert preview_column(dialog, 2)[:2] == ["06 12 34 56 78", "06 23 45 67 89"]
    assert preview_column(dialog, 2)[5] == "01 42 68 53 00 (not a mobile: left out)"
    assert preview_column(dialog, 2)[7] == "invalid: unallocated range"
    assert preview_column(dialog, 3)[0] == "Hélène Lefèvre"
    assert dialog.import_button.isEnabled()

    import_and_wait(qtbot, dialog)
    assert dialog.pages.currentIndex() == PAGE_REPORT
    counts = {key: label.text() for key, label in dialog.count_labels.items()}
    assert counts == {
        "contacts": "10",
        "numbers": "10",
        "set_aside": "0",
        "rows": "10",
        "imported": "6",
        "duplicates": "1",
        "invalid": "2",
        "landlines": "1",
        "stopped": "0",
    }
    model = dialog.rejected_model
    qtmodeltester.check(model)
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert rows == [
        [7, "01 42 68 53 00", "Not a mobile", "landline", "Cécile Garçon"],
        [8, "06-12-34-56-78", "Duplicate", "duplicate of line 2", "Noël Lemaître"],
        [9, "06 39 98 12 34", "Invalid", "unallocated range", "Agnès Cœur"],
        [10, "", "Invalid", "empty", "Renée Façade"],
    ]
    assert [(info.name, info.contacts) for info in services.recipients.lists()] == [
        ("excel_fr_cp1252", 6)
    ]


def test_choose_another_column(qtbot, make_dialog, services: Services):
    dialog = make_dialog(path=DATA / "outlook_utf8_bom_crlf.csv")
    assert dialog.column_combo.currentText() == "Mobile Phone"
    index = dialog.column_combo.findText("Business Phone")
    dialog.column_combo.setCurrentIndex(index)
    dialog.column_combo.activated.emit(index)
    settle(qtbot, dialog)
    assert dialog.column_combo.currentText() == "Business Phone"
    assert preview_column(dialog, 1)[0] == "+33 1 40 00 00 00"
    dialog.keep_landlines.setChecked(True)
    assert preview_column(dialog, 2)[0] == "01 40 00 00 00"
    dialog.list_combo.setCurrentText("Bureaux")
    import_and_wait(qtbot, dialog)
    assert dialog.report is not None
    assert (dialog.report.list_name, dialog.report.landlines) == ("Bureaux", 0)
    assert dialog.report.imported == 2


def test_choose_the_file_through_the_real_file_dialog(qtbot, make_dialog):
    dialog = make_dialog()
    assert not dialog.import_button.isEnabled()
    target = DATA / "google_contacts.csv"

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        chooser.selectFile(str(target))
        chooser.accept()

    QTimer.singleShot(0, answer)
    dialog.browse_button.click()
    settle(qtbot, dialog)
    assert dialog.path_edit.text() == str(target)
    assert dialog.column_combo.currentText() == "Phone 1 - Value"
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("binary.csv", "this is not a text file"),
        ("empty.csv", "the file is empty"),
        ("workbook.xlsx", "this workbook cannot be read"),
        ("no_phone_column.csv", "columns seen: Prénom, Nom, Ville, Email"),
        ("nowhere.csv", "file not found"),
    ],
)
def test_bad_files_say_why_and_cannot_be_imported(make_dialog, name: str, message: str):
    dialog = make_dialog(path=DATA / name)
    assert dialog.error_label.isVisible()
    assert message in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_table.rowCount() == 0


def test_a_bad_line_late_in_the_file_imports_nothing(
    qtbot, make_dialog, services: Services, tmp_path: Path
):
    path = tmp_path / "late.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Nom;Mobile\n")
        for index in range(30_000):
            stream.write(f"N{index};06{index:08d}\n")
        stream.write('"Broken;0612345678\n')
        for index in range(200):
            stream.write(f"M{index};07{index:08d}\n")
    dialog = make_dialog(path=path)
    with qtbot.waitSignal(dialog.job_finished, timeout=60_000) as finished:
        dialog.import_button.click()
    assert "line 30002" in finished.args[0]
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("Nothing was imported: ")
    assert dialog.pages.currentIndex() == PAGE_SETUP
    assert dialog.import_button.isEnabled()
    assert services.recipients.lists() == []


# --- pasted numbers, drops ---------------------------------------------------------------------


def test_pasted_numbers(qtbot, typist, make_dialog, services: Services):
    dialog = make_dialog(text="")
    assert dialog.list_combo.currentText() == "Pasted numbers"
    typist(dialog.paste_edit, "06 12 34 56 78\n0612345678, 07 98 76 54 32\n01 42 68 53 00\n")
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 4)
    assert dialog.detected_label.text().startswith("Delimiter: none")
    dialog.list_combo.setCurrentText("Réunion")
    import_and_wait(qtbot, dialog)
    report = dialog.report
    assert report is not None
    assert (report.list_name, report.rows, report.imported, report.duplicates) == (
        "Réunion",
        4,
        2,
        1,
    )


def test_drop_a_file_or_text_on_the_dialog(qtbot, make_dialog):
    dialog = make_dialog(text="")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "ovh_number.csv"))])
    assert drop_on(dialog, mime)
    assert dialog.path_edit.text() == str(DATA / "ovh_number.csv")
    assert dialog.list_combo.currentText() == "ovh_number"
    settle(qtbot, dialog)
    assert dialog.preview_table.rowCount() == 3
    text = QMimeData()
    text.setText("0612345678\n0698765432\n")
    assert drop_on(dialog, text)
    assert dialog.paste_edit.toPlainText() == "0612345678\n0698765432\n"
    settle(qtbot, dialog)
    assert dialog.preview_table.rowCount() == 2
    assert not drop_on(dialog, QMimeData())  # nothing usable: refused


def test_import_into_an_existing_list(qtbot, make_dialog, services: Services):
    services.recipients.import_file(DATA / "excel_fr_cp1252.csv", list_name="Clients")
    dialog = make_dialog(path=DATA / "messy_numbers.csv", lists=["Clients"])
    dialog.list_combo.setCurrentText("Clients")
    assert dialog.target_hint.text().startswith("adds to this list")
    import_and_wait(qtbot, dialog)
    assert dialog.report is not None
    assert not dialog.report.created
    assert dialog.summary_label.text().endswith("(added to the existing list).")
    assert [(info.name, info.contacts) for info in services.recipients.lists()] == [("Clients", 9)]


# --- cancel, responsiveness --------------------------------------------------------------------


def test_cancel_before_it_starts_imports_nothing(qtbot, make_dialog, pool, services: Services):
    dialog = make_dialog(path=DATA / "mixed_utf8_cp1252.csv")
    released = threading.Event()
    pool.pool.start(_Gate(released))  # the import waits behind it
    dialog.import_button.click()
    assert dialog.running and dialog.progress.isVisible()
    assert not dialog.import_button.isEnabled() and not dialog.list_combo.isEnabled()
    dialog.cancel_button.click()
    assert dialog.progress_label.text() == "Cancelling…"
    with qtbot.waitSignal(dialog.job_finished, timeout=10_000) as finished:
        released.set()
    assert finished.args == ["Import cancelled: nothing was imported"]
    assert not dialog.running and dialog.import_button.isEnabled()
    assert dialog.isVisible()  # the user may try again
    assert services.recipients.lists() == []


@pytest.mark.parametrize("size", [1_500_000, CHILD_PROCESS_MIN_BYTES + 200_000])
def test_cancel_in_the_middle_leaves_no_list(
    qtbot, make_dialog, services: Services, tmp_path: Path, size: int
):
    """In-process (small) and through the child process (big): cancelled after the
    first stored batch, the transaction is rolled back."""
    dialog = make_dialog(path=big_file(tmp_path / "big.csv", size))
    first_progress: list[int] = []

    def on_progress(done: int, _total: int) -> None:
        if not first_progress:
            first_progress.append(done)
            dialog.cancel_button.click()

    dialog.import_button.click()
    assert dialog._job is not None
    dialog._job.signals.progress.connect(on_progress)
    with qtbot.waitSignal(dialog.job_finished, timeout=60_000) as finished:
        pass
    assert first_progress and first_progress[0] < size
    assert finished.args == ["Import cancelled: nothing was imported"]
    assert services.recipients.lists() == []


def test_the_window_keeps_running_during_a_big_import(
    qtbot, make_dialog, services: Services, tmp_path: Path
):
    """A timer of the GUI thread keeps firing while a file big enough for the child
    process is imported, and the progress bar moves in steps."""
    dialog = make_dialog(path=big_file(tmp_path / "big.csv", CHILD_PROCESS_MIN_BYTES + 200_000))
    ticks_while_importing: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: dialog.running and ticks_while_importing.append(1))
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    timer.start()
    import_and_wait(qtbot, dialog)
    timer.stop()
    assert len(ticks_while_importing) >= 10
    assert len(set(values)) >= 3 and max(values) == 1000
    assert dialog.report is not None
    assert dialog.report.imported == dialog.report.rows


# --- the report --------------------------------------------------------------------------------


def test_save_the_rejected_lines_through_the_save_dialog(qtbot, make_dialog, tmp_path: Path):
    dialog = make_dialog(path=DATA / "messy_numbers.csv")
    import_and_wait(qtbot, dialog)
    target = tmp_path / "rejected.csv"

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        assert chooser.selectedFiles()[0].endswith("messy_numbers - rejected.csv")
        chooser.selectFile(str(target))
        chooser.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dialog.job_finished, timeout=10_000) as finished:
        dialog.save_button.click()
    # 13: line 12's second number is set aside (one person, one message), not rejected
    assert finished.args == [f"13 line(s) saved to {target}"]
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line;value;kind;reason;name"  # the file's own "name" column
    assert lines[1] == "9;+33612345678;duplicate;duplicate of line 2;H"
    assert len(lines) == 14


def test_cancel_when_idle_closes(make_dialog):
    dialog = make_dialog(path=DATA / "ovh_number.csv")
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_rejected_model(qtmodeltester):
    from smsdesk.domain.phone import Rejection
    from smsdesk.services.recipients import RejectedRow

    model = RejectedModel(rows=[RejectedRow(3, "0612", Rejection.INVALID, "too short")])
    qtmodeltester.check(model)
    assert model.index(0, RejectedModel.COL_KIND).data() == "Invalid"


# --- workbooks and vCards --------------------------------------------------------------


def test_a_workbook_shows_its_sheets_and_another_can_be_picked(qtbot, make_dialog):
    dialog = make_dialog(path=DATA / "contacts_second_sheet.xlsx")
    assert dialog.sheet_combo.isVisible()
    sheets = [dialog.sheet_combo.itemText(index) for index in range(dialog.sheet_combo.count())]
    assert sheets == ["Notes", "Adhérents"]
    assert dialog.sheet_combo.currentText() == "Adhérents"  # found by itself
    assert "sheet “Adhérents”" in dialog.detected_label.text()
    assert preview_column(dialog, 1)[:2] == ["612345678", "33623456789"]
    assert preview_column(dialog, 2)[:2] == ["06 12 34 56 78", "06 23 45 67 89"]
    dialog.sheet_combo.setCurrentIndex(0)
    dialog.sheet_combo.activated.emit(0)
    settle(qtbot, dialog)
    assert dialog.error_label.isVisible()
    assert "sheet 'Notes'" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.sheet_combo.activated.emit(1)
    settle(qtbot, dialog)
    assert not dialog.error_label.isVisible()
    import_and_wait(qtbot, dialog)
    assert dialog.report is not None
    assert (dialog.report.contacts, dialog.report.imported) == (8, 4)


def test_a_text_file_has_no_sheet_row(make_dialog):
    dialog = make_dialog(path=DATA / "excel_fr_cp1252.csv")
    assert not dialog.sheet_combo.isVisible()


@pytest.mark.parametrize(
    ("name", "every", "expected"),
    [
        # contacts, numbers, set aside, imported
        ("android_21.vcf", False, ("4", "7", "3", "2")),
        ("android_21.vcf", True, ("4", "7", "0", "3")),
        ("contacts_multiline.ods", False, ("4", "5", "1", "3")),
        ("contacts.xls", False, ("8", "8", "0", "4")),
        ("google_30.vcf", False, ("4", "5", "1", "3")),
        ("phone_40.vcf", True, ("2", "4", "0", "2")),
    ],
)
def test_workbooks_and_vcards_through_the_dialog(qtbot, make_dialog, name, every, expected):
    dialog = make_dialog(path=DATA / name)
    assert not dialog.error_label.isVisible()
    dialog.all_numbers.setChecked(every)
    import_and_wait(qtbot, dialog)
    labels = dialog.count_labels
    shown = tuple(labels[key].text() for key in ("contacts", "numbers", "set_aside", "imported"))
    assert shown == expected
    assert f"{expected[0]} contacts with {expected[1]} numbers" in dialog.summary_label.text()
