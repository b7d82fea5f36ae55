"""Snapshots of the Log screen: the Due tab at 80x24 and 120x40, Activity and the full log."""

from __future__ import annotations

import pytest

from growth_tui.demo import build_demo
from growth_tui.store.engine import Store
from tests.conftest import TODAY, ready


def _demo_app(make_app):
    store = Store.memory()
    build_demo(store, years=1, today=TODAY)
    return make_app(store)


def _open_log(*keys: str):
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f4")
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            for _ in range(3):
                await pilot.pause()
                await pilot.app.workers.wait_for_complete()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_log_due(snap_compare, make_app, size) -> None:
    assert snap_compare(_demo_app(make_app), terminal_size=size, run_before=_open_log())


def test_log_activity(snap_compare, make_app) -> None:
    assert snap_compare(_demo_app(make_app), terminal_size=(80, 24), run_before=_open_log("4"))


def test_log_full_log(snap_compare, make_app) -> None:
    assert snap_compare(_demo_app(make_app), terminal_size=(120, 40), run_before=_open_log("5"))
