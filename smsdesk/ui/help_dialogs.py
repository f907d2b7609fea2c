"""The Help menu's windows: keyboard shortcuts, endings of test numbers, About."""

from __future__ import annotations

import platform
from collections.abc import Sequence

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
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

from smsdesk import __version__
from smsdesk.ui.i18n import Retranslating
from smsdesk.ui.words import QT_TRANSLATE_NOOP


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


# (ending, outcome) of the simulator's test numbers: the README's table, in its order
# (tests/ui/test_main_window.py checks it against the simulator itself)
ENDINGS: tuple[tuple[str, str], ...] = (
    ("0005", QT_TRANSLATE_NOOP("HelpDialogs", "Undelivered (error 5)")),
    (
        "0008",
        QT_TRANSLATE_NOOP("HelpDialogs", "Expired: no delivery within its validity (error 8)"),
    ),
    ("0020", QT_TRANSLATE_NOOP("HelpDialogs", "Refused at submission")),
    ("0023", QT_TRANSLATE_NOOP("HelpDialogs", "Invalid or barred number (error 23)")),
    ("0024", QT_TRANSLATE_NOOP("HelpDialogs", "Absent subscriber (error 24)")),
    ("0026", QT_TRANSLATE_NOOP("HelpDialogs", "Temporary phone error (error 26)")),
    (
        "0042",
        QT_TRANSLATE_NOOP(
            "HelpDialogs", "Delivered, then answers “STOP” a second later (goes on the stop list)"
        ),
    ),
    ("0043", QT_TRANSLATE_NOOP("HelpDialogs", "Delivered, then answers “Oui, merci !”")),
)


def _keys(portable: str) -> str:
    """A key sequence in the platform's and the language's words (Ctrl+Entrée, ⌘Q…)."""
    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)


def quit_keys() -> QKeySequence:
    """The platform's Quit keys; Ctrl+Q where the platform names none (some Linux desktops)."""
    bindings = [
        k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if not k.isEmpty()
    ]
    return bindings[0] if bindings else QKeySequence("Ctrl+Q")


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do), translated."""
    return [
        (_keys("Ctrl+Return"), QCoreApplication.translate("HelpDialogs", "Send (Send tab)")),
        (_keys("Ctrl+F"), QCoreApplication.translate("HelpDialogs", "Go to the filter (History)")),
        (
            QCoreApplication.translate("HelpDialogs", "{enter} or double-click").format(
                enter=_keys("Return")
            ),
            QCoreApplication.translate(
                "HelpDialogs", "Details of a message (History), results of a campaign (Scheduled)"
            ),
        ),
        (
            _keys("Del"),
            QCoreApplication.translate("HelpDialogs", "Delete the selected messages (History)"),
        ),
        (
            _keys("Ctrl+R"),
            QCoreApplication.translate(
                "HelpDialogs", "Resume the paused campaigns selected (Scheduled)"
            ),
        ),
        (_keys("F5"), QCoreApplication.translate("HelpDialogs", "Read everything shown again")),
        (
            QCoreApplication.translate("HelpDialogs", "{alt} and the underlined letter").format(
                alt=_keys("Alt")
            ),
            QCoreApplication.translate("HelpDialogs", "Go to a tab, a button or a menu"),
        ),
        (
            quit_keys().toString(QKeySequence.SequenceFormat.NativeText),
            QCoreApplication.translate("HelpDialogs", "Quit"),
        ),
    ]


class _TableDialog(Retranslating, QDialog):
    """A title line and a two-column read-only table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: no current-cell frame
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 470)

    def fill(self, rows: Sequence[tuple[str, str]], headers: tuple[str, str]) -> None:
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setRowCount(len(rows))
        for row, (left, right) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(left))
            self.table.setItem(row, 1, QTableWidgetItem(right))

    def retranslate(self) -> None:
        raise NotImplementedError


class ShortcutsDialog(_TableDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(self.tr("Everything in smsdesk can be done from the keyboard."))
        self.fill(shortcuts(), (self.tr("Keys"), self.tr("Action")))


class EndingsDialog(_TableDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Endings of test numbers"))
        self.intro.setText(
            self.tr(
                "With the simulator (the gateway until you connect OVH or SMPP), the outcome "
                "of a message depends on the last four digits of the number. Any other ending "
                "is delivered. Example: 06\u00a012\u00a034\u00a000\u00a005 is undelivered."
            )
        )
        rows = [(ending, _tr(outcome)) for ending, outcome in ENDINGS]
        rows.append((self.tr("anything else"), self.tr("Delivered")))
        self.fill(rows, (self.tr("Number ends with"), self.tr("Outcome")))


class AboutDialog(Retranslating, QDialog):
    """Version, what it runs on, where the data is, and the licences."""

    def __init__(self, database: str, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._data_folder = data_folder
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(540, 340)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About smsdesk"))
        from html import escape

        self.text.setText(
            self.tr(
                "<h3>smsdesk {version}</h3>"
                "<p>Bulk SMS campaigns from your desktop.</p>"
                "<p>Database: {database}<br>Data folder: {folder}</p>"
                "<p>smsdesk is free software under the MIT licence.</p>"
                "<p>It uses Qt {qt} through PySide6 {pyside} (LGPLv3), SQLAlchemy and alembic "
                "(MIT), phonenumbers (Apache 2.0), holidays (MIT), platformdirs (MIT), keyring "
                "(MIT), charset-normalizer (MIT), ovh (BSD), smpplib (LGPLv3), python-calamine "
                "(MIT) and vobject (Apache 2.0), on Python {python}.</p>"
            ).format(
                version=escape(__version__),
                database=escape(self._database),
                folder=escape(self._data_folder),
                qt=escape(qVersion()),
                pyside=escape(pyside_version),
                python=escape(platform.python_version()),
            )
        )
