"""Light or dark, following the system: Qt's Fusion style with a palette for each scheme,
and the status colours the window uses, readable on both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# (light, dark): dark variants are lighter tints, so they keep a 4.5:1 contrast on #2b2b2b
ERROR = ("#b3261e", "#f2b8b5")
WARNING_TEXT = ("#5f3b00", "#ffd8a8")
WARNING_BACKGROUND = ("#fff4e5", "#4a3000")
PAUSED_TEXT = ("#8c1d18", "#ffdad6")
PAUSED_BACKGROUND = ("#fde7e9", "#5c1a16")


def is_dark() -> bool:
    """True when the system asks for a dark scheme (Qt 6.5+), else by the palette itself."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def colour(pair: tuple[str, str]) -> str:
    return pair[1] if is_dark() else pair[0]


def banner_style(text: tuple[str, str], background: tuple[str, str]) -> str:
    return (
        f"background: {colour(background)}; color: {colour(text)}; padding: 6px; border-radius: 4px"
    )


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#1e1e1e"), QColor("#2b2b2b"), QColor("#e6e6e6")
    disabled = QColor("#7a7a7a")
    for role, value in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#262626")),
        (QPalette.ColorRole.ToolTipBase, QColor("#3a3a3a")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#353535")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
        (QPalette.ColorRole.Link, QColor("#8ab4f8")),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb4")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
    ):
        palette.setColor(role, value)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    dark = False
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorScheme"):
        dark = hints.colorScheme() == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def follow_system(app: QApplication) -> None:
    """Fusion with the system's scheme now and whenever the system switches."""
    apply(app)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: apply(app))
