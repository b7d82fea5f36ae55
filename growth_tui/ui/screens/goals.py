"""Goals: the north star, goals on two tracks with their focus points, actions and milestones,
skills with their gaps, and the people who help.

The left pane is the plan as a tree (Career growth, Personal growth, closed goals, skills,
supporters); the right pane shows the selected item in full. Every change goes through a
dialog and a repository function, then the tree reloads and the cursor comes back to what was
changed. Deleting asks first and can be undone right after with Ctrl+Z or the toast's link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from growth_tui.domain.dates import describe_date
from growth_tui.domain.goals import GoalFields, check_letters, focus_point_advice, plan_milestones
from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.footer import GrowthFooter

TRACK_TITLES = {"career": "Career growth", "personal": "Personal growth"}
TRACK_ABOUT = {
    "career": "Roles, recognition, promotions: specific, shorter term, and others must see it.",
    "personal": "Skills and habits you build: long term, and it never goes backwards.",
}
STATUS_MARKS = {
    "active": ("●", "$success"),
    "paused": ("‖", "$warning"),
    "achieved": ("✓", "$success"),
    "pivoted": ("↪", "$accent"),
    "dropped": ("✗", "$error"),
}
UNTITLED = "(untitled)"
TOAST_LENGTH = 80


@dataclass(frozen=True)
class NodeRef:
    """What a tree line stands for: ("goal", 3), ("track", "career"), ("skills", None)…"""

    kind: str
    key: Any = None


def _short(text: str, length: int = TOAST_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


#: theme colours for tree labels (rich Text cannot read $variables); set from the live theme
_THEME: dict[str, str] = {}


def _rich_style(style: str) -> str:
    """Replace `$success`-style theme variables with the theme's colours."""
    return re.sub(r"\$([\w-]+)", lambda m: _THEME.get(m.group(1), "default"), style)


def _label(*parts: tuple[str, str] | str) -> Text:
    """A tree label from (text, style) pieces; user text goes in as plain text, never markup."""
    label = Text(no_wrap=True, overflow="ellipsis")
    for part in parts:
        if isinstance(part, tuple):
            label.append(part[0], style=_rich_style(part[1]))
        else:
            label.append(part)
    return label


class GoalsCommands(Provider):
    """The Goals screen's own commands in the command palette (Ctrl+P)."""

    ENTRIES = (
        ("Goals: new goal", "new_goal", "Write a SMART goal on the selected track (n)"),
        ("Goals: edit the north star", "north_star", "With every earlier version (N)"),
        ("Goals: plan milestones", "milestones", "Backwards from the goal's due date (m)"),
        ("Goals: change status", "status", "Achieved, pivoted, paused or dropped (s)"),
        ("Goals: new skill", "new_skill", "Where you are and where you want to be (k)"),
        ("Goals: new supporter", "new_supporter", "Mentor, coach, peer, manager… (p)"),
        ("Goals: undo delete", "undo", "Bring back what was just deleted (Ctrl+Z)"),
    )

    def _run(self, action: str) -> Any:
        screen = self.screen
        return lambda: screen.run_action(action)

    async def discover(self) -> Hits:
        for name, action, help_text in self.ENTRIES:
            yield DiscoveryHit(name, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self.ENTRIES:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(action), help=help_text)


class PlanTree(Tree[NodeRef]):
    """The plan as a tree; Home / End jump to the first / last line."""

    BINDINGS = [
        Binding("home", "first_line", "First line", show=False),
        Binding("end", "last_line", "Last line", show=False),
    ]

    def action_first_line(self) -> None:
        self.cursor_line = 0
        self.scroll_to_line(0, animate=False)

    def action_last_line(self) -> None:
        self.cursor_line = self.last_line
        self.scroll_to_line(self.last_line, animate=False)


