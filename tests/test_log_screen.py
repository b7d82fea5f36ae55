"""The Log screen and Home's Due panel, driven as a person would with the keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from growth_tui.store import log_repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Action, Goal, LogEntry
from growth_tui.ui.widgets.due_list import DueList
from growth_tui.ui.widgets.log_table import LogTable
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.helpers import screen_text, settle


def small_plan(
    store: Store, *, title: str = "Stretch for ten minutes", goal_title: str = "Feel fit again"
) -> tuple[int, int]:
    """One goal with a daily action that started on Thursday; nothing logged yet."""
    plan_id = store.plan_id()
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title=goal_title)
        session.add(goal)
        session.flush()
        action = Action(
            goal_id=goal.id,
            title=title,
            kind="recurring",
            rrule="FREQ=DAILY",
            starts_on=TODAY - timedelta(days=3),
            planned_minutes=10,
        )
        session.add(action)
        session.flush()
        return goal.id, action.id


def entry(store: Store, action_id: int, day: date) -> LogEntry | None:
    with store.read() as session:
        return session.execute(
            select(LogEntry).where(LogEntry.action_id == action_id, LogEntry.occurrence_on == day)
        ).scalar_one_or_none()


async def open_log(pilot) -> None:
    await ready(pilot)
    await pilot.press("f4")
    await ready(pilot)


async def show_on_home(pilot, selector: str) -> None:
    """Home scrolls; bring one part of the Due panel into view, as a person would."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False, immediate=True)
    await pilot.pause()


async def highlight(pilot, due_list: DueList, action_id: int, day: date) -> None:
    due_list.focus()
    due_list.highlighted = due_list.get_option_index(f"{action_id}:{day.isoformat()}")
    await pilot.pause()


