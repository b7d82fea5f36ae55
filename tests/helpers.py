"""Small helpers for Pilot tests."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """Everything on the current screen as plain text, line by line, as a person reads it.

    Includes modal screens and notifications on top, because that is what is on the glass.
    """
    update = app.screen._compositor.render_update(  # noqa: SLF001 - the only full-frame text
        full=True,
        screen_stack=app._background_screens,  # noqa: SLF001
    )
    lines = []
    for strip in update.strips:
        lines.append("".join(segment.text for segment in strip).rstrip())
    return "\n".join(lines)


async def settle(pilot, quiet_rounds: int = 3) -> None:
    """Wait until the app is quiet: no worker running and nothing new started for a few rounds.

    A write usually triggers a reload (a new worker) from a message handler; waiting a fixed
    number of pauses is not enough on a busy machine, waiting for quiet is.
    """
    app = pilot.app
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        if any(not worker.is_finished for worker in app.workers):
            quiet = 0
            await app.workers.wait_for_complete()
            continue
        quiet += 1
        if quiet >= quiet_rounds:
            return
    raise AssertionError("the app never settled")
