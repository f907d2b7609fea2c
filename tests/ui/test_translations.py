"""Translations: the catalogues load and switch live, and every text of the window is French
in French (the walk) and the source English in English.

The walk builds the real MainWindow on a temporary SQLite database holding demo data, visits
every widget of the window and of every tab, every menu action (submenus included), opens the
dialog behind each menu action and each "…" button of the tabs and the results view of a
finished campaign, and collects each text a person can read there. A text passes when it is a
translation from the catalogue (placeholders and %n standing for any value) or data (numbers,
dates, phone numbers, names stored in the database, the app's name).
"""

from __future__ import annotations

import ast
import logging
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)
from sqlalchemy import select

from smsdesk import assets
from smsdesk.app import Services
from smsdesk.db.models import Campaign, Incoming, Message, RecipientList, Template
from smsdesk.domain.delivery import CampaignStatus
from smsdesk.domain.operators import OPERATOR_NAMES
from smsdesk.providers.base import IncomingSms
from smsdesk.providers.registry import PROVIDER_NAMES
from smsdesk.services.campaigns import CampaignRequest
from smsdesk.ui import formats, i18n
from smsdesk.ui.main_window import MainWindow
from smsdesk.ui.preferences_dialog import region_names, zone_label

# The walk reads texts; whether window code keeps SQL off the GUI thread is each tab's own
# tests' business (the guard would fail this test for a reason that is not a translation).

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "smsdesk" / "ui"
CATALOGUES = {code: ROOT / "smsdesk" / "i18n" / f"smsdesk_{code}.ts" for code in i18n.LANGUAGES}

# Names that are no translation in any language (product and protocol names, units)
NAMES = {"smsdesk", "GSM-7", "UCS-2", "SMS", "STOP", "OVH", "SMPP", "CSV", "PNG", "vCard"}


# --- the catalogues ---------------------------------------------------------------------


def _messages(code: str) -> list[ET.Element]:
    return list(ET.parse(CATALOGUES[code]).getroot().iter("message"))


def _texts(message: ET.Element, *, source: bool) -> list[str]:
    if source:
        return [message.findtext("source") or ""]
    translation = message.find("translation")
    if translation is None:
        return []
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


_FIELD = re.compile(r"\{[^{}]*\}|%L?n|%[0-9]+")


def _pattern(text: str) -> re.Pattern[str]:
    """A catalogue text as a regex: each {placeholder}, %n and %1 is a group (any value)."""
    parts = _FIELD.split(text)
    return re.compile("(.+?)".join(re.escape(part) for part in parts), re.DOTALL)


