"""The full log as a table that stays quick with 100,000 entries.

The table never holds more than one page (`PAGE_SIZE` rows). Counting and reading a page run in
a thread worker through `log_repo.count_log` / `log_page` (an indexed query, a few ms for the
first pages of 100k entries); the widget only ever renders one page. Moving past the last row
of a page loads the next one, `[` and `]` jump a page, and sorting is done by the database.
Filters: text (note or action), goal, action, and a date range on the scheduled day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import DataTable, Input, Select, Static

if TYPE_CHECKING:
    from growth_tui.store.log_repo import LogQuery, LogRow

PAGE_SIZE = 100

COLUMNS: list[tuple[str, str, int]] = [
    # (label, sort key, width)
    ("Scheduled", "occurrence_on", 11),
    ("Logged", "logged_on", 11),
    ("Status", "status", 9),
    ("Min", "minutes", 4),
    ("Action", "action", 24),
    ("Goal", "goal", 18),
    ("Note", "", 22),
]


def set_choices(select: Select, choices: list[tuple[int, str]]) -> None:
    """Give a filter `Select` new (id, user text) choices, keeping its value if still there.

    A Select mounted a moment ago may not have its overlay yet: then try again after a refresh.
    """
    try:
        with select.prevent(Select.Changed):
            kept = select.value
            select.set_options([(Content(text), key) for key, text in choices])
            if kept in {key for key, _ in choices}:
                select.value = kept
    except NoMatches:
        select.call_after_refresh(set_choices, select, choices)


class LogTable(Vertical):
    """Filter bar, one page of the log in a DataTable, and where you are in it."""

    DEFAULT_CSS = """
    LogTable { height: 1fr; }
    LogTable #log-filters { height: 1; margin-bottom: 1; }
    LogTable #log-filters > * { margin-right: 1; }
    LogTable #log-filters Input, LogTable #log-filters Select { width: 1fr; }
    LogTable #log-filters #log-text { width: 2fr; }
    LogTable #log-filters #log-from, LogTable #log-filters #log-to { width: 12; }
    LogTable DataTable { height: 1fr; }
    LogTable #log-status { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS = [
        Binding("right_square_bracket", "page(1)", "Next page"),
        Binding("left_square_bracket", "page(-1)", "Previous page"),
        Binding("o", "sort_next", "Sort by next column"),
        Binding("O", "sort_reverse", "Reverse the order"),
        Binding("slash", "search", "Search"),
    ]

    class Loaded(Message):
        """A page was shown (tests and the screen wait for this)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        from growth_tui.store.log_repo import LogQuery

        self.query_state: LogQuery = LogQuery()
        self.page_offset = 0
        self.total = 0
        self.rows: list[LogRow] = []
        self.plan_id = 0
        self._want_row: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="log-filters"):
            yield Input(placeholder="Search notes, actions (/)", id="log-text", compact=True)
            yield Select([], prompt="Any goal", id="log-goal", compact=True)
            yield Select([], prompt="Any action", id="log-action", compact=True)
            yield Input(placeholder="From date", id="log-from", compact=True)
            yield Input(placeholder="To date", id="log-to", compact=True)
        table = DataTable(id="log-grid", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="log-status")

    def on_mount(self) -> None:
        self._ensure_columns()

    def _ensure_columns(self) -> DataTable:
        table = self.query_one(DataTable)
        if not table.columns:
            for label, key, width in COLUMNS:
                table.add_column(label, key=key or "note", width=width)
        return table

    # -- loading ----------------------------------------------------------------------------

    def set_choices(self, goals: list[tuple[int, str]], actions: list[tuple[int, str]]) -> None:
        set_choices(self.query_one("#log-goal", Select), goals)
        set_choices(self.query_one("#log-action", Select), actions)

    def refresh_log(self, *, keep_place: bool = True) -> None:
        """Count and load the current page again (after a change to the log)."""
        if not keep_place:
            self.page_offset = 0
        self._load(self.query_state, self.page_offset)

    @work(thread=True, exclusive=True, group="log-page")
    def _load(self, query: LogQuery, offset: int) -> None:
        from growth_tui.store import log_repo

        app = self.app
        store, plan_id = app.store, app.plan_id  # type: ignore[attr-defined]
        if store is None:
            return
        total = log_repo.count_log(store, plan_id, query)
        offset = max(0, min(offset, max(0, total - 1) // PAGE_SIZE * PAGE_SIZE))
        rows = log_repo.log_page(store, plan_id, query, offset=offset, limit=PAGE_SIZE)
        app.call_from_thread(self._show, query, offset, total, rows)

    def _show(self, query: LogQuery, offset: int, total: int, rows: list[LogRow]) -> None:
        if not self.is_attached:
            return
        self.query_state, self.page_offset, self.total, self.rows = query, offset, total, rows
        table = self._ensure_columns()
        row_before = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(
                row.occurrence_on.isoformat(),
                row.logged_on.isoformat(),
                Text(("✔ " if row.status == "done" else "↷ ") + row.status),
                "" if row.minutes is None else str(row.minutes),
                Text(row.action_title),
                Text(row.goal_title),
                Text(row.note),
                key=str(row.id),
            )
        for label, key, _ in COLUMNS:
            column = table.columns[key or "note"]
            arrow = ""
            if key and key == query.sort:
                arrow = " ↓" if query.descending else " ↑"
            column.label = Text(label + arrow)
        table.refresh()
        if rows:
            wanted = self._want_row if self._want_row is not None else row_before
            table.move_cursor(row=max(0, min(wanted, len(rows) - 1)))
        self._want_row = None
        self._update_status()
        self.post_message(self.Loaded())

    def _update_status(self) -> None:
        status = self.query_one("#log-status", Static)
        if not self.total:
            status.update("No log entries match. Clear the filters to see everything.")
            return
        pages = (self.total - 1) // PAGE_SIZE + 1
        page = self.page_offset // PAGE_SIZE + 1
        last = self.page_offset + len(self.rows)
        status.update(
            f"{self.page_offset + 1:,}–{last:,} of {self.total:,} entries · page {page} of {pages}"
            "  ·  [ ] page  ·  o/O sort  ·  / search"
        )

    # -- keys -------------------------------------------------------------------------------

    def action_page(self, step: int) -> None:
        self._goto(self.page_offset + step * PAGE_SIZE, 0 if step > 0 else PAGE_SIZE - 1)

    def _goto(self, offset: int, row: int) -> None:
        if offset < 0 or offset >= self.total or offset == self.page_offset:
            return
        self._want_row = row
        self._load(self.query_state, offset)

    def action_sort_next(self) -> None:
        keys = [key for _, key, _ in COLUMNS if key]
        self._sort(keys[(keys.index(self.query_state.sort) + 1) % len(keys)])

    def action_sort_reverse(self) -> None:
        self._sort(self.query_state.sort)

    def _sort(self, key: str) -> None:
        query = self.query_state
        if key == query.sort:
            query = replace(query, descending=not query.descending)
        else:
            query = replace(query, sort=key, descending=key in ("occurrence_on", "logged_on"))
        self._want_row = 0
        self.page_offset = 0
        self._load(query, 0)

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key != "note":
            self._sort(key)

    def action_search(self) -> None:
        self.query_one("#log-text", Input).focus()

    def on_key(self, event) -> None:
        """Scrolling past the ends of a page carries on into the next or previous page."""
        table = self.query_one(DataTable)
        if not table.has_focus or not self.rows:
            return
        if event.key == "down" and table.cursor_row == len(self.rows) - 1:
            if self.page_offset + len(self.rows) < self.total:
                event.stop()
                event.prevent_default()
                self._goto(self.page_offset + PAGE_SIZE, 0)
        elif event.key == "up" and table.cursor_row == 0 and self.page_offset > 0:
            event.stop()
            event.prevent_default()
            self._goto(self.page_offset - PAGE_SIZE, PAGE_SIZE - 1)

    # -- filters ----------------------------------------------------------------------------

    @on(Input.Submitted, "#log-filters Input")
    @on(Select.Changed, "#log-filters Select")
    def _filters_changed(self, event) -> None:
        event.stop()
        self.apply_filters()

    @on(Input.Changed, "#log-text")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filters()

    def apply_filters(self) -> None:
        from growth_tui.ui.dialogs.log_forms import parse_day

        today: date = self.app.today()  # type: ignore[attr-defined]
        days: list[date | None] = []
        for field_id in ("#log-from", "#log-to"):
            field = self.query_one(field_id, Input)
            text = field.value.strip()
            if not text:
                days.append(None)
                continue
            try:
                days.append(parse_day(text, today))
            except ValueError as error:
                self.app.notify(str(error), severity="warning", markup=False)
                days.append(None)
        goal = self.query_one("#log-goal", Select).value
        action = self.query_one("#log-action", Select).value
        query = replace(
            self.query_state,
            text=self.query_one("#log-text", Input).value,
            goal_id=goal if isinstance(goal, int) else None,
            action_id=action if isinstance(action, int) else None,
            first=days[0],
            last=days[1],
        )
        self._want_row = 0
        self.page_offset = 0
        self._load(query, 0)
