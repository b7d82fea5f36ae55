"""The plan itself: its north star (with history) and its goals, as plain loaded rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, func, select

from growth_tui.store.engine import Store, StoreError
from growth_tui.store.models import Action, FocusPoint, Goal, LogEntry, NorthStarVersion, Plan
from growth_tui.store.types import utcnow


def get_plan(store: Store, plan_id: int) -> Plan:
    with store.read() as session:
        plan = session.get(Plan, plan_id)
    if plan is None:
        raise StoreError(f"There is no plan {plan_id} in this database.")
    return plan


def set_north_star(store: Store, plan_id: int, text: str, *, source: str = "edit") -> Plan:
    """Set the north star; the old one stays in the history. Same text again changes nothing."""
    text = text.strip()
    with store.write() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise StoreError(f"There is no plan {plan_id} in this database.")
        if plan.north_star == text:
            return plan
        now = utcnow()
        plan.north_star = text
        plan.updated_at = now
        session.add(plan)
        session.add(NorthStarVersion(plan_id=plan_id, text=text, source=source, set_at=now))
    return plan


def north_star_history(store: Store, plan_id: int) -> list[NorthStarVersion]:
    """Every north star, newest first."""
    with store.read() as session:
        rows = session.exec(
            select(NorthStarVersion)
            .where(NorthStarVersion.plan_id == plan_id)
            .order_by(col(NorthStarVersion.set_at).desc(), col(NorthStarVersion.id).desc())
        ).all()
    return list(rows)


def list_goals(store: Store, plan_id: int, statuses: Iterable[str] = ("active",)) -> list[Goal]:
    """Top-level goals (not milestones) in the given statuses, career track first."""
    wanted = list(statuses)
    with store.read() as session:
        query = select(Goal).where(Goal.plan_id == plan_id, col(Goal.parent_id).is_(None))
        if wanted:
            query = query.where(col(Goal.status).in_(wanted))
        rows = session.exec(query.order_by(Goal.track, Goal.position, Goal.id)).all()
    return list(rows)


@dataclass(frozen=True)
class GoalProgress:
    """What Home shows for a goal: its row, how far along it is, and its work counts."""

    goal: Goal
    focus_points: int
    actions: int
    done_last_30_days: int
    progress: float | None  # 0..1 from the metric, when baseline/target/current are known


def metric_progress(goal: Goal) -> float | None:
    """How far the current value has moved from the baseline toward the target, 0..1."""
    if goal.target is None or goal.current_value is None:
        return None
    start = goal.baseline if goal.baseline is not None else 0.0
    span = goal.target - start
    if span == 0:
        return 1.0 if goal.current_value == goal.target else 0.0
    return max(0.0, min(1.0, (goal.current_value - start) / span))


def goal_overview(store: Store, plan_id: int, today: date) -> list[GoalProgress]:
    """Active goals with counts, in three queries whatever the number of goals."""
    goals = list_goals(store, plan_id)
    if not goals:
        return []
    ids = [goal.id for goal in goals]
    since = date.fromordinal(today.toordinal() - 30)
    with store.read() as session:
        focus = dict(
            session.exec(
                select(FocusPoint.goal_id, func.count())
                .where(col(FocusPoint.goal_id).in_(ids))
                .group_by(FocusPoint.goal_id)
            ).all()
        )
        actions = dict(
            session.exec(
                select(Action.goal_id, func.count())
                .where(col(Action.goal_id).in_(ids), Action.status != "dropped")
                .group_by(Action.goal_id)
            ).all()
        )
        done = dict(
            session.exec(
                select(Action.goal_id, func.count())
                .join(LogEntry, col(LogEntry.action_id) == col(Action.id))
                .where(
                    col(Action.goal_id).in_(ids),
                    LogEntry.status == "done",
                    col(LogEntry.logged_on) >= since,
                )
                .group_by(Action.goal_id)
            ).all()
        )
    return [
        GoalProgress(
            goal=goal,
            focus_points=focus.get(goal.id, 0),
            actions=actions.get(goal.id, 0),
            done_last_30_days=done.get(goal.id, 0),
            progress=metric_progress(goal),
        )
        for goal in goals
    ]


def is_empty(store: Store, plan_id: int) -> bool:
    """True before the person has written anything: no north star, goal or reflection."""
    from growth_tui.store.models import ReflectionSession

    with store.read() as session:
        plan = session.get(Plan, plan_id)
        has_goal = session.exec(select(Goal.id).where(Goal.plan_id == plan_id).limit(1)).first()
        has_reflection = session.exec(
            select(ReflectionSession.id).where(ReflectionSession.plan_id == plan_id).limit(1)
        ).first()
    return not (plan and plan.north_star) and has_goal is None and has_reflection is None
