"""Print the library's coverage table (competency by day), or write it into the guide.

    python tools/coverage_table.py            print the markdown table
    python tools/coverage_table.py --write    replace the table in scenarios/GUIDE.md
    python tools/coverage_table.py --check    exit 1 if the guide's table is out of date

Each day is played by the reference bot on seed 1; see game/coverage.py for what counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from game.coverage import BEGIN, END, library_coverage, table, uncovered  # noqa: E402
from game.library import library_paths  # noqa: E402
from game.markers import rewrite_file  # noqa: E402

GUIDE = ROOT / "scenarios" / "GUIDE.md"


def main(argv: list[str] | None = None) -> int:
    """Print, write or check the table; 1 when the guide is stale or has no markers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--write", action="store_true", help="replace the table in the guide")
    what.add_argument("--check", action="store_true", help="fail if the guide's table is stale")
    args = parser.parse_args(argv)
    days = library_coverage(library_paths())
    fresh = table(days)
    missing = uncovered(days)
    if missing:
        print("no day exercises: " + ", ".join(missing), file=sys.stderr)
    if not (args.write or args.check):
        print(fresh)
        return 0
    shown = str(GUIDE.relative_to(ROOT))
    code = rewrite_file(GUIDE, shown, BEGIN, END, fresh, args.check, "the coverage table",
                        "python tools/coverage_table.py --write")
    if code == 0 and args.write:
        print(f"wrote the coverage table of {len(days)} days into {shown}")
    return code

if __name__ == "__main__":
    sys.exit(main())
