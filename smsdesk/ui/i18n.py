"""The window's language: Qt translators for smsdesk and Qt's own dialogs, and QLocale's
default so that `formats` follows the language.

API used by Preferences and the main window (the catalogue loading is filled in by the
translations work):
- `LANGUAGES`: code -> the language's own name, in menu order.
- `system_language()`: "en" when the system speaks English, else "fr" (our users are French).
- `apply_language(code)`: installs the catalogues of `code` ("" or None: the system's);
  Qt then sends `QEvent.LanguageChange` to every widget. Returns the code applied.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}

_current = ""


def system_language() -> str:
    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"


def current_language() -> str:
    return _current or system_language()


def apply_language(code: str | None) -> str:
    global _current
    chosen = code if code in LANGUAGES else system_language()
    _current = chosen
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if chosen == "fr" else QLocale.Language.English,
            QLocale.Country.France if chosen == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    return chosen
