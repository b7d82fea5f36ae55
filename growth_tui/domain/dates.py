"""Reading dates the way people type them, and a sensible default due date.

`parse_date(text, today)` understands:

- ISO dates: ``2027-03-31`` (also ``2027/03/31``); an impossible one such as ``2025-02-30`` is
  refused with a sentence saying why.
- ``today``, ``tomorrow``, ``yesterday``.
- ``in 3 days``, ``in 6 weeks``, ``in two months``, ``in a year`` (``from now`` may follow);
  ``next week`` / ``next month`` / ``next year`` are one week / month / year from today.
- ``end of week`` (Sunday), ``end of month``, ``end of quarter``, ``end of year``, each also as
  ``end of next …``; ``end of 2027``.
- Quarters: ``Q3`` is the *last day* of the third quarter, because a quarter named as a due date
  means "by the end of it". It is this year's Q3 unless that quarter is already over, then next
  year's. ``Q3 2027`` / ``2027 Q3`` name the year.
- Weekdays: ``friday`` (or ``this friday``, ``fri``) is today if today is a Friday, else the
  coming Friday. ``next friday`` is the first Friday strictly after today, so on a Friday it
  means a week later and on other days it is the coming Friday.
- Month names: ``31 march 2027``, ``march 31``, ``march 2027``; without a day it is the last day
  of that month, without a year it is the next such date not in the past.

Past dates are accepted (a goal can be recorded late); callers decide whether to warn. The
month arithmetic comes from dateutil's `relativedelta`, which clamps 31 January + 1 month to the
end of February instead of failing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from dateutil.relativedelta import weekday as RelWeekday  # noqa: N812 - a type name

__all__ = [
    "DateParseError",
    "default_due",
    "describe_date",
    "end_of_month",
    "end_of_quarter",
    "parse_date",
    "quarter_of",
]

EXAMPLES = "2027-03-31, in 6 weeks, end of quarter, Q3, next friday or end of year"

_WEEKDAYS: dict[str, RelWeekday] = {
    "monday": MO,
    "mon": MO,
    "tuesday": TU,
    "tue": TU,
    "tues": TU,
    "wednesday": WE,
    "wed": WE,
    "thursday": TH,
    "thu": TH,
    "thur": TH,
    "thurs": TH,
    "friday": FR,
    "fri": FR,
    "saturday": SA,
    "sat": SA,
    "sunday": SU,
    "sun": SU,
}

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_UNITS = {
    "day": "days",
    "days": "days",
    "d": "days",
    "week": "weeks",
    "weeks": "weeks",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "month": "months",
    "months": "months",
    "mo": "months",
    "year": "years",
    "years": "years",
    "y": "years",
    "yr": "years",
    "yrs": "years",
}

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_RELATIVE = re.compile(r"^(?:in\s+)?(\d+|[a-z]+)\s*([a-z]+)(?:\s+from\s+(?:now|today))?$")
_END_OF = re.compile(
    r"^(?:the\s+)?end\s+of\s+(?:the\s+)?(this\s+|next\s+)?(week|month|quarter|year)$"
)
_END_OF_YEAR = re.compile(r"^(?:the\s+)?end\s+of\s+(\d{4})$")
_QUARTER = re.compile(r"^(?:(?:end\s+of\s+)?q([1-4])(?:\s+|-)?(\d{4})?|(\d{4})(?:\s+|-)?q([1-4]))$")
_WEEKDAY = re.compile(r"^(this\s+|next\s+|on\s+)?([a-z]+)$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$")
_MONTH_YEAR = re.compile(r"^(?:(?:the\s+)?end\s+of\s+)?([a-z]+)\.?(?:\s+(\d{4}))?$")


class DateParseError(ValueError):
    """A date the app could not read; `str(error)` is a full sentence for the user."""


def quarter_of(day: date) -> int:
    """The quarter (1..4) a day falls in."""
    return (day.month - 1) // 3 + 1


def end_of_month(day: date) -> date:
    """The last day of the day's month."""
    return day + relativedelta(day=31)


def end_of_quarter(year: int, quarter: int) -> date:
    """The last day of a quarter of a year."""
    return date(year, quarter * 3, 1) + relativedelta(day=31)


def default_due(today: date) -> date:
    """A quarter from today: the default suggestion for a new goal's due date."""
    return today + relativedelta(months=3)


def describe_date(day: date, today: date) -> str:
    """A date as a person reads it back: ``Fri 27 Nov 2026 (in 5 days)``."""
    delta = (day - today).days
    if delta == 0:
        when = "today"
    elif delta == 1:
        when = "tomorrow"
    elif delta == -1:
        when = "yesterday"
    elif 0 < delta < 14:
        when = f"in {delta} days"
    elif -14 < delta < 0:
        when = f"{-delta} days ago"
    elif delta > 0:
        when = f"in {_rough_span(delta)}"
    else:
        when = f"{_rough_span(-delta)} ago"
    return f"{day:%a} {day.day} {day:%b %Y} ({when})"


def _rough_span(days: int) -> str:
    if days < 60:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


