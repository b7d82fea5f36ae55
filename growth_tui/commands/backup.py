"""`growth backup [-o FILE] [--list]`: a consistent copy of the database, safe while it is open.

The copy is made with SQLite's backup API (a plain file copy of a live database can miss
committed rows) and is readable by its owner only. Without `-o` it goes to the backups folder
beside the database, where growth also keeps its automatic copies (before a schema upgrade or a
`--replace` restore; the newest ten are kept). `--list` shows what is there.
"""

from __future__ import annotations

import argparse

from growth_tui.commands import CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the copy to FILE (default: the backups folder)",
    )
    parser.add_argument("--list", action="store_true", help="list the backups kept so far")


def _size(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def run(args: argparse.Namespace) -> int:
    from growth_tui.paths import resolve_db_path
    from growth_tui.store import transfer
    from growth_tui.store.engine import default_backup_dir

    db_path = resolve_db_path(getattr(args, "db", None))
    try:
        if args.list:
            if args.output:
                raise CommandError("--list shows the backups; it does not go with -o")
            backups = transfer.list_backups(db_path)
            if not backups:
                print(f"No backups of {db_path} yet in {default_backup_dir(db_path)}")
                return 0
            print(f"Backups of {db_path} (newest first):")
            for item in backups:
                kind = "automatic" if item.automatic else "by hand"
                print(
                    f"  {item.taken_at:%Y-%m-%d %H:%M:%S} UTC  {item.reason:<22} {kind:<9} "
                    f"{_size(item.size):>8}  {item.path}"
                )
            return 0
        if not db_path.is_file():
            raise CommandError(f"There is no database at {db_path} to back up.")
        if args.output:
            copy = transfer.copy_database(db_path, args.output)
        else:
            copy = transfer.take_backup(db_path, "manual")
    except transfer.TransferError as error:
        raise CommandError(str(error)) from None
    print(f"Backed up {db_path} to {copy} ({_size(copy.stat().st_size)}, owner-only)")
    return 0
