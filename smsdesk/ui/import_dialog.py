"""Import dialog: a file (chosen, or dropped) or a pasted block of numbers, previewed, then
imported in a worker with a progress bar and Cancel, ending with a report.

The preview shows the detected encoding, delimiter and phone column (the column can be
changed), the first rows and what each number will become. The report counts each
kind of rejection and lists every rejected line, which can be saved as CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.phone import Rejection
from smsdesk.domain.recipient_table import SourceRow, TableLayout
from smsdesk.services.recipient_files import FilePreview, preview_file, preview_text
from smsdesk.services.recipient_import import NumberOutcome
from smsdesk.services.recipients import (
    ImportReport,
    RecipientFileError,
    RecipientService,
    RejectedRow,
    save_rejected_csv,
    supported_regions,
)
from smsdesk.ui import formats
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.table_models import RowsModel
from smsdesk.ui.workers import Worker, WorkerPool

PREVIEW_ROWS = 20
PASTE_DEBOUNCE_MS = 300
_PATTERNS = "*.csv *.txt *.tsv *.tab *.xlsx *.xlsm *.xls *.ods *.vcf *.vcard"


def file_filter() -> str:
    """The file dialog's filter, in the window's language."""
    return QCoreApplication.translate(
        "ImportDialog", "Recipient lists ({patterns});;All files (*)"
    ).format(patterns=_PATTERNS)


DELIMITER_NAMES = {
    ",": str(QT_TRANSLATE_NOOP("ImportDialog", "comma (,)")),
    ";": str(QT_TRANSLATE_NOOP("ImportDialog", "semicolon (;)")),
    "\t": str(QT_TRANSLATE_NOOP("ImportDialog", "tab")),
    "|": str(QT_TRANSLATE_NOOP("ImportDialog", "bar (|)")),
}
KIND_LABELS = {
    Rejection.INVALID: str(QT_TRANSLATE_NOOP("ImportDialog", "Invalid")),
    Rejection.NOT_MOBILE: str(QT_TRANSLATE_NOOP("ImportDialog", "Not a mobile")),
    Rejection.DUPLICATE: str(QT_TRANSLATE_NOOP("ImportDialog", "Duplicate")),
    Rejection.STOPPED: str(QT_TRANSLATE_NOOP("ImportDialog", "On the stop list")),
}
SOURCE_FILE, SOURCE_PASTE = 0, 1
# the report's counts, in the order shown: ImportReport attributes
REPORT_COUNTS = (
    "contacts",
    "numbers",
    "set_aside",
    "rows",
    "imported",
    "duplicates",
    "invalid",
    "landlines",
    "stopped",
)
PAGE_SETUP, PAGE_REPORT = 0, 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _delimiter_text(layout: TableLayout) -> str:
    if layout.delimiter is None:
        return QCoreApplication.translate("ImportDialog", "none (one cell a line)")
    name = DELIMITER_NAMES.get(layout.delimiter)
    return _tr(name) if name else repr(layout.delimiter)


def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries."""
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def dropped_text(event: QDragEnterEvent | QDropEvent) -> str:
    data = event.mimeData()
    return data.text() if data.hasText() and not data.hasUrls() else ""


