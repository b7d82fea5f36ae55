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
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from growth_tui.domain.recurrence import occurrences

MISSED_LOOKBACK_DAYS = 14  # as on the Log screen: a missed occurrence stays listed this long


class StatusQueryError(Exception):
    """The database cannot be read for a status line; the message says why, for a person."""


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
    coach: Any = None  # a `growth_tui.domain.coach.PlanSnapshot`


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
        return StatusData(today, [], 0, "weekly", None, None, None, [], None)
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
            days = occurrences(rule, start, _day(ends_on), first, today)
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
    snapshot = _coach_snapshot(db, plan_id, today)
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
        coach=snapshot,
    )


def _coach_snapshot(db: sqlite3.Connection, plan_id: int, today: date):
    """The coach's `PlanSnapshot`, read the way `store.coach_repo.load_snapshot` reads it.

    A copy of that loader in plain SQL, so `growth status` shows the same top finding as the
    app without importing SQLModel; `tests/test_status.py` checks both give the same findings.
    """
    from growth_tui.domain.coach import ActionInfo, GoalInfo, PlanSnapshot

    plan = db.execute(
        "SELECT north_star, weekly_budget_minutes, next_checkin_on, created_at FROM plan"
        " WHERE id = ?",
        (plan_id,),
    ).fetchone()
    rows = db.execute(
        "SELECT id, parent_id, title, track, status, metric, target, due, why_achievable,"
        " obstacles, resources, why_relevant, created_at, updated_at FROM goal"
        " WHERE plan_id = ? ORDER BY position, id",
        (plan_id,),
    ).fetchall()
    parent_of = {r[0]: r[1] for r in rows}

    def top(goal_id: int) -> int:
        seen: set[int] = set()
        while parent_of.get(goal_id) is not None and goal_id not in seen:
            seen.add(goal_id)
            goal_id = parent_of[goal_id]
        return goal_id

    focus: dict[int, list[str]] = {}
    for goal_id, title in db.execute(
        "SELECT f.goal_id, f.title FROM focus_point f JOIN goal g ON g.id = f.goal_id"
        " WHERE g.plan_id = ? ORDER BY f.position, f.id",
        (plan_id,),
    ):
        focus.setdefault(goal_id, []).append(title)
    supporters: dict[int, int] = {}
    for goal_id, count in db.execute(
        "SELECT s.goal_id, count(*) FROM goal_supporter s JOIN goal g ON g.id = s.goal_id"
        " WHERE g.plan_id = ? GROUP BY s.goal_id",
        (plan_id,),
    ):
        supporters[top(goal_id)] = supporters.get(top(goal_id), 0) + int(count)
    actions = []
    for row in db.execute(
        "SELECT a.id, a.goal_id, a.title, a.kind, a.rrule, a.starts_on, a.ends_on, a.due,"
        " a.planned_minutes, a.direction, a.status, a.supporter_id FROM action a"
        " JOIN goal g ON g.id = a.goal_id WHERE g.plan_id = ? ORDER BY a.position, a.id",
        (plan_id,),
    ):
        owner = top(row[1])
        if row[11] is not None and row[10] == "active":
            supporters[owner] = supporters.get(owner, 0) + 1
        actions.append(
            ActionInfo(
                id=row[0],
                goal_id=owner,
                title=row[2],
                kind=row[3],
                rrule=row[4],
                starts_on=_day(row[5]),
                ends_on=_day(row[6]),
                due=_day(row[7]),
                planned_minutes=row[8],
                direction=row[9],
                status=row[10],
            )
        )
    goals = [
        GoalInfo(
            id=r[0],
            title=r[2],
            track=r[3],
            status=r[4],
            metric=r[5],
            target=r[6],
            due=_day(r[7]),
            why_achievable=r[8],
            obstacles=r[9],
            resources=r[10],
            why_relevant=r[11],
            focus_points=tuple(focus.get(r[0], ())),
            supporter_count=supporters.get(r[0], 0),
            created_on=_day(r[12]),
            changed_on=_day(r[13]),
        )
        for r in rows
        if r[1] is None
    ]
    since = (today - timedelta(days=30)).isoformat()
    in_plan = "a.goal_id IN (SELECT id FROM goal WHERE plan_id = ?)"
    done = {
        (action_id, _day(day))
        for action_id, day in db.execute(
            f"SELECT e.action_id, e.occurrence_on FROM log_entry e JOIN action a"
            f" ON a.id = e.action_id WHERE {in_plan} AND e.status = 'done'"
            " AND e.occurrence_on >= ? AND e.occurrence_on <= ?",
            (plan_id, since, today.isoformat()),
        )
    }
    last_done, first_logged = db.execute(
        f"SELECT max(e.logged_on), min(e.logged_on) FROM log_entry e JOIN action a"
        f" ON a.id = e.action_id WHERE {in_plan} AND e.status = 'done' AND e.logged_on <= ?",
        (plan_id, today.isoformat()),
    ).fetchone()
    (last_win,) = db.execute(
        "SELECT max(happened_on) FROM win WHERE plan_id = ? AND happened_on <= ?",
        (plan_id, today.isoformat()),
    ).fetchone()

    def last_review(kinds: tuple[str, ...]) -> date | None:
        marks = ",".join("?" * len(kinds))
        (day,) = db.execute(
            f"SELECT max(held_on) FROM check_in WHERE plan_id = ? AND kind IN ({marks})"
            " AND finished_at IS NOT NULL AND held_on <= ?",
            (plan_id, *kinds, today.isoformat()),
        ).fetchone()
        return _day(day)

    first_checkin, latest_next = db.execute(
        "SELECT min(held_on), max(next_on) FROM check_in WHERE plan_id = ?"
        " AND finished_at IS NOT NULL",
        (plan_id,),
    ).fetchone()
    reflections = db.execute(
        "SELECT started_at, updated_at FROM reflection_session WHERE plan_id = ?", (plan_id,)
    ).fetchall()
    reflection_days = [_day(max(started, updated)) for started, updated in reflections]
    last_reflection = max((d for d in reflection_days if d and d <= today), default=None)
    first_reflection = min((_day(s) for s, _ in reflections), default=None)
    dismissed = {
        (rule, kind, subject)
        for rule, kind, subject in db.execute(
            "SELECT rule_id, subject_kind, subject_id FROM coach_dismissal"
        )
    }
    starts = [
        _day(plan[3]),
        *(g.created_on for g in goals),
        _day(first_logged),
        _day(first_checkin),
        first_reflection,
    ]
    return PlanSnapshot(
        plan_id=plan_id,
        north_star=plan[0],
        weekly_budget_minutes=plan[1],
        next_checkin_on=_day(plan[2]) or _day(latest_next),
        started_on=min((d for d in starts if d is not None), default=None),
        goals=goals,
        actions=actions,
        done_occurrences=done,
        last_done_on=_day(last_done),
        last_win_on=_day(last_win),
        last_quarterly_on=last_review(("quarterly", "annual")),
        last_annual_on=last_review(("annual",)),
        last_reflection_on=last_reflection,
        dismissed=dismissed,
    )
