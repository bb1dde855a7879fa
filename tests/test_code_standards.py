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
