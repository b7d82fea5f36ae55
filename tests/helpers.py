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
