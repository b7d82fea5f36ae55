"""growth_tui — a private, local-first terminal app for planning your own growth."""

__version__ = "0.1.0"