def _plain(text: str) -> str:
    """What a person reads: no mnemonic '&', no trailing ellipsis (QAction's tooltips drop
    both), spaces as spaces."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = re.sub(r"(…|\.\.\.)$", "", text.strip())
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


_LETTER = re.compile(r"[A-Za-zÀ-ÿœŒ]")
_DATA = re.compile(r"[^A-Za-zÀ-ÿœŒ]*")  # no letter: counts, dates, times, phone numbers
# data that has letters: merge fields ({name}), identifiers (ovh-eu, sms-xx00000-1), sender
# IDs (MAIRIE), Qt's progress format (%p%)
_DATA_WORD = re.compile(
    r"\{\w+\}|[a-z0-9]+(?:-[a-z0-9]+)+|[A-Z0-9]{2,11}|%[pvm]%?|[a-z0-9-]+(?:\.[a-z0-9-]+)+"
)


@dataclass
class Catalogue:
    exact: set[str]
    patterns: list[re.Pattern[str]]
    # templates whose fixed text has no letter ("{field} :"): one value at least must be a
    # translation itself (the others data), or they would pass anything
    bare: list[re.Pattern[str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # data from the database

    @classmethod
    def of(cls, code: str, *, source: bool) -> Catalogue:
        texts = {_plain(t) for m in _messages(code) for t in _texts(m, source=source) if t}
        with_fields = [t for t in texts if _FIELD.search(t)]
        lettered = [t for t in with_fields if _LETTER.search(_FIELD.sub("", t))]
        bare = [t for t in with_fields if t not in lettered and _FIELD.sub("", t).strip()]
        return cls(texts, [_pattern(t) for t in sorted(lettered)], [_pattern(t) for t in bare])

    def knows(self, text: str, depth: int = 0) -> bool:
        """A translation, placeholders filled with data or with other translations; a rich
        text is read block by block, and facts joined by " · " or ", " one by one."""
        plain = _plain(text)
        if plain in self.exact:
            return True
        if depth > 2:
            return False
        if "<" in text and re.search(r"<[a-zA-Z/][^>]*>", text) and depth == 0:
            blocks = [b for b in re.split(r"<[^>]+>", text) if _plain(b)]
            if all(self.knows(b, depth + 1) or is_data(b, self.names) for b in blocks):
                return True
        for pattern in self.patterns:
            match = pattern.fullmatch(plain)
            if match and all(
                is_data(value, self.names) or self.knows(value, depth + 1)
                for value in match.groups()
            ):
                return True
        for pattern in self.bare:
            match = pattern.fullmatch(plain)
            if not match:
                continue
            known = [self.knows(value, depth + 1) for value in match.groups()]
            if any(known) and all(
                k or is_data(v, self.names) for k, v in zip(known, match.groups(), strict=True)
            ):
                return True
        for joint in (" · ", ", "):
            if joint in plain:
                pieces = plain.split(joint)
                if all(self.knows(p, depth + 1) or is_data(p, self.names) for p in pieces):
                    return True
        return False


def is_data(text: str, names: set[str]) -> bool:
    plain = _plain(re.sub(r"<[^>]+>", " ", text))
    if _DATA.fullmatch(plain) or plain in names or plain in NAMES:
        return True
    # "smsdesk 0.1.0", "#1 Démo 1", "GSM-7 · UCS-2": names and figures only
    if _only_data_words(plain):
        return True
    for name in sorted(names, key=len, reverse=True):
        if name and name in plain:
            plain = plain.replace(name, " ")
    return _only_data_words(plain)


def _only_data_words(text: str) -> bool:
    # a lone letter is data too: the characters a message editor names ("à cause de : ê")
    return all(
        w in NAMES
        or len(w) == 1
        or "/" in w  # a path or a URL
        or _DATA.fullmatch(w)
        or _DATA_WORD.fullmatch(w)
        for w in text.split()
    )


# --- collecting the texts ---------------------------------------------------------------


@dataclass
class Seen:
    texts: dict[str, str] = field(default_factory=dict)  # text -> where it was seen

    def add(self, text: str | None, where: str) -> None:
        if text and text.strip():
            self.texts.setdefault(text, where)


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _owner(widget: QWidget) -> str:
    """The smsdesk class the widget belongs to (the file to fix), e.g. "HistoryTab"."""
    current: QWidget | None = widget
    while current is not None:
        if type(current).__module__.startswith("smsdesk."):
            return type(current).__name__
        current = current.parentWidget()
    return type(widget.window()).__name__


def _walk_actions(actions: list[QAction], where: str, seen: Seen) -> None:
    for action in actions:
        if action.isSeparator():
            continue
        seen.add(action.text(), f"{where} action")
        if action.toolTip() != _plain(action.text()):
            seen.add(action.toolTip(), f"{where} action tooltip")
        seen.add(action.statusTip(), f"{where} action status tip")
        menu = action.menu()
        if isinstance(menu, QMenu):
            seen.add(menu.title(), f"{where} submenu")
            _walk_actions(menu.actions(), f"{where} > {_plain(action.text())}", seen)


def walk(top: QWidget, seen: Seen) -> None:
    """Every text a person can read in `top` and its children."""
    where = _name(top)
    seen.add(top.windowTitle(), f"{where} window title")
    for widget in [top, *top.findChildren(QWidget)]:
        at = f"{_owner(widget)}/{_name(widget)}"
        seen.add(widget.toolTip(), f"{at} tooltip")
        seen.add(widget.statusTip(), f"{at} status tip")
        seen.add(widget.whatsThis(), f"{at} what's this")
        _walk_actions(widget.actions(), at, seen)
        if isinstance(widget, QLabel):
            seen.add(widget.text(), f"{at} label")
        elif isinstance(widget, QAbstractButton):
            box = widget.parent()
            standard = isinstance(box, QDialogButtonBox) and box.standardButton(widget)
            if not standard:  # Qt's own catalogue names standard buttons
                seen.add(widget.text(), f"{at} button")
            if isinstance(widget, QPushButton | QToolButton) and widget.menu() is not None:
                _walk_actions(widget.menu().actions(), f"{at} menu", seen)
        elif isinstance(widget, QGroupBox):
            seen.add(widget.title(), f"{at} group")
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                seen.add(widget.tabText(i), f"{at} tab")
                seen.add(widget.tabToolTip(i), f"{at} tab tooltip")
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            seen.add(widget.placeholderText(), f"{at} placeholder")
        elif isinstance(widget, QComboBox):
            seen.add(widget.placeholderText(), f"{at} placeholder")
            for i in range(widget.count()):
                seen.add(widget.itemText(i), f"{at} item")
        elif isinstance(widget, QProgressBar):
            seen.add(widget.format(), f"{at} progress format")
        elif isinstance(widget, QAbstractSpinBox):
            seen.add(widget.specialValueText(), f"{at} special value")
            if isinstance(widget, QSpinBox):
                seen.add(widget.prefix(), f"{at} prefix")
                seen.add(widget.suffix(), f"{at} suffix")
        elif isinstance(widget, QMenu):
            seen.add(widget.title(), f"{at} menu")
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and header.model() is not None:
            model = header.model()
            for column in range(header.count()):
                if header.isSectionHidden(column):
                    continue
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    seen.add(value if isinstance(value, str) else None, f"{at} header")


def _new_windows(before: set[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]


def _close(window: QWidget) -> None:
    if isinstance(window, QDialog):
        window.reject()
    window.close()


SETTLE_SECONDS = 0.4  # a dialog's worker-loaded texts arrive within this (loopback, SQLite)


def open_and_walk(qtbot, trigger: Callable[[], object], seen: Seen, where: str) -> int:
    """Run `trigger`, walk and close every window it opens once its content has arrived (a
    blocking exec() one from inside its own event loop); the number of windows seen."""
    before = set(QApplication.topLevelWidgets())
    appeared: dict[QWidget, float] = {}
    done: list[QWidget] = []

    def sweep(*, final: bool = False) -> None:
        for window in _new_windows(before):
            if window in done:
                continue
            first = appeared.setdefault(window, time.monotonic())
            if not final and time.monotonic() - first < SETTLE_SECONDS:
                continue
            done.append(window)
            if isinstance(window, QFileDialog):  # Qt's own dialog: only its title is ours
                seen.add(window.windowTitle(), f"{where} file dialog title")
            else:
                walk(window, seen)
            _close(window)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(sweep)
    timer.start()
    try:
        trigger()
        # dialogs shown with open() or show() appear once the trigger has returned
        qtbot.wait(50)
        if _new_windows(before):
            qtbot.wait(int(SETTLE_SECONDS * 1000))
        sweep(final=True)
    finally:
        timer.stop()
    return len(done)


def _menu_actions(actions: list[QAction]) -> Iterator[QAction]:
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_actions(menu.actions())
        elif not action.isSeparator():
            yield action


# --- the window on demo data ---------------------------------------------------------------


@pytest.fixture
def demo(services: Services) -> Services:
    """Something in every tab: finished campaigns of the past year, one planned for later,
    a list with a contact, a template and a reply."""
    services.demo.seed(300)
    services.campaigns.create(
        CampaignRequest(
            body="Réunion publique jeudi à 18h, salle des fêtes.",
            receivers=["06 12 34 56 78", "07 81 22 33 44"],
            scheduled_at=datetime.now(UTC) + timedelta(days=3),
            name="Réunion publique",
        )
    )
    clients = services.recipients.create_list("Clients")
    services.recipients.add_contact(clients.id, "06 98 76 54 32", name="Camille Martin")
    services.templates.save("Rappel", "Rappel : votre rendez-vous demain.")
    services.replies.record(
        "simulator",
        [IncomingSms("walk-1", "+33612345678", "Merci, bien reçu", datetime.now(UTC))],
    )
    return services


def _stored_names(services: Services) -> set[str]:
    """What the database holds that the window may show verbatim (names, senders, bodies)."""
    columns = (
        Campaign.name,
        Campaign.sender,
        Campaign.body,
        Campaign.tag,
        Message.sender,
        RecipientList.name,
        Template.name,
        Incoming.body,
    )
    names: set[str] = set()
    with services.sessions() as session:
        for column in columns:
            values = session.scalars(select(column).distinct())
            names.update(_plain(str(value)) for value in values if value)
    return names | set(PROVIDER_NAMES) | _world_names()


def _world_names() -> set[str]:
    """Names the window takes from Qt, phonenumbers and the zone database, not from us:
    countries, time zones, days of the week."""
    import zoneinfo

    names = {_plain(zone_label(zone)) for zone in zoneinfo.available_timezones()}
    names.update(i18n.LANGUAGES.values())  # each language by its own name
    names.update(OPERATOR_NAMES.values())  # Orange, SFR, Bouygues Telecom, Free Mobile
    for language in ("fr", "en"):
        names.update(_plain(name) for _code, name in region_names(language))
        locale = QLocale(language)
        for day in range(1, 8):
            for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
                names.add(locale.dayName(day, form))
                names.add(locale.standaloneDayName(day, form))
    return names


def _open_each_dialog(qtbot, tab: QWidget, seen: Seen, where: str) -> None:
    """Clicks each visible "…" button of `tab` and triggers each "…" action of its tables
    (context menus), walking the dialog that opens."""
    for button in tab.findChildren(QPushButton):
        if button.text().endswith("…") and button.isEnabled() and button.isVisible():
            open_and_walk(qtbot, button.click, seen, f"{where} {button.text()}")
    for view in tab.findChildren(QTableView):
        for action in view.actions():
            if action.text().endswith("…") and action.isEnabled() and view.isVisible():
                open_and_walk(qtbot, action.trigger, seen, f"{where} {action.text()}")


class KeepOpen(QObject):
    """Refuses the window's close while the walk triggers every menu action (Quit too)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        return False


