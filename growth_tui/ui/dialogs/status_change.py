"""Changing a goal's status: achieved, pivoted (what was learned), paused, dropped (why).

A pivot is progress: the dialog asks what was learned, and the screen then offers to write the
goal that grows out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from growth_tui.ui.dialogs.form import FormDialog, TextInput

STATUS_CHOICES: tuple[tuple[str, str, str], ...] = (
    ("achieved", "Achieved: it is done", "What made it work? (optional)"),
    (
        "pivoted",
        "Pivoted: I learned something and change direction",
        "What did you learn? It stays with the goal.",
    ),
    ("paused", "Paused: not now, maybe later", "Why pause, and when to look again? (optional)"),
    ("dropped", "Dropped: no longer worth it", "Why drop it? Knowing why helps the next goal."),
    ("active", "Active again", "What changed? (optional)"),
)


@dataclass(frozen=True)
class StatusDraft:
    status: str
    note: str


class StatusDialog(FormDialog[StatusDraft]):
    """Pick the new status and say a word about it."""

    DEFAULT_CSS = """
    StatusDialog RadioSet { width: 100%; }
    """

    def __init__(self, *, goal_title: str, current: str) -> None:
        super().__init__()
        self.goal_title = goal_title
        self.current = current
        self.TITLE_TEXT = "Change status"
        self.choices = [c for c in STATUS_CHOICES if c[0] != current]

    def compose_form(self) -> ComposeResult:
        yield Static(
            Content.from_markup(
                "Goal: [b]$title[/b]  (now $status)", title=self.goal_title, status=self.current
            ),
            classes="label first",
        )
        with RadioSet(id="status", compact=True):
            for index, (value, label, _) in enumerate(self.choices):
                yield RadioButton(label, value=index == 0, name=value)
        yield Static("", id="note-label", classes="label")
        yield TextInput("", id="note")

    def on_mount(self) -> None:
        self.query_one("#status", RadioSet).focus()
        self._update_prompt()

    @on(RadioSet.Changed)
    def _update_prompt(self) -> None:
        prompts = {value: prompt for value, _, prompt in self.choices}
        self.query_one("#note-label", Static).update(Content(prompts[self._status()]))

    def _status(self) -> str:
        pressed = self.query_one("#status", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.choices[0][0]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def collect(self) -> StatusDraft | None:
        return StatusDraft(self._status(), self.query_one("#note", Input).value.strip())
