"""Log: what is due (tick, skip, untick), wins, feedback, activity, and the full log.

Tabs keep 80x24 usable: Due, Wins, Feedback, Activity (heatmap, streaks, done vs planned per
goal) and Full log (a paged table, see `log_table`). From 118 columns the Due tab also shows the
heatmap and the weekly view beside the list. Data is read in `load_data` (a thread) and shown
in `show_data`; every write is one short `log_repo` call followed by `reload()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static, TabbedContent, TabPane

from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.due_list import DueCommands, DueList
from growth_tui.ui.widgets.footer import GrowthFooter
from growth_tui.ui.widgets.growing_table import GrowingTable
from growth_tui.ui.widgets.heatmap import ActivityHeatmap
from growth_tui.ui.widgets.log_table import LogTable, set_choices
from growth_tui.ui.widgets.week_bars import WeekBars
from growth_tui.ui.widgets.when_shown import WhenShown

if TYPE_CHECKING:
    from growth_tui.store.log_repo import (
        DueItem,
        FeedbackRecord,
        GoalWeeks,
        StreakSummary,
        WinRecord,
    )

TABS = ("tab-due", "tab-wins", "tab-feedback", "tab-activity", "tab-log")
TAB_FOCUS = {
    "tab-due": "#due-list",
    "tab-wins": "#wins-table",
    "tab-feedback": "#feedback-table",
    "tab-activity": "#activity",
    "tab-log": "#log-grid",
}
WIDE = 118


@dataclass
class LogData:
    today: date
    due: list[DueItem]
    summary: StreakSummary
    heatmap: dict[date, int]
    weeks: list[GoalWeeks]
    wins: list[WinRecord]
    feedback: list[FeedbackRecord]
    goals: list[tuple[int, str]] = field(default_factory=list)
    actions: list[tuple[int, str]] = field(default_factory=list)
    skills: list[tuple[int, str]] = field(default_factory=list)


def streak_text(summary: StreakSummary) -> Content:
    """The weekly streak in words that encourage and never scold."""
    current, best, this_week = summary.current_weeks, summary.longest_weeks, summary.done_this_week
    if current:
        weeks = "week" if current == 1 else f"{current} weeks"
        text = Content.assemble(
            ("▲ ", "$text-success"),
            (f"{weeks} in a row" if current > 1 else "1 week", "bold"),
            " with something done",
        )
        extra = []
        if this_week:
            extra.append(f"{this_week} done this week")
        else:
            extra.append("this week is still open")
        if best > current:
            extra.append(f"best {best} weeks")
        return text + Content.styled("  ·  " + " · ".join(extra), "$text-muted")
    if best:
        return Content.assemble(
            ("○ ", "$text-muted"),
            "One thing done this week starts a new run",
            (f"  ·  best run so far {best} weeks", "$text-muted"),
        )
    return Content.styled("Tick your first action to start a run of good weeks.", "$text-muted")


def win_row(win: WinRecord) -> tuple[Text, ...]:
    impact = win.impact
    if win.impact_value is not None and f"{win.impact_value:g}" not in impact:
        impact = f"{impact} ({win.impact_value:g})".strip()
    return (
        Text(win.happened_on.isoformat()),
        Text(win.title),
        Text(impact),
        Text(win.noticed_by),
        Text(win.goal_title),
        Text(", ".join(win.skill_names)),
    )


def feedback_row(item: FeedbackRecord) -> tuple[Text, ...]:
    return (
        Text(item.received_on.isoformat()),
        Text(item.from_whom),
        Text("strength" if item.kind == "strength" else "growth area"),
        Text(item.text),
        Text(", ".join(item.skill_names)),
    )


WIN_COLUMNS = [
    ("Date", 10),
    ("What", 30),
    ("Impact", 22),
    ("Noticed by", 14),
    ("Goal", 20),
    ("Skills", 20),
]
FEEDBACK_COLUMNS = [("Date", 10), ("From", 16), ("Kind", 11), ("What", 40), ("Skills", 20)]


class RecordTable(GrowingTable):
    """A table of wins or feedback with its columns set up, given its rows in chunks."""

    def __init__(self, columns: list[tuple[str, int]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._columns = columns

    def on_mount(self) -> None:
        self.ensure_columns()

    def ensure_columns(self) -> None:
        """Add the columns once (before the first rows are shown)."""
        if not self.columns:
            for label, width in self._columns:
                self.add_column(label, width=width)


class Section(VerticalScroll):
    """A tab's content, built when the tab is first shown (see `WhenShown`)."""

    def __init__(self, *, id: str, scroll: bool = False) -> None:  # noqa: A002
        super().__init__(id=id, can_focus=scroll)


