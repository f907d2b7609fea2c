"""Everything known about one message: timeline, receipt codes, gateway, error; copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.history import MessageRow, detail_lines, details_text
from smsdesk.ui.table_models import STATUS_COLOURS, readable_number


class MessageDetailsDialog(QDialog):
    def __init__(self, row: MessageRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(f"Message #{row.id}")
        self.setMinimumWidth(460)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for line in detail_lines(row):
            if line.label == "Text":
                continue
            value = line.value
            if line.label == "Receiver":
                readable = readable_number(row.receiver)
                value = f"{readable}  ({row.receiver})" if readable != row.receiver else value
            label = QLabel(value or "—")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            if line.label == "Status":
                colour = STATUS_COLOURS.get(row.status)
                if colour is not None:
                    label.setStyleSheet(f"color: {colour.name()}; font-weight: bold")
            self.fields[line.label] = label
            form.addRow(f"{line.label}:", label)

        self.body = QPlainTextEdit(row.body)
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(120)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setToolTip("Copy all these details to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Text:"))
        layout.addWidget(self.body)
        layout.addWidget(buttons)

    def text(self) -> str:
        return details_text(self.row)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
