"""Small dialogs for moving data in and out: ask for a file path, preview an import."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

_BOX_CSS = """
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }}
    {name} .hint {{ color: $text-muted; }}
"""


class FilePathDialog(ModalScreen[Path | None]):
    """Returns the chosen path (user folder expanded, relative to the current folder) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]
    DEFAULT_CSS = _BOX_CSS.format(name="FilePathDialog")

    def __init__(self, title: str, hint: str, suggested: Path | str, *, verb: str = "save") -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.suggested = str(suggested)
        self.verb = verb

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(Content(self.hint), classes="hint")
            yield Input(self.suggested, id="path", select_on_focus=False)
            yield Static(
                Content.from_markup("[b]Enter[/b] $verb   [b]Esc[/b] cancel", verb=self.verb)
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("Type a file name first.", severity="warning")
            return
        self.dismiss(Path(text).expanduser().absolute())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPreviewDialog(ModalScreen[bool]):
    """What an import would add, line by line; Enter imports, Escape changes nothing."""

    BINDINGS = [
        Binding("enter,y", "confirm", "Import", priority=True),
        Binding("escape,n", "cancel", "Cancel", priority=True),
    ]
    DEFAULT_CSS = (
        _BOX_CSS.format(name="ImportPreviewDialog")
        + """
    ImportPreviewDialog VerticalScroll { height: auto; max-height: 16; }
    """
    )

    def __init__(self, source: Path, lines: list[str]) -> None:
        super().__init__()
        self.source = source
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Import this plan?"
            yield Static(
                Content.from_markup("From $name, growth understood:", name=self.source.name),
                classes="hint",
            )
            with VerticalScroll():
                yield Static(Content("\n".join(self.lines)), id="preview")
            yield Static(
                Content.from_markup(
                    "[b]Enter[/b] import (goals are added to your plan)   [b]Esc[/b] cancel"
                )
            )

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
