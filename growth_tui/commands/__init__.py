"""Subcommands of `growth`, one module each, imported only when that command runs.

Each module has `add_arguments(parser)` and `run(args) -> int`. A failure the user can act on is
raised as `CommandError`; the command line prints it as `growth: …` and exits with code 2.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from growth_tui.store.engine import Store


class CommandError(Exception):
    """A message for the person at the shell; exit code 2."""


@contextmanager
def opened_store(db: str | Path | None) -> Iterator[Store]:
    """Open the database the flags and environment point at, as a `CommandError` on failure."""
    from growth_tui.paths import resolve_db_path
    from growth_tui.store.engine import StoreError, open_store

    path = resolve_db_path(str(db) if db else None)
    try:
        store = open_store(path)
    except StoreError as error:
        raise CommandError(str(error)) from error
    try:
        yield store
    finally:
        store.close()
