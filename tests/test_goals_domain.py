"""Backward planning, focus-point advice, skill gaps and the plain SMART check."""

from datetime import date

from dateutil.relativedelta import relativedelta

from growth_tui.domain.goals import (
    GoalFields,
    SkillInput,
    check_letters,
    focus_point_advice,
    plan_milestones,
    skill_gaps,
)

TODAY = date(2026, 11, 22)


def test_two_year_goal_gets_yearly_then_quarterly_then_monthly_steps() -> None:
    steps = plan_milestones(date(2028, 11, 22), TODAY)
    assert [(s.scale, s.due) for s in steps] == [
        ("month", date(2026, 12, 22)),
        ("month", date(2027, 1, 22)),
        ("quarter", date(2027, 2, 22)),
        ("quarter", date(2027, 5, 22)),
        ("quarter", date(2027, 8, 22)),
        ("year", date(2027, 11, 22)),
    ]
    assert [s.due for s in steps] == sorted(s.due for s in steps)
    assert all(0 < s.share < 1 for s in steps)
    assert steps[-1].share == 0.499


def test_quarter_goal_gets_monthly_steps_only() -> None:
    steps = plan_milestones(date(2027, 2, 22), TODAY)
    assert [(s.scale, s.due) for s in steps] == [
        ("month", date(2026, 12, 22)),
        ("month", date(2027, 1, 22)),
    ]


def test_short_or_past_goal_gets_no_steps() -> None:
    assert plan_milestones(date(2026, 12, 10), TODAY) == []
    assert plan_milestones(date(2026, 1, 1), TODAY) == []


def test_ten_year_goal_is_capped_per_scale() -> None:
    steps = plan_milestones(date(2036, 11, 22), TODAY)
    assert sum(1 for s in steps if s.scale == "year") == 9
    assert len(steps) == len({s.due for s in steps})


def test_step_titles_name_the_value_on_a_straight_line() -> None:
    steps = plan_milestones(
        date(2027, 11, 22), TODAY, metric="talks given", baseline=0, target=12, unit=""
    )
    quarter = next(s for s in steps if s.due == date(2027, 5, 22))
    assert quarter.title == "Reach 6 talks given"
    plain = plan_milestones(date(2027, 11, 22), TODAY)
    assert plain[-1].title.endswith("% of the way there")


def test_focus_point_advice() -> None:
    assert "3 to 5" in focus_point_advice(0)
    assert focus_point_advice(2).startswith("2 focus points: 1 more")
    assert focus_point_advice(3) is None
    assert focus_point_advice(5) is None
    assert "spread the effort thin" in focus_point_advice(6)


def test_skill_gaps_biggest_first_and_coverage() -> None:
    gaps = skill_gaps(
        [
            SkillInput(1, "System design", current=2, target=4),
            SkillInput(2, "Public speaking", current=1, target=4),
            SkillInput(3, "Python", current=4, target=4),
            SkillInput(4, "Negotiation", current=None, target=3),
        ],
        goals_by_skill={1: ["Become a staff engineer"]},
        actions_by_skill={1: ["Write a design doc"]},
    )
    assert [g.name for g in gaps] == ["Public speaking", "System design", "Negotiation", "Python"]
    assert gaps[0].gap == 3 and gaps[0].uncovered and gaps[0].note == "no goal works on this yet"
    assert gaps[1].goals == ("Become a staff engineer",) and not gaps[1].uncovered
    assert gaps[2].gap is None and gaps[2].note == "set the current level"
    assert gaps[3].note == "at or above target"


def test_check_letters_follow_the_coach() -> None:
    empty = check_letters(GoalFields(), TODAY)
    assert [c.letter for c in empty] == ["S", "M", "A", "R", "T"]
    assert [c.letter for c in empty if not c.ok] == ["S", "M", "A", "R", "T"]
    assert all(c.hint for c in empty if not c.ok)
    full = check_letters(
        GoalFields(
            title="Become a staff engineer",
            metric="cross-team designs led",
            target=3,
            due=date(2027, 9, 30),
            why_achievable="I already lead designs in my team",
            why_relevant="More influence on how we build",
        ),
        TODAY,
    )
    assert all(c.ok for c in full) and all(not c.hint for c in full)
    late = {c.letter: c for c in check_letters(GoalFields(title="x", due=date(2026, 1, 1)), TODAY)}
    assert not late["T"].ok and late["T"].hint  # a date in the past
    assert late["T"].hint != empty[4].hint  # says something else than "no date"


def test_thirteen_month_goal_has_no_gap_after_the_first_step() -> None:
    steps = plan_milestones(date(2027, 12, 31), TODAY)
    assert [(s.scale, s.due) for s in steps] == [
        ("month", date(2026, 12, 31)),
        ("month", date(2027, 1, 31)),
        ("quarter", date(2027, 3, 31)),
        ("quarter", date(2027, 6, 30)),
        ("quarter", date(2027, 9, 30)),
    ]


def test_steps_are_never_more_than_a_year_apart() -> None:
    for months in range(2, 60):
        due = TODAY + relativedelta(months=months)
        steps = plan_milestones(due, TODAY)
        points = [TODAY, *(s.due for s in steps), due]
        gaps = [(b - a).days for a, b in zip(points, points[1:], strict=False)]
        assert max(gaps) <= 366, (due, steps)
        assert min(gaps) >= 14, (due, steps)
