"""Write the guide's generated reference (the commands, tubes, lab codes, vital-sign limits,
the devices' variation and the seeds) into scenarios/GUIDE.md, from the game's own code.

    python tools/guide_reference.py            rewrite the appendix between its markers
    python tools/guide_reference.py --check    exit 1 if the guide's appendix is out of date
    python tools/guide_reference.py --print    print the appendix
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from game.guide_ref import BEGIN, END, reference  # noqa: E402
from game.markers import rewrite_file  # noqa: E402

GUIDE = ROOT / "scenarios" / "GUIDE.md"


def main(argv: list[str] | None = None) -> int:
    """Write, check or print the appendix; 1 when the guide is stale or has no markers."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--check", action="store_true", help="fail if the appendix is stale")
    what.add_argument("--print", action="store_true", help="print the appendix")
    args = parser.parse_args(argv)
    fresh = reference()
    if args.print:
        print(fresh)
        return 0
    shown = str(GUIDE.relative_to(ROOT))
    code = rewrite_file(GUIDE, shown, BEGIN, END, fresh, args.check,
                        "the generated reference", "python tools/guide_reference.py")
    if code == 0 and not args.check:
        print(f"wrote the generated reference into {shown}")
    return code

if __name__ == "__main__":
    sys.exit(main())
