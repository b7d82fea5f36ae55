"""Unit tests for check-ins in the store and the history queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from growth_tui.domain import review as rv
from growth_tui.store import review_repo as repo
from growth_tui.store.engine import Store
from growth_tui.store.models import (
    Action,
    CheckIn,
    CheckInAnswer,
    Goal,
    GoalStatusChange,
    LogEntry,
    Plan,
    ReflectionAnswer,
    ReflectionSession,
    Skill,
    SkillAssessment,
    Win,
)

TODAY = date(2026, 11, 22)  # a Sunday


@dataclass
class Seeded:
    store: Store
    plan_id: int
    goal_id: int
    other_goal_id: int
    weekly_id: int
    oneoff_id: int
    skill_id: int


@pytest.fixture
def seeded() -> Seeded:
    store = Store.memory()
    plan_id = store.plan_id()
    with store.write() as s:
        goal = Goal(
            plan_id=plan_id,
            title="Ship [/] v1 [b]x",
            metric="talks",
            target=4,
            baseline=0,
            unit="talks",
            track="career",
        )
        other = Goal(plan_id=plan_id, title="Run a 10k", track="personal")
        s.add(goal)
        s.add(other)
        s.flush()
        weekly = Action(
            goal_id=goal.id,
            title="Practice",
            kind="recurring",
            rrule="FREQ=WEEKLY;BYDAY=TU",
            starts_on=date(2025, 1, 1),
            planned_minutes=30,
        )
        oneoff = Action(goal_id=goal.id, title="Book a 1:1", due=date(2026, 11, 20))
        done_once = Action(goal_id=other.id, title="Buy shoes", due=date(2026, 11, 18))
        s.add_all([weekly, oneoff, done_once])
        s.flush()
        # A Tuesday practice every week of 2026, with 45 logged minutes on the latest.
        day = date(2026, 1, 6)
        while day <= TODAY:
            s.add(
                LogEntry(
                    action_id=weekly.id,
                    occurrence_on=day,
                    logged_on=day,
                    minutes=45 if day == date(2026, 11, 17) else None,
                )
            )
            day += timedelta(days=7)
        s.add(
            LogEntry(
                action_id=done_once.id,
                occurrence_on=date(2026, 11, 18),
                logged_on=date(2026, 11, 18),
                minutes=20,
            )
        )
        s.add(
            LogEntry(
                action_id=weekly.id,
                occurrence_on=date(2025, 12, 30),
                logged_on=date(2025, 12, 30),
                status="skipped",
            )
        )
        s.add(Win(plan_id=plan_id, happened_on=date(2026, 11, 19), title="Talk accepted"))
        s.add(Win(plan_id=plan_id, happened_on=date(2026, 10, 1), title="Old win"))
        skill = Skill(plan_id=plan_id, name="Public speaking", current_level=2, target_level=4)
        s.add(skill)
        s.flush()
        s.add(SkillAssessment(skill_id=skill.id, assessed_on=date(2026, 6, 1), current_level=1))
        s.add(SkillAssessment(skill_id=skill.id, assessed_on=date(2026, 9, 1), current_level=2))
        ids = (goal.id, other.id, weekly.id, oneoff.id, skill.id)
    return Seeded(store, plan_id, *ids)


def test_schedule_round_trip_and_validation(seeded: Seeded) -> None:
    repo.set_schedule(
        seeded.store,
        seeded.plan_id,
        cadence="biweekly",
        next_checkin_on=date(2026, 11, 20),
        next_quarterly_on=None,
        next_annual_on=date(2027, 1, 5),
    )
    schedule = repo.get_schedule(seeded.store, seeded.plan_id)
    assert schedule.cadence == "biweekly"
    due = schedule.next_review(TODAY)
    assert (due.kind, due.days_late) == ("biweekly", 2)
    with pytest.raises(ValueError):
        repo.set_schedule(
            seeded.store,
            seeded.plan_id,
            cadence="annual",
            next_checkin_on=None,
            next_quarterly_on=None,
            next_annual_on=None,
        )


def test_start_resumes_and_answers_upsert(seeded: Seeded) -> None:
    state = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    repo.save_answer(seeded.store, state.id, "pains", "first")
    repo.save_answer(seeded.store, state.id, "pains", "Ship [/] v1 [b]x")
    again = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    assert again.id == state.id
    assert again.answers == {"pains": "Ship [/] v1 [b]x"}
    assert repo.open_checkin(seeded.store, seeded.plan_id).id == state.id
    with seeded.store.read() as s:
        assert len(s.exec(select(CheckInAnswer)).all()) == 1
    other = repo.start_checkin(seeded.store, seeded.plan_id, "quarterly", TODAY)
    assert other.id != state.id


def test_achieved_since_groups_done_actions_and_lists_wins(seeded: Seeded) -> None:
    got = repo.achieved_since(seeded.store, seeded.plan_id, date(2026, 11, 15), TODAY)
    assert [(d.title, d.times, d.minutes, d.goal) for d in got.done] == [
        ("Buy shoes", 1, 20, "Run a 10k"),
        ("Practice", 1, 45, "Ship [/] v1 [b]x"),
    ]
    assert [w.title for w in got.wins] == ["Talk accepted"]
    first = repo.achieved_since(seeded.store, seeded.plan_id, None, TODAY)
    practice = next(d for d in first.done if d.title == "Practice")
    assert practice.times == 4 and practice.minutes == 30 * 3 + 45  # planned minutes fill gaps
    assert first.times_done == 5
    assert first.start == date(2026, 10, 26)
    quarter = repo.achieved_since(seeded.store, seeded.plan_id, None, TODAY, "quarterly")
    assert quarter.start == date(2026, 8, 23)
    assert next(d for d in quarter.done if d.title == "Practice").times == 13  # 25 Aug..17 Nov


def test_a_quarterly_review_looks_back_to_the_last_quarterly(seeded: Seeded) -> None:
    old = repo.start_checkin(seeded.store, seeded.plan_id, "quarterly", date(2026, 8, 30))
    repo.finish_checkin(seeded.store, old.id, TODAY, date(2026, 8, 30))
    weekly = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", date(2026, 11, 15))
    repo.finish_checkin(seeded.store, weekly.id, TODAY, date(2026, 11, 15))
    assert repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY).since == date(
        2026, 11, 15
    )
    quarterly = repo.start_checkin(seeded.store, seeded.plan_id, "quarterly", TODAY)
    assert quarterly.since == date(2026, 8, 30)
    assert repo.start_checkin(seeded.store, seeded.plan_id, "annual", TODAY).since is None
    summary = repo.finish_checkin(seeded.store, quarterly.id, date(2027, 2, 22), TODAY)
    assert "Period: 2026-08-31 to 2026-11-22" in summary


def test_goal_review_updates_current_value_and_remembers_last_health(
    seeded: Seeded,
) -> None:
    first = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", date(2026, 11, 15))
    repo.save_goal_review(
        seeded.store,
        first.id,
        seeded.goal_id,
        health="at risk",
        metric_value=1,
        confidence=2,
    )
    repo.finish_checkin(seeded.store, first.id, TODAY, date(2026, 11, 15))
    with seeded.store.read() as s:
        assert s.get(Goal, seeded.goal_id).current_value == 1
    goals = repo.goals_for_review(seeded.store, seeded.plan_id)
    mine = next(g for g in goals if g.id == seeded.goal_id)
    assert (mine.last_health, mine.last_confidence, mine.current_value) == (
        "at risk",
        2,
        1,
    )
    assert next(g for g in goals if g.id == seeded.other_goal_id).last_health is None
    second = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    assert second.since == date(2026, 11, 15)
    repo.save_goal_review(
        seeded.store,
        second.id,
        seeded.goal_id,
        health="on track",
        metric_value=2,
        confidence=4,
    )
    repo.save_goal_review(
        seeded.store,
        second.id,
        seeded.goal_id,
        health="on track",
        metric_value=3,
        confidence=4,
    )
    assert repo.get_checkin(seeded.store, second.id).goal_reviews[seeded.goal_id].metric_value == 3
    with pytest.raises(ValueError):
        repo.save_goal_review(seeded.store, second.id, seeded.goal_id, health="great")
    with pytest.raises(ValueError):
        repo.save_goal_review(
            seeded.store, second.id, seeded.goal_id, health="on track", confidence=9
        )
    repo.finish_checkin(seeded.store, second.id, date(2026, 11, 29), TODAY)
    assert repo.goal_metric_series(seeded.store, seeded.goal_id) == [
        (date(2026, 11, 15), 1.0),
        (TODAY, 3.0),
    ]
    assert [g.id for g in repo.goals_with_metric_history(seeded.store, seeded.plan_id)] == [
        seeded.goal_id
    ]


def test_unfinished_actions_carry_and_drop(seeded: Seeded) -> None:
    state = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    open_ = repo.unfinished_actions(seeded.store, seeded.plan_id, TODAY)
    assert [a.title for a in open_] == ["Book a 1:1"]  # the done one-off is not listed
    repo.reschedule_action(seeded.store, seeded.oneoff_id, date(2026, 11, 27), checkin_id=state.id)
    assert repo.unfinished_actions(seeded.store, seeded.plan_id, TODAY) == []
    assert len(repo.unfinished_actions(seeded.store, seeded.plan_id, date(2026, 11, 27))) == 1
    repo.drop_action(seeded.store, seeded.oneoff_id, checkin_id=state.id)
    assert repo.unfinished_actions(seeded.store, seeded.plan_id, date(2026, 12, 1)) == []
    answers = repo.get_checkin(seeded.store, state.id).answers
    assert answers[repo.CARRIED_KEY] == "Book a 1:1 (to 2026-11-27)"
    assert answers[repo.DROPPED_KEY] == "Book a 1:1"


def test_rerate_skill_and_series(seeded: Seeded) -> None:
    repo.rerate_skill(seeded.store, seeded.skill_id, 3, TODAY)
    repo.rerate_skill(seeded.store, seeded.skill_id, 4, TODAY)  # replaces today's rating
    with seeded.store.read() as s:
        rows = s.exec(select(SkillAssessment).where(SkillAssessment.source == "review")).all()
        assert [(r.current_level, r.assessed_on) for r in rows] == [(4, TODAY)]
        assert s.get(Skill, seeded.skill_id).current_level == 4
    assert repo.skill_series(seeded.store, seeded.plan_id) == {
        "Public speaking": [(date(2026, 6, 1), 1), (date(2026, 9, 1), 2), (TODAY, 4)]
    }
    with pytest.raises(ValueError):
        repo.rerate_skill(seeded.store, seeded.skill_id, 6, TODAY)


def test_pivot_creates_the_next_goal_and_records_what_was_learned(
    seeded: Seeded,
) -> None:
    state = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    new_id = repo.pivot_goal(
        seeded.store,
        seeded.other_goal_id,
        learned="Knees hate it",
        next_title="Swim 2 km",
        checkin_id=state.id,
    )
    with seeded.store.read() as s:
        old = s.get(Goal, seeded.other_goal_id)
        new = s.get(Goal, new_id)
        change = s.exec(select(GoalStatusChange)).one()
    assert (old.status, old.status_note) == ("pivoted", "Knees hate it")
    assert (new.title, new.track, new.status) == ("Swim 2 km", "personal", "active")
    assert (change.from_status, change.to_status, change.next_goal_id) == (
        "active",
        "pivoted",
        new_id,
    )
    events = repo.timeline(seeded.store, seeded.plan_id)
    pivot = next(e for e in events if e.title == "Goal pivoted")
    assert pivot.highlight and pivot.detail == "Run a 10k - Knees hate it -> next: Swim 2 km"
    summary = repo.finish_checkin(seeded.store, state.id, date(2026, 11, 29), TODAY)
    assert "- Run a 10k -> Swim 2 km (learned: Knees hate it)" in summary


def test_finish_writes_summary_and_moves_dates(seeded: Seeded) -> None:
    repo.set_schedule(
        seeded.store,
        seeded.plan_id,
        cadence="weekly",
        next_checkin_on=date(2026, 11, 20),
        next_quarterly_on=TODAY,
        next_annual_on=date(2027, 3, 1),
    )
    state = repo.start_checkin(seeded.store, seeded.plan_id, "quarterly", TODAY)
    repo.save_answer(seeded.store, state.id, "gains", "Ship [/] v1 [b]x")
    repo.save_answer(seeded.store, state.id, "next_steps", "Draft the RFC")
    repo.rerate_skill(seeded.store, seeded.skill_id, 3, TODAY)
    repo.save_goal_review(
        seeded.store,
        state.id,
        seeded.goal_id,
        health="on track",
        metric_value=2,
        confidence=4,
    )
    summary = repo.finish_checkin(seeded.store, state.id, date(2027, 2, 22), TODAY)
    assert summary.startswith("# Quarterly review - 2026-11-22")
    assert "- Public speaking: 1 -> 3" in summary  # June's level, before the quarter began
    assert "## Gains\n\nShip [/] v1 [b]x" in summary
    assert "talks: 2 of 4 talks" in summary and "- **Run a 10k** (personal, active)" in summary
    assert "Next check-in: 2027-02-22" in summary
    schedule = repo.get_schedule(seeded.store, seeded.plan_id)
    assert schedule.next_quarterly_on == date(2027, 2, 22)
    assert schedule.next_checkin_on == date(2026, 11, 29)  # the overdue weekly moved on too
    assert schedule.next_annual_on == date(2027, 3, 1)
    with seeded.store.read() as s:
        row = s.get(CheckIn, state.id)
        assert row.finished_at is not None and row.summary == summary
    assert repo.open_checkin(seeded.store, seeded.plan_id) is None


def test_done_per_week_and_minutes_per_month(seeded: Seeded) -> None:
    weeks = repo.done_per_week(seeded.store, seeded.plan_id, TODAY)
    assert len(weeks) == 52
    assert weeks[-1] == 2  # Tue 17 Nov practice and Wed 18 Nov shoes, week of Mon 16 Nov
    assert sum(weeks) == 46 + 1  # 46 Tuesdays of 2026 up to 17 Nov, the shoes; no skip
    monthly = repo.minutes_per_goal_per_month(seeded.store, seeded.plan_id, TODAY)
    assert monthly.months[0] == date(2025, 12, 1) and monthly.months[-1] == date(2026, 11, 1)
    assert monthly.per_goal["Ship [/] v1 [b]x"][-1] == 30 * 2 + 45  # 3, 10 and 17 Nov
    assert monthly.per_goal["Ship [/] v1 [b]x"][0] == 0  # the December 2025 skip
    assert monthly.per_goal["Run a 10k"][-1] == 20


def test_checkin_marks_show_the_worst_health(seeded: Seeded) -> None:
    a = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", date(2026, 11, 8))
    repo.save_goal_review(seeded.store, a.id, seeded.goal_id, health="on track")
    repo.save_goal_review(seeded.store, a.id, seeded.other_goal_id, health="off track")
    repo.finish_checkin(seeded.store, a.id, date(2026, 11, 15), date(2026, 11, 8))
    b = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    marks = repo.checkin_marks(seeded.store, seeded.plan_id)
    assert [(m.held_on, m.finished, m.worst) for m in marks] == [
        (date(2026, 11, 8), True, "off track"),
        (TODAY, False, None),
    ]
    assert marks[-1].id == b.id


def test_values_then_and_now(seeded: Seeded) -> None:
    with seeded.store.write() as s:
        old = ReflectionSession(
            plan_id=seeded.plan_id, started_at=datetime(2025, 10, 1, 12, tzinfo=UTC)
        )
        new = ReflectionSession(
            plan_id=seeded.plan_id, started_at=datetime(2026, 11, 1, 12, tzinfo=UTC)
        )
        s.add_all([old, new])
        s.flush()
        s.add_all(
            [
                ReflectionAnswer(
                    session_id=old.id,
                    prompt_key="values",
                    position=0,
                    text="Status",
                    rank=2,
                ),
                ReflectionAnswer(
                    session_id=old.id,
                    prompt_key="values",
                    position=1,
                    text="Money",
                    rank=1,
                ),
                ReflectionAnswer(
                    session_id=new.id,
                    prompt_key="values",
                    position=0,
                    text="Ship [/] v1 [b]x",
                ),
            ]
        )
    got = repo.values_then_and_now(seeded.store, seeded.plan_id, TODAY)
    assert got.now == ["Ship [/] v1 [b]x"] and got.then == ["Money", "Status"]
    assert got.then_on == date(2025, 10, 1)


def test_timeline_has_every_kind_and_period_summary(seeded: Seeded) -> None:
    with seeded.store.write() as s:
        s.add(ReflectionSession(plan_id=seeded.plan_id, summary="Found my why"))
    state = repo.start_checkin(seeded.store, seeded.plan_id, "weekly", TODAY)
    repo.finish_checkin(seeded.store, state.id, date(2026, 11, 29), TODAY)
    kinds = {e.kind for e in repo.timeline(seeded.store, seeded.plan_id)}
    assert kinds == {"reflection", "goal", "check-in", "win"}
    event = next(e for e in repo.timeline(seeded.store, seeded.plan_id) if e.kind == "check-in")
    assert repo.event_detail(seeded.store, event).body.startswith("# Weekly check-in")
    summary = repo.period_summary(seeded.store, seeded.plan_id, rv.period("this-quarter", TODAY))
    assert [w.title for w in summary.wins] == ["Old win", "Talk accepted"]
    assert summary.checkins == 1
    practice = next(d for d in summary.done if d.title == "Practice")
    assert practice.times == 7  # the Tuesdays 6 Oct to 17 Nov
    text = rv.period_markdown(summary)
    assert text.startswith("# What I did in Q4 2026")


def test_period_summary_lists_the_goal_changes_of_that_period(seeded: Seeded) -> None:
    with seeded.store.write() as s:
        for when, to in (
            (datetime(2026, 9, 30, 12, tzinfo=UTC), "paused"),
            (datetime(2026, 10, 2, 12, tzinfo=UTC), "active"),
            (datetime(2026, 11, 20, 12, tzinfo=UTC), "achieved"),
        ):
            s.add(
                GoalStatusChange(
                    goal_id=seeded.other_goal_id,
                    from_status="active",
                    to_status=to,
                    note=f"went {to}",
                    changed_at=when,
                )
            )
    q4 = repo.period_summary(seeded.store, seeded.plan_id, rv.period("this-quarter", TODAY))
    assert [(g.title, g.status, g.note) for g in q4.goals] == [
        ("Run a 10k", "active", "went active"),
        ("Run a 10k", "achieved", "went achieved"),
    ]
    q3 = repo.period_summary(seeded.store, seeded.plan_id, rv.period("last-quarter", TODAY))
    assert [g.status for g in q3.goals] == ["paused"]


def test_plan_row_is_used(seeded: Seeded) -> None:
    with seeded.store.read() as s:
        assert s.get(Plan, seeded.plan_id) is not None
