"""Small forms of the Log screen: tick with minutes and a note, skip with a reason, a win,
a piece of feedback. Each is a modal that returns plain values (or None when cancelled);
the caller writes them through `growth_tui.store.log_repo`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

FORM_CSS = """
LogForm {
    align: center middle;
}
LogForm > VerticalScroll {
    width: 72;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    border: round $accent;
    background: $surface;
    padding: 0 1;
}
LogForm .form-about { color: $text-muted; margin-bottom: 1; }
LogForm .field { height: 1; margin-bottom: 1; }
LogForm .field Label { width: 15; color: $text-accent; }
LogForm .field Input, LogForm .field Select { width: 1fr; }
LogForm .list-label { color: $text-accent; }
LogForm SelectionList { height: auto; max-height: 5; }
LogForm .form-error { color: $text-error; height: auto; }
LogForm .form-buttons { height: auto; margin-top: 1; align-horizontal: right; }
LogForm .form-buttons Button { margin-left: 1; }
"""


def field(label: str, *widgets: Widget) -> Horizontal:
    """One form row: a label on the left, the field(s) on the right."""
    return Horizontal(Label(label), *widgets, classes="field")


def parse_day(text: str, today: date) -> date:
    """A day typed by the person: ISO, "today", "yesterday", or what the Goals dates accept."""
    cleaned = text.strip().lower()
    if not cleaned or cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        from growth_tui.domain.dates import parse_date  # the Goals helper's reader, if present
    except ImportError:
        raise ValueError(f"“{text}” is not a date I know: try 2026-11-20 or yesterday.") from None
    return parse_date(text, today)


def parse_minutes(text: str) -> int | None:
    """Minutes typed as "30", "45m", "1h", "1h30" or "1.5h"; empty means none."""
    from growth_tui.domain.recurrence import parse_action_text

    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.isdigit():
        return int(cleaned)
    parsed = parse_action_text(cleaned)
    if parsed.minutes is None or parsed.title:
        raise ValueError(f"“{text}” is not a duration: try 30, 45m or 1h30.")
    return parsed.minutes


def parse_number(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".").rstrip("%")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(f"“{text}” is not a number; leave it empty if there is none.") from None


class LogForm(ModalScreen):
    """A small modal form; Enter in the last field or Ctrl+S saves, Escape cancels."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    TITLE = ""
    ABOUT = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = self.TITLE
            if self.ABOUT:
                yield Static(self.ABOUT, classes="form-about")
            yield from self.fields()
            yield Static("", classes="form-error", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

    def fields(self) -> ComposeResult:
        yield from ()

    def result(self) -> object:
        """The value to return; raise ValueError with a sentence to refuse."""
        return None

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        try:
            value = self.result()
        except ValueError as error:
            self.query_one("#form-error", Static).update(Content(str(error)))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class TickValues:
    minutes: int | None
    note: str


class TickForm(LogForm):
    TITLE = "Done — anything to note?"

    def __init__(self, action_title: str, when: str, planned: int | None) -> None:
        super().__init__()
        self.action_title = action_title
        self.when = when
        self.planned = planned

    def fields(self) -> ComposeResult:
        yield Static(
            Content.from_markup("[b]$title[/b] · $when", title=self.action_title, when=self.when),
            classes="form-about",
        )
        yield field(
            "Minutes spent",
            Input(
                value="" if self.planned is None else str(self.planned),
                placeholder="30, 45m, 1h30",
                id="minutes",
                compact=True,
            ),
        )
        yield field(
            "Note",
            Input(placeholder="What went well, what was hard", id="note", compact=True),
        )

    def result(self) -> TickValues:
        minutes = parse_minutes(self.query_one("#minutes", Input).value)
        if minutes is not None and minutes > 24 * 60:
            raise ValueError("That is more than a day; check the minutes.")
        return TickValues(minutes, self.query_one("#note", Input).value.strip())


class SkipForm(LogForm):
    TITLE = "Skip this one"
    ABOUT = "Skipping on purpose is fine. A word on why helps at the next check-in."

    def __init__(self, action_title: str, when: str) -> None:
        super().__init__()
        self.action_title = action_title
        self.when = when

    def fields(self) -> ComposeResult:
        yield Static(
            Content.from_markup("[b]$title[/b] · $when", title=self.action_title, when=self.when)
        )
        yield field(
            "Reason",
            Input(
                placeholder="Travelling, ill, swapped for something better…",
                id="reason",
                compact=True,
            ),
        )

    def result(self) -> str:
        return self.query_one("#reason", Input).value.strip()


@dataclass(frozen=True)
class WinValues:
    happened_on: date
    title: str
    impact: str
    impact_value: float | None
    noticed_by: str
    goal_id: int | None
    skill_ids: tuple[int, ...]


class WinForm(LogForm):
    TITLE = "A win worth remembering"
    ABOUT = "Big or small: write it down now, thank yourself at review time."

    def __init__(
        self,
        today: date,
        goals: list[tuple[int, str]],
        skills: list[tuple[int, str]],
        existing: object | None = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.goals = goals
        self.skills = skills
        self.existing = existing

    def fields(self) -> ComposeResult:
        win = self.existing
        yield field(
            "What happened",
            Input(
                value=getattr(win, "title", ""),
                placeholder="Led the incident review",
                id="title",
                compact=True,
            ),
        )
        yield field(
            "When",
            Input(
                value=getattr(win, "happened_on", self.today).isoformat(),
                placeholder="2026-11-20, yesterday",
                id="happened-on",
                compact=True,
            ),
        )
        value = getattr(win, "impact_value", None)
        yield field(
            "Impact",
            Input(
                value=getattr(win, "impact", ""),
                placeholder="Cut the release checklist in half",
                id="impact",
                compact=True,
            ),
            Input(
                value="" if value is None else f"{value:g}",
                placeholder="a number",
                id="impact-value",
                compact=True,
            ),
        )
        yield field(
            "Who noticed",
            Input(
                value=getattr(win, "noticed_by", ""),
                placeholder="My manager",
                id="noticed",
                compact=True,
            ),
        )
        yield field(
            "Goal",
            Select(
                [(Content(title), goal_id) for goal_id, title in self.goals],
                prompt="No particular goal",
                value=getattr(win, "goal_id", None) or Select.NULL,
                id="goal",
                compact=True,
            ),
        )
        if self.skills:
            chosen = set(getattr(win, "skill_ids", ()))
            yield Label("Skills it shows", classes="list-label")
            yield SelectionList[int](
                *[(Content(name), skill_id, skill_id in chosen) for skill_id, name in self.skills],
                id="skills",
                compact=True,
            )

    DEFAULT_CSS = (
        FORM_CSS
        + """
    WinForm #impact { width: 1fr; }
    WinForm #impact-value { width: 10; margin-left: 1; }
    """
    )

    def result(self) -> WinValues:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            raise ValueError("Write what happened; a few words are enough.")
        goal = self.query_one("#goal", Select).value
        skills = self.query("#skills")
        return WinValues(
            happened_on=parse_day(self.query_one("#happened-on", Input).value, self.today),
            title=title,
            impact=self.query_one("#impact", Input).value.strip(),
            impact_value=parse_number(self.query_one("#impact-value", Input).value),
            noticed_by=self.query_one("#noticed", Input).value.strip(),
            goal_id=goal if isinstance(goal, int) else None,
            skill_ids=tuple(skills.first(SelectionList).selected) if skills else (),
        )


@dataclass(frozen=True)
class FeedbackValues:
    received_on: date
    from_whom: str
    text: str
    kind: str
    skill_ids: tuple[int, ...]


class FeedbackForm(LogForm):
    TITLE = "Feedback received"
    ABOUT = "Write it down as it was said; decide later what to do with it."

    def __init__(
        self, today: date, skills: list[tuple[int, str]], existing: object | None = None
    ) -> None:
        super().__init__()
        self.today = today
        self.skills = skills
        self.existing = existing

    def fields(self) -> ComposeResult:
        item = self.existing
        yield field(
            "What was said",
            Input(
                value=getattr(item, "text", ""),
                placeholder="Your demo was clear",
                id="text",
                compact=True,
            ),
        )
        yield field(
            "From whom",
            Input(
                value=getattr(item, "from_whom", ""), placeholder="A peer", id="from", compact=True
            ),
        )
        yield field(
            "When",
            Input(
                value=getattr(item, "received_on", self.today).isoformat(),
                placeholder="2026-11-20, yesterday",
                id="received-on",
                compact=True,
            ),
        )
        yield field(
            "Kind",
            Select(
                [("A strength", "strength"), ("A growth area", "growth area")],
                value=getattr(item, "kind", "strength"),
                allow_blank=False,
                id="kind",
                compact=True,
            ),
        )
        if self.skills:
            chosen = set(getattr(item, "skill_ids", ()))
            yield Label("Skills it is about", classes="list-label")
            yield SelectionList[int](
                *[(Content(name), skill_id, skill_id in chosen) for skill_id, name in self.skills],
                id="skills",
                compact=True,
            )

    def result(self) -> FeedbackValues:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            raise ValueError("Write what was said; a few words are enough.")
        skills = self.query("#skills")
        return FeedbackValues(
            received_on=parse_day(self.query_one("#received-on", Input).value, self.today),
            from_whom=self.query_one("#from", Input).value.strip(),
            text=text,
            kind=str(self.query_one("#kind", Select).value),
            skill_ids=tuple(skills.first(SelectionList).selected) if skills else (),
        )


class ConfirmForm(ModalScreen[bool]):
    """Yes or no, for deleting a win or a piece of feedback."""

    DEFAULT_CSS = """
    ConfirmForm { align: center middle; }
    ConfirmForm > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: round $warning; background: $surface; padding: 1 2;
    }
    ConfirmForm .form-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmForm .form-buttons Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape,n", "answer(False)", "No"), Binding("y", "answer(True)", "Yes")]

    def __init__(self, question: Content) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            with Horizontal(classes="form-buttons"):
                yield Button("Keep it", id="no")
                yield Button("Delete", id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
