"""Goals: North star, goals on two tracks, focus points and actions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from growth_tui.ui.screens.base import GrowthScreen


class GoalsScreen(GrowthScreen):
    MODE = "goals"

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("North star, goals on two tracks, focus points and actions.", id="goals-intro")
        yield Footer()