class GoalsScreen(GrowthScreen):
    MODE = "goals"
    COMMANDS = {GoalsCommands}
    BINDINGS = [
        Binding("n", "new_goal", "New goal", id="goals.new"),
        Binding("e", "edit", "Edit", id="goals.edit"),
        Binding("x,delete", "delete", "Delete", id="goals.delete"),
        Binding("a", "add_action", "Add action", id="goals.action"),
        Binding("f", "add_focus_point", "Add focus point", id="goals.focus"),
        Binding("s", "status", "Change status", id="goals.status"),
        Binding("m", "milestones", "Plan milestones", id="goals.milestones"),
        Binding("ctrl+z", "undo", "Undo delete", id="goals.undo"),
        Binding("N", "north_star", "North star & history", id="goals.north_star"),
        Binding("k", "new_skill", "New skill", id="goals.skill"),
        Binding("p", "new_supporter", "New supporter", id="goals.supporter"),
    ]
    DEFAULT_CSS = """
    GoalsScreen #north-star {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $boost;
    }
    GoalsScreen #goals-body { height: 1fr; }
    GoalsScreen #plan-tree {
        width: 1fr;
        min-width: 30;
        border: round $primary 50%;
        padding: 0;
    }
    GoalsScreen #plan-tree:focus { border: round $primary; }
    GoalsScreen #plan-tree { overflow-x: hidden; }
    GoalsScreen #detail-pane {
        width: 1fr;
        border: round $secondary 50%;
        padding: 0 1;
    }
    GoalsScreen #detail { height: auto; }
    GoalsScreen.-wide #plan-tree { width: 2fr; }
    GoalsScreen.-wide #detail-pane { width: 3fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.outline: Any = None
        self.undo_token: Any = None
        self._select_after: NodeRef | None = None
        self._collapsed: set[NodeRef] | None = None

    # -- building and loading ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        yield Static("", id="north-star")
        with Horizontal(id="goals-body"):
            tree = PlanTree("Plan", id="plan-tree")
            tree.show_root = False
            tree.auto_expand = False
            tree.guide_depth = 2
            tree.border_title = "Plan"
            yield tree
            with VerticalScroll(id="detail-pane") as pane:
                pane.border_title = "Details"
                yield Static("", id="detail")
        yield GrowthFooter()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")

    def on_mount(self) -> None:
        # The tree's labels carry the theme's colours: redraw them when the theme changes.
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self.outline is not None:
            self._fill_tree()

    @property
    def today(self) -> date:
        return self.growth_app.today()

    @property
    def store(self) -> Any:
        return self.growth_app.store

    @property
    def plan_id(self) -> int:
        return self.growth_app.plan_id

    def load_data(self) -> Any:
        from growth_tui.store import goals_repo

        return goals_repo.plan_outline(self.store, self.plan_id)

    def show_data(self, data: Any) -> None:
        self.outline = data
        north_star = self.query_one("#north-star", Static)
        if data.north_star:
            north_star.update(Content.assemble(("★ ", "bold $accent"), Content(data.north_star)))
        else:
            north_star.update(
                Content.styled(
                    "★ No north star yet: who do you want to be? Press N to write it.",
                    "italic $text-muted",
                )
            )
        self._fill_tree()
        self._show_detail()
        if self.focused is None:
            self.query_one("#plan-tree", Tree).focus()

    def _fill_tree(self) -> None:
        tree: Tree[NodeRef] = self.query_one("#plan-tree", Tree)
        _THEME.clear()
        _THEME.update(self.app.get_css_variables())
        keep = self._select_after or self._cursor_ref()
        if self._collapsed is None:
            self._collapsed = {NodeRef("closed"), NodeRef("skills"), NodeRef("supporters")}
        else:
            self._collapsed = {
                node.data
                for node in self._walk(tree.root)
                if node.data and node.allow_expand and not node.is_expanded
            }
        tree.clear()
        outline = self.outline
        for track, title in TRACK_TITLES.items():
            views = outline.by_track(track)
            node = tree.root.add(
                _label((title, "bold"), (f"  {len(views)}", "dim")), data=NodeRef("track", track)
            )
            for view in views:
                self._add_goal(node, view)
            if not views:
                node.add_leaf(
                    _label(("(no goals yet: press n)", "dim italic")), data=NodeRef("track", track)
                )
        closed = [v for v in outline.goals if v.goal.status not in ("active", "paused")]
        node = tree.root.add(
            _label(("Closed goals", "bold"), (f"  {len(closed)}", "dim")), data=NodeRef("closed")
        )
        for view in closed:
            self._add_goal(node, view)
        skills = tree.root.add(
            _label(("Skills & gaps", "bold"), (f"  {len(outline.skills)}", "dim")),
            data=NodeRef("skills"),
        )
        for gap in outline.gaps:
            levels = f"{'?' if gap.current is None else gap.current}→{'?' if gap.target is None else gap.target}"
            style = "$warning" if gap.gap and gap.gap > 0 else "dim"
            skills.add_leaf(
                _label((f"{levels} ", style), gap.name), data=NodeRef("skill", gap.skill_id)
            )
        people = tree.root.add(
            _label(("Supporters", "bold"), (f"  {len(outline.supporters)}", "dim")),
            data=NodeRef("supporters"),
        )
        for person in outline.supporters:
            people.add_leaf(
                _label(person.name, (f"  {person.role}", "dim")),
                data=NodeRef("supporter", person.id),
            )
        for node in self._walk(tree.root):
            if node.data not in self._collapsed and node.allow_expand:
                node.expand()
        self._select_after = None
        self.call_after_refresh(self._move_cursor, keep)

    def _add_goal(self, parent: TreeNode[NodeRef], view: Any) -> None:
        goal = view.goal
        mark, style = STATUS_MARKS.get(goal.status, ("●", ""))
        due = f"  {goal.due:%d %b %Y}" if goal.due else ""
        node = parent.add(
            _label((f"{mark} ", style), goal.title or UNTITLED, (due, "dim")),
            data=NodeRef("goal", goal.id),
        )
        if view.milestones:
            group = node.add(
                _label(("Milestones", "italic"), (f"  {len(view.milestones)}", "dim")),
                data=NodeRef("milestones", goal.id),
            )
            for milestone in view.milestones:
                done = milestone.status == "achieved"
                when = f"{milestone.due:%d %b %Y} " if milestone.due else ""
                group.add_leaf(
                    _label(
                        ("◆ " if done else "◇ ", "$accent"),
                        (when, "dim"),
                        milestone.title or UNTITLED,
                    ),
                    data=NodeRef("milestone", milestone.id),
                )
        for point_view in view.focus_points:
            point = point_view.focus_point
            point_node = node.add(
                _label(("▸ ", "$secondary"), point.title or UNTITLED),
                data=NodeRef("focus", point.id),
            )
            for action in point_view.actions:
                self._add_action(point_node, action)
            if not point_view.actions:
                point_node.allow_expand = False
        for action in view.loose_actions:
            self._add_action(node, action)

    def _add_action(self, parent: TreeNode[NodeRef], action: Any) -> None:
        if action.kind == "recurring":
            parent.add_leaf(
                _label(
                    ("↻ ", "$primary"),
                    action.title or UNTITLED,
                    (f"  {self._schedule(action)}", "dim"),
                ),
                data=NodeRef("action", action.id),
            )
        else:
            when = f"  by {action.due:%d %b}" if action.due else ""
            mark = "☑ " if action.status == "done" else "☐ "
            parent.add_leaf(
                _label((mark, "$primary"), action.title or UNTITLED, (when, "dim")),
                data=NodeRef("action", action.id),
            )

    @staticmethod
    def _schedule(action: Any) -> str:
        try:
            from growth_tui.domain.recurrence import describe

            words = describe(action.rrule)
        except Exception:  # noqa: BLE001 - a label must never break the tree
            words = action.rrule
        if action.planned_minutes:
            words += f", {action.planned_minutes} min"
        return words

    @staticmethod
    def _walk(node: TreeNode[NodeRef]) -> list[TreeNode[NodeRef]]:
        found = []
        stack = list(node.children)
        while stack:
            current = stack.pop(0)
            found.append(current)
            stack[0:0] = list(current.children)
        return found

    def _cursor_ref(self) -> NodeRef | None:
        tree = self.query_one("#plan-tree", Tree)
        node = tree.cursor_node
        return node.data if node is not None else None

    def _move_cursor(self, ref: NodeRef | None) -> None:
        tree: Tree[NodeRef] = self.query_one("#plan-tree", Tree)
        if ref is None:
            tree.move_cursor(tree.root.children[0] if tree.root.children else None)
            return
        for node in self._walk(tree.root):
            if node.data == ref:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                # Tree numbers its lines lazily, on the next render; reading the line index
                # builds it now, so the cursor lands on this node and not on a stale line.
                tree._tree_lines  # noqa: B018 - see above
                tree.move_cursor(node, animate=False)
                return

    # -- the detail pane ---------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show_detail(event.node.data)

    def _show_detail(self, ref: NodeRef | None = None) -> None:
        if self.outline is None:
            return
        ref = ref or self._cursor_ref()
        detail = self.query_one("#detail", Static)
        detail.update(self._detail_for(ref))

    def _detail_for(self, ref: NodeRef | None) -> Content:
        outline = self.outline
        if ref is None:
            return Content("Press n to write your first goal.")
        if ref.kind == "track":
            views = outline.by_track(ref.key)
            other = "personal" if ref.key == "career" else "career"
            lines = [
                Content.styled(TRACK_TITLES[ref.key], "bold"),
                Content(TRACK_ABOUT[ref.key]),
                Content(""),
                Content(
                    f"{len(views)} open goal(s) here, {len(outline.by_track(other))} on "
                    f"{TRACK_TITLES[other].lower()}."
                ),
                Content.styled("n adds a goal on this track.", "$text-muted"),
            ]
            return Content("\n").join(lines)
        if ref.kind in ("goal", "milestones"):
            view = outline.goal(ref.key)
            return self._goal_detail(view) if view else Content("")
        if ref.kind == "milestone":
            return self._milestone_detail(ref.key)
        if ref.kind == "focus":
            return self._focus_detail(ref.key)
        if ref.kind == "action":
            return self._action_detail(ref.key)
        if ref.kind == "skill":
            return self._skill_detail(ref.key)
        if ref.kind == "skills":
            return self._gap_view(None)
        if ref.kind in ("supporters", "supporter"):
            return self._supporters_view(ref.key if ref.kind == "supporter" else None)
        if ref.kind == "closed":
            return Content(
                "Goals you achieved, pivoted or dropped, with what you learned. "
                "s on one of them makes it active again."
            )
        return Content("")

    def _letters(self, goal: Any) -> list[Any]:
        fields = GoalFields(
            title=goal.title,
            metric=goal.metric,
            target=goal.target,
            due=goal.due,
            why_achievable=goal.why_achievable,
            obstacles=goal.obstacles,
            resources=goal.resources,
            why_relevant=goal.why_relevant,
        )
        return check_letters(fields, self.today, north_star=self.outline.north_star)

    def _goal_detail(self, view: Any) -> Content:
        goal = view.goal
        lines: list[Content] = [Content.styled(goal.title or UNTITLED, "bold")]
        facts = [TRACK_TITLES.get(goal.track, goal.track), goal.status]
        if goal.due:
            facts.append(f"due {describe_date(goal.due, self.today)}")
        lines.append(Content.styled(" · ".join(facts), "$text-muted"))
        if goal.status in ("active", "paused"):
            checks = self._letters(goal)
            strip = [Content("SMART ")]
            for check in checks:
                style = "$text-success" if check.ok else "bold $text-warning"
                strip.append(
                    Content.assemble(" ", (check.letter, "bold"), ("✓" if check.ok else "✗", style))
                )
            lines.append(Content("").join(strip))
            for check in checks:
                if not check.ok:
                    lines.append(Content.styled(f"  {check.letter}: {check.hint}", "$text-warning"))
        progress = self._progress_line(goal)
        if progress is not None:
            lines.append(progress)
        if goal.status_note:
            label = {"pivoted": "Learned", "dropped": "Why dropped"}.get(goal.status, "Note")
            lines.append(Content.assemble((f"{label}: ", "bold"), Content(goal.status_note)))
        if view.changes:
            lines.append(Content(""))
            lines.append(Content.styled("History", "bold"))
            for change in view.changes:
                entry = Content.assemble(
                    f"  {change.changed_at:%d %b %Y} {change.from_status} → ",
                    (change.to_status, "bold"),
                )
                if change.note:
                    entry = Content.assemble(entry, ": ", Content(change.note))
                lines.append(entry)
                grown = self.outline.goal(change.next_goal_id) if change.next_goal_id else None
                if grown is not None:
                    lines.append(
                        Content.assemble(
                            ("    grew into ", "$text-muted"), Content(grown.goal.title or UNTITLED)
                        )
                    )
        lines.append(Content(""))
        advice = focus_point_advice(len(view.focus_points))
        lines.append(Content.styled(f"Focus points ({len(view.focus_points)})", "bold"))
        for point in view.focus_points:
            lines.append(
                Content.assemble(
                    "  ▸ ",
                    Content(point.focus_point.title),
                    (f"  {len(point.actions)} action(s)", "$text-muted"),
                )
            )
        if advice and goal.status in ("active", "paused"):
            lines.append(Content.styled(f"  {advice}", "$text-muted italic"))
        if view.milestones or (goal.due and goal.status in ("active", "paused")):
            lines.append(Content(""))
            lines.append(Content.styled(f"Milestones ({len(view.milestones)})", "bold"))
            lines.extend(self._timeline(goal, view.milestones))
        skills = {s.id: s for s in self.outline.skills}
        linked_skills = [skills[i] for i in view.skill_ids if i in skills]
        if linked_skills:
            lines.append(Content(""))
            lines.append(Content.styled("Builds skills", "bold"))
            for skill in linked_skills:
                lines.append(
                    Content.assemble(
                        "  ", Content(skill.name), (f"  {self._levels(skill)}", "$text-muted")
                    )
                )
        people = [self.outline.supporter_name(i) for i in view.supporter_ids]
        people = [p for p in people if p]
        if people:
            lines.append(Content(""))
            lines.append(Content.assemble(("Helped by ", "bold"), Content(", ".join(people))))
        return Content("\n").join(lines)

    @staticmethod
    def _levels(skill: Any) -> str:
        now = "?" if skill.current_level is None else skill.current_level
        target = "?" if skill.target_level is None else skill.target_level
        return f"now {now} / target {target}"

    @staticmethod
    def _progress_line(goal: Any) -> Content | None:
        if goal.target is None:
            return None
        start = goal.baseline or 0.0
        now = goal.current_value if goal.current_value is not None else start
        span = goal.target - start
        share = 1.0 if span == 0 else max(0.0, min(1.0, (now - start) / span))
        width = 12
        bar = "█" * round(share * width) + "░" * (width - round(share * width))
        what = goal.unit if goal.unit else goal.metric
        if goal.unit and goal.metric:
            what = f"{goal.unit} · {goal.metric}"
        return Content.assemble(
            ("Progress ", "bold"),
            f"{bar} {round(share * 100)}%  {now:g} / {goal.target:g} ",
            Content(what),
        )

    def _timeline(self, goal: Any, milestones: list[Any]) -> list[Content]:
        """A one-line strip from today to the due date with the milestones on it, then a list."""
        lines: list[Content] = []
        dated = [m for m in milestones if m.due]
        end = goal.due or (max(m.due for m in dated) if dated else None)
        if end is not None and end > self.today:
            width = 30
            cells = ["─"] * width
            span = (end - self.today).days
            for milestone in dated:
                offset = (milestone.due - self.today).days
                if 0 <= offset <= span:
                    position = min(width - 1, round(offset / span * (width - 1)))
                    cells[position] = "◆" if milestone.status == "achieved" else "◇"
            lines.append(
                Content.assemble(
                    ("  today ", "$text-muted"),
                    ("├", "$text-muted"),
                    ("".join(cells), "$accent"),
                    ("┤", "$text-muted"),
                    (f" {end:%d %b %Y}", "$text-muted"),
                )
            )
        for milestone in milestones:
            when = f"{milestone.due:%d %b %Y}" if milestone.due else "no date"
            mark = "◆" if milestone.status == "achieved" else "◇"
            scale = f" {milestone.milestone_scale}" if milestone.milestone_scale else ""
            lines.append(
                Content.assemble(
                    (f"  {mark} {when}", "$accent"),
                    (f"{scale:<9}", "$text-muted"),
                    " ",
                    Content(milestone.title or UNTITLED),
                )
            )
        if not milestones:
            lines.append(
                Content.styled("  m plans them backwards from the due date.", "$text-muted")
            )
        return lines

    def _find_milestone(self, milestone_id: int) -> tuple[Any, Any]:
        for view in self.outline.goals:
            for milestone in view.milestones:
                if milestone.id == milestone_id:
                    return view, milestone
        return None, None

    def _find_focus(self, focus_id: int) -> tuple[Any, Any]:
        for view in self.outline.goals:
            for point in view.focus_points:
                if point.focus_point.id == focus_id:
                    return view, point
        return None, None

    def _find_action(self, action_id: int) -> tuple[Any, Any]:
        for view in self.outline.goals:
            for action in view.actions:
                if action.id == action_id:
                    return view, action
        return None, None

    def _milestone_detail(self, milestone_id: int) -> Content:
        view, milestone = self._find_milestone(milestone_id)
        if milestone is None:
            return Content("")
        lines = [
            Content.styled(milestone.title or UNTITLED, "bold"),
            Content.assemble(
                ("Milestone of ", "$text-muted"), Content(view.goal.title or UNTITLED)
            ),
        ]
        if milestone.due:
            lines.append(Content(f"By {describe_date(milestone.due, self.today)}"))
        lines.append(Content(f"Status: {milestone.status}"))
        lines.append(Content.styled("e edit · s mark achieved · x delete", "$text-muted"))
        return Content("\n").join(lines)

    def _focus_detail(self, focus_id: int) -> Content:
        view, point = self._find_focus(focus_id)
        if point is None:
            return Content("")
        lines = [
            Content.styled(point.focus_point.title or UNTITLED, "bold"),
            Content.assemble(
                ("Focus point of ", "$text-muted"), Content(view.goal.title or UNTITLED)
            ),
            Content(""),
            Content.styled(f"Actions ({len(point.actions)})", "bold"),
        ]
        for action in point.actions:
            lines.append(Content.assemble("  ", self._action_line(action)))
        if not point.actions:
            lines.append(
                Content.styled("  a adds one: small, concrete, in your control.", "$text-muted")
            )
        return Content("\n").join(lines)

    def _action_line(self, action: Any) -> Content:
        if action.kind == "recurring":
            return Content.assemble(
                ("↻ ", "$primary"),
                Content(action.title),
                (f"  {self._schedule(action)}", "$text-muted"),
            )
        when = f"  due {action.due:%d %b %Y}" if action.due else "  no date"
        return Content.assemble(("☐ ", "$primary"), Content(action.title), (when, "$text-muted"))

    def _action_detail(self, action_id: int) -> Content:
        view, action = self._find_action(action_id)
        if action is None:
            return Content("")
        lines = [
            Content.styled(action.title or UNTITLED, "bold"),
            Content.assemble(("For ", "$text-muted"), Content(view.goal.title or UNTITLED)),
        ]
        if action.kind == "recurring":
            lines.append(Content(f"Repeats {self._schedule(action)}"))
            if action.starts_on:
                ends = f" until {action.ends_on:%d %b %Y}" if action.ends_on else ""
                lines.append(Content(f"From {action.starts_on:%d %b %Y}{ends}"))
        else:
            lines.append(
                Content(
                    f"Due {describe_date(action.due, self.today)}" if action.due else "No due date"
                )
            )
            if action.planned_minutes:
                lines.append(Content(f"About {action.planned_minutes} min"))
        person = self.outline.supporter_name(action.supporter_id)
        if person:
            lines.append(Content.assemble(("Depends on ", "bold"), Content(person)))
        lines.append(Content(f"Status: {action.status}"))
        return Content("\n").join(lines)

    def _skill_detail(self, skill_id: int) -> Content:
        gap = next((g for g in self.outline.gaps if g.skill_id == skill_id), None)
        if gap is None:
            return Content("")
        lines = [
            Content.styled(gap.name, "bold"),
            Content.styled(f"{gap.kind} skill", "$text-muted"),
        ]
        if gap.current is not None or gap.target is not None:
            now = gap.current or 0
            target = gap.target if gap.target is not None else now
            cells = "".join(
                "█" if level <= now else ("░" if level <= target else "·") for level in range(1, 6)
            )
            lines.append(
                Content.assemble(
                    ("Level ", "bold"),
                    (cells, "$accent"),
                    f"  now {'?' if gap.current is None else gap.current}"
                    f" / target {'?' if gap.target is None else gap.target}",
                )
            )
        if gap.note:
            lines.append(Content.styled(gap.note, "$text-muted italic"))
        history = self.outline.assessments.get(skill_id, [])
        if history:
            lines.append(Content(""))
            lines.append(Content.styled("Ratings over time", "bold"))
            for rating in history[-8:]:
                entry = Content(f"  {rating.assessed_on:%d %b %Y}  {rating.current_level}")
                if rating.note:
                    entry = Content.assemble(entry, "  ", Content(rating.note))
                lines.append(entry)
        if gap.goals:
            lines.append(Content(""))
            lines.append(Content.styled("Worked on by", "bold"))
            lines.extend(Content.assemble("  ● ", Content(title)) for title in gap.goals)
            lines.extend(Content.assemble("  ↻ ", Content(title)) for title in gap.actions)
        lines.append(Content(""))
        lines.append(
            Content.styled("Enter edits it; a new level is saved with today's date.", "$text-muted")
        )
        return Content("\n").join(lines)

    def _gap_view(self, skill_id: int | None) -> Content:
        gaps = self.outline.gaps
        lines = [Content.styled("Skill gaps, biggest first", "bold")]
        if not gaps:
            lines.append(
                Content.styled(
                    "No skills yet: k adds one with where you are and where you want to be.",
                    "$text-muted",
                )
            )
        width = min(24, max((len(g.name) for g in gaps), default=5))
        lines.append(Content.styled(f"{'Skill':<{width}}  now  goal  gap", "$text-muted"))
        for gap in gaps:
            name = _short(gap.name, width)
            now = "?" if gap.current is None else str(gap.current)
            target = "?" if gap.target is None else str(gap.target)
            size = "" if gap.gap is None else f"{gap.gap:+d}" if gap.gap else "0"
            style = "bold" if gap.skill_id == skill_id else ""
            lines.append(
                Content.assemble(
                    Content.styled(f"{name:<{width}}", style)
                    if style
                    else Content(f"{name:<{width}}"),
                    f"  {now:>3}  {target:>4}  ",
                    (f"{size:>3}", "$text-warning" if gap.gap and gap.gap > 0 else "$text-muted"),
                )
            )
            if gap.goals:
                lines.append(
                    Content.assemble(("    goals: ", "$text-muted"), Content("; ".join(gap.goals)))
                )
            if gap.actions:
                lines.append(
                    Content.assemble(
                        ("    actions: ", "$text-muted"), Content("; ".join(gap.actions))
                    )
                )
            if gap.note:
                lines.append(Content.styled(f"    {gap.note}", "$text-muted italic"))
        lines.append(
            Content.styled(
                "Enter edits a skill (a new level is saved with today's date).", "$text-muted"
            )
        )
        return Content("\n").join(lines)

    def _supporters_view(self, supporter_id: int | None) -> Content:
        lines = [Content.styled("Your board of advisors", "bold")]
        if not self.outline.supporters:
            lines.append(
                Content.styled(
                    "Nobody yet: p adds a mentor, coach, peer, manager or accountability partner.",
                    "$text-muted",
                )
            )
        for person in self.outline.supporters:
            style = "bold" if person.id == supporter_id else ""
            lines.append(
                Content.assemble(
                    Content.styled(person.name, style) if style else Content(person.name),
                    (f"  {person.role}", "$text-muted"),
                )
            )
            if person.helps_with:
                lines.append(Content.assemble("  helps with: ", Content(person.helps_with)))
            goals = [v.goal.title for v in self.outline.goals if person.id in v.supporter_ids]
            if goals:
                lines.append(Content.assemble("  goals: ", Content("; ".join(goals))))
            actions = [
                a.title
                for v in self.outline.goals
                for a in v.actions
                if a.supporter_id == person.id
            ]
            if actions:
                lines.append(
                    Content.assemble("  actions that depend on them: ", Content("; ".join(actions)))
                )
        return Content("\n").join(lines)

    # -- context helpers ---------------------------------------------------------------------

    def _ref(self) -> NodeRef | None:
        return self._cursor_ref()

    def _context_goal(self) -> Any:
        """The goal the cursor is in (on the goal, its milestones, focus points or actions)."""
        ref = self._ref()
        if ref is None or self.outline is None:
            return None
        if ref.kind in ("goal", "milestones"):
            return self.outline.goal(ref.key)
        if ref.kind == "milestone":
            return self._find_milestone(ref.key)[0]
        if ref.kind == "focus":
            return self._find_focus(ref.key)[0]
        if ref.kind == "action":
            return self._find_action(ref.key)[0]
        return None

    def _choices(self, items: list[Any], attr: str = "name") -> list[Any]:
        from growth_tui.ui.dialogs.goal_editor import Choice

        return [Choice(item.id, getattr(item, attr) or UNTITLED) for item in items]

    def _write(self, what: str, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one short repository write; a problem becomes a notification, not a crash."""
        from growth_tui.store.engine import StoreError

        try:
            return function(self.store, *args, **kwargs)
        except (StoreError, ValueError) as error:
            self.notify(f"Could not {what}: {error}", severity="error", markup=False)
            return None

    def _after_write(self, select: NodeRef | None = None) -> None:
        if select is not None:
            self._select_after = select
        self.reload()

    def _ready(self) -> bool:
        if self.store is None or self.outline is None:
            self.notify("Still opening your plan…", markup=False)
            return False
        return True

    # -- actions -----------------------------------------------------------------------------

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        if not self._ready():
            return
        ref = self._ref()
        if ref is None:
            return
        if ref.kind == "goal":
            self._edit_goal(self.outline.goal(ref.key))
        elif ref.kind == "track":
            self.action_new_goal()
        elif ref.kind == "milestone":
            self._edit_milestone(ref.key)
        elif ref.kind == "milestones":
            self.action_milestones()
        elif ref.kind == "focus":
            self._rename_focus_point(ref.key)
        elif ref.kind == "action":
            view, action = self._find_action(ref.key)
            self._edit_action(view, action)
        elif ref.kind == "skill":
            self._edit_skill(ref.key)
        elif ref.kind == "skills":
            self.action_new_skill()
        elif ref.kind == "supporter":
            self._edit_supporter(ref.key)
        elif ref.kind == "supporters":
            self.action_new_supporter()
        elif ref.kind == "closed":
            tree = self.query_one("#plan-tree", Tree)
            if tree.cursor_node is not None:
                tree.cursor_node.toggle()

    # goals

    def _current_track(self) -> str:
        ref = self._ref()
        if ref is not None and ref.kind == "track":
            return ref.key
        view = self._context_goal()
        return view.goal.track if view is not None else "career"

    def action_new_goal(self, track: str | None = None, after_pivot: int | None = None) -> None:
        if not self._ready():
            return
        self._open_goal_editor(None, track or self._current_track(), after_pivot)

    def _edit_goal(self, view: Any) -> None:
        if view is not None:
            self._open_goal_editor(view, view.goal.track, None)

    @work
    async def _open_goal_editor(self, view: Any, track: str, after_pivot: int | None) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.goal_editor import GoalEditor

        editor = GoalEditor(
            today=self.today,
            goal=view.goal if view is not None else None,
            track=track,
            skills=self._choices(self.outline.skills),
            supporters=self._choices(self.outline.supporters),
            skill_ids=view.skill_ids if view is not None else [],
            supporter_ids=view.supporter_ids if view is not None else [],
            north_star=self.outline.north_star,
            title="The next goal" if after_pivot else None,
        )
        draft = await self.app.push_screen_wait(editor)
        if draft is None:
            return
        fields = dict(draft.fields)
        if view is None:
            track = fields.pop("track")
            goal = self._write(
                "save the goal", goals_repo.create_goal, self.plan_id, track=track, **fields
            )
        else:
            goal = self._write("save the goal", goals_repo.update_goal, view.goal.id, **fields)
        if goal is None:
            return
        if self.outline.skills:
            self._write("link skills", goals_repo.set_goal_skills, goal.id, draft.skill_ids)
        if self.outline.supporters:
            self._write("link people", goals_repo.set_goal_supporters, goal.id, draft.supporter_ids)
        if after_pivot is not None:
            self._write("link the next goal", goals_repo.set_next_goal, after_pivot, goal.id)
        self.notify(f"Saved: {_short(goal.title or UNTITLED)}", markup=False)
        self._after_write(NodeRef("goal", goal.id))

    # focus points

    @work
    async def action_add_focus_point(self) -> None:
        if not self._ready():
            return
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.prompts import TextPrompt

        view = self._context_goal()
        if view is None:
            self.notify("Move to a goal first, then f adds a focus point to it.", markup=False)
            return
        count = len(view.focus_points)
        title = await self.app.push_screen_wait(
            TextPrompt(
                "New focus point",
                f"Focus point {count + 1} for: {_short(view.goal.title or UNTITLED, 60)}",
                placeholder="e.g. visibility outside the team",
                hint="One area where this goal is won. 3 to 5 per goal work best.",
            )
        )
        if not title:
            return
        point = self._write("add the focus point", goals_repo.add_focus_point, view.goal.id, title)
        if point is None:
            return
        advice = focus_point_advice(count + 1)
        if advice and count + 1 > 5:
            self.notify(advice, markup=False, severity="warning")
        self._after_write(NodeRef("focus", point.id))

    @work
    async def _rename_focus_point(self, focus_id: int) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.prompts import TextPrompt

        _, point = self._find_focus(focus_id)
        if point is None:
            return
        title = await self.app.push_screen_wait(
            TextPrompt("Edit focus point", "Focus point", value=point.focus_point.title)
        )
        if title and self._write(
            "rename the focus point", goals_repo.rename_focus_point, focus_id, title
        ):
            self._after_write(NodeRef("focus", focus_id))

    # actions

    @work
    async def action_add_action(self) -> None:
        if not self._ready():
            return
        view = self._context_goal()
        if view is None:
            self.notify("Move to a goal or focus point first, then a adds an action.", markup=False)
            return
        ref = self._ref()
        focus_id = None
        if ref is not None and ref.kind == "focus":
            focus_id = ref.key
        elif ref is not None and ref.kind == "action":
            action = self._find_action(ref.key)[1]
            focus_id = action.focus_point_id if action is not None else None
        await self._action_dialog(view, None, focus_id)

    def _edit_action(self, view: Any, action: Any) -> None:
        if action is not None:
            self.run_worker(self._action_dialog(view, action, action.focus_point_id))

    async def _action_dialog(self, view: Any, action: Any, focus_id: int | None) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.action_editor import ActionEditor

        editor = ActionEditor(
            today=self.today,
            action=action,
            focus_points=[self._choices([p.focus_point], "title")[0] for p in view.focus_points],
            supporters=self._choices(self.outline.supporters),
            focus_point_id=focus_id,
            goal_title=_short(view.goal.title or UNTITLED, 40),
        )
        draft = await self.app.push_screen_wait(editor)
        if draft is None:
            return
        fields = dict(draft.fields)
        if not view.focus_points:
            fields.setdefault("focus_point_id", focus_id)
        if action is None:
            title = fields.pop("title")
            saved = self._write(
                "add the action", goals_repo.add_action, view.goal.id, title=title, **fields
            )
        else:
            saved = self._write("save the action", goals_repo.update_action, action.id, **fields)
        if saved is not None:
            self.notify(f"Saved: {_short(saved.title)}", markup=False)
            self._after_write(NodeRef("action", saved.id))

    # milestones

    @work
    async def action_milestones(self) -> None:
        if not self._ready():
            return
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.milestone_planner import MilestonePlanner
        from growth_tui.ui.dialogs.prompts import MilestoneEditor

        view = self._context_goal()
        if view is None:
            self.notify("Move to a goal first, then m plans its milestones.", markup=False)
            return
        goal = view.goal
        proposals = []
        if goal.due and not view.milestones:
            proposals = plan_milestones(
                goal.due,
                self.today,
                metric=goal.metric,
                baseline=goal.current_value if goal.current_value is not None else goal.baseline,
                target=goal.target,
                unit=goal.unit,
            )
        if proposals:
            chosen = await self.app.push_screen_wait(
                MilestonePlanner(goal_title=goal.title, due=goal.due, proposals=proposals)
            )
            if chosen:
                made = self._write("add the milestones", goals_repo.add_milestones, goal.id, chosen)
                if made:
                    self.notify(
                        f"{len(made)} milestone(s) planned back from {goal.due:%d %b %Y}.",
                        markup=False,
                    )
                    self._after_write(NodeRef("milestones", goal.id))
            return
        draft = await self.app.push_screen_wait(MilestoneEditor(today=self.today))
        if draft is not None:
            made = self._write(
                "add the milestone",
                goals_repo.add_milestone,
                goal.id,
                title=draft.title,
                due=draft.due,
            )
            if made is not None:
                self._after_write(NodeRef("milestone", made.id))

    @work
    async def _edit_milestone(self, milestone_id: int) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.prompts import MilestoneEditor

        _, milestone = self._find_milestone(milestone_id)
        if milestone is None:
            return
        draft = await self.app.push_screen_wait(
            MilestoneEditor(today=self.today, title=milestone.title, due=milestone.due, new=False)
        )
        if draft is not None and self._write(
            "save the milestone",
            goals_repo.update_goal,
            milestone_id,
            title=draft.title,
            due=draft.due,
        ):
            self._after_write(NodeRef("milestone", milestone_id))

    # status

    @work
    async def action_status(self) -> None:
        if not self._ready():
            return
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.confirm import ConfirmDialog
        from growth_tui.ui.dialogs.status_change import StatusDialog

        ref = self._ref()
        if ref is not None and ref.kind == "milestone":
            _, goal = self._find_milestone(ref.key)
        else:
            view = self._context_goal()
            goal = view.goal if view is not None else None
        if goal is None:
            self.notify("Move to a goal first, then s changes its status.", markup=False)
            return
        draft = await self.app.push_screen_wait(
            StatusDialog(goal_title=goal.title or UNTITLED, current=goal.status)
        )
        if draft is None:
            return
        change = self._write(
            "change the status", goals_repo.change_status, goal.id, draft.status, note=draft.note
        )
        if change is None:
            return
        title = _short(goal.title or UNTITLED, 60)
        messages = {
            "achieved": f"Achieved: {title}. Well done, write it down as a win too.",
            "pivoted": f"Pivoted: {title}. Changing course on what you learned is progress.",
            "paused": f"Paused: {title}. It waits for you under Goals.",
            "dropped": f"Dropped: {title}. The reason stays with it.",
            "active": f"Active again: {title}.",
        }
        self.notify(messages[draft.status], markup=False)
        self._after_write(NodeRef("goal" if goal.parent_id is None else "milestone", goal.id))
        if draft.status == "pivoted" and goal.parent_id is None:
            write_next = await self.app.push_screen_wait(
                ConfirmDialog(
                    Content("Write the goal that grows out of this pivot now?"),
                    yes="Write it",
                    no="Later",
                )
            )
            if write_next:
                self._open_goal_editor(None, goal.track, change.id)

    # skills and supporters

    def action_new_skill(self) -> None:
        if self._ready():
            self._open_skill_editor(None)

    def _edit_skill(self, skill_id: int) -> None:
        skill = next((s for s in self.outline.skills if s.id == skill_id), None)
        if skill is not None:
            self._open_skill_editor(skill)

    @work
    async def _open_skill_editor(self, skill: Any) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.people_skills import SkillEditor

        draft = await self.app.push_screen_wait(SkillEditor(skill))
        if draft is None:
            return
        if skill is None:
            saved = self._write(
                "add the skill",
                goals_repo.create_skill,
                self.plan_id,
                draft.name,
                today=self.today,
                kind=draft.kind,
                current_level=draft.current_level,
                target_level=draft.target_level,
            )
        else:
            saved = self._write(
                "save the skill",
                goals_repo.update_skill,
                skill.id,
                name=draft.name,
                kind=draft.kind,
                target_level=draft.target_level,
            )
            if (
                saved is not None
                and draft.current_level is not None
                and (draft.current_level != skill.current_level or draft.note)
            ):
                self._write(
                    "rate the skill",
                    goals_repo.set_skill_level,
                    skill.id,
                    draft.current_level,
                    today=self.today,
                    note=draft.note,
                )
        if saved is not None:
            self._after_write(NodeRef("skill", saved.id))

    def action_new_supporter(self) -> None:
        if self._ready():
            self._open_supporter_editor(None)

    def _edit_supporter(self, supporter_id: int) -> None:
        person = next((s for s in self.outline.supporters if s.id == supporter_id), None)
        if person is not None:
            self._open_supporter_editor(person)

    @work
    async def _open_supporter_editor(self, person: Any) -> None:
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.people_skills import SupporterEditor

        draft = await self.app.push_screen_wait(SupporterEditor(person))
        if draft is None:
            return
        if person is None:
            saved = self._write(
                "add the supporter",
                goals_repo.create_supporter,
                self.plan_id,
                draft.name,
                role=draft.role,
                helps_with=draft.helps_with,
            )
        else:
            saved = self._write(
                "save the supporter",
                goals_repo.update_supporter,
                person.id,
                name=draft.name,
                role=draft.role,
                helps_with=draft.helps_with,
            )
        if saved is not None:
            self._after_write(NodeRef("supporter", saved.id))

    # north star

    @work
    async def action_north_star(self) -> None:
        if not self._ready():
            return
        from growth_tui.store import plan_repo
        from growth_tui.store.engine import StoreError
        from growth_tui.ui.dialogs.north_star import NorthStarDialog

        try:
            history = plan_repo.north_star_history(self.store, self.plan_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        rows = [
            (v.set_at, v.text, v.source)
            for v in sorted(history, key=lambda v: v.set_at, reverse=True)
        ]
        text = await self.app.push_screen_wait(NorthStarDialog(self.outline.north_star, rows))
        if text is None or text == self.outline.north_star:
            return
        if (
            self._write("save the north star", plan_repo.set_north_star, self.plan_id, text)
            is not None
        ):
            self.notify("North star saved; the earlier one stays in its history.", markup=False)
            self._after_write()

    # delete and undo

    @work
    async def action_delete(self) -> None:
        if not self._ready():
            return
        from growth_tui.store import goals_repo
        from growth_tui.ui.dialogs.confirm import ConfirmDialog

        ref = self._ref()
        if ref is None:
            return
        plan: tuple[Any, ...] | None = None
        try:
            if ref.kind == "goal":
                view = self.outline.goal(ref.key)
                extra = (
                    f" with its {len(view.focus_points)} focus point(s), {len(view.actions)} "
                    f"action(s) and their log, and {len(view.milestones)} milestone(s)"
                )
                plan = ("goal", view.goal.title, extra, goals_repo.delete_goal, ref.key)
            elif ref.kind == "milestone":
                _, milestone = self._find_milestone(ref.key)
                plan = ("milestone", milestone.title, "", goals_repo.delete_goal, ref.key)
            elif ref.kind == "focus":
                _, point = self._find_focus(ref.key)
                plan = (
                    "focus point",
                    point.focus_point.title,
                    " (its actions stay under the goal)",
                    goals_repo.delete_focus_point,
                    ref.key,
                )
            elif ref.kind == "action":
                _, action = self._find_action(ref.key)
                plan = (
                    "action",
                    action.title,
                    " and everything logged for it",
                    goals_repo.delete_action,
                    ref.key,
                )
            elif ref.kind == "skill":
                skill = next(s for s in self.outline.skills if s.id == ref.key)
                plan = (
                    "skill",
                    skill.name,
                    " and its rating history",
                    goals_repo.delete_skill,
                    ref.key,
                )
            elif ref.kind == "supporter":
                person = next(s for s in self.outline.supporters if s.id == ref.key)
                plan = ("supporter", person.name, "", goals_repo.delete_supporter, ref.key)
        except (AttributeError, StopIteration):  # the item went away in a reload meanwhile
            plan = None
        if plan is None:
            self.notify(
                "Move to a goal, focus point, action, milestone, skill or person to delete it.",
                markup=False,
            )
            return
        label, title, extra, delete, row_id = plan
        question = Content.from_markup(
            "Delete $label [b]$title[/b]$extra?\nYou can undo it right after with Ctrl+Z.",
            label=label,
            title=_short(title or UNTITLED, 200),
            extra=extra,
        )
        if not await self.app.push_screen_wait(ConfirmDialog(question, yes="Delete", no="Keep")):
            return
        token = self._write(f"delete the {label}", delete, row_id)
        if token is None:
            return
        self.undo_token = token
        self.notify(
            f"Deleted {label} “{escape(_short(title or UNTITLED))}”. "
            "[@click=screen.undo]Undo[/] (Ctrl+Z)",
            markup=True,
            timeout=10,
        )
        self._after_write(None)

    def action_undo(self) -> None:
        from growth_tui.store import goals_repo

        token = self.undo_token
        if token is None:
            self.notify("Nothing to undo.", markup=False)
            return
        from growth_tui.store.engine import StoreError

        self.undo_token = None
        try:
            goals_repo.undo_delete(self.store, token)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        ref_kind = {
            "goal": "milestone" if token.label == "milestone" else "goal",
            "focus_point": "focus",
            "action": "action",
            "skill": "skill",
            "supporter": "supporter",
        }.get(token.table)
        self.notify(f"Restored {token.label} “{_short(token.title or UNTITLED)}”.", markup=False)
        self._after_write(NodeRef(ref_kind, token.row_id) if ref_kind else None)

    # -- selection asked for from elsewhere (Home's coach panel opens what a finding is about)

    def select_goal(self, goal_id: int) -> None:
        """Put the cursor on a goal, now if the plan is shown, else once it has loaded."""
        self._select_from_outside(NodeRef("goal", goal_id))

    def select_action(self, action_id: int) -> None:
        """Put the cursor on an action (its goal and focus point open up)."""
        self._select_from_outside(NodeRef("action", action_id))

    def _select_from_outside(self, ref: NodeRef) -> None:
        # A load still to come selects it (`_select_after`); if the tree is already filled,
        # move after the fill's own deferred cursor move, which would otherwise win.
        self._select_after = ref
        self.call_after_refresh(self._apply_outside_selection, ref)

    def _apply_outside_selection(self, ref: NodeRef) -> None:
        if self.outline is None:
            return
        self._move_cursor(ref)
        if self._select_after == ref:
            self._select_after = None  # done; a later reload keeps the cursor where it is
        self.query_one("#plan-tree", Tree).focus()
