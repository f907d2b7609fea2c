"""What the packages rely on: --version, self-check, the shipped icon, the first-paint exit."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

import pytest

from smsdesk import assets
from smsdesk.cli import main

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --version exits
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_is_the_pyproject_one(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"smsdesk {PYPROJECT['project']['version']}\n"


def test_self_check_passes_in_one_line_and_leaves_no_trace(capsys, isolated_data_dir):
    before = dict(os.environ)
    code, out, err = run(capsys, "self-check")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith("self-check ok: icon, database, migrations, simulator send and receipt (")
    assert not isolated_data_dir.exists()  # the user's data folder is never created
    assert dict(os.environ) == before


def test_self_check_names_the_failed_step(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "RESOURCES_DIR", tmp_path / "nothing-here")
    code, out, err = run(capsys, "self-check")
    assert (code, out) == (1, "")
    assert err.startswith("smsdesk: error: self-check failed: assets: the icon is missing")


def test_the_icon_is_found_from_the_source_tree():
    icon = assets.icon_path()
    assert icon == ROOT / "smsdesk" / "resources" / "smsdesk.svg"
    assert ET.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_the_wheel_ships_every_resource():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["smsdesk"]
    shipped = [
        path.relative_to(ROOT / "smsdesk").as_posix()
        for path in (ROOT / "smsdesk" / "resources").rglob("*")
        if path.is_file()
    ]
    assert shipped
    # setuptools' globs do not cross folders, nor does PurePosixPath.match here
    assert [
        name for name in shipped if not any(PurePosixPath(name).match(p) for p in patterns)
    ] == []


def test_the_window_quits_after_its_first_paint(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    proc = subprocess.run(
        [sys.executable, "-m", "smsdesk", "--quit-after-paint", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout) == (0, "painted\n"), proc.stderr