def parse_date(text: str, today: date) -> date:
    """Read a typed date relative to `today`; raise `DateParseError` with a sentence if unreadable.

    See the module docstring for every form understood.
    """
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        raise DateParseError(f"Type a date, for example {EXAMPLES}.")

    for reader in (
        _read_iso,
        _read_word_day,
        _read_relative,
        _read_end_of,
        _read_quarter,
        _read_weekday,
        _read_month_name,
    ):
        try:
            found = reader(cleaned, today)
        except DateParseError:
            raise
        except (ValueError, OverflowError):  # e.g. "Q1 0000": a year no calendar has
            raise DateParseError(f'"{text.strip()}" is outside the calendar.') from None
        if found is not None:
            return found
    raise DateParseError(f'"{text.strip()}" is not a date I can read. Try {EXAMPLES}.')


def _impossible(year: int, month: int, day: int, shown: str) -> DateParseError:
    if 1 <= month <= 12:
        days = calendar.monthrange(year, month)[1]
        return DateParseError(
            f"{shown} is not a real date: {calendar.month_name[month]} {year} has {days} days."
        )
    return DateParseError(f"{shown} is not a real date: a month goes from 1 to 12.")


def _make(year: int, month: int, day: int, shown: str) -> date:
    if not 1 <= year <= 9999:
        raise DateParseError(f"{shown} is not a real date: the year is out of range.")
    try:
        return date(year, month, day)
    except ValueError:
        raise _impossible(year, month, day, shown) from None


def _read_iso(text: str, today: date) -> date | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return _make(year, month, day, text)


def _read_word_day(text: str, today: date) -> date | None:
    offsets = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
    if text in offsets:
        return today + relativedelta(days=offsets[text])
    return None


def _read_relative(text: str, today: date) -> date | None:
    match = _RELATIVE.match(text)
    if not match:
        return None
    amount_text, unit_text = match.group(1), match.group(2)
    if amount_text == "next" and unit_text in ("week", "month", "year"):
        return today + relativedelta(**{_UNITS[unit_text]: 1})
    unit = _UNITS.get(unit_text)
    if unit is None:
        return None
    if amount_text.isdigit():
        amount = int(amount_text)
    elif amount_text in _NUMBER_WORDS:
        amount = _NUMBER_WORDS[amount_text]
    else:
        return None
    if amount > 100 * (365 if unit == "days" else 1):
        raise DateParseError(f'"{text}" is too far away to be a useful date.')
    return today + relativedelta(**{unit: amount})


def _read_end_of(text: str, today: date) -> date | None:
    match = _END_OF.match(text)
    if match:
        upcoming = (match.group(1) or "").strip() == "next"
        span = match.group(2)
        if span == "week":  # weeks end on Sunday (ISO weeks)
            end = today + relativedelta(weekday=SU)
            return end + relativedelta(weeks=1) if upcoming else end
        if span == "month":
            return end_of_month(today + relativedelta(months=1 if upcoming else 0))
        if span == "quarter":
            start = today + relativedelta(months=3 if upcoming else 0)
            return end_of_quarter(start.year, quarter_of(start))
        return date(today.year + (1 if upcoming else 0), 12, 31)
    match = _END_OF_YEAR.match(text)
    if match:
        return _make(int(match.group(1)), 12, 31, text)
    return None


def _read_quarter(text: str, today: date) -> date | None:
    match = _QUARTER.match(text)
    if not match:
        return None
    quarter = int(match.group(1) or match.group(4))
    year_text = match.group(2) or match.group(3)
    if year_text:
        return end_of_quarter(int(year_text), quarter)
    this_year = end_of_quarter(today.year, quarter)
    return this_year if this_year >= today else end_of_quarter(today.year + 1, quarter)


def _read_weekday(text: str, today: date) -> date | None:
    match = _WEEKDAY.match(text)
    if not match or match.group(2) not in _WEEKDAYS:
        return None
    weekday = _WEEKDAYS[match.group(2)]
    if (match.group(1) or "").strip() == "next":
        return today + relativedelta(days=1, weekday=weekday)
    return today + relativedelta(weekday=weekday)


def _read_month_name(text: str, today: date) -> date | None:
    for pattern, day_group, month_group, year_group in (
        (_DAY_MONTH, 1, 2, 3),
        (_MONTH_DAY, 2, 1, 3),
        (_MONTH_YEAR, None, 1, 2),
    ):
        match = pattern.match(text)
        if not match or match.group(month_group) not in _MONTHS:
            continue
        month = _MONTHS[match.group(month_group)]
        year_text = match.group(year_group)
        if day_group is None:
            year = int(year_text) if year_text else today.year
            last = date(year, month, 1) + relativedelta(day=31)
            if not year_text and last < today:
                last = date(year + 1, month, 1) + relativedelta(day=31)
            return last
        day = int(match.group(day_group))
        if year_text:
            return _make(int(year_text), month, day, text)
        if month == 2 and day == 29:  # without a year: the next leap year's 29 February
            year = today.year
            while not calendar.isleap(year) or date(year, 2, 29) < today:
                year += 1
            return date(year, 2, 29)
        found = _make(today.year, month, day, text)
        if found < today:
            found = _make(today.year + 1, month, day, text)
        return found
    return None
