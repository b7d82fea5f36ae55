"""`python -m growth_tui` runs the same command line as `growth`."""

from growth_tui.cli import main

raise SystemExit(main())
