"""Helpers shared by the Review and History Pilot tests."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from growth_tui.store.engine import Store
from growth_tui.store.models import Action, Goal, Plan
from tests.conftest import MARKUP_TEXT, TODAY, ready


def overdue_checkin(store: Store) -> None:
    """Make the weekly check-in three days late and leave one one-off unfinished."""
    with store.write() as s:
        plan = s.get(Plan, store.plan_id())
        plan.next_checkin_on = TODAY - timedelta(days=3)
        s.add(plan)
        goal = s.exec(select(Goal).where(Goal.status == "active").order_by(Goal.id)).first()
        s.add(Action(goal_id=goal.id, title=MARKUP_TEXT, due=TODAY - timedelta(days=2)))


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def next_step(pilot) -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)


def snap_app(make_app, size_store: Store):
    overdue_checkin(size_store)
    return make_app(size_store)


async def quiet(pilot) -> None:
    await ready(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()
