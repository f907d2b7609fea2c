"""The import graph, read from the source (ast) of every module of the package:

    entry points (app, gui, cli, selfcheck, __main__) -> ui -> services -> db, providers, domain

`domain` imports nothing of ours but itself; services never import Qt or the window; db and
providers never import services or the window; nothing below the entry points imports them
(`ui/main_window.py` once imported `smsdesk.app`: a circle). The small shared modules
(`smsdesk` itself, config, assets, private_files, log_file) may be used by every layer and
use none. Between packages there is no circle."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "smsdesk"
ENTRY = {"app", "gui", "cli", "selfcheck", "__main__"}
SHARED = {"__init__", "config", "assets", "private_files", "log_file"}

# layer -> layers it may import (itself included); "shared" is the small modules above
ALLOWED: dict[str, set[str]] = {
    "entry": {"entry", "ui", "services", "db", "providers", "domain", "shared"},
    "ui": {"ui", "services", "domain", "shared"},
    "services": {"services", "db", "providers", "domain", "shared"},
    "db": {"db", "domain", "shared"},
    "providers": {"providers", "domain", "shared"},
    "domain": {"domain"},
    "shared": {"shared"},
}
QT_FREE = {"services", "db", "providers", "domain", "shared"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "shared"
    head = parts[1]
    if head in ENTRY:
        return "entry"
    if head in SHARED:
        return "shared"
    return head


def imports_of(path: Path) -> set[str]:
    """Every module named by an import statement, wherever it sits (functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            found.add(node.module)
            # `from smsdesk import config` names the module smsdesk.config
            if node.module == "smsdesk":
                found.update(
                    f"smsdesk.{alias.name}"
                    for alias in node.names
                    if (PACKAGE / f"{alias.name}.py").exists() or (PACKAGE / alias.name).is_dir()
                )
    return found


def graph() -> dict[str, set[str]]:
    return {
        module_name(path): imports_of(path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
    }


def test_every_package_imports_only_the_layers_below_it():
    wrong = []
    for module, imported in graph().items():
        mine = layer_of(module)
        for name in sorted(imported):
            if name.split(".")[0] == "smsdesk":
                target = layer_of(name)
                if target not in ALLOWED[mine]:
                    wrong.append(f"{module} ({mine}) imports {name} ({target})")
            elif name.split(".")[0] == "PySide6" and mine in QT_FREE:
                wrong.append(f"{module} ({mine}) imports Qt: {name}")
    assert wrong == []


def test_no_circle_between_packages():
    edges: dict[str, set[str]] = defaultdict(set)
    for module, imported in graph().items():
        for name in imported:
            if name.split(".")[0] == "smsdesk" and layer_of(name) != layer_of(module):
                edges[layer_of(module)].add(layer_of(name))
    seen: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        assert node not in path, f"circle: {' -> '.join([*path, node])}"
        if node in seen:
            return
        path.append(node)
        for nxt in sorted(edges[node]):
            visit(nxt)
        path.pop()
        seen.add(node)

    for start in sorted(edges):
        visit(start)


def test_the_window_does_not_import_the_entry_point():
    assert not {n for n in imports_of(PACKAGE / "ui" / "main_window.py") if n == "smsdesk.app"}


def test_the_readme_layout_names_every_module():
    """A newcomer finds each module in README's "Layout" section (by its file name)."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout")
    section = readme[start : readme.index("\n## ", start + 1)]
    named = set(re.findall(r"`([\w/]+\.py)`", section))
    missing = [
        str(path.relative_to(PACKAGE.parent))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "__init__.py"
        and "migrations" not in path.parts
        and path.name not in {Path(n).name for n in named}
    ]
    assert missing == [], f"add them to README's Layout section: {missing}"
