"""Log: What is due, tick it off, wins and the full log."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from growth_tui.ui.screens.base import GrowthScreen


class LogScreen(GrowthScreen):
    MODE = "log"

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("What is due, tick it off, wins and the full log.", id="log-intro")
        yield Footer()
