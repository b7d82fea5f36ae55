"""Review as a person uses it: a check-in from Home's prompt to the summary, and the schedule."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from textual.widgets import DataTable, Input, Select, TextArea

from growth_tui.store import review_repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Action, CheckIn, CheckInAnswer, Goal
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.helpers import screen_text
from tests.review_support import next_step, overdue_checkin, quiet, settle, snap_app


async def test_weekly_checkin_from_home_to_history(make_app, demo_store: Store) -> None:
    overdue_checkin(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        await ready(pilot)
        home = screen_text(app)
        assert "Weekly check-in is 3 days overdue - a short one still counts" in home
        await pilot.click("#start-checkin")
        await ready(pilot)
        await settle(pilot)
        assert app.current_mode == "review"
        text = screen_text(app)
        assert "Weekly check-in · step 1 of 6 · Since last time" in text
        assert "Done since Mon 16 Nov 2026:" in text and "20 min Spanish on the commute" in text

        # Typed answers are saved without pressing anything (debounced).
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Ship [/] v1 [b]x")
        await pilot.pause(0.8)
        checkin = review_repo.open_checkin(demo_store, app.plan_id)
        assert checkin is not None and checkin.answers["achieved"] == MARKUP_TEXT

        await next_step(pilot)  # pains
        await next_step(pilot)  # gains
        await next_step(pilot)  # goals
        text = screen_text(app)
        assert "step 4 of 6 · Goals" in text and "Become a staff engineer" in text
        goals = review_repo.goals_for_review(demo_store, app.plan_id)
        career, personal = goals[0], goals[1]
        app.screen.query_one(f"#health-{career.id}", Select).value = "at risk"
        metric = app.screen.query_one(f"#metric-{career.id}", Input)
        metric.focus()
        metric.value = "2"
        await pilot.press("enter")
        await settle(pilot)

        # Pivot the personal goal, with what was learned and the next goal.
        app.screen.query_one(f"#pivot-{personal.id}").focus()
        await pilot.press("p")
        await settle(pilot)
        await pilot.press(*"Grammar drills bored me")
        await pilot.press("enter")
        await pilot.press(*"Weekly call with a tutor")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Pivot logged" in screen_text(app)
        with demo_store.read() as s:
            assert s.get(Goal, personal.id).status == "pivoted"

        await next_step(pilot)  # carry
        text = screen_text(app)
        assert "step 5 of 6 · Unfinished" in text and MARKUP_TEXT in text
        await pilot.click(".carry")
        await settle(pilot)
        assert "carried forward to Sun 29 Nov" in screen_text(app)

        await next_step(pilot)  # next steps
        await pilot.press(*"Book the tutor")
        await pilot.press("ctrl+f")
        await settle(pilot)
        text = screen_text(app)
        assert "Weekly check-in done. Next one on Sun 29 Nov." in text
        assert "Weekly check-in - 2026-11-22" in text

        # What the database holds now.
        schedule = review_repo.get_schedule(demo_store, app.plan_id)
        assert schedule.next_checkin_on == TODAY + timedelta(days=7)
        with demo_store.read() as s:
            row = s.exec(select(CheckIn).order_by(CheckIn.id.desc())).first()
            assert row.finished_at is not None
            assert "- carried forward: Ship [/] v1 [b]x (to 2026-11-29)" in row.summary
            assert "Grammar drills bored me" in row.summary
            answers = {
                a.question_key: a.text
                for a in s.exec(select(CheckInAnswer).where(CheckInAnswer.check_in_id == row.id))
            }
            assert answers["next_steps"] == "Book the tutor"
            carried = s.exec(select(Action).where(Action.title == MARKUP_TEXT)).one()
            assert carried.due == TODAY + timedelta(days=7)
            assert s.get(Goal, career.id).current_value == 2
        assert review_repo.goal_metric_series(demo_store, career.id)[-1] == (TODAY, 2.0)

        # History shows it all: the check-in, and the pivot highlighted.
        await pilot.press("f6")
        await ready(pilot)
        text = screen_text(app)
        assert "2026-11-22  ✦ Goal pivoted" in text
        pivot = next(e for e in app.screen.shown if e.title == "Goal pivoted")
        assert pivot.detail.endswith("Grammar drills bored me -> next: Weekly call with a tutor")
        assert "Weekly check-in" in text and "Goal started (personal)" in text
        table = app.screen.query_one("#timeline-table", DataTable)
        table.focus()
        checkin_row = next(
            n for n, e in enumerate(app.screen.shown) if e.kind == "check-in" and e.on == TODAY
        )
        table.move_cursor(row=checkin_row)
        await pilot.press("enter")
        await settle(pilot)
        opened = screen_text(app)
        assert "Weekly check-in - 2026-11-22" in opened
        assert "Period: 2026-11-16 to 2026-11-22" in opened
        await pilot.press("escape")
        await pilot.pause()
        # The metric chart follows the goal just updated.
        await pilot.press("2")
        await settle(pilot)
        assert "→ 2 on 22 Nov 2026 · target 4 docs" in screen_text(app)


async def test_answers_survive_leaving_mid_checkin(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("n")
        await settle(pilot)
        await next_step(pilot)
        await pilot.press(*"meetings")
        await pilot.press("f1")  # no pause: leaving must save what was typed
        await ready(pilot)
        state = review_repo.open_checkin(demo_store, app.plan_id)
        assert state is not None and state.answers.get("pains") == "meetings"
        assert "You have a weekly check-in in progress." in screen_text(app)
        await pilot.press("f5")
        await ready(pilot)
        assert "step 2 of 6 · Pains" in screen_text(app)  # right where it was left
        assert app.screen.query_one("#answer-pains", TextArea).text == "meetings"
        await pilot.press("escape", "escape")  # leave the field, then the check-in
        await settle(pilot)
        assert "Resume weekly check-in (n)" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        await next_step(pilot)
        assert app.screen.query_one("#answer-pains", TextArea).text == "meetings"


async def test_schedule_is_agreed_on_the_review_screen(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        box = app.screen.query_one("#next-checkin", Input)
        box.focus()
        box.value = ""
        await pilot.press(*"in 8 days", "enter")  # a phrase, read by the shared parser
        await settle(pilot)
        assert review_repo.get_schedule(demo_store, app.plan_id).next_checkin_on.day == 30
        box.value = "someday"
        await pilot.press("enter")
        await settle(pilot)
        assert '"someday" is not a date I can read.' in screen_text(app)
        assert review_repo.get_schedule(demo_store, app.plan_id).next_checkin_on.day == 30
        box.value = "2026-11-30"
        app.screen.query_one("#cadence", Select).value = "biweekly"
        await settle(pilot)
        assert review_repo.get_schedule(demo_store, app.plan_id).cadence == "biweekly"


async def test_summary_export_writes_markdown(make_app, demo_store: Store, tmp_path: Path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        box = app.screen.query_one("#export-path", Input)
        box.value = str(tmp_path / "out" / "review.md")
        await pilot.press("enter")
        await settle(pilot)
        written = (tmp_path / "out" / "review.md").read_text()
        assert written.startswith("# Weekly check-in - 2026-11-22")
        assert "Written to" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_review_overview(snap_compare, make_app, demo_store: Store, size) -> None:
    app = snap_app(make_app, demo_store)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f5")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_review_goals_step(snap_compare, make_app, demo_store: Store, size) -> None:
    app = snap_app(make_app, demo_store)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("n")
        await settle(pilot)
        for _ in range(3):
            await next_step(pilot)
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_quarterly_goals_step_opens_goals_and_comes_back(make_app, demo_store: Store) -> None:
    overdue_checkin(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("q")
        await settle(pilot)
        for _ in range(6):
            await next_step(pilot)
        assert "step 7 of 9 · Next quarter" in screen_text(app)
        await pilot.press(*"Keep the design-doc goal")
        await pilot.click("#open-goals")
        await ready(pilot)
        assert app.current_mode == "goals"
        await pilot.press("f5")
        await ready(pilot)
        assert app.screen.query_one("#answer-next_quarter", TextArea).text == (
            "Keep the design-doc goal"
        )
        await next_step(pilot)  # unfinished one-offs: a date in the past is refused
        box = app.screen.query_one(".resched", Input)
        box.focus()
        await pilot.press(*"2026-11-01", "enter")
        await settle(pilot)
        assert "Pick today or a later day." in screen_text(app)
        box.value = ""
        await pilot.press(*"in 2 weeks", "enter")
        await settle(pilot)
        assert "rescheduled to Sun 06 Dec" in screen_text(app)
