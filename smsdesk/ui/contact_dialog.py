"""A contact by hand: its number, its name and its other columns (the {fields} of a
message), new or edited. The dialog only gathers them: the Contacts tab stores them in
a worker and says here what was wrong (a landline, a number already in the list)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.recipients import ContactRow
from smsdesk.ui import formats
from smsdesk.ui.i18n import Retranslating


class ContactDialog(Retranslating, QDialog):
    """`saved(number, name, extra)` when the user presses Save; `show_error` then
    `accept` are the tab's answer."""

    saved = Signal(str, str, dict)

    def __init__(
        self,
        list_name: str,
        contact: ContactRow | None = None,
        *,
        columns: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contact = contact
        self._list_name = list_name
        self.resize(520, 420)
        self.number_edit = QLineEdit(formats.phone(contact.e164) if contact else "")
        self.name_edit = QLineEdit(contact.name if contact else "")
        self.columns_table = QTableWidget(0, 2)
        self.columns_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        values = dict(contact.extra) if contact else {}
        for column in columns:
            values.setdefault(column, "")
        for key, value in values.items():
            self._add_row(key, value)
        self.add_column_button = QPushButton()
        self.add_column_button.clicked.connect(lambda: self._add_row("", ""))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        self.number_label = QLabel()
        self.number_label.setBuddy(self.number_edit)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.columns_label = QLabel()
        form = QFormLayout()
        form.addRow(self.number_label, self.number_edit)
        form.addRow(self.name_label, self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.columns_table, 1)
        layout.addWidget(self.add_column_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        if self.contact is None:
            title = self.tr("New contact in “{list}”")
        else:
            title = self.tr("Contact of “{list}”")
        self.setWindowTitle(title.format(list=self._list_name))
        self.number_edit.setPlaceholderText(self.tr("06 12 34 56 78, +33 6 12 34 56 78…"))
        self.columns_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Value")])
        self.add_column_button.setText(self.tr("Add a &column"))
        self.number_label.setText(self.tr("&Number"))
        self.name_label.setText(self.tr("N&ame"))
        # {fields}: the placeholders of a message, written as the user types them
        self.columns_label.setText(self.tr("Other columns (the {fields} of a message):"))

    def _add_row(self, key: str, value: str) -> None:
        row = self.columns_table.rowCount()
        self.columns_table.insertRow(row)
        self.columns_table.setItem(row, 0, QTableWidgetItem(key))
        self.columns_table.setItem(row, 1, QTableWidgetItem(value))

    def extra(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for row in range(self.columns_table.rowCount()):
            key_item = self.columns_table.item(row, 0)
            value_item = self.columns_table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text().strip() if value_item else ""
            if key and value:
                values[key] = value
        return values

    def _save(self) -> None:
        number = self.number_edit.text().strip()
        if not number:
            self.show_error(self.tr("The contact needs a number."))
            return
        self.buttons.setEnabled(False)
        self.saved.emit(number, self.name_edit.text().strip(), self.extra())

    def show_error(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(message)
        self.error_label.setVisible(True)
