"""The action log: what is due, ticking and skipping, wins, feedback, and the log's figures.

Everything returned is a plain frozen dataclass (or dict/list of them): the UI never sees a
session or an ORM row. Occurrences come from each action's schedule
(`growth_tui.domain.recurrence`); a past occurrence with no log entry is *missed* and stays
listed as missed for `MISSED_LOOKBACK_DAYS` — it is never rolled forward to today.

One-off actions: ticking one logs its due day (or today when it has none) and marks the action
done; unticking brings it back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import String, and_, delete, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from growth_tui.domain import recurrence, streaks
from growth_tui.store.engine import Store
from growth_tui.store.links import set_links
from growth_tui.store.models import (
    Action,
    Feedback,
    FeedbackSkill,
    Goal,
    LogEntry,
    Skill,
    Win,
    WinSkill,
)
from growth_tui.store.sqlite import joined, monday_of
from growth_tui.store.types import ActionKind, ActionStatus, FeedbackKind, LogStatus, utcnow

__all__ = [
    "MISSED_LOOKBACK_DAYS",
    "DueItem",
    "FeedbackRecord",
    "GoalWeeks",
    "LogError",
    "LogQuery",
    "LogRow",
    "StreakSummary",
    "WeekCount",
    "WinRecord",
    "action_streaks",
    "add_feedback",
    "add_win",
    "count_log",
    "delete_feedback",
    "delete_win",
    "done_weeks",
    "due_items",
    "feedback_list",
    "heatmap",
    "log_page",
    "skill_choices",
    "skip",
    "streak_summary",
    "tick",
    "untick",
    "update_feedback",
    "update_win",
    "weekly_progress",
    "wins",
]

MISSED_LOOKBACK_DAYS = 14
"""How far back a missed occurrence stays on the due list (it stays in the log for ever)."""

LOG_SORTS = ("occurrence_on", "logged_on", "action", "goal", "status", "minutes")


class LogError(ValueError):
    """A log change that cannot be made; `str(error)` is a sentence for the person."""


# Plain records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """One occurrence of an action in the due window (or missed before it)."""

    action_id: int
    action_title: str
    goal_id: int
    goal_title: str
    occurrence_on: date
    status: str | None  # None (open), "done", "skipped"
    planned_minutes: int | None
    minutes: int | None = None
    note: str = ""
    recurring: bool = False
    schedule: str = ""  # "every Tue and Thu", "once"
    missed: bool = False  # a past occurrence with nothing logged

    @property
    def key(self) -> tuple[int, date]:
        return (self.action_id, self.occurrence_on)


@dataclass(frozen=True)
class LogRow:
    """One line of the full log."""

    id: int
    occurrence_on: date
    logged_on: date
    status: str
    minutes: int | None
    note: str
    action_id: int
    action_title: str
    goal_id: int
    goal_title: str


@dataclass(frozen=True)
class LogQuery:
    """Filters and order for the full log; empty fields filter nothing."""

    goal_id: int | None = None
    action_id: int | None = None
    first: date | None = None  # occurrence day from
    last: date | None = None  # occurrence day to (included)
    text: str = ""  # in the note or the action's title
    status: str | None = None
    sort: str = "occurrence_on"
    descending: bool = True


@dataclass(frozen=True)
class WinRecord:
    id: int
    happened_on: date
    title: str
    impact: str
    impact_value: float | None
    noticed_by: str
    goal_id: int | None
    goal_title: str
    skill_ids: tuple[int, ...] = ()
    skill_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    received_on: date
    from_whom: str
    text: str
    kind: str
    skill_ids: tuple[int, ...] = ()
    skill_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class WeekCount:
    week: date  # the Monday
    done: int
    skipped: int
    planned: int


@dataclass(frozen=True)
class GoalWeeks:
    goal_id: int
    goal_title: str
    weeks: tuple[WeekCount, ...]


@dataclass(frozen=True)
class StreakSummary:
    current_weeks: int
    longest_weeks: int
    done_this_week: int
    actions: dict[int, int] = field(default_factory=dict)  # recurring action id -> streak


# Helpers ---------------------------------------------------------------------------------------


def _active_goals(session: Session, plan_id: int) -> dict[int, Goal]:
    rows = session.execute(
        select(Goal).where(Goal.plan_id == plan_id, Goal.status == "active")
    ).scalars()
    return {goal.id: goal for goal in rows}


def _goal_order(goal: Goal) -> tuple:
    return (goal.parent_id is not None, goal.position, goal.id)


def _is_recurring(action: Action) -> bool:
    return action.kind == ActionKind.RECURRING or bool(action.rrule.strip())


def _occurrences(action: Action, first: date, last: date) -> list[date]:
    if not action.rrule.strip():
        return []
    start = action.starts_on or action.created_at.date()
    try:
        return recurrence.occurrences(action.rrule, start, action.ends_on, first, last)
    except recurrence.RecurrenceError:
        return []  # a rule we cannot read is shown by the Goals screen, not guessed at here


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _action_of(session: Session, action_id: int) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise LogError("That action no longer exists.")
    return action


def _check_occurrence(action: Action, occurrence_on: date) -> None:
    if _is_recurring(action) and occurrence_on not in _occurrences(
        action, occurrence_on, occurrence_on
    ):
        raise LogError(
            f"“{action.title}” is not scheduled on {occurrence_on:%a %d %b %Y}; "
            "log a day it is scheduled."
        )


# Due items -----------------------------------------------------------------------------------


def due_items(store: Store, plan_id: int, today: date, days: int = 7) -> list[DueItem]:
    """Occurrences from today for `days` days, plus missed and overdue ones before today.

    Order: missed / overdue first (oldest first), then by day; within a day by goal and action.
    Done and skipped occurrences in the window stay on the list so they can be unticked.
    """
    first = today - timedelta(days=MISSED_LOOKBACK_DAYS)
    last = today + timedelta(days=max(days, 1) - 1)
    with store.read() as session:
        goals = _active_goals(session, plan_id)
        if not goals:
            return []
        actions = list(
            session.execute(
                select(Action).where(
                    Action.goal_id.in_(goals),
                    Action.status.in_((ActionStatus.ACTIVE, ActionStatus.DONE)),
                )
            ).scalars()
        )
        action_ids = [a.id for a in actions]
        # Two queries, each on its own index, instead of one OR that scans the whole log.
        in_window = select(LogEntry).where(
            LogEntry.action_id.in_(action_ids), LogEntry.occurrence_on.between(first, last)
        )
        # (Filtered by action here in Python: given both, SQLite picks the wrong index.)
        logged_lately = select(LogEntry).where(LogEntry.logged_on.between(today, last))
        wanted = set(action_ids)
        entries = {
            (entry.action_id, entry.occurrence_on): entry
            for query in (in_window, logged_lately)
            for entry in session.execute(query).scalars()
            if entry.action_id in wanted
        }
    items: list[DueItem] = []
    for action in actions:
        goal = goals[action.goal_id]
        recurring = _is_recurring(action)
        if recurring:
            if action.status != ActionStatus.ACTIVE:
                continue
            # A missed one stays from the lookback, but never before the action existed.
            days_for = _occurrences(action, first, last)
            schedule = recurrence.describe(action.rrule)
        else:
            if action.status == ActionStatus.DONE:
                # A done one-off stays visible where it was logged, so it can be unticked.
                days_for = [d for (aid, d) in entries if aid == action.id]
            elif action.due is None or action.due > last:
                continue
            else:
                days_for = [action.due]  # an overdue one-off stays until done, however old
            schedule = "once"
        for day in days_for:
            entry = entries.get((action.id, day))
            items.append(
                DueItem(
                    action_id=action.id,
                    action_title=action.title,
                    goal_id=goal.id,
                    goal_title=goal.title,
                    occurrence_on=day,
                    status=entry.status if entry else None,
                    planned_minutes=action.planned_minutes,
                    minutes=entry.minutes if entry else None,
                    note=entry.note if entry else "",
                    recurring=recurring,
                    schedule=schedule,
                    missed=entry is None and day < today,
                )
            )
    # A past occurrence that was answered is history, unless it was answered today: then it
    # stays in place, so a tick can be undone where it was made.
    items = [
        item
        for item in items
        if item.occurrence_on >= today
        or item.status is None
        or entries[item.key].logged_on == today
    ]
    order = {gid: n for n, gid in enumerate(sorted(goals, key=lambda g: _goal_order(goals[g])))}
    items.sort(
        key=lambda item: (
            not item.missed,
            item.occurrence_on,
            order[item.goal_id],
            item.action_title.casefold(),
            item.action_id,
        )
    )
    return items


# Tick / skip / untick ------------------------------------------------------------------------


def tick(
    store: Store,
    action_id: int,
    occurrence_on: date,
    *,
    today: date,
    minutes: int | None = None,
    note: str = "",
) -> None:
    """Mark one occurrence done (again: updates minutes and note)."""
    _answer(store, action_id, occurrence_on, LogStatus.DONE, today, minutes, note)


def skip(store: Store, action_id: int, occurrence_on: date, *, today: date, reason: str) -> None:
    """Mark one occurrence skipped, with the reason as its note."""
    _answer(store, action_id, occurrence_on, LogStatus.SKIPPED, today, None, reason)


def _answer(
    store: Store,
    action_id: int,
    occurrence_on: date,
    status: str,
    today: date,
    minutes: int | None,
    note: str,
) -> None:
    if minutes is not None and not 0 <= minutes <= 24 * 60:
        raise LogError("Minutes must be between 0 and 1440 (a whole day).")
    with store.write() as session:
        action = _action_of(session, action_id)
        _check_occurrence(action, occurrence_on)
        entry = session.execute(
            select(LogEntry).where(
                LogEntry.action_id == action_id, LogEntry.occurrence_on == occurrence_on
            )
        ).scalar_one_or_none()
        if entry is None:
            entry = LogEntry(action_id=action_id, occurrence_on=occurrence_on, logged_on=today)
        entry.status = str(status)
        entry.logged_on = today
        entry.minutes = minutes
        entry.note = note
        session.add(entry)
        if not _is_recurring(action):
            action.status = ActionStatus.DONE if status == LogStatus.DONE else ActionStatus.ACTIVE
            action.updated_at = utcnow()
            session.add(action)


def untick(store: Store, action_id: int, occurrence_on: date) -> bool:
    """Forget what was logged for one occurrence; True if there was something to forget."""
    with store.write() as session:
        action = _action_of(session, action_id)
        result = session.execute(
            delete(LogEntry).where(
                LogEntry.action_id == action_id, LogEntry.occurrence_on == occurrence_on
            )
        )
        if not _is_recurring(action) and action.status == ActionStatus.DONE:
            action.status = ActionStatus.ACTIVE
            action.updated_at = utcnow()
            session.add(action)
        return bool(result.rowcount)


# Streaks, heatmap, weekly progress ------------------------------------------------------------


def _plan_action_ids(plan_id: int):
    return select(Action.id).join(Goal, Goal.id == Action.goal_id).where(Goal.plan_id == plan_id)


def done_weeks(store: Store, plan_id: int) -> list[date]:
    """The Mondays of the weeks something was done in (distinct, oldest first).

    Grouped by SQLite: a long log has many done days but ~52 weeks a year, and the weekly
    streaks need only the weeks (100,000 entries: 30 ms here, against 130 ms for the days).
    """
    monday = monday_of(LogEntry.logged_on)
    query = (
        select(monday)
        .where(LogEntry.status == LogStatus.DONE, LogEntry.action_id.in_(_plan_action_ids(plan_id)))
        .distinct()
        .order_by(monday)
    )
    with store.read() as session:
        return [date.fromisoformat(text) for text in session.connection().execute(query).scalars()]


def heatmap(store: Store, plan_id: int, today: date, *, weeks: int = 53) -> dict[date, int]:
    """Done count per day (by the day it was done) over the last `weeks` weeks, up to today.

    The first day is a Monday, so a grid of `weeks` columns fills exactly; days with nothing
    done are left out.
    """
    first = streaks.week_start(today) - timedelta(weeks=weeks - 1)
    counts: dict[date, int] = defaultdict(int)
    for day, _ in _done_between(store, plan_id, first, today):
        counts[day] += 1
    return dict(counts)


def _done_between(store: Store, plan_id: int, first: date, last: date) -> list[tuple[date, int]]:
    """(day done, action id) of the plan's done entries logged from `first` to `last`.

    Read through the logged_on index and filtered by plan here: with the plan's join in the
    query, SQLite walks every entry of every action instead (no ANALYZE statistics).
    """
    with store.read() as session:
        action_ids = set(session.execute(_plan_action_ids(plan_id)).scalars())
        rows = session.execute(
            select(LogEntry.logged_on, LogEntry.action_id).where(
                LogEntry.logged_on.between(first, last), LogEntry.status == LogStatus.DONE
            )
        ).all()
    return [(day, action_id) for day, action_id in rows if action_id in action_ids]


#: A status by its first letter, as `action_streaks` reads them joined into one text.
STATUS_MARKS = {status.value[0]: status.value for status in LogStatus}
assert len(STATUS_MARKS) == len(LogStatus), "log statuses must differ in their first letter"


def action_streaks(store: Store, plan_id: int, today: date) -> dict[int, int]:
    """Streak of each active recurring action (see `growth_tui.domain.streaks`).

    Walks each action's schedule back from today, one window at a time (64 days, then four
    times longer each round), reading only that window's entries, until a missed occurrence or
    the action's start ends the run. Each occurrence is looked at once: a daily habit never
    missed in 19 years (100,000 entries in all) takes ~0.1 s, not the whole log's worth.
    """
    with store.read() as session:
        goals = _active_goals(session, plan_id)
        actions = [
            action
            for action in session.execute(
                select(Action).where(
                    Action.goal_id.in_(goals), Action.status == ActionStatus.ACTIVE
                )
            ).scalars()
            if _is_recurring(action)
        ]
        result = {action.id: 0 for action in actions}
        connection = session.connection()
        # One row per action with its window's days and statuses joined into two texts: a
        # long log is read in a few rows, not one Python row per entry (100,000: 0.1 s less).
        days_joined = joined(func.substr(type_coerce(LogEntry.occurrence_on, String), 1, 10))
        marks_joined = joined(func.substr(LogEntry.status, 1, 1), "")
        span = 64
        newest = today  # the next window ends here (inclusive)
        while actions:
            first = today - timedelta(days=span)
            rows = connection.execute(
                select(LogEntry.action_id, days_joined, marks_joined)
                .where(
                    LogEntry.action_id.in_([a.id for a in actions]),
                    LogEntry.occurrence_on >= first,
                    LogEntry.occurrence_on <= newest,
                )
                .group_by(LogEntry.action_id)
            )
            statuses: dict[int, dict[str, str]] = defaultdict(dict)
            for action_id, days, marks in rows:
                statuses[action_id] = dict(zip(days.split(","), marks, strict=True))
            unresolved = []
            for action in actions:
                start = action.starts_on or action.created_at.date()
                window = max(start, first)
                known = statuses[action.id]
                days = reversed(_occurrences(action, window, newest))
                run, ended = streaks.run_back(
                    days, lambda day, known=known: STATUS_MARKS.get(known.get(str(day))), today
                )
                result[action.id] += run
                if not ended and window > start:
                    unresolved.append(action)
            actions = unresolved
            newest = first - timedelta(days=1)
            span *= 4
    return result


def streak_summary(
    store: Store, plan_id: int, today: date, *, with_actions: bool = True
) -> StreakSummary:
    """Weekly streak now and at best, how much is done this week, and (unless
    `with_actions` is False, which is cheaper) each recurring action's streak."""
    weeks = done_weeks(store, plan_id)
    done_this_week = len(_done_between(store, plan_id, streaks.week_start(today), today))
    return StreakSummary(
        current_weeks=streaks.weekly_streak(weeks, today),
        longest_weeks=streaks.longest_weekly_streak(weeks),
        done_this_week=int(done_this_week),
        actions=action_streaks(store, plan_id, today) if with_actions else {},
    )


