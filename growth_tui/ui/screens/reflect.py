"""Reflect: Guided self-reflection: strengths, skills, values, vision."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from growth_tui.ui.screens.base import GrowthScreen


class ReflectScreen(GrowthScreen):
    MODE = "reflect"

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static(
            "Guided self-reflection: strengths, skills, values, vision.", id="reflect-intro"
        )
        yield Footer()
