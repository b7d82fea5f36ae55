"""The recurrence engine: calendar edges, rule round trips, reading typed actions, properties."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from growth_tui.domain.recurrence import (
    Cadence,
    RecurrenceError,
    describe,
    from_rrule,
    next_occurrence,
    occurrences,
    parse_action_text,
    to_rrule,
)

# Calendar edges --------------------------------------------------------------------------------


def test_monthly_on_the_31st_falls_on_the_last_day_of_short_months() -> None:
    rule = to_rrule(Cadence("monthly", month_day=31))
    days = occurrences(rule, date(2025, 1, 31), None, date(2025, 1, 1), date(2025, 6, 30))
    assert days == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
        date(2025, 6, 30),
    ]


def test_monthly_on_the_30th_in_february_of_a_leap_year() -> None:
    rule = to_rrule(Cadence("monthly", month_day=30))
    days = occurrences(rule, date(2024, 1, 1), None, date(2024, 1, 1), date(2024, 3, 31))
    assert days == [date(2024, 1, 30), date(2024, 2, 29), date(2024, 3, 30)]


def test_plain_bymonthday_31_typed_elsewhere_is_read_the_same_friendly_way() -> None:
    days = occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=31",
        date(2023, 1, 1),
        None,
        date(2023, 2, 1),
        date(2023, 4, 30),
    )
    assert days == [date(2023, 2, 28), date(2023, 3, 31), date(2023, 4, 30)]


def test_monthly_without_a_day_follows_the_start_day_and_clamps_it() -> None:
    days = occurrences(
        "FREQ=MONTHLY", date(2023, 8, 31), None, date(2023, 8, 1), date(2023, 11, 30)
    )
    assert days == [
        date(2023, 8, 31),
        date(2023, 9, 30),
        date(2023, 10, 31),
        date(2023, 11, 30),
    ]


def test_leap_day_daily_and_yearly_counting() -> None:
    days = occurrences("FREQ=DAILY", date(2024, 2, 27), None, date(2024, 2, 27), date(2024, 3, 1))
    assert days == [
        date(2024, 2, 27),
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2024, 3, 1),
    ]
    # Non-leap year: no 29 February.
    days = occurrences("FREQ=DAILY", date(2023, 2, 27), None, date(2023, 2, 27), date(2023, 3, 1))
    assert days == [date(2023, 2, 27), date(2023, 2, 28), date(2023, 3, 1)]


def test_every_2_days_across_a_leap_day_keeps_its_rhythm() -> None:
    days = occurrences(
        "FREQ=DAILY;INTERVAL=2",
        date(2024, 2, 26),
        None,
        date(2024, 2, 26),
        date(2024, 3, 3),
    )
    assert days == [
        date(2024, 2, 26),
        date(2024, 2, 28),
        date(2024, 3, 1),
        date(2024, 3, 3),
    ]


def test_monthly_first_monday_and_last_friday() -> None:
    first_monday = to_rrule(Cadence("monthly", month_nth=(1, 0)))
    assert first_monday == "FREQ=MONTHLY;BYDAY=1MO"
    days = occurrences(first_monday, date(2026, 1, 1), None, date(2026, 1, 1), date(2026, 3, 31))
    assert days == [date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)]
    last_friday = to_rrule(Cadence("monthly", month_nth=(-1, 4)))
    days = occurrences(last_friday, date(2026, 1, 1), None, date(2026, 1, 1), date(2026, 3, 31))
    assert days == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]


@pytest.mark.parametrize(
    ("zone", "start"),
    [
        ("Europe/Berlin", date(2026, 3, 23)),  # clocks go forward on 29 March 2026
        ("Europe/Berlin", date(2026, 10, 19)),  # and back on 25 October 2026
        ("America/New_York", date(2026, 3, 2)),  # forward on 8 March 2026
        ("America/New_York", date(2026, 10, 26)),  # back on 1 November 2026
        ("Australia/Sydney", date(2026, 3, 30)),  # back on 5 April 2026
    ],
)
def test_dst_weeks_do_not_move_a_date_schedule(zone: str, start: date) -> None:
    """Schedules are dates: a DST change in the local zone shifts nothing by a day."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        days = occurrences(
            "FREQ=WEEKLY;BYDAY=MO,SU", start, None, start, start + timedelta(days=20)
        )
        daily = occurrences("FREQ=DAILY", start, None, start, start + timedelta(days=20))
        following = next_occurrence("FREQ=DAILY", start, None, start + timedelta(days=6))
    finally:
        if previous is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = previous
        time.tzset()
    assert [d.weekday() for d in days] == [0, 6, 0, 6, 0, 6]
    assert days[0] == start
    assert daily == [start + timedelta(days=n) for n in range(21)]
    assert following == start + timedelta(days=7)


