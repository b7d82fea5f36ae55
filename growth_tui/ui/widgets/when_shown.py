"""`WhenShown`: like Textual's `Lazy`, but the wrapped widget is mounted when first shown.

`Lazy` mounts right after the first paint, so a screen with four hidden tabs still builds all
four while its data is loading, and a screen opened for one glance pays for every tab. This
stand-in takes the place of a tab's content and mounts it the first time the tab is shown
(Textual sends `Show` when a widget enters the visible layout). Used with `with`, like `Lazy`:

    with TabPane("Wins"), WhenShown(Section()):
        yield Table()

Until then queries for the content find nothing: code that fills it looks first, and fills
the content when `WhenShown.Built` arrives (posted from this place's parent, so it bubbles up
to the screen).
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class WhenShown(Widget):
    """Holds a widget back until this place is first on screen, then mounts it here."""

    class Built(Message):
        """The held widget has just been mounted."""

        def __init__(self, widget: Widget) -> None:
            super().__init__()
            self.widget = widget

    DEFAULT_CSS = """
    WhenShown { height: 1fr; }
    """

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self._replace_widget = widget
        self._mounting = False

    def compose_add_child(self, widget: Widget) -> None:
        self._replace_widget.compose_add_child(widget)

    async def on_show(self) -> None:
        """Mount the held widget in this place, once."""
        parent = self.parent
        if self._mounting or parent is None or not self.is_attached:
            return
        self._mounting = True
        assert isinstance(parent, Widget)
        await parent.mount(self._replace_widget, after=self)
        await self.remove()
        parent.post_message(self.Built(self._replace_widget))
