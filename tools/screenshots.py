"""Screenshots of the real window, in French and in English, for the README and for review.

    xvfb-run -a .venv/bin/python tools/screenshots.py shots/        # under Xvfb (X11 style)
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py shots/

A temporary data folder and SQLite database with demo data (services/demo.py: a year of
finished campaigns on the simulator, and a few replies and a STOP for the Inbox); for each
language a fresh MainWindow (its frame first, before the services are attached), then one PNG
per tab, Preferences (every File-menu action that opens a settings dialog), the results view
of a finished campaign. Files are named
<language>-<nn>-<widget class>.png (the same names in every language). Nothing of the
user's data or settings is touched.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

# before any Qt or smsdesk import: the data folder, the gateway and the simulator's pace
_work = tempfile.TemporaryDirectory(prefix="smsdesk-shots-")
os.environ["SMSDESK_DATA_DIR"] = str(Path(_work.name) / "data")
os.environ["SMSDESK_PROVIDER"] = "simulator"
os.environ["SMSDESK_SIM_DELAY"] = "0"
os.environ.setdefault("XDG_CONFIG_HOME", str(Path(_work.name) / "config"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QMenu, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from smsdesk.app import Services, build_services  # noqa: E402
from smsdesk.db.models import Message  # noqa: E402
from smsdesk.domain.delivery import CampaignStatus  # noqa: E402
from smsdesk.providers.base import IncomingSms  # noqa: E402
from smsdesk.ui import i18n  # noqa: E402
from smsdesk.ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 800)
REPLIES = ("Merci, bien reçu !", "Je serai là samedi.", "STOP", "C'est à quelle heure ?")


def settle(ms: int) -> None:
    """Let workers answer and the window paint (no busy wait: Qt's own loop)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("&", "")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", plain.decode().lower()).strip("-") or "window"


def save(widget: QWidget, folder: Path, language: str, index: int, what: str) -> Path:
    path = folder / f"{language}-{index:02d}-{slug(what)}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def seed(services: Services, messages: int) -> None:
    services.demo.seed(messages)
    # a few answers to demo messages, so that the Inbox shows threads (and one STOP)
    with services.sessions() as session:
        receivers = list(
            session.scalars(select(Message.receiver).order_by(Message.id.desc()).limit(4))
        )
    now = datetime.now(UTC)
    services.replies.record(
        "simulator",
        [
            IncomingSms(f"shot-{i}", receiver, body, now - timedelta(minutes=7 * i))
            for i, (receiver, body) in enumerate(zip(receivers, REPLIES, strict=False))
        ],
    )


def settings_actions(window: MainWindow) -> list[QAction]:
    """The menu actions that open settings (Preferences, or the older two dialogs)."""
    found = []
    for name in ("preferences_action",):
        action = getattr(window, name, None)
        if isinstance(action, QAction):
            found.append(action)
    if found:
        return found
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    return [
        action
        for menu in menus
        for action in menu.actions()
        if re.search(r"pr[ée]f[ée]rence|setting|param", action.text(), re.IGNORECASE)
    ]


def new_dialog(before: set[QWidget]) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and widget not in before:
            return widget
    return None


def shoot(services: Services, folder: Path, language: str) -> list[Path]:
    i18n.apply_language(language)
    window = MainWindow()  # the frame, as the first paint shows it (smsdesk/gui.py)
    window.resize(*SIZE)
    window.show()
    settle(300)
    saved: list[Path] = [save(window, folder, language, 0, "frame")]
    index = 1
    window.attach(services)
    settle(800)
    try:
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            page = window.tabs.widget(tab)
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
            settle(700)
            saved.append(save(window, folder, language, index, type(page).__name__))
            index += 1
        for action in settings_actions(window):
            before = set(QApplication.topLevelWidgets())
            QTimer.singleShot(0, action.trigger)  # an exec() dialog blocks until closed
            settle(700)
            dialog = new_dialog(before)
            if dialog is not None:
                for _ in range(100):  # its settings are read by a worker
                    if getattr(dialog, "is_loaded", True):
                        break
                    settle(100)
                pages = dialog.findChildren(QListWidget)  # Preferences: one shot a section
                sections = pages[0] if pages else None
                for row in range(sections.count() if sections is not None else 1):
                    if sections is not None:
                        sections.setCurrentRow(row)
                        settle(200)
                    name = f"{type(dialog).__name__}-{row}" if sections is not None else ""
                    saved.append(
                        save(dialog, folder, language, index, name or type(dialog).__name__)
                    )
                    index += 1
                dialog.reject()
                settle(100)
        finished = [c for c in services.campaigns.list() if c.status == CampaignStatus.DONE]
        if finished:
            results = window.open_results(finished[0].id)
            results.resize(1100, 760)
            settle(1200)
            saved.append(save(results, folder, language, index, "results"))
            results.close()
    finally:
        window.shutdown()
        window.close()
        settle(100)
    return saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where the PNG files go (created)")
    parser.add_argument("--languages", default="fr,en", help="codes, comma separated")
    parser.add_argument("--messages", type=int, default=3000, help="demo history rows")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("smsdesk")
    services = build_services(f"sqlite:///{Path(_work.name) / 'shots.sqlite3'}")
    try:
        seed(services, args.messages)
        for language in args.languages.split(","):
            shoot(services, args.folder, language.strip())
    finally:
        services.close()
        _work.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
