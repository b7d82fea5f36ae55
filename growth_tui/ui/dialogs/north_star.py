"""The north star: edit the sentence, see every earlier version with its date."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static, TextArea

from growth_tui.ui.dialogs.form import FormDialog


class NorthStarDialog(FormDialog[str]):
    """`history` is (when, text, source) newest first; the result is the new text."""

    DEFAULT_CSS = """
    NorthStarDialog TextArea { height: 4; }
    NorthStarDialog #history { height: auto; color: $text-muted; }
    """

    def __init__(self, text: str, history: list[tuple[datetime, str, str]]) -> None:
        super().__init__()
        self.TITLE_TEXT = "North star"
        self.text = text
        self.history = history

    def compose_form(self) -> ComposeResult:
        yield self.label(
            "Who do you want to be in a few years? One or two sentences; it changes rarely.",
            first=True,
        )
        yield TextArea(self.text, id="text", soft_wrap=True, show_line_numbers=False, compact=True)
        yield self.label(f"Every version so far, newest first ({len(self.history)})")
        if self.history:
            lines = [
                Content.assemble((f"{when:%d %b %Y}", "bold"), f"  {source}\n  ", Content(text))
                for when, text, source in self.history
            ]
            yield Static(Content("\n").join(lines), id="history")
        else:
            yield Static(Content("None yet: this will be the first."), id="history")

    def on_mount(self) -> None:
        area = self.query_one("#text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def collect(self) -> str | None:
        return self.query_one("#text", TextArea).text.strip()