def weekly_progress(store: Store, plan_id: int, today: date, *, weeks: int = 12) -> list[GoalWeeks]:
    """Per active goal: done, skipped and planned occurrences in each of the last `weeks` weeks.

    Planned counts the schedule (recurring occurrences, one-off due days) of the goal's
    actions that are not dropped; done and skipped count log entries by occurrence day.
    """
    this_week = streaks.week_start(today)
    first = this_week - timedelta(weeks=weeks - 1)
    last = this_week + timedelta(days=6)
    mondays = [first + timedelta(weeks=n) for n in range(weeks)]
    with store.read() as session:
        goals = _active_goals(session, plan_id)
        actions = list(
            session.execute(
                select(Action).where(
                    Action.goal_id.in_(goals), Action.status != ActionStatus.DROPPED
                )
            ).scalars()
        )
        logged = session.execute(
            select(Action.goal_id, LogEntry.occurrence_on, LogEntry.status)
            .join(Action, Action.id == LogEntry.action_id)
            .where(
                Action.goal_id.in_(goals),
                LogEntry.occurrence_on.between(first, last),
            )
        ).all()
    planned: dict[tuple[int, date], int] = defaultdict(int)
    for action in actions:
        if _is_recurring(action):
            days = _occurrences(action, first, last)
        else:
            days = [action.due] if action.due and first <= action.due <= last else []
        for day in days:
            planned[(action.goal_id, streaks.week_start(day))] += 1
    done: dict[tuple[int, date], int] = defaultdict(int)
    skipped: dict[tuple[int, date], int] = defaultdict(int)
    for goal_id, day, status in logged:
        bucket = done if status == LogStatus.DONE else skipped
        bucket[(goal_id, streaks.week_start(day))] += 1
    result = []
    for goal in sorted(goals.values(), key=_goal_order):
        result.append(
            GoalWeeks(
                goal_id=goal.id,
                goal_title=goal.title,
                weeks=tuple(
                    WeekCount(
                        week=monday,
                        done=done[(goal.id, monday)],
                        skipped=skipped[(goal.id, monday)],
                        planned=planned[(goal.id, monday)],
                    )
                    for monday in mondays
                ),
            )
        )
    return result


