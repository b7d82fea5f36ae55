"""The few reads `growth status` needs, in plain `sqlite3`, read-only.

Why not the repositories: `growth status` runs from shell prompts and login scripts and must
answer within 0.3 s on a ten-year database. Importing SQLModel alone costs ~0.3 s (SQLAlchemy
~0.25 s), so this module talks to the file with the standard library's `sqlite3`. That ties it
to SQLite, which is why it lives in the store beside `sqlite.py`: a PostgreSQL store later needs
a sibling of this module (or the status command falls back to the repositories). Everything
here is a handful of indexed queries; the file is opened read-only (`mode=ro`), so a status
call can never change or lock out the running app.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

MISSED_LOOKBACK_DAYS = 14  # as on the Log screen: a missed occurrence stays listed this long


class StatusQueryError(Exception):
    """The database cannot be read for a status line; the message says why, for a person."""


@dataclass(frozen=True)
class GoalFacts:
    """What the coach's goal rules read."""

    id: int
    title: str
    metric: str
    target: float | None
    due: date | None
    why_achievable: str
    obstacles: str
    resources: str
    why_relevant: str
    status: str


@dataclass(frozen=True)
class StatusData:
    today: date
    due_today: list[str]  # action titles due today and not answered yet
    overdue: int  # missed recurring occurrences (last 14 days) and overdue one-offs
    cadence: str
    next_checkin_on: date | None
    next_quarterly_on: date | None
    next_annual_on: date | None
    done_weeks: list[date]  # Mondays of weeks with something done
    north_star: str = ""
    goals: list[GoalFacts] = field(default_factory=list)
    dismissed: set[tuple[str, str, int | None]] = field(default_factory=set)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _connect(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise StatusQueryError(f"No database at {path} yet; run `growth` to start one.")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StatusQueryError(f"{path} is not a growth database ({error}).") from error
    if version == 0:
        connection.close()
        raise StatusQueryError(f"{path} is not a growth database (or was never opened).")
    return connection


def _occurrences(rule: str, starts_on: date, ends_on: date | None, first: date, last: date):
    try:
        from growth_tui.domain.recurrence import occurrences
    except ImportError:  # before the recurrence module lands: dateutil directly
        from datetime import datetime, time

        from dateutil.rrule import rrulestr

        schedule = rrulestr(rule, dtstart=datetime.combine(starts_on, time()))
        days = schedule.between(
            datetime.combine(first, time()), datetime.combine(last, time()), inc=True
        )
        return [d.date() for d in days if ends_on is None or d.date() <= ends_on]
    return occurrences(rule, starts_on, ends_on, first, last)


def read_status(path: Path, today: date) -> StatusData:
    """Everything a status line shows, read in one short read-only transaction."""
    connection = _connect(path)
    try:
        return _read(connection, today)
    except sqlite3.DatabaseError as error:
        raise StatusQueryError(f"Cannot read {path}: {error}.") from error
    finally:
        connection.close()


def _read(db: sqlite3.Connection, today: date) -> StatusData:
    db.execute("BEGIN")
    plan = db.execute(
        "SELECT id, north_star, checkin_cadence, next_checkin_on, next_quarterly_on,"
        " next_annual_on FROM plan ORDER BY id LIMIT 1"
    ).fetchone()
    if plan is None:
        return StatusData(today, [], 0, "weekly", None, None, None, [])
    plan_id = plan[0]
    first = today - timedelta(days=MISSED_LOOKBACK_DAYS)
    active_goal = "goal.plan_id = ? AND goal.status = 'active'"
    due_today: list[str] = []
    overdue = 0
    # One-off actions: due today or earlier, still active, not done.
    for title, due in db.execute(
        "SELECT action.title, action.due FROM action JOIN goal ON goal.id = action.goal_id"
        f" WHERE {active_goal} AND action.kind = 'once' AND action.status = 'active'"
        " AND action.due IS NOT NULL AND action.due <= ?"
        " AND NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.action_id = action.id"
        " AND e.status = 'done')"
        " ORDER BY action.due, action.position, action.id",
        (plan_id, today.isoformat()),
    ):
        if _day(due) == today:
            due_today.append(title)
        else:
            overdue += 1
    # Recurring actions: today's occurrence and the missed ones of the last two weeks.
    recurring = db.execute(
        "SELECT action.id, action.title, action.rrule, action.starts_on, action.ends_on,"
        " action.created_at FROM action JOIN goal ON goal.id = action.goal_id"
        f" WHERE {active_goal} AND action.status = 'active' AND action.rrule != ''"
        " AND (action.ends_on IS NULL OR action.ends_on >= ?)"
        " ORDER BY goal.track, goal.position, action.position, action.id",
        (plan_id, first.isoformat()),
    ).fetchall()
    answered = {
        (action_id, _day(on))
        for action_id, on in db.execute(
            "SELECT e.action_id, e.occurrence_on FROM log_entry e JOIN action ON"
            " action.id = e.action_id JOIN goal ON goal.id = action.goal_id"
            f" WHERE {active_goal} AND e.occurrence_on BETWEEN ? AND ?",
            (plan_id, first.isoformat(), today.isoformat()),
        )
    }
    for action_id, title, rule, starts_on, ends_on, created_at in recurring:
        start = _day(starts_on) or _day(created_at) or first
        try:
            days = _occurrences(rule, start, _day(ends_on), first, today)
        except ValueError:
            continue  # a broken rule is the Goals screen's to report, not a status line's
        for day in days:
            if (action_id, day) in answered:
                continue
            if day == today:
                due_today.append(title)
            else:
                overdue += 1
    # Weeks with something done (SQLite's date modifiers give each day's Monday).
    done_weeks = [
        date.fromisoformat(monday)
        for (monday,) in db.execute(
            "SELECT DISTINCT date(e.logged_on, '-6 days', 'weekday 1') AS monday"
            " FROM log_entry e JOIN action ON action.id = e.action_id"
            " JOIN goal ON goal.id = action.goal_id"
            " WHERE goal.plan_id = ? AND e.status = 'done' AND e.logged_on <= ?"
            " ORDER BY monday DESC",
            (plan_id, today.isoformat()),
        )
    ]
    goals = [
        GoalFacts(row[0], row[1], row[2], row[3], _day(row[4]), *row[5:])
        for row in db.execute(
            "SELECT id, title, metric, target, due, why_achievable, obstacles, resources,"
            " why_relevant, status FROM goal WHERE plan_id = ? AND status = 'active'"
            " AND parent_id IS NULL ORDER BY track, position, id",
            (plan_id,),
        )
    ]
    dismissed = {
        (rule, kind, subject)
        for rule, kind, subject in db.execute(
            "SELECT rule_id, subject_kind, subject_id FROM coach_dismissal"
        )
    }
    db.execute("COMMIT")
    return StatusData(
        today=today,
        due_today=due_today,
        overdue=overdue,
        cadence=plan[2],
        next_checkin_on=_day(plan[3]),
        next_quarterly_on=_day(plan[4]),
        next_annual_on=_day(plan[5]),
        done_weeks=done_weeks,
        north_star=plan[1],
        goals=goals,
        dismissed=dismissed,
    )
