"""Small one-purpose forms: a line of text (focus points), a milestone (title and date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from growth_tui.ui.dialogs.form import FormDialog, TextInput
from growth_tui.ui.widgets.date_field import DateField


class TextPrompt(FormDialog[str]):
    """Ask for one line of text; Enter or Ctrl+S saves."""

    def __init__(
        self,
        title: str,
        label: str,
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
        allow_empty: bool = False,
    ) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.prompt = label
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.allow_empty = allow_empty

    def compose_form(self) -> ComposeResult:
        yield self.label(self.prompt, first=True)
        yield TextInput(self.value, placeholder=self.placeholder, id="text")
        if self.hint:
            yield Static(Content(self.hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def collect(self) -> str | None:
        text = self.query_one("#text", Input).value.strip()
        if not text and not self.allow_empty:
            self.refuse("Type something first, or press Esc to cancel.")
            return None
        return text


@dataclass(frozen=True)
class MilestoneDraft:
    title: str
    due: date | None


class MilestoneEditor(FormDialog[MilestoneDraft]):
    """One milestone: what is true by when."""

    def __init__(self, *, today: date, title: str = "", due: date | None = None, new: bool = True):
        super().__init__()
        self.today = today
        self.TITLE_TEXT = "New milestone" if new else "Edit milestone"
        self.initial_title = title
        self.due = due

    def compose_form(self) -> ComposeResult:
        yield self.label("What is true at this step?", first=True)
        yield TextInput(self.initial_title, placeholder="e.g. first design review held", id="text")
        yield self.label("By when?")
        yield DateField(self.due, today=self.today, id="due")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def collect(self) -> MilestoneDraft | None:
        due = self.query_one("#due", DateField)
        if due.error:
            self.refuse(due.error, due.input)
            return None
        title = self.query_one("#text", Input).value.strip()
        if not title:
            self.refuse("Say what is true at this step.", self.query_one("#text", Input))
            return None
        return MilestoneDraft(title, due.value)
