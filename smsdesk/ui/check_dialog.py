"""What the networks said about each number of a list (the operator check): its
operator by name and whether it can be reached. The unreachable ones come ticked; the
user chooses what is removed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.phone import operator_name
from smsdesk.services.number_check import NumberCheck
from smsdesk.ui import formats
from smsdesk.ui.i18n import Retranslating


class CheckResultsDialog(Retranslating, QDialog):
    """Accepted: `ticked()` are the numbers to remove."""

    COL_REMOVE, COL_NUMBER, COL_NAME, COL_OPERATOR, COL_STATE = range(5)

    def __init__(
        self,
        list_name: str,
        answers: Sequence[NumberCheck],
        names: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._list_name = list_name
        self._names = dict(names or {})
        self.resize(640, 480)
        self._answers = list(answers)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(len(answers), 5)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            self.COL_STATE, QHeaderView.ResizeMode.Stretch
        )
        for row, answer in enumerate(answers):
            bad = not (answer.valid and answer.reachable)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked if bad else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.COL_REMOVE, tick)
            number = QTableWidgetItem(formats.phone(answer.e164))
            number.setToolTip(answer.e164)
            self.table.setItem(row, self.COL_NUMBER, number)
            name = self._names.get(answer.e164, "")
            self.table.setItem(row, self.COL_NAME, QTableWidgetItem(name))
            self.table.setItem(row, self.COL_OPERATOR, QTableWidgetItem())
            self.table.setItem(row, self.COL_STATE, QTableWidgetItem())
        self.buttons = QDialogButtonBox()
        self.remove_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Check with the networks: “{list}”").format(list=self._list_name)
        )
        answers = self._answers
        unreachable = sum(1 for a in answers if not (a.valid and a.reachable))
        self.summary_label.setText(
            self.tr(
                "%n number(s) answered: {reachable} reachable, {unreachable} unreachable. "
                "The ticked numbers are removed from the list.",
                "",
                len(answers),
            ).format(
                reachable=formats.count(len(answers) - unreachable),
                unreachable=formats.count(unreachable),
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Remove"),
                self.tr("Number"),
                self.tr("Name"),
                self.tr("Operator"),
                self.tr("Reachable"),
            ]
        )
        for row, answer in enumerate(answers):
            operator = operator_name(answer.operator_code, answer.e164) or self.tr("unknown")
            if answer.ported:
                operator = self.tr("{operator} (ported)").format(operator=operator)
            if answer.operator_code:
                operator_item = self.table.item(row, self.COL_OPERATOR)
                if operator_item is not None:
                    operator_item.setToolTip(answer.operator_code)  # MCC-MNC
            if not answer.valid:
                state = self.tr("no: no such number")
            elif not answer.reachable:
                state = self.tr("no: switched off or out of service")
            else:
                state = self.tr("yes")
            for column, text in ((self.COL_OPERATOR, operator), (self.COL_STATE, state)):
                item = self.table.item(row, column)
                if item is not None:
                    item.setText(text)
        self.table.resizeColumnsToContents()
        self.remove_button.setText(self.tr("&Remove the ticked numbers"))
        self.keep_button.setText(self.tr("&Keep them all"))

    def set_ticked(self, row: int, ticked: bool) -> None:
        item = self.table.item(row, self.COL_REMOVE)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[str]:
        ticked = []
        for row, answer in enumerate(self._answers):
            item = self.table.item(row, self.COL_REMOVE)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ticked.append(answer.e164)
        return ticked
