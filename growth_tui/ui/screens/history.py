"""History: a timeline of everything, charts of growth over time, and period summaries.

Charts: Textual's own `Sparkline`, plus two small hand-drawn rows (skill levels on a fixed 0-5
scale, and check-ins as coloured marks), rather than textual-plotext. The reasons: five charts
have to share an 80x24 terminal, and a plotext canvas needs ~10 rows before its axes and
labels are legible, so at that size it would show one chart at a time; a sparkline reads in
one or two rows, beside a label and the numbers that matter (total, best week, first -> last).
Sparklines draw in microseconds from a list of numbers, and there is no extra dependency or
import to pay for. Skill levels are drawn by hand because a sparkline scales between the
series' own minimum and maximum, which would make a 2 -> 3 change look like 0 -> 5.

All data is loaded in one thread worker from aggregated queries (`review_repo`), so even a
ten-year plan hands the screen a few hundred numbers, not every log row.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    DataTable,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)

from growth_tui.domain import review as rv
from growth_tui.domain import timeline as tl
from growth_tui.ui.dialogs.review_dialogs import DetailDialog, export_markdown
from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.footer import GrowthFooter
from growth_tui.ui.widgets.growing_table import GrowingTable, Row
from growth_tui.ui.widgets.when_shown import WhenShown

KIND_OPTIONS = [("everything", "all")] + [(k, k) for k in tl.KINDS]
TIMELINE_PERIODS = [
    ("all time", "all"),
    ("last 12 months", "12m"),
    ("this year", "this-year"),
    ("last year", "last-year"),
    ("this quarter", "this-quarter"),
    ("last quarter", "last-quarter"),
]
SUMMARY_PERIODS = [
    ("last quarter", "last-quarter"),
    ("this quarter", "this-quarter"),
    ("last year", "last-year"),
    ("this year", "this-year"),
]
LEVEL_BARS = "·▂▃▄▆█"  # levels 0..5 on a fixed scale
#: Timeline rows put in the table at a time (see `GrowingTable`); a person reads the newest first.
TIMELINE_CHUNK = 200
HEALTH_STYLE = {"on track": "$success", "at risk": "$warning", "off track": "$error"}


def timeline_bounds(choice: str, today: date) -> tuple[date | None, date | None]:
    if choice == "all":
        return None, None
    if choice == "12m":
        return today - timedelta(days=365), today
    p = rv.period(choice, today)
    return p.start, p.end


def skill_row(name: str, points: list[tuple[date, int]], bar_width: int = 24) -> Content:
    """One skill: its last ratings as bars on a fixed 0-5 scale, then first -> latest."""
    recent = points[-24:]
    bars = "".join(LEVEL_BARS[max(0, min(5, level))] for _on, level in recent)
    first, last = points[0][1], points[-1][1]
    change = f"{first} → {last}" if first != last else f"{last}, steady"
    since = f" since {points[0][0]:%b %Y}" if len(points) > 1 else ""
    label = name if len(name) <= 22 else name[:21] + "…"
    return Content.assemble(
        Content(f"{label:<23}"),
        (f"{bars:<{bar_width}}", "$accent"),
        (f" {change}{since}", "dim"),
    )


def checkin_marks_content(marks: list[Any]) -> Content:
    """Check-ins as a row of coloured marks: the worst goal health of each, oldest first."""
    if not marks:
        return Content.styled(
            "No check-ins yet. The first one is on the Review screen (F5).", "dim"
        )
    parts: list[Content] = []
    for mark in marks:
        if not mark.finished:
            parts.append(Content.styled("○", "dim"))
        elif mark.worst is None:
            parts.append(Content.styled("●", "dim"))
        else:
            parts.append(Content.styled("●", HEALTH_STYLE[mark.worst]))
    legend = Content.assemble(
        "\n",
        ("●", "$success"),
        " on track  ",
        ("●", "$warning"),
        " at risk  ",
        ("●", "$error"),
        " off track  ",
        ("●", "dim"),
        " no goal rated  ",
        ("○", "dim"),
        " unfinished",
        (f"   {marks[0].held_on:%d %b %Y} → {marks[-1].held_on:%d %b %Y}", "dim"),
    )
    return Content("").join(parts) + legend


def chart_data(store: Any, plan_id: int, today: date) -> dict[str, Any]:
    """What the Charts tab draws (thread side)."""
    from growth_tui.store import review_repo

    goals = review_repo.goals_with_metric_history(store, plan_id)
    return {
        "weekly": review_repo.done_per_week(store, plan_id, today),
        "minutes": review_repo.minutes_per_goal_per_month(store, plan_id, today),
        "metric_goals": goals,
        "metric_series": {g.id: review_repo.goal_metric_series(store, g.id) for g in goals},
        "skills": review_repo.skill_series(store, plan_id),
        "marks": review_repo.checkin_marks(store, plan_id, limit=52),
    }


def summary_data(store: Any, plan_id: int, today: date, choice: str) -> dict[str, Any]:
    """The period summary's Markdown and period (thread side)."""
    from growth_tui.store import review_repo

    period = rv.period(choice, today)
    summary = review_repo.period_summary(store, plan_id, period)
    return {"summary": rv.period_markdown(summary), "period": period}


