"""Home's coach panel: the three most important findings, a key to open each, and dismissal.

The findings are the same list `growth check` prints (`coach_repo.plan_findings`), cut to the
top three. Enter (or 1, 2, 3) opens what a finding is about: a goal or action opens Goals with
that goal selected, a plan finding opens the screen where it is fixed (Log, Review, Reflect…).
`d` dismisses the highlighted finding: "I know, and that's fine" (for good when it is about a
goal or action; for a month when it is about the whole plan, see `coach_repo`); `u` undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from growth_tui.ui.widgets.panel import HomePanel

if TYPE_CHECKING:
    from growth_tui.domain.coach import Finding
    from growth_tui.store.engine import Store

SHOWN = 3

#: Where a finding about the whole plan is fixed.
PLAN_RULE_SCREENS: dict[str, str] = {
    "over-budget": "goals",
    "under-executing": "log",
    "no-accountability": "goals",
    "checkin-overdue": "review",
    "no-recent-wins": "log",
    "stale-review": "review",
    "single-track": "goals",
    "no-reflection": "reflect",
}


def target_screen(finding: Finding) -> str:
    """The screen that shows what `finding` is about."""
    if finding.subject_kind in ("goal", "action"):
        return "goals"
    return PLAN_RULE_SCREENS.get(finding.rule_id, "goals")


@dataclass(frozen=True)
class CoachData:
    findings: list[Finding]

    @property
    def top(self) -> list[Finding]:
        return self.findings[:SHOWN]


def finding_content(number: int, finding: Finding) -> Content:
    """One finding as a list entry; the subject is user text and stays literal."""
    warn = finding.severity == "warn"
    head = Content.assemble(
        Content.styled(f"{number} ", "bold"),
        Content.styled("! " if warn else "\u00b7 ", "bold $warning" if warn else "dim"),
        Content(finding.message),
    )
    if finding.subject_kind == "plan":
        return head
    about = Content.assemble(
        # No-break spaces: an option's wrapped lines lose ordinary leading spaces.
        Content.styled(f"\u00a0\u00a0 {finding.subject_kind}: ", "dim"),
        Content(f"\u201c{finding.subject}\u201d"),
    )
    return Content("\n").join([head, about])


def hint_content(finding: Finding) -> Content:
    return Content.assemble(Content.styled("Try: ", "bold $text-accent"), Content(finding.hint))


class FindingList(OptionList):
    """The top findings; keys work while the list has focus (Tab to it on Home)."""

    BINDINGS = [
        Binding("enter", "select", "Open finding", tooltip="Open what the finding is about"),
        Binding("1", "open(0)", "Open coach finding 1", show=False),
        Binding("2", "open(1)", "Open coach finding 2", show=False),
        Binding("3", "open(2)", "Open coach finding 3", show=False),
        Binding("d", "dismiss_finding", "Dismiss finding", tooltip="I know, and that's fine"),
        Binding("u", "undo_dismiss", "Undo dismiss", show=False),
    ]
    DEFAULT_CSS = """
    FindingList {
        border: none;
        padding: 0;
        background: transparent;
    }
    FindingList:focus { border: none; background-tint: $foreground 0%; }
    FindingList > .option-list--option { padding: 0 0 0 0; }
    """

    def action_open(self, index: int) -> None:
        panel = self._panel()
        if panel is not None and index < self.option_count:
            self.highlighted = index
            panel.open_finding(index)

    def action_dismiss_finding(self) -> None:
        panel = self._panel()
        if panel is not None and self.highlighted is not None:
            panel.dismiss_finding(self.highlighted)

    def action_undo_dismiss(self) -> None:
        panel = self._panel()
        if panel is not None:
            panel.undo_dismiss()

    def _panel(self) -> CoachPanel | None:
        for ancestor in self.ancestors:
            if isinstance(ancestor, CoachPanel):
                return ancestor
        return None


class CoachPanel(HomePanel):
    TITLE = "Coach"

    DEFAULT_CSS = """
    CoachPanel #coach-empty { color: $text-muted; }
    CoachPanel #coach-more { color: $text-muted; }
    CoachPanel #coach-hint { margin-top: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] = []
        self.last_dismissed: Finding | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Reading your plan\u2026"), id="coach-empty")
        yield FindingList(id="coach-findings")
        yield Static(id="coach-hint")
        yield Static(id="coach-more")

    def load(self, store: Store, plan_id: int, today: date) -> CoachData:
        from growth_tui.store.coach_repo import plan_findings

        return CoachData(plan_findings(store, plan_id, today))

    def show(self, data: CoachData | None) -> None:
        if data is None:
            return
        self.findings = data.top
        findings_list = self.query_one(FindingList)
        empty = self.query_one("#coach-empty", Static)
        more = self.query_one("#coach-more", Static)
        highlighted = findings_list.highlighted
        findings_list.set_options(
            Option(finding_content(n, f), id=f"finding-{n}")
            for n, f in enumerate(self.findings, start=1)
        )
        if self.findings:
            findings_list.highlighted = min(highlighted or 0, len(self.findings) - 1)
        findings_list.display = bool(self.findings)
        self._show_hint(findings_list.highlighted if self.findings else None)
        empty.display = not self.findings
        empty.update(Content("Nothing to point out: the plan reads well."))
        extra = len(data.findings) - len(self.findings)
        more.display = extra > 0
        more.update(Content(f"{extra} more: `growth check` in a shell lists them all."))
        self.border_title = f"Coach · {len(data.findings)}" if data.findings else "Coach"
        self.border_subtitle = "enter open · d dismiss" if self.findings else ""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_hint(event.option_index)

    def _show_hint(self, index: int | None) -> None:
        hint = self.query_one("#coach-hint", Static)
        if index is None or not 0 <= index < len(self.findings):
            hint.display = False
            return
        hint.display = True
        hint.update(hint_content(self.findings[index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_finding(event.option_index)

    def open_finding(self, index: int) -> None:
        if not 0 <= index < len(self.findings):
            return
        finding = self.findings[index]
        app = self.app
        screen_name = target_screen(finding)
        go = getattr(app, "go", None)
        if go is None:
            return
        go(screen_name)
        if screen_name == "goals" and finding.goal_id is not None:
            # Wait a frame so the mode switch has happened, then ask Goals to select the thing.
            app.call_after_refresh(self._select_on_goals, finding)

    def _select_on_goals(self, finding: Finding) -> None:
        """Select the action (if Goals can) or its goal: `select_action(id)` / `select_goal(id)`.

        The Goals screen owns its tree; these two methods are the whole contract, and a Goals
        screen without them is simply shown as it is.
        """
        screen = self.app.screen
        select_action = getattr(screen, "select_action", None)
        if finding.subject_kind == "action" and finding.subject_id and callable(select_action):
            select_action(finding.subject_id)
            return
        select_goal = getattr(screen, "select_goal", None)
        if callable(select_goal) and finding.goal_id is not None:
            select_goal(finding.goal_id)

    def dismiss_finding(self, index: int) -> None:
        if not 0 <= index < len(self.findings):
            return
        from growth_tui.store.coach_repo import PLAN_SNOOZE_DAYS, dismiss

        store = getattr(self.app, "store", None)
        if store is None:
            return
        finding = self.findings[index]
        try:
            dismiss(store, finding, today=self.app.today())
        except Exception as error:  # noqa: BLE001 - shown, never raised
            self.app.notify(f"Could not dismiss: {error}", severity="error", markup=False)
            return
        if finding.subject_kind == "plan":
            outcome = f"hidden for {PLAN_SNOOZE_DAYS} days"
        else:
            outcome = "it will not come back"
        self.last_dismissed = finding
        self.app.notify(
            f"Dismissed {finding.rule_id}: {outcome}. Press u to undo.",
            title="I know, and that's fine",
            markup=False,
        )
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def undo_dismiss(self) -> None:
        """Bring back the finding dismissed last on this panel."""
        finding, store = self.last_dismissed, getattr(self.app, "store", None)
        if finding is None or store is None:
            self.app.notify("Nothing to undo.", markup=False)
            return
        from growth_tui.store.coach_repo import undismiss

        try:
            undismiss(store, finding)
        except Exception as error:  # noqa: BLE001 - shown, never raised
            self.app.notify(f"Could not undo: {error}", severity="error", markup=False)
            return
        self.last_dismissed = None
        self.app.notify(f"{finding.rule_id} is back.", markup=False)
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()
