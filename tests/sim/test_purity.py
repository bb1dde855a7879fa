"""The simulation is headless and deterministic by construction: no pygame, no wall clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADLESS_PACKAGES = ["game/sim", "game/scenario", "game/clinical", "game/report"]
FORBIDDEN_MODULES = {"pygame", "pygame_gui", "time", "threading", "asyncio", "secrets"}


def test_a_headless_day_never_imports_pygame():
    code = ("import sys; from game.cli import main; "
            "rc = main(['run', 'short_morning', '--policy', 'reference']); "
            "assert rc == 0; "
            "assert not [m for m in sys.modules if m.startswith('pygame')], 'pygame imported'")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_simulation_modules_import_no_pygame_no_clock_and_no_global_random():
    offenders = []
    for package in HEADLESS_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name.split(".")[0] for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module.split(".")[0]]
                    if node.module == "random":
                        offenders.append(f"{path}: from random import (global generator)")
                offenders += [f"{path}: imports {n}" for n in names if n in FORBIDDEN_MODULES]
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("now", "today", "utcnow")):
                    offenders.append(f"{path}:{node.lineno}: reads the date/clock")
    assert offenders == []
