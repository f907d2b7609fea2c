"""Render the app icon's PNG sizes (hicolor theme) and a Windows .ico from the one SVG.

Qt's own SVG renderer (QtSvg is in PySide6-Essentials) under the offscreen platform, so the
build needs no image tool. Usage: python packaging/render_icons.py OUT_DIR
writes OUT_DIR/<n>x<n>/smsdesk.png for each size and OUT_DIR/smsdesk.ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main(out_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from smsdesk.assets import icon_path

    app = QGuiApplication([])
    renderer = QSvgRenderer(str(icon_path()))
    if not renderer.isValid():
        print(f"cannot read {icon_path()}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "smsdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        if size == 256 and not image.save(str(out_dir / "smsdesk.ico"), "ICO"):
            print("cannot write smsdesk.ico (Qt's ico image plugin)", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
