"""`growth export --format markdown|json|ics [-o FILE]`: the plan out, in an open format.

Markdown is a readable plan to share with a mentor (and to import again); JSON is a full,
versioned backup of every table; ICS puts check-ins, reviews and actions into a calendar.
Without `-o` the result goes to standard output.
"""

from __future__ import annotations

import argparse
import sys

from growth_tui.commands import CommandError

FORMATS = ("markdown", "json", "ics")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="markdown",
        help="markdown: the plan to read and share (default); json: a full backup; "
        "ics: a calendar of check-ins, reviews and actions",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (owner-only) instead of the screen"
    )


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from growth_tui.commands import opened_store
    from growth_tui.paths import resolve_db_path
    from growth_tui.store import transfer

    db_path = resolve_db_path(getattr(args, "db", None))
    if not db_path.exists():
        raise CommandError(f"There is no database at {db_path} yet; nothing to export.")
    try:
        with opened_store(db_path) as store:
            if args.format == "json":
                data = transfer.export_backup(store).encode("utf-8")
            elif args.format == "ics":
                data = transfer.export_ics(store, store.plan_id(), today=date.today())
            else:
                data = transfer.export_markdown(store, store.plan_id()).encode("utf-8")
        if args.output:
            written = transfer.write_private(args.output, data, protect=db_path)
            print(f"Wrote the {args.format} export to {written}")
        else:
            _to_stdout(data)
    except transfer.TransferError as error:
        raise CommandError(str(error)) from None
    return 0


def _to_stdout(data: bytes) -> None:
    """Write to the screen or a pipe; a reader that stops early (`| head`) is not an error."""
    import os

    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # Point stdout at nothing so Python's own flush at exit does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
