"""Files shipped with the code: the icon and whatever else lives in smsdesk/resources/, and
the translation catalogues in smsdesk/i18n/ (`make translations` builds the .qm there).

One way to find them from a source tree, an installed wheel and a PyInstaller bundle alike:
they sit next to this module (PyInstaller sets `__file__` under sys._MEIPASS and the spec puts
the folders at smsdesk/resources and smsdesk/i18n there). A path relative to the working
directory would not.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().with_name("resources")
TRANSLATIONS_DIR = Path(__file__).resolve().with_name("i18n")
ICON_NAME = "smsdesk.svg"


def resource_path(name: str) -> Path:
    """The shipped file `name` (e.g. "smsdesk.svg"); it may not exist if the install is broken."""
    return RESOURCES_DIR / name


def icon_path() -> Path:
    return resource_path(ICON_NAME)


def translation_path(name: str) -> Path:
    """The shipped catalogue `name` (e.g. "smsdesk_fr.qm"); missing if never built."""
    return TRANSLATIONS_DIR / name
