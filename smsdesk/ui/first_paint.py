"""Quit after the window's first paint: the package test and the startup benchmark use it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, seconds: float) -> None:
        super().__init__(window)
        self._window = window
        self._seconds = seconds

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # after this paint has been delivered, so the line means "the window is on screen"
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if sys.stdout is not None:  # None in a windowed Windows build: the exit code tells
            sys.stdout.write("painted\n")
            sys.stdout.flush()
        QTimer.singleShot(round(self._seconds * 1000), QCoreApplication.quit)


def quit_after_first_paint(window: QWidget, seconds: float) -> None:
    """Print "painted" once `window` has painted, then quit `seconds` later."""
    window.installEventFilter(_FirstPaint(window, seconds))
