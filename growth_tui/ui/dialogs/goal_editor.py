"""The SMART goal editor: every field of a goal, none mandatory, each weak letter marked live.

A strip on top shows the five letters (``S ✓  M ✗ …``); under each part of the form a line
says what would make that letter stronger. Due dates are typed freely and read back as a real
date before saving; an impossible date keeps the dialog open with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from growth_tui.domain.dates import default_due
from growth_tui.domain.goals import GoalFields, check_letters
from growth_tui.ui.dialogs.form import FormDialog, TextInput, parse_number, show_number
from growth_tui.ui.widgets.date_field import DateField

TRACKS = (("career", "Career growth"), ("personal", "Personal growth"))


@dataclass
class GoalDraft:
    """What the editor hands back: the goal's fields and its links."""

    fields: dict[str, Any]
    skill_ids: list[int] = field(default_factory=list)
    supporter_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    """Something linkable (a skill, a supporter) as the editor lists it."""

    id: int
    label: str


class GoalEditor(FormDialog[GoalDraft]):
    """New or existing goal. `goal` holds current values (a Goal row or None for a new one)."""

    DEFAULT_CSS = """
    GoalEditor #letters { height: 1; }
    GoalEditor RadioSet { width: 1fr; layout: horizontal; }
    GoalEditor RadioSet > RadioButton { margin-right: 2; }
    GoalEditor SelectionList { height: auto; max-height: 8; }
    """

    def __init__(
        self,
        *,
        today: date,
        goal: Any = None,
        track: str = "career",
        skills: list[Choice] | None = None,
        supporters: list[Choice] | None = None,
        skill_ids: list[int] | None = None,
        supporter_ids: list[int] | None = None,
        north_star: str = "",
        title: str | None = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.goal = goal
        self.track = goal.track if goal is not None else track
        self.skills = skills or []
        self.supporters = supporters or []
        self.skill_ids = set(skill_ids or [])
        self.supporter_ids = set(supporter_ids or [])
        self.north_star = north_star
        self.TITLE_TEXT = title or ("Edit goal" if goal is not None else "New goal")
        self._last_checks: list[Any] | None = None

    def _value(self, name: str) -> Any:
        return getattr(self.goal, name) if self.goal is not None else None

    def _text(self, name: str) -> str:
        return self._value(name) or ""

    def compose_form(self) -> ComposeResult:
        row = self.row
        yield Static("", id="letters")
        with Horizontal(classes="field"):
            yield Static("Track", classes="name")
            with RadioSet(id="track", compact=True):
                for value, label in TRACKS:
                    yield RadioButton(label, value=value == self.track, name=value)
        yield self.section("S · Specific: what will be true when it is done?")
        yield row(
            "Goal",
            TextInput(
                self._text("title"),
                placeholder="e.g. lead the design of two cross-team projects",
                id="title",
            ),
        )
        yield Static("", id="check-S", classes="hint")
        yield self.section("M · Measurable: what number shows progress?")
        yield row(
            "Metric",
            TextInput(self._text("metric"), placeholder="e.g. talks given", id="metric"),
            "Unit",
            TextInput(self._text("unit"), placeholder="optional", id="unit"),
        )
        yield row(
            "Start",
            TextInput(show_number(self._value("baseline")), placeholder="0", id="baseline"),
            "Target",
            TextInput(show_number(self._value("target")), placeholder="", id="target"),
            "Now",
            TextInput(show_number(self._value("current_value")), id="current_value"),
        )
        yield Static("", id="check-M", classes="hint")
        yield self.section("A · Achievable: why is this a good goal for me?")
        yield row(
            "Why me",
            TextInput(
                self._text("why_achievable"),
                placeholder="what makes it within reach",
                id="why_achievable",
            ),
        )
        yield row(
            "Obstacles",
            TextInput(
                self._text("obstacles"), placeholder="what could get in the way", id="obstacles"
            ),
        )
        yield row(
            "Help",
            TextInput(
                self._text("resources"), placeholder="who or what would help", id="resources"
            ),
        )
        yield Static("", id="check-A", classes="hint")
        yield self.section("R · Relevant: how does it serve my north star, values, team?")
        yield row(
            "Why",
            TextInput(
                self._text("why_relevant"), placeholder="why this, why now", id="why_relevant"
            ),
        )
        yield Static("", id="check-R", classes="hint")
        yield self.section("T · Time-bound: by when? A quarter from today is suggested.")
        due = self._value("due") if self.goal is not None else default_due(self.today)
        yield row("Due", DateField(due, today=self.today, id="due"))
        yield Static("", id="check-T", classes="hint")
        if self.skills:
            yield self.section("Skills this goal builds (space ticks)")
            yield SelectionList[int](
                *(Selection(Content(c.label), c.id, c.id in self.skill_ids) for c in self.skills),
                id="skills",
                compact=True,
            )
        if self.supporters:
            yield self.section("People who help with it (space ticks)")
            yield SelectionList[int](
                *(
                    Selection(Content(c.label), c.id, c.id in self.supporter_ids)
                    for c in self.supporters
                ),
                id="supporters",
                compact=True,
            )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._check()

    @on(Input.Changed)
    def _changed(self) -> None:
        self._check()

    def _number(self, name: str) -> float | None:
        try:
            return parse_number(self.query_one(f"#{name}", Input).value)
        except ValueError:
            return None

    def _fields_for_check(self) -> GoalFields:
        def text(name: str) -> str:
            return self.query_one(f"#{name}", Input).value

        return GoalFields(
            title=text("title"),
            metric=text("metric"),
            target=self._number("target"),
            due=self.query_one("#due", DateField).value,
            why_achievable=text("why_achievable"),
            obstacles=text("obstacles"),
            resources=text("resources"),
            why_relevant=text("why_relevant"),
        )

    def _check(self) -> None:
        checks = check_letters(self._fields_for_check(), self.today, north_star=self.north_star)
        if checks == self._last_checks:  # most keystrokes change nothing: skip the re-layout
            return
        self._last_checks = checks
        strip = []
        for check in checks:
            mark = ("✓", "$text-success") if check.ok else ("✗", "bold $text-warning")
            strip.append(Content.assemble((check.letter, "bold"), " ", mark, "  "))
            line = self.query_one(f"#check-{check.letter}", Static)
            if check.ok:
                line.update(Content(f"✓ {check.name}"))
            else:
                line.update(Content(f"✗ {check.name}: {check.hint}"))
            line.set_class(check.ok, "ok")
            line.set_class(not check.ok, "warn")
        self.query_one("#letters", Static).update(Content.assemble(Content("SMART  "), *strip))

    def collect(self) -> GoalDraft | None:
        due_field = self.query_one("#due", DateField)
        if due_field.error:
            self.refuse(due_field.error, due_field.input)
            return None
        values: dict[str, Any] = {}
        for name in (
            "title",
            "metric",
            "unit",
            "why_achievable",
            "obstacles",
            "resources",
            "why_relevant",
        ):
            values[name] = self.query_one(f"#{name}", Input).value.strip()
        for name in ("baseline", "target", "current_value"):
            widget = self.query_one(f"#{name}", Input)
            try:
                values[name] = parse_number(widget.value)
            except ValueError:
                self.refuse(f"{widget.value!r} is not a number.", widget)
                return None
        values["due"] = due_field.value
        pressed = self.query_one("#track", RadioSet).pressed_button
        values["track"] = pressed.name if pressed is not None and pressed.name else self.track
        skill_ids = list(self.query_one("#skills", SelectionList).selected) if self.skills else []
        supporter_ids = (
            list(self.query_one("#supporters", SelectionList).selected) if self.supporters else []
        )
        return GoalDraft(fields=values, skill_ids=skill_ids, supporter_ids=supporter_ids)
