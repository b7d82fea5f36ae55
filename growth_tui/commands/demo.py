"""`growth demo --years N --db PATH`: write a sample plan without opening the app."""

from __future__ import annotations

import argparse

from growth_tui.commands import CommandError


def _years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of years") from None
    if not 1 <= years <= 50:
        raise argparse.ArgumentTypeError("years must be between 1 and 50")
    return years


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--years", type=_years, default=1, help="years of history (default 1)")


def run(args: argparse.Namespace) -> int:
    import os
    from datetime import date

    from growth_tui.commands import opened_store
    from growth_tui.demo import build_demo
    from growth_tui.paths import DB_ENV
    from growth_tui.store import plan_repo

    db = getattr(args, "db", None)
    if not db and not os.environ.get(DB_ENV):
        raise CommandError(
            "demo needs a database to write: growth demo --db PATH (it never touches your plan)"
        )
    with opened_store(db) as store:
        if not plan_repo.is_empty(store, store.plan_id()):
            raise CommandError(f"{store.path} already holds a plan; give demo a new file")
        build_demo(store, years=args.years, today=date.today())
        print(f"Wrote a sample plan with {args.years} year(s) of history to {store.path}")
    return 0
