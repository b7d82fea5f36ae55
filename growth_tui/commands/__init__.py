"""Subcommands of the `growth` command line (placeholder until the foundation's CLI lands)."""


class CommandError(Exception):
    """A failure worded for the person at the shell; printed as `growth: …`, exit 2."""
