"""PySide6 6.12.0 on Python 3.11 leaks a reference to None on each void Qt call and aborts
after a few thousand (`Fatal Python error: none_dealloc`). Our pin keeps us off it; this
test makes 20,000 such calls in a child process so a bad install fails here, not in use."""

import subprocess
import sys

SCRIPT = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar
app = QApplication([])
label = QLabel()
bar = QProgressBar()
bar.setMaximum(20000)
for i in range(20000):
    label.setText(str(i))
    bar.setValue(i)
print("ok", sys.getrefcount(None) > 0)
"""


def test_twenty_thousand_void_calls():
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok True"
