"""The action editor: a one-off step with a due date, or a recurring one with a cadence.

Typing a whole sentence such as "30 min Python practice every Tue and Thu" fills in the
cadence (weekly on Tue and Thu) and the planned minutes (30) as you type; they stay visible
and editable below, and the action is saved under the remaining title ("Python practice").
The coach's action rules (an outcome others decide, a trait rather than a step) show as you
type, as advice, never as a block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Select, Static

from growth_tui.domain.coach import judge_action
from growth_tui.domain.recurrence import (
    Cadence,
    RecurrenceError,
    describe,
    from_rrule,
    parse_action_text,
    to_rrule,
)
from growth_tui.ui.dialogs.form import FormDialog, TextInput
from growth_tui.ui.dialogs.goal_editor import Choice
from growth_tui.ui.widgets.date_field import DateField

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FREQS = (("daily", "every day"), ("weekly", "every week"), ("monthly", "every month"))


@dataclass
class ActionDraft:
    fields: dict[str, Any]


def _action_findings(title: str) -> list[str]:
    return [f"{finding.message} {finding.hint}" for finding in judge_action(title)]


class ActionEditor(FormDialog[ActionDraft]):
    """New or existing action under a goal."""

    DEFAULT_CSS = """
    ActionEditor RadioSet { width: 1fr; layout: horizontal; }
    ActionEditor RadioSet > RadioButton { margin-right: 2; }
    ActionEditor #weekdays Checkbox { margin-right: 1; }
    ActionEditor #once, ActionEditor #recurring { height: auto; }
    ActionEditor Horizontal.field > Select { width: 1fr; }
    ActionEditor #interval { width: 8; }
    """

    def __init__(
        self,
        *,
        today: date,
        action: Any = None,
        focus_points: list[Choice] | None = None,
        supporters: list[Choice] | None = None,
        focus_point_id: int | None = None,
        goal_title: str = "",
    ) -> None:
        super().__init__()
        self.today = today
        self.action = action
        self.focus_points = focus_points or []
        self.supporters = supporters or []
        self.focus_point_id = action.focus_point_id if action is not None else focus_point_id
        self.TITLE_TEXT = "Edit action" if action is not None else "New action"
        if goal_title:
            self.TITLE_TEXT += f" · {goal_title}"
        self.cadence: Cadence | None = None
        if action is not None and action.rrule:
            try:
                self.cadence = from_rrule(action.rrule)
            except RecurrenceError:
                self.cadence = None
        self._last_parsed: tuple[Cadence | None, int | None] = (None, None)

    def _get(self, name: str) -> Any:
        return getattr(self.action, name) if self.action is not None else None

    def compose_form(self) -> ComposeResult:
        row = self.row
        yield row(
            "What",
            TextInput(
                self._get("title") or "",
                placeholder="e.g. 30 min Python practice every Tue and Thu",
                id="title",
            ),
        )
        yield Static("", id="parsed", classes="hint")
        yield Static("", id="advice", classes="warn")
        recurring = (self._get("kind") or "once") == "recurring"
        with Horizontal(classes="field"):
            yield Static("Kind", classes="name")
            with RadioSet(id="kind", compact=True):
                yield RadioButton("One-off", value=not recurring, id="kind-once")
                yield RadioButton("Recurring", value=recurring, id="kind-recurring")
        with Vertical(id="once"):
            yield row("Due", DateField(self._get("due"), today=self.today, id="due"))
        cadence = self.cadence or Cadence("weekly")
        with Vertical(id="recurring"):
            if self.action is not None and self.action.rrule and self.cadence is None:
                yield Static(
                    Content(
                        f"The saved schedule ({describe(self.action.rrule)}) was made elsewhere "
                        "and cannot be edited here; saving replaces it with the one below."
                    ),
                    classes="warn",
                )
            yield row(
                "Repeats",
                Select(
                    [(Content(label), value) for value, label in FREQS],
                    value=cadence.freq,
                    allow_blank=False,
                    id="freq",
                    compact=True,
                ),
                "every N",
                TextInput(str(cadence.interval), type="integer", id="interval"),
            )
            with Horizontal(classes="field", id="weekdays"):
                yield Static("On", classes="name")
                for number, name in enumerate(WEEKDAYS):
                    yield Checkbox(
                        name, number in cadence.weekdays, id=f"wd-{number}", compact=True
                    )
            yield row(
                "Month day",
                TextInput(
                    str(cadence.month_day) if cadence.month_day else "",
                    type="integer",
                    placeholder="monthly: 1-31 (31 = last day); blank: the start day",
                    id="month_day",
                ),
            )
            yield row(
                "Starts",
                DateField(self._get("starts_on") or self.today, today=self.today, id="starts_on"),
            )
            yield row(
                "Ends",
                DateField(
                    self._get("ends_on"), today=self.today, empty_hint="no end", id="ends_on"
                ),
            )
            yield Static("", id="schedule", classes="hint")
        minutes = self._get("planned_minutes")
        yield row(
            "Minutes",
            TextInput(
                "" if minutes is None else str(minutes),
                type="integer",
                placeholder="planned minutes each time",
                id="minutes",
            ),
        )
        if self.focus_points:
            yield row(
                "Focus",
                Select(
                    [(Content(c.label), c.id) for c in self.focus_points],
                    value=self.focus_point_id if self.focus_point_id else Select.NULL,
                    prompt="(no focus point)",
                    id="focus_point",
                    compact=True,
                ),
            )
        if self.supporters:
            yield row(
                "Helped by",
                Select(
                    [(Content(c.label), c.id) for c in self.supporters],
                    value=self._get("supporter_id") or Select.NULL,
                    prompt="(nobody: it is all in my hands)",
                    id="supporter",
                    compact=True,
                ),
            )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        if self.action is not None:
            self._last_parsed = self._parse_title()
        self._show_kind()
        self._refresh_readbacks()

    # -- live behaviour --------------------------------------------------------------------

    def _parse_title(self) -> tuple[Cadence | None, int | None]:
        parsed = parse_action_text(self.query_one("#title", Input).value)
        return parsed.cadence, parsed.minutes

    @on(Input.Changed, "#title")
    def _title_changed(self) -> None:
        cadence, minutes = self._parse_title()
        last_cadence, last_minutes = self._last_parsed
        if cadence is not None and cadence != last_cadence:
            self._fill_cadence(cadence)
        if minutes is not None and minutes != last_minutes:
            self.query_one("#minutes", Input).value = str(minutes)
        self._last_parsed = (cadence, minutes)
        self._refresh_readbacks()

    def _fill_cadence(self, cadence: Cadence) -> None:
        self.query_one("#kind-recurring", RadioButton).value = True
        self.query_one("#freq", Select).value = cadence.freq
        self.query_one("#interval", Input).value = str(cadence.interval)
        for number in range(7):
            self.query_one(f"#wd-{number}", Checkbox).value = number in cadence.weekdays
        self.query_one("#month_day", Input).value = str(cadence.month_day or "")
        self.cadence = cadence
        self._show_kind(recurring=True)

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self) -> None:
        self._show_kind()
        self._refresh_readbacks()

    @on(Select.Changed, "#freq")
    @on(Checkbox.Changed)
    @on(Input.Changed, "#interval, #month_day, #minutes")
    def _cadence_changed(self) -> None:
        self._refresh_readbacks()

    @on(Input.Changed, "DateField Input")
    def _date_changed(self) -> None:
        self._refresh_readbacks()

    def _is_recurring(self) -> bool:
        pressed = self.query_one("#kind", RadioSet).pressed_button
        return pressed is not None and pressed.id == "kind-recurring"

    def _show_kind(self, recurring: bool | None = None) -> None:
        if recurring is None:
            recurring = self._is_recurring()
        self.query_one("#once").display = not recurring
        self.query_one("#recurring").display = recurring

    def _cadence_from_form(self) -> Cadence:
        """The cadence the form shows; raises RecurrenceError/ValueError with a sentence."""
        freq = str(self.query_one("#freq", Select).value)
        interval_text = self.query_one("#interval", Input).value.strip() or "1"
        interval = int(interval_text)
        weekdays = tuple(n for n in range(7) if self.query_one(f"#wd-{n}", Checkbox).value)
        month_text = self.query_one("#month_day", Input).value.strip()
        month_day = int(month_text) if month_text else None
        month_nth = None
        if freq == "monthly" and month_day is None and self.cadence is not None:
            month_nth = self.cadence.month_nth  # kept from the saved rule; not edited here
        return Cadence(
            freq,
            interval,
            weekdays if freq == "weekly" else (),
            month_day if freq == "monthly" else None,
            month_nth if freq == "monthly" else None,
        )

    def _saved_title(self) -> str:
        text = self.query_one("#title", Input).value.strip()
        parsed = parse_action_text(text)
        if (parsed.cadence is not None or parsed.minutes is not None) and parsed.title:
            return parsed.title
        return text

    def _refresh_readbacks(self) -> None:
        text = self.query_one("#title", Input).value.strip()
        saved = self._saved_title()
        parsed = self.query_one("#parsed", Static)
        if text and saved != text:
            parsed.update(
                Content.from_markup(
                    "Saved as “$saved”; cadence and minutes filled in below.", saved=saved
                )
            )
        parsed.display = bool(text and saved != text)
        advice = _action_findings(saved)
        advice_line = self.query_one("#advice", Static)
        advice_line.update(Content("\n".join(f"! {a}" for a in advice)))
        advice_line.display = bool(advice)
        schedule = self.query_one("#schedule", Static)
        if self._is_recurring():
            try:
                words = describe(to_rrule(self._cadence_from_form()))
                start = self.query_one("#starts_on", DateField).value
                when = f" from {start:%a %d %b %Y}" if start else ""
                schedule.update(Content(f"→ {words}{when}"))
            except (RecurrenceError, ValueError) as error:
                schedule.update(Content(f"✗ {error}"))

    # -- result ----------------------------------------------------------------------------

    def collect(self) -> ActionDraft | None:
        title = self._saved_title()
        if not title:
            self.refuse("Name the action: what will you do?", self.query_one("#title", Input))
            return None
        minutes_input = self.query_one("#minutes", Input)
        minutes = int(minutes_input.value) if minutes_input.value.strip() else None
        if minutes is not None and not 0 < minutes <= 24 * 60:
            self.refuse("Planned minutes go from 1 to 1440.", minutes_input)
            return None
        fields: dict[str, Any] = {"title": title, "planned_minutes": minutes}
        if self._is_recurring():
            try:
                cadence = self._cadence_from_form()
            except (RecurrenceError, ValueError) as error:
                self.refuse(str(error), self.query_one("#interval", Input))
                return None
            starts, ends = (
                self.query_one("#starts_on", DateField),
                self.query_one("#ends_on", DateField),
            )
            for dates in (starts, ends):
                if dates.error:
                    self.refuse(dates.error, dates.input)
                    return None
            if ends.value and starts.value and ends.value < starts.value:
                self.refuse("The end date is before the start date.", ends.input)
                return None
            fields.update(
                kind="recurring",
                rrule=to_rrule(cadence),
                starts_on=starts.value or self.today,
                ends_on=ends.value,
                due=None,
            )
        else:
            due = self.query_one("#due", DateField)
            if due.error:
                self.refuse(due.error, due.input)
                return None
            fields.update(kind="once", due=due.value, rrule="", starts_on=None, ends_on=None)
        if self.focus_points:
            value = self.query_one("#focus_point", Select).value
            fields["focus_point_id"] = None if value is Select.NULL else value
        if self.supporters:
            value = self.query_one("#supporter", Select).value
            fields["supporter_id"] = None if value is Select.NULL else value
        return ActionDraft(fields=fields)
