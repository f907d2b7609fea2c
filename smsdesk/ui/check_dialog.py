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
from smsdesk.providers.base import NumberCheck
from smsdesk.ui.table_models import readable_number


class CheckResultsDialog(QDialog):
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
        self.setWindowTitle(self.tr("Check with the networks: “{0}”").format(list_name))
        self.resize(640, 480)
        self._answers = list(answers)
        unreachable = sum(1 for a in answers if not (a.valid and a.reachable))
        self.summary_label = QLabel(
            self.tr(
                "{0} numbers answered: {1} reachable, {2} unreachable. The ticked numbers "
                "are removed from the list."
            ).format(len(answers), len(answers) - unreachable, unreachable)
        )
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(len(answers), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Remove"),
                self.tr("Number"),
                self.tr("Name"),
                self.tr("Operator"),
                self.tr("Reachable"),
            ]
        )
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
            self.table.setItem(row, self.COL_NUMBER, QTableWidgetItem(readable_number(answer.e164)))
            name = (names or {}).get(answer.e164, "")
            self.table.setItem(row, self.COL_NAME, QTableWidgetItem(name))
            operator = operator_name(answer.operator_code, answer.e164) or self.tr("unknown")
            if answer.ported:
                operator = self.tr("{0} (ported)").format(operator)
            self.table.setItem(row, self.COL_OPERATOR, QTableWidgetItem(operator))
            if not answer.valid:
                state = self.tr("no: no such number")
            elif not answer.reachable:
                state = self.tr("no: switched off or out of service")
            else:
                state = self.tr("yes")
            self.table.setItem(row, self.COL_STATE, QTableWidgetItem(state))
        self.table.resizeColumnsToContents()
        self.buttons = QDialogButtonBox()
        self.remove_button = self.buttons.addButton(
            self.tr("&Remove the ticked numbers"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.buttons.addButton(
            self.tr("&Keep them all"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def set_ticked(self, row: int, ticked: bool) -> None:
        item = self.table.item(row, self.COL_REMOVE)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[str]:
        return [
            answer.e164
            for row, answer in enumerate(self._answers)
            if self.table.item(row, self.COL_REMOVE).checkState() == Qt.CheckState.Checked
        ]
