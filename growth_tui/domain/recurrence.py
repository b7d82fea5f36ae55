"""Recurring actions: schedules as RFC 5545 rule strings, and what they mean in days.

An action's schedule is stored as a rule string (``FREQ=WEEKLY;BYDAY=TU,TH``) counted from its
`starts_on` up to its optional `ends_on`. Occurrences are always computed from that schedule with
python-dateutil's `rrule`, never from when something was last ticked, so a late tick never
drifts the dates that follow, and a missed day stays a missed day.

Everything here works on calendar days (`date`): a schedule is about the person's Tuesday, so
time zones and daylight-saving changes cannot shift it.

`Cadence` is the small, friendly subset of RFC 5545 the app edits (daily, weekly on some days,
every N weeks, monthly on a day or on "the first Monday"); `to_rrule` / `from_rrule` convert.
Rules outside that subset still work in `occurrences` and `next_occurrence`.

"Monthly on the 31st" means the last day of shorter months. Plain RFC 5545 would skip those
months, so the rule is written as ``BYMONTHDAY=28,29,30,31;BYSETPOS=-1`` (the last of those
days that exists), which any RFC 5545 reader understands the same way. A plain
``BYMONTHDAY=31`` typed elsewhere is read the same friendly way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

__all__ = [
    "Cadence",
    "ParsedAction",
    "RecurrenceError",
    "describe",
    "from_rrule",
    "next_occurrence",
    "occurrences",
    "parse_action_text",
    "to_rrule",
]

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_LONG = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_FREQS = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY"}
_NTH_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


class RecurrenceError(ValueError):
    """A schedule that cannot be understood; `str(error)` is a sentence for the person."""


@dataclass(frozen=True)
class Cadence:
    """A schedule the app can edit and describe."""

    freq: str  # "daily" | "weekly" | "monthly"
    interval: int = 1  # every N days / weeks / months
    weekdays: tuple[int, ...] = ()  # weekly: 0=Mon..6=Sun (empty: the start day's weekday)
    month_day: int | None = None  # monthly on a day; 31 → last day of short months
    month_nth: tuple[int, int] | None = None  # (1, 0) first Monday, (-1, 4) last Friday

    def __post_init__(self) -> None:
        if self.freq not in _FREQS:
            raise RecurrenceError(f"Unknown repeat '{self.freq}': use daily, weekly or monthly.")
        if not isinstance(self.interval, int) or self.interval < 1:
            raise RecurrenceError("The interval must be a whole number of at least 1.")
        if any(not 0 <= day <= 6 for day in self.weekdays):
            raise RecurrenceError("Weekdays are numbered 0 (Monday) to 6 (Sunday).")
        if self.weekdays and self.freq != "weekly":
            raise RecurrenceError("Weekdays only apply to a weekly schedule.")
        if self.month_day is not None or self.month_nth is not None:
            if self.freq != "monthly":
                raise RecurrenceError("A day of the month only applies to a monthly schedule.")
            if self.month_day is not None and self.month_nth is not None:
                raise RecurrenceError("Pick a day of the month or a weekday of it, not both.")
        if self.month_day is not None and not 1 <= self.month_day <= 31:
            raise RecurrenceError("A day of the month is between 1 and 31.")
        if self.month_nth is not None:
            nth, weekday = self.month_nth
            if nth not in _NTH_WORDS or not 0 <= weekday <= 6:
                raise RecurrenceError("Use the first to fifth, or the last, weekday of a month.")
        # Normalise so that equal schedules compare equal.
        object.__setattr__(self, "weekdays", tuple(sorted(set(self.weekdays))))


@dataclass(frozen=True)
class ParsedAction:
    """What `parse_action_text` found in a line like "30 min Python practice every Tue"."""

    title: str
    cadence: Cadence | None
    minutes: int | None


# Rule strings <-> Cadence ----------------------------------------------------------------------


def _month_day_part(day: int) -> str:
    if day <= 28:
        return f"BYMONTHDAY={day}"
    days = ",".join(str(d) for d in range(28, day + 1))
    return f"BYMONTHDAY={days};BYSETPOS=-1"


def to_rrule(cadence: Cadence) -> str:
    """The RFC 5545 rule string (without ``RRULE:``) for `cadence`."""
    parts = [f"FREQ={_FREQS[cadence.freq]}"]
    if cadence.interval != 1:
        parts.append(f"INTERVAL={cadence.interval}")
    if cadence.weekdays:
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in cadence.weekdays))
    if cadence.month_day is not None:
        parts.append(_month_day_part(cadence.month_day))
    if cadence.month_nth is not None:
        nth, weekday = cadence.month_nth
        parts.append(f"BYDAY={nth}{WEEKDAY_CODES[weekday]}")
    return ";".join(parts)


def _split_rule(rule: str) -> dict[str, str]:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text:
        raise RecurrenceError("The schedule is empty.")
    fields: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not value.strip():
            raise RecurrenceError(f"Cannot read the schedule '{rule}'.")
        fields[key.strip().upper()] = value.strip().upper()
    if "FREQ" not in fields:
        raise RecurrenceError(f"The schedule '{rule}' does not say how often (FREQ).")
    return fields


_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def from_rrule(rule: str) -> Cadence:
    """The `Cadence` for a rule string; `RecurrenceError` if the app cannot edit it."""
    fields = _split_rule(rule)
    freq = {v: k for k, v in _FREQS.items()}.get(fields["FREQ"])
    unsupported = set(fields) - {
        "FREQ",
        "INTERVAL",
        "BYDAY",
        "BYMONTHDAY",
        "BYSETPOS",
        "WKST",
    }
    if freq is None or unsupported:
        raise RecurrenceError(f"The schedule '{rule}' is more than daily, weekly or monthly.")
    try:
        interval = int(fields.get("INTERVAL", "1"))
    except ValueError as error:
        raise RecurrenceError(f"Cannot read the interval in '{rule}'.") from error
    weekdays: list[int] = []
    month_nth: tuple[int, int] | None = None
    for item in filter(None, fields.get("BYDAY", "").split(",")):
        found = _BYDAY.match(item)
        if not found:
            raise RecurrenceError(f"Cannot read the day '{item}' in '{rule}'.")
        weekday = WEEKDAY_CODES.index(found.group(2))
        if found.group(1):
            if month_nth is not None or freq != "monthly":
                raise RecurrenceError(f"The schedule '{rule}' is too complex to edit here.")
            month_nth = (int(found.group(1)), weekday)
        else:
            weekdays.append(weekday)
    month_day: int | None = None
    if "BYMONTHDAY" in fields:
        try:
            days = [int(d) for d in fields["BYMONTHDAY"].split(",")]
        except ValueError as error:
            raise RecurrenceError(f"Cannot read the day of the month in '{rule}'.") from error
        setpos = fields.get("BYSETPOS")
        if days == [-1]:
            month_day = 31
        elif len(days) == 1 and setpos is None:
            month_day = days[0]
        elif setpos == "-1" and days == list(range(28, max(days) + 1)) and len(days) > 1:
            month_day = max(days)
        else:
            raise RecurrenceError(f"The schedule '{rule}' is too complex to edit here.")
    elif "BYSETPOS" in fields:
        raise RecurrenceError(f"The schedule '{rule}' is too complex to edit here.")
    if weekdays and freq == "monthly":
        raise RecurrenceError(f"The schedule '{rule}' is too complex to edit here.")
    return Cadence(freq, interval, tuple(weekdays), month_day, month_nth)


# Evaluating a schedule ------------------------------------------------------------------------


def _at_midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _explicit_fields(rule: str, starts_on: date) -> dict[str, str]:
    """The rule's fields with what it takes from its start day spelled out.

    Month days past the 28th become "or the month's last day" (see the module docs), and a
    weekly or monthly rule that takes its day from `starts_on` names that day, so the
    evaluation can start later than `starts_on` (see `_anchor`) without changing the meaning.
    """
    fields = _split_rule(rule)
    freq = fields["FREQ"]
    if freq == "MONTHLY" and "BYSETPOS" not in fields and "BYDAY" not in fields:
        day: int | None = None
        if "BYMONTHDAY" not in fields:
            day = starts_on.day
        elif "," not in fields["BYMONTHDAY"]:
            try:
                day = int(fields["BYMONTHDAY"])
            except ValueError:
                day = None
        if day is not None and 1 <= day <= 31:
            fields.pop("BYMONTHDAY", None)
            fields.update(_month_day_fields(day))
    elif freq == "WEEKLY" and "BYDAY" not in fields:
        fields["BYDAY"] = WEEKDAY_CODES[starts_on.weekday()]
    fields.setdefault("WKST", "MO")  # RFC 5545's default; dateutil would follow the locale
    return fields


def _month_day_fields(day: int) -> dict[str, str]:
    if day <= 28:
        return {"BYMONTHDAY": str(day)}
    return {"BYMONTHDAY": ",".join(str(d) for d in range(28, day + 1)), "BYSETPOS": "-1"}


def _anchor(fields: dict[str, str], starts_on: date, near: date) -> date:
    """A later start that gives the same days from `near` on, so dateutil (which always walks
    from the start) does not walk years of history for one week's occurrences.

    The anchor is a whole number of intervals after `starts_on`, at the start of a period
    (a day, a Monday, the 1st), and at least one interval before `near`.
    """
    if near <= starts_on or "COUNT" in fields:
        return starts_on
    try:
        interval = int(fields.get("INTERVAL", "1"))
    except ValueError:
        return starts_on
    if interval < 1:
        return starts_on
    freq = fields["FREQ"]
    if freq == "DAILY":
        steps = (near - starts_on).days // interval - 1
        return starts_on + timedelta(days=steps * interval) if steps > 0 else starts_on
    if freq == "WEEKLY" and fields.get("WKST") == "MO":
        first_monday = starts_on - timedelta(days=starts_on.weekday())
        steps = (near - first_monday).days // 7 // interval - 1
        return first_monday + timedelta(weeks=steps * interval) if steps > 0 else starts_on
    if freq == "MONTHLY":
        months = (near.year - starts_on.year) * 12 + near.month - starts_on.month
        steps = months // interval - 1
        if steps <= 0:
            return starts_on
        index = starts_on.month - 1 + steps * interval
        return date(starts_on.year + index // 12, index % 12 + 1, 1)
    return starts_on


def _schedule(rule: str, starts_on: date, ends_on: date | None, near: date) -> rrule:
    fields = _explicit_fields(rule, starts_on)
    anchor = _anchor(fields, starts_on, near)
    return _build(";".join(f"{k}={v}" for k, v in fields.items()), anchor, ends_on, rule)


@lru_cache(maxsize=512)
def _build(text: str, start: date, ends_on: date | None, rule: str) -> rrule:
    try:
        parsed = rrulestr(text, dtstart=_at_midnight(start), cache=True)
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"Cannot read the schedule '{rule}'.") from error
    if not isinstance(parsed, rrule):
        raise RecurrenceError(f"Cannot read the schedule '{rule}'.")
    if ends_on is not None:
        until = _at_midnight(ends_on)
        # dateutil has no getters; a rule with COUNT cannot take UNTIL too (clipped by callers).
        own_until = parsed._until
        if parsed._count is None and (own_until is None or own_until > until):
            parsed = parsed.replace(until=until)
    return parsed


def occurrences(
    rule: str, starts_on: date, ends_on: date | None, first: date, last: date
) -> list[date]:
    """Every scheduled day from `first` to `last` (both included), within start and end."""
    if last < first or last < starts_on or (ends_on is not None and first > ends_on):
        return []
    if ends_on is not None:
        last = min(last, ends_on)
    simple = _simple_days(rule, starts_on, max(first, starts_on), last)
    if simple is not None:
        return simple
    schedule = _schedule(rule, starts_on, ends_on, first)
    found = schedule.between(_at_midnight(first), _at_midnight(last), inc=True)
    return [moment.date() for moment in found]


def _simple_days(rule: str, starts_on: date, first: date, last: date) -> list[date] | None:
    """Daily and weekly-on-weekdays rules counted directly, or None for dateutil to do.

    Streaks and charts walk years of a daily habit; dateutil takes ~2 µs a day for that, plain
    date arithmetic a tenth of it. Only the plainest rules qualify (no COUNT, UNTIL, BYSETPOS…);
    the property tests check both paths against an independent reading of the schedule.
    """
    fields = _explicit_fields(rule, starts_on)
    extra = set(fields) - {"FREQ", "INTERVAL", "BYDAY", "WKST"}
    if extra or fields.get("WKST") != "MO":
        return None
    if first > last:
        return []
    try:
        interval = int(fields.get("INTERVAL", "1"))
    except ValueError:
        return None
    if interval < 1:
        return None
    if fields["FREQ"] == "DAILY" and "BYDAY" not in fields:
        offset = (first - starts_on).days
        begin = first + timedelta(days=-offset % interval)
        count = (last - begin).days // interval + 1
        return [begin + timedelta(days=n * interval) for n in range(max(count, 0))]
    if fields["FREQ"] == "WEEKLY":
        codes = fields.get("BYDAY", "").split(",")
        if not codes or any(code not in WEEKDAY_CODES for code in codes):
            return None
        weekdays = sorted({WEEKDAY_CODES.index(code) for code in codes})
        start_week = starts_on - timedelta(days=starts_on.weekday())
        week = first - timedelta(days=first.weekday())
        skipped = ((week - start_week).days // 7) % interval
        if skipped:
            week += timedelta(weeks=interval - skipped)
        days: list[date] = []
        while week <= last:
            for weekday in weekdays:
                day = week + timedelta(days=weekday)
                if first <= day <= last:
                    days.append(day)
            week += timedelta(weeks=interval)
        return days
    return None


def next_occurrence(rule: str, starts_on: date, ends_on: date | None, after: date) -> date | None:
    """The first scheduled day strictly after `after`, or None when the schedule has ended."""
    if ends_on is not None and after >= ends_on:
        return None
    found = _schedule(rule, starts_on, ends_on, after).after(_at_midnight(after), inc=False)
    if found is None or (ends_on is not None and found.date() > ends_on):
        return None
    return found.date()


# Describing ------------------------------------------------------------------------------------


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _every(interval: int, unit: str) -> str:
    if interval == 1:
        return f"every {unit}"
    if interval == 2 and unit == "week":
        return "every 2 weeks"
    return f"every {interval} {unit}s"


def describe_cadence(cadence: Cadence) -> str:
    """Words for a cadence: "every Tue and Thu", "every 2 weeks on Mon"."""
    if cadence.freq == "daily":
        return _every(cadence.interval, "day")
    if cadence.freq == "weekly":
        days = cadence.weekdays
        if cadence.interval == 1:
            if days == (0, 1, 2, 3, 4):
                return "every weekday"
            if days == (5, 6):
                return "every Sat and Sun"
            if days == tuple(range(7)):
                return "every day"
            if days:
                return "every " + _join([WEEKDAY_SHORT[d] for d in days])
            return "every week"
        text = _every(cadence.interval, "week")
        if days:
            text += " on " + _join([WEEKDAY_SHORT[d] for d in days])
        return text
    text = _every(cadence.interval, "month")
    if cadence.month_day is not None:
        if cadence.month_day == 31:
            return text + " on the last day"
        if cadence.month_day >= 29:
            return text + f" on the {_ordinal(cadence.month_day)} (or the last day)"
        return text + f" on the {_ordinal(cadence.month_day)}"
    if cadence.month_nth is not None:
        nth, weekday = cadence.month_nth
        return text + f" on the {_NTH_WORDS[nth]} {WEEKDAY_LONG[weekday]}"
    return text


def describe(rule: str) -> str:
    """Words for a rule string, e.g. "every Tue and Thu"; never raises."""
    if not rule.strip():
        return "once"
    try:
        return describe_cadence(from_rrule(rule))
    except RecurrenceError:
        return f"custom schedule ({rule.strip()})"


# Reading "30 min Python practice every Tue and Thu" --------------------------------------------

_DAY_NAMES = {
    0: r"mon(?:day)?s?",
    1: r"tue(?:s(?:day)?)?s?",
    2: r"wed(?:s|nesday)?s?",
    3: r"thu(?:rs?(?:day)?)?s?",
    4: r"fri(?:day)?s?",
    5: r"sat(?:urday)?s?",
    6: r"sun(?:day)?s?",
}
_ANY_DAY = r"(?:" + "|".join(_DAY_NAMES.values()) + r")\b"
_DAY_LIST = rf"{_ANY_DAY}(?:\s*(?:,|/|&|\+|\band\b|\bor\b)\s*{_ANY_DAY})*"
_NTH_WORD = r"first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last"
_COUNT = r"(?P<n>\d{1,3}|other|second)"
_NTH_VALUES = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1,
}  # fmt: skip
_MONTHLY_CUE = r"(?:monthly|every\s+month|each\s+month|once\s+a\s+month)"


def _days_in(text: str) -> tuple[int, ...]:
    found = []
    for word in re.findall(r"[a-z]+", text.lower()):
        for number, pattern in _DAY_NAMES.items():
            if re.fullmatch(pattern, word):
                found.append(number)
    return tuple(sorted(set(found)))


def _count(word: str | None) -> int:
    if not word or word in ("other", "second"):
        return 2
    return max(1, int(word))


def _month_every(match: re.Match[str]) -> int:
    text = match.group(0).lower()
    found = re.search(r"every\s+(\d{1,3}|other)\s+months?", text)
    if found:
        return _count(found.group(1))
    if re.search(r"bi-?monthly", text):
        return 2
    return 1


def _weekday_of(text: str) -> int:
    days = _days_in(text)
    return days[0]


# Each entry: a pattern and a function from its match to a Cadence. Tried in order; the first
# one that matches wins, so the more specific phrasings come first.
_MONTH_LEAD = (
    rf"(?:(?:{_MONTHLY_CUE}|every\s+(?:\d{{1,3}}|other)\s+months?|bi-?monthly)\s*,?\s*(?:on\s+)?)"
)
_CADENCE_PATTERNS: list[tuple[re.Pattern[str], object]] = []


def _pattern(regex: str):
    def register(build):
        _CADENCE_PATTERNS.append((re.compile(regex, re.IGNORECASE), build))
        return build

    return register


@_pattern(
    rf"(?:{_MONTH_LEAD}(?:the\s+)?(?P<nth>{_NTH_WORD})\s+(?P<day>{_ANY_DAY})"
    rf"(?:\s+of\s+(?:the|each|every)\s+month)?"
    rf"|(?:on\s+|every\s+|each\s+)?(?:the\s+)?(?P<nth2>{_NTH_WORD})\s+(?P<day2>{_ANY_DAY})\s+"
    rf"(?:of|in)\s+(?:the|each|every)\s+month)"
)
def _monthly_nth(match: re.Match[str]) -> Cadence:
    nth = _NTH_VALUES[(match.group("nth") or match.group("nth2")).lower()]
    day = match.group("day") or match.group("day2")
    return Cadence("monthly", _month_every(match), month_nth=(nth, _weekday_of(day)))


@_pattern(
    rf"(?:{_MONTH_LEAD}(?:the\s+)?(?:(?P<md>\d{{1,2}})(?:st|nd|rd|th)?|(?P<last>last)\s+day)"
    rf"(?:\s+of\s+(?:the|each|every)\s+month)?"
    rf"|(?:on\s+|every\s+|each\s+)?(?:the\s+)?(?:(?P<md2>\d{{1,2}})(?:st|nd|rd|th)?|(?P<last2>last)\s+day)"
    rf"\s+of\s+(?:the|each|every)\s+month)\b"
)
def _monthly_day(match: re.Match[str]) -> Cadence | None:
    if match.group("last") or match.group("last2"):
        day = 31
    else:
        day = int(match.group("md") or match.group("md2"))
    if not 1 <= day <= 31:
        return None
    return Cadence("monthly", _month_every(match), month_day=day)


@_pattern(r"\b(?:every\s+(?P<n>\d{1,3}|other)\s+months?|monthly|every\s+month|each\s+month"
          r"|once\s+a\s+month|bi-?monthly)\b")  # fmt: skip
def _monthly(match: re.Match[str]) -> Cadence:
    return Cadence("monthly", _month_every(match))


@_pattern(r"\b(?:(?:every|each|on)\s+)?week\s*days\b|\bevery\s+weekday\b|\bon\s+weekdays\b")
def _weekdays(match: re.Match[str]) -> Cadence:
    return Cadence("weekly", weekdays=(0, 1, 2, 3, 4))


@_pattern(r"\b(?:(?:every|each|on)\s+)?week\s*-?ends?\b")
def _weekends(match: re.Match[str]) -> Cadence:
    return Cadence("weekly", weekdays=(5, 6))


@_pattern(
    rf"\b(?:every\s+{_COUNT}\s+weeks?\s+on\s+|(?:bi-?weekly|fortnightly)\s+on\s+"
    rf"|every\s+(?P<other>other|second)\s+|(?:weekly\s+)?(?:on\s+|every\s+|each\s+)"
    rf"|weekly\s+on\s+)(?P<days>{_DAY_LIST})"
    rf"|\b(?P<list>{_ANY_DAY}(?:\s*(?:,|/|&|\band\b)\s*{_ANY_DAY})+)"
    rf"|\b(?P<plural>(?:{'|'.join(p for p in _DAY_NAMES.values())})s)\b"
    rf"(?:\s*(?:,|/|&|\band\b|\bor\b)\s*{_ANY_DAY})*"
)
def _weekly_days(match: re.Match[str]) -> Cadence | None:
    text = match.group(0)
    days = _days_in(match.group("days") or match.group("list") or text)
    if not days:
        return None
    if match.group("plural") and not re.search(r"[a-z]s\b", match.group("plural"), re.IGNORECASE):
        return None
    lowered = text.lower()
    interval = 1
    if match.group("n"):
        interval = _count(match.group("n"))
    elif match.group("other") or re.search(r"bi-?weekly|fortnightly", lowered):
        interval = 2
    return Cadence("weekly", interval, days)


@_pattern(
    rf"\b(?:every\s+{_COUNT}\s+weeks?|bi-?weekly|fortnightly|every\s+fortnight"
    r"|once\s+a\s+fortnight|twice\s+a\s+month)\b"
)
def _every_n_weeks(match: re.Match[str]) -> Cadence:
    return Cadence("weekly", _count(match.group("n")) if match.group("n") else 2)


@_pattern(r"\b(?:weekly|every\s+week|each\s+week|once\s+a\s+week)\b")
def _weekly(match: re.Match[str]) -> Cadence:
    return Cadence("weekly")


@_pattern(rf"\bevery\s+{_COUNT}\s+days?\b")
def _every_n_days(match: re.Match[str]) -> Cadence:
    return Cadence("daily", _count(match.group("n")))


@_pattern(
    r"\b(?:daily|every\s*day|each\s+day|once\s+a\s+day|(?:every|each)\s+"
    r"(?:morning|evening|night|afternoon)|nightly)\b"
)
def _daily(match: re.Match[str]) -> Cadence:
    return Cadence("daily")


_MINUTES = re.compile(
    r"(?<![\w.,])(?:for\s+)?(?:"
    r"(?P<h>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:hours?|hrs?|h)(?![a-z])"
    r"(?:\s*(?P<hm>\d{1,2})\s*(?:minutes?|mins?|m)?(?![a-z\d]))?"
    r"|(?P<m>\d{1,3})\s*(?:minutes?|mins?|m)(?![a-z])"
    r"|(?P<half>half\s+an\s+hour)|(?P<one>an\s+hour)"
    r")",
    re.IGNORECASE,
)


def _minutes(match: re.Match[str]) -> int | None:
    if match.group("half"):
        return 30
    if match.group("one"):
        return 60
    if match.group("m"):
        return int(match.group("m")) or None
    hours = float(match.group("h").replace(",", "."))
    total = round(hours * 60) + int(match.group("hm") or 0)
    return total or None


def _clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # What is left around a removed phrase: "Read , and" → "Read"
    edge = r"(?:[,;:/&+\-–—]|\band\b|\bfor\b|\bon\b|\bat\b|\bevery\b|\beach\b)"
    previous = None
    while previous != text:
        previous = text
        text = re.sub(rf"^(?:{edge}\s*)+", "", text, flags=re.IGNORECASE).strip()
        text = re.sub(rf"(?:\s*{edge})+$", "", text, flags=re.IGNORECASE).strip()
        text = re.sub(r"\(\s*\)", "", text).strip()
    return re.sub(r"\s+([,;:])", r"\1", text)


def parse_action_text(text: str) -> ParsedAction:
    """Find a cadence and a duration in an action typed as one line.

    "30 min Python practice every Tue and Thu" → title "Python practice", 30 minutes, weekly
    on Tuesday and Thursday. What is not understood stays in the title; nothing is guessed
    beyond the words typed.
    """
    spans: list[tuple[int, int]] = []
    cadence: Cadence | None = None
    for pattern, build in _CADENCE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                found = build(match)  # type: ignore[operator]
            except (RecurrenceError, ValueError, IndexError):
                found = None
            if found is not None:
                cadence = found
                spans.append(match.span())
                break
        if cadence is not None:
            break
    minutes: int | None = None
    for match in _MINUTES.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        minutes = _minutes(match)
        if minutes is not None:
            spans.append(match.span())
            break
    title = text
    for start, end in sorted(spans, reverse=True):
        title = title[:start] + " " + title[end:]
    return ParsedAction(title=_clean_title(title), cadence=cadence, minutes=minutes)