def walk_window(qtbot, services: Services, language: str) -> tuple[Seen, set[str]]:
    i18n.apply_language(language)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen = Seen()
    keep_open = KeepOpen(window)
    try:
        tabs = window.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
        walk(window, seen)
        _walk_actions(window.menuBar().actions(), "menu bar", seen)
        # the log and the data folder open in the desktop's file manager, not in a dialog
        outside = {window.open_log_action, window.open_data_action}
        for action in _menu_actions(window.menuBar().actions()):
            if action.isEnabled() and action not in outside:
                open_and_walk(qtbot, action.trigger, seen, f"menu {_plain(action.text())}")
        assert window.isVisible()
        # the dialogs behind the tabs' "…" buttons (with a number and a message typed, the
        # Send tab's confirmation opens)
        window.send_tab.recipients.setPlainText("06 12 34 56 78")
        window.send_tab.message.setPlainText("Bonjour")
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            tab = tabs.widget(index)
            qtbot.wait(200)  # the tab's rows come from a worker
            for view in tab.findChildren(QTableView):  # buttons that need a selected row
                if view.model() is not None and view.model().rowCount() > 0:
                    view.selectRow(0)
            qtbot.wait(100)
            _open_each_dialog(qtbot, tab, seen, f"tab {index}")
            for pages in tab.findChildren(QTabWidget):  # the Contacts tab's stop list, for one
                for page in range(pages.count()):
                    pages.setCurrentIndex(page)
                    _open_each_dialog(qtbot, pages.widget(page), seen, f"tab {index}.{page}")
            walk(tab, seen)
        campaigns = [c for c in services.campaigns.list() if c.status == CampaignStatus.DONE]
        assert campaigns, "the demo data has finished campaigns"
        results = window.open_results(campaigns[0].id)
        qtbot.waitExposed(results)
        qtbot.wait(int(SETTLE_SECONDS * 1000))
        walk(results, seen)
        results.close()
        seen.add(window.statusBar().currentMessage(), "status bar")
    finally:
        window.removeEventFilter(keep_open)
        window.shutdown()
        window.close()
    return seen, _stored_names(services)


