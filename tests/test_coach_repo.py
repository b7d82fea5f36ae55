"""The coach on a real (in-memory) database: snapshot queries, the issue's example, dismissals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from growth_tui.store.coach_repo import (
    dismiss,
    load_snapshot,
    plan_findings,
    undismiss,
    undismiss_all,
)
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
    Supporter,
    Win,
)

TODAY = date(2026, 11, 22)


@pytest.fixture
def mem() -> Store:
    store = Store.memory()
    yield store
    store.close()


def _add(store: Store, *rows):
    with store.write() as session:
        for row in rows:
            session.add(row)
            session.flush()
    return rows


def test_the_issue_example(mem: Store) -> None:
    plan_id = mem.plan_id()
    (goal,) = _add(mem, Goal(plan_id=plan_id, title="Become a senior engineer", track="career"))
    _add(
        mem,
        Action(goal_id=goal.id, title="Be a leader for the team"),
        Action(goal_id=goal.id, title="Be tech lead for one bigger project"),
    )
    found = plan_findings(mem, plan_id, TODAY)
    ids = {f.rule_id for f in found}
    assert {
        "action-not-in-control",
        "action-not-concrete",
        "career-goal-without-visibility",
        "focus-single-direction",
    } <= ids
    by_rule = {f.rule_id: f for f in found}
    assert by_rule["action-not-in-control"].subject == "Be tech lead for one bigger project"
    assert by_rule["action-not-concrete"].subject == "Be a leader for the team"
    assert by_rule["career-goal-without-visibility"].subject_id == goal.id
    assert by_rule["action-not-in-control"].goal_id == goal.id


def test_an_empty_plan_only_asks_for_a_reflection(mem: Store) -> None:
    plan_id = mem.plan_id()
    assert [f.rule_id for f in plan_findings(mem, plan_id, TODAY)] == ["no-reflection"]


def test_snapshot_reads_every_source(mem: Store) -> None:
    plan_id = mem.plan_id()
    with mem.write() as session:
        plan = session.get(Plan, plan_id)
        plan.weekly_budget_minutes = 90
        plan.north_star = "Kind, curious, steady"
        plan.created_at = datetime(2025, 3, 1, tzinfo=UTC)
        session.add(plan)
    goal, personal = _add(
        mem,
        Goal(plan_id=plan_id, title="Ship v2 by June", created_at=datetime(2025, 4, 1, tzinfo=UTC)),
        Goal(plan_id=plan_id, title="Swim", track="personal", status="dropped"),
    )
    (milestone,) = _add(mem, Goal(plan_id=plan_id, parent_id=goal.id, title="Q1: beta"))
    (supporter,) = _add(mem, Supporter(plan_id=plan_id, name="Ana"))
    action, on_milestone = _add(
        mem,
        Action(
            goal_id=goal.id,
            title="Code review",
            kind="recurring",
            rrule="FREQ=DAILY",
            starts_on=date(2026, 1, 1),
            planned_minutes=20,
            direction="technical depth",
        ),
        Action(goal_id=milestone.id, title="Demo the beta", supporter_id=supporter.id),
    )
    _add(
        mem,
        FocusPoint(goal_id=goal.id, title="Quality"),
        GoalSupporter(goal_id=goal.id, supporter_id=supporter.id),
        LogEntry(
            action_id=action.id,
            occurrence_on=TODAY - timedelta(days=2),
            logged_on=TODAY - timedelta(days=2),
        ),
        LogEntry(
            action_id=action.id,
            occurrence_on=TODAY - timedelta(days=3),
            logged_on=TODAY - timedelta(days=3),
            status="skipped",
        ),
        LogEntry(
            action_id=action.id,
            occurrence_on=TODAY - timedelta(days=90),
            logged_on=TODAY - timedelta(days=90),
        ),
        Win(plan_id=plan_id, happened_on=TODAY - timedelta(days=10), title="Beta out"),
        CheckIn(
            plan_id=plan_id,
            kind="quarterly",
            held_on=date(2026, 10, 1),
            next_on=TODAY + timedelta(days=7),
            finished_at=datetime(2026, 10, 1, tzinfo=UTC),
        ),
        CheckIn(plan_id=plan_id, kind="annual", held_on=date(2026, 11, 1)),  # not finished
        ReflectionSession(
            plan_id=plan_id,
            started_at=datetime(2026, 6, 1, tzinfo=UTC),
            updated_at=datetime(2026, 6, 2, tzinfo=UTC),
        ),
        CoachDismissal(rule_id="focus-count", subject_kind="goal", subject_id=goal.id),
    )
    snap = load_snapshot(mem, plan_id, TODAY)
    assert snap.weekly_budget_minutes == 90 and snap.north_star == "Kind, curious, steady"
    assert [g.id for g in snap.goals] == [goal.id, personal.id]  # milestones folded in
    top = snap.goals[0]
    assert top.focus_points == ("Quality",)
    assert top.supporter_count == 2  # linked to the goal, and to an action of its milestone
    assert {a.id: a.goal_id for a in snap.actions} == {action.id: goal.id, on_milestone.id: goal.id}
    assert snap.actions[0].direction == "technical depth"
    assert snap.done_occurrences == {(action.id, TODAY - timedelta(days=2))}
    assert snap.last_done_on == TODAY - timedelta(days=2)
    assert snap.last_win_on == TODAY - timedelta(days=10)
    assert snap.last_quarterly_on == date(2026, 10, 1)
    assert snap.last_annual_on is None
    assert snap.next_checkin_on == TODAY + timedelta(days=7)
    assert snap.last_reflection_on == date(2026, 6, 2)
    assert snap.started_on == date(2025, 3, 1)
    assert snap.dismissed == {("focus-count", "goal", goal.id)}
    found = {f.rule_id for f in plan_findings(mem, plan_id, TODAY)}
    assert "over-budget" in found  # 7 x 20 min = 140 > 90
    assert "under-executing" in found  # 1 of 14 daily occurrences
    assert "focus-count" not in found  # dismissed
    assert "no-accountability" not in found and "no-recent-wins" not in found


def test_dismiss_is_remembered_and_idempotent(mem: Store) -> None:
    plan_id = mem.plan_id()
    _add(mem, Goal(plan_id=plan_id, title="Get better", track="personal"))
    first = plan_findings(mem, plan_id, TODAY)
    vague = next(f for f in first if f.rule_id == "smart-specific")
    plan_wide = next(f for f in first if f.subject_kind == "plan")
    dismiss(mem, vague, today=TODAY)
    dismiss(mem, vague, today=TODAY)
    dismiss(mem, plan_wide, today=TODAY)
    dismiss(mem, plan_wide, today=TODAY)
    after = plan_findings(mem, plan_id, TODAY)
    assert vague not in after and plan_wide not in after
    assert len(after) == len(first) - 2
    with mem.read() as session:
        assert len(session.exec(select(CoachDismissal)).all()) == 2
    # the same rule on another goal is still shown
    (other,) = _add(mem, Goal(plan_id=plan_id, title="Be happier", track="personal"))
    assert any(
        f.rule_id == "smart-specific" and f.subject_id == other.id
        for f in plan_findings(mem, plan_id, TODAY)
    )
    assert undismiss_all(mem) == 2
    assert vague in plan_findings(mem, plan_id, TODAY)


def test_a_plan_finding_is_snoozed_for_a_month_then_comes_back(mem: Store) -> None:
    plan_id = mem.plan_id()
    (no_reflection,) = plan_findings(mem, plan_id, TODAY)
    assert no_reflection.subject_kind == "plan"
    dismiss(mem, no_reflection, today=TODAY)
    assert plan_findings(mem, plan_id, TODAY) == []
    assert plan_findings(mem, plan_id, TODAY + timedelta(days=29)) == []
    assert plan_findings(mem, plan_id, TODAY + timedelta(days=31)) == [no_reflection]
    # dismissing it again starts a new snooze from the real moment of dismissal
    with mem.write() as session:
        row = session.exec(select(CoachDismissal)).one()
        row.dismissed_at = datetime(2026, 1, 1, tzinfo=UTC)
        session.add(row)
    assert plan_findings(mem, plan_id, TODAY) == [no_reflection]
    dismiss(mem, no_reflection, today=TODAY)
    assert plan_findings(mem, plan_id, TODAY) == []
    with mem.read() as session:
        assert len(session.exec(select(CoachDismissal)).all()) == 1


def test_a_goal_finding_stays_dismissed_for_years(mem: Store) -> None:
    plan_id = mem.plan_id()
    _add(mem, Goal(plan_id=plan_id, title="Get better", track="personal"))
    vague = next(f for f in plan_findings(mem, plan_id, TODAY) if f.rule_id == "smart-specific")
    dismiss(mem, vague, today=TODAY)
    later = TODAY + timedelta(days=800)
    assert vague.key not in {f.key for f in plan_findings(mem, plan_id, later)}


def test_undismiss_one(mem: Store) -> None:
    plan_id = mem.plan_id()
    (finding,) = plan_findings(mem, plan_id, TODAY)
    assert undismiss(mem, finding) is False
    dismiss(mem, finding, today=TODAY)
    assert plan_findings(mem, plan_id, TODAY) == []
    assert undismiss(mem, finding) is True
    assert plan_findings(mem, plan_id, TODAY) == [finding]
