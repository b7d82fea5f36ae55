"""The Goals screen, driven by keys as a person would: edit, pivot, drop, delete and undo; user
text shown literally; milestones, skills and supporters."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input
from textual.widgets._toast import Toast

from growth_tui.store import goals_repo, plan_repo
from growth_tui.store.engine import Store
from growth_tui.ui.dialogs.action_editor import ActionEditor
from growth_tui.ui.dialogs.goal_editor import GoalEditor
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.goals_helpers import (
    cursor_ref,
    move_to,
    open_goals,
    opened,
    save,
    settle,
    type_text,
)
from tests.helpers import screen_text


async def test_edit_a_goal_and_pivot_into_the_next(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_goals(pilot)
        career = goals_repo.list_goals(demo_store, app.plan_id, track="career")[0]
        await move_to(pilot, "goal", career.title[:20])
        await pilot.press("e")
        await opened(pilot, GoalEditor)
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "Lead two cross-team designs by June")
        await save(pilot)
        assert goals_repo.get_goal(demo_store, career.id).title == (
            "Lead two cross-team designs by June"
        )
        assert "Lead two cross-team designs by June" in screen_text(app)

        await pilot.press("s")
        await opened(pilot)
        await pilot.press("down", "enter")  # second choice: pivoted
        await pilot.press("tab")
        await type_text(pilot, "I enjoy growing people more than owning designs")
        await pilot.press("enter")
        await settle(pilot, 5)
        assert "Pivoted: Lead two cross-team" in screen_text(app)  # the toast
        await pilot.press("y")  # write the next goal now
        await settle(pilot, 5)
        assert isinstance(app.screen, GoalEditor)
        await type_text(pilot, "Become an engineering manager by next autumn")
        await save(pilot)

        (change,) = goals_repo.status_history(demo_store, career.id)
        assert (change.from_status, change.to_status) == ("active", "pivoted")
        assert change.note == "I enjoy growing people more than owning designs"
        nxt = goals_repo.get_goal(demo_store, change.next_goal_id)
        assert nxt.title == "Become an engineering manager by next autumn"
        assert nxt.track == "career"
        text = screen_text(app)
        assert "Closed goals  1" in text
        assert "Become an engineering manager by next autumn" in text
        await move_to(pilot, "goal", "Lead two cross-team")  # under Closed goals
        text = screen_text(app)
        assert "Learned: I enjoy growing people" in text
        assert "grew into Become an engineering manager" in text


async def test_delete_asks_and_undo_brings_everything_back(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_goals(pilot)
        before = goals_repo.plan_outline(demo_store, app.plan_id)
        goal = before.by_track("career")[0]
        await move_to(pilot, "goal", goal.goal.title[:20])
        await pilot.press("x")
        await opened(pilot)
        assert "Are you sure?" in screen_text(app)
        await pilot.press("n")  # keep it
        await ready(pilot)
        assert goals_repo.plan_outline(demo_store, app.plan_id).goal(goal.goal.id) is not None

        await pilot.press("x")
        await opened(pilot)
        await pilot.press("y")
        await ready(pilot)
        assert goals_repo.plan_outline(demo_store, app.plan_id).goal(goal.goal.id) is None
        text = screen_text(app)
        assert "Deleted goal" in text and "Undo" in text

        await pilot.press("ctrl+z")
        await ready(pilot)
        after = goals_repo.plan_outline(demo_store, app.plan_id)
        restored = after.goal(goal.goal.id)
        assert restored is not None
        assert [a.id for a in restored.actions] == [a.id for a in goal.actions]
        assert [m.id for m in restored.milestones] == [m.id for m in goal.milestones]
        assert cursor_ref(app).key == goal.goal.id

        # An action, deleted and undone through the toast's own link
        action = goal.actions[0]
        await move_to(pilot, "action", action.title[:20])
        await pilot.press("x")
        await opened(pilot)
        await pilot.press("y")
        await ready(pilot)
        assert all(a.id != action.id for a in goals_repo.list_actions(demo_store, goal.goal.id))
        (toast,) = [t for t in app.screen.query(Toast) if "Deleted action" in str(t.render())]
        links = [str(span.style) for span in toast.render().spans if "@click" in str(span.style)]
        assert links and "screen.undo" in links[0]
        await app.screen.run_action("undo")  # what the toast's "Undo" link runs
        await ready(pilot)
        assert any(a.id == action.id for a in goals_repo.list_actions(demo_store, goal.goal.id))
        assert (cursor_ref(app).kind, cursor_ref(app).key) == ("action", action.id)


async def test_user_text_is_shown_literally(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    long_tail = " and then some more words" * 12
    goal = goals_repo.create_goal(store, plan_id, title=f"{MARKUP_TEXT} 🚀{long_tail}")
    point = goals_repo.add_focus_point(store, goal.id, f"Focus {MARKUP_TEXT}")
    goals_repo.add_action(
        store, goal.id, title=f"Act {MARKUP_TEXT} 🎉", due=TODAY, focus_point_id=point.id
    )
    goals_repo.create_supporter(store, plan_id, f"Sam {MARKUP_TEXT}", helps_with=MARKUP_TEXT)
    goals_repo.create_skill(store, plan_id, f"Skill {MARKUP_TEXT}", today=TODAY)
    plan_repo.set_north_star(store, plan_id, f"Star {MARKUP_TEXT}")
    app = make_app(store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_goals(pilot)
        text = screen_text(app)
        assert f"Star {MARKUP_TEXT}" in text
        assert f"Focus {MARKUP_TEXT}" in text
        assert f"Act {MARKUP_TEXT} 🎉" in text
        await move_to(pilot, "goal", MARKUP_TEXT)
        text = screen_text(app)
        assert f"{MARKUP_TEXT} 🚀" in text  # tree and detail pane
        assert "and then some more words and then" in text  # long text wraps in the detail
        await pilot.press("e")
        await opened(pilot, GoalEditor)
        editor = app.screen
        assert editor.query_one("#title", Input).value.startswith(f"{MARKUP_TEXT} 🚀")
        await pilot.press("escape")
        await ready(pilot)
        await move_to(pilot, "supporters", "Supporters")
        assert f"Sam {MARKUP_TEXT}" in screen_text(app)
        await move_to(pilot, "focus", "Focus")
        await pilot.press("a")  # the action editor lists focus points and people
        await opened(pilot, ActionEditor)
        text = screen_text(app)
        assert f"Focus {MARKUP_TEXT}" in text  # the focus point chosen in its Select
        await pilot.press("escape")
        await ready(pilot)
        await move_to(pilot, "action", "Act")
        await pilot.press("x")
        await opened(pilot)
        assert f"Act {MARKUP_TEXT} 🎉" in screen_text(app)  # in the question
        await pilot.press("y")
        await ready(pilot)
        assert f"Deleted action “Act {MARKUP_TEXT} 🎉”" in screen_text(app)  # in the toast


async def test_milestones_skills_and_supporters(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    goal = goals_repo.create_goal(
        store, plan_id, title="Become a staff engineer", due=date(2028, 11, 22), target=3
    )
    app = make_app(store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_goals(pilot)
        await move_to(pilot, "goal", "Become a staff engineer")
        await pilot.press("m")
        await opened(pilot)
        assert "Plan milestones backwards" in screen_text(app)
        await pilot.press("enter")  # untick the first proposal (22 Dec 2026)
        await save(pilot)
        milestones = goals_repo.list_milestones(store, goal.id)
        assert len(milestones) == 5
        assert milestones[0].due == date(2027, 1, 22)
        text = screen_text(app)
        assert "today ├" in text and "22 Nov 2028" in text  # the timeline

        await pilot.press("k")
        await opened(pilot)
        await type_text(pilot, "System design")
        await pilot.press("tab", "tab", "enter", "down", "down", "down", "enter")  # now: 2
        await pilot.press("tab", "enter", *["down"] * 5, "enter")  # target: 4
        await save(pilot)
        (skill,) = goals_repo.list_skills(store, plan_id)
        assert (skill.current_level, skill.target_level) == (2, 4)
        assert [a.current_level for a in goals_repo.skill_history(store, skill.id)] == [2]
        text = screen_text(app)  # the cursor is on the new skill
        assert "no goal works on this yet" in text
        assert "Ratings over time" in text and "22 Nov 2026  2" in text

        await pilot.press("p")
        await opened(pilot)
        await type_text(pilot, "Priya")
        await pilot.press("tab", "tab")
        await type_text(pilot, "reviews my design docs")
        await save(pilot)
        (priya,) = goals_repo.list_supporters(store, plan_id)
        assert priya.helps_with == "reviews my design docs" and priya.role == "mentor"

        # link both to the goal from its editor
        await move_to(pilot, "goal", "Become a staff engineer")
        await pilot.press("e")
        await opened(pilot, GoalEditor)
        editor = app.screen
        editor.query_one("#skills").focus()
        await pilot.press("space", "tab", "space")
        await save(pilot)
        assert goals_repo.goal_skill_ids(store, goal.id) == [skill.id]
        assert goals_repo.goal_supporter_ids(store, goal.id) == [priya.id]
        await move_to(pilot, "skills", "Skills")
        text = screen_text(app)
        assert "goals: Become a staff engineer" in text


async def test_drop_asks_why_and_keeps_it(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    goal = goals_repo.create_goal(store, plan_id, title="Run a marathon", track="personal")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await move_to(pilot, "goal", "Run a marathon")
        await pilot.press("s")
        await opened(pilot)
        await pilot.press("down", "down", "down", "enter")  # achieved, pivoted, paused, dropped
        assert "Why drop it?" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "My knee says no")
        await pilot.press("enter")
        await ready(pilot)
        assert goals_repo.get_goal(store, goal.id).status == "dropped"
        assert "Closed goals  1" in screen_text(app)
        await move_to(pilot, "goal", "Run a marathon")
        assert "Why dropped: My knee says no" in screen_text(app)
    (change,) = goals_repo.status_history(store, goal.id)
    assert (change.to_status, change.note) == ("dropped", "My knee says no")
