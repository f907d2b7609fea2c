"""Message templates: load one into the editor, save the current text, rename, delete.
Every read and write goes through a worker: the window never waits for the database."""

from __future__ import annotations

from collections.abc import Callable

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

from smsdesk.services.templates import TemplateInfo, TemplateService
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.workers import WorkerPool


class TemplatesDialog(Retranslating, QDialog):
    chosen = Signal(object)  # TemplateInfo
    settled = Signal()  # a load, save, rename or delete has finished (and the list shows it)

    def __init__(
        self,
        templates: TemplateService,
        workers: WorkerPool,
        *,
        current_body: str,
        current_commercial: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._templates = templates
        self._workers = workers
        self._body = current_body
        self._commercial = current_commercial
        self._busy = False
        self.list = QListWidget()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.load_button = QPushButton()
        self.save_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.close_button = QPushButton()

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
        self.retranslate()
        self.resize(620, 360)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Message templates"))
        self.list.setToolTip(self.tr("Saved messages; double-click one to load it"))
        self.preview.setToolTip(self.tr("The template's text"))
        self.load_button.setText(self.tr("&Load"))
        self.load_button.setToolTip(self.tr("Put this template in the message (replaces it)"))
        self.save_button.setText(self.tr("&Save current message as…"))
        self.save_button.setToolTip(self.tr("Keep the message being written as a template"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.rename_button.setToolTip(self.tr("Give the selected template another name"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected template"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Back to the message"))

    # -- loading ---------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self._run(lambda: (self._templates.list(), select))

    def _run(self, work: Callable[[], tuple[list[TemplateInfo], str | None]]) -> None:
        """`work` in a worker, then the list it returns shown; buttons off meanwhile."""
        self._set_busy(True)
        self._workers.run(lambda **_: work(), on_result=self._listed, on_error=self._failed)

    def _listed(self, answer: tuple[list[TemplateInfo], str | None]) -> None:
        templates, select = answer
        self.error.setText("")
        self.list.blockSignals(True)
        self.list.clear()
        for template in templates:
            item = QListWidgetItem(template.name)
            item.setData(Qt.ItemDataRole.UserRole, template)
            self.list.addItem(item)
            if template.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._set_busy(False)
        self.settled.emit()

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self._set_busy(False)
        self.settled.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
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
            button.setEnabled(template is not None and not self._busy)
        self.save_button.setEnabled(bool(self._body.strip()) and not self._busy)

    # -- actions (the prompts are separate so that tests drive the actions) ----------

    def load_selected(self) -> None:
        template = self.selected()
        if template is not None:
            self.chosen.emit(template)
            self.accept()

    def save_as(self, name: str) -> None:
        body, commercial = self._body, self._commercial

        def save() -> tuple[list[TemplateInfo], str | None]:
            saved = self._templates.save(name, body, commercial=commercial)
            return self._templates.list(), saved.name

        self._run(save)

    def rename_selected(self, new_name: str) -> None:
        template = self.selected()
        if template is None:
            return
        old = template.name

        def rename() -> tuple[list[TemplateInfo], str | None]:
            renamed = self._templates.rename(old, new_name)
            return self._templates.list(), renamed.name

        self._run(rename)

    def delete_selected(self) -> None:
        template = self.selected()
        if template is None:
            return
        name = template.name

        def delete() -> tuple[list[TemplateInfo], str | None]:
            self._templates.delete(name)
            return self._templates.list(), None

        self._run(delete)

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save template"), self.tr("Template name:"))
        if ok:
            self.save_as(name)

    def _ask_rename(self) -> None:
        template = self.selected()
        if template is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename template"), self.tr("New name:"), text=template.name
        )
        if ok:
            self.rename_selected(name)

    def _ask_delete(self) -> None:
        template = self.selected()
        if template is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”?").format(name=template.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_selected()
