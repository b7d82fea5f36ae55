"""A small dialog asking where to save a file; Enter saves, Escape cancels."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SaveFileDialog(ModalScreen[Path | None]):
    """Returns the chosen path (user folder expanded, relative to the current folder) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]
    DEFAULT_CSS = """
    SaveFileDialog { align: center middle; }
    SaveFileDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    SaveFileDialog .hint { color: $text-muted; }
    """

    def __init__(self, title: str, hint: str, suggested: Path) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(Content(self.hint), classes="hint")
            yield Input(str(self.suggested), id="path", select_on_focus=False)
            yield Static(Content.from_markup("[b]Enter[/b] save   [b]Esc[/b] cancel"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("Type a file name first.", severity="warning")
            return
        self.dismiss(Path(text).expanduser().absolute())

    def action_cancel(self) -> None:
        self.dismiss(None)
