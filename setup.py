"""Build hook: the top-level `assets/` and `scenarios/` go into the built package as game/data/.

The checkout keeps a single copy of each folder at the top; an editable install reads them
there (game/paths.py falls back to them), a wheel carries its own copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: the top-level folders shipped inside the package, under game/data/<name>
DATA_FOLDERS = ("assets", "scenarios")


class BuildWithData(build_py):
    """build_py that also copies the data folders into the built package."""

    def run(self) -> None:
        """Build the package, then lay the data folders beside its modules."""
        super().run()
        # An editable install maps to the checkout and reads the folders where they are.
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "game" / "data"
        # Start clean so a file removed from the checkout does not linger in a reused build/.
        shutil.rmtree(target, ignore_errors=True)
        for name in DATA_FOLDERS:
            shutil.copytree(HERE / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.py[cod]"))


setup(cmdclass={"build_py": BuildWithData})
