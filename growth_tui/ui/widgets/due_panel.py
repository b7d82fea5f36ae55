"""Home's "Due" panel: today's and this week's actions (Space ticks, as on the Log screen),
the weekly streak and the latest wins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from growth_tui.ui.widgets.due_list import DueCommands, DueList
from growth_tui.ui.widgets.panel import HomePanel

if TYPE_CHECKING:
    from growth_tui.store.engine import Store
    from growth_tui.store.log_repo import DueItem, StreakSummary, WinRecord

LATEST_WINS = 3


@dataclass(frozen=True)
class DuePanelData:
    today: date
    items: list[DueItem]
    missed: int
    summary: StreakSummary
    wins: list[WinRecord]


class DuePanel(DueCommands, HomePanel):
    TITLE = "Due this week"
    BINDINGS = [
        Binding("space", "toggle_due", "Tick/untick"),
        Binding("m", "tick_with_note", "Minutes+note"),
    ]
    DEFAULT_CSS = """
    DuePanel DueList, DuePanel DueList:focus {
        height: auto; max-height: 7; border: none; padding: 0; background: transparent;
    }
    DuePanel #due-missed, DuePanel #due-streak { color: $text-muted; }
    DuePanel #due-wins { margin-top: 1; }
    DuePanel Static { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="due-streak")
        yield DueList(
            id="due-home-list", empty_text="Nothing due this week. Enjoy it, or plan in Goals."
        )
        yield Static("", id="due-missed")
        yield Static("", id="due-wins")

    def due_list(self) -> DueList:
        return self.query_one("#due-home-list", DueList)

    def load(self, store: Store, plan_id: int, today: date) -> DuePanelData:
        from growth_tui.store import log_repo

        items = log_repo.due_items(store, plan_id, today, days=7)
        return DuePanelData(
            today=today,
            items=[item for item in items if not item.missed],
            missed=sum(1 for item in items if item.missed),
            summary=log_repo.streak_summary(store, plan_id, today, with_actions=False),
            wins=log_repo.wins(store, plan_id, limit=LATEST_WINS),
        )

    def show(self, data: DuePanelData | None) -> None:
        if data is None:
            return
        from growth_tui.ui.screens.log import streak_text

        self.query_one("#due-streak", Static).update(streak_text(data.summary))
        self.due_list().show_items(data.items, data.today)
        missed = self.query_one("#due-missed", Static)
        missed.display = bool(data.missed)
        missed.update(
            f"{data.missed} earlier one{'s' if data.missed != 1 else ''} not logged yet: "
            "see Log (F4)"
        )
        wins = self.query_one("#due-wins", Static)
        if data.wins:
            lines = [Content.styled("Latest wins", "bold $text-accent")]
            for win in data.wins:
                lines.append(
                    Content.assemble(
                        (f"{win.happened_on:%d %b} ", "$text-muted"), ("★ ", "$text-success")
                    )
                    + Content(win.title)
                )
            wins.update(Content("\n").join(lines))
        else:
            wins.update(
                Content.styled(
                    "No wins recorded yet. Press w on the Log screen when something goes well.",
                    "italic $text-muted",
                )
            )

    @on(DueList.Changed)
    def _changed(self, event: DueList.Changed) -> None:
        event.stop()
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()
