"""Weekly and per-action streaks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from growth_tui.domain.streaks import (
    action_streak,
    longest_weekly_streak,
    week_start,
    weekly_streak,
)

SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 16)


def test_week_starts_on_monday() -> None:
    assert week_start(SUNDAY) == MONDAY
    assert week_start(MONDAY) == MONDAY


def test_weekly_streak_counts_this_week_when_done() -> None:
    done = [MONDAY, MONDAY - timedelta(days=3), MONDAY - timedelta(days=10)]
    assert weekly_streak(done, SUNDAY) == 3


def test_an_unfinished_week_with_nothing_yet_does_not_break_the_streak() -> None:
    done = [MONDAY - timedelta(days=1), MONDAY - timedelta(days=8)]
    assert weekly_streak(done, MONDAY) == 2  # Monday morning, nothing done yet this week


def test_a_week_without_anything_ends_the_streak() -> None:
    done = [SUNDAY, MONDAY - timedelta(days=14), MONDAY - timedelta(days=21)]
    assert weekly_streak(done, SUNDAY) == 1
    assert weekly_streak([], SUNDAY) == 0
    # Two weeks ago only: last week is over and empty, so no streak now.
    assert weekly_streak([MONDAY - timedelta(days=10)], SUNDAY) == 0


def test_future_days_do_not_count() -> None:
    assert weekly_streak([SUNDAY + timedelta(days=1)], SUNDAY) == 0


def test_longest_weekly_streak() -> None:
    done = [date(2026, 1, 5), date(2026, 1, 13), date(2026, 1, 21), date(2026, 2, 9)]
    assert longest_weekly_streak(done) == 3
    assert longest_weekly_streak([]) == 0


def test_action_streak_rules() -> None:
    days = [date(2026, 11, d) for d in (3, 5, 10, 12, 17, 19)]
    today = date(2026, 11, 19)
    statuses = {d: "done" for d in days}
    assert action_streak(days, statuses, today) == 6
    # Today still open: neither breaks nor adds.
    assert action_streak(days, {d: "done" for d in days[:-1]}, today) == 5
    # A skipped one in the middle is stepped over.
    assert action_streak(days, {**statuses, date(2026, 11, 12): "skipped"}, today) == 5
    # A missed one (nothing logged, in the past) ends it.
    missing = {d: s for d, s in statuses.items() if d != date(2026, 11, 10)}
    assert action_streak(days, missing, today) == 3
    # Future occurrences are ignored.
    assert action_streak([*days, date(2026, 11, 24)], statuses, today) == 6


@given(st.lists(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), max_size=60))
def test_streak_never_exceeds_longest_nor_weeks_elapsed(done: list[date]) -> None:
    today = date(2030, 1, 1)
    current = weekly_streak(done, today)
    assert current <= longest_weekly_streak(done)
    assert current <= len({week_start(d) for d in done})
