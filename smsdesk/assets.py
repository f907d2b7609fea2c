"""Files shipped with the code (icon, and whatever else lives in smsdesk/resources/).

One way to find them from a source tree, an installed wheel and a PyInstaller bundle alike:
they sit next to this module (PyInstaller sets `__file__` under sys._MEIPASS and the spec puts
the folder at smsdesk/resources there). A path relative to the working directory would not.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().with_name("resources")
ICON_NAME = "smsdesk.svg"


def resource_path(name: str) -> Path:
    """The shipped file `name` (e.g. "smsdesk.svg"); it may not exist if the install is broken."""
    return RESOURCES_DIR / name


def icon_path() -> Path:
    return resource_path(ICON_NAME)
