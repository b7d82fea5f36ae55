"""Review: Check-ins and quarterly and annual reviews."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from growth_tui.ui.screens.base import GrowthScreen


class ReviewScreen(GrowthScreen):
    MODE = "review"

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("Check-ins and quarterly and annual reviews.", id="review-intro")
        yield Footer()
