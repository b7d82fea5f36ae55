"""Helpers shared by the Reflect screen's Pilot tests."""

from __future__ import annotations

from growth_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import MARKUP_TEXT, ready
from tests.helpers import screen_text

TRICKY = MARKUP_TEXT + " 🌱"


async def type_keys(pilot, text: str) -> None:
    """Type `text` key by key, as a person would."""
    await pilot.press(*text)


async def open_reflect(pilot) -> ReflectScreen:
    await ready(pilot)
    await pilot.press("f2")
    await ready(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReflectScreen)
    return screen


def step_line(app) -> str:
    return next(line for line in screen_text(app).splitlines() if "step " in line)
