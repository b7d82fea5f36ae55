"""Home's check-in panel: when the next check-in or review is, and a button to start it.

Overdue is loud (a warning border) but friendly: the words invite a short check-in rather
than scold. The button switches to Review and starts (or resumes) the check-in that is due.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from growth_tui.domain import review as rv
from growth_tui.ui.widgets.panel import HomePanel

if TYPE_CHECKING:
    from growth_tui.store.engine import Store


class CheckinPanel(HomePanel):
    TITLE = "Next check-in"
    DEFAULT_CSS = """
    CheckinPanel.-overdue { border: thick $warning; }
    CheckinPanel.-overdue #checkin-text { color: $text-warning; text-style: bold; }
    CheckinPanel.-today { border: round $accent; }
    CheckinPanel Button { margin-top: 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="checkin-text")
        yield Button("Start the check-in", id="start-checkin", compact=True)

    def load(self, store: Store, plan_id: int, today: date) -> dict[str, Any]:
        from growth_tui.store import review_repo

        return {
            "due": review_repo.get_schedule(store, plan_id).next_review(today),
            "open": review_repo.open_checkin(store, plan_id),
        }

    def show(self, data: dict[str, Any] | None) -> None:
        if data is None:
            return
        due, open_ = data["due"], data["open"]
        text = rv.describe_due(due)
        if open_ is not None:
            text += f"\nYou have a {rv.kind_label(open_.kind)} in progress."
        self.query_one("#checkin-text", Static).update(Content(text))
        self.set_class(due.overdue, "-overdue")
        self.set_class(due.due_today, "-today")
        button = self.query_one("#start-checkin", Button)
        if open_ is not None:
            button.label = f"Resume the {rv.kind_label(open_.kind)} (F5, n)"
        elif due.on is None:
            button.label = "Pick a date in Review"
        else:
            when = " now" if due.days_late >= 0 else " early"
            button.label = f"Start the {due.label}{when} (F5, n)"
        button.refresh(layout=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "start-checkin":
            return
        event.stop()
        app = self.app
        # Review reads this when it shows its data next, and starts the due check-in.
        app.review_start_request = "due"
        app.go("review")  # type: ignore[attr-defined]
