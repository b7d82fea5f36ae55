"""Streaks: how many weeks in a row something got done, and runs of a recurring action.

Weeks start on Monday (ISO weeks). A streak is encouragement, not a judgement, so both
functions are generous with the present: the current week (or today's occurrence) only
counts once it is done, but it never breaks a streak while it is still under way.

Per-action streaks (decided here, tested in tests/test_streaks.py):
- a scheduled occurrence that was done adds one;
- a skipped occurrence neither adds nor breaks: skipping with a reason is a choice, not a lapse;
- a past occurrence with nothing logged (missed) ends the streak;
- today's occurrence, not yet logged, is still open: it does not break the streak.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

__all__ = [
    "action_streak",
    "longest_weekly_streak",
    "run_back",
    "week_start",
    "weekly_streak",
]


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def weekly_streak(done_days: Iterable[date], today: date) -> int:
    """Consecutive weeks, up to this one, with at least one action done.

    This week counts if something is already done in it; if not, the streak is counted up to
    last week, because the week is not over yet.
    """
    weeks = {week_start(day) for day in done_days if day <= today}
    week = week_start(today)
    if week not in weeks:
        week -= timedelta(days=7)
    streak = 0
    while week in weeks:
        streak += 1
        week -= timedelta(days=7)
    return streak


def longest_weekly_streak(done_days: Iterable[date]) -> int:
    """The longest run of consecutive weeks with something done, ever."""
    weeks = sorted({week_start(day) for day in done_days})
    best = run = 0
    previous: date | None = None
    for week in weeks:
        run = run + 1 if previous is not None and (week - previous).days == 7 else 1
        best = max(best, run)
        previous = week
    return best


def action_streak(scheduled: Iterable[date], statuses: Mapping[date, str], today: date) -> int:
    """Consecutive scheduled occurrences done, counting back from today.

    `scheduled` are the action's occurrence days (any order; future ones are ignored);
    `statuses` maps an occurrence day to "done" or "skipped".
    """
    newest_first = sorted((d for d in scheduled if d <= today), reverse=True)
    return run_back(newest_first, statuses.get, today)[0]


def run_back(
    newest_first: Iterable[date], status_of: Callable[[date], str | None], today: date
) -> tuple[int, bool]:
    """Occurrences done counting back over `newest_first`, and whether a missed one ended it.

    For walking a long schedule in windows: (run, False) means the days ran out first, and
    the run may go on in older days.
    """
    run = 0
    for day in newest_first:
        status = status_of(day)
        if status == "done":
            run += 1
        elif status == "skipped" or day == today:
            continue  # a skip is a choice, not a lapse; today is still open
        else:
            return run, True
    return run, False
