"""Snapshots of the Goals screen and the SMART goal editor on the demo plan (fixed today)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from growth_tui.demo import build_demo
from growth_tui.store.engine import Store
from growth_tui.ui.dialogs.goal_editor import GoalEditor
from tests.conftest import TODAY, ready
from tests.goals_helpers import opened

SIZES = [(80, 24), (120, 40)]


def _demo_app(make_app):
    store = Store.memory()
    build_demo(store, years=1, today=TODAY)
    return make_app(store)


async def _goal_in_view(pilot) -> None:
    await ready(pilot)
    await pilot.press("g")
    await ready(pilot)
    await pilot.press("down")  # onto the career goal: its detail fills the right pane
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_goals_screen(snap_compare, make_app, size) -> None:
    assert snap_compare(_demo_app(make_app), terminal_size=size, run_before=_goal_in_view)


@pytest.mark.parametrize("size", SIZES)
def test_goal_editor(snap_compare, make_app, size) -> None:
    async def open_editor(pilot) -> None:
        await _goal_in_view(pilot)
        await pilot.press("e")
        await opened(pilot, GoalEditor)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(_demo_app(make_app), terminal_size=size, run_before=open_editor)