# The full log --------------------------------------------------------------------------------


def _log_filter(plan_id: int, query: LogQuery) -> list:
    conditions = [Goal.plan_id == plan_id]
    if query.goal_id is not None:
        conditions.append(Action.goal_id == query.goal_id)
    if query.action_id is not None:
        conditions.append(LogEntry.action_id == query.action_id)
    if query.first is not None:
        conditions.append(LogEntry.occurrence_on >= query.first)
    if query.last is not None:
        conditions.append(LogEntry.occurrence_on <= query.last)
    if query.status:
        conditions.append(LogEntry.status == query.status)
    text = query.text.strip()
    if text:
        pattern = _like(text)
        conditions.append(
            or_(
                LogEntry.note.ilike(pattern, escape="\\"),
                Action.title.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _log_base(columns: Sequence, plan_id: int, query: LogQuery):
    return (
        select(*columns)
        .select_from(LogEntry)
        .join(Action, Action.id == LogEntry.action_id)
        .join(Goal, Goal.id == Action.goal_id)
        .where(and_(*_log_filter(plan_id, query)))
    )


def count_log(store: Store, plan_id: int, query: LogQuery = LogQuery()) -> int:
    """How many log entries match `query`."""
    with store.read() as session:
        return int(session.execute(_log_base([func.count()], plan_id, query)).scalar_one())


def log_page(
    store: Store, plan_id: int, query: LogQuery = LogQuery(), *, offset: int = 0, limit: int = 100
) -> list[LogRow]:
    """One page of the full log, in the query's order (ties broken newest entry first)."""
    if query.sort not in LOG_SORTS:
        raise LogError(f"Cannot sort the log by {query.sort!r}.")
    key = {
        "occurrence_on": LogEntry.occurrence_on,
        "logged_on": LogEntry.logged_on,
        "action": func.lower(Action.title),
        "goal": func.lower(Goal.title),
        "status": LogEntry.status,
        "minutes": func.coalesce(LogEntry.minutes, -1),
    }[query.sort]
    direction = key.desc() if query.descending else key.asc()
    tie = LogEntry.id.desc() if query.descending else LogEntry.id.asc()
    columns = [
        LogEntry.id,
        LogEntry.occurrence_on,
        LogEntry.logged_on,
        LogEntry.status,
        LogEntry.minutes,
        LogEntry.note,
        LogEntry.action_id,
        Action.title,
        Action.goal_id,
        Goal.title,
    ]
    statement = (
        _log_base(columns, plan_id, query)
        .order_by(direction, tie)
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )
    with store.read() as session:
        return [LogRow(*row) for row in session.execute(statement).all()]


# Wins ------------------------------------------------------------------------------------------


def _clean_title(title: str, what: str) -> str:
    title = title.strip()
    if not title:
        raise LogError(f"Write what the {what} was; it cannot be empty.")
    return title


def _skill_links(session: Session, link, owner_column, owner_ids: Iterable[int]):
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    ids = list(owner_ids)
    if not ids:
        return found
    rows = session.execute(
        select(owner_column, Skill.id, Skill.name)
        .join(Skill, Skill.id == link.skill_id)
        .where(owner_column.in_(ids))
        .order_by(Skill.name)
    )
    for owner, skill_id, name in rows:
        found[owner].append((skill_id, name))
    return found


def add_win(
    store: Store,
    plan_id: int,
    *,
    happened_on: date,
    title: str,
    impact: str = "",
    impact_value: float | None = None,
    noticed_by: str = "",
    goal_id: int | None = None,
    skill_ids: Sequence[int] = (),
) -> int:
    """Record a win; returns its id."""
    with store.write() as session:
        win = Win(
            plan_id=plan_id,
            happened_on=happened_on,
            title=_clean_title(title, "win"),
            impact=impact.strip(),
            impact_value=impact_value,
            noticed_by=noticed_by.strip(),
            goal_id=goal_id,
        )
        session.add(win)
        session.flush()
        set_links(session, WinSkill, "win_id", win.id, "skill_id", skill_ids)
        return int(win.id)


def update_win(
    store: Store,
    win_id: int,
    *,
    happened_on: date,
    title: str,
    impact: str = "",
    impact_value: float | None = None,
    noticed_by: str = "",
    goal_id: int | None = None,
    skill_ids: Sequence[int] = (),
) -> None:
    with store.write() as session:
        win = session.get(Win, win_id)
        if win is None:
            raise LogError("That win no longer exists.")
        win.happened_on = happened_on
        win.title = _clean_title(title, "win")
        win.impact = impact.strip()
        win.impact_value = impact_value
        win.noticed_by = noticed_by.strip()
        win.goal_id = goal_id
        session.add(win)
        set_links(session, WinSkill, "win_id", win_id, "skill_id", skill_ids)


def delete_win(store: Store, win_id: int) -> None:
    with store.write() as session:
        session.execute(delete(WinSkill).where(WinSkill.win_id == win_id))
        session.execute(delete(Win).where(Win.id == win_id))


def wins(
    store: Store,
    plan_id: int,
    *,
    goal_id: int | None = None,
    skill_id: int | None = None,
    text: str = "",
    first: date | None = None,
    last: date | None = None,
    limit: int | None = None,
) -> list[WinRecord]:
    """Wins, newest first, filtered by goal, skill, text and date range."""
    query = (
        select(Win, Goal.title)
        .outerjoin(Goal, Goal.id == Win.goal_id)
        .where(Win.plan_id == plan_id)
        .order_by(Win.happened_on.desc(), Win.id.desc())
    )
    if goal_id is not None:
        query = query.where(Win.goal_id == goal_id)
    if skill_id is not None:
        query = query.where(
            Win.id.in_(select(WinSkill.win_id).where(WinSkill.skill_id == skill_id))
        )
    if text.strip():
        pattern = _like(text.strip())
        query = query.where(
            or_(
                Win.title.ilike(pattern, escape="\\"),
                Win.impact.ilike(pattern, escape="\\"),
                Win.noticed_by.ilike(pattern, escape="\\"),
            )
        )
    if first is not None:
        query = query.where(Win.happened_on >= first)
    if last is not None:
        query = query.where(Win.happened_on <= last)
    if limit is not None:
        query = query.limit(limit)
    with store.read() as session:
        rows = session.execute(query).all()
        skills = _skill_links(session, WinSkill, WinSkill.win_id, [win.id for win, _ in rows])
    return [
        WinRecord(
            id=win.id,
            happened_on=win.happened_on,
            title=win.title,
            impact=win.impact,
            impact_value=win.impact_value,
            noticed_by=win.noticed_by,
            goal_id=win.goal_id,
            goal_title=goal_title or "",
            skill_ids=tuple(s for s, _ in skills[win.id]),
            skill_names=tuple(n for _, n in skills[win.id]),
        )
        for win, goal_title in rows
    ]


# Feedback ------------------------------------------------------------------------------------


def _check_kind(kind: str) -> str:
    if kind not in set(FeedbackKind):
        raise LogError("Feedback is either a strength or a growth area.")
    return kind


def add_feedback(
    store: Store,
    plan_id: int,
    *,
    received_on: date,
    text: str,
    from_whom: str = "",
    kind: str = FeedbackKind.STRENGTH,
    skill_ids: Sequence[int] = (),
) -> int:
    """Record feedback received; returns its id."""
    with store.write() as session:
        item = Feedback(
            plan_id=plan_id,
            received_on=received_on,
            text=_clean_title(text, "feedback"),
            from_whom=from_whom.strip(),
            kind=_check_kind(kind),
        )
        session.add(item)
        session.flush()
        set_links(session, FeedbackSkill, "feedback_id", item.id, "skill_id", skill_ids)
        return int(item.id)


def update_feedback(
    store: Store,
    feedback_id: int,
    *,
    received_on: date,
    text: str,
    from_whom: str = "",
    kind: str = FeedbackKind.STRENGTH,
    skill_ids: Sequence[int] = (),
) -> None:
    with store.write() as session:
        item = session.get(Feedback, feedback_id)
        if item is None:
            raise LogError("That feedback no longer exists.")
        item.received_on = received_on
        item.text = _clean_title(text, "feedback")
        item.from_whom = from_whom.strip()
        item.kind = _check_kind(kind)
        session.add(item)
        set_links(session, FeedbackSkill, "feedback_id", feedback_id, "skill_id", skill_ids)


def delete_feedback(store: Store, feedback_id: int) -> None:
    with store.write() as session:
        session.execute(delete(FeedbackSkill).where(FeedbackSkill.feedback_id == feedback_id))
        session.execute(delete(Feedback).where(Feedback.id == feedback_id))


def feedback_list(
    store: Store,
    plan_id: int,
    *,
    kind: str | None = None,
    skill_id: int | None = None,
    text: str = "",
    limit: int | None = None,
) -> list[FeedbackRecord]:
    """Feedback received, newest first."""
    query = (
        select(Feedback)
        .where(Feedback.plan_id == plan_id)
        .order_by(Feedback.received_on.desc(), Feedback.id.desc())
    )
    if kind:
        query = query.where(Feedback.kind == kind)
    if skill_id is not None:
        query = query.where(
            Feedback.id.in_(
                select(FeedbackSkill.feedback_id).where(FeedbackSkill.skill_id == skill_id)
            )
        )
    if text.strip():
        pattern = _like(text.strip())
        query = query.where(
            or_(
                Feedback.text.ilike(pattern, escape="\\"),
                Feedback.from_whom.ilike(pattern, escape="\\"),
            )
        )
    if limit is not None:
        query = query.limit(limit)
    with store.read() as session:
        items = list(session.execute(query).scalars())
        skills = _skill_links(
            session, FeedbackSkill, FeedbackSkill.feedback_id, [f.id for f in items]
        )
    return [
        FeedbackRecord(
            id=item.id,
            received_on=item.received_on,
            from_whom=item.from_whom,
            text=item.text,
            kind=item.kind,
            skill_ids=tuple(s for s, _ in skills[item.id]),
            skill_names=tuple(n for _, n in skills[item.id]),
        )
        for item in items
    ]


def skill_choices(store: Store, plan_id: int) -> list[tuple[int, str]]:
    """(id, name) of the plan's skills that are not archived, by name."""
    with store.read() as session:
        rows = session.execute(
            select(Skill.id, Skill.name)
            .where(Skill.plan_id == plan_id, Skill.archived.is_(False))
            .order_by(func.lower(Skill.name))
        ).all()
    return [(int(i), name) for i, name in rows]


def goal_choices(store: Store, plan_id: int) -> list[tuple[int, str]]:
    """(id, title) of the active goals (with milestones), in plan order."""
    with store.read() as session:
        goals = _active_goals(session, plan_id)
    return [(g.id, g.title) for g in sorted(goals.values(), key=_goal_order)]


def action_choices(store: Store, plan_id: int) -> list[tuple[int, str]]:
    """(id, title) of every action of the plan's goals, for the log's filter."""
    with store.read() as session:
        rows = session.execute(
            select(Action.id, Action.title)
            .join(Goal, Goal.id == Action.goal_id)
            .where(Goal.plan_id == plan_id)
            .order_by(func.lower(Action.title))
        ).all()
    return [(int(i), title) for i, title in rows]
