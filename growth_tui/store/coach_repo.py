"""The coach's view of the database: a `PlanSnapshot` built with a few queries, and dismissals.

`plan_findings(store, plan_id, today)` is what Home and `growth check` show: every finding for
the plan, most important first, without the ones the person dismissed. A dismissal is kept in
`coach_dismissal` by (rule, subject kind, subject id), so it survives restarts.

A finding about one goal or action stays dismissed for good ("I know, and that's fine"). A
finding about the whole plan (no check-in booked, no reflection for months…) describes a state
that comes and goes, so dismissing it snoozes it for `PLAN_SNOOZE_DAYS`; forever would hide
next year's overdue review because of this year's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from growth_tui.domain.coach import ActionInfo, Finding, GoalInfo, PlanSnapshot, review_plan
from growth_tui.store.engine import Store
from growth_tui.store.models import (
    Action,
    CheckIn,
    CoachDismissal,
    FocusPoint,
    Goal,
    GoalSupporter,
    LogEntry,
    Plan,
    ReflectionSession,
    Win,
)
from growth_tui.store.types import utcnow

PLAN_SNOOZE_DAYS = 30


def _day(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _earliest(*days: date | None) -> date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


def load_snapshot(store: Store, plan_id: int, today: date) -> PlanSnapshot:
    """Everything the plan rules need, read in one session."""
    with store.read() as session:
        return _snapshot(session, plan_id, today)


def _snapshot(session: Session, plan_id: int, today: date) -> PlanSnapshot:
    plan = session.get(Plan, plan_id)
    if plan is None:
        return PlanSnapshot(plan_id=plan_id)

    all_goals = session.exec(
        select(Goal).where(Goal.plan_id == plan_id).order_by(col(Goal.position), col(Goal.id))
    ).all()
    parent_of = {g.id: g.parent_id for g in all_goals}

    def top(goal_id: int) -> int:
        seen: set[int] = set()
        while parent_of.get(goal_id) is not None and goal_id not in seen:
            seen.add(goal_id)
            goal_id = parent_of[goal_id]  # type: ignore[assignment]
        return goal_id

    goal_ids = [g.id for g in all_goals]
    focus: dict[int, list[str]] = {}
    supporters: dict[int, int] = {}
    actions: list[ActionInfo] = []
    if goal_ids:
        for point in session.exec(
            select(FocusPoint)
            .where(col(FocusPoint.goal_id).in_(goal_ids))
            .order_by(col(FocusPoint.position), col(FocusPoint.id))
        ):
            focus.setdefault(point.goal_id, []).append(point.title)
        for goal_id, count in session.exec(
            select(GoalSupporter.goal_id, func.count())
            .where(col(GoalSupporter.goal_id).in_(goal_ids))
            .group_by(GoalSupporter.goal_id)
        ):
            supporters[top(goal_id)] = supporters.get(top(goal_id), 0) + int(count)
        for action in session.exec(
            select(Action)
            .where(col(Action.goal_id).in_(goal_ids))
            .order_by(col(Action.position), col(Action.id))
        ):
            owner = top(action.goal_id)
            if action.supporter_id is not None and action.status == "active":
                supporters[owner] = supporters.get(owner, 0) + 1
            actions.append(
                ActionInfo(
                    id=int(action.id),
                    goal_id=owner,
                    title=action.title,
                    kind=action.kind,
                    rrule=action.rrule,
                    starts_on=action.starts_on,
                    ends_on=action.ends_on,
                    due=action.due,
                    planned_minutes=action.planned_minutes,
                    direction=action.direction,
                    status=action.status,
                )
            )

    goals = [
        GoalInfo(
            id=int(g.id),
            title=g.title,
            track=g.track,
            status=g.status,
            metric=g.metric,
            target=g.target,
            due=g.due,
            why_achievable=g.why_achievable,
            obstacles=g.obstacles,
            resources=g.resources,
            why_relevant=g.why_relevant,
            focus_points=tuple(focus.get(g.id, ())),
            supporter_count=supporters.get(g.id, 0),
            created_on=_day(g.created_at),
            changed_on=_day(g.updated_at),
        )
        for g in all_goals
        if g.parent_id is None
    ]

    since = today - timedelta(days=30)
    action_ids = [a.id for a in actions]
    done: set[tuple[int, date]] = set()
    last_done_on = first_logged_on = None
    if action_ids:
        done = {
            (int(action_id), day)
            for action_id, day in session.exec(
                select(LogEntry.action_id, LogEntry.occurrence_on).where(
                    col(LogEntry.action_id).in_(action_ids),
                    LogEntry.status == "done",
                    LogEntry.occurrence_on >= since,
                    LogEntry.occurrence_on <= today,
                )
            )
        }
        last_done_on, first_logged_on = session.exec(
            select(func.max(LogEntry.logged_on), func.min(LogEntry.logged_on)).where(
                col(LogEntry.action_id).in_(action_ids),
                LogEntry.status == "done",
                LogEntry.logged_on <= today,
            )
        ).one()

    last_win_on = session.exec(
        select(func.max(Win.happened_on)).where(Win.plan_id == plan_id, Win.happened_on <= today)
    ).one()

    def last_review(kinds: tuple[str, ...]) -> date | None:
        return session.exec(
            select(func.max(CheckIn.held_on)).where(
                CheckIn.plan_id == plan_id,
                col(CheckIn.kind).in_(kinds),
                col(CheckIn.finished_at).is_not(None),
                CheckIn.held_on <= today,
            )
        ).one()

    first_checkin_on, latest_next_on = session.exec(
        select(func.min(CheckIn.held_on), func.max(CheckIn.next_on)).where(
            CheckIn.plan_id == plan_id, col(CheckIn.finished_at).is_not(None)
        )
    ).one()

    reflections = session.exec(
        select(ReflectionSession.started_at, ReflectionSession.updated_at).where(
            ReflectionSession.plan_id == plan_id
        )
    ).all()
    reflection_days = [_day(max(started, updated)) for started, updated in reflections]
    last_reflection_on = max((d for d in reflection_days if d and d <= today), default=None)
    first_reflection_on = min((_day(s) for s, _ in reflections), default=None)

    snooze_from = today - timedelta(days=PLAN_SNOOZE_DAYS)
    dismissed = {
        (row.rule_id, row.subject_kind, row.subject_id)
        for row in session.exec(select(CoachDismissal))
        if row.subject_kind != "plan" or (_day(row.dismissed_at) or today) > snooze_from
    }

    return PlanSnapshot(
        plan_id=plan_id,
        north_star=plan.north_star,
        weekly_budget_minutes=plan.weekly_budget_minutes,
        # The plan's own date is the agreed one; a finished check-in's "next" date stands in
        # when the plan row was never updated.
        next_checkin_on=plan.next_checkin_on or latest_next_on,
        started_on=_earliest(
            _day(plan.created_at),
            *(g.created_on for g in goals),
            first_logged_on,
            first_checkin_on,
            first_reflection_on,
        ),
        goals=goals,
        actions=actions,
        done_occurrences=done,
        last_done_on=last_done_on,
        last_win_on=last_win_on,
        last_quarterly_on=last_review(("quarterly", "annual")),
        last_annual_on=last_review(("annual",)),
        last_reflection_on=last_reflection_on,
        dismissed=dismissed,
    )


def plan_findings(store: Store, plan_id: int, today: date) -> list[Finding]:
    """Every finding for the plan, most important first, dismissed ones left out."""
    return review_plan(load_snapshot(store, plan_id, today), today)


def dismiss(store: Store, finding: Finding, *, today: date | None = None) -> None:
    """Remember that the person accepts this finding (for good; plan findings for a while).

    `today` (the app's clock) dates the dismissal; without it, now.
    """
    when = utcnow() if today is None else datetime.combine(today, time(12), tzinfo=UTC)
    with store.write() as session:
        existing = session.exec(
            select(CoachDismissal).where(
                CoachDismissal.rule_id == finding.rule_id,
                CoachDismissal.subject_kind == finding.subject_kind,
                CoachDismissal.subject_id == finding.subject_id
                if finding.subject_id is not None
                else col(CoachDismissal.subject_id).is_(None),
            )
        ).first()
        if existing is None:
            session.add(
                CoachDismissal(
                    rule_id=finding.rule_id,
                    subject_kind=finding.subject_kind,
                    subject_id=finding.subject_id,
                    dismissed_at=when,
                )
            )
        else:  # dismissed again after a snooze ran out: start the snooze again
            existing.dismissed_at = when
            session.add(existing)


def undismiss(store: Store, finding: Finding) -> bool:
    """Show a dismissed finding again; True if it had been dismissed."""
    with store.write() as session:
        rows = session.exec(
            select(CoachDismissal).where(
                CoachDismissal.rule_id == finding.rule_id,
                CoachDismissal.subject_kind == finding.subject_kind,
                CoachDismissal.subject_id == finding.subject_id
                if finding.subject_id is not None
                else col(CoachDismissal.subject_id).is_(None),
            )
        ).all()
        for row in rows:
            session.delete(row)
        return bool(rows)


def undismiss_all(store: Store) -> int:
    """Bring every dismissed finding back (returns how many were dismissed)."""
    with store.write() as session:
        rows = session.exec(select(CoachDismissal)).all()
        for row in rows:
            session.delete(row)
        return len(rows)
