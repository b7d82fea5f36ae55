"""A Home panel: a bordered box that loads its own slice of the plan.

Home runs every panel's `load()` in one thread worker and hands each result to its `show()` on
the UI thread. A panel that adds itself to Home only needs these two methods and a title.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual.containers import Vertical

if TYPE_CHECKING:
    from growth_tui.store.engine import Store


class HomePanel(Vertical):
    """Override `load` (thread, no widgets) and `show` (UI thread)."""

    DEFAULT_CSS = """
    HomePanel {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-accent;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    HomePanel:focus-within {
        border: round $primary;
    }
    """

    TITLE = ""

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    def load(self, store: Store, plan_id: int, today: date) -> Any:
        return None

    def show(self, data: Any) -> None:
        pass
