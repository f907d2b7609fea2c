"""What a start must not pay for: the holidays package (0.5 s with its first calendar) and
alembic (0.14 s) stay unloaded when the window opens on an up-to-date database."""

from __future__ import annotations

import subprocess
import sys

from smsdesk.db.session import make_engine


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return set(out.split())


def test_the_default_sending_window_does_not_load_holidays():
    loaded = _loaded_after("from smsdesk.domain.sending_window import COMMERCIAL_FR")
    assert "holidays" not in loaded


def test_the_default_calendar_exists():
    """The default window skips its calendar check at import: France's must exist."""
    from smsdesk.domain.sending_window import COMMERCIAL_FR, SendingWindow

    assert (COMMERCIAL_FR.country, COMMERCIAL_FR.subdivision) == ("FR", None)
    SendingWindow(country="FR", subdivision="57")  # validated: loads the calendars
    from smsdesk.domain.sending_window import _holiday_dates

    assert len(_holiday_dates("FR", None, 2026)) == 11


def test_an_up_to_date_database_opens_without_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    make_engine(url).dispose()  # created (alembic runs once)
    loaded = _loaded_after(
        f"from smsdesk.db.session import make_engine\nmake_engine({url!r}).dispose()"
    )
    assert "alembic" not in loaded
