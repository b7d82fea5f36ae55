"""History as a person uses it: skills re-rated at a quarterly review, filters, summaries."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from textual.widgets import Select

from growth_tui.store import review_repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Goal
from tests.conftest import MARKUP_TEXT, ready
from tests.helpers import screen_text
from tests.review_support import next_step, quiet, settle, snap_app


async def test_quarterly_review_rerates_a_skill_and_the_chart_shows_it(
    make_app, demo_store: Store
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f6", "2")
        await ready(pilot)
        before = screen_text(app)
        speaking = next(line for line in before.splitlines() if "Public speaking" in line)
        assert "1, steady since" in speaking
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert "Quarterly review · step 1 of 9" in screen_text(app)
        for _ in range(4):
            await next_step(pilot)
        text = screen_text(app)
        assert "step 5 of 9 · Skills" in text and "Public speaking" in text
        skill = next(
            s
            for s in review_repo.skills_for_review(demo_store, app.plan_id)
            if s.name == "Public speaking"
        )
        app.screen.query_one(f"#level-{skill.id}", Select).value = 3
        await settle(pilot)
        await next_step(pilot)
        assert "step 6 of 9 · Coach" in screen_text(app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert "- Public speaking: 1 -> 3" in app.screen.summary_text
        await pilot.press("f6", "2")
        await ready(pilot)
        after = screen_text(app)
        speaking = next(line for line in after.splitlines() if "Public speaking" in line)
        assert "1 → 3 since" in speaking
        schedule = review_repo.get_schedule(demo_store, app.plan_id)
        assert schedule.next_quarterly_on == date(2027, 2, 22)  # three months on


async def test_user_text_is_shown_literally_everywhere(make_app, demo_store: Store) -> None:
    from growth_tui.store.models import ReflectionAnswer, ReflectionSession, Skill

    with demo_store.write() as s:
        goal = s.exec(select(Goal).where(Goal.status == "active").order_by(Goal.id)).first()
        goal.title = MARKUP_TEXT
        s.add(goal)
        skill = s.exec(select(Skill).order_by(Skill.id)).first()
        skill.name = MARKUP_TEXT
        s.add(skill)
        latest = s.exec(
            select(ReflectionSession).order_by(ReflectionSession.started_at.desc())
        ).first()
        s.add(
            ReflectionAnswer(
                session_id=latest.id, prompt_key="values", position=99, text=MARKUP_TEXT
            )
        )
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        await pilot.press("a")
        await settle(pilot)
        await next_step(pilot)
        assert "step 2 of 11 · Goals" in screen_text(app)
        assert f"{MARKUP_TEXT} (career" in screen_text(app)
        await pilot.click(f"#pivot-{goal.id}")
        await settle(pilot)
        assert f"Changing course on {MARKUP_TEXT}" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await next_step(pilot)
        await next_step(pilot)
        text = screen_text(app)
        assert "step 4 of 11 · Values" in text and MARKUP_TEXT in text
        for _ in range(4):
            await next_step(pilot)
        text = screen_text(app)
        assert "step 8 of 11 · Skills" in text and f"{MARKUP_TEXT} (" in text
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert MARKUP_TEXT in screen_text(app)  # the summary, rendered as Markdown
        await pilot.press("f6", "2")
        await ready(pilot)
        text = screen_text(app)
        assert MARKUP_TEXT in text  # the goal picker of the metric chart
        assert any(line.startswith(f" {MARKUP_TEXT}") for line in text.splitlines())  # skills


async def test_history_filters_and_period_summary(make_app, demo_store: Store) -> None:
    with demo_store.write() as s:
        goal = s.exec(select(Goal).order_by(Goal.id)).first()
        goal.title = MARKUP_TEXT
        s.add(goal)
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f6")
        await ready(pilot)
        app.screen.query_one("#kind", Select).value = "win"
        await settle(pilot)
        shown = app.screen.shown
        assert shown and {e.kind for e in shown} == {"win"}
        app.screen.query_one("#kind", Select).value = "goal"
        await settle(pilot)
        assert MARKUP_TEXT in screen_text(app)
        app.screen.query_one("#span", Select).value = "last-quarter"
        await settle(pilot)
        assert all(e.on.month in (7, 8, 9) for e in app.screen.shown)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "What I did in Q3 2026" in text
        app.screen.query_one("#summary-period", Select).value = "this-year"
        await settle(pilot)
        assert "What I did in 2026" in screen_text(app)
        assert app.screen.summary_text.startswith("# What I did in 2026")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_history_timeline(snap_compare, make_app, demo_store: Store, size) -> None:
    app = snap_app(make_app, demo_store)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f6")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_history_charts(snap_compare, make_app, demo_store: Store, size) -> None:
    app = snap_app(make_app, demo_store)

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f6")
        await ready(pilot)
        await pilot.press("2")
        await quiet(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_an_empty_plan_gets_friendly_words_not_errors(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await ready(pilot)
        assert "Weekly check-in: no date yet - pick one" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert "nothing logged" in screen_text(app)
        for _ in range(3):
            await next_step(pilot)
        assert "No active goals to look at." in screen_text(app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert "Weekly check-in done. Next one on Sun 29 Nov." in screen_text(app)
        await pilot.press("f6")
        await ready(pilot)
        assert "1 of 1 · Enter opens" in screen_text(app)  # the check-in just held
        await pilot.press("2")
        await settle(pilot)
        text = screen_text(app)
        assert "0 done in 52 weeks" in text
        assert "Nothing logged in the last 12 months." in text
        assert "Record a goal's metric at a check-in to see it here." in text
        await pilot.press("3")
        await settle(pilot)
        assert "No wins noted" in screen_text(app)
        assert "Could not" not in screen_text(app)