def test_weekly_on_several_weekdays() -> None:
    rule = to_rrule(Cadence("weekly", weekdays=(3, 1)))
    assert rule == "FREQ=WEEKLY;BYDAY=TU,TH"
    # Starts on a Wednesday: the first occurrence is that Thursday.
    days = occurrences(rule, date(2026, 11, 18), None, date(2026, 11, 1), date(2026, 12, 1))
    assert days == [
        date(2026, 11, 19),
        date(2026, 11, 24),
        date(2026, 11, 26),
        date(2026, 12, 1),
    ]


def test_weekly_without_days_uses_the_start_weekday() -> None:
    days = occurrences(
        "FREQ=WEEKLY", date(2026, 11, 4), None, date(2026, 11, 1), date(2026, 11, 30)
    )
    assert days == [
        date(2026, 11, 4),
        date(2026, 11, 11),
        date(2026, 11, 18),
        date(2026, 11, 25),
    ]


def test_every_2_weeks_is_anchored_to_the_start_date_not_the_window() -> None:
    rule = to_rrule(Cadence("weekly", interval=2, weekdays=(0,)))
    start = date(2026, 1, 5)  # a Monday
    # Asking from a week where it is *not* due must not restart the rhythm there.
    days = occurrences(rule, start, None, date(2026, 1, 12), date(2026, 2, 10))
    assert days == [date(2026, 1, 19), date(2026, 2, 2)]
    assert next_occurrence(rule, start, None, date(2026, 1, 12)) == date(2026, 1, 19)
    assert next_occurrence(rule, start, None, date(2026, 1, 19)) == date(2026, 2, 2)


def test_every_2_weeks_on_two_days_keeps_both_in_the_same_on_week() -> None:
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"
    days = occurrences(rule, date(2026, 1, 5), None, date(2026, 1, 5), date(2026, 2, 1))
    assert days == [
        date(2026, 1, 6),
        date(2026, 1, 8),
        date(2026, 1, 20),
        date(2026, 1, 22),
    ]


def test_an_end_date_is_included_and_nothing_comes_after_it() -> None:
    rule = "FREQ=WEEKLY;BYDAY=FR"
    start, end = date(2026, 1, 2), date(2026, 1, 23)
    days = occurrences(rule, start, end, date(2025, 12, 1), date(2026, 12, 31))
    assert days == [
        date(2026, 1, 2),
        date(2026, 1, 9),
        date(2026, 1, 16),
        date(2026, 1, 23),
    ]
    assert next_occurrence(rule, start, end, date(2026, 1, 16)) == date(2026, 1, 23)
    assert next_occurrence(rule, start, end, date(2026, 1, 23)) is None
    assert occurrences(rule, start, end, date(2026, 2, 1), date(2026, 3, 1)) == []


def test_nothing_before_the_start_date() -> None:
    assert (
        occurrences("FREQ=DAILY", date(2026, 5, 1), None, date(2026, 4, 1), date(2026, 4, 30)) == []
    )
    assert next_occurrence("FREQ=DAILY", date(2026, 5, 1), None, date(2020, 1, 1)) == date(
        2026, 5, 1
    )


def test_the_schedule_ignores_when_things_were_ticked() -> None:
    """Next occurrence depends only on the rule, start and the reference day (no drift)."""
    rule = "FREQ=WEEKLY;BYDAY=TU"
    start = date(2026, 1, 6)
    # Whatever day you ask from inside a week, the next one is that week's/next Tuesday.
    assert next_occurrence(rule, start, None, date(2026, 1, 8)) == date(2026, 1, 13)
    assert next_occurrence(rule, start, None, date(2026, 1, 12)) == date(2026, 1, 13)
    assert next_occurrence(rule, start, None, date(2026, 1, 13)) == date(2026, 1, 20)


def test_count_in_the_rule_is_honoured() -> None:
    days = occurrences(
        "FREQ=DAILY;COUNT=3",
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2026, 1, 1),
        date(2026, 2, 1),
    )
    assert days == [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)]


