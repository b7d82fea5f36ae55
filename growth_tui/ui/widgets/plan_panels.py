"""Home's first panels: the north star and the active goals with their progress."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from growth_tui.ui.widgets.panel import HomePanel

if TYPE_CHECKING:
    from growth_tui.store.engine import Store
    from growth_tui.store.plan_repo import GoalProgress

TRACK_NAMES = {"career": "Career growth", "personal": "Personal growth"}


class NorthStarPanel(HomePanel):
    TITLE = "North star"

    def compose(self) -> ComposeResult:
        yield Static(id="north-star-text")

    def load(self, store: Store, plan_id: int, today: date) -> str:
        from growth_tui.store import plan_repo

        return plan_repo.get_plan(store, plan_id).north_star

    def show(self, data: str) -> None:
        text = self.query_one("#north-star-text", Static)
        if data:
            text.update(Content(data))
        else:
            text.update(
                Content.styled(
                    "No north star yet: who do you want to be? Set it in Goals (F3) "
                    "or let a reflection (F2) propose one.",
                    "italic $text-muted",
                )
            )


def progress_bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def goal_line(item: GoalProgress, today: date) -> Content:
    goal = item.goal
    parts = [Content.styled("● ", "$success" if goal.track == "career" else "$secondary")]
    parts.append(Content(goal.title or "(untitled goal)"))
    facts: list[str] = []
    if item.progress is not None:
        facts.append(f"{progress_bar(item.progress, 8)} {round(item.progress * 100)}%")
    if goal.due:
        days = (goal.due - today).days
        facts.append(f"due {goal.due.isoformat()}" + (" (past)" if days < 0 else ""))
    facts.append(f"{item.actions} actions")
    facts.append(f"{item.done_last_30_days} done in 30 days")
    parts.append(Content.styled("\n  " + " · ".join(facts), "$text-muted"))
    return Content("").join(parts)


class GoalsPanel(HomePanel):
    TITLE = "Current goals"

    def compose(self) -> ComposeResult:
        yield Static(id="goals-text")

    def load(self, store: Store, plan_id: int, today: date) -> tuple[list[GoalProgress], date]:
        from growth_tui.store import plan_repo

        return plan_repo.goal_overview(store, plan_id, today), today

    def show(self, data: tuple[list[GoalProgress], date]) -> None:
        items, today = data
        target = self.query_one("#goals-text", Static)
        if not items:
            target.update(
                Content.styled(
                    "No active goals. Press F3 for Goals and add one on either track.",
                    "italic $text-muted",
                )
            )
            return
        blocks: list[Content] = []
        for track in ("career", "personal"):
            in_track = [item for item in items if item.goal.track == track]
            if not in_track:
                blocks.append(Content.styled(f"{TRACK_NAMES[track]}: nothing active", "dim"))
                continue
            blocks.append(Content.styled(TRACK_NAMES[track], "bold"))
            blocks.extend(goal_line(item, today) for item in in_track)
        target.update(Content("\n").join(blocks))
