"""The window's language: Qt translators for smsdesk and Qt's own dialogs, and QLocale's
default so that `formats` follows the language.

API used by Preferences and the main window:
- `LANGUAGES`: code -> the language's own name, in menu order.
- `system_language()`: "en" when the system speaks English, else "fr" (our users are French).
- `apply_language(code)`: installs the catalogues of `code` ("" or None: the system's);
  Qt then sends `QEvent.LanguageChange` to every widget. Returns the code applied.

The catalogues are `smsdesk/i18n/smsdesk_<code>.qm` (built by `make translations` from the
`.ts` sources, found through `smsdesk.assets`) and Qt's `qtbase_<code>.qm` for the standard
dialogs' buttons. English is the source language, yet its catalogue is loaded too: it holds
the English plural forms of "%n message(s)".
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from smsdesk import assets

LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}

_LOCALES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

log = logging.getLogger(__name__)

_current = ""
_installed: list[QTranslator] = []
_reported_missing: set[Path] = set()


def system_language() -> str:
    """English on an English system or one with no language set (LANG=C, POSIX: servers,
    CI); French everywhere else (our users are French)."""
    language = QLocale.system().language()
    return "en" if language in (QLocale.Language.English, QLocale.Language.C) else "fr"


def current_language() -> str:
    return _current or system_language()


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own catalogues may be: Qt's configured folder, then the one inside the
    PySide6 package (a bundle may report a prefix that is not where its files went)."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
    ]


def apply_language(code: str | None) -> str:
    global _current
    chosen = code if code in LANGUAGES else system_language()
    _current = chosen
    language, country = _LOCALES[chosen]
    # the locale first: widgets that retranslate on LanguageChange format with the new one
    QLocale.setDefault(QLocale(language, country))
    app = QCoreApplication.instance()
    if app is None:  # nothing to translate yet (command line, tests of formats alone)
        return chosen
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    ours = assets.translation_path(f"smsdesk_{chosen}.qm")
    _install(app, ours, ours.is_file())
    qt_dirs = [folder / f"qtbase_{chosen}.qm" for folder in qt_translations_dirs()]
    qt_catalogue = next((path for path in qt_dirs if path.is_file()), qt_dirs[0])
    _install(app, qt_catalogue, qt_catalogue.is_file())
    return chosen


def _install(app: QCoreApplication, path: Path, exists: bool) -> None:
    translator = QTranslator(app)
    if exists and translator.load(str(path)):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        return
    # the source strings stay (English): say it once, not at every switch
    if path not in _reported_missing:
        _reported_missing.add(path)
        log.warning(
            "translation catalogue %s is missing or unreadable: texts stay in English", path
        )


class Retranslating:
    """The retranslation contract in one place: a widget class that lists this first among
    its bases has its `retranslate()` (which sets every visible text) called when Qt sends
    `LanguageChange`, i.e. when `apply_language` installs other catalogues."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
