"""Typed dates: every form the Goals screen promises, and clear refusals."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from growth_tui.domain.dates import (
    DateParseError,
    default_due,
    describe_date,
    end_of_quarter,
    parse_date,
)

SUNDAY = date(2026, 11, 22)  # the tests' fixed today, a Sunday in Q4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-31", date(2027, 3, 31)),
        ("  2027/3/5 ", date(2027, 3, 5)),
        ("today", SUNDAY),
        ("Tomorrow", date(2026, 11, 23)),
        ("yesterday", date(2026, 11, 21)),
        ("in 3 days", date(2026, 11, 25)),
        ("in 6 weeks", date(2027, 1, 3)),
        ("6 weeks from now", date(2027, 1, 3)),
        ("in two months", date(2027, 1, 22)),
        ("in a year", date(2027, 11, 22)),
        ("in 2w", date(2026, 12, 6)),
        ("next week", date(2026, 11, 29)),
        ("next month", date(2026, 12, 22)),
        ("end of week", date(2026, 11, 22)),  # today is Sunday, the week's last day
        ("end of next week", date(2026, 11, 29)),
        ("end of month", date(2026, 11, 30)),
        ("end of the month", date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31)),
        ("end of quarter", date(2026, 12, 31)),
        ("end of next quarter", date(2027, 3, 31)),
        ("end of year", date(2026, 12, 31)),
        ("End of next year", date(2027, 12, 31)),
        ("end of 2028", date(2028, 12, 31)),
        ("Q4", date(2026, 12, 31)),  # the current quarter is not over yet
        ("Q3", date(2027, 9, 30)),  # this year's Q3 is over: next year's
        ("q1", date(2027, 3, 31)),
        ("Q3 2028", date(2028, 9, 30)),
        ("2028-Q2", date(2028, 6, 30)),
        ("friday", date(2026, 11, 27)),
        ("Fri", date(2026, 11, 27)),
        ("this friday", date(2026, 11, 27)),
        ("next friday", date(2026, 11, 27)),
        ("sunday", SUNDAY),  # today is Sunday
        ("next sunday", date(2026, 11, 29)),
        ("31 March 2027", date(2027, 3, 31)),
        ("March 31, 2027", date(2027, 3, 31)),
        ("march 2027", date(2027, 3, 31)),
        ("june", date(2027, 6, 30)),  # June 2026 is over
        ("december", date(2026, 12, 31)),
        ("5 jan", date(2027, 1, 5)),
        ("29 feb", date(2028, 2, 29)),
    ],
)
def test_parse_date_reads_common_forms(text: str, expected: date) -> None:
    assert parse_date(text, SUNDAY) == expected


def test_weekday_on_that_weekday() -> None:
    friday = date(2026, 11, 27)
    assert parse_date("friday", friday) == friday
    assert parse_date("next friday", friday) == date(2026, 12, 4)


def test_end_of_month_clamps_short_months() -> None:
    assert parse_date("end of month", date(2028, 2, 3)) == date(2028, 2, 29)
    assert parse_date("in 1 month", date(2027, 1, 31)) == date(2027, 2, 28)


def test_quarter_in_its_own_quarter_is_this_year() -> None:
    assert parse_date("Q3", date(2026, 7, 1)) == date(2026, 9, 30)
    assert parse_date("Q3", date(2026, 9, 30)) == date(2026, 9, 30)
    assert parse_date("Q3", date(2026, 10, 1)) == date(2027, 9, 30)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2027-04-31", "April 2027 has 30 days"),
        ("2027-13-01", "a month goes from 1 to 12"),
        ("30 february 2027", "February 2027 has 28 days"),
        ("banana", "is not a date I can read"),
        ("in 6 fortnights", "is not a date I can read"),
        ("", "Type a date"),
        ("   ", "Type a date"),
        ("in 900 years", "too far away"),
    ],
)
def test_impossible_or_unreadable_dates_raise_a_sentence(text: str, words: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, SUNDAY)
    message = str(caught.value)
    assert words in message
    assert message.endswith(".")


def test_date_parse_error_is_a_value_error() -> None:
    assert issubclass(DateParseError, ValueError)


def test_default_due_is_a_quarter_away() -> None:
    assert default_due(SUNDAY) == date(2027, 2, 22)
    assert default_due(date(2026, 11, 30)) == date(2027, 2, 28)


def test_end_of_quarter() -> None:
    assert [end_of_quarter(2027, q) for q in (1, 2, 3, 4)] == [
        date(2027, 3, 31),
        date(2027, 6, 30),
        date(2027, 9, 30),
        date(2027, 12, 31),
    ]


def test_describe_date_reads_back() -> None:
    assert describe_date(date(2026, 11, 27), SUNDAY) == "Fri 27 Nov 2026 (in 5 days)"
    assert describe_date(SUNDAY, SUNDAY) == "Sun 22 Nov 2026 (today)"
    assert describe_date(date(2027, 3, 31), SUNDAY) == "Wed 31 Mar 2027 (in 4 months)"
    assert describe_date(date(2026, 11, 19), SUNDAY) == "Thu 19 Nov 2026 (3 days ago)"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)))
def test_iso_round_trips(day: date) -> None:
    assert parse_date(day.isoformat(), SUNDAY) == day


@given(st.text(max_size=30))
def test_parse_date_never_raises_anything_else(text: str) -> None:
    try:
        parse_date(text, SUNDAY)
    except DateParseError as error:
        assert str(error)


@pytest.mark.parametrize("text", ["q1 0000", "march 0000", "end of 0000", "0000-01-01"])
def test_year_zero_is_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, SUNDAY)
