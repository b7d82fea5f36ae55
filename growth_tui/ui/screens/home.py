"""Home: the plan at a glance, or, on an empty database, a welcome into the first reflection."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.checkin_panel import CheckinPanel
from growth_tui.ui.widgets.coach_panel import CoachPanel
from growth_tui.ui.widgets.due_panel import DuePanel
from growth_tui.ui.widgets.footer import GrowthFooter
from growth_tui.ui.widgets.panel import HomePanel
from growth_tui.ui.widgets.plan_panels import GoalsPanel, NorthStarPanel

WELCOME = (
    "growth helps you plan your own growth, privately, on this computer.\n"
    "You start by reflecting on where you are, then turn what you find into a few goals "
    "with small, scheduled steps.\n"
    "Come back to tick them off, check in every week or two, and watch the years add up."
)


class Welcome(Vertical):
    DEFAULT_CSS = """
    Welcome {
        height: auto;
        border: round $accent;
        padding: 1 2;
        margin: 1 2;
    }
    Welcome #welcome-title { text-style: bold; color: $text-accent; margin-bottom: 1; }
    Welcome Button { margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Welcome to growth", id="welcome-title")
        yield Static(WELCOME, id="welcome-text")
        yield Button("Start my first reflection", id="start-reflection", variant="primary")


class HomeScreen(GrowthScreen):
    MODE = "home"
    BINDINGS = [
        Binding("s", "start_reflection", "Reflect now", show=False),
    ]
    DEFAULT_CSS = """
    HomeScreen #home-panels {
        padding: 0 1;
    }
    HomeScreen .home-column {
        height: auto;
    }
    HomeScreen.-wide #home-columns {
        layout: horizontal;
        height: auto;
    }
    HomeScreen.-wide .home-column {
        width: 1fr;
    }
    HomeScreen.-wide #home-today {
        margin-right: 1;
    }
    HomeScreen #home-columns {
        height: auto;
    }
    HomeScreen #welcome { display: none; }
    HomeScreen.-empty #welcome { display: block; }
    HomeScreen.-empty #home-panels { display: none; }
    HomeScreen #loading { color: $text-muted; padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("Opening your plan…", id="loading")
        yield Welcome(id="welcome")
        with VerticalScroll(id="home-panels"), Vertical(id="home-columns"):
            # Today's things first (they stack first at 80 columns), the plan beside them.
            with Vertical(id="home-today", classes="home-column"):
                yield NorthStarPanel(id="panel-north-star")
                yield CheckinPanel(id="panel-checkin")
                yield DuePanel(id="panel-due")
            with Vertical(id="home-plan", classes="home-column"):
                yield GoalsPanel(id="panel-goals")
                yield CoachPanel(id="panel-coach")
        yield GrowthFooter()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")

    def panels(self) -> list[HomePanel]:
        return list(self.query(HomePanel))

    def load_data(self) -> dict[str, Any]:
        from growth_tui.store import plan_repo

        app = self.growth_app
        store, plan_id, today = app.store, app.plan_id, app.today()
        data: dict[str, Any] = {"empty": plan_repo.is_empty(store, plan_id)}
        for panel in self.panels():
            data[panel.id or ""] = panel.load(store, plan_id, today)
        return data

    def show_data(self, data: dict[str, Any]) -> None:
        self.query_one("#loading").display = False
        self.set_class(data["empty"], "-empty")
        for panel in self.panels():
            panel.show(data.get(panel.id or ""))
        if data["empty"]:
            self.query_one("#start-reflection", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start-reflection":
            self.action_start_reflection()

    def action_start_reflection(self) -> None:
        self.growth_app.go("reflect")
