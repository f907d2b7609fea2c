"""The message editor: live counter, the characters that force UCS-2 underlined, and one
click to replace typographic characters (accents only when asked)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from smsdesk.domain.encoding import (
    STOP_CLAUSE_LENGTH,
    Encoding,
    MessageInfo,
    message_info,
    replace_typographic,
    ucs2_positions,
)
from smsdesk.ui.i18n import Retranslating

CULPRIT_COLOUR = QColor("#b3261e")
STOP_CLAUSE_PREVIEW = "STOP au 36xxx"  # what the gateway appends (11 characters reserved)


def _char_name(char: str) -> str:
    names = {
        "\u00a0": QCoreApplication.translate("MessageEditor", "non-breaking space"),
        "\u202f": QCoreApplication.translate("MessageEditor", "narrow space"),
        "\t": QCoreApplication.translate("MessageEditor", "tab"),
    }
    return names.get(char, char)


class MessageEditor(Retranslating, QWidget):
    """A QPlainTextEdit with the counter and the UCS-2 helpers under it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commercial = False
        self._culprits: list[int] = []
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.culprits_label = QLabel()
        self.culprits_label.setStyleSheet(f"color: {CULPRIT_COLOUR.name()}")
        self.culprits_label.setWordWrap(True)
        self.fix_button = QPushButton()
        self.accents_button = QPushButton()
        self.stop_preview = QLabel()
        self.stop_preview.setStyleSheet("color: palette(mid)")

        helpers = QHBoxLayout()
        helpers.setContentsMargins(0, 0, 0, 0)
        helpers.addWidget(self.fix_button)
        helpers.addWidget(self.accents_button)
        helpers.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.stop_preview)
        layout.addWidget(self.counter)
        layout.addWidget(self.culprits_label)
        layout.addLayout(helpers)

        self.edit.textChanged.connect(self._refresh)
        self.fix_button.clicked.connect(lambda: self.replace_typographic(strip_accents=False))
        self.accents_button.clicked.connect(lambda: self.replace_typographic(strip_accents=True))
        self.edit.viewport().installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Your message. {name} or another column personalises it.")
        )
        self.edit.setToolTip(
            self.tr(
                "The text sent. Characters outside GSM-7 are underlined: they put the whole "
                "message in UCS-2 (70 characters per SMS instead of 160)"
            )
        )
        self.counter.setToolTip(self.tr("Encoding, length and SMS parts, as the gateway counts"))
        self.fix_button.setText(self.tr("Replace &typographic characters"))
        self.fix_button.setToolTip(
            self.tr(
                "’ ‘ “ ” « » … – — and special spaces become ' \" ... - and space, œ becomes "
                "oe: the message goes back to GSM-7 (160 characters per SMS)"
            )
        )
        self.accents_button.setText(self.tr("&Remove accents too"))
        self.accents_button.setToolTip(self.tr("ê â î ô û ç ë ï lose their accent (é è à ù stay)"))
        self._refresh()

    # -- API -------------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def clear(self) -> None:
        self.edit.clear()

    def set_commercial(self, commercial: bool) -> None:
        self._commercial = commercial
        self._refresh()

    def info(self) -> MessageInfo:
        return message_info(self.text(), stop_clause=self._commercial)

    def culprits(self) -> list[int]:
        """Indexes of the characters that force UCS-2."""
        return list(self._culprits)

    def insert_placeholder(self, name: str) -> None:
        self.edit.insertPlainText("{" + name + "}")
        self.edit.setFocus()

    def replace_typographic(self, *, strip_accents: bool) -> None:
        """Replace in one undoable edit, keeping the cursor near where it was."""
        text = self.text()
        fixed = replace_typographic(text, strip_accents=strip_accents)
        if fixed == text:
            return
        position = self.edit.textCursor().position()
        cursor = QTextCursor(self.edit.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(fixed)
        cursor.endEditBlock()
        cursor.setPosition(min(position, len(fixed)))
        self.edit.setTextCursor(cursor)

    # -- internals -------------------------------------------------------------------

    def _describe_count(self, info: MessageInfo) -> str:
        """The counter's words (the figures of `smsdesk message info`), facts joined by " · "."""
        facts = [
            str(info.encoding),
            self.tr("%Ln character(s)", "", info.length),
            self.tr("%Ln part(s)", "", info.segments),
            self.tr("%Ln left in this part", "", info.remaining),
        ]
        if self._commercial:
            facts.append(self.tr("STOP clause included (%Ln)", "", STOP_CLAUSE_LENGTH))
        return " · ".join(facts)

    def _refresh(self) -> None:
        text = self.text()
        info = message_info(text, stop_clause=self._commercial)
        self.counter.setText(self._describe_count(info))
        self._culprits = ucs2_positions(text) if info.encoding is Encoding.UCS2 else []
        self._underline(text)
        if self._culprits:
            chars = sorted({text[i] for i in self._culprits})
            shown = ", ".join(_char_name(c) for c in chars[:12])
            more = "…" if len(chars) > 12 else ""
            self.culprits_label.setText(
                self.tr("UCS-2 (70 characters per SMS instead of 160) because of: {chars}").format(
                    chars=shown + more
                )
            )
        else:
            self.culprits_label.setText("")
        self.culprits_label.setVisible(bool(self._culprits))  # no empty gap under the counter
        typographic = replace_typographic(text)
        self.fix_button.setEnabled(typographic != text)
        self.accents_button.setEnabled(replace_typographic(text, strip_accents=True) != typographic)
        self.stop_preview.setText(
            self.tr("…then the gateway adds: “{clause}”").format(clause=STOP_CLAUSE_PREVIEW)
            if self._commercial
            else ""
        )
        self.stop_preview.setVisible(self._commercial)
        self.changed.emit()

    def _underline(self, text: str) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._culprits:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(CULPRIT_COLOUR)
            fmt.setBackground(QColor(179, 38, 30, 40))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            # QTextCursor counts UTF-16 units: an emoji is 2 of them
            offsets = self._utf16_offsets(text)
            for index in self._culprits[:2000]:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.edit.document())
                cursor.setPosition(offsets[index])
                cursor.setPosition(offsets[index + 1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format = fmt  # type: ignore[attr-defined]
                selections.append(selection)
        self.edit.setExtraSelections(selections)

    @staticmethod
    def _utf16_offsets(text: str) -> list[int]:
        offsets = [0]
        for char in text:
            offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
        return offsets

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.edit.cursorForPosition(event.pos())
            text = self.text()
            offsets = self._utf16_offsets(text)
            unit = cursor.position()
            for index in self._culprits:
                if offsets[index] <= unit <= offsets[index + 1]:
                    char = text[index]
                    fixed = replace_typographic(char, strip_accents=True)
                    tip = (
                        self.tr(
                            "“{char}” is not in the GSM alphabet: the whole message becomes "
                            "UCS-2 (replace it with “{fixed}”)"
                        )
                        if fixed != char
                        else self.tr(
                            "“{char}” is not in the GSM alphabet: the whole message becomes UCS-2"
                        )
                    )
                    QToolTip.showText(
                        event.globalPos(),
                        tip.format(char=_char_name(char), fixed=fixed),
                        self.edit,
                    )
                    return True
            QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        self.edit.setFocus(reason)