async def test_tick_and_untick_with_space(make_app, store: Store) -> None:
    _, action_id = small_plan(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        text = screen_text(app)
        assert "Tick your first action to start a run of good weeks." in text
        assert "missed" in text  # Thursday to Saturday: still listed, not rolled forward
        due_list = app.screen.query_one("#due-list", DueList)
        await highlight(pilot, due_list, action_id, TODAY)
        await pilot.press("space")
        await settle(pilot)
        done = entry(store, action_id, TODAY)
        assert done is not None and done.status == "done" and done.minutes == 10
        text = screen_text(app)
        assert "✔ Today" in text
        assert "1 week with something done" in text
        assert "1 done this week" in text
        await pilot.press("space")
        await settle(pilot)
        assert entry(store, action_id, TODAY) is None
        assert "☐ Today" in screen_text(app)
        assert "Tick your first action" in screen_text(app)
        # Ticking a missed day logs that day, done today; the schedule does not move.
        thursday = TODAY - timedelta(days=3)
        await highlight(pilot, due_list, action_id, thursday)
        await pilot.press("space")
        await settle(pilot)
        logged = entry(store, action_id, thursday)
        assert logged is not None
        assert (logged.occurrence_on, logged.logged_on) == (thursday, TODAY)
        assert entry(store, action_id, TODAY) is None
        assert due_list.current is not None and due_list.current.occurrence_on == thursday
        assert "✔ Thu 19 Nov" in screen_text(app)


async def test_tick_with_minutes_and_a_note(make_app, store: Store) -> None:
    _, action_id = small_plan(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        due_list = app.screen.query_one("#due-list", DueList)
        await highlight(pilot, due_list, action_id, TODAY)
        await pilot.press("m")
        await pilot.pause()
        assert "Minutes spent" in screen_text(app)
        # Nonsense minutes are explained and nothing is saved.
        await pilot.press("ctrl+a", "ctrl+k", *"lots", "enter", "enter")
        await pilot.pause()
        assert "is not a duration" in screen_text(app)
        assert entry(store, action_id, TODAY) is None
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"1h30")  # the planned 10 → 1h30
        await pilot.press("tab")
        await pilot.press(*MARKUP_TEXT)
        await pilot.press("enter")
        await settle(pilot)
        done = entry(store, action_id, TODAY)
        assert done is not None
        assert (done.status, done.minutes, done.note) == ("done", 90, MARKUP_TEXT)
        text = screen_text(app)
        assert f"90 min · {MARKUP_TEXT}" in text


async def test_skip_with_a_reason(make_app, store: Store) -> None:
    _, action_id = small_plan(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await highlight(pilot, app.screen.query_one("#due-list", DueList), action_id, TODAY)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#reason").value = "Sore [b]knee"
        await pilot.press("enter")
        await settle(pilot)
        skipped = entry(store, action_id, TODAY)
        assert skipped is not None
        assert (skipped.status, skipped.note) == ("skipped", "Sore [b]knee")
        assert "↷ Today" in screen_text(app), screen_text(app)
        assert "skipped: Sore [b]knee" in screen_text(app)
        # A skip is not done: no streak from it.
        assert "Tick your first action" in screen_text(app)


async def test_markup_in_an_action_title_is_shown_literally(make_app, store: Store) -> None:
    goal_title = "Run [red]far[/red] [/]"
    _, action_id = small_plan(store, title=MARKUP_TEXT, goal_title=goal_title)
    log_repo.tick(store, action_id, TODAY - timedelta(days=1), today=TODAY, note=MARKUP_TEXT)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log(pilot)
        text = screen_text(app)
        assert MARKUP_TEXT in text
        assert goal_title in text  # the group heading and the weekly view beside it
        await pilot.press("4")
        await settle(pilot)
        assert f"{MARKUP_TEXT}" in screen_text(app)  # the action's run under Streaks
        await pilot.press("5")
        await settle(pilot)
        text = screen_text(app)
        assert text.count(MARKUP_TEXT) >= 2  # action and note in the full log
        await pilot.press("h")
        await ready(pilot)
        await show_on_home(pilot, "#due-home-list")
        assert MARKUP_TEXT in screen_text(app)  # Home's due panel


async def test_heatmap_and_streak_change_after_a_tick(make_app, store: Store) -> None:
    _, action_id = small_plan(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert "0 done on 0 days" in screen_text(app)
        await pilot.press("1")
        await highlight(pilot, app.screen.query_one("#due-list", DueList), action_id, TODAY)
        await pilot.press("space")
        await settle(pilot)
        await highlight(
            pilot, app.screen.query_one("#due-list", DueList), action_id, TODAY - timedelta(1)
        )
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        text = screen_text(app)
        assert "2 done on 1 days" in text  # both logged today
        assert "1 week with something done" in text
        assert "2 in a row" in text  # the action's own run


async def test_record_a_win_and_see_it_listed_and_on_home(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "A win worth remembering" in screen_text(app)
        await pilot.press(*MARKUP_TEXT)  # what happened, typed
        form = app.screen
        form.query_one("#happened-on").value = "yesterday"
        form.query_one("#impact").value = "Release time halved"
        form.query_one("#impact-value").value = "50"
        form.query_one("#noticed").value = "My manager"
        await pilot.press("ctrl+s")
        await settle(pilot)
        wins = log_repo.wins(demo_store, demo_store.plan_id(), limit=1)
        assert wins[0].title == MARKUP_TEXT
        assert wins[0].happened_on == TODAY - timedelta(days=1)
        assert (wins[0].impact, wins[0].impact_value, wins[0].noticed_by) == (
            "Release time halved",
            50,
            "My manager",
        )
        assert MARKUP_TEXT in screen_text(app)
        # Filter the list by words.
        app.screen.query_one("#wins-text").focus()
        await pilot.press(*"halved")
        await settle(pilot)
        assert app.screen.query_one("#wins-table").row_count == 1
        await pilot.press("f1")
        await ready(pilot)
        await show_on_home(pilot, "#due-wins")
        assert f"★ {MARKUP_TEXT}" in screen_text(app)


async def test_edit_and_delete_a_win(make_app, store: Store) -> None:
    small_plan(store)
    log_repo.add_win(store, store.plan_id(), happened_on=TODAY, title="Gave the talk")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_log(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", *" to 40 people", "ctrl+s")
        await settle(pilot)
        assert log_repo.wins(store, store.plan_id())[0].title == "Gave the talk to 40 people"
        await pilot.press("x")
        await pilot.pause()
        assert "Delete Gave the talk to 40 people?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert log_repo.wins(store, store.plan_id()) == []


async def test_add_feedback_linked_to_a_skill(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        form.query_one("#text").value = MARKUP_TEXT
        form.query_one("#from").value = "Dana"
        form.query_one("#skills").select(log_repo.skill_choices(demo_store, 1)[0][0])
        form.query_one("#kind").value = "growth area"
        await pilot.press("ctrl+s")
        await settle(pilot)
        latest = log_repo.feedback_list(demo_store, demo_store.plan_id(), limit=1)[0]
        assert (latest.text, latest.from_whom, latest.kind) == (MARKUP_TEXT, "Dana", "growth area")
        assert len(latest.skill_ids) == 1
        assert MARKUP_TEXT in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tick_and_untick_from_home(make_app, store: Store, size) -> None:
    _, action_id = small_plan(store)
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        panel_list = app.screen.query_one("#due-home-list", DueList)
        await show_on_home(pilot, "#due-missed")
        assert "3 earlier ones not logged yet: see Log (F4)" in screen_text(app)
        await highlight(pilot, panel_list, action_id, TODAY)
        await pilot.press("space")
        await settle(pilot)
        assert entry(store, action_id, TODAY).status == "done"
        assert "✔ Today" in screen_text(app)
        assert "1 week with something done" in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        assert entry(store, action_id, TODAY) is None
        # Minutes and a note work the same way as on Log.
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"25", "tab", *"easy", "enter")
        await settle(pilot)
        done = entry(store, action_id, TODAY)
        assert (done.minutes, done.note) == (25, "easy")
        # And the Log screen agrees.
        await pilot.press("f4")
        await ready(pilot)
        assert "✔ Today" in screen_text(app)


async def test_full_log_pages_filters_and_sorts(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    plan_id = demo_store.plan_id()
    total = log_repo.count_log(demo_store, plan_id)
    assert total > 200
    async with app.run_test(size=(120, 40)) as pilot:
        await open_log(pilot)
        await pilot.press("5")
        await settle(pilot)
        table = app.screen.query_one(LogTable)
        grid = table.query_one("#log-grid")
        assert grid.row_count == 100  # one page, never the whole log
        assert f"1–100 of {total:,} entries · page 1 of 3" in screen_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert f"101–200 of {total:,} entries · page 2 of 3" in screen_text(app)
        # Arrowing up from the top of a page goes back to the previous page.
        grid.focus()
        grid.move_cursor(row=0)
        await pilot.press("up")
        await settle(pilot)
        assert "1–100 of" in screen_text(app)
        assert grid.cursor_row == 99
        # Sorting is done by the database: by the next column, then reversed.
        await pilot.press("o")
        await settle(pilot)
        assert table.query_state.sort == "logged_on"
        first = log_repo.log_page(demo_store, plan_id, table.query_state, limit=1)[0]
        assert table.rows[0].id == first.id
        await pilot.press("O")
        await settle(pilot)
        assert table.query_state.descending is False
        # Filters: text, then a goal and a date range.
        await pilot.press("slash", *"spanish")
        await settle(pilot)
        spanish = log_repo.count_log(demo_store, plan_id, table.query_state)
        assert 0 < spanish < total
        assert f"of {spanish:,} entries" in screen_text(app)
        table.query_one("#log-text").value = ""
        table.query_one("#log-from").value = (TODAY - timedelta(days=6)).isoformat()
        table.query_one("#log-to").value = "yesterday"
        table.query_one("#log-from").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert table.query_state.first == TODAY - timedelta(days=6)
        assert table.query_state.last == TODAY - timedelta(days=1)
        assert all(TODAY - timedelta(6) <= row.occurrence_on < TODAY for row in table.rows)
        assert table.rows