def timeline_row(event: tl.TimelineEvent) -> Row:
    style = "bold" if event.highlight else ""
    what = Text(("✦ " if event.highlight else "") + event.title, style=style)
    detail = Text(" ".join(event.detail.split()), style=style)
    return (Text(event.on.isoformat()), what, detail), None


class HistoryScreen(GrowthScreen):
    MODE = "history"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('timeline')", "Timeline", id="history.timeline"),
        Binding("2", "tab('charts')", "Charts", id="history.charts"),
        Binding("3", "tab('summary')", "Period summary", id="history.summary"),
        Binding("f", "filter", "Filter", id="history.filter"),
        Binding("c", "copy", "Copy summary", id="history.copy"),
        Binding("e", "export", "Export .md", id="history.export"),
    ]

    DEFAULT_CSS = """
    HistoryScreen TabbedContent { height: 1fr; }
    HistoryScreen TabPane { padding: 0 1; }
    HistoryScreen .filters { height: auto; margin-bottom: 1; }
    HistoryScreen .filters Select { width: 24; margin-right: 2; }
    HistoryScreen .filters .count { color: $text-muted; width: 1fr; }
    HistoryScreen #timeline-table { height: 1fr; }
    HistoryScreen .chart-title { text-style: bold; color: $text-accent; margin-top: 1; }
    HistoryScreen .chart-note { color: $text-muted; }
    HistoryScreen Sparkline { height: 2; margin-right: 2; }
    HistoryScreen #minutes-rows { height: auto; }
    HistoryScreen .minutes-row { height: 2; }
    HistoryScreen .minutes-row .label { width: 24; }
    HistoryScreen .minutes-row Sparkline { width: 1fr; }
    HistoryScreen .minutes-row .total { width: 8; color: $text-muted; }
    HistoryScreen #metric-goal { width: 1fr; max-width: 60; }
    HistoryScreen #summary-md { margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tl.TimelineEvent] = []
        self.shown: list[tl.TimelineEvent] = []
        self.data: dict[str, Any] = {}
        self.summary_text = ""
        self.summary_period: rv.Period | None = None
        self.summary_choice = "last-quarter"  # set on the UI thread, read by the loader

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        with TabbedContent(initial="timeline"):
            with TabPane("Timeline (1)", id="timeline"):
                with Horizontal(classes="filters"):
                    yield Select(
                        KIND_OPTIONS, value="all", allow_blank=False, id="kind", compact=True
                    )
                    yield Select(
                        TIMELINE_PERIODS, value="all", allow_blank=False, id="span", compact=True
                    )
                    yield Static("", classes="count", id="timeline-count")
                yield GrowingTable(id="timeline-table", chunk=TIMELINE_CHUNK)
            # Charts and the summary are built (and read) when their tab is first opened, so
            # the timeline shows at once; `_load_built_sections` reads them.
            with (
                TabPane("Charts (2)", id="charts"),
                WhenShown(VerticalScroll(id="charts-scroll")),
            ):
                yield Static("Actions done per week · last 52 weeks", classes="chart-title")
                yield Sparkline([], id="weekly-spark")
                yield Static("", classes="chart-note", id="weekly-note")
                yield Static("Minutes per goal per month · last 12 months", classes="chart-title")
                yield Vertical(id="minutes-rows")
                yield Static("A goal's metric at each check-in", classes="chart-title")
                yield Select(
                    [], prompt="no goal has a metric history yet", id="metric-goal", compact=True
                )
                yield Sparkline([], id="metric-spark")
                yield Static("", classes="chart-note", id="metric-note")
                yield Static("Skill levels over time (0-5)", classes="chart-title")
                yield Static("", id="skills-chart")
                yield Static("Check-ins · worst goal status at each", classes="chart-title")
                yield Static("", id="checkin-marks")
            with (
                TabPane("Period summary (3)", id="summary"),
                WhenShown(VerticalScroll(id="summary-scroll")),
            ):
                with Horizontal(classes="filters"):
                    yield Select(
                        SUMMARY_PERIODS,
                        value="last-quarter",
                        allow_blank=False,
                        id="summary-period",
                        compact=True,
                    )
                    yield Static("c copies, e exports as Markdown", classes="count")
                yield Static("", id="summary-md")
        yield GrowthFooter()

    def on_mount(self) -> None:
        table = self.query_one("#timeline-table", DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("What", key="what", width=25)
        table.add_column("Detail", key="detail")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy", "export"):
            return self._tab() == "summary"
        if action == "filter":
            return self._tab() == "timeline"
        return True

    def _tab(self) -> str:
        return self.query_one(TabbedContent).active

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "timeline":
            self.query_one("#timeline-table", DataTable).focus()

    def action_filter(self) -> None:
        self.query_one("#kind", Select).focus()

    # -- loading -----------------------------------------------------------------------------

    def _built_sections(self) -> set[str]:
        """The tabs built so far whose data is read on demand: "charts", "summary"."""
        return {section for section in ("charts", "summary") if self.query(f"#{section}-scroll")}

    def reload(self) -> None:
        # Read on the UI thread: which tabs are built, so the load reads only what is shown.
        self._built = self._built_sections()
        super().reload()

    def load_data(self) -> dict[str, Any]:
        from growth_tui.store import review_repo

        app = self.growth_app
        store, plan_id, today = app.store, app.plan_id, app.today()
        built = getattr(self, "_built", set())
        data: dict[str, Any] = {"today": today, "events": review_repo.timeline(store, plan_id)}
        if "charts" in built:
            data.update(chart_data(store, plan_id, today))
        if "summary" in built:
            data.update(summary_data(store, plan_id, today, self.summary_choice))
        return data

    def show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        if data["events"] != self.events or not self.loaded:
            self.events = data["events"]
            self._fill_timeline()
        if "weekly" in data:
            self._fill_charts()
        if "summary" in data:
            self._show_summary(data["summary"], data["period"])
        if not self.loaded and self._tab() == "timeline":
            self.query_one("#timeline-table", DataTable).focus()
        self.call_after_refresh(self._load_built_sections)

    @on(WhenShown.Built)
    def _load_built_sections(self) -> None:
        """Read what a tab built since the last load shows (charts, the period summary)."""
        if not self.data:
            return  # the load under way fills them
        built = self._built_sections()
        if "charts" in built and "weekly" not in self.data:
            self._load_charts()
        if "summary" in built and "summary" not in self.data:
            self._load_summary(self.summary_choice)

    @work(thread=True, exclusive=True, group="charts")
    def _load_charts(self) -> None:
        app = self.growth_app
        try:
            data = chart_data(app.store, app.plan_id, app.today())
        except Exception as error:  # noqa: BLE001
            app.call_from_thread(app.report_error, "Could not draw the charts", error)
            return
        app.call_from_thread(self._charts_loaded, data)

    def _charts_loaded(self, data: dict[str, Any]) -> None:
        self.data.update(data)
        self._fill_charts()

    # -- timeline ----------------------------------------------------------------------------

    def _fill_timeline(self) -> None:
        if not self.data:
            return
        kind = self.query_one("#kind", Select).value
        span = self.query_one("#span", Select).value
        start, end = timeline_bounds(str(span), self.data["today"])
        self.shown = tl.filter_events(
            self.events, kinds=None if kind == "all" else [str(kind)], start=start, end=end
        )
        self.query_one("#timeline-table", GrowingTable).show_rows(self.shown, timeline_row)
        self.query_one("#timeline-count", Static).update(
            Content(f"{len(self.shown)} of {len(self.events)} · Enter opens")
        )

    @on(Select.Changed, "#kind, #span")
    def _filter_changed(self) -> None:
        self._fill_timeline()

    @on(DataTable.RowSelected, "#timeline-table")
    def _open_item(self, event: DataTable.RowSelected) -> None:
        index = event.cursor_row
        if not 0 <= index < len(self.shown):
            return
        from growth_tui.store import review_repo

        item = self.shown[index]
        try:
            detail = review_repo.event_detail(self.growth_app.store, item)
        except Exception as error:  # noqa: BLE001
            self.growth_app.report_error("Could not open the item", error)
            return
        title = f"{item.on:%d %b %Y} · {detail.title}"
        self.app.push_screen(DetailDialog(title, detail.body, markdown=item.ref_kind == "checkin"))

    # -- charts ------------------------------------------------------------------------------

    def _fill_charts(self) -> None:
        data = self.data
        if "weekly" not in data or not self.query("#charts-scroll"):
            return  # the Charts tab is not built (or not read) yet
        weekly: list[int] = data["weekly"]
        self.query_one("#weekly-spark", Sparkline).data = weekly
        total = sum(weekly)
        best = max(weekly) if weekly else 0
        active = sum(1 for n in weekly if n)
        self.query_one("#weekly-note", Static).update(
            Content(
                f"{total} done in 52 weeks · best week {best} · {active} weeks with something "
                f"done · this week {weekly[-1] if weekly else 0}"
            )
        )
        self._fill_minutes(data["minutes"])
        goals = data["metric_goals"]
        select = self.query_one("#metric-goal", Select)
        options = [
            (Content(g.title + ("" if g.status == "active" else f" ({g.status})")), g.id)
            for g in goals
        ]
        current = select.value
        select.set_options(options)
        if options:
            ids = [g.id for g in goals]
            select.value = current if current in ids else ids[0]
        self._fill_metric()
        skills: dict[str, list[tuple[date, int]]] = data["skills"]
        chart = self.query_one("#skills-chart", Static)
        if skills:
            width = min(24, max(len(points) for points in skills.values()))
            chart.update(
                Content("\n").join(
                    skill_row(name, points, width) for name, points in skills.items()
                )
            )
        else:
            chart.update(Content.styled("No skill ratings yet.", "dim"))
        self.query_one("#checkin-marks", Static).update(checkin_marks_content(data["marks"]))

    def _fill_minutes(self, monthly: Any) -> None:
        box = self.query_one("#minutes-rows", Vertical)
        box.remove_children()
        per_goal: dict[str, list[int]] = monthly.per_goal
        if not per_goal:
            box.mount(Static(Content.styled("Nothing logged in the last 12 months.", "dim")))
            return
        ranked = sorted(per_goal.items(), key=lambda kv: -sum(kv[1]))[:5]
        rows = []
        for title, minutes in ranked:
            label = title if len(title) <= 22 else title[:21] + "…"
            rows.append(
                Horizontal(
                    Static(Content(label), classes="label"),
                    Sparkline(minutes),
                    Static(Content(f"{sum(minutes) / 60:.0f} h"), classes="total"),
                    classes="minutes-row",
                )
            )
        first, last = monthly.months[0], monthly.months[-1]
        rows.append(Static(Content(f"{first:%b %Y} → {last:%b %Y}"), classes="chart-note"))
        box.mount_all(rows)

    @on(Select.Changed, "#metric-goal")
    def _metric_goal_changed(self) -> None:
        self._fill_metric()

    def _fill_metric(self) -> None:
        if "metric_series" not in self.data:
            return
        value = self.query_one("#metric-goal", Select).value
        series = self.data["metric_series"].get(value, []) if value is not Select.BLANK else []
        self.query_one("#metric-spark", Sparkline).data = [v for _on, v in series]
        note = self.query_one("#metric-note", Static)
        if not series:
            note.update(
                Content.styled("Record a goal's metric at a check-in to see it here.", "dim")
            )
            return
        goal = next(g for g in self.data["metric_goals"] if g.id == value)
        target = (
            f" · target {goal.target:g} {goal.unit}".rstrip() if goal.target is not None else ""
        )
        note.update(
            Content(
                f"{series[0][1]:g} on {series[0][0]:%d %b %Y} → {series[-1][1]:g} on "
                f"{series[-1][0]:%d %b %Y}{target} · {len(series)} check-ins"
            )
        )

    # -- period summary ----------------------------------------------------------------------

    @on(Select.Changed, "#summary-period")
    def _summary_period_changed(self, event: Select.Changed) -> None:
        self.summary_choice = str(event.value)
        if self.data:
            self._load_summary(self.summary_choice)

    @work(thread=True, exclusive=True, group="summary")
    def _load_summary(self, choice: str) -> None:
        app = self.growth_app
        try:
            data = summary_data(app.store, app.plan_id, app.today(), choice)
        except Exception as error:  # noqa: BLE001
            app.call_from_thread(app.report_error, "Could not build the summary", error)
            return
        app.call_from_thread(self._show_summary, data["summary"], data["period"])

    def _show_summary(self, text: str, period: rv.Period) -> None:
        self.summary_text = text
        self.summary_period = period
        self.data.update(summary=text, period=period)
        for markdown in self.query("#summary-md").results(Static):
            # Imported here: rich.markdown pulls in markdown-it, about 0.1 s, paid only by
            # someone who opens the summary.
            from rich.markdown import Markdown as RichMarkdown

            markdown.update(RichMarkdown(text))

    def action_copy(self) -> None:
        if self.summary_text:
            self.app.copy_to_clipboard(self.summary_text)
            self.notify("Period summary copied as Markdown.", timeout=3)

    def action_export(self) -> None:
        if not self.summary_text or self.summary_period is None:
            return
        slug = self.summary_period.label.lower().replace(" ", "-")
        default = Path.cwd() / f"growth-summary-{slug}.md"
        export_markdown(self, default, self.summary_text)
