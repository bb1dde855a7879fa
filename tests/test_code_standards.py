"""House rules a reader relies on: docstrings on modules and public classes, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "game").rglob("*.py")) + sorted((ROOT / "tools").rglob("*.py"))
MAX_LINES = 400


def test_every_module_and_public_class_has_a_docstring():
    missing = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(ROOT)
        if not ast.get_docstring(tree):
            missing.append(f"{name}: module")
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_") \
                    and not ast.get_docstring(node):
                missing.append(f"{name}: class {node.name}")
    assert missing == []


def test_modules_stay_small():
    big = [f"{p.relative_to(ROOT)}: {n} lines" for p in SOURCES
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert big == []


def test_every_module_imports(monkeypatch):
    import importlib
    import pkgutil

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    import game

    names = [m.name for m in pkgutil.walk_packages(game.__path__, "game.")
             if m.name != "game.__main__"]
    for name in names:
        importlib.import_module(name)
    assert "game.ui.scenes.day" in names


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (lazily or for type checking too), with
    `from a import b` giving both a and a.b, and import_module("a.b") counting as an import."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) \
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            found.add(node.args[0].value)
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_window_uses_the_view_and_affordances_not_the_rules_or_the_headless_runner():
    forbidden = ("game.headless", "game.sim.rules")
    bad = [f"{p.relative_to(ROOT)}: {name}"
           for p in sorted((ROOT / "game" / "ui").rglob("*.py"))
           for name in sorted(_imported_modules(p))
           if any(_within(name, f) for f in forbidden)]
    assert bad == []


def test_the_context_imports_no_scene():
    # Every scene imports the context; the app hands it the screens to switch to.
    screens = ("game.ui.scenes", "game.ui.title", "game.ui.day", "game.ui.debrief")
    context = ROOT / "game" / "ui" / "context.py"
    found = sorted(name for name in _imported_modules(context)
                   if any(_within(name, s) for s in screens))
    assert found == []
