"""The Goals screen's dialogs by keys: dates read back and refused, SMART letters marked live,
an action line that fills its cadence, the north star's history, the palette commands."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input

from growth_tui.store import goals_repo, plan_repo
from growth_tui.store.engine import Store
from growth_tui.ui.dialogs.action_editor import ActionEditor
from growth_tui.ui.dialogs.goal_editor import GoalEditor
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.goals_helpers import (
    fill_fields,
    move_to,
    open_goals,
    opened,
    save,
    settle,
    type_text,
)
from tests.helpers import screen_text


async def test_dates_are_read_back_and_impossible_ones_refused(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await opened(pilot, GoalEditor)
        editor = app.screen
        assert isinstance(editor, GoalEditor)
        await type_text(pilot, "Give three talks outside my team")
        due = editor.query_one("#due Input", Input)
        assert due.value == "2027-02-22"  # a quarter from today is suggested
        due.focus()
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "next friday")
        await pilot.pause()
        assert "Fri 27 Nov 2026 (in 5 days)" in screen_text(app)
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "2025-02-30")
        await pilot.pause()
        assert "February 2025 has 28 days" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor  # refused, still open
        assert goals_repo.list_goals(store, store.plan_id()) == []
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "Q3")
        await save(pilot)
        (goal,) = goals_repo.list_goals(store, store.plan_id())
        assert goal.due == date(2027, 9, 30)


async def test_smart_letters_are_marked_live(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await opened(pilot, GoalEditor)
        editor = app.screen
        letters = str(editor.query_one("#letters").render())
        assert "M ✗" in letters and "R ✗" in letters and "T ✓" in letters
        assert "Measurable" in str(editor.query_one("#check-M").render())
        await fill_fields(pilot, "Give three talks outside my team", "talks given", None, "0", "3")
        letters = str(editor.query_one("#letters").render())
        assert "M ✓" in letters


async def test_north_star_edit_keeps_its_history(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    plan_repo.set_north_star(store, plan_id, "Ship things people love")
    plan_repo.set_north_star(store, plan_id, f"Lead with care {MARKUP_TEXT}")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("N")
        await opened(pilot)
        text = screen_text(app)
        assert "Every version so far, newest first (2)" in text
        assert "Ship things people love" in text and f"Lead with care {MARKUP_TEXT}" in text
        await pilot.press("ctrl+a", "ctrl+k")  # empty the text area line
        await type_text(pilot, "Be a calm, generous senior engineer")
        await save(pilot)
        assert "★ Be a calm, generous senior engineer" in screen_text(app)
    history = plan_repo.north_star_history(store, plan_id)
    assert len(history) == 3
    assert plan_repo.get_plan(store, plan_id).north_star == "Be a calm, generous senior engineer"


async def test_action_line_fills_cadence_and_minutes_which_stay_editable(
    make_app, store: Store
) -> None:
    plan_id = store.plan_id()
    goal = goals_repo.create_goal(store, plan_id, title="Learn Python well")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await move_to(pilot, "goal", "Learn Python")
        await pilot.press("a")
        await opened(pilot, ActionEditor)
        await type_text(pilot, "30 min Python practice every Tue and Thu")
        editor = app.screen
        assert editor.query_one("#minutes", Input).value == "30"
        days = [editor.query_one(f"#wd-{n}", Checkbox).value for n in range(7)]
        assert days == [False, True, False, True, False, False, False]
        text = screen_text(app)
        assert "Saved as “Python practice”" in text
        assert "every Tue and Thu" in text
        # change it by keys: every 2 weeks instead of every week
        await pilot.press("tab", "tab", "tab")  # kind, repeats, every N
        assert editor.query_one("#interval", Input).has_focus
        await pilot.press("home", "ctrl+k", "2")
        await save(pilot)
    (action,) = goals_repo.list_actions(store, goal.id)
    assert (action.title, action.kind, action.planned_minutes) == (
        "Python practice",
        "recurring",
        30,
    )
    assert action.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"
    assert action.starts_on == TODAY


async def test_goals_commands_in_the_palette(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "goals new goal")
        await pilot.pause(0.3)
        assert "Goals: new goal" in screen_text(app)
        await pilot.press("enter")
        await opened(pilot, GoalEditor)


async def test_a_schedule_made_elsewhere_is_named_before_it_is_replaced(
    make_app, store: Store
) -> None:
    plan_id = store.plan_id()
    goal = goals_repo.create_goal(store, plan_id, title="Stay healthy")
    goals_repo.add_action(
        store,
        goal.id,
        title="Yearly check-up",
        kind="recurring",
        rrule="FREQ=YEARLY;BYMONTH=3",
        starts_on=TODAY,
    )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot)
        await move_to(pilot, "action", "Yearly check-up")
        await pilot.press("e")
        await opened(pilot, ActionEditor)
        assert "cannot be edited here" in screen_text(app)
        await pilot.press("escape")
        await ready(pilot)
    (action,) = goals_repo.list_actions(store, goal.id)
    assert action.rrule == "FREQ=YEARLY;BYMONTH=3"  # cancelling keeps it