class RejectedModel(RowsModel[RejectedRow]):
    """The rejected lines of a report (hundreds of thousands for a big file: no widgets)."""

    COL_LINE, COL_VALUE, COL_KIND, COL_REASON, COL_NAME = range(5)
    HEADERS = (  # the name: whose number it is
        str(QT_TRANSLATE_NOOP("RejectedModel", "Line")),
        str(QT_TRANSLATE_NOOP("RejectedModel", "Value")),
        str(QT_TRANSLATE_NOOP("RejectedModel", "Kind")),
        str(QT_TRANSLATE_NOOP("RejectedModel", "Reason")),
        str(QT_TRANSLATE_NOOP("RejectedModel", "Name")),
    )

    def text(self, row: RejectedRow, column: int) -> object:
        if column == self.COL_LINE:
            return row.line  # a number: the view sorts and aligns it as one
        if column == self.COL_VALUE:
            return row.value
        if column == self.COL_KIND:
            return _tr(KIND_LABELS[row.kind])
        if column == self.COL_REASON:
            return row.reason
        if column == self.COL_NAME:
            return row.name
        return None

    def alignment(self, column: int) -> int | None:
        if column == self.COL_LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class _PreviewAnswer:
    """What a preview worker read, for the request `generation`."""

    generation: int
    preview: FilePreview | None = None
    layout: TableLayout | None = None
    rows: Sequence[SourceRow] = ()
    outcomes: Sequence[NumberOutcome] | None = None
    error: str = ""


