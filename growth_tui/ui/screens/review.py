"""Review: the check-in cadence, and guided check-ins and reviews, one step at a time.

Three views in one screen: the overview (next dates, cadence, recent check-ins, keys to start),
the guided check-in (one step per question of the kind's set: what was done since last time,
pains and gains, each goal's health, unfinished actions, skills, the coach, values, next steps)
and the summary at the end (Markdown to copy or export). Answers are saved as typed, debounced
like Reflect: leaving, switching screens or quitting never loses a line. Writes are single
short transactions through `review_repo`, run on the UI thread; loading runs in a thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.markdown import Markdown as RichMarkdown
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    ContentSwitcher,
    Input,
    Label,
    Select,
    Static,
    TextArea,
)

from growth_tui.domain import review as rv
from growth_tui.ui.dialogs.review_dialogs import PivotDialog, export_markdown
from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.footer import GrowthFooter

SAVE_DELAY = 0.5  # seconds of quiet typing before an answer is written
HEALTH_OPTIONS = [("on track", "on track"), ("at risk", "at risk"), ("off track", "off track")]
CONFIDENCE_OPTIONS = [(f"{n}/5", n) for n in range(1, 6)]
LEVEL_OPTIONS = [(f"{n}", n) for n in range(0, 6)]
CADENCE_OPTIONS = [("weekly", "weekly"), ("every 2 weeks", "biweekly"), ("monthly", "monthly")]


def parse_day(text: str, today: date) -> date:
    """A date typed by the person: ISO, or a phrase like "next friday" or "end of quarter"."""
    from growth_tui.domain.dates import parse_date

    return parse_date(text.strip(), today)


def _optional_day(text: str, today: date) -> date | None:
    return parse_day(text, today) if text.strip() else None


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    return float(text)


@dataclass
class CheckInData:
    """Everything a guided check-in shows, loaded once in a thread."""

    state: Any  # review_repo.CheckInState
    achieved: Any
    goals: list[Any]
    open_actions: list[Any]
    skills: list[Any]
    values: Any
    findings: list[Any] | None
    cadence: str
    rated: dict[int, int] = field(default_factory=dict)  # skill id -> level given in this review


# Rows of the structured steps ---------------------------------------------------------------


class GoalRow(Vertical):
    """One goal at a check-in: health, metric value, confidence, and a way to pivot."""

    DEFAULT_CSS = """
    GoalRow { height: auto; margin-bottom: 1; }
    GoalRow .goal-title { text-style: bold; }
    GoalRow Horizontal { height: auto; }
    GoalRow Select { width: 16; margin-right: 1; }
    GoalRow Input { width: 14; margin-right: 1; }
    GoalRow .confidence { width: 10; }
    GoalRow Button { min-width: 10; }
    GoalRow.-pivoted { opacity: 60%; }
    """

    def __init__(self, goal: Any, review: Any | None) -> None:
        super().__init__(id=f"goal-row-{goal.id}")
        self.goal = goal
        self.review = review

    def compose(self) -> ComposeResult:
        goal, review = self.goal, self.review
        facts = [goal.track]
        if goal.metric:
            facts.append(
                f"{goal.metric}: {goal.current_value if goal.current_value is not None else '?'}"
                f" of {goal.target if goal.target is not None else '?'} {goal.unit}".rstrip()
            )
        if goal.last_health:
            facts.append(f"last time {goal.last_health}")
        yield Static(
            Content.from_markup(
                "$title [dim]($facts)[/]",
                title=goal.title or "(untitled goal)",
                facts=", ".join(facts),
            ),
            classes="goal-title",
        )
        health = review.health if review else (goal.last_health or "on track")
        confidence = review.confidence if review and review.confidence else goal.last_confidence
        # Start from where the metric stood, so confirming it unchanged is one keypress.
        value = review.metric_value if review else goal.current_value
        with Horizontal():
            yield Select(
                HEALTH_OPTIONS,
                compact=True,
                value=health,
                allow_blank=False,
                id=f"health-{goal.id}",
                classes="health",
            )
            yield Input(
                "" if value is None else f"{value:g}",
                placeholder=goal.unit or "value",
                compact=True,
                id=f"metric-{goal.id}",
                classes="metric",
            )
            yield Select(
                CONFIDENCE_OPTIONS,
                compact=True,
                value=confidence or Select.BLANK,
                prompt="sure?",
                id=f"confidence-{goal.id}",
                classes="confidence",
            )
            yield Button("Pivot…", id=f"pivot-{goal.id}", classes="pivot", compact=True)


class CarryRow(Horizontal):
    """An unfinished one-off: carry it to the next check-in, reschedule it, or drop it."""

    DEFAULT_CSS = """
    CarryRow { height: auto; margin-bottom: 1; }
    CarryRow .carry-title { width: 1fr; }
    CarryRow Input { width: 14; margin: 0 1; }
    CarryRow Button { min-width: 8; margin-left: 1; }
    CarryRow .outcome { width: auto; color: $text-success; }
    """

    def __init__(self, action: Any, carry_to: date) -> None:
        super().__init__(id=f"carry-row-{action.id}")
        self.action = action
        self.carry_to = carry_to

    def compose(self) -> ComposeResult:
        due = f" (due {self.action.due:%d %b})" if self.action.due else ""
        yield Static(
            Content.from_markup("$t[dim]$d[/]", t=self.action.title, d=due), classes="carry-title"
        )
        yield Button(
            f"Carry to {self.carry_to:%d %b}",
            id=f"carry-{self.action.id}",
            classes="carry",
            compact=True,
        )
        yield Input(
            placeholder="or new date",
            id=f"resched-{self.action.id}",
            classes="resched",
            compact=True,
        )
        yield Button(
            "Drop", id=f"drop-{self.action.id}", classes="drop", variant="warning", compact=True
        )

    def settle(self, outcome: str) -> None:
        for child in list(self.children)[1:]:
            child.remove()
        self.mount(Static(Content(outcome), classes="outcome"))


class SkillRow(Horizontal):
    DEFAULT_CSS = """
    SkillRow { height: auto; margin-bottom: 1; }
    SkillRow .skill-name { width: 1fr; }
    SkillRow Select { width: 10; }
    """

    def __init__(self, skill: Any, rated: int | None) -> None:
        super().__init__(id=f"skill-row-{skill.id}")
        self.skill = skill
        self.rated = rated

    def compose(self) -> ComposeResult:
        s = self.skill
        now = "unrated" if s.current_level is None else str(s.current_level)
        target = "" if s.target_level is None else f", target {s.target_level}"
        yield Static(
            Content.from_markup("$n [dim]($k; now $c$t)[/]", n=s.name, k=s.kind, c=now, t=target),
            classes="skill-name",
        )
        value = self.rated if self.rated is not None else Select.BLANK
        yield Select(LEVEL_OPTIONS, value=value, prompt="rate", id=f"level-{s.id}", compact=True)


# The screen ----------------------------------------------------------------------------------


class ReviewScreen(GrowthScreen):
    MODE = "review"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "start('due')", "Start check-in", id="review.start"),
        Binding("q", "start('quarterly')", "Quarterly review", id="review.quarterly"),
        Binding("a", "start('annual')", "Annual review", id="review.annual"),
        Binding("ctrl+n", "next_step", "Next", priority=True, id="review.next"),
        Binding("ctrl+b", "back_step", "Back", priority=True, id="review.back"),
        Binding("ctrl+f", "finish", "Finish", priority=True, id="review.finish"),
        Binding("p", "pivot", "Pivot goal", id="review.pivot"),
        Binding("c", "copy", "Copy summary", id="review.copy"),
        Binding("e", "export", "Export .md", id="review.export"),
        Binding("escape", "leave", "Leave", id="review.leave"),
    ]

    DEFAULT_CSS = """
    ReviewScreen #review-switcher { height: 1fr; }
    ReviewScreen #overview { padding: 0 1; }
    ReviewScreen #due-line { padding: 0 1; margin-bottom: 1; border: round $primary 50%; }
    ReviewScreen #due-line.-overdue { border: thick $warning; background: $warning 15%; }
    ReviewScreen #due-line.-today { border: round $accent; }
    ReviewScreen .section { text-style: bold; color: $text-accent; }
    ReviewScreen .field { height: auto; }
    ReviewScreen .field { margin-bottom: 1; }
    ReviewScreen .field Label { width: 16; }
    ReviewScreen .field Input { width: 22; }
    ReviewScreen .field Select { width: 22; }
    ReviewScreen .field .hint { padding-left: 2; color: $text-muted; width: 1fr; }
    ReviewScreen #start-buttons { height: auto; margin-bottom: 1; }
    ReviewScreen #start-buttons Button { margin-right: 1; }
    ReviewScreen #recent { color: $text-muted; margin-top: 1; }
    ReviewScreen #guided { padding: 0 1; }
    ReviewScreen #step-title { text-style: bold; color: $text-accent; }
    ReviewScreen #step-prompt { text-style: bold; margin-top: 1; }
    ReviewScreen #step-hint { color: $text-muted; }
    ReviewScreen #step-body { height: 1fr; margin-top: 1; }
    ReviewScreen #step-body TextArea { height: 6; min-height: 4; }
    ReviewScreen #step-body .listing { margin-bottom: 1; }
    ReviewScreen #step-body .muted { color: $text-muted; }
    ReviewScreen .values { height: auto; margin-bottom: 1; }
    ReviewScreen .values > Static { width: 1fr; }
    ReviewScreen #summary-view { padding: 0 1; }
    ReviewScreen #summary-title { text-style: bold; color: $text-success; }
    ReviewScreen #summary-scroll { height: 1fr; border: round $primary 50%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.view = "overview"
        self.overview: dict[str, Any] | None = None
        self.data: CheckInData | None = None
        self.steps: tuple[rv.Question, ...] = ()
        self.index = 0
        self.summary_text = ""
        self.summary_kind = ""
        self._pending: dict[str, str] = {}  # answer key -> text not yet written
        self._timer: Timer | None = None
        self._building = False

    # -- compose ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        with ContentSwitcher(initial="overview", id="review-switcher"):
            with VerticalScroll(id="overview"):
                yield Static("Loading…", id="due-line")
                with Horizontal(id="start-buttons"):
                    yield Button(
                        "Start check-in (n)", id="start-due", variant="primary", compact=True
                    )
                    yield Button("Quarterly review (q)", id="start-quarterly", compact=True)
                    yield Button("Annual review (a)", id="start-annual", compact=True)
                yield Static("Agreed upfront", classes="section")
                with Horizontal(classes="field"):
                    yield Label("Check in")
                    yield Select(CADENCE_OPTIONS, allow_blank=False, id="cadence", compact=True)
                    yield Static("how often you look at your plan", classes="hint")
                with Horizontal(classes="field"):
                    yield Label("Next check-in")
                    yield Input(placeholder="2026-12-04", id="next-checkin", compact=True)
                    yield Static("Enter saves", classes="hint")
                with Horizontal(classes="field"):
                    yield Label("Next quarterly")
                    yield Input(placeholder="end of quarter", id="next-quarterly", compact=True)
                with Horizontal(classes="field"):
                    yield Label("Next annual")
                    yield Input(placeholder="2027-01-15", id="next-annual", compact=True)
                yield Static("", id="recent")
            with Vertical(id="guided"):
                yield Static("", id="step-title")
                yield Static("", id="step-prompt")
                yield Static("", id="step-hint")
                yield VerticalScroll(id="step-body")
            with Vertical(id="summary-view"):
                yield Static("", id="summary-title")
                with VerticalScroll(id="summary-scroll"):
                    yield Static("", id="summary-md")
        yield GrowthFooter()

    # -- which keys show -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        guided = {"next_step", "back_step", "finish"}
        if action in guided:
            return self.view == "guided"
        if action == "pivot":
            return self.view == "guided" and self._step_kind() == rv.GOALS
        if action in ("copy", "export"):
            return self.view == "summary"
        if action == "start":
            return self.view == "overview"
        if action == "leave":
            # In the overview Escape only leaves a text field: the app's own key does that.
            return self.view != "overview"
        return True

    def _set_view(self, view: str) -> None:
        self.view = view
        self.query_one("#review-switcher", ContentSwitcher).current = {
            "overview": "overview",
            "guided": "guided",
            "summary": "summary-view",
        }[view]
        self.refresh_bindings()

    def _step_kind(self) -> str:
        if not self.steps:
            return ""
        return self.steps[self.index].kind

    # -- overview --------------------------------------------------------------------------

    def load_data(self) -> dict[str, Any]:
        from growth_tui.store import review_repo

        app = self.growth_app
        schedule = review_repo.get_schedule(app.store, app.plan_id)
        return {
            "schedule": schedule,
            "due": schedule.next_review(app.today()),
            "open": review_repo.open_checkin(app.store, app.plan_id),
            "recent": review_repo.checkin_marks(app.store, app.plan_id, limit=6),
        }

    def show_data(self, data: dict[str, Any]) -> None:
        self.overview = data
        schedule, due, open_ = data["schedule"], data["due"], data["open"]
        line = self.query_one("#due-line", Static)
        text = rv.describe_due(due)
        if open_ is not None and self.view == "overview":
            text += f"\nA {rv.kind_label(open_.kind)} from {open_.held_on:%d %b} is unfinished: n resumes it."
        line.update(Content(text))
        line.set_class(due.overdue, "-overdue")
        line.set_class(due.due_today, "-today")
        start = self.query_one("#start-due", Button)
        start.label = (
            f"Resume {rv.kind_label(open_.kind)} (n)" if open_ else f"Start {due.label} (n)"
        )
        start.refresh(layout=True)
        self.query_one("#cadence", Select).value = schedule.cadence
        for widget_id, day in (
            ("#next-checkin", schedule.next_checkin_on),
            ("#next-quarterly", schedule.next_quarterly_on),
            ("#next-annual", schedule.next_annual_on),
        ):
            box = self.query_one(widget_id, Input)
            if not box.has_focus:
                box.value = day.isoformat() if day else ""
        marks = data["recent"]
        if marks:
            recent = ", ".join(
                f"{m.held_on:%d %b} {m.kind}" + ("" if m.finished else " (open)")
                for m in reversed(marks)
            )
            self.query_one("#recent", Static).update(Content(f"Recent: {recent}"))
        request = self.growth_app.review_start_request
        if request:
            self.growth_app.review_start_request = None
            self.action_start(request)

    def _save_schedule(self) -> None:
        from growth_tui.store import review_repo

        app = self.growth_app
        today = app.today()
        try:
            cadence = self.query_one("#cadence", Select).value
            days = [
                _optional_day(self.query_one(i, Input).value, today)
                for i in ("#next-checkin", "#next-quarterly", "#next-annual")
            ]
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        review_repo.set_schedule(
            app.store,
            app.plan_id,
            cadence=str(cadence),
            next_checkin_on=days[0],
            next_quarterly_on=days[1],
            next_annual_on=days[2],
        )
        self.notify("Schedule saved.", timeout=2)
        self.reload()

    @on(Select.Changed, "#cadence")
    def _cadence_changed(self, event: Select.Changed) -> None:
        if self.overview and event.value != self.overview["schedule"].cadence:
            self._save_schedule()

    @on(Input.Submitted, "#next-checkin, #next-quarterly, #next-annual")
    def _date_submitted(self) -> None:
        self._save_schedule()

    # -- starting and resuming -------------------------------------------------------------

    def action_start(self, which: str) -> None:
        if self.growth_app.store is None or self.view == "guided":
            return
        kind = which
        if which == "due":
            open_ = self.overview["open"] if self.overview else None
            if open_ is not None:
                kind = open_.kind
            elif self.overview:
                kind = self.overview["due"].kind
            else:
                kind = "weekly"
        self._load_checkin(kind)

    @on(Button.Pressed, "#start-due, #start-quarterly, #start-annual")
    def _start_pressed(self, event: Button.Pressed) -> None:
        self.action_start(event.button.id.removeprefix("start-"))

    @work(thread=True, exclusive=True, group="checkin")
    def _load_checkin(self, kind: str) -> None:
        from growth_tui.store import review_repo

        app = self.growth_app
        store, plan_id, today = app.store, app.plan_id, app.today()
        try:
            state = review_repo.start_checkin(store, plan_id, kind, today)
            data = CheckInData(
                state=state,
                achieved=review_repo.achieved_since(store, plan_id, state.since, today, state.kind),
                goals=review_repo.goals_for_review(store, plan_id, before=state.held_on),
                open_actions=review_repo.unfinished_actions(store, plan_id, today),
                skills=review_repo.skills_for_review(store, plan_id),
                values=review_repo.values_then_and_now(store, plan_id, today),
                findings=_coach_findings(store, plan_id, today),
                cadence=review_repo.get_schedule(store, plan_id).cadence,
                rated=review_repo.rated_in_review(store, plan_id, today),
            )
        except Exception as error:  # noqa: BLE001 - shown, never raised
            app.call_from_thread(app.report_error, "Could not start the check-in", error)
            return
        app.call_from_thread(self._begin, data)

    def _begin(self, data: CheckInData) -> None:
        self.data = data
        self.steps = rv.questions(data.state.kind)
        self.index = 0
        self._set_view("guided")
        self.run_worker(self._show_step(), exclusive=True, group="step")

    # -- the guided steps ------------------------------------------------------------------

    async def _show_step(self) -> None:
        assert self.data is not None
        self._building = True
        q = self.steps[self.index]
        kind_title = rv.kind_label(self.data.state.kind)
        self.query_one("#step-title", Static).update(
            Content(
                f"{kind_title[0].upper()}{kind_title[1:]} · step {self.index + 1} of "
                f"{len(self.steps)} · {q.title}"
            )
        )
        self.query_one("#step-prompt", Static).update(Content(q.prompt))
        hint = q.hint + (f"\nFor example: {q.example}" if q.example else "")
        self.query_one("#step-hint", Static).update(Content(hint))
        body = self.query_one("#step-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(self._step_widgets(q))
        body.scroll_home(animate=False)
        self._building = False
        self.refresh_bindings()
        first = next(
            (w for w in body.query("TextArea, Select, Input, Button") if w.focusable), None
        )
        if first is not None:
            first.focus()

    def _answer_area(self, key: str) -> TextArea:
        assert self.data is not None
        text = self._pending.get(key, self.data.state.answers.get(key, ""))
        area = TextArea(text, id=f"answer-{key}", soft_wrap=True, show_line_numbers=False)
        area.border_title = "Your answer (saved as you type)"
        return area

    def _step_widgets(self, q: rv.Question) -> list[Widget]:
        data = self.data
        assert data is not None
        today = self.growth_app.today()
        widgets: list[Widget] = []
        if q.kind == rv.ACHIEVED:
            widgets.append(Static(_achieved_content(data.achieved), classes="listing"))
            widgets.append(self._answer_area(q.key))
        elif q.kind == rv.TEXT:
            widgets.append(self._answer_area(q.key))
            if q.key == "next_quarter":
                # Refining goals happens in the Goals editor; the check-in waits here meanwhile.
                widgets.append(
                    Button("Open Goals (F3) - come back with F5", id="open-goals", compact=True)
                )
        elif q.kind == rv.GOALS:
            if not data.goals:
                widgets.append(
                    Static("No active goals to look at. Set one in Goals (F3).", classes="muted")
                )
            for goal in data.goals:
                widgets.append(GoalRow(goal, data.state.goal_reviews.get(goal.id)))
        elif q.kind == rv.CARRY:
            carry_to = self._default_next(today)
            if not data.open_actions:
                widgets.append(
                    Static("Nothing unfinished: every one-off due so far is done.", classes="muted")
                )
            for action in data.open_actions:
                widgets.append(CarryRow(action, carry_to))
        elif q.kind == rv.SKILLS:
            if not data.skills:
                widgets.append(
                    Static("No skills listed yet; add them in Goals (F3).", classes="muted")
                )
            for skill in data.skills:
                widgets.append(SkillRow(skill, data.rated.get(skill.id)))
        elif q.kind == rv.COACH:
            widgets.append(Static(_findings_content(data.findings), classes="listing"))
            widgets.append(self._answer_area(q.key))
        elif q.kind == rv.VALUES:
            v = data.values
            with_now = _values_column("Now", v.now_on, v.now)
            then = _values_column("A year ago", v.then_on, v.then)
            widgets.append(Horizontal(Static(with_now), Static(then), classes="values"))
            widgets.append(self._answer_area(q.key))
        elif q.kind == rv.NEXT:
            widgets.append(self._answer_area(q.key))
            label = rv.kind_label(data.state.kind)
            widgets.append(
                Horizontal(
                    Label(Content(f"Next {label}")),
                    Input(self._default_next(today).isoformat(), id="next-date", compact=True),
                    Static("ctrl+f finishes", classes="hint"),
                    classes="field",
                )
            )
            widgets.append(
                Button("Finish and see the summary", id="finish", variant="success", compact=True)
            )
        return widgets

    def _default_next(self, today: date) -> date:
        assert self.data is not None
        kind = self.data.state.kind
        return rv.next_date(kind if kind not in rv.REGULAR_KINDS else self.data.cadence, today)

    def _leave_step(self) -> None:
        """Save what the step holds: typed answers, and each goal's status as shown."""
        self.flush()
        if self._step_kind() == rv.GOALS and self.data is not None:
            for row in self.query(GoalRow):
                if not row.has_class("-pivoted"):
                    self._save_goal(row)

    def action_next_step(self) -> None:
        if self.view != "guided" or self._building:
            return
        self._leave_step()
        if self.index + 1 < len(self.steps):
            self.index += 1
            self.run_worker(self._show_step(), exclusive=True, group="step")
        else:
            self.action_finish()

    def action_back_step(self) -> None:
        if self.view != "guided" or self._building or self.index == 0:
            return
        self._leave_step()
        self.index -= 1
        self.run_worker(self._show_step(), exclusive=True, group="step")

    def action_leave(self) -> None:
        if isinstance(self.focused, Input | TextArea):
            self.set_focus(None)
            return
        was = self.view
        if was in ("guided", "summary"):
            self.flush()
            self.data = None
            self._set_view("overview")
            self.reload()
            if was == "guided":
                self.notify("Saved. n picks up where you left off.", timeout=3)

    # -- saving as typed -------------------------------------------------------------------

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        if self._building or self.data is None:
            return
        area_id = event.text_area.id or ""
        if not area_id.startswith("answer-"):
            return
        self._pending[area_id.removeprefix("answer-")] = event.text_area.text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Write every answer typed since the last save."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending or self.data is None or self.growth_app.store is None:
            return
        from growth_tui.store import review_repo

        pending, self._pending = self._pending, {}
        try:
            for key, text in pending.items():
                review_repo.save_answer(self.growth_app.store, self.data.state.id, key, text)
                self.data.state.answers[key] = text
        except Exception as error:  # noqa: BLE001
            self._pending = {**pending, **self._pending}
            self.growth_app.report_error("Could not save your answer", error)

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()

    # -- goals step ------------------------------------------------------------------------

    @on(Select.Changed, ".health, .confidence")
    @on(Input.Submitted, ".metric")
    @on(Input.Blurred, ".metric")
    def _goal_changed(self, event: Select.Changed | Input.Submitted | Input.Blurred) -> None:
        if self._building or self.data is None:
            return
        widget = event.control if hasattr(event, "control") else event.input
        row = next((a for a in widget.ancestors if isinstance(a, GoalRow)), None)
        if row is not None:
            self._save_goal(row)

    def _save_goal(self, row: GoalRow) -> None:
        from growth_tui.store import review_repo

        goal_id = row.goal.id
        metric_box = row.query_one(f"#metric-{goal_id}", Input)
        try:
            value = _number(metric_box.value)
        except ValueError:
            self.notify(f"{metric_box.value!r} is not a number.", severity="warning", markup=False)
            return
        confidence = row.query_one(f"#confidence-{goal_id}", Select).value
        health = row.query_one(f"#health-{goal_id}", Select).value
        try:
            saved = review_repo.save_goal_review(
                self.growth_app.store,
                self.data.state.id,
                goal_id,
                health=str(health),
                metric_value=value,
                confidence=None if confidence is Select.BLANK else int(confidence),
            )
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not save the goal's status", error)
            return
        self.data.state.goal_reviews[goal_id] = saved

    @on(Button.Pressed, ".pivot")
    def _pivot_pressed(self, event: Button.Pressed) -> None:
        row = next((a for a in event.button.ancestors if isinstance(a, GoalRow)), None)
        if row is not None:
            self._pivot(row)

    def action_pivot(self) -> None:
        focused = self.focused
        row = None
        if focused is not None:
            row = next((a for a in focused.ancestors_with_self if isinstance(a, GoalRow)), None)
        if row is None:
            rows = list(self.query(GoalRow))
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            self.notify("Move to the goal you want to pivot first (Tab).", timeout=3)
            return
        self._pivot(row)

    def _pivot(self, row: GoalRow) -> None:
        goal = row.goal

        def done(result: tuple[str, str] | None) -> None:
            if result is None or self.data is None:
                return
            from growth_tui.store import review_repo

            learned, next_title = result
            try:
                review_repo.pivot_goal(
                    self.growth_app.store,
                    goal.id,
                    learned=learned,
                    next_title=next_title,
                    checkin_id=self.data.state.id,
                )
            except Exception as error:  # noqa: BLE001
                self.growth_app.report_error("Could not pivot the goal", error)
                return
            where = f" Next up: {next_title}." if next_title else ""
            self.notify(
                f"Pivot logged: {goal.title}.{where} Changing course early is a win.",
                title="Well done",
                timeout=6,
                markup=False,
            )
            row.add_class("-pivoted")
            row.query_one(".goal-title", Static).update(
                Content.from_markup("$t [b $success]pivoted[/]", t=goal.title)
            )
            for widget in row.query("Select, Input, Button"):
                widget.disabled = True

        self.app.push_screen(PivotDialog(goal.title), done)

    # -- carry step ------------------------------------------------------------------------

    @on(Button.Pressed, ".carry, .drop")
    def _carry_pressed(self, event: Button.Pressed) -> None:
        row = next((a for a in event.button.ancestors if isinstance(a, CarryRow)), None)
        if row is None:
            return
        if event.button.has_class("carry"):
            self._reschedule(row, row.carry_to, "carried forward")
        else:
            self._drop(row)

    @on(Input.Submitted, ".resched")
    def _resched_submitted(self, event: Input.Submitted) -> None:
        row = next((a for a in event.input.ancestors if isinstance(a, CarryRow)), None)
        if row is None:
            return
        try:
            day = parse_day(event.value, self.growth_app.today())
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if day < self.growth_app.today():
            self.notify("Pick today or a later day.", severity="warning")
            return
        self._reschedule(row, day, "rescheduled")

    def _reschedule(self, row: CarryRow, day: date, word: str) -> None:
        from growth_tui.store import review_repo

        try:
            review_repo.reschedule_action(
                self.growth_app.store, row.action.id, day, checkin_id=self.data.state.id
            )
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not move the action", error)
            return
        row.settle(f"{word} to {day:%a %d %b}")

    def _drop(self, row: CarryRow) -> None:
        from growth_tui.store import review_repo

        try:
            review_repo.drop_action(
                self.growth_app.store, row.action.id, checkin_id=self.data.state.id
            )
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not drop the action", error)
            return
        row.settle("dropped - letting go is a decision too")

    # -- skills step -----------------------------------------------------------------------

    @on(Select.Changed, "SkillRow Select")
    def _skill_rated(self, event: Select.Changed) -> None:
        if self._building or self.data is None or event.value is Select.BLANK:
            return
        from growth_tui.store import review_repo

        skill_id = int((event.select.id or "").removeprefix("level-"))
        try:
            review_repo.rerate_skill(
                self.growth_app.store, skill_id, int(event.value), self.growth_app.today()
            )
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not save the rating", error)
            return
        self.data.rated[skill_id] = int(event.value)

    # -- finishing -------------------------------------------------------------------------

    @on(Button.Pressed, "#open-goals")
    def _open_goals(self) -> None:
        self.flush()
        self.growth_app.go("goals")

    @on(Button.Pressed, "#finish")
    def _finish_pressed(self) -> None:
        self.action_finish()

    def action_finish(self) -> None:
        if self.view != "guided" or self.data is None:
            return
        from growth_tui.store import review_repo

        self._leave_step()
        today = self.growth_app.today()
        boxes = self.query("#next-date")
        try:
            next_on = parse_day(boxes.first(Input).value, today) if boxes else None
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if next_on is None:
            next_on = self._default_next(today)
        if next_on <= today:
            self.notify("Pick a next date after today.", severity="warning")
            return
        try:
            summary = review_repo.finish_checkin(
                self.growth_app.store, self.data.state.id, next_on, today
            )
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not finish the check-in", error)
            return
        self.summary_text = summary
        self.summary_kind = self.data.state.kind
        label = rv.kind_label(self.data.state.kind)
        self.data = None
        self.query_one("#summary-title", Static).update(
            Content(
                f"{label[0].upper()}{label[1:]} done. Next one on {next_on:%a %d %b}. "
                "c copies the summary, e exports it, Esc goes back."
            )
        )
        self.query_one("#summary-md", Static).update(RichMarkdown(summary))
        self._set_view("summary")
        self.notify(f"{label[0].upper()}{label[1:]} saved. See you on {next_on:%d %b}.")

    def action_copy(self) -> None:
        if self.summary_text:
            self.app.copy_to_clipboard(self.summary_text)
            self.notify("Summary copied as Markdown.", timeout=3)

    def action_export(self) -> None:
        if not self.summary_text:
            return
        today = self.growth_app.today()
        default = Path.cwd() / f"growth-{self.summary_kind}-{today.isoformat()}.md"
        export_markdown(self, default, self.summary_text)


# Helpers ---------------------------------------------------------------------------------------


def _coach_findings(store, plan_id: int, today: date) -> list[Any] | None:
    try:
        from growth_tui.store import coach_repo
    except ImportError:
        return None
    return coach_repo.plan_findings(store, plan_id, today)


def _achieved_content(achieved: Any) -> Content:
    since = f"since {achieved.start:%a %d %b %Y}"
    parts = [Content.styled(f"Done {since}:", "bold")]
    if not achieved.done:
        parts.append(Content.styled("  nothing logged - that is worth a word below, too", "dim"))
    for d in achieved.done[:8]:
        minutes = f", {d.minutes} min" if d.minutes else ""
        parts.append(
            Content.from_markup("  ✓ $t [dim]×$n$m[/]", t=d.title, n=str(d.times), m=minutes)
        )
    if len(achieved.done) > 8:
        parts.append(Content.styled(f"  … and {len(achieved.done) - 8} more", "dim"))
    parts.append(Content.styled("Wins:", "bold"))
    if not achieved.wins:
        parts.append(Content.styled("  none noted yet", "dim"))
    for w in achieved.wins[-6:]:
        parts.append(Content.from_markup("  ★ $t [dim]$d[/]", t=w.title, d=f"{w.on:%d %b}"))
    return Content("\n").join(parts)


def _findings_content(findings: list[Any] | None) -> Content:
    if findings is None:
        return Content.styled("The coach is not part of this build yet.", "dim")
    if not findings:
        return Content.styled("The coach has nothing to point out. Nice.", "dim")
    parts = []
    for f in findings[:6]:
        mark = "!" if f.severity == "warn" else "i"
        parts.append(Content.from_markup("[b]$m[/] $s: $msg", m=mark, s=f.subject, msg=f.message))
    return Content("\n").join(parts)


def _values_column(title: str, on: date | None, values: list[str]) -> Content:
    when = f" ({on:%b %Y})" if on else ""
    head = Content.styled(f"{title}{when}", "bold")
    if not values:
        return Content("\n").join([head, Content.styled("no reflection with values", "dim")])
    return Content("\n").join([head, *(Content(f"  {v}") for v in values)])
