"""What the packages rely on: --version, self-check, the shipped icon, the first-paint exit."""

from __future__ import annotations

import ast
import os
import re
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


def test_the_window_paints_then_gets_ready_then_quits(tmp_path):
    """The frame paints first; "ready" comes once the tabs are built on the database."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    proc = subprocess.run(
        [sys.executable, "-m", "smsdesk", "--quit-after-paint", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout) == (0, "painted\nready\n"), proc.stderr


def test_the_wheel_ships_the_built_catalogues_not_their_sources():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["smsdesk"]
    folder = ROOT / "smsdesk" / "i18n"
    built = sorted(path.name for path in folder.glob("smsdesk_*.qm"))
    assert built == ["smsdesk_en.qm", "smsdesk_fr.qm"], "run `make translations`"

    def shipped(name: str) -> bool:
        return any(PurePosixPath(f"i18n/{name}").match(p) for p in patterns)

    assert all(shipped(name) for name in built)
    assert not any(shipped(path.name) for path in folder.glob("*.ts"))


def test_the_catalogues_are_found_next_to_the_package():
    """Absolute, from the package's own location: the same in a wheel and in the bundle."""
    path = assets.translation_path("smsdesk_fr.qm")
    assert path.is_absolute()
    assert path == ROOT / "smsdesk" / "i18n" / "smsdesk_fr.qm"


def _spec_value(name: str) -> ast.expr:
    tree = ast.parse((ROOT / "smsdesk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return node.value
    raise AssertionError(f"smsdesk.spec assigns no {name}")


def test_the_bundle_ships_our_catalogues_and_qts_french_and_english_ones():
    # our catalogues go to smsdesk/i18n, where assets.translation_path looks in the bundle
    catalogues = ast.unparse(_spec_value("CATALOGUES"))
    assert catalogues == "sorted((root / 'smsdesk' / 'i18n').glob('smsdesk_*.qm'))"
    spec = (ROOT / "smsdesk.spec").read_text(encoding="utf-8")
    assert 'datas += [(str(path), "smsdesk/i18n") for path in CATALOGUES]' in spec
    # Qt's own catalogues (PyInstaller's QtCore hook collects them): fr and en kept
    kept = re.compile(ast.literal_eval(_spec_value("KEPT_QT_TRANSLATIONS").args[0]))  # type: ignore[attr-defined]
    qt = "/PySide6/Qt/translations/"
    assert kept.search(f"{qt}qtbase_fr.qm") and kept.search(f"{qt}qtbase_en.qm")
    assert not kept.search(f"{qt}qtbase_de.qm")
