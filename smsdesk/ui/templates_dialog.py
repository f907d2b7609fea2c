"""Message templates: load one into the editor, save the current text, rename, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smsdesk.services.templates import TemplateError, TemplateInfo, TemplateService


class TemplatesDialog(QDialog):
    chosen = Signal(object)  # TemplateInfo

    def __init__(
        self,
        templates: TemplateService,
        *,
        current_body: str,
        current_commercial: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Message templates")
        self._templates = templates
        self._body = current_body
        self._commercial = current_commercial
        self.list = QListWidget()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e")
        self.load_button = QPushButton("&Load")
        self.save_button = QPushButton("&Save current message as…")
        self.save_button.setEnabled(bool(current_body.strip()))
        self.rename_button = QPushButton("&Rename…")
        self.delete_button = QPushButton("&Delete")
        self.close_button = QPushButton("Close")

        buttons = QHBoxLayout()
        for button in (self.load_button, self.save_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.preview, 2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.load_selected())
        self.load_button.clicked.connect(self.load_selected)
        self.save_button.clicked.connect(self._ask_save)
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self._ask_delete)
        self.close_button.clicked.connect(self.reject)
        self.reload()
        self.resize(620, 360)

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for template in self._templates.list():
            item = QListWidgetItem(template.name)
            item.setData(Qt.ItemDataRole.UserRole, template)
            self.list.addItem(item)
            if template.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show()

    def selected(self) -> TemplateInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        template = item.data(Qt.ItemDataRole.UserRole)
        return template if isinstance(template, TemplateInfo) else None

    def _show(self, *_: object) -> None:
        template = self.selected()
        self.preview.setPlainText(template.body if template else "")
        for button in (self.load_button, self.rename_button, self.delete_button):
            button.setEnabled(template is not None)

    # -- actions (the prompts are separate so that tests drive the actions) ----------

    def load_selected(self) -> None:
        template = self.selected()
        if template is not None:
            self.chosen.emit(template)
            self.accept()

    def save_as(self, name: str) -> bool:
        try:
            saved = self._templates.save(name, self._body, commercial=self._commercial)
        except TemplateError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.reload(select=saved.name)
        return True

    def rename_selected(self, new_name: str) -> bool:
        template = self.selected()
        if template is None:
            return False
        try:
            renamed = self._templates.rename(template.name, new_name)
        except TemplateError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.reload(select=renamed.name)
        return True

    def delete_selected(self) -> None:
        template = self.selected()
        if template is None:
            return
        try:
            self._templates.delete(template.name)
        except TemplateError as exc:
            self.error.setText(str(exc))
            return
        self.reload()

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, "Save template", "Template name:")
        if ok:
            self.save_as(name)

    def _ask_rename(self) -> None:
        template = self.selected()
        if template is None:
            return
        name, ok = QInputDialog.getText(self, "Rename template", "New name:", text=template.name)
        if ok:
            self.rename_selected(name)

    def _ask_delete(self) -> None:
        template = self.selected()
        if template is None:
            return
        answer = QMessageBox.question(self, "Delete template", f"Delete {template.name!r}?")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_selected()
