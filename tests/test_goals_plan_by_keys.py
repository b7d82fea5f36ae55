"""The example plan from the issue, built on the Goals screen by keys only, then reopened from
the same database file and found intact."""

from __future__ import annotations

from datetime import date

from growth_tui.store import goals_repo, plan_repo
from growth_tui.store.engine import open_store
from tests.goals_helpers import (
    NORTH_STAR,
    add_action,
    add_focus_point,
    add_goal,
    cursor_ref,
    move_to,
    open_goals,
    opened,
    save,
    type_text,
)
from tests.helpers import screen_text


async def test_build_the_example_plan_by_keys_and_reopen(make_app, tmp_path) -> None:
    db = tmp_path / "plan.db"
    app = make_app(db_path=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        # North star
        await pilot.press("N")
        await opened(pilot)
        await type_text(pilot, NORTH_STAR)
        await save(pilot)
        assert "positive influence" in screen_text(app)

        # Career goal with three focus points, each with actions
        await add_goal(
            pilot,
            fields=(
                "Become a staff engineer by the end of Q3 2027",
                "cross-team designs I led",
                "designs",
                "0",
                "3",
                "0",
                "I already lead designs inside my team",
                "On-call weeks eat my time",
                "My mentor and the promotion rubric",
                "More reach for the things I care about",
                "Q3 2027",
            ),
        )
        assert cursor_ref(app).kind == "goal"
        await add_focus_point(pilot, "Time management")
        await add_action(pilot, "90 min deep work block every Tue and Thu")
        await add_action(pilot, "Plan my week every Monday for 20 min")
        await move_to(pilot, "goal", "Become a staff engineer")
        await add_focus_point(pilot, "Visibility outside the team")
        await add_action(pilot, "Present the ledger redesign at the guild", due="end of quarter")
        await add_action(pilot, "Write a short monthly note on what my team shipped monthly")
        await move_to(pilot, "goal", "Become a staff engineer")
        await add_focus_point(pilot, "Technical depth")
        await add_action(pilot, "30 min distributed systems reading every Wed")

        # Personal goal with a measurable target
        await add_goal(
            pilot,
            personal=True,
            fields=(
                "Hold a 20-minute conversation in Spanish",
                "minutes of conversation",
                "min",
                "2",
                "20",
                *[None] * 5,
                "in 6 months",
            ),
        )
        await add_focus_point(pilot, "Daily practice")
        await add_action(pilot, "20 min Spanish practice daily")

    # Reopen the same file: everything is there.
    store = open_store(db)
    try:
        plan_id = store.plan_id()
        assert plan_repo.get_plan(store, plan_id).north_star == NORTH_STAR
        outline = goals_repo.plan_outline(store, plan_id)
        (career,) = outline.by_track("career")
        (personal,) = outline.by_track("personal")
        goal = career.goal
        assert goal.title == "Become a staff engineer by the end of Q3 2027"
        assert (goal.metric, goal.unit, goal.baseline, goal.target) == (
            "cross-team designs I led",
            "designs",
            0,
            3,
        )
        assert goal.due == date(2027, 9, 30)
        assert goal.obstacles == "On-call weeks eat my time"
        points = {p.focus_point.title: p.actions for p in career.focus_points}
        assert list(points) == ["Time management", "Visibility outside the team", "Technical depth"]
        deep, plan = points["Time management"]
        assert (deep.title, deep.kind, deep.rrule, deep.planned_minutes) == (
            "deep work block",
            "recurring",
            "FREQ=WEEKLY;BYDAY=TU,TH",
            90,
        )
        assert plan.rrule == "FREQ=WEEKLY;BYDAY=MO" and plan.planned_minutes == 20
        present, note = points["Visibility outside the team"]
        assert (present.kind, present.due) == ("once", date(2026, 12, 31))
        assert note.rrule.startswith("FREQ=MONTHLY")
        (reading,) = points["Technical depth"]
        assert reading.rrule == "FREQ=WEEKLY;BYDAY=WE" and reading.planned_minutes == 30
        assert personal.goal.target == 20 and personal.goal.due == date(2027, 5, 22)
        (daily,) = personal.focus_points[0].actions
        assert daily.rrule == "FREQ=DAILY" and daily.planned_minutes == 20
    finally:
        store.close()

    # And the app shows it again.
    app = make_app(db_path=db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_goals(pilot)
        text = screen_text(app)
        assert "Become a staff engineer by the end" in text
        assert "Hold a 20-minute conversation in Spanish" in text
        assert "Visibility outside the team" in text
        assert "positive influence" in text