# Rule strings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "rule", "words"),
    [
        (Cadence("daily"), "FREQ=DAILY", "every day"),
        (Cadence("daily", 3), "FREQ=DAILY;INTERVAL=3", "every 3 days"),
        (
            Cadence("weekly", weekdays=(1, 3)),
            "FREQ=WEEKLY;BYDAY=TU,TH",
            "every Tue and Thu",
        ),
        (
            Cadence("weekly", 2, (0,)),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
            "every 2 weeks on Mon",
        ),
        (Cadence("weekly", 2), "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        (Cadence("weekly"), "FREQ=WEEKLY", "every week"),
        (
            Cadence("weekly", weekdays=(0, 1, 2, 3, 4)),
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "every weekday",
        ),
        (
            Cadence("weekly", weekdays=(0, 2, 4)),
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "every Mon, Wed and Fri",
        ),
        (
            Cadence("monthly", month_day=15),
            "FREQ=MONTHLY;BYMONTHDAY=15",
            "every month on the 15th",
        ),
        (
            Cadence("monthly", month_day=31),
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "every month on the last day",
        ),
        (
            Cadence("monthly", 3, month_nth=(-1, 4)),
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
            "every 3 months on the last Friday",
        ),
        (
            Cadence("monthly", month_nth=(1, 0)),
            "FREQ=MONTHLY;BYDAY=1MO",
            "every month on the first Monday",
        ),
    ],
)
def test_cadence_rule_and_words(cadence: Cadence, rule: str, words: str) -> None:
    assert to_rrule(cadence) == rule
    assert from_rrule(rule) == cadence
    assert describe(rule) == words


def test_from_rrule_accepts_common_spellings() -> None:
    assert from_rrule("RRULE:FREQ=WEEKLY;BYDAY=TH,TU;WKST=MO") == Cadence("weekly", weekdays=(1, 3))
    assert from_rrule("FREQ=MONTHLY;BYMONTHDAY=-1") == Cadence("monthly", month_day=31)
    assert from_rrule("freq=daily") == Cadence("daily")


@pytest.mark.parametrize(
    "rule",
    [
        "",
        "BYDAY=MO",
        "FREQ=YEARLY",
        "FREQ=HOURLY",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=MONTHLY;BYSETPOS=2",
    ],
)
def test_rules_the_editor_cannot_handle_raise_a_readable_error(rule: str) -> None:
    with pytest.raises(RecurrenceError) as caught:
        from_rrule(rule)
    assert str(caught.value)  # a sentence, not an empty error
    assert describe(rule) in ("once", f"custom schedule ({rule})")


def test_invalid_cadences_are_refused() -> None:
    with pytest.raises(RecurrenceError):
        Cadence("yearly")
    with pytest.raises(RecurrenceError):
        Cadence("daily", interval=0)
    with pytest.raises(RecurrenceError):
        Cadence("weekly", weekdays=(7,))
    with pytest.raises(RecurrenceError):
        Cadence("monthly", month_day=32)
    with pytest.raises(RecurrenceError):
        Cadence("weekly", month_day=3)


def test_broken_rule_in_occurrences_is_a_recurrence_error() -> None:
    with pytest.raises(RecurrenceError):
        occurrences("FREQ=SOMETIMES", date(2026, 1, 1), None, date(2026, 1, 1), date(2026, 2, 1))


# Reading a typed action ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "minutes", "cadence"),
    [
        (
            "30 min Python practice every Tue and Thu",
            "Python practice",
            30,
            Cadence("weekly", weekdays=(1, 3)),
        ),
        (
            "check in with my manager every 2 weeks",
            "check in with my manager",
            None,
            Cadence("weekly", 2),
        ),
        ("bi-weekly sync with Dana", "sync with Dana", None, Cadence("weekly", 2)),
        ("Biweekly 1:1", "1:1", None, Cadence("weekly", 2)),
        ("stretch daily", "stretch", None, Cadence("daily")),
        (
            "Budget review monthly on the first Monday",
            "Budget review",
            None,
            Cadence("monthly", month_nth=(1, 0)),
        ),
        (
            "Retro on the last Friday of the month",
            "Retro",
            None,
            Cadence("monthly", month_nth=(-1, 4)),
        ),
        (
            "Inbox zero every weekday",
            "Inbox zero",
            None,
            Cadence("weekly", weekdays=(0, 1, 2, 3, 4)),
        ),
        ("1h deep work on Mondays", "deep work", 60, Cadence("weekly", weekdays=(0,))),
        ("1.5h side project every 3 days", "side project", 90, Cadence("daily", 3)),
        (
            "Gym Mon, Wed and Fri 45 minutes",
            "Gym",
            45,
            Cadence("weekly", weekdays=(0, 2, 4)),
        ),
        ("call home every other Sunday", "call home", None, Cadence("weekly", 2, (6,))),
        (
            "Pay rent monthly on the 31st",
            "Pay rent",
            None,
            Cadence("monthly", month_day=31),
        ),
        ("Read for half an hour every evening", "Read", 30, Cadence("daily")),
        ("Write the design doc", "Write the design doc", None, None),
        ("Read 20 pages", "Read 20 pages", None, None),
        ("2 hours mentoring weekly", "mentoring", 120, Cadence("weekly")),
        ("1h30 long run every Sunday", "long run", 90, Cadence("weekly", weekdays=(6,))),
        ("Write 45min daily", "Write", 45, Cadence("daily")),
        ("Plan 2 months ahead", "Plan 2 months ahead", None, None),
        ("Ship [/] v1 [b]x weekly", "Ship [/] v1 [b]x", None, Cadence("weekly")),
    ],
)
def test_parse_action_text(
    text: str, title: str, minutes: int | None, cadence: Cadence | None
) -> None:
    parsed = parse_action_text(text)
    assert parsed.title == title
    assert parsed.minutes == minutes
    assert parsed.cadence == cadence


