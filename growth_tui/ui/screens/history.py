"""History: Timeline and charts of your growth."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from growth_tui.ui.screens.base import GrowthScreen


class HistoryScreen(GrowthScreen):
    MODE = "history"

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("Timeline and charts of your growth.", id="history-intro")
        yield Footer()
