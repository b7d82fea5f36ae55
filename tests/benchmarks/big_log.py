"""Make a database with a very long log (default 100,000 entries) and time the log queries.

    python -m tests.benchmarks.big_log /tmp/log100k.db --entries 100000

Used to check that the Log screen's full-log table stays fast; see the report in the PR.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta
from pathlib import Path

from growth_tui.store import log_repo
from growth_tui.store.engine import Store, open_store
from growth_tui.store.models import Action, Goal

NOTES = ("felt easy", "tired but did it", "[b]not bold[/b]", "", "pairing with Sam", "")


def fill_big_log(store: Store, entries: int, *, today: date) -> int:
    """Add two goals with 14 daily actions and `entries` done/skipped entries ending today."""
    plan_id = store.plan_id()
    actions_per_goal = 7
    days = -(-entries // (2 * actions_per_goal))
    start = today - timedelta(days=days - 1)
    with store.write() as session:
        goals = [
            Goal(plan_id=plan_id, title="Grow as a staff engineer", position=0),
            Goal(plan_id=plan_id, title="Stay fit", track="personal", position=1),
        ]
        session.add_all(goals)
        session.flush()
        actions = [
            Action(goal_id=goal.id, title=f"{goal.title.split()[-1]} habit {n + 1}",
                   kind="recurring", rrule="FREQ=DAILY", starts_on=start, planned_minutes=20)
            for goal in goals
            for n in range(actions_per_goal)
        ]  # fmt: skip
        session.add_all(actions)
        session.flush()
        ids = [a.id for a in actions]
        rows = []
        for n in range(entries):
            action_id = ids[n % len(ids)]
            day = start + timedelta(days=n // len(ids))
            rows.append(
                (action_id, day.isoformat(), day.isoformat(), "skipped" if n % 13 == 0 else "done",
                 (n * 7) % 90, NOTES[n % len(NOTES)], "2026-01-01 00:00:00.000000")
            )  # fmt: skip
        session.connection().exec_driver_sql(
            "INSERT INTO log_entry (action_id, occurrence_on, logged_on, status, minutes, note,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return plan_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 22))
    args = parser.parse_args()
    store = open_store(args.db)
    if log_repo.count_log(store, store.plan_id()) == 0:
        began = time.perf_counter()
        fill_big_log(store, args.entries, today=args.today)
        print(f"filled {args.entries} entries in {time.perf_counter() - began:.2f}s")
    pid = store.plan_id()
    for label, call in [
        ("count_log", lambda: log_repo.count_log(store, pid)),
        ("log_page first", lambda: log_repo.log_page(store, pid, limit=200)),
        ("log_page last", lambda: log_repo.log_page(store, pid, offset=99_800, limit=200)),
        ("log_page by minutes", lambda: log_repo.log_page(
            store, pid, log_repo.LogQuery(sort="minutes"), limit=200)),
        ("log text filter", lambda: log_repo.count_log(store, pid, log_repo.LogQuery(text="sam"))),
        ("due_items", lambda: log_repo.due_items(store, pid, args.today)),
        ("streak_summary", lambda: log_repo.streak_summary(store, pid, args.today)),
        ("heatmap", lambda: log_repo.heatmap(store, pid, args.today)),
        ("weekly_progress", lambda: log_repo.weekly_progress(store, pid, args.today)),
    ]:  # fmt: skip
        began = time.perf_counter()
        call()
        print(f"{label:22} {1000 * (time.perf_counter() - began):7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