def _untranslated(seen: Seen, catalogue: Catalogue, names: set[str]) -> list[str]:
    catalogue.names = names
    return sorted(
        f"{where}: {text!r}"
        for text, where in seen.texts.items()
        if not catalogue.knows(text) and not is_data(text, names)
    )


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_text_of_the_window_is_french(qtbot, demo: Services, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    seen, names = walk_window(qtbot, demo, "fr")
    assert len(seen.texts) > 50  # the walk did see the window
    untranslated = _untranslated(seen, Catalogue.of("fr", source=False), names)
    assert not untranslated, "not in the French catalogue:\n" + "\n".join(untranslated)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_text_of_the_window_is_english_in_english(qtbot, demo: Services, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    seen, names = walk_window(qtbot, demo, "en")
    # the English catalogue: each source, and the English forms of its plurals
    english = Catalogue.of("en", source=False)
    sources = Catalogue.of("en", source=True)
    english.exact |= sources.exact
    english.patterns += sources.patterns
    offending = _untranslated(seen, english, names)
    assert not offending, "not an English source string:\n" + "\n".join(offending)


# --- the catalogues themselves --------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_no_unfinished_entry(code: str):
    text = CATALOGUES[code].read_text(encoding="utf-8")
    unfinished = [
        m.findtext("source")
        for m in _messages(code)
        if (t := m.find("translation")) is None or t.get("type") in {"unfinished", "vanished"}
    ]
    assert unfinished == []
    assert 'type="obsolete"' not in text


def test_french_typography():
    """Espace insécable before « : ; ! ? », « guillemets », typographic apostrophes, and the
    same placeholders as the source."""
    wrong: list[str] = []
    for message in _messages("fr"):
        source = message.findtext("source") or ""
        for text in _texts(message, source=False):
            bare = re.sub(r"\{[^{}]*\}", "{}", text)
            if re.search(r"[^\u00a0\u202f][:;!?](\s|$)", bare) and "://" not in bare:
                wrong.append(f"no non-breaking space before punctuation: {text!r}")
            # a text about the characters themselves (the typographic replacements) names them
            if re.search(r"[\"“”]|'", bare) and not re.search(r"[\"“”]", source):
                wrong.append(f"straight or English quotes: {text!r}")
            if re.search(r"«[^\u00a0\u202f]|[^\u00a0\u202f]»", bare):
                wrong.append(f"guillemets without non-breaking spaces: {text!r}")
            fields = sorted(f.split("!")[0] for f in re.findall(r"\{([^{}]*)\}", text))
            wanted = sorted(f.split("!")[0] for f in re.findall(r"\{([^{}]*)\}", source))
            if fields != wanted:
                wrong.append(f"placeholders {fields} instead of {wanted}: {text!r}")
            if ("%n" in source or "%Ln" in source) != ("%n" in text or "%Ln" in text):
                wrong.append(f"%n lost or added: {text!r}")
    assert wrong == []


def test_french_plurals_have_two_forms_singular_for_zero():
    for message in _messages("fr"):
        if message.get("numerus") == "yes":
            forms = _texts(message, source=False)
            assert len(forms) == 2 and all("%n" in f or "%Ln" in f for f in forms), forms


def _tr_calls(tree: ast.AST) -> Iterator[tuple[int, ast.expr | None, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "tr" and node.args:
            yield node.lineno, node.args[0], "tr"
        elif name == "translate" and isinstance(func, ast.Attribute) and len(node.args) >= 2:
            owner = func.value
            if getattr(owner, "id", getattr(owner, "attr", "")) in {
                "QCoreApplication",
                "QApplication",
            }:
                yield node.lineno, node.args[0], "context"
                yield node.lineno, node.args[1], "translate"


def test_every_translate_call_has_literal_strings():
    """lupdate reads the source: a variable, an f-string or a concatenation is never extracted
    (and `tr = QCoreApplication.translate` aliases are not seen at all)."""
    wrong = []
    for path in sorted(UI.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        # a module that marks its strings with QT_TRANSLATE_NOOP translates them by variable
        marks = "QT_TRANSLATE_NOOP(" in source or "spec_text" in source
        for line, arg, kind in _tr_calls(tree):
            if marks and not isinstance(arg, ast.JoinedStr | ast.BinOp):
                continue
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                wrong.append(f"{path.name}:{line}: {kind}() of {ast.unparse(arg) if arg else ''}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr in {"tr", "translate"}
            ):
                wrong.append(f"{path.name}:{node.lineno}: an alias of {node.value.attr}")
    assert wrong == []


def test_lupdate_extracts_every_literal_text():
    """lupdate's Python reader silently skips some calls (a translate() whose count is an
    attribute, `info.length`): every literal text of a tr()/translate()/QT_TRANSLATE_NOOP
    call must be in the catalogue under its context (the class, for self.tr)."""
    known = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(CATALOGUES["fr"]).getroot().iter("context")
        for message in context.iter("message")
    }
    missing: list[str] = []

    def visit(node: ast.AST, cls: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            owner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = [a.value if isinstance(a, ast.Constant) else None for a in child.args]
                key = None
                if name == "tr" and args and isinstance(args[0], str):
                    key = (cls, args[0])
                elif (
                    name in {"translate", "QT_TRANSLATE_NOOP"}
                    and len(args) >= 2
                    and isinstance(args[0], str)
                    and isinstance(args[1], str)
                ):
                    key = (args[0], args[1])
                if key is not None and key not in known:
                    missing.append(f"{path.name}:{child.lineno}: {key}")
            visit(child, owner, path)

    for path in sorted([*UI.glob("*.py"), *(UI.parent / "providers").glob("*.py")]):
        visit(ast.parse(path.read_text(encoding="utf-8")), None, path)
    assert missing == [], "run `make translations-update`, or lupdate cannot read these calls"


# --- loading and switching -------------------------------------------------------------------


class Probe(QLabel):
    """A widget following the retranslation contract, with a text from the catalogue."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("ResultsDialog", "Delivered"))
        self.setToolTip(formats.count(1234567))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@pytest.fixture
def restore_language() -> Iterator[None]:
    yield
    i18n.apply_language("fr")


def test_switching_language_retranslates_live_widgets(qtbot, restore_language):
    i18n.apply_language("fr")
    probe = Probe()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(probe)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (probe.text(), probe.toolTip()) == ("Délivré", "1\u202f234\u202f567")
    assert _plain(cancel.text()) == "Annuler"  # Qt's own catalogue
    assert i18n.current_language() == "fr"

    assert i18n.apply_language("en") == "en"
    qtbot.waitUntil(lambda: probe.text() == "Delivered")
    assert probe.toolTip() == "1,234,567"
    qtbot.waitUntil(lambda: _plain(cancel.text()) == "Cancel")
    assert i18n.current_language() == "en"

    i18n.apply_language("fr")
    qtbot.waitUntil(lambda: probe.text() == "Délivré")
    assert probe.toolTip() == "1\u202f234\u202f567"


def _with_number(text: str, n: int) -> str:
    """What Qt makes of a %n / %Ln text for n (%Ln: the locale's digits, "1 234")."""
    return text.replace("%Ln", QLocale().toString(n)).replace("%n", str(n))


def test_english_catalogue_gives_english_plurals(qapp, restore_language):
    i18n.apply_language("en")
    assert QCoreApplication.translate("formats", "{seconds} s") == "{seconds} s"
    plural = [m for m in _messages("en") if m.get("numerus") == "yes"]
    for message in plural:  # every %n source has its English forms in the catalogue
        one, many = _texts(message, source=False)
        source = message.findtext("source") or ""
        context = _context_of(message)
        assert QCoreApplication.translate(context, source, "", 1) == _with_number(one, 1)
        assert QCoreApplication.translate(context, source, "", 3) == _with_number(many, 3)


def _context_of(message: ET.Element) -> str:
    for context in ET.parse(CATALOGUES["en"]).getroot().iter("context"):
        if message.findtext("source") in [m.findtext("source") for m in context.iter("message")]:
            return context.findtext("name") or ""
    return ""


def test_french_zero_is_singular(qapp, restore_language):
    i18n.apply_language("fr")
    plural = [m for m in _messages("fr") if m.get("numerus") == "yes"]
    for message in plural:
        one, many = _texts(message, source=False)
        source = message.findtext("source") or ""
        context = _context_of(message)
        assert QCoreApplication.translate(context, source, "", 0) == _with_number(one, 0)
        assert QCoreApplication.translate(context, source, "", 2) == _with_number(many, 2)


def test_a_missing_catalogue_leaves_source_strings_and_logs_once(
    qtbot, monkeypatch, tmp_path, caplog, restore_language
):
    monkeypatch.setattr(assets, "TRANSLATIONS_DIR", tmp_path / "no-catalogues")
    monkeypatch.setattr(i18n, "_reported_missing", set())
    caplog.set_level(logging.WARNING, logger="smsdesk.ui.i18n")
    probe = Probe()
    qtbot.addWidget(probe)
    for _ in range(3):
        assert i18n.apply_language("fr") == "fr"
    qtbot.waitUntil(lambda: probe.text() == "Delivered")  # the source string
    warnings = [r.getMessage() for r in caplog.records if "smsdesk_fr.qm" in r.getMessage()]
    assert len(warnings) == 1
    assert "missing" in warnings[0]
    # Qt's own catalogue still loads: its buttons are French
    box = QMessageBox(QMessageBox.Icon.Question, "smsdesk", "?", QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert _plain(box.button(QMessageBox.StandardButton.No).text()) == "Non"


def test_the_catalogues_are_built_and_found_through_assets():
    for code in i18n.LANGUAGES:
        built = assets.translation_path(f"smsdesk_{code}.qm")
        assert built.is_file(), "run `make translations`"
        assert built.stat().st_mtime >= CATALOGUES[code].stat().st_mtime, "stale .qm"
    assert any((d / "qtbase_fr.qm").is_file() for d in i18n.qt_translations_dirs())
