"""Key-driving helpers for the Goals screen's Pilot tests."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, Tree

from growth_tui.ui.dialogs.action_editor import ActionEditor
from growth_tui.ui.dialogs.goal_editor import GoalEditor
from tests.conftest import ready

NORTH_STAR = (
    "Be a steady, positive influence on the engineers around me "
    "without giving up evenings and weekends with my family."
)


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def opened(pilot, kind: type | None = None) -> None:
    """Wait until a dialog (of this class) is on top; the first one may need an import."""
    for _ in range(100):
        await pilot.pause()
        screen = pilot.app.screen
        if (kind is None and screen.is_modal) or (kind is not None and isinstance(screen, kind)):
            await pilot.pause()
            return
    raise AssertionError(f"{kind or 'a dialog'} never opened; on top: {pilot.app.screen}")


async def open_goals(pilot) -> None:
    await ready(pilot)
    await pilot.press("g")
    await ready(pilot)


async def type_text(pilot, text: str) -> None:
    """Type like a fast typist: one real key event per character, then wait once.

    (`pilot.press` waits for the screen to settle after every key, ~60 ms each here.)
    """
    app = pilot.app
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # noqa: SLF001 - the same path pilot.press uses
    await pilot.pause()
    await pilot.pause()


async def fill_fields(pilot, *values: str | None) -> None:
    """Type into the focused field and move on with Enter; None leaves a field as it is,
    "" clears it."""
    for value in values:
        if value is not None:
            focused = pilot.app.focused
            if isinstance(focused, Input) and focused.value:
                await pilot.press("home", "ctrl+k")
            await type_text(pilot, value)
        await pilot.press("enter")


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await ready(pilot)


def cursor_ref(app):
    return app.screen.query_one("#plan-tree", Tree).cursor_node.data


async def move_to(pilot, kind: str, title: str) -> None:
    """Walk the tree with the arrow keys until the cursor is on the item with this title."""
    app = pilot.app
    tree = app.screen.query_one("#plan-tree", Tree)
    await pilot.press("home")
    for _ in range(tree.last_line + 2):
        node = tree.cursor_node
        if node is not None and node.data.kind == kind and title in str(node.label):
            return
        await pilot.press("down")
    raise AssertionError(f"no {kind} {title!r} in the tree")


async def add_goal(pilot, *, personal: bool = False, fields: tuple) -> None:
    await pilot.press("n")
    await opened(pilot, GoalEditor)
    if personal:
        await pilot.press("shift+tab")  # to the track choice
        await pilot.press("right", "enter", "tab")
    await fill_fields(pilot, *fields)
    await save(pilot)


async def add_focus_point(pilot, title: str) -> None:
    await pilot.press("f")
    await opened(pilot)
    await type_text(pilot, title)
    await pilot.press("enter")
    await ready(pilot)


async def add_action(pilot, line: str, *, due: str | None = None) -> None:
    await pilot.press("a")
    await opened(pilot, ActionEditor)
    await type_text(pilot, line)
    if due is not None:
        await pilot.press("tab", "tab")  # past the kind choice to the due date
        assert pilot.app.screen.query_one("#due Input", Input).has_focus
        await type_text(pilot, due)
    await save(pilot)
