"""Say when the window has painted, then quit: the package test and the startup benchmark.

Two lines on stdout: "painted" at the window's first paint (the frame: menus, tab titles,
status bar), then "ready" once the tabs are built on the services and the tab shown has
painted; the app quits `seconds` after that.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from smsdesk.ui.main_window import MainWindow


def _say(line: str) -> None:
    if sys.stdout is not None:  # None in a windowed Windows build: the exit code tells
        sys.stdout.write(f"{line}\n")
        sys.stdout.flush()


class _Paints(QObject):
    def __init__(self, window: MainWindow, seconds: float) -> None:
        super().__init__(window)
        self._window = window
        self._seconds = seconds
        self._watched: QWidget = window
        self._then = self._painted
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            self._watched.removeEventFilter(self)
            # after this paint has been delivered, so the line means "it is on screen"
            QTimer.singleShot(0, self._then)
        return False

    def _painted(self) -> None:
        _say("painted")
        if self._window.attached:
            self._watch_tab()
        else:
            self._window.ready.connect(self._watch_tab)

    def _watch_tab(self) -> None:
        self._watched = self._window.tabs.currentWidget()
        self._then = self._ready
        self._watched.installEventFilter(self)
        self._watched.update()

    def _ready(self) -> None:
        _say("ready")
        QTimer.singleShot(round(self._seconds * 1000), QCoreApplication.quit)


def quit_after_first_paint(window: MainWindow, seconds: float) -> None:
    """Print "painted", then "ready", then quit `seconds` later."""
    _Paints(window, seconds)
