from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event
from sqlalchemy.engine import Engine


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` as key events, accents and typographic characters included
    (qtbot.keyClicks handles ASCII only)."""
    widget.setFocus()
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def typist() -> Callable[[QWidget, str], None]:
    return type_text


UI_FOLDER = str(Path(__file__).resolve().parents[2] / "smsdesk" / "ui")


def _ui_caller() -> str | None:
    """The innermost smsdesk/ui frame on the stack, as "file:line function", if any."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(UI_FOLDER):
            name = Path(frame.f_code.co_filename).name
            return f"{name}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def no_database_on_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test in which window code runs SQL on the GUI thread (the window never waits
    for the database). Test code itself may set data up on the main thread; a module not yet
    converted opts out with `pytestmark = pytest.mark.gui_db_allowed`."""
    if request.node.get_closest_marker("gui_db_allowed"):
        yield
        return
    gui_thread = threading.main_thread()
    offences: list[str] = []
    # files of other tabs still being converted (`gui_db_allowed_in("send_tab.py")`)
    marker = request.node.get_closest_marker("gui_db_allowed_in")
    tolerated = set(marker.args) if marker else set()

    def before_execute(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if threading.current_thread() is gui_thread:
            caller = _ui_caller()
            if caller is not None and caller.split(":")[0] not in tolerated:
                offences.append(f"{caller}: {statement.split(chr(10))[0][:80]}")

    event.listen(Engine, "before_cursor_execute", before_execute)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", before_execute)
    if offences:
        unique = list(dict.fromkeys(offences))
        pytest.fail(
            "SQL ran on the GUI thread from window code:\n  " + "\n  ".join(unique[:10]),
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def untranslated_afterwards() -> Iterator[None]:
    """Tests read the source strings unless they choose a language: leave no translator and
    the locale as found, whatever a test (or Preferences it saved) applied."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from smsdesk.ui import i18n

    locale = QLocale()
    yield
    while i18n._installed:
        QCoreApplication.removeTranslator(i18n._installed.pop())
    i18n._current = ""
    QLocale.setDefault(locale)
