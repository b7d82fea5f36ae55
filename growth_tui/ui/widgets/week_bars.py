"""Done against planned, week by week, for each active goal.

One line per goal: its title, then a cell per week (oldest left) — full when everything planned
was done, half when some was, an open circle when nothing was, a dot when nothing was planned —
and the totals. Skips are counted apart: a skip is a decision, not a miss.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from growth_tui.store.log_repo import GoalWeeks, WeekCount


def week_cell(week: WeekCount) -> tuple[str, str]:
    if week.planned == 0:
        return ("●" if week.done else "·", "$text-success" if week.done else "$text-muted")
    if week.done >= week.planned:
        return ("●", "$text-success")
    if week.done:
        return ("◐", "$text-success")
    if week.skipped:
        return ("↷", "$text-muted")
    return ("○", "$text-muted")


def goal_weeks_line(goal: GoalWeeks, title_width: int) -> Content:
    title = goal.goal_title
    if len(title) > title_width:
        title = title[: title_width - 1] + "…"
    done = sum(w.done for w in goal.weeks)
    planned = sum(w.planned for w in goal.weeks)
    skipped = sum(w.skipped for w in goal.weeks)
    cells = [Content.styled(*week_cell(week)) for week in goal.weeks]
    totals = f" {done}/{planned}"
    if skipped:
        totals += f" ↷{skipped}"
    return Content("").join(
        [Content(f"{title:<{title_width}} "), *cells, Content.styled(totals, "$text-muted")]
    )


class WeekBars(Static):
    """Per-goal done vs planned for the last weeks."""

    DEFAULT_CSS = """
    WeekBars { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show_weeks(self, goals: list[GoalWeeks]) -> None:
        self._goals = goals
        self._draw()

    def on_resize(self) -> None:
        if getattr(self, "_goals", None) is not None:
            self._draw()

    def _draw(self) -> None:
        goals = self._goals
        if not goals:
            self.update(Content.styled("No active goals yet.", "italic $text-muted"))
            return
        weeks = len(goals[0].weeks)
        title_width = max(12, min(40, self.size.width - weeks - 14))
        first = goals[0].weeks[0].week
        header = Content.styled(
            f"{'Week of ' + f'{first:%d %b}':<{title_width}} "
            + "".join("|" if n % 4 == 0 else " " for n in range(weeks))
            + "  (oldest → this week)",
            "$text-muted",
        )
        legend = Content.styled(
            "● all done  ◐ some  ○ none  ↷ skipped  · none planned  (done/planned)", "$text-muted"
        )
        lines = [header, *[goal_weeks_line(goal, title_width) for goal in goals], legend]
        self.update(Content("\n").join(lines))