class ImportDialog(Retranslating, QDialog):
    """Import into a list: `imported` carries the ImportReport when the import ends."""

    imported = Signal(object)
    job_finished = Signal(str)  # an import or a save ended; the words for the user

    def __init__(
        self,
        recipients: RecipientService,
        workers: WorkerPool,
        *,
        lists: Sequence[str] = (),
        region: str = "FR",
        path: Path | None = None,
        text: str | None = None,
        target_list: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.resize(900, 640)
        self._recipients = recipients
        self._workers = workers
        self._lists = list(lists)
        self._path: Path | None = None
        self._file_preview: FilePreview | None = None
        self._layout: TableLayout | None = None
        self._column_chosen = False
        self._sheet_chosen: str | None = None
        self._sheets: tuple[str, ...] = ()  # of the file, kept when a sheet cannot be read
        self._target_chosen = target_list is not None
        self._job: Worker | None = None
        self._preview_rows: list[SourceRow] = []
        self._previewing = False
        self._preview_generation = 0
        self.report: ImportReport | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup(region, target_list))
        self.pages.addWidget(self._build_report())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._paste_timer = QTimer(self)
        self._paste_timer.setSingleShot(True)
        self._paste_timer.setInterval(PASTE_DEBOUNCE_MS)
        self._paste_timer.timeout.connect(self.refresh_preview)

        self.retranslate()
        if text is not None:
            self.source_tabs.setCurrentIndex(SOURCE_PASTE)
            self.paste_edit.setPlainText(text)
            self.refresh_preview()
        elif path is not None:
            self.set_path(path)
        self._target_changed(self.list_combo.currentText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import recipients"))
        self.path_edit.setPlaceholderText(
            self.tr("Choose a file (CSV, TXT, Excel, LibreOffice, vCard), or drop it here")
        )
        self.browse_button.setText(self.tr("&Choose a file…"))
        self.drop_hint.setText(
            self.tr(
                "Or drop a file on this window: an Excel or LibreOffice workbook, a phone's "
                "or Google's vCards, CSV or TXT (Outlook, Google Contacts, one number a line...)"
            )
        )
        self.paste_edit.setPlaceholderText(
            self.tr("Paste numbers here: one or several a line, or cells copied from a spreadsheet")
        )
        self.source_tabs.setTabText(SOURCE_FILE, self.tr("From a &file"))
        self.source_tabs.setTabText(SOURCE_PASTE, self.tr("&Pasted numbers"))
        self.sheet_combo.setToolTip(self.tr("The sheet of the workbook that holds the list"))
        self.sheet_label.setText(self.tr("&Sheet"))
        self._list_edit().setPlaceholderText(self.tr("Name of a new or existing list"))
        self.keep_landlines.setText(
            self.tr("&Keep landlines and other numbers that are not mobiles")
        )
        self.all_numbers.setText(
            self.tr("Every &mobile of a contact (default: one message a person, its first mobile)")
        )
        self.column_label.setText(self.tr("Phone &column"))
        self.region_label.setText(self.tr("&Region of national numbers"))
        self.target_label.setText(self.tr("Into the &list"))
        self.preview_table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Number as written"),
                self.tr("Will be"),
                self.tr("Name"),
                self.tr("Other columns"),
            ]
        )
        self.import_button.setText(self.tr("&Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.first_rows_label.setText(self.tr("First rows:"))
        names = {
            "contacts": self.tr("Contacts read"),
            "numbers": self.tr("Numbers read"),
            "set_aside": self.tr("Other numbers of a contact (set aside)"),
            "rows": self.tr("Numbers considered"),
            "imported": self.tr("Imported"),
            "duplicates": self.tr("Duplicates"),
            "invalid": self.tr("Invalid numbers"),
            "landlines": self.tr("Not mobiles (left out)"),
            "stopped": self.tr("On the stop list"),
        }
        for key, label in self.count_names.items():
            label.setText(names[key])
        self.save_button.setText(self.tr("&Save the rejected lines as CSV…"))
        self.close_button.setText(self.tr("&Close"))
        self.rejected_label.setText(self.tr("Rejected lines:"))
        self.rejected_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.rejected_model.columnCount() - 1
        )
        self._show_detected()
        self._target_changed(self.list_combo.currentText())
        if self.report is not None:
            self._show_report(self.report)

    def _list_edit(self) -> QLineEdit:
        edit = self.list_combo.lineEdit()
        assert edit is not None  # the combo is editable
        return edit

    # -- building --------------------------------------------------------------------

    def _build_setup(self, region: str, target_list: str | None) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_file)
        file_page = QWidget()
        file_layout = QVBoxLayout(file_page)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_layout.addLayout(file_row)
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("color: #666666")
        file_layout.addWidget(self.drop_hint)
        file_layout.addStretch()

        self.paste_edit = QPlainTextEdit()
        self.paste_edit.textChanged.connect(self._paste_changed)

        self.source_tabs = QTabWidget()
        self.source_tabs.addTab(file_page, "")
        self.source_tabs.addTab(self.paste_edit, "")
        self.source_tabs.setMaximumHeight(140)
        self.source_tabs.currentChanged.connect(self._source_changed)

        self.detected_label = QLabel()
        self.detected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.setVisible(False)

        self.column_combo = QComboBox()
        self.column_combo.setEnabled(False)
        self.column_combo.activated.connect(self._column_activated)
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(self._sheet_activated)
        self.sheet_label = QLabel()
        self.sheet_label.setBuddy(self.sheet_combo)
        self.region_combo = QComboBox()
        self.region_combo.addItems(supported_regions())
        self.region_combo.setCurrentText(region.upper())
        self.region_combo.currentTextChanged.connect(lambda _text: self.refresh_preview())
        self.list_combo = QComboBox()
        self.list_combo.setEditable(True)
        self.list_combo.addItems(self._lists)
        self.list_combo.setCurrentText(target_list or "")
        self._list_edit().textEdited.connect(self._target_edited)
        self.list_combo.currentTextChanged.connect(self._target_changed)
        self.list_combo.activated.connect(self._target_edited)
        self.target_hint = QLabel()
        self.keep_landlines = QCheckBox()
        self.keep_landlines.toggled.connect(lambda _on: self._show_rows())
        self.all_numbers = QCheckBox()
        target_row = QHBoxLayout()
        target_row.addWidget(self.list_combo, 1)
        target_row.addWidget(self.target_hint)
        form = QFormLayout()
        form.addRow(self.sheet_label, self.sheet_combo)
        self._show_sheet_row(False)
        self.column_label = QLabel()
        self.column_label.setBuddy(self.column_combo)
        form.addRow(self.column_label, self.column_combo)
        self.region_label = QLabel()
        self.region_label.setBuddy(self.region_combo)
        form.addRow(self.region_label, self.region_combo)
        self.target_label = QLabel()
        self.target_label.setBuddy(self.list_combo)
        form.addRow(self.target_label, target_row)
        form.addRow("", self.keep_landlines)
        form.addRow("", self.all_numbers)

        self.preview_table = QTableWidget(0, 5)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.horizontalHeader().setStretchLastSection(True)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.progress_label)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.source_tabs)
        layout.addWidget(self.detected_label)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        self.first_rows_label = QLabel()
        layout.addWidget(self.first_rows_label)
        layout.addWidget(self.preview_table, 1)
        layout.addLayout(buttons)
        return page

    def _build_report(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.count_labels: dict[str, QLabel] = {}
        self.count_names: dict[str, QLabel] = {}
        counts = QFormLayout()
        counts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        width = self.fontMetrics().horizontalAdvance("0 000 000 000")
        for key in REPORT_COUNTS:
            self.count_labels[key] = QLabel()
            self.count_labels[key].setMinimumWidth(width)  # counts right-aligned, in a column
            self.count_labels[key].setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.count_names[key] = QLabel()
            counts.addRow(self.count_names[key], self.count_labels[key])
        self.rejected_model = RejectedModel(parent=self)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.verticalHeader().setVisible(False)
        self.rejected_view.verticalHeader().setDefaultSectionSize(22)
        self.rejected_view.horizontalHeader().setSectionResizeMode(
            RejectedModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.rejected_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_csv)
        self.save_label = QLabel()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addLayout(counts)
        self.rejected_label = QLabel()
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected_view, 1)
        layout.addLayout(buttons)
        return page

    # -- source ----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import recipients"), start, file_filter()
        )
        if path:
            self.set_path(Path(path))

    def set_path(self, path: Path) -> None:
        """Preview this file (its column and sheet detected again)."""
        self._path = Path(path)
        self._column_chosen = False
        self._sheet_chosen = None
        self._sheets = ()
        self.pages.setCurrentIndex(PAGE_SETUP)  # after a report: the next import
        self.path_edit.setText(str(path))
        if not self._target_chosen:
            self.list_combo.setCurrentText(self._path.stem)
        self.source_tabs.setCurrentIndex(SOURCE_FILE)
        self.refresh_preview()

    def set_text(self, text: str) -> None:
        self._column_chosen = False
        self.pages.setCurrentIndex(PAGE_SETUP)
        self.source_tabs.setCurrentIndex(SOURCE_PASTE)
        self.paste_edit.setPlainText(text)
        self.refresh_preview()

    def _paste_changed(self) -> None:
        self._column_chosen = False
        self._paste_timer.start()

    def _source_changed(self, index: int) -> None:
        if index == SOURCE_PASTE and not self._target_chosen:
            self.list_combo.setCurrentText(self.tr("Pasted numbers"))
        elif index == SOURCE_FILE and self._path is not None and not self._target_chosen:
            self.list_combo.setCurrentText(self._path.stem)
        self.refresh_preview()

    def _column_activated(self, index: int) -> None:
        self._column_chosen = True
        self.refresh_preview()

    def _sheet_activated(self, index: int) -> None:
        self._sheet_chosen = self.sheet_combo.itemText(index)
        self._column_chosen = False  # another sheet, other columns
        self.refresh_preview()

    def _show_sheet_row(self, shown: bool) -> None:
        self.sheet_label.setVisible(shown)
        self.sheet_combo.setVisible(shown)

    def _target_edited(self, _choice: object) -> None:
        self._target_chosen = True

    def _target_changed(self, name: str) -> None:
        cleaned = " ".join(name.split())
        if not cleaned:
            self.target_hint.setText("")
        elif cleaned in self._lists:
            self.target_hint.setText(self.tr("adds to this list (its duplicates are left out)"))
        else:
            self.target_hint.setText(self.tr("a new list"))
        self._update_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.running and (local_files(event) or dropped_text(event)):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event)
        if files:
            self.set_path(files[0])
        elif text := dropped_text(event):
            self.set_text(text)
        event.acceptProposedAction()

    # -- preview ---------------------------------------------------------------------

    @property
    def previewing(self) -> bool:
        """A preview is being read (in a worker)."""
        return self._previewing

    def refresh_preview(self) -> None:
        """Read the start of the file (or the pasted text) again with the current choices,
        in a worker (a workbook's sheet loads whole; a file may sit on a slow share)."""
        self._paste_timer.stop()
        column = self.column_combo.currentIndex() if self._column_chosen else None
        region = self.region_combo.currentText()
        keep = self.keep_landlines.isChecked()
        self._preview_generation += 1
        generation = self._preview_generation
        path, sheet, text = self._path, self._sheet_chosen, self.paste_edit.toPlainText()
        from_file = self.source_tabs.currentIndex() == SOURCE_FILE
        self._file_preview = None
        self._layout = None
        if (from_file and path is None) or (not from_file and not text.strip()):
            self._preview_done(_PreviewAnswer(generation))
            return

        def work(**_: Any) -> _PreviewAnswer:
            try:
                if from_file:
                    assert path is not None
                    preview = preview_file(
                        path, phone_column=column, rows=PREVIEW_ROWS, region=region, sheet=sheet
                    )
                    layout, rows = preview.layout, preview.first_rows
                else:
                    preview = None
                    pasted = preview_text(
                        text, phone_column=column, rows=PREVIEW_ROWS, region=region
                    )
                    layout, rows = pasted.layout, pasted.first_rows
            except RecipientFileError as error:
                return _PreviewAnswer(generation, error=str(error))
            outcomes = RecipientService.outcomes(
                [row.phone for row in rows], region=region, keep_landlines=keep
            )
            return _PreviewAnswer(generation, preview, layout, rows, outcomes)

        self._previewing = True
        self._update_buttons()
        self._workers.run(work, on_result=self._preview_done, on_error=self._preview_failed)

    def _preview_failed(self, message: str) -> None:
        self._preview_done(_PreviewAnswer(self._preview_generation, error=message))

    def _preview_done(self, answer: _PreviewAnswer) -> None:
        if answer.generation != self._preview_generation:
            return  # an earlier choice's preview
        self._previewing = False
        self._file_preview, self._layout = answer.preview, answer.layout
        if answer.error:
            self.error_label.setText(answer.error)
            self.error_label.setVisible(True)
        else:
            self.error_label.setVisible(False)
        self._preview_rows = list(answer.rows)
        self._show_detected()
        self._show_rows(answer.outcomes)
        self._update_buttons()

    def _show_detected(self) -> None:
        layout = self._layout
        self.column_combo.blockSignals(True)
        self.column_combo.clear()
        if layout is None:
            self.detected_label.setText("")
            self.column_combo.setEnabled(False)
        else:
            self.column_combo.addItems(list(layout.columns))
            self.column_combo.setCurrentIndex(layout.phone_column)
            self.column_combo.setEnabled(len(layout.columns) > 1)
            parts = []
            preview = self._file_preview
            if preview is not None and preview.kind == "workbook":
                parts.append(self.tr("Workbook, sheet “{sheet}”").format(sheet=preview.sheet))
            elif preview is not None and preview.kind == "vcard":
                parts.append(
                    self.tr("vCards ({encoding}), a contact a card").format(
                        encoding=preview.encoding
                    )
                )
            elif preview is not None:
                parts.append(self.tr("Encoding: {encoding}").format(encoding=preview.encoding))
            if preview is None or preview.kind == "text":
                parts.append(
                    self.tr("Delimiter: {delimiter}").format(delimiter=_delimiter_text(layout))
                )
            if layout.has_header:
                parts.append(self.tr("Header line: yes"))
            else:
                parts.append(self.tr("Header line: no"))
            parts.append(self.tr("Numbers in: {column}").format(column=layout.phone_column_name))
            self.detected_label.setText(" · ".join(parts))
        self.column_combo.blockSignals(False)
        preview = self._file_preview
        if preview is not None:
            self._sheets = preview.sheets
        sheets = self._sheets if self.source_tabs.currentIndex() == SOURCE_FILE else ()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(sheets))
        if preview is not None and preview.sheet is not None:
            self.sheet_combo.setCurrentText(preview.sheet)
        elif self._sheet_chosen is not None:
            self.sheet_combo.setCurrentText(self._sheet_chosen)
        self.sheet_combo.blockSignals(False)
        self._show_sheet_row(bool(sheets))

    def _outcome_text(self, outcome: NumberOutcome) -> str:
        if outcome.e164 is None:
            return self.tr("invalid: {reason}").format(reason=outcome.reason)
        number = formats.phone(outcome.e164)
        if outcome.left_out:
            return self.tr("{number} (not a mobile: left out)").format(number=number)
        return number

    def _show_rows(self, outcomes: Sequence[NumberOutcome] | None = None) -> None:
        rows = self._preview_rows
        if outcomes is None:  # 20 numbers parsed again (no file, no database)
            outcomes = self._recipients.outcomes(
                [row.phone for row in rows],
                region=self.region_combo.currentText(),
                keep_landlines=self.keep_landlines.isChecked(),
            )
        table = self.preview_table
        table.setRowCount(len(rows))
        for index, (row, outcome) in enumerate(zip(rows, outcomes, strict=True)):
            others = "; ".join(f"{key}: {value}" for key, value in row.extra.items())
            line = formats.count(row.line)
            shown = self._outcome_text(outcome)
            for column, value in enumerate((line, row.phone, shown, row.name, others)):
                table.setItem(index, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _update_buttons(self) -> None:
        ready = (
            self._layout is not None
            and bool(" ".join(self.list_combo.currentText().split()))
            and not self.running
            and not self._previewing
        )
        self.import_button.setEnabled(ready)

    def set_lists(self, names: Sequence[str]) -> None:
        """The lists that exist (an import into one of them appends)."""
        current = self.list_combo.currentText()
        self._lists = list(names)
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        self.list_combo.addItems(self._lists)
        self.list_combo.setCurrentText(current)
        self.list_combo.blockSignals(False)
        self._target_changed(current)

    # -- import ----------------------------------------------------------------------

    def start_import(self) -> None:
        if self.running or self._layout is None:
            return
        name = " ".join(self.list_combo.currentText().split())
        region = self.region_combo.currentText()
        keep = self.keep_landlines.isChecked()
        every = self.all_numbers.isChecked()
        column = self.column_combo.currentIndex() if self._column_chosen else None
        if self.source_tabs.currentIndex() == SOURCE_FILE and self._file_preview is not None:
            preview = self._file_preview
            job = self._workers.run(
                self._recipients.import_file,
                preview.path,
                list_name=name,
                region=region,
                keep_landlines=keep,
                all_numbers=every,
                preview=preview,
                on_result=self._import_done,
                on_error=self._import_failed,
                on_progress=self._show_progress,
            )
        else:
            job = self._workers.run(
                self._recipients.import_text,
                self.paste_edit.toPlainText(),
                list_name=name,
                region=region,
                phone_column=column,
                keep_landlines=keep,
                all_numbers=every,
                on_result=self._import_done,
                on_error=self._import_failed,
                on_progress=self._show_progress,
            )
        self._job = job
        self.progress.setRange(0, 0)  # busy until the first figures come
        self.progress.setVisible(True)
        self.progress_label.setText(self.tr("Importing…"))
        self.cancel_button.setEnabled(True)
        for widget in (self.source_tabs, self.column_combo, self.region_combo, self.list_combo):
            widget.setEnabled(False)
        self.keep_landlines.setEnabled(False)
        self.all_numbers.setEnabled(False)
        self.sheet_combo.setEnabled(False)
        self._update_buttons()

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))

    def _cancel_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _unlock(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(True)
        for widget in (self.source_tabs, self.region_combo, self.list_combo):
            widget.setEnabled(True)
        self.keep_landlines.setEnabled(True)
        self.all_numbers.setEnabled(True)
        self.sheet_combo.setEnabled(True)
        self.column_combo.setEnabled(self._layout is not None and len(self._layout.columns) > 1)
        self._job = None
        self._update_buttons()

    def _import_failed(self, message: str) -> None:
        cancelled = self._job is not None and self._job.cancel_event.is_set()
        self._unlock()
        if cancelled:
            words = self.tr("Import cancelled: nothing was imported")
            self.progress_label.setText(words)
            self.job_finished.emit(words)
            return
        self.progress_label.setText("")
        self.error_label.setText(self.tr("Nothing was imported: {reason}").format(reason=message))
        self.error_label.setVisible(True)
        self.job_finished.emit(self.tr("Import failed: {reason}").format(reason=message))

    def _import_done(self, report: ImportReport) -> None:
        self._unlock()
        self.report = report
        self.progress_label.setText("")
        self._show_report(report)
        self.rejected_model.set_rows(report.rejected)
        self.rejected_view.resizeColumnsToContents()  # the rows on screen only
        self.save_button.setEnabled(bool(report.rejected))
        self.pages.setCurrentIndex(PAGE_REPORT)
        self.imported.emit(report)
        self.job_finished.emit(
            self.tr("{imported} number(s) imported into “{list}”").format(
                imported=formats.count(report.imported), list=report.list_name
            )
        )

    def _show_report(self, report: ImportReport) -> None:
        count = formats.count
        if report.set_aside:
            people = self.tr(
                "{contacts} contacts with {numbers} numbers: one message a person, its first "
                "mobile ({set_aside} other numbers set aside)."
            ).format(
                contacts=count(report.contacts),
                numbers=count(report.numbers),
                set_aside=count(report.set_aside),
            )
        else:
            people = self.tr("{contacts} contacts with {numbers} numbers.").format(
                contacts=count(report.contacts), numbers=count(report.numbers)
            )
        if report.created:
            into = self.tr("<b>{imported}</b> of {rows} numbers imported into “{list}” (new list).")
        else:
            into = self.tr(
                "<b>{imported}</b> of {rows} numbers imported into “{list}” (added to the "
                "existing list)."
            )
        into = into.format(
            imported=count(report.imported), rows=count(report.rows), list=report.list_name
        )
        self.summary_label.setText(f"{people}<br>{into}")
        for key in REPORT_COUNTS:
            self.count_labels[key].setText(count(getattr(report, key)))

    # -- report ----------------------------------------------------------------------

    def choose_csv(self) -> None:
        if self.report is None:
            return
        start = self._path.parent if self._path else Path()
        suggested = start / self.tr("{list} - rejected.csv").format(list=self.report.list_name)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected lines"), str(suggested), self.tr("CSV (*.csv)")
        )
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        """Write the rejected lines in a worker (a big import may have many)."""
        if self.report is None:
            return
        rows = self.report.rejected
        self.save_button.setEnabled(False)
        self.save_label.setText(self.tr("Saving…"))
        self._workers.run(
            lambda **_: save_rejected_csv(rows, path),
            on_result=lambda written: self._saved(
                self.tr("%n line(s) saved to {path}", "", written).format(path=path)
            ),
            on_error=lambda message: self._saved(
                self.tr("Not saved: {reason}").format(reason=message)
            ),
        )

    def _saved(self, words: str) -> None:
        self.save_button.setEnabled(True)
        self.save_label.setText(words)
        self.job_finished.emit(words)

    # -- closing ---------------------------------------------------------------------

    def reject(self) -> None:
        if self._job is not None:  # Escape while importing: cancel first
            self._cancel_clicked()
            return
        super().reject()
