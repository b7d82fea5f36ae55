"""`growth import FILE [--dry-run] [--replace]`: a plan from notes, or a restore from a backup.

What the file is comes from its content, not its name: a JSON object is a backup to restore,
anything else is read as a Markdown or plain-text plan. The whole file is read and checked
before the database is opened; what was understood is printed first, and then written in one
transaction (or not at all with `--dry-run`). Any problem: a message, exit 2, and the database
exactly as it was.
"""

from __future__ import annotations

import argparse

from growth_tui.commands import CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Optional for argparse so `--db` parses the same for every command; run() asks for it.
    parser.add_argument(
        "file", metavar="FILE", nargs="?", help="a JSON backup or a Markdown/plain-text plan"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be imported and write nothing",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="restore a JSON backup over a database that already holds a plan "
        "(an automatic backup copy is taken first)",
    )


def run(args: argparse.Namespace) -> int:
    from growth_tui.store import transfer

    if not args.file:
        raise CommandError("import needs a file: growth import FILE [--dry-run] [--replace]")
    try:
        loaded = transfer.load_import_file(args.file)
        if loaded.kind == "json":
            return _restore(args, loaded, transfer)
        return _import_plan(args, loaded, transfer)
    except transfer.TransferError as error:
        raise CommandError(str(error)) from None


_NOUNS = {
    "feedback": ("piece of feedback", "pieces of feedback"),
    "check_ins": ("check-in", "check-ins"),
    "check_in_answers": ("check-in answer", "check-in answers"),
    "log_entries": ("log entry", "log entries"),
    "goal_skills": ("goal-skill link", "goal-skill links"),
    "goal_supporters": ("goal-supporter link", "goal-supporter links"),
    "win_skills": ("win-skill link", "win-skill links"),
    "feedback_skills": ("feedback-skill link", "feedback-skill links"),
}


def _count(n: int, name: str) -> str:
    plural = name.replace("_", " ")
    singular, plural = _NOUNS.get(name, (plural[:-1], plural))
    return f"{n} {singular if n == 1 else plural}"


def _restore(args: argparse.Namespace, loaded, transfer) -> int:
    from growth_tui.commands import opened_store

    backup = transfer.validate_backup(loaded.text)
    counts = {name: len(getattr(backup, name)) for name in transfer.TABLES}
    print(
        f"{loaded.path}: a growth backup from {backup.exported_at:%Y-%m-%d %H:%M} UTC "
        f"(growth {backup.app_version})"
    )
    shown = [_count(n, name) for name, n in counts.items() if n]
    print("  " + (", ".join(shown) if shown else "no rows at all"))
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    with opened_store(getattr(args, "db", None)) as store:
        if args.replace and not transfer.is_empty(store):
            print(f"This replaces everything now in {store.path}.")
        result = transfer.restore_backup(store, backup, replace=args.replace)
        if result.safety_copy is not None:
            print(f"The previous data was saved to {result.safety_copy}")
        print(f"Restored {sum(result.counts.values())} rows into {store.path}")
    return 0


def _import_plan(args: argparse.Namespace, loaded, transfer) -> int:
    from datetime import date

    from growth_tui.commands import opened_store
    from growth_tui.domain.plan_markdown import PlanParseError, parse_markdown, summarize

    try:
        doc = parse_markdown(loaded.text)
    except PlanParseError as error:
        raise CommandError(f"{loaded.path}: {error}") from None
    if args.replace:
        raise CommandError(
            "--replace restores a JSON backup; a Markdown plan is added to the current one."
        )
    print(f"{loaded.path}: this is what growth understood:")
    for line in summarize(doc):
        print(f"  {line}")
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    with opened_store(getattr(args, "db", None)) as store:
        for notice in transfer.import_notices(store, store.plan_id(), doc):
            print(notice)
        result = transfer.import_plan(store, store.plan_id(), doc, today=date.today())
        print(
            f"Imported {result.goals} goal(s), {result.focus_points} focus point(s), "
            f"{result.actions} action(s) ({result.recurring} recurring) into {store.path}"
        )
    return 0
