"""The first-run panel: what the simulator is, how to try failures, where to connect a real
gateway. Shown above the tabs until dismissed; Help > Getting started shows it again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smsdesk.ui import appearance

INFO_TEXT = ("#0b3a66", "#cfe5ff")
INFO_BACKGROUND = ("#e8f1fb", "#17324d")


class FirstRunPanel(QFrame):
    """Two sentences and two buttons; `dismissed` when closed, `preferences_requested` when
    the person asks where to connect OVH or SMPP, `endings_requested` for the table."""

    dismissed = Signal()
    preferences_requested = Signal()
    endings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("first_run_title")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.endings_button = QPushButton()
        self.endings_button.clicked.connect(self.endings_requested)
        self.preferences_button = QPushButton()
        self.preferences_button.clicked.connect(self.preferences_requested)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self._dismiss)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.body)
        buttons = QVBoxLayout()
        for button in (self.endings_button, self.preferences_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        self._style()
        self.retranslate()

    def _style(self) -> None:
        # setStyleSheet sends PaletteChange itself: restyle only when the scheme flips
        dark = appearance.is_dark()
        if getattr(self, "_styled_dark", None) == dark:
            return
        self._styled_dark = dark
        self.setStyleSheet(
            f"QFrame#first_run {{ background: {appearance.colour(INFO_BACKGROUND)}; "
            f"border-radius: 6px; }} "
            f"QFrame#first_run QLabel {{ color: {appearance.colour(INFO_TEXT)}; }} "
            "QLabel#first_run_title { font-weight: bold; }"
        )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to smsdesk"))
        self.body.setText(
            self.tr(
                "Until you connect a real gateway, your messages go to the built-in simulator: "
                "nothing leaves this computer, and delivery reports come back a couple of "
                "seconds later, as from a real gateway. To try failures, send to numbers ending "
                "in 0005 (undelivered), 0008 (expired), 0020 (refused), 0023 (invalid), 0024 "
                "(absent), 0026 (phone error), 0042 (answers STOP) or 0043 (answers “Oui, "
                "merci !”); to send for real, connect OVH or an SMPP server in File > "
                "Preferences."
            )
        )
        self.endings_button.setText(self.tr("&Test numbers…"))
        self.endings_button.setToolTip(self.tr("Every ending of test numbers and its outcome"))
        self.preferences_button.setText(self.tr("Connect a &gateway…"))
        self.preferences_button.setToolTip(
            self.tr("Open Preferences to connect OVH or an SMPP server")
        )
        self.dismiss_button.setText(self.tr("&Hide"))
        self.dismiss_button.setToolTip(self.tr("Help > Getting started shows this again"))

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style()
        super().changeEvent(event)
