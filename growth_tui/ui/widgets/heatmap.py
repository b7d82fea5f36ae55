"""A calendar heatmap of the last year, like a contribution graph.

Columns are weeks (oldest on the left, this week on the right), rows are Monday to Sunday.
A cell's shade is how many actions were done that day; the shades are the theme's success
colour, darkest to brightest, so the map follows the theme. With room, cells are two columns
wide; at 80 columns they are one.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from growth_tui.domain.streaks import week_start

LEVELS = 5  # 0 = nothing, 1..4 = more and more
ROW_NAMES = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def level(count: int, top: int) -> int:
    """Shade for a day's count: 0 for none, else 1..4 relative to the busiest day."""
    if count <= 0:
        return 0
    if top <= 4:
        return min(count, 4)
    return min(4, 1 + (count - 1) * 4 // top)


class ActivityHeatmap(Widget):
    """Done-per-day counts for the last `weeks` weeks, up to `today`."""

    DEFAULT_CSS = """
    ActivityHeatmap { height: 10; width: 1fr; }
    ActivityHeatmap > .heatmap--l0 { color: $foreground 15%; }
    ActivityHeatmap > .heatmap--l1 { color: $success-darken-3; }
    ActivityHeatmap > .heatmap--l2 { color: $success-darken-1; }
    ActivityHeatmap > .heatmap--l3 { color: $success; }
    ActivityHeatmap > .heatmap--l4 { color: $success-lighten-2; }
    ActivityHeatmap > .heatmap--label { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "heatmap--l0",
        "heatmap--l1",
        "heatmap--l2",
        "heatmap--l3",
        "heatmap--l4",
        "heatmap--label",
    }

    counts: reactive[dict[date, int]] = reactive(dict, always_update=True)

    def __init__(self, *, weeks: int = 53, **kwargs) -> None:
        super().__init__(**kwargs)
        self.weeks = weeks
        self.today: date | None = None

    def show_counts(self, counts: dict[date, int], today: date) -> None:
        self.today = today
        self.counts = counts

    def render(self) -> Content:
        if self.today is None:
            return Content("")
        label_width = 4
        available = max(10, self.size.width - label_width)
        cell = 2 if available >= 2 * self.weeks else 1
        weeks = min(self.weeks, available // cell)
        last_monday = week_start(self.today)
        first_monday = last_monday - timedelta(weeks=weeks - 1)
        top = max(self.counts.values(), default=0)
        styles = [self.get_visual_style(f"heatmap--l{n}") for n in range(LEVELS)]
        label_style = self.get_visual_style("heatmap--label")
        lines: list[Content] = [self._month_row(first_monday, weeks, cell, label_width)]
        for row in range(7):
            parts = [Content.styled(f"{ROW_NAMES[row]:<{label_width}}", label_style)]
            for column in range(weeks):
                day = first_monday + timedelta(weeks=column, days=row)
                if day > self.today:
                    parts.append(Content(" " * cell))
                    continue
                shade = level(self.counts.get(day, 0), top)
                glyph = ("■" if cell == 1 else "■ ") if shade else ("·" if cell == 1 else "· ")
                drawn = Content.styled(glyph, styles[shade])
                if day == self.today:
                    drawn = drawn.stylize("underline", 0, 1)
                parts.append(drawn)
            lines.append(Content("").join(parts))
        lines.append(self._legend(styles, label_style, label_width))
        return Content("\n").join(lines)

    def _month_row(self, first_monday: date, weeks: int, cell: int, label_width: int) -> Content:
        width = label_width + weeks * cell
        row = [" "] * width
        previous_month = None
        for column in range(weeks):
            monday = first_monday + timedelta(weeks=column)
            # Label a column when a new month starts in that week.
            sunday = monday + timedelta(days=6)
            month = sunday.month if sunday.day <= 7 else monday.month
            if month != previous_month and (column > 0 or monday.day <= 7):
                name = date(2000, month, 1).strftime("%b")
                start = label_width + column * cell
                if start + len(name) <= width and all(c == " " for c in row[start - 1 : start]):
                    row[start : start + len(name)] = name
            previous_month = month
        return Content.styled("".join(row).rstrip(), self.get_visual_style("heatmap--label"))

    def _legend(self, styles, label_style, label_width: int) -> Content:
        total = sum(self.counts.values())
        active = sum(1 for count in self.counts.values() if count)
        parts = [
            Content.styled(" " * label_width + "less ", label_style),
            *[Content.styled("■" if n else "·", styles[n]) for n in range(LEVELS)],
            Content.styled(" more", label_style),
            Content.styled(f"   {total} done on {active} days", label_style),
        ]
        return Content("").join(parts)
