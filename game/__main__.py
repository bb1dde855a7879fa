"""`python -m game` is the same as `clinic-day`."""

from game.cli import main

raise SystemExit(main())
