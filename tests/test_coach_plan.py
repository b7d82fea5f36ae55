"""The plan rules of the coach, on hand-built `PlanSnapshot`s (positive and negative cases)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from growth_tui.domain.coach import (
    ActionInfo,
    Finding,
    GoalInfo,
    PlanSnapshot,
    occurrences,
    per_week,
    planned_minutes_per_week,
    review_plan,
)

TODAY = date(2026, 11, 22)  # a Sunday
LONG_AGO = date(2025, 1, 1)

FOCUS = ("Own the release process", "Write about what we learn", "Coffee with other teams")


def goal(gid: int = 1, **kw) -> GoalInfo:
    base = dict(
        id=gid,
        title="Give three talks at the monthly demo by the end of June",
        track="career",
        why_relevant="It is how the team sees the work",
        obstacles="Busy release weeks",
        focus_points=FOCUS,
        supporter_count=1,
        created_on=LONG_AGO,
    )
    base.update(kw)
    return GoalInfo(**base)


def action(aid: int, gid: int = 1, title: str = "Present the new build at the demo", **kw):
    return ActionInfo(id=aid, goal_id=gid, title=title, **kw)


def healthy(**kw) -> PlanSnapshot:
    """A plan no rule should complain about."""
    base = dict(
        plan_id=1,
        north_star="A calm engineer people trust",
        weekly_budget_minutes=300,
        next_checkin_on=TODAY + timedelta(days=3),
        started_on=LONG_AGO,
        goals=[
            goal(1),
            goal(
                2,
                title="Swim 2 km without stopping by the end of March",
                track="personal",
                focus_points=("Swim technique", "Rest days", "Pool schedule"),
            ),
        ],
        actions=[
            action(
                1,
                1,
                "Present the new build at the demo",
                kind="recurring",
                rrule="FREQ=WEEKLY;BYDAY=TH",
                starts_on=LONG_AGO,
                planned_minutes=30,
            ),
            action(
                2,
                1,
                "Refactor the deploy script on Mondays",
                kind="recurring",
                rrule="FREQ=WEEKLY;BYDAY=MO",
                starts_on=LONG_AGO,
                planned_minutes=60,
            ),
            action(
                3,
                2,
                "Swim at the pool every Tuesday",
                kind="recurring",
                rrule="FREQ=WEEKLY;BYDAY=TU",
                starts_on=LONG_AGO,
                planned_minutes=60,
            ),
            action(4, 2, "Read a book on swim technique"),
        ],
        last_done_on=TODAY - timedelta(days=1),
        last_win_on=TODAY - timedelta(days=5),
        last_quarterly_on=TODAY - timedelta(days=40),
        last_annual_on=TODAY - timedelta(days=200),
        last_reflection_on=TODAY - timedelta(days=60),
    )
    base.update(kw)
    snap = PlanSnapshot(**base)
    if "done_occurrences" not in kw:
        snap.done_occurrences = {
            (a.id, d)
            for a in snap.actions
            for d in occurrences(a.rrule, a.starts_on, a.ends_on, TODAY - timedelta(days=29), TODAY)
        }
    return snap


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


def test_a_healthy_plan_has_no_findings() -> None:
    assert review_plan(healthy(), TODAY) == []


def test_goal_without_actions() -> None:
    snap = healthy(actions=[a for a in healthy().actions if a.goal_id == 2])
    found = [f for f in review_plan(snap, TODAY) if f.rule_id == "goal-without-actions"]
    assert [(f.subject_kind, f.subject_id) for f in found] == [("goal", 1)]
    # dropped actions do not count as actions
    dropped = [replace(a, status="dropped") if a.goal_id == 1 else a for a in healthy().actions]
    assert "goal-without-actions" in rules(review_plan(healthy(actions=dropped), TODAY))


def test_career_goal_without_visibility() -> None:
    hidden = [
        action(1, 1, "Refactor the deploy script"),
        action(2, 1, "Read a book on distributed systems"),
        action(3, 2, "Swim at the pool every Tuesday"),
    ]
    snap = healthy(actions=hidden, goals=[goal(1, focus_points=("Tests", "Speed", "Docs"))])
    found = review_plan(snap, TODAY)
    assert ("career-goal-without-visibility", 1) in [(f.rule_id, f.subject_id) for f in found]
    # a personal goal is not judged on visibility
    personal = healthy(
        actions=hidden, goals=[goal(1, track="personal", focus_points=("A", "B", "C"))]
    )
    assert "career-goal-without-visibility" not in rules(review_plan(personal, TODAY))
    # the person's own direction wins: marking a step as visibility is enough
    marked = [replace(hidden[0], direction="visibility"), *hidden[1:]]
    snap = healthy(actions=marked, goals=[goal(1, focus_points=("Tests", "Speed", "Docs"))])
    assert "career-goal-without-visibility" not in rules(review_plan(snap, TODAY))


def test_focus_single_direction() -> None:
    same = [
        action(1, 1, "Run the team retro every other Friday"),
        action(2, 1, "Delegate the weekly report"),
    ]
    snap = healthy(actions=same, goals=[goal(1, focus_points=())])
    found = [f for f in review_plan(snap, TODAY) if f.rule_id == "focus-single-direction"]
    assert len(found) == 1 and "leadership" in found[0].message
    mixed = [*same, action(3, 1, "Present the retro outcomes at the all-hands")]
    snap = healthy(actions=mixed, goals=[goal(1, focus_points=())])
    assert "focus-single-direction" not in rules(review_plan(snap, TODAY))
    # the person's correction changes the picture
    corrected = [same[0], replace(same[1], direction="delivery")]
    snap = healthy(actions=corrected, goals=[goal(1, focus_points=())])
    assert "focus-single-direction" not in rules(review_plan(snap, TODAY))


def test_focus_count() -> None:
    for count, expected in ((0, True), (2, True), (3, False), (5, False), (6, True)):
        points = tuple(f"Point {i}" for i in range(count))
        snap = healthy(goals=[goal(1, focus_points=points)], actions=healthy().actions[:2])
        assert ("focus-count" in rules(review_plan(snap, TODAY))) is expected, count


def test_over_budget() -> None:
    assert "over-budget" not in rules(review_plan(healthy(), TODAY))  # 150 min vs 300
    tight = healthy(weekly_budget_minutes=120)
    found = [f for f in review_plan(tight, TODAY) if f.rule_id == "over-budget"]
    assert len(found) == 1 and "2 h 30 min" in found[0].message and "2 h" in found[0].message
    heaviest = "\u201cRefactor the deploy script on Mondays\u201d, 1 h a week"
    assert heaviest in found[0].hint
    assert "over-budget" not in rules(review_plan(healthy(weekly_budget_minutes=None), TODAY))


def test_minutes_per_week_from_rules() -> None:
    assert per_week("FREQ=WEEKLY;BYDAY=TU,TH") == 2
    assert per_week("FREQ=DAILY") == 7
    assert per_week("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO") == 0.5
    assert abs(per_week("FREQ=MONTHLY;BYMONTHDAY=1") - 12 / 52) < 1e-9
    assert per_week("nonsense") == 0
    snap = healthy(
        actions=[
            action(
                1,
                1,
                "Practice",
                kind="recurring",
                rrule="FREQ=WEEKLY;BYDAY=TU,TH",
                starts_on=LONG_AGO,
                planned_minutes=30,
            ),
            # finished, not yet started, dropped, or on a closed goal: not counted
            action(
                2,
                1,
                "Old",
                kind="recurring",
                rrule="FREQ=DAILY",
                starts_on=LONG_AGO,
                ends_on=TODAY - timedelta(days=1),
                planned_minutes=60,
            ),
            action(
                3,
                1,
                "Later",
                kind="recurring",
                rrule="FREQ=DAILY",
                starts_on=TODAY + timedelta(days=30),
                planned_minutes=60,
            ),
            action(
                4,
                1,
                "Gone",
                kind="recurring",
                rrule="FREQ=DAILY",
                starts_on=LONG_AGO,
                planned_minutes=60,
                status="dropped",
            ),
            action(
                5,
                3,
                "Closed goal",
                kind="recurring",
                rrule="FREQ=DAILY",
                starts_on=LONG_AGO,
                planned_minutes=60,
            ),
        ],
        goals=[goal(1), goal(3, status="achieved")],
    )
    assert planned_minutes_per_week(snap, TODAY) == 60


def test_under_executing() -> None:
    assert "under-executing" not in rules(review_plan(healthy(), TODAY))
    idle = healthy(done_occurrences=set())
    found = [f for f in review_plan(idle, TODAY) if f.rule_id == "under-executing"]
    # three weekly actions over 14 days: 6 occurrences planned, none done
    assert len(found) == 1 and "0 of 6" in found[0].message
    # little planned: no finding even if nothing was done
    light = healthy(done_occurrences=set(), actions=healthy().actions[:1] + healthy().actions[3:])
    assert "under-executing" not in rules(review_plan(light, TODAY))


def test_no_accountability() -> None:
    alone = healthy(goals=[replace(g, supporter_count=0) for g in healthy().goals])
    assert "no-accountability" in rules(review_plan(alone, TODAY))
    one = healthy(goals=[replace(healthy().goals[0], supporter_count=0), healthy().goals[1]])
    assert "no-accountability" not in rules(review_plan(one, TODAY))


def test_checkin_overdue() -> None:
    none = [
        f
        for f in review_plan(healthy(next_checkin_on=None), TODAY)
        if f.rule_id == "checkin-overdue"
    ]
    assert len(none) == 1 and "No next check-in" in none[0].message
    late = review_plan(healthy(next_checkin_on=TODAY - timedelta(days=4)), TODAY)
    assert any(f.rule_id == "checkin-overdue" and "4 days late" in f.message for f in late)
    assert "checkin-overdue" not in rules(review_plan(healthy(next_checkin_on=TODAY), TODAY))


def test_no_recent_wins() -> None:
    old_win = healthy(last_win_on=TODAY - timedelta(days=31))
    assert "no-recent-wins" in rules(review_plan(old_win, TODAY))
    assert "no-recent-wins" in rules(review_plan(healthy(last_win_on=None), TODAY))
    # nothing done lately either: this rule is about celebrating work that happened
    idle = healthy(last_win_on=None, last_done_on=TODAY - timedelta(days=40))
    assert "no-recent-wins" not in rules(review_plan(idle, TODAY))


def test_stale_review() -> None:
    stale = healthy(last_quarterly_on=TODAY - timedelta(days=101))
    assert "stale-review" in rules(review_plan(stale, TODAY))
    fresh = healthy(last_quarterly_on=TODAY - timedelta(days=99))
    assert "stale-review" not in rules(review_plan(fresh, TODAY))
    no_annual = healthy(last_annual_on=TODAY - timedelta(days=14 * 31))
    found = [f for f in review_plan(no_annual, TODAY) if f.rule_id == "stale-review"]
    assert len(found) == 1 and "annual" in found[0].message
    # a new plan has no reviews yet, and that is fine
    young = healthy(
        last_quarterly_on=None, last_annual_on=None, started_on=TODAY - timedelta(days=50)
    )
    assert "stale-review" not in rules(review_plan(young, TODAY))


def test_single_track() -> None:
    career_only = healthy(goals=[goal(1)], actions=healthy().actions[:2])
    found = [f for f in review_plan(career_only, TODAY) if f.rule_id == "single-track"]
    assert len(found) == 1 and "personal" in found[0].hint
    # a personal goal closed two months ago still counts as recent balance
    closed = goal(2, track="personal", status="achieved", changed_on=TODAY - timedelta(days=60))
    recent = healthy(goals=[goal(1), closed], actions=healthy().actions[:2])
    assert "single-track" not in rules(review_plan(recent, TODAY))
    # a young plan is not judged yet
    young = healthy(
        goals=[goal(1)], actions=healthy().actions[:2], started_on=TODAY - timedelta(days=30)
    )
    assert "single-track" not in rules(review_plan(young, TODAY))


def test_no_reflection() -> None:
    assert "no-reflection" in rules(review_plan(healthy(last_reflection_on=None), TODAY))
    old = healthy(last_reflection_on=TODAY - timedelta(days=200))
    assert "no-reflection" in rules(review_plan(old, TODAY))


def test_findings_sorted_most_important_first_and_dismissals_hidden() -> None:
    messy = healthy(
        actions=[action(1, 1, "Be a leader for the team")],
        goals=[goal(1, focus_points=())],
        last_reflection_on=None,
    )
    found = review_plan(messy, TODAY)
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda s: s != "warn")
    assert rules(found) == [
        "action-not-concrete",
        "career-goal-without-visibility",
        "no-reflection",
        "focus-count",
        "single-track",
    ]
    messy.dismissed = {("action-not-concrete", "action", 1)}
    assert "action-not-concrete" not in rules(review_plan(messy, TODAY))
    assert len(review_plan(messy, TODAY)) == len(found) - 1


def test_closed_goals_are_not_judged() -> None:
    done = healthy(goals=[goal(1, status="achieved", title="Improve"), healthy().goals[1]])
    assert all(f.subject_id != 1 for f in review_plan(done, TODAY) if f.subject_kind == "goal")


def test_an_unreadable_schedule_is_ignored_not_fatal() -> None:
    broken = [
        *healthy().actions,
        action(
            9,
            1,
            "Odd",
            kind="recurring",
            rrule="FREQ=SOMETIMES",
            starts_on=LONG_AGO,
            planned_minutes=600,
        ),
    ]
    assert occurrences("FREQ=SOMETIMES", LONG_AGO, None, LONG_AGO, TODAY) == []
    assert review_plan(healthy(actions=broken), TODAY) == []


def test_one_off_actions_count_in_execution() -> None:
    due = [TODAY - timedelta(days=d) for d in (1, 2, 3, 4, 5)]
    once = [action(10 + i, 1, f"Send proposal {i}", due=day) for i, day in enumerate(due)]
    snap = healthy(actions=once, done_occurrences=set())
    found = [f for f in review_plan(snap, TODAY) if f.rule_id == "under-executing"]
    assert len(found) == 1 and "0 of 5" in found[0].message
    # ticked one-offs become "done", whatever day their log entry carries
    ticked = [replace(a, status="done") for a in once[:3]] + once[3:]
    assert "under-executing" not in rules(review_plan(healthy(actions=ticked), TODAY))


def test_a_rule_makes_an_action_recurring_whatever_its_kind() -> None:
    ruled = action(1, 1, "Practice", rrule="FREQ=DAILY", starts_on=LONG_AGO, planned_minutes=60)
    assert ruled.kind == "once" and ruled.recurring
    snap = healthy(actions=[ruled], goals=[goal(1)])
    assert planned_minutes_per_week(snap, TODAY) == 420
