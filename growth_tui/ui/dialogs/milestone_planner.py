"""Backward planning: the proposed yearly / quarterly / monthly steps, tick the ones to keep."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from growth_tui.domain.goals import MilestoneProposal
from growth_tui.ui.dialogs.form import FormDialog


class MilestonePlanner(FormDialog[list[MilestoneProposal]]):
    """Shows `proposals` (all ticked); the result is the ticked ones."""

    DEFAULT_CSS = """
    MilestonePlanner SelectionList { height: auto; max-height: 14; }
    """

    def __init__(self, *, goal_title: str, due: date, proposals: list[MilestoneProposal]) -> None:
        super().__init__()
        self.TITLE_TEXT = "Plan milestones backwards"
        self.goal_title = goal_title
        self.due = due
        self.proposals = proposals

    def compose_form(self) -> ComposeResult:
        yield Static(
            Content.from_markup(
                "From the due date [b]$due[/b] back to today: broad steps far away, "
                "fine steps soon. Space ticks or unticks; Ctrl+S adds the ticked ones.",
                due=f"{self.due:%d %b %Y}",
            ),
            classes="label first",
        )
        yield SelectionList[int](
            *(
                Selection(
                    Content(f"{p.due:%d %b %Y}  {p.scale:<7}  {p.title}"),
                    index,
                    True,
                )
                for index, p in enumerate(self.proposals)
            ),
            id="steps",
        )

    def on_mount(self) -> None:
        self.query_one("#steps", SelectionList).focus()

    def collect(self) -> list[MilestoneProposal] | None:
        chosen = set(self.query_one("#steps", SelectionList).selected)
        return [p for index, p in enumerate(self.proposals) if index in chosen]