# Properties --------------------------------------------------------------------------------------

cadences = st.one_of(
    st.builds(Cadence, st.just("daily"), st.integers(1, 10)),
    st.builds(
        Cadence,
        st.just("weekly"),
        st.integers(1, 4),
        st.lists(st.integers(0, 6), max_size=7, unique=True).map(tuple),
    ),
    st.builds(lambda interval: Cadence("monthly", interval), st.integers(1, 6)),
    st.builds(
        lambda interval, day: Cadence("monthly", interval, month_day=day),
        st.integers(1, 6),
        st.integers(1, 31),
    ),
    st.builds(
        lambda interval, nth, weekday: Cadence("monthly", interval, month_nth=(nth, weekday)),
        st.integers(1, 6),
        st.sampled_from([1, 2, 3, 4, -1]),
        st.integers(0, 6),
    ),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


def _on_schedule(cadence: Cadence, start: date, day: date) -> bool:
    """An independent check that `day` fits `cadence` counted from `start` (no dateutil)."""
    if day < start:
        return False
    if cadence.freq == "daily":
        return (day - start).days % cadence.interval == 0
    if cadence.freq == "weekly":
        weekdays = cadence.weekdays or (start.weekday(),)
        start_week = start - timedelta(days=start.weekday())
        week = day - timedelta(days=day.weekday())
        return day.weekday() in weekdays and ((week - start_week).days // 7) % cadence.interval == 0
    months = (day.year - start.year) * 12 + day.month - start.month
    if months % cadence.interval:
        return False
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    last_day = (next_month - timedelta(days=1)).day
    if cadence.month_nth is None:
        return day.day == min(cadence.month_day or start.day, last_day)
    nth, weekday = cadence.month_nth
    if day.weekday() != weekday:
        return False
    if nth == -1:
        return day.day + 7 > last_day
    return (day.day - 1) // 7 + 1 == nth


@settings(max_examples=300, deadline=None)
@given(cadences, days, days, st.one_of(st.none(), st.integers(0, 3000)))
def test_next_occurrence_is_after_the_reference_and_on_the_schedule(
    cadence: Cadence, start: date, after: date, length: int | None
) -> None:
    rule = to_rrule(cadence)
    end = None if length is None else start + timedelta(days=length)
    found = next_occurrence(rule, start, end, after)
    if found is None:
        # Only when the schedule ended: nothing from after+1 to the end.
        assert end is not None
        assert occurrences(rule, start, end, after + timedelta(days=1), end) == []
        return
    assert found > after
    assert found >= start
    assert end is None or found <= end
    assert _on_schedule(cadence, start, found)
    # And nothing on the schedule was jumped over in between.
    assert occurrences(rule, start, end, after + timedelta(days=1), found - timedelta(days=1)) == []


@settings(max_examples=200, deadline=None)
@given(cadences, days, st.integers(0, 4000), st.integers(0, 400))
def test_occurrences_lie_in_the_window_and_on_the_schedule(
    cadence: Cadence, start: date, offset: int, width: int
) -> None:
    rule = to_rrule(cadence)
    first = start + timedelta(days=offset - 200)  # from before the start to years after
    last = first + timedelta(days=width)
    found = occurrences(rule, start, None, first, last)
    assert found == sorted(set(found))
    assert all(first <= day <= last for day in found)
    assert all(_on_schedule(cadence, start, day) for day in found)
    # Complete: every day in the window that is on the schedule is there.
    expected = [
        first + timedelta(days=n)
        for n in range(width + 1)
        if _on_schedule(cadence, start, first + timedelta(days=n))
    ]
    assert found == expected


@given(cadences)
def test_rule_round_trip(cadence: Cadence) -> None:
    assert from_rrule(to_rrule(cadence)) == cadence
    assert describe(to_rrule(cadence)).startswith("every")
