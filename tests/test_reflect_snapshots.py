"""Snapshots of the Reflect screen on demo data: the start view, a step, the compare view."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from textual.widgets import Input, TextArea

from growth_tui.demo import build_demo
from growth_tui.store import reflect_repo
from growth_tui.store.engine import Store
from tests.conftest import TODAY, ready


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Session times are shown in local time; pin it so snapshots match on any machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def two_year_store() -> Iterator[Store]:
    store = Store.memory()
    build_demo(store, years=2, today=TODAY)
    yield store
    store.close()


def _still(app) -> None:
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False


async def _to_reflect(pilot) -> None:
    await ready(pilot)
    await pilot.press("f2")
    await ready(pilot)
    _still(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_start_view(snap_compare, make_app, two_year_store: Store, size) -> None:
    assert snap_compare(make_app(two_year_store), terminal_size=size, run_before=_to_reflect)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_list_step(snap_compare, make_app, two_year_store: Store, size) -> None:
    async def run_before(pilot) -> None:
        await _to_reflect(pilot)
        await pilot.press("enter")  # all sets, first step: strengths
        for char in "Calm [b]under[/] pressure":
            await pilot.press(char)
        await pilot.press("enter")
        _still(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(two_year_store), terminal_size=size, run_before=run_before)


def test_values_step(snap_compare, make_app, two_year_store: Store) -> None:
    plan_id = two_year_store.plan_id()
    info = reflect_repo.start_session(two_year_store, plan_id, ["know"], from_last=True)
    reflect_repo.save_step(two_year_store, info.id, 5)

    async def run_before(pilot) -> None:
        await _to_reflect(pilot)
        await pilot.press("enter")  # resume at the values step
        _still(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(two_year_store), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_compare_view(snap_compare, make_app, two_year_store: Store, size) -> None:
    async def run_before(pilot) -> None:
        await _to_reflect(pilot)
        await pilot.press("tab", "tab", "c")
        await pilot.pause()

    assert snap_compare(make_app(two_year_store), terminal_size=size, run_before=run_before)
