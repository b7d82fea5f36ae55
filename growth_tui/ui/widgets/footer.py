"""The Footer every screen and dialog uses: Textual's, rebuilt only when its keys change.

Textual's Footer throws its keys away and builds them again each time a screen signals that its
bindings changed, which happens on every focus move, every tab switch and when a screen is left.
Opening the Log screen signalled seven times, and each rebuild restyles every key (about 2 ms
a key), so the Footer alone cost about 0.14 s of a first open. This one compares what it would
show with what it shows and rebuilds only when they differ, and never for a screen that is not
in front (it is rebuilt when that screen comes back, since resuming signals again).

Each key is also made in its final style: Textual's FooterKey starts compact and is then told
the Footer's setting, which restyles it twice (about 40 ms for a footer's keys on a first open).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; textual is pinned exactly

if TYPE_CHECKING:
    from textual.screen import Screen


class GrowthFooter(Footer):
    """A Footer that skips rebuilds which would show the same keys."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Textual binds every key to the Footer's setting but the palette key, which
                # stays compact.
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def _keys_signature(self) -> tuple:
        """Everything the Footer's compose reads, so equal signatures mean equal footers."""
        screen = self.screen
        return tuple(
            (
                binding.key,
                binding.key_display,
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        ) + (self.show_command_palette,)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and screen.is_current:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached or not self.screen.is_current:
            return
        signature = self._keys_signature()
        if signature == self._shown:
            return
        self._shown = signature
        await self.recompose()
