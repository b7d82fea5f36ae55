"""A small plan that touches every table, for the backup and restore tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from growth_tui.store.engine import Store
from growth_tui.store.models import (
    Action,
    CheckIn,
    CheckInAnswer,
    CoachDismissal,
    Feedback,
    FeedbackSkill,
    FocusPoint,
    Goal,
    GoalReview,
    GoalSkill,
    GoalStatusChange,
    GoalSupporter,
    LogEntry,
    NorthStarVersion,
    Plan,
    ReflectionAnswer,
    ReflectionSession,
    Skill,
    SkillAssessment,
    Supporter,
    Win,
    WinSkill,
)

TRICKY = 'Ship [/] v1 [b]x "quoted" 🚀\nsecond line'


def fill_every_table(store: Store, text: str = TRICKY, *, today: date = date(2026, 11, 22)) -> int:
    """Write one or more rows into every table; returns the plan id."""
    at = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    with store.write() as s:
        plan = Plan(
            north_star=text,
            weekly_budget_minutes=180,
            checkin_cadence="biweekly",
            next_checkin_on=today + timedelta(days=3),
            next_quarterly_on=date(2027, 1, 5),
            next_annual_on=date(2027, 11, 1),
            created_at=at,
            updated_at=at,
        )
        s.add(plan)
        s.flush()
        s.add(NorthStarVersion(plan_id=plan.id, text=text, source="reflection", set_at=at))
        session = ReflectionSession(plan_id=plan.id, prompt_sets="know,vision", summary=text)
        s.add(session)
        skill = Skill(plan_id=plan.id, name=f"Python {text}", current_level=2, target_level=4)
        s.add(skill)
        s.flush()
        s.add(ReflectionAnswer(session_id=session.id, prompt_key="strengths", text=text, rank=1))
        s.add(SkillAssessment(skill_id=skill.id, assessed_on=today, current_level=2, note=text))
        goal = Goal(
            plan_id=plan.id,
            title=text,
            metric="talks given",
            baseline=0,
            target=3.5,
            unit="talks",
            current_value=1,
            why_relevant=text,
            due=date(2027, 3, 31),
        )
        s.add(goal)
        s.flush()
        milestone = Goal(
            plan_id=plan.id,
            parent_id=goal.id,
            milestone_scale="quarter",
            title="first talk",
        )
        old = Goal(plan_id=plan.id, title="old goal", status="pivoted", status_note=text)
        s.add_all([milestone, old])
        s.flush()
        s.add(
            GoalStatusChange(
                goal_id=old.id,
                from_status="active",
                to_status="pivoted",
                next_goal_id=goal.id,
            )
        )
        focus = FocusPoint(goal_id=goal.id, title=text)
        supporter = Supporter(plan_id=plan.id, name="Ana", role="peer", helps_with=text)
        s.add_all([focus, supporter])
        s.flush()
        weekly = Action(
            goal_id=goal.id,
            focus_point_id=focus.id,
            title="practice talk",
            kind="recurring",
            rrule="FREQ=WEEKLY;BYDAY=TU,TH",
            starts_on=date(2026, 11, 1),
            ends_on=date(2027, 3, 31),
            planned_minutes=30,
            direction="visibility",
            supporter_id=supporter.id,
        )
        once = Action(goal_id=goal.id, title="submit a proposal", due=date(2026, 12, 1))
        s.add_all([weekly, once])
        s.flush()
        s.add(
            LogEntry(
                action_id=weekly.id,
                occurrence_on=date(2026, 11, 3),
                logged_on=date(2026, 11, 3),
                minutes=25,
                note=text,
            )
        )
        s.add(
            LogEntry(
                action_id=weekly.id,
                occurrence_on=date(2026, 11, 5),
                logged_on=date(2026, 11, 6),
                status="skipped",
                note="ill",
            )
        )
        win = Win(
            plan_id=plan.id,
            goal_id=goal.id,
            happened_on=today,
            title=text,
            impact_value=2.5,
        )
        feedback = Feedback(plan_id=plan.id, received_on=today, from_whom="Sam", text=text)
        checkin = CheckIn(
            plan_id=plan.id,
            kind="weekly",
            held_on=date(2026, 11, 15),
            next_on=date(2026, 11, 22),
            summary=text,
            finished_at=at,
        )
        s.add_all([win, feedback, checkin])
        s.flush()
        s.add(CheckInAnswer(check_in_id=checkin.id, question_key="gains", text=text))
        s.add(
            GoalReview(
                check_in_id=checkin.id,
                goal_id=goal.id,
                health="at risk",
                metric_value=1,
                confidence=3,
                note=text,
            )
        )
        s.add(GoalSkill(goal_id=goal.id, skill_id=skill.id))
        s.add(GoalSupporter(goal_id=goal.id, supporter_id=supporter.id))
        s.add(WinSkill(win_id=win.id, skill_id=skill.id))
        s.add(FeedbackSkill(feedback_id=feedback.id, skill_id=skill.id))
        s.add(CoachDismissal(rule_id="smart-measurable", subject_kind="goal", subject_id=goal.id))
        return plan.id
