"""Small dialogs of the Review and History screens: pivot a goal, export Markdown, read an item."""

from __future__ import annotations

from pathlib import Path

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: round $accent;
    background: $surface;
    padding: 0 1;
}}
{name} .hint {{ color: $text-muted; }}
{name} .buttons {{ height: auto; margin-top: 1; align-horizontal: right; }}
{name} .buttons Button {{ margin-left: 1; }}
{name} Input {{ margin-bottom: 1; }}
"""


class PivotDialog(ModalScreen[tuple[str, str] | None]):
    """Pivot a goal: what was learned, and the goal that comes next."""

    BINDINGS = [
        Binding("ctrl+s", "pivot", "Pivot", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="PivotDialog")

    def __init__(self, goal_title: str) -> None:
        super().__init__()
        self.goal_title = goal_title

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Pivot a goal"
            yield Static(Content.from_markup("Changing course on [b]$t[/b]", t=self.goal_title))
            yield Static(
                "Pivoting early is a win: you learned something and acted on it.", classes="hint"
            )
            yield Label("What did you learn?")
            yield Input(
                placeholder="e.g. the team needs this skill less than I thought", id="learned"
            )
            yield Label("What is the next goal? (leave empty to decide later)")
            yield Input(placeholder="e.g. Lead the data migration by June", id="next-title")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Pivot (Ctrl+S)", id="pivot", variant="success")

    def on_mount(self) -> None:
        self.query_one("#learned", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "learned":
            self.query_one("#next-title", Input).focus()
        else:
            self.action_pivot()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pivot":
            self.action_pivot()
        else:
            self.action_cancel()

    def action_pivot(self) -> None:
        learned = self.query_one("#learned", Input).value.strip()
        if not learned:
            self.notify("Write one line on what you learned: that is the point of a pivot.")
            self.query_one("#learned", Input).focus()
            return
        self.dismiss((learned, self.query_one("#next-title", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[Path | None]):
    """Ask where to write a Markdown file; the caller writes it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="ExportDialog")

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export as Markdown"
            yield Label("Write the summary to this file:")
            yield Input(str(self.default), id="export-path")
            yield Static(
                "Enter to write, Esc to cancel. An existing file is replaced.", classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)


class DetailDialog(ModalScreen[None]):
    """One history item, read-only. Markdown for check-in summaries, plain text otherwise."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]
    DEFAULT_CSS = """
    DetailDialog { align: center middle; }
    DetailDialog > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, title: str, body: str, *, markdown: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = self.title_text
            box.border_subtitle = "Esc to close"
            if self.markdown:
                yield Static(RichMarkdown(self.body), id="detail-body")
            else:
                yield Static(Content(self.body), id="detail-body")

    def action_close(self) -> None:
        self.dismiss(None)


def write_markdown(path: Path, text: str) -> str | None:
    """Write `text` to `path`; the error as a sentence, or None when it worked."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        return f"Could not write {path}: {error.strerror or error}"
    return None


def export_markdown(screen: Screen, default: Path, text: str) -> None:
    """Ask where to write `text` (suggesting `default`), write it, and say how it went."""

    def write(path: Path | None) -> None:
        if path is None:
            return
        problem = write_markdown(path, text)
        if problem:
            screen.notify(problem, severity="error", markup=False)
        else:
            screen.notify(f"Written to {path}", timeout=4, markup=False)

    screen.app.push_screen(ExportDialog(default), write)
