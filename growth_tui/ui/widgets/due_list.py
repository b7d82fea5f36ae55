"""What is due, as a list to tick through, and the tick/skip/untick behaviour behind it.

`DueList` shows `DueItem`s grouped by goal (goals with missed items first, missed items first
within a goal). `DueCommands` is the behaviour the Log screen and the Home panel share, so Space
does exactly the same thing in both places: it ticks an open occurrence and unticks a logged one.
Writes are single short transactions, run on the UI thread through `log_repo`; afterwards the
list posts `DueList.Changed` so its screen reloads what depends on the log.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from growth_tui.store.log_repo import DueItem

MARKS = {None: "☐", "done": "✔", "skipped": "↷"}


def day_label(day: date, today: date) -> str:
    if day == today:
        return "Today"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    if day == today - timedelta(days=1):
        return "Yesterday"
    return f"{day:%a} {day.day} {day:%b}"


def item_line(item: DueItem, today: date, streak: int | None = None) -> Content:
    """One occurrence as a line: mark, day, title, then quiet facts."""
    if item.status == "done":
        mark = Content.styled(MARKS["done"], "$text-success")
    elif item.status == "skipped":
        mark = Content.styled(MARKS["skipped"], "$text-muted")
    else:
        mark = Content.styled(MARKS[None], "$text-muted" if item.missed else "")
    when = day_label(item.occurrence_on, today)
    title = Content(item.action_title)
    if item.status is not None:
        title = title.stylize("$text-muted")
    facts: list[str] = []
    if item.status == "skipped" and item.note:
        facts.append(f"skipped: {item.note}")
    elif item.status == "done":
        if item.minutes:
            facts.append(f"{item.minutes} min")
        if item.note:
            facts.append(item.note)
    elif item.planned_minutes:
        facts.append(f"{item.planned_minutes} min")
    if item.recurring:
        facts.append(item.schedule)
        if streak:
            facts.append(f"{streak} in a row")
    parts = [
        mark,
        Content(" "),
        Content.styled(f"{when:<10}", "italic $text-muted" if item.missed else "$text-muted"),
        Content(" "),
        title,
    ]
    if item.missed:
        parts.append(Content.styled("  missed", "$text-warning"))
    if facts:
        parts.append(
            Content.styled(("  " if not item.missed else " · ") + " · ".join(facts), "$text-muted")
        )
    return Content("").join(parts)


def group_items(items: list[DueItem]) -> list[tuple[str, list[DueItem]]]:
    """(goal title, items) with goals that have missed items first; missed first in each."""
    groups: dict[int, tuple[str, list[DueItem]]] = {}
    for item in items:
        groups.setdefault(item.goal_id, (item.goal_title, []))[1].append(item)
    ordered = sorted(
        groups.values(),
        key=lambda group: not any(i.missed for i in group[1]),
    )
    return [
        (title, sorted(members, key=lambda i: (not i.missed, i.occurrence_on)))
        for title, members in ordered
    ]


class DueList(OptionList):
    """Occurrences to tick, under their goal's title. The highlighted one is `current`."""

    DEFAULT_CSS = """
    DueList { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    DueList > .option-list--option-disabled { color: $text-accent; text-style: bold; }
    """

    class Changed(Message):
        """Something was ticked, skipped or unticked from this list."""

        def __init__(self, due_list: DueList, message: str) -> None:
            super().__init__()
            self.due_list = due_list
            self.message = message

        @property
        def control(self) -> DueList:
            return self.due_list

    def __init__(self, *, empty_text: str = "", **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.items: dict[str, DueItem] = {}
        self.today: date | None = None
        self.empty_text = empty_text or "Nothing due. Add actions to your goals in Goals (F3)."

    @staticmethod
    def option_id(item: DueItem) -> str:
        return f"{item.action_id}:{item.occurrence_on.isoformat()}"

    def show_items(
        self, items: list[DueItem], today: date, streaks: dict[int, int] | None = None
    ) -> None:
        """Replace the list, keeping the highlight on the same occurrence when it is still there."""
        keep = self.current
        keep_id = self.option_id(keep) if keep else None
        keep_index = self.highlighted
        self.today = today
        self.items = {}
        options: list[Option] = []
        streak_shown: set[int] = set()
        for goal_title, members in group_items(items):
            options.append(Option(Content.styled(goal_title, "bold $text-accent"), disabled=True))
            for item in members:
                option_id = self.option_id(item)
                self.items[option_id] = item
                streak = None
                if item.occurrence_on >= today and item.action_id not in streak_shown:
                    # Once per action, on its next occurrence: the run it would extend.
                    streak = (streaks or {}).get(item.action_id)
                    streak_shown.add(item.action_id)
                options.append(Option(item_line(item, today, streak), id=option_id))
        if not options:
            options.append(
                Option(Content.styled(self.empty_text, "italic $text-muted"), disabled=True)
            )
        self.set_options(options)
        if keep_id and keep_id in self.items:
            self.highlighted = self.get_option_index(keep_id)
        elif keep_index is not None and self.items:
            index = min(keep_index, self.option_count - 1)
            while index > 0 and self.get_option_at_index(index).disabled:
                index -= 1
            self.highlighted = index if not self.get_option_at_index(index).disabled else None
            if self.highlighted is None:
                self.action_first()
        elif self.items:
            # First time: start on what is due today, the thing most often ticked.
            today_open = [
                key
                for key, item in self.items.items()
                if item.occurrence_on == today and item.status is None
            ]
            if today_open:
                self.highlighted = self.get_option_index(today_open[0])
            else:
                self.action_first()

    @property
    def current(self) -> DueItem | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.items.get(option.id or "")

    def changed(self, message: str) -> None:
        self.post_message(self.Changed(self, message))


class DueCommands:
    """Tick, tick with a note, skip and untick the highlighted occurrence of a `DueList`.

    Mixed into the Log screen and the Home panel; both provide `due_list()`.
    """

    def due_list(self) -> DueList:  # pragma: no cover - provided by the host
        raise NotImplementedError

    def _due_context(self):
        due_list = self.due_list()
        item = due_list.current
        app = due_list.app
        if item is None:
            app.notify("Pick something on the list first.", severity="warning")
        return due_list, item, app

    def _write(self, due_list: DueList, write, done: str) -> None:
        from growth_tui.store.engine import StoreError
        from growth_tui.store.log_repo import LogError

        try:
            write()
        except (LogError, StoreError) as error:
            due_list.app.notify(str(error), severity="error", markup=False)
            return
        due_list.app.notify(done, markup=False, timeout=3)
        due_list.changed(done)

    def action_toggle_due(self) -> None:
        """Space: tick what is open, untick what is logged."""
        from growth_tui.store import log_repo

        due_list, item, app = self._due_context()
        if item is None:
            return
        store, today = app.store, app.today()
        if item.status is None:
            self._write(
                due_list,
                lambda: log_repo.tick(
                    store,
                    item.action_id,
                    item.occurrence_on,
                    today=today,
                    minutes=item.planned_minutes,
                ),  # fmt: skip
                f"Done: {item.action_title}",
            )
        else:
            self._write(
                due_list,
                lambda: log_repo.untick(store, item.action_id, item.occurrence_on),
                f"Unticked: {item.action_title}",
            )

    def action_tick_with_note(self) -> None:
        """Tick with minutes spent and a note (also edits a tick already made)."""
        from growth_tui.ui.dialogs.log_forms import TickForm, TickValues

        due_list, item, app = self._due_context()
        if item is None:
            return
        today = app.today()
        planned = item.minutes if item.status == "done" else item.planned_minutes

        def save(values: TickValues | None) -> None:
            if values is None:
                return
            from growth_tui.store import log_repo

            self._write(
                due_list,
                lambda: log_repo.tick(
                    app.store,
                    item.action_id,
                    item.occurrence_on,
                    today=today,
                    minutes=values.minutes,
                    note=values.note,
                ),  # fmt: skip
                f"Done: {item.action_title}",
            )

        form = TickForm(item.action_title, day_label(item.occurrence_on, today), planned)
        app.push_screen(form, save)

    def action_skip_due(self) -> None:
        """Skip with a reason: kept in the log, does not break a streak."""
        from growth_tui.ui.dialogs.log_forms import SkipForm

        due_list, item, app = self._due_context()
        if item is None:
            return
        today = app.today()

        def save(reason: str | None) -> None:
            if reason is None:
                return
            from growth_tui.store import log_repo

            self._write(
                due_list,
                lambda: log_repo.skip(
                    app.store, item.action_id, item.occurrence_on, today=today, reason=reason
                ),
                f"Skipped: {item.action_title}",
            )

        app.push_screen(SkipForm(item.action_title, day_label(item.occurrence_on, today)), save)
