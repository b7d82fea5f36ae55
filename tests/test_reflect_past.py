"""The Reflect screen's past sessions: read-only, compared side by side, start from last time."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import TextArea

from growth_tui.domain.reflection import Item
from growth_tui.store import reflect_repo
from growth_tui.store.engine import Store, StoreError
from tests.conftest import MARKUP_TEXT, ready
from tests.helpers import screen_text
from tests.reflect_helpers import TRICKY, open_reflect, step_line, type_keys


async def test_long_markup_and_emoji_answers_come_back_exactly(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    long_text = ("A long answer with [b]markup[/] and 🌱 emoji. " * 120)[:5000]
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("down", "down", "enter")  # Vision only
        await pilot.pause()
        area = screen.query_one("#text-editor", TextArea)
        app.post_message(events.Paste(long_text))  # as a terminal paste arrives
        await pilot.pause()
        await pilot.press("ctrl+n")
        await type_keys(pilot, TRICKY)
        await pilot.press("ctrl+b")
        assert area.text == long_text
        await pilot.press("escape", "escape")
        await ready(pilot)
        session = reflect_repo.list_sessions(store, plan_id)[0]
        answers = reflect_repo.load_answers(store, session.id)
        assert answers["vision_1_2"] == [Item(long_text)]
        assert answers["vision_3_5"] == [Item(TRICKY)]
        # Open it read-only from the past-sessions list.
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        assert "Reflection of" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert TRICKY in screen_text(app)
        shown = [str(s.visual) for s in screen.query("#read .read-answer")]
        assert long_text in shown
        assert TRICKY in shown


def _two_sessions(store: Store) -> None:
    plan_id = store.plan_id()
    old = reflect_repo.start_session(store, plan_id, ["know", "vision"]).id
    reflect_repo.save_items(store, old, "strengths", ["Listening", "SQL tuning"])
    reflect_repo.save_items(store, old, "values", [Item("Honesty", 1), Item("Craft", 2)])
    reflect_repo.save_text(store, old, "vision_1_2", "I run the design reviews for our team.")
    reflect_repo.finish_session(store, old)
    new = reflect_repo.start_session(store, plan_id, ["know", "vision"], from_last=True).id
    reflect_repo.save_items(store, new, "strengths", ["Listening"])
    reflect_repo.save_items(
        store, new, "values", [Item("Honesty", 1), Item("Craft", 2), Item(MARKUP_TEXT)]
    )
    reflect_repo.save_text(store, new, "vision_1_2", "I run the design reviews for two teams.")
    reflect_repo.finish_session(store, new)


async def test_compare_shows_an_added_value_and_a_removed_strength(make_app, store: Store) -> None:
    _two_sessions(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("tab", "tab")  # to the past-sessions table
        await pilot.press("space", "down", "space", "c")
        await pilot.pause()
        pane = screen.query_one("#compare")
        text = "\n".join(str(s.visual) for s in pane.query(".cmp-side"))
        assert "+ " + MARKUP_TEXT in text
        assert "− SQL tuning" in text
        assert "~ I run the design reviews for our team." in text
        assert "~ I run the design reviews for two teams." in text
        seen = screen_text(app)
        assert "What changed" in seen
        assert "Before" in seen and "After" in seen
        await pilot.press("escape")
        assert "Past sessions" in screen_text(app)


async def test_start_from_last_time_prefills(make_app, store: Store) -> None:
    _two_sessions(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("t", "down", "enter")  # last time, Know yourself only
        await pilot.pause()
        assert "Know yourself · step 1 of 8" in step_line(app)
        assert "• Listening" in screen_text(app)
        assert screen.session is not None


async def test_delete_a_past_session_asks_twice(make_app, store: Store) -> None:
    _two_sessions(store)
    plan_id = store.plan_id()
    newest = reflect_repo.list_sessions(store, plan_id)[0]
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("tab", "tab", "d")
        await pilot.pause()
        assert len(reflect_repo.list_sessions(store, plan_id)) == 2  # not yet
        await pilot.press("d")
        await ready(pilot)
        left = reflect_repo.list_sessions(store, plan_id)
        assert len(left) == 1
        assert left[0].id != newest.id
        assert screen_text(app).count("Know + Vision") == 1
    with pytest.raises(StoreError):
        reflect_repo.load_answers(store, newest.id)
