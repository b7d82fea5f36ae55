"""Snapshots of Home (the plan and the first-run welcome) and the help screen."""

from __future__ import annotations

import pytest

from growth_tui.demo import build_demo
from growth_tui.store.engine import Store
from tests.conftest import TODAY, ready


def _demo_app(make_app):
    store = Store.memory()
    build_demo(store, years=1, today=TODAY)
    return make_app(store)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home_with_a_plan(snap_compare, make_app, size) -> None:
    assert snap_compare(_demo_app(make_app), terminal_size=size, run_before=ready)


def test_home_first_run(snap_compare, make_app) -> None:
    assert snap_compare(make_app(Store.memory()), terminal_size=(80, 24), run_before=ready)


def test_help_screen(snap_compare, make_app) -> None:
    async def open_help(pilot) -> None:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_demo_app(make_app), terminal_size=(80, 24), run_before=open_help)