class LogScreen(DueCommands, GrowthScreen):
    MODE = "log"
    BINDINGS = [
        Binding("space", "toggle_due", "Tick/untick"),
        Binding("m", "tick_with_note", "Minutes+note"),
        Binding("s", "skip_due", "Skip"),
        Binding("w", "new_win", "New win"),
        Binding("f", "new_feedback", "New feedback"),
        Binding("e", "edit_selected", "Edit"),
        Binding("x", "delete_selected", "Delete"),
        Binding("1", "show_tab('tab-due')", "Due tab", show=False),
        Binding("2", "show_tab('tab-wins')", "Wins tab", show=False),
        Binding("3", "show_tab('tab-feedback')", "Feedback tab", show=False),
        Binding("4", "show_tab('tab-activity')", "Activity tab (heatmap, streaks)", show=False),
        Binding("5", "show_tab('tab-log')", "Full log tab", show=False),
    ]
    DEFAULT_CSS = """
    LogScreen #log-streak { height: 1; padding: 0 1; }
    LogScreen #log-tabs { height: 1fr; }
    LogScreen #log-tabs > ContentSwitcher { height: 1fr; }
    LogScreen TabPane { padding: 0; height: 1fr; }
    LogScreen #due-row { height: 1fr; }
    LogScreen #due-side { display: none; width: 60; padding: 0 1; }
    LogScreen.-wide #due-side { display: block; }
    LogScreen #activity { padding: 0 1; }
    LogScreen .section { text-style: bold; color: $text-accent; margin-top: 1; }
    LogScreen .filters { height: 1; margin: 0 0 1 0; }
    LogScreen .filters > * { margin-right: 1; }
    LogScreen .filters Input { width: 2fr; }
    LogScreen .filters Select { width: 1fr; }
    LogScreen DataTable { height: 1fr; }
    LogScreen .hint { color: $text-muted; height: 1; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.data: LogData | None = None
        self._log_shown_for: LogData | None = None

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("", id="log-streak")
        with TabbedContent(id="log-tabs", initial="tab-due"):
            with TabPane("Due", id="tab-due"), Horizontal(id="due-row"):
                yield DueList(id="due-list")
                with VerticalScroll(id="due-side"):
                    yield ActivityHeatmap(id="side-heatmap")
                    yield Static("Done vs planned, last 12 weeks", classes="section")
                    yield WeekBars(id="side-weeks")
            # The other tabs are built when first opened: the screen shows with its data at once.
            with TabPane("Wins", id="tab-wins"), WhenShown(Section(id="wins-section")):
                with Horizontal(classes="filters"):
                    yield Input(placeholder="Filter wins by words", id="wins-text", compact=True)
                    yield Select([], prompt="Any goal", id="wins-goal", compact=True)
                yield RecordTable(WIN_COLUMNS, id="wins-table")
                yield Static("w new win · Enter/e edit · x delete", classes="hint")
            with TabPane("Feedback", id="tab-feedback"), WhenShown(Section(id="feedback-section")):
                with Horizontal(classes="filters"):
                    yield Input(
                        placeholder="Filter feedback by words", id="feedback-text", compact=True
                    )
                    yield Select(
                        [("Strengths", "strength"), ("Growth areas", "growth area")],
                        prompt="Both kinds",
                        id="feedback-kind",
                        compact=True,
                    )
                yield RecordTable(FEEDBACK_COLUMNS, id="feedback-table")
                yield Static("f new feedback · Enter/e edit · x delete", classes="hint")
            with (
                TabPane("Activity", id="tab-activity"),
                WhenShown(Section(id="activity", scroll=True)),
            ):
                yield Static("Last 12 months", classes="section")
                yield ActivityHeatmap(id="heatmap")
                yield Static("Streaks", classes="section")
                yield Static("", id="streak-details")
                yield Static("Done vs planned, last 12 weeks", classes="section")
                yield WeekBars(id="weeks")
            with TabPane("Full log", id="tab-log"), WhenShown(Section(id="log-section")):
                yield LogTable(id="log-table")
        yield GrowthFooter()

    def on_mount(self) -> None:
        self.query_one("#due-list", DueList).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def due_list(self) -> DueList:
        return self.query_one("#due-list", DueList)

    # -- data -------------------------------------------------------------------------------

    def load_data(self) -> LogData:
        from growth_tui.store import log_repo

        app = self.growth_app
        store, plan_id, today = app.store, app.plan_id, app.today()
        wins_text, wins_goal, feedback_text, feedback_kind = self._filters
        return LogData(
            today=today,
            due=log_repo.due_items(store, plan_id, today),
            summary=log_repo.streak_summary(store, plan_id, today),
            heatmap=log_repo.heatmap(store, plan_id, today),
            weeks=log_repo.weekly_progress(store, plan_id, today, weeks=12),
            wins=log_repo.wins(store, plan_id, text=wins_text, goal_id=wins_goal),
            feedback=log_repo.feedback_list(store, plan_id, text=feedback_text, kind=feedback_kind),
            goals=log_repo.goal_choices(store, plan_id),
            actions=log_repo.action_choices(store, plan_id),
            skills=log_repo.skill_choices(store, plan_id),
        )

    @property
    def _filters(self) -> tuple[str, int | None, str, str | None]:
        """The wins and feedback filters, read on the UI thread before a load."""
        return getattr(self, "_filter_values", ("", None, "", None))

    def reload(self) -> None:
        self._filter_values = self._read_filters()
        super().reload()

    def _read_filters(self) -> tuple[str, int | None, str, str | None]:
        """The filters as typed; a tab not opened yet has none."""

        def value(selector: str, kind: type) -> Any:
            found = self.query(selector).results(kind)
            return next((widget.value for widget in found), None)

        goal, kind = value("#wins-goal", Select), value("#feedback-kind", Select)
        return (
            value("#wins-text", Input) or "",
            goal if isinstance(goal, int) else None,
            value("#feedback-text", Input) or "",
            kind if isinstance(kind, str) else None,
        )

    def show_data(self, data: LogData) -> None:
        self.data = data
        self.fill()

    def fill(self) -> None:
        """Show `self.data` in every part that is mounted (tabs are built when first opened)."""
        data = self.data
        if data is None or not self.is_attached:
            return
        self.query_one("#log-streak", Static).update(streak_text(data.summary))
        self.due_list().show_items(data.due, data.today, data.summary.actions)
        for heatmap in self.query(ActivityHeatmap):
            heatmap.show_counts(data.heatmap, data.today)
        for bars in self.query(WeekBars):
            bars.show_weeks(data.weeks)
        for details in self.query("#streak-details").results(Static):
            details.update(self._streak_details(data))
        # Tabs not opened yet have no widgets: fill each part only if it exists.
        if self.query("#wins-table"):
            self._show_wins(data.wins)
        for goal_select in self.query("#wins-goal").results(Select):
            set_choices(goal_select, data.goals)
        if self.query("#feedback-table"):
            self._show_feedback(data.feedback)
        for log_table in self.query(LogTable):
            if self._log_shown_for is not data:
                self._log_shown_for = data
                log_table.set_choices(data.goals, data.actions)
                log_table.refresh_log()

    def _streak_details(self, data: LogData) -> Content:
        lines = [streak_text(data.summary)]
        titles = {item.action_id: item.action_title for item in data.due}
        runs = sorted(
            (
                (count, titles.get(action_id, ""))
                for action_id, count in data.summary.actions.items()
            ),
            reverse=True,
        )
        for count, title in runs:
            if title and count:
                lines.append(
                    Content.assemble(
                        (f"{count:>4} in a row  ", "$text-success"),
                        Content(title),
                    )
                )
        lines.append(
            Content.styled(
                "A skipped day never breaks a run; a missed one just starts the next.",
                "italic $text-muted",
            )
        )
        return Content("\n").join(lines)

    def _show_wins(self, wins: list[WinRecord]) -> None:
        table = self.query_one("#wins-table", RecordTable)
        table.ensure_columns()
        table.show_rows(wins, lambda win: (win_row(win), str(win.id)), keep_row=table.cursor_row)
        self._wins = {str(w.id): w for w in wins}

    def _show_feedback(self, items: list[FeedbackRecord]) -> None:
        table = self.query_one("#feedback-table", RecordTable)
        table.ensure_columns()
        table.show_rows(
            items, lambda item: (feedback_row(item), str(item.id)), keep_row=table.cursor_row
        )
        self._feedback = {str(f.id): f for f in items}

    # -- keys -------------------------------------------------------------------------------

    def active_tab(self) -> str:
        return self.query_one("#log-tabs", TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_due", "tick_with_note", "skip_due"):
            return self.active_tab() == "tab-due"
        if action in ("edit_selected", "delete_selected"):
            return self.active_tab() in ("tab-wins", "tab-feedback")
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        self.focus_tab(event.pane.id or "")

    @on(WhenShown.Built)
    def _section_built(self) -> None:
        self.fill()
        self.focus_tab(self.active_tab())

    def focus_tab(self, tab: str) -> None:
        """Focus the tab's main widget; a tab still being built focuses it once it mounts."""
        for widget in self.query(TAB_FOCUS.get(tab, "#none")):
            widget.focus()

    def action_show_tab(self, tab: str) -> None:
        # Let go of the focus first: a focused widget in the old tab would pull it back.
        self.set_focus(None)
        self.query_one("#log-tabs", TabbedContent).active = tab

    @on(DueList.Changed)
    def _due_changed(self, event: DueList.Changed) -> None:
        self.reload()

    def action_new_win(self, existing: WinRecord | None = None) -> None:
        from growth_tui.store import log_repo
        from growth_tui.ui.dialogs.log_forms import WinForm, WinValues

        app = self.growth_app
        data = self.data
        if app.store is None or data is None:
            return

        def save(values: WinValues | None) -> None:
            if values is None:
                return
            fields = dict(
                happened_on=values.happened_on,
                title=values.title,
                impact=values.impact,
                impact_value=values.impact_value,
                noticed_by=values.noticed_by,
                goal_id=values.goal_id,
                skill_ids=values.skill_ids,
            )
            if existing is None:
                self._save(lambda: log_repo.add_win(app.store, app.plan_id, **fields), "Win saved")
            else:
                self._save(
                    lambda: log_repo.update_win(app.store, existing.id, **fields), "Win updated"
                )

        app.push_screen(WinForm(app.today(), data.goals, data.skills, existing), save)

    def action_new_feedback(self, existing: FeedbackRecord | None = None) -> None:
        from growth_tui.store import log_repo
        from growth_tui.ui.dialogs.log_forms import FeedbackForm, FeedbackValues

        app = self.growth_app
        data = self.data
        if app.store is None or data is None:
            return

        def save(values: FeedbackValues | None) -> None:
            if values is None:
                return
            fields = dict(
                received_on=values.received_on,
                text=values.text,
                from_whom=values.from_whom,
                kind=values.kind,
                skill_ids=values.skill_ids,
            )
            if existing is None:
                self._save(
                    lambda: log_repo.add_feedback(app.store, app.plan_id, **fields),
                    "Feedback saved",
                )
            else:
                self._save(
                    lambda: log_repo.update_feedback(app.store, existing.id, **fields),
                    "Feedback updated",
                )

        app.push_screen(FeedbackForm(app.today(), data.skills, existing), save)

    def _selected(self) -> tuple[str, Any] | None:
        tab = self.active_tab()
        table_id, records = {
            "tab-wins": ("#wins-table", getattr(self, "_wins", {})),
            "tab-feedback": ("#feedback-table", getattr(self, "_feedback", {})),
        }.get(tab, ("", {}))
        if not table_id:
            return None
        table = next(iter(self.query(table_id).results(DataTable)), None)
        if table is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        record = records.get(key or "")
        return (tab, record) if record is not None else None

    def action_edit_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        tab, record = selected
        if tab == "tab-wins":
            self.action_new_win(record)
        else:
            self.action_new_feedback(record)

    @on(DataTable.RowSelected, "#wins-table, #feedback-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_selected()

    def action_delete_selected(self) -> None:
        from growth_tui.store import log_repo
        from growth_tui.ui.dialogs.log_forms import ConfirmForm

        selected = self._selected()
        if selected is None:
            return
        tab, record = selected
        app = self.growth_app
        if tab == "tab-wins":
            what = record.title
            delete = lambda: log_repo.delete_win(app.store, record.id)  # noqa: E731
        else:
            what = record.text
            delete = lambda: log_repo.delete_feedback(app.store, record.id)  # noqa: E731

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(delete, "Deleted")

        question = Content.from_markup("Delete [b]$what[/b]? This cannot be undone.", what=what)
        app.push_screen(ConfirmForm(question), answered)

    def _save(self, write, done: str) -> None:
        from growth_tui.store.engine import StoreError
        from growth_tui.store.log_repo import LogError

        try:
            write()
        except (LogError, StoreError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(done, timeout=3, markup=False)
        self.reload()

    @on(Input.Changed, "#wins-text, #feedback-text")
    @on(Select.Changed, "#wins-goal, #feedback-kind")
    def _list_filter_changed(self, event) -> None:
        event.stop()
        if self.growth_app.store is not None:
            self._load_lists(self._read_filters())

    @work(thread=True, exclusive=True, group="log-lists")
    def _load_lists(self, filters: tuple[str, int | None, str, str | None]) -> None:
        from growth_tui.store import log_repo

        app = self.growth_app
        wins_text, wins_goal, feedback_text, feedback_kind = filters
        wins = log_repo.wins(app.store, app.plan_id, text=wins_text, goal_id=wins_goal)
        feedback = log_repo.feedback_list(
            app.store, app.plan_id, text=feedback_text, kind=feedback_kind
        )
        app.call_from_thread(self._show_lists, wins, feedback)

    def _show_lists(self, wins: list[WinRecord], feedback: list[FeedbackRecord]) -> None:
        if not self.is_attached:
            return
        if self.query("#wins-table"):
            self._show_wins(wins)
        if self.query("#feedback-table"):
            self._show_feedback(feedback)
